package assessment_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
)

// xToday is the day export fixtures are checked on.
var xToday = assessment.NewDate(2026, 3, 20)

var xTime = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

// xExported is when the fixture export was written: after its last log.
var xExported = time.Date(2026, 3, 20, 8, 0, 0, 0, time.UTC)

// xExercise is a valid custom glute exercise linking to a built-in one.
func xExercise(id string) *assessment.Exercise {
	return &assessment.Exercise{
		ID: id, Name: "Banded bridge", Family: assessment.FamilyGlutes,
		Targets: []string{assessment.FindGluteMaxWeak}, Demands: []string{}, Equipment: []string{assessment.EquipBand},
		Position: assessment.PosSupine, Cues: []string{"Band above the knees.", "Breathe out as you lift."},
		Dosage: map[string]assessment.Dose{assessment.PhaseActivation: {Sets: 2, Reps: 12}},
	}
}

// xExport is a small export as a database would gather it, before
// renumbering: database ids, out of order.
func xExport(t testing.TB) *assessment.Export {
	t.Helper()
	full := mustParseFile(t, filepath.Join(examplesDir, "full.json"))
	clean := mustParseFile(t, filepath.Join(examplesDir, "clean.json"))
	ana := &assessment.Client{ID: 7, Name: "Ana Sousa", BirthDate: assessment.NewDate(1991, 5, 4), Births: 1,
		LastDelivery: assessment.NewDate(2025, 10, 1), DeliveryMode: assessment.DeliveryCaesarean, CreatedAt: xTime, UpdatedAt: xTime}
	zoe := &assessment.Client{ID: 3, Name: "Zoë Ó", Births: 0, Notes: "Runs <5k> & swims", CreatedAt: xTime, UpdatedAt: xTime.Add(time.Hour)}
	r1 := *full
	r1.ID, r1.ClientID, r1.CreatedAt, r1.UpdatedAt = 40, 7, xTime, xTime
	r2 := *clean
	r2.ID, r2.ClientID, r2.CreatedAt, r2.UpdatedAt = 12, 3, xTime, xTime
	r3 := *clean
	r3.ID, r3.ClientID, r3.CreatedAt, r3.UpdatedAt = 41, 7, xTime, xTime
	r3.Date = r1.Date.AddDays(-30) // older than r1 though its id is higher

	prog := func(id, client, record, lineage int64, version int, status string) *assessment.Programme {
		p, err := assessment.Generate(&r1, pgLib(t), assessment.ProgrammeOptions{Weeks: 6, Start: assessment.NewDate(2026, 3, 2)})
		if err != nil {
			t.Fatal(err)
		}
		p.ID, p.ClientID, p.RecordID, p.Lineage, p.Version, p.Status = id, client, record, lineage, version, status
		p.CreatedAt, p.UpdatedAt = xTime, xTime
		return p
	}
	return &assessment.Export{
		ExportedAt: xExported,
		Clients:    []*assessment.Client{ana, zoe},
		// The first version of lineage 90 was deleted: 91 is the lowest.
		Assessments: []*assessment.Record{&r1, &r2, &r3},
		Programmes: []*assessment.Programme{
			prog(92, 7, 40, 90, 3, assessment.StatusIssued),
			prog(91, 7, 40, 90, 2, assessment.StatusSuperseded),
			prog(95, 7, 41, 95, 1, assessment.StatusDraft),
		},
		SessionLogs: []*assessment.SessionLog{
			{ID: 9, ClientID: 7, ProgrammeID: 92, Date: assessment.NewDate(2026, 3, 4), Status: assessment.SessionDone, Pain: 2, CreatedAt: xTime, UpdatedAt: xTime},
			{ID: 5, ClientID: 7, ProgrammeID: 91, Date: assessment.NewDate(2026, 3, 3), Status: assessment.SessionPartial, Pain: 4, Doming: true, CreatedAt: xTime, UpdatedAt: xTime},
		},
		Exercises: []*assessment.Exercise{xExercise("zz_band_bridge"), xExercise("aa_band_bridge")},
	}
}

func TestExport_Renumber(t *testing.T) {
	e := xExport(t)
	if err := e.Renumber(); err != nil {
		t.Fatal(err)
	}
	type ref struct{ id, client int64 }
	var clients []ref
	for _, c := range e.Clients {
		clients = append(clients, ref{c.ID, 0})
	}
	if want := []ref{{1, 0}, {2, 0}}; !slices.Equal(clients, want) {
		t.Errorf("clients = %v, want %v", clients, want)
	}
	var recs []ref
	for _, r := range e.Assessments {
		recs = append(recs, ref{r.ID, r.ClientID})
	}
	// Ana (client 1) first, her older assessment (old id 41) before 40;
	// then Zoë's.
	if want := []ref{{1, 1}, {2, 1}, {3, 2}}; !slices.Equal(recs, want) {
		t.Errorf("assessments (id, client) = %v, want %v", recs, want)
	}
	if got := e.Assessments[0].Date; got != e.Assessments[1].Date.AddDays(-30) {
		t.Errorf("assessments not in date order: %s first", got)
	}
	type pref struct {
		id, client, record, lineage int64
		version                     int
	}
	var progs []pref
	for _, p := range e.Programmes {
		progs = append(progs, pref{p.ID, p.ClientID, p.RecordID, p.Lineage, p.Version})
	}
	// Lineage 90 (versions 2, 3 from assessment 40 → 2) then lineage 95
	// (version 1 from assessment 41 → 1).
	want := []pref{{1, 1, 2, 1, 2}, {2, 1, 2, 1, 3}, {3, 1, 1, 3, 1}}
	if !slices.Equal(progs, want) {
		t.Errorf("programmes = %v, want %v", progs, want)
	}
	var logs [][3]int64
	for _, l := range e.SessionLogs {
		logs = append(logs, [3]int64{l.ID, l.ClientID, l.ProgrammeID})
	}
	if want := [][3]int64{{1, 1, 1}, {2, 1, 2}}; !slices.Equal(logs, want) {
		t.Errorf("session logs (id, client, programme) = %v, want %v", logs, want)
	}
	if got := []string{e.Exercises[0].ID, e.Exercises[1].ID}; !slices.Equal(got, []string{"aa_band_bridge", "zz_band_bridge"}) {
		t.Errorf("exercises = %q, want sorted by id", got)
	}
	if err := e.Validate(xToday); err != nil {
		t.Fatalf("renumbered export does not validate: %v", err)
	}

	t.Run("ErrDangling", func(t *testing.T) {
		e := xExport(t)
		e.Assessments[0].ClientID = 999
		if err := e.Renumber(); assessment.ErrorCode(err) != assessment.EINTERNAL {
			t.Fatalf("Renumber with an assessment of a missing client = %v, want EINTERNAL", err)
		}
		e = xExport(t)
		e.SessionLogs[0].ProgrammeID = 999
		if err := e.Renumber(); assessment.ErrorCode(err) != assessment.EINTERNAL {
			t.Fatalf("Renumber with a log of a missing programme = %v, want EINTERNAL", err)
		}
	})
}

// renumbered is the fixture export after Renumber, as a file.
func renumbered(t testing.TB) []byte {
	t.Helper()
	e := xExport(t)
	if err := e.Renumber(); err != nil {
		t.Fatal(err)
	}
	b, err := assessment.MarshalExport(e)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestMarshalExport(t *testing.T) {
	t.Run("RoundTrip", func(t *testing.T) {
		b := renumbered(t)
		e, err := assessment.ParseExport(b, xToday)
		if err != nil {
			t.Fatal(err)
		}
		again, err := assessment.MarshalExport(e)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, again) {
			t.Fatalf("write → read → write changed the file:\n%s", firstDiff(b, again))
		}
		if !bytes.Contains(b, []byte(`"Runs <5k> & swims"`)) {
			t.Error("notes with < > & were escaped; the file should stay readable")
		}
		if !bytes.HasSuffix(b, []byte("}\n")) {
			t.Error("file does not end with a newline")
		}
		var keys []string
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.Token() // {
		for dec.More() {
			k, _ := dec.Token()
			keys = append(keys, k.(string))
			var skip json.RawMessage
			dec.Decode(&skip)
		}
		if want := []string{"format", "exported_at", "clients", "assessments", "programmes", "session_logs", "custom_exercises", "templates"}; !slices.Equal(keys, want) {
			t.Errorf("top-level keys %q, want %q", keys, want)
		}
	})
	t.Run("EmptyListsNotNull", func(t *testing.T) {
		b, err := assessment.MarshalExport(&assessment.Export{ExportedAt: xTime})
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte("null")) {
			t.Fatalf("empty export has null lists:\n%s", b)
		}
		if _, err := assessment.ParseExport(b, xToday); err != nil {
			t.Fatalf("empty export does not read back: %v", err)
		}
	})
	t.Run("ErrNil", func(t *testing.T) {
		if _, err := assessment.MarshalExport(nil); assessment.ErrorCode(err) != assessment.EINVALID {
			t.Fatalf("MarshalExport(nil) = %v", err)
		}
	})
}

// firstDiff shows where two byte slices first differ.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-80)
	return fmt.Sprintf("at byte %d:\n got …%s\nwant …%s", i, b[lo:min(len(b), i+80)], a[lo:min(len(a), i+80)])
}

// edit decodes the fixture file, applies change to the generic tree, and
// encodes it again.
func edit(t *testing.T, change func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(renumbered(t), &m); err != nil {
		t.Fatal(err)
	}
	change(m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func item(m map[string]any, list string, i int) map[string]any {
	return m[list].([]any)[i].(map[string]any)
}

func TestParseExport(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		e, err := assessment.ParseExport(renumbered(t), xToday)
		if err != nil {
			t.Fatal(err)
		}
		if got := []int{len(e.Clients), len(e.Assessments), len(e.Programmes), len(e.SessionLogs), len(e.Exercises)}; !slices.Equal(got, []int{2, 3, 3, 2, 2}) {
			t.Fatalf("counts = %v", got)
		}
		if got := e.Clients[1].Name; got != "Zoë Ó" {
			t.Errorf("name = %q", got)
		}
		if !e.ExportedAt.Equal(xExported) || !e.Clients[1].UpdatedAt.Equal(xTime.Add(time.Hour)) {
			t.Errorf("times not read: %v, %v", e.ExportedAt, e.Clients[1].UpdatedAt)
		}
	})

	// Whole-file problems: an *Error with no field, or on "format".
	files := []struct {
		name, data, code, words string
	}{
		{"Empty", "  \n", assessment.EINVALID, "empty"},
		{"NotUTF8", "{\"format\": \"keel.export/1\", \"x\": \"\xff\"}", assessment.EINVALID, "UTF-8"},
		{"NotJSON", "format: keel.export/1\n", assessment.EINVALID, "not valid JSON at line 1"},
		{"CutOff", `{"format": "keel.export/1", "clients": [`, assessment.EINVALID, "cut off"},
		{"List", `[]`, assessment.EINVALID, "JSON object"},
		{"Null", `null`, assessment.EINVALID, "JSON object"},
		{"TwoObjects", `{"format": "keel.export/1"} {}`, assessment.EINVALID, "more after the end"},
		{"NoFormat", `{"clients": []}`, assessment.EINVALID, "not a Keel export"},
		{"FormatNotText", `{"format": 1}`, assessment.EINVALID, "Must be text"},
		{"Newer", `{"format": "keel.export/2"}`, assessment.EUNSUPPORTED, "newer Keel"},
		{"AssessmentFile", `{"format": "keel.assessment/1", "date": "2026-03-02"}`, assessment.EINVALID, "one assessment"},
		{"Other", `{"format": "acme.backup/3"}`, assessment.EINVALID, "not a Keel export"},
	}
	for _, tt := range files {
		t.Run("Err"+tt.name, func(t *testing.T) {
			e, err := assessment.ParseExport([]byte(tt.data), xToday)
			if e != nil {
				t.Fatal("returned an export with the error")
			}
			if got := assessment.ErrorCode(err); got != tt.code {
				t.Fatalf("code = %q, want %q (%v)", got, tt.code, err)
			}
			if msg := assessment.ErrorMessage(err); !strings.Contains(msg, tt.words) {
				t.Fatalf("message %q does not say %q", msg, tt.words)
			}
		})
	}

	// Problems inside: ValidationErrors naming the path.
	fields := []struct {
		name   string
		change func(m map[string]any)
		field  string
	}{
		{"UnknownTopKey", func(m map[string]any) { m["profile"] = map[string]any{} }, "profile"},
		{"UnknownClientKey", func(m map[string]any) { item(m, "clients", 1)["nickname"] = "Zo" }, "clients[1].nickname"},
		{"UnknownNestedKey", func(m map[string]any) {
			item(m, "assessments", 0)["pain"] = map[string]any{"nw": 3}
		}, "assessments[0].pain.nw"},
		{"WrongType", func(m map[string]any) { item(m, "clients", 0)["births"] = "one" }, "clients[0].births"},
		{"BadTime", func(m map[string]any) { item(m, "clients", 0)["created_at"] = "yesterday" }, "clients[0].created_at"},
		{"BadExportedAt", func(m map[string]any) { m["exported_at"] = 5 }, "exported_at"},
		{"ClientsNotList", func(m map[string]any) { m["clients"] = map[string]any{} }, "clients"},
		{"ItemNotObject", func(m map[string]any) { m["session_logs"] = []any{"done"} }, "session_logs[0]"},
		{"ClientInvalid", func(m map[string]any) { item(m, "clients", 0)["name"] = " " }, "clients[0].name"},
		{"ClientIDMissing", func(m map[string]any) { delete(item(m, "clients", 0), "id") }, "clients[0].id"},
		{"ClientIDTwice", func(m map[string]any) { item(m, "clients", 1)["id"] = 1 }, "clients[1].id"},
		{"AssessmentOfNoOne", func(m map[string]any) { item(m, "assessments", 2)["client_id"] = 9 }, "assessments[2].client_id"},
		{"AssessmentInvalid", func(m map[string]any) {
			item(m, "assessments", 0)["pain"] = map[string]any{"now": 11}
		}, "assessments[0].pain.now"},
		{"AssessmentNoFormat", func(m map[string]any) { delete(item(m, "assessments", 0), "format") }, "assessments[0].format"},
		{"ProgrammeOfOtherClientsAssessment", func(m map[string]any) { item(m, "programmes", 0)["record_id"] = 3 }, "programmes[0].record_id"},
		{"ProgrammeLineageMissing", func(m map[string]any) { item(m, "programmes", 1)["lineage"] = 7 }, "programmes[1].lineage"},
		{"ProgrammeLineageNotFirst", func(m map[string]any) { item(m, "programmes", 0)["lineage"] = 2 }, "programmes[0].lineage"},
		{"ProgrammeVersionTwice", func(m map[string]any) { item(m, "programmes", 1)["version"] = 2 }, "programmes[1].version"},
		{"ProgrammeStatus", func(m map[string]any) { item(m, "programmes", 2)["status"] = "final" }, "programmes[2].status"},
		{"LogOfNoProgramme", func(m map[string]any) { item(m, "session_logs", 0)["programme_id"] = 9 }, "session_logs[0].programme_id"},
		{"LogInvalid", func(m map[string]any) { item(m, "session_logs", 0)["pain"] = 12 }, "session_logs[0].pain"},
		{"ExerciseUnknownKey", func(m map[string]any) { item(m, "custom_exercises", 0)["colour"] = "red" }, "custom_exercises[0]"},
		{"ExerciseWrongType", func(m map[string]any) { item(m, "custom_exercises", 1)["cues"] = "lift" }, "custom_exercises[1].cues"},
		{"ExerciseInvalid", func(m map[string]any) { item(m, "custom_exercises", 0)["family"] = "yoga" }, "custom_exercises[0].family"},
		{"ExerciseIDTwice", func(m map[string]any) { item(m, "custom_exercises", 1)["id"] = "aa_band_bridge" }, "custom_exercises[1].id"},
	}
	for _, tt := range fields {
		t.Run("Err"+tt.name, func(t *testing.T) {
			e, err := assessment.ParseExport(edit(t, tt.change), xToday)
			if e != nil || err == nil {
				t.Fatalf("accepted: %v", err)
			}
			fe := assessment.FieldErrors(err)
			if len(fe) == 0 {
				t.Fatalf("no field errors: %v", err)
			}
			var got []string
			for _, f := range fe {
				got = append(got, f.Field)
				if f.Message == "" {
					t.Errorf("field %s has no message", f.Field)
				}
			}
			if !slices.Contains(got, tt.field) {
				t.Fatalf("errors on %q, want one on %q (%v)", got, tt.field, err)
			}
		})
	}

	t.Run("ErrCapped", func(t *testing.T) {
		b := edit(t, func(m map[string]any) {
			var cs []any
			for i := range 100 {
				cs = append(cs, map[string]any{"id": i + 1, "name": "", "births": 0, "created_at": "2026-03-02T09:30:00Z", "updated_at": "2026-03-02T09:30:00Z"})
			}
			m["clients"], m["assessments"], m["programmes"], m["session_logs"] = cs, []any{}, []any{}, []any{}
		})
		_, err := assessment.ParseExport(b, xToday)
		fe := assessment.FieldErrors(err)
		if len(fe) != assessment.MaxExportErrors+1 {
			t.Fatalf("%d errors, want %d and a last line saying how many more", len(fe), assessment.MaxExportErrors+1)
		}
		if last := fe[len(fe)-1].Message; !strings.Contains(last, "70 more") {
			t.Fatalf("last line %q", last)
		}
	})

	t.Run("DoesNotChangeInput", func(t *testing.T) {
		b := edit(t, func(m map[string]any) { item(m, "clients", 0)["name"] = "  Ana   Sousa " })
		e, err := assessment.ParseExport(b, xToday)
		if err != nil {
			t.Fatal(err)
		}
		if got := e.Clients[0].Name; got != "  Ana   Sousa " {
			t.Fatalf("validation changed the name to %q", got)
		}
	})
}

func TestParseConflictPolicy(t *testing.T) {
	tests := []struct {
		in   string
		want assessment.ConflictPolicy
	}{
		{"", assessment.ConflictSkip},
		{"skip", assessment.ConflictSkip},
		{" Replace ", assessment.ConflictReplace},
		{"keep-both", assessment.ConflictKeepBoth},
		{"keep_both", assessment.ConflictKeepBoth},
	}
	for _, tt := range tests {
		got, err := assessment.ParseConflictPolicy(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseConflictPolicy(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	t.Run("ErrUnknown", func(t *testing.T) {
		_, err := assessment.ParseConflictPolicy("merge")
		if assessment.ErrorCode(err) != assessment.EINVALID || !strings.Contains(assessment.ErrorMessage(err), "keep-both") {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestSameClient(t *testing.T) {
	base := &assessment.Client{Name: "Zoë Ólafsdóttir", BirthDate: assessment.NewDate(1990, 1, 2)}
	tests := []struct {
		name string
		c    *assessment.Client
		want bool
	}{
		{"Identical", &assessment.Client{Name: "Zoë Ólafsdóttir", BirthDate: assessment.NewDate(1990, 1, 2)}, true},
		{"CaseAccentsSpaces", &assessment.Client{Name: "  zoe   olafsdottir ", BirthDate: assessment.NewDate(1990, 1, 2)}, true},
		{"OtherBirthDate", &assessment.Client{Name: "Zoë Ólafsdóttir", BirthDate: assessment.NewDate(1990, 1, 3)}, false},
		{"NoBirthDate", &assessment.Client{Name: "Zoë Ólafsdóttir"}, false},
		{"OtherName", &assessment.Client{Name: "Zoë Olafs", BirthDate: assessment.NewDate(1990, 1, 2)}, false},
		{"Nil", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := assessment.SameClient(base, tt.c); got != tt.want {
				t.Fatalf("SameClient = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestImportSummary_Text(t *testing.T) {
	s := &assessment.ImportSummary{
		Clients: []assessment.ImportedClient{
			{Name: "A", Action: assessment.ImportAdded}, {Name: "B", Action: assessment.ImportAdded},
			{Name: "C", Action: assessment.ImportSkipped}, {Name: "D", Action: assessment.ImportReplaced},
		},
		Assessments: 5, Programmes: 2, SessionLogs: 1, ExercisesKept: 1,
	}
	want := "Imported: 2 new clients, 1 client replaced, 1 client skipped (already in Keel). Stored 5 assessments, 2 programme versions and 1 session log. 1 exercise in the file differs from yours of the same id; yours was kept."
	if got := s.Text(); got != want {
		t.Errorf("Text() =\n%s\nwant\n%s", got, want)
	}
	if got := s.Conflicts(); got != 2 {
		t.Errorf("Conflicts() = %d, want 2", got)
	}
	dry := []struct {
		actions []string
		want    string
	}{
		{nil, "The file holds no clients."},
		{[]string{assessment.ImportAdded}, "The file holds 1 client, new to Keel."},
		{[]string{assessment.ImportSkipped}, "The file holds 1 client, who is already in Keel."},
		{[]string{assessment.ImportAdded, assessment.ImportAdded}, "The file holds 2 clients, all new to Keel."},
		{[]string{assessment.ImportCopied, assessment.ImportReplaced}, "The file holds 2 clients, all already in Keel."},
		{[]string{assessment.ImportAdded, assessment.ImportSkipped, assessment.ImportAdded}, "The file holds 3 clients: 2 new to Keel, 1 already in Keel."},
	}
	for _, tt := range dry {
		s := &assessment.ImportSummary{DryRun: true}
		for _, a := range tt.actions {
			s.Clients = append(s.Clients, assessment.ImportedClient{Action: a})
		}
		if got := s.Text(); got != tt.want {
			t.Errorf("dry run %v: Text() = %q, want %q", tt.actions, got, tt.want)
		}
	}
}

func FuzzParseExport(f *testing.F) {
	f.Add(renumbered(f))
	f.Add([]byte(`{"format": "keel.export/1", "exported_at": "2026-03-02T09:30:00Z", "clients": [], "assessments": [], "programmes": [], "session_logs": [], "custom_exercises": []}`))
	f.Add([]byte(`{"format": "keel.export/1", "clients": [{"id": 1, "name": "Ana", "births": 0, "birth_date": null, "last_delivery_date": null, "created_at": "2026-03-02T09:30:00Z", "updated_at": "2026-03-02T09:30:00Z"}]}`))
	f.Add([]byte(`{"format": "keel.export/1", "programmes": [{"id": 1, "lineage": 1, "version": 1}], "session_logs": [{"id": 1, "programme_id": 2}]}`))
	f.Add([]byte(`{"format": "keel.export/2"}`))
	f.Add([]byte(`{"format": "keel.export/1", "custom_exercises": [{"id": "x", "dosage": {"strength": {"sets": "3"}}}]}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := assessment.ParseExport(data, xToday)
		if (e == nil) == (err == nil) {
			t.Fatalf("export %v and error %v: want exactly one", e, err)
		}
		if err != nil {
			if assessment.ErrorMessage(err) == "" {
				t.Fatalf("error without a message: %#v", err)
			}
			return
		}
		out, err := assessment.MarshalExport(e)
		if err != nil {
			t.Fatalf("accepted export does not write: %v", err)
		}
		back, err := assessment.ParseExport(out, xToday)
		if err != nil {
			t.Fatalf("written export does not read back: %v\n%s", err, out)
		}
		again, err := assessment.MarshalExport(back)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, again) {
			t.Fatalf("not stable:\n%s", firstDiff(out, again))
		}
	})
}

// A file is checked as of the day it was exported, so it stays importable
// as its clients age past Keel's age range; a date after the export (or a
// file "exported" in the future) is still caught.
func TestExport_ValidationDay(t *testing.T) {
	exported := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	later := assessment.NewDate(2029, 6, 1)
	older := func(at time.Time) *assessment.Export {
		return &assessment.Export{ExportedAt: at, Clients: []*assessment.Client{{
			ID: 1, Name: "Edith", BirthDate: assessment.NewDate(1947, 1, 10), CreatedAt: exported, UpdatedAt: exported}}}
	}
	if err := older(exported).Validate(later); err != nil {
		t.Fatalf("a client valid on the export day is refused years later: %v", err)
	}
	if err := older(time.Time{}).Validate(later); err == nil {
		t.Fatal("without an export day the client is checked as of today, and should be too old")
	}
	if got := older(exported.AddDate(10, 0, 0)).ValidationDay(later); got != later {
		t.Fatalf("an export day in the future gives %s, want today %s", got, later)
	}
	e := older(exported)
	e.Clients[0].LastDelivery, e.Clients[0].Births = assessment.NewDate(2026, 5, 1), 1 // after the export
	if err := e.Validate(later); err == nil {
		t.Fatal("a delivery date after the export day was accepted")
	}
}

func TestProgrammesInImportOrder(t *testing.T) {
	v2 := &assessment.Programme{ID: 5, Lineage: 1}
	v1 := &assessment.Programme{ID: 1, Lineage: 1}
	other := &assessment.Programme{ID: 7, Lineage: 7}
	got := assessment.ProgrammesInImportOrder([]*assessment.Programme{v2, v1, other})
	if got[0] != v1 || got[1] != other || got[2] != v2 {
		t.Errorf("order %d %d %d; want the first versions (1, 7) before 5", got[0].ID, got[1].ID, got[2].ID)
	}
	if err := assessment.ImportFailed(&assessment.Client{Name: "Ana"}, assessment.Errorf(assessment.EINVALID, "bad")); !strings.Contains(assessment.ErrorMessage(err), "Ana") || assessment.ErrorCode(err) != assessment.EINVALID {
		t.Errorf("ImportFailed: %v", err)
	}
}
