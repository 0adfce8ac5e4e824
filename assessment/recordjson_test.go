package assessment_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
)

// update rewrites docs/examples in canonical form:
// go test ./assessment -run TestExamples -update
var update = flag.Bool("update", false, "rewrite docs/examples/*.json in the form MarshalRecordJSON writes")

const examplesDir = "../docs/examples"

// exampleFiles lists the shipped example files.
func exampleFiles(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(examplesDir, "*.json"))
	if err != nil {
		tb.Fatal(err)
	}
	if len(files) < 7 {
		tb.Fatalf("found %d example files in %s, want at least 7", len(files), examplesDir)
	}
	return files
}

// readExample returns the bytes of one example file.
func readExample(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(examplesDir, name))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// mustParseFile reads and parses one example file.
func mustParseFile(tb testing.TB, path string) *assessment.Record {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	r, err := assessment.ParseRecordJSON(data)
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return r
}

// TestExamples checks every example file parses, survives record → JSON →
// record unchanged, and is stored exactly as Keel writes it.
func TestExamples(t *testing.T) {
	for _, path := range exampleFiles(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			r, err := assessment.ParseRecordJSON(data)
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			out, err := assessment.MarshalRecordJSON(r)
			if err != nil {
				t.Fatalf("marshal: %v", err)
			}
			back, err := assessment.ParseRecordJSON(out)
			if err != nil {
				t.Fatalf("parse again: %v\n%s", err, out)
			}
			if !reflect.DeepEqual(r, back) {
				t.Errorf("round trip changed the record:\nfirst  %+v\nsecond %+v", r, back)
			}
			if *update {
				if err := os.WriteFile(path, out, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !bytes.Equal(data, out) {
				t.Errorf("file is not in canonical form; run with -update and review the diff")
			}
		})
	}
}

// TestExampleInterpretations pins what each named example is for.
func TestExampleInterpretations(t *testing.T) {
	tests := []struct {
		file     string
		referral bool
		want     []string
		not      []string
	}{
		{"clean.json", false, []string{assessment.FindGeneral}, []string{assessment.FindPainLow, assessment.FindDiastasis, assessment.FindHingeFair, assessment.FindAnteriorTilt}},
		{"red-flag.json", true, []string{assessment.FindRedFlag, assessment.FindPainModerate, assessment.FindLongSitting}, []string{assessment.FindPelvicFloor}},
		{"caesarean-4-weeks.json", false, []string{assessment.FindEarlyPostpartum, assessment.FindRecentCaesarean, assessment.FindDiastasis, assessment.FindDoming, assessment.FindRoundedShoulders, assessment.FindFrequentLifting, assessment.FindLongSitting}, []string{assessment.FindUnder12Weeks}},
		{"diastasis-wide-soft.json", false, []string{assessment.FindDiastasis, assessment.FindDiastasisSoft, assessment.FindDoming}, []string{assessment.FindUnder12Weeks}},
		{"pelvic-floor.json", true, []string{assessment.FindPelvicFloor}, []string{assessment.FindRedFlag, assessment.FindScarConcern}},
		{"weak-right-glute-med.json", false, []string{assessment.FindGluteMedWeak, assessment.FindGluteMaxWeak, assessment.FindGluteAsymmetry, assessment.FindHingePoor, assessment.FindHingeLumbarFlex, assessment.FindHingeSquatting, assessment.FindThoracicMobility, assessment.FindAnteriorTilt, assessment.FindTiltAsymmetry}, []string{assessment.FindHingePain}},
		{"full.json", true, []string{assessment.FindRedFlag, assessment.FindPelvicFloor, assessment.FindScarConcern, assessment.FindPainHigh, assessment.FindAnteriorTilt, assessment.FindShortHipFlexors, assessment.FindShortRectus, assessment.FindTFLTightness, assessment.FindHingePoor, assessment.FindForwardHead, assessment.FindKyphosis}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			in := assessment.Interpret(mustParseFile(t, filepath.Join(examplesDir, tt.file)))
			if in.ReferralRequired != tt.referral {
				t.Errorf("ReferralRequired = %v, want %v", in.ReferralRequired, tt.referral)
			}
			for _, c := range tt.want {
				if !in.Has(c) {
					t.Errorf("missing finding %s; got %v", c, codes(in))
				}
			}
			for _, c := range tt.not {
				if in.Has(c) {
					t.Errorf("unexpected finding %s", c)
				}
			}
		})
	}
	t.Run("FullClearanceCovers", func(t *testing.T) {
		// The full example shows a cleared red flag: its clearance must be
		// dated on or after the assessment, or the programme is blocked.
		r := mustParseFile(t, filepath.Join(examplesDir, "full.json"))
		if got := r.ClearanceStatus(); got != assessment.ClearanceCovers {
			t.Errorf("full.json clearance status %d; want it to cover the assessment", got)
		}
	})
	t.Run("WeakRightGluteMedSide", func(t *testing.T) {
		in := assessment.Interpret(mustParseFile(t, filepath.Join(examplesDir, "weak-right-glute-med.json")))
		f := find(in, assessment.FindGluteMedWeak)
		if f.Side != assessment.SideRight {
			t.Errorf("side = %q, want right", f.Side)
		}
		if want := "right glute med 3/5 vs left 4+/5"; !strings.Contains(f.Evidence, want) {
			t.Errorf("evidence %q does not contain %q", f.Evidence, want)
		}
	})
	t.Run("CleanHasOnlyGeneral", func(t *testing.T) {
		in := assessment.Interpret(mustParseFile(t, filepath.Join(examplesDir, "clean.json")))
		if got := codes(in); len(got) != 1 || got[0] != assessment.FindGeneral {
			t.Errorf("findings = %v, want only general", got)
		}
		if len(in.NotTested) != 0 {
			t.Errorf("NotTested = %v, want none", in.NotTested)
		}
	})
}

// TestMarshalRecordJSON checks what an export leaves out and sets.
func TestMarshalRecordJSON(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		r := &assessment.Record{
			ID: 7, ClientID: 3, Date: assessment.NewDate(2026, 10, 1),
			CreatedAt: time.Now(), UpdatedAt: time.Now(),
			Notes: "Lifts <10 kg & walks",
		}
		out, err := assessment.MarshalRecordJSON(r)
		if err != nil {
			t.Fatal(err)
		}
		s := string(out)
		for _, key := range []string{`"id"`, `"client_id"`, `"created_at"`, `"updated_at"`} {
			if strings.Contains(s, key) {
				t.Errorf("export contains storage key %s:\n%s", key, s)
			}
		}
		if !strings.Contains(s, `"format": "keel.assessment/1"`) {
			t.Errorf("export lacks the format:\n%s", s)
		}
		if !strings.Contains(s, "<10 kg & walks") {
			t.Errorf("notes were escaped:\n%s", s)
		}
		if r.ID != 7 || r.Format != "" {
			t.Errorf("MarshalRecordJSON changed its argument: ID %d, Format %q", r.ID, r.Format)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		now := 11
		_, err := assessment.MarshalRecordJSON(&assessment.Record{Date: assessment.NewDate(2026, 10, 1), Pain: &assessment.Pain{Now: &now}})
		if got := assessment.FieldErrors(err).For("pain.now"); got == "" {
			t.Errorf("err = %v, want a pain.now error", err)
		}
	})
	t.Run("ErrNil", func(t *testing.T) {
		if _, err := assessment.MarshalRecordJSON(nil); assessment.ErrorCode(err) != assessment.EINVALID {
			t.Errorf("err = %v, want EINVALID", err)
		}
	})
}

// minimal is the smallest valid file.
const minimal = `{"format": "keel.assessment/1", "date": "2026-10-01"}`

// withKey returns minimal with one more top-level key and value.
func withKey(key, value string) string {
	return `{"format": "keel.assessment/1", "date": "2026-10-01", "` + key + `": ` + value + `}`
}

// TestParseRecordJSON checks broken files fail cleanly, naming the key and
// the problem.
func TestParseRecordJSON(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		code  string
		field string // "" when the error is about the whole file
		msg   string // part of the message
	}{
		{"OK", minimal, "", "", ""},
		{"OKNullSection", withKey("pain", "null"), "", "", ""},
		{"OKUnknownTopLevelKey", withKey("sleep", `{"hours": 5}`), "", "", ""},
		{"OKStorageKeysIgnored", withKey("id", `"not a number"`), "", "", ""},
		{"ErrEmpty", "", assessment.EINVALID, "", "empty"},
		{"ErrBlank", "  \n ", assessment.EINVALID, "", "empty"},
		{"ErrTruncated", `{"format": "keel.assessment/1", "date": "2026-10-01", "pain": {"now": 3`, assessment.EINVALID, "", "ends too early"},
		{"ErrNotJSON", `{"format": keel}`, assessment.EINVALID, "", "line 1, column"},
		{"ErrTrailingGarbage", minimal + " x", assessment.EINVALID, "", "not valid JSON"},
		{"ErrArray", `[1, 2]`, assessment.EINVALID, "", "JSON object"},
		{"ErrNull", `null`, assessment.EINVALID, "", "JSON object"},
		{"ErrNotUTF8", "{\"format\": \"keel.assessment/1\", \"date\": \"2026-10-01\", \"notes\": \"\xff\"}", assessment.EINVALID, "", "UTF-8"},
		{"ErrFormatMissing", `{"date": "2026-10-01"}`, assessment.EINVALID, "format", "missing"},
		{"ErrFormatWrong", `{"format": "keel.programme/1", "date": "2026-10-01"}`, assessment.EINVALID, "format", "not a Keel assessment"},
		{"ErrFormatNewer", `{"format": "keel.assessment/2", "date": "2026-10-01"}`, assessment.EUNSUPPORTED, "format", "newer Keel"},
		{"ErrFormatType", `{"format": 1, "date": "2026-10-01"}`, assessment.EINVALID, "format", "text"},
		{"ErrDateMissing", `{"format": "keel.assessment/1"}`, assessment.EINVALID, "date", "Enter the date"},
		{"ErrDateBad", `{"format": "keel.assessment/1", "date": "2026-13-01"}`, assessment.EINVALID, "date", "YYYY-MM-DD"},
		{"ErrDateType", `{"format": "keel.assessment/1", "date": 20261001}`, assessment.EINVALID, "date", "YYYY-MM-DD"},
		{"ErrPainNowRange", withKey("pain", `{"now": 12}`), assessment.EINVALID, "pain.now", "from 0 to 10. The file has 12"},
		{"ErrPainNowText", withKey("pain", `{"now": "3"}`), assessment.EINVALID, "pain.now", `whole number; the file has the text "3"`},
		{"ErrPainNowFraction", withKey("pain", `{"now": 3.5}`), assessment.EINVALID, "pain.now", "whole number; the file has 3.5"},
		{"ErrPainNowHuge", withKey("pain", `{"now": 1e400}`), assessment.EINVALID, "pain.now", "whole number"},
		{"ErrSectionType", withKey("pain", `[1]`), assessment.EINVALID, "pain", "object"},
		{"ErrUnknownNestedKey", withKey("glutes", `{"left": {"med_grde": "3"}}`), assessment.EINVALID, "glutes.left.med_grde", "does not know this key"},
		{"ErrKeyCase", withKey("pain", `{"Now": 3}`), assessment.EINVALID, "pain.Now", "does not know this key"},
		{"ErrUnknownGrade", withKey("glutes", `{"right": {"med_grade": "6"}}`), assessment.EINVALID, "glutes.right.med_grade", `The file has "6"`},
		{"ErrUnknownTri", withKey("red_flags", `{"night_pain": "maybe"}`), assessment.EINVALID, "red_flags.night_pain", "no, yes or unsure"},
		{"ErrTriType", withKey("red_flags", `{"night_pain": true}`), assessment.EINVALID, "red_flags.night_pain", "text"},
		{"ErrBoolType", withKey("pelvic_floor", `{"leakage": "yes"}`), assessment.EINVALID, "pelvic_floor.leakage", "true or false"},
		{"ErrListType", withKey("pain", `{"sites": "low_back"}`), assessment.EINVALID, "pain.sites", "list"},
		{"ErrListItem", withKey("pain", `{"sites": ["low_back", "knee"]}`), assessment.EINVALID, "pain.sites[1]", "pain site"},
		{"ErrActivityRating", withKey("context", `{"activities": [{"name": "a", "rating": 2}, {"name": "b", "rating": 11}]}`), assessment.EINVALID, "context.activities[1].rating", "0 (cannot) to 10"},
		{"ErrActivityRatingType", withKey("context", `{"activities": [{"name": "a", "rating": "x"}]}`), assessment.EINVALID, "context.activities[0].rating", "whole number"},
		{"ErrWidthStep", withKey("diastasis", `{"at": {"width_fingers": 2.3}}`), assessment.EINVALID, "diastasis.at.width_fingers", "steps of 0.5. The file has 2.3"},
		{"ErrWidthBoth", withKey("diastasis", `{"at": {"width_fingers": 2, "width_mm": 20}}`), assessment.EINVALID, "diastasis.at.width_fingers", "not both"},
		{"ErrTiltRange", withKey("pelvic_tilt", `{"left_deg": 40}`), assessment.EINVALID, "pelvic_tilt.left_deg", "The file has 40"},
		{"ErrDeliveryMode", withKey("client", `{"name": "A", "delivery_mode": "c-section"}`), assessment.EINVALID, "client.delivery_mode", "caesarean"},
		{"ErrClientDate", withKey("client", `{"name": "A", "birth_date": "12/04/1990"}`), assessment.EINVALID, "client.birth_date", "YYYY-MM-DD"},
		{"ErrClearanceBy", withKey("medical_clearance", `{"date": "2026-09-01"}`), assessment.EINVALID, "medical_clearance.by", "who gave"},
		{"ErrNotesControl", withKey("notes", `"a\u0000b"`), assessment.EINVALID, "notes", "cannot be stored"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := assessment.ParseRecordJSON([]byte(tt.in))
			if tt.code == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if r == nil || r.Format != assessment.FormatAssessment {
					t.Fatalf("record = %+v, want one with the format set", r)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error, want %s", tt.code)
			}
			if r != nil {
				t.Errorf("record returned with an error")
			}
			if got := assessment.ErrorCode(err); got != tt.code {
				t.Errorf("code = %q, want %q (%v)", got, tt.code, err)
			}
			if tt.field == "" {
				var e *assessment.Error
				if !errors.As(err, &e) || e.Field != "" {
					t.Errorf("want a whole-file *Error, got %#v", err)
				}
				if !strings.Contains(e.Message, tt.msg) {
					t.Errorf("message %q does not contain %q", e.Message, tt.msg)
				}
				return
			}
			msg := assessment.FieldErrors(err).For(tt.field)
			if msg == "" {
				t.Fatalf("no error for %s; got %v", tt.field, err)
			}
			if !strings.Contains(msg, tt.msg) {
				t.Errorf("message %q does not contain %q", msg, tt.msg)
			}
		})
	}
}

// TestParseRecordJSONStorageKeys checks an import never carries a database
// identity with it.
func TestParseRecordJSONStorageKeys(t *testing.T) {
	r, err := assessment.ParseRecordJSON([]byte(`{"id": 5, "client_id": 9, "created_at": "2026-01-01T00:00:00Z", "format": "keel.assessment/1", "date": "2026-10-01"}`))
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != 0 || r.ClientID != 0 || !r.CreatedAt.IsZero() {
		t.Errorf("storage fields imported: %+v", r)
	}
}

// TestParseRecordJSONAllErrors checks every problem in a file is reported
// at once, in a stable order.
func TestParseRecordJSONAllErrors(t *testing.T) {
	in := `{"format": "keel.assessment/1", "date": "2026-10-01",
		"pain": {"now": 11, "worst_week": -1},
		"posture": {"forward_head": "severe"}}`
	_, err := assessment.ParseRecordJSON([]byte(in))
	fe := assessment.FieldErrors(err)
	var got []string
	for _, e := range fe {
		got = append(got, e.Field)
	}
	want := []string{"pain.now", "pain.worst_week", "posture.forward_head"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("fields = %v, want %v", got, want)
	}
}

// TestIgnoredRecordKeys checks a misspelt section can be reported.
func TestIgnoredRecordKeys(t *testing.T) {
	got := assessment.IgnoredRecordKeys([]byte(`{"format": "keel.assessment/1", "id": 1, "glute": {}, "date": "2026-10-01", "Pain": {}}`))
	if want := []string{"Pain", "glute"}; !reflect.DeepEqual(got, want) {
		t.Errorf("IgnoredRecordKeys = %v, want %v", got, want)
	}
	if got := assessment.IgnoredRecordKeys([]byte(`[`)); got != nil {
		t.Errorf("IgnoredRecordKeys(broken) = %v, want nil", got)
	}
}

// TestParseEmptyListsNormalized checks [] and a missing list read the same.
func TestParseEmptyListsNormalized(t *testing.T) {
	a, err := assessment.ParseRecordJSON([]byte(withKey("pain", `{"now": 1, "sites": []}`)))
	if err != nil {
		t.Fatal(err)
	}
	b, err := assessment.ParseRecordJSON([]byte(withKey("pain", `{"now": 1}`)))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("[] and missing differ: %+v vs %+v", a.Pain, b.Pain)
	}
}

// TestFormatDocExample checks the full example printed in docs/FORMAT.md is
// byte for byte the shipped docs/examples/full.json.
func TestFormatDocExample(t *testing.T) {
	doc, err := os.ReadFile("../docs/FORMAT.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(doc), "## Assessment file (keel.assessment/1)")
	if !ok {
		t.Fatal("FORMAT.md lacks the assessment section")
	}
	_, after, ok = strings.Cut(after, "```json\n")
	if !ok {
		t.Fatal("FORMAT.md lacks a json block in the assessment section")
	}
	block, _, ok := strings.Cut(after, "```")
	if !ok {
		t.Fatal("unterminated json block")
	}
	if want := string(readExample(t, "full.json")); block != want {
		t.Errorf("the example in FORMAT.md differs from docs/examples/full.json")
	}
	if !strings.Contains(string(doc), "## Programme file (keel.programme/1)") {
		t.Errorf("FORMAT.md lacks the programme heading")
	}
}
