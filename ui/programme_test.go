package ui

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/keel-coach/keel/assessment"
)

// programmeUI saves an example assessment for a client and opens the
// screen that creates a programme from it.
func programmeUI(t *testing.T, example string) (*testUI, *assessment.Client, *assessment.Record) {
	t.Helper()
	tu := newTestUI(t)
	data, err := os.ReadFile(filepath.Join("..", "docs", "examples", example))
	if err != nil {
		t.Fatal(err)
	}
	r, err := assessment.ParseRecordJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	c := tu.addClient(t, assessment.Client{Name: "Zoë Ólafsdóttir-Łukasiewicz", Births: 1})
	r.ClientID = c.ID
	if err := tu.svc.Records.CreateRecord(ctx(), r); err != nil {
		t.Fatal(err)
	}
	return tu, c, r
}

// create runs the "Create programme" dialog with its defaults.
func create(t *testing.T, tu *testUI, c *assessment.Client, r *assessment.Record) *programmeScreen {
	t.Helper()
	tu.onCreateProgramme(c, r)
	test.Tap(findButton(t, tu.win, "Create"))
	if tu.programme == nil {
		t.Fatal("no programme screen after Create")
	}
	return tu.programme
}

func TestProgrammeScreen(t *testing.T) {
	t.Run("GenerateAndSwap", func(t *testing.T) {
		tu, c, r := programmeUI(t, "weak-right-glute-med.json")
		s := create(t, tu, c, r)
		tu.capture(t, "programme")
		stored, err := tu.svc.Programmes.FindProgrammes(ctx(), assessment.ProgrammeFilter{ClientID: c.ID})
		if err != nil || len(stored) != 1 {
			t.Fatalf("stored programmes = %d, %v", len(stored), err)
		}
		if stored[0].Options.Weeks != assessment.DefaultProgrammeWeeks || len(stored[0].Weeks) != assessment.DefaultProgrammeWeeks {
			t.Fatalf("stored programme has %d weeks", len(stored[0].Weeks))
		}
		// Swap the first exercise of week 1 for the first suggestion.
		var slot assessment.Slot
		var old string
		for _, d := range s.p.Weeks[0].Days {
			if len(d.Exercises) > 0 {
				slot, old = assessment.Slot{Week: 1, Day: d.Day}, d.Exercises[0].ExerciseID
				break
			}
		}
		s.onSwap(slot)
		ch := s.chooser
		if len(*ch.shown) == 0 {
			t.Fatal("no alternatives offered")
		}
		ch.list.Select(0)
		want := (*ch.shown)[0].ID
		tu.capture(t, "programme-swap")
		test.Tap(ch.choose)

		p, err := tu.svc.Programmes.FindProgrammeByID(ctx(), s.p.ID)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, d := range p.Weeks[0].Days {
			if d.Day == slot.Day {
				got = d.Exercises[0].ExerciseID
			}
		}
		if got != want || got == old {
			t.Fatalf("stored week 1 %s first exercise = %q, want swap %q (was %q)", slot.Day, got, want, old)
		}
	})

	t.Run("OverrideNeedsReason", func(t *testing.T) {
		tu, c, r := programmeUI(t, "diastasis-wide-soft.json")
		s := create(t, tu, c, r)
		s.onAdd("wed")
		ch := s.chooser
		ch.showAll.SetChecked(true)
		idx := -1
		for i, e := range *ch.shown {
			if e.ID == "crunch" {
				idx = i
			}
		}
		if idx < 0 {
			t.Fatal("crunch not offered in the whole library")
		}
		ch.list.Select(idx)
		test.Tap(ch.choose)
		if hasExercise(s.p, "crunch") {
			t.Fatal("a gated exercise was added without a reason")
		}
		tu.capture(t, "programme-override")
		test.Type(ch.reason, "Physio cleared curl-ups")
		test.Tap(ch.choose)
		p, _ := tu.svc.Programmes.FindProgrammeByID(ctx(), s.p.ID)
		if !hasExercise(p, "crunch") || len(p.Overrides) != 1 || p.Overrides[0].Reason != "Physio cleared curl-ups" {
			t.Fatalf("stored override = %+v", p.Overrides)
		}
	})

	t.Run("BlockedShowsReferral", func(t *testing.T) {
		tu, c, r := programmeUI(t, "red-flag.json")
		s := create(t, tu, c, r)
		if !s.p.Blocked || len(s.p.Weeks) != 0 {
			t.Fatalf("red flag programme blocked=%v weeks=%d", s.p.Blocked, len(s.p.Weeks))
		}
		tu.capture(t, "programme-blocked")
	})

	t.Run("ExportHandout", func(t *testing.T) {
		if _, err := exec.LookPath("pdftotext"); err != nil {
			t.Skip("pdftotext (poppler-utils) is not installed; make test installs it")
		}
		tu, c, r := programmeUI(t, "weak-right-glute-med.json")
		s := create(t, tu, c, r)
		path := filepath.Join(t.TempDir(), handoutFileName(c.Name, assessment.NewDate(2026, 11, 20)))
		done := make(chan error, 1)
		s.exportTo(path, func(err error) { done <- err })
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("export did not finish")
		}
		out, err := exec.Command("pdftotext", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(out, []byte("Zoë Ólafsdóttir-Łukasiewicz")) {
			t.Fatal("handout does not name the client")
		}
		entries, _ := os.ReadDir(filepath.Dir(path))
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") {
				t.Fatalf("temporary file %s left behind", e.Name())
			}
		}
	})
}

func hasExercise(p *assessment.Programme, id string) bool {
	for _, w := range p.Weeks {
		for _, d := range w.Days {
			for _, l := range d.Exercises {
				if l.ExerciseID == id {
					return true
				}
			}
		}
	}
	return false
}

func TestHandoutFileName(t *testing.T) {
	d := assessment.NewDate(2026, 11, 20)
	for _, tc := range []struct{ in, want string }{
		{"Zoë Ólafsdóttir-Łukasiewicz", "Zoë Ólafsdóttir-Łukasiewicz 2026-11-20 handout.pdf"},
		{`a/b\c:d*e?f"g<h>i|j`, "a b c d e f g h i j 2026-11-20 handout.pdf"},
		{"  ..  ", "client 2026-11-20 handout.pdf"},
		{"../../etc/passwd", ".. .. etc passwd 2026-11-20 handout.pdf"},
	} {
		if got := handoutFileName(tc.in, d); got != tc.want {
			t.Errorf("handoutFileName(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if strings.ContainsAny(handoutFileName(tc.in, d), `/\`) {
			t.Errorf("%q gives a path separator", tc.in)
		}
	}
}

func TestProgrammeSupersededReadOnly(t *testing.T) {
	tu, c, r := programmeUI(t, "weak-right-glute-med.json")
	s := create(t, tu, c, r)
	old := *s.p
	old.Status = assessment.StatusSuperseded
	ro := tu.openProgrammeScreen(c, r, &old)
	if !ro.readOnly() || !ro.issue.Disabled() || !ro.regen.Disabled() {
		t.Fatal("a superseded version offers edits")
	}
	err := ro.apply("test", func(p *assessment.Programme) error { p.Status = assessment.StatusIssued; return nil })
	if assessment.ErrorCode(err) != assessment.ECONFLICT {
		t.Fatalf("editing a superseded version: %v", err)
	}
}

func TestCreateProgrammeSavesFormFirst(t *testing.T) {
	tu, c, f := newAssessmentUI(t)
	f.typ("pain.now", "3")
	if !f.s.onSave() {
		t.Fatal("first save refused")
	}
	f.radio("red_flags.saddle_anaesthesia", "Yes") // ticked, not saved
	f.s.onProgramme()
	test.Tap(findButton(t, tu.win, "Create"))
	if tu.programme == nil || !tu.programme.p.Blocked {
		t.Fatal("a programme was made from the saved assessment, not the red flag on the form")
	}
	stored, _ := tu.svc.Records.FindRecordByID(ctx(), f.s.record.ID)
	if stored.RedFlags == nil || stored.RedFlags.SaddleAnaesthesia != assessment.TriYes {
		t.Fatal("the form was not saved before creating the programme")
	}
	_ = c
}
