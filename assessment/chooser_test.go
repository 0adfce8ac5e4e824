package assessment_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assets"
)

func TestChooserQuery(t *testing.T) {
	p, lib, r := editFixture(t, "diastasis-wide-soft.json")
	ix := assessment.NewChooserIndex(lib)
	slot := firstLine(t, p)
	inDay := assessment.DayExercises(p, slot.Week, slot.Day)
	base := assessment.ChooserQuery{InDay: inDay, Findings: assessment.ProgrammeFindings(p), Whole: true}

	all, err := ix.Choose(r, base)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(lib.Exercises)-len(uniq(inDay)) {
		t.Fatalf("whole library lists %d of %d (day holds %d)", len(all), len(lib.Exercises), len(uniq(inDay)))
	}
	seenRest := false
	for _, c := range all {
		for _, id := range inDay {
			if c.Exercise.ID == id {
				t.Errorf("%s is already in the day", id)
			}
		}
		if c.Suggested && (c.Forbidden || seenRest) {
			t.Errorf("%s: suggestion forbidden=%v or after the others", c.Exercise.ID, c.Forbidden)
		}
		seenRest = seenRest || !c.Suggested
		if c.Forbidden && c.Why == "" {
			t.Errorf("%s forbidden without a reason", c.Exercise.ID)
		}
	}

	q := base
	q.Whole = false
	sug, _ := ix.Choose(r, q)
	if len(sug) == 0 || len(sug) >= len(all) {
		t.Fatalf("suggestions %d of %d", len(sug), len(all))
	}

	q = base
	q.Search = "  DÉAD   bug "
	got, _ := ix.Choose(r, q)
	if len(got) == 0 {
		t.Fatal("accent- and case-insensitive search found nothing")
	}
	for _, c := range got {
		if !strings.Contains(strings.ToLower(c.Exercise.Name+" "+strings.Join(c.Exercise.Cues, " ")), "dead") {
			t.Errorf("%s matches dead bug", c.Exercise.Name)
		}
	}

	q = base
	q.Equipment = []string{assessment.EquipNone, assessment.EquipMat}
	got, _ = ix.Choose(r, q)
	for _, c := range got {
		for _, e := range c.Exercise.Equipment {
			if e != assessment.EquipNone && e != assessment.EquipMat {
				t.Errorf("%s needs %s she lacks", c.Exercise.Name, e)
			}
		}
	}

	// Swap: the suggestions are exactly the alternatives of that exercise.
	line := p.Weeks[0].Days[0].Exercises
	for _, d := range p.Weeks[0].Days {
		if len(d.Exercises) > 0 {
			line = d.Exercises
			break
		}
	}
	alts, _ := assessment.Alternatives(lib, r, line[0].ExerciseID, p.Options)
	q = assessment.ChooserQuery{SwapFor: line[0].ExerciseID, Equipment: p.Options.Equipment}
	got, _ = ix.Choose(r, q)
	if len(got) != len(alts) {
		t.Fatalf("swap suggestions %d, alternatives %d", len(got), len(alts))
	}
}

func uniq(s []string) map[string]bool {
	m := map[string]bool{}
	for _, x := range s {
		m[x] = true
	}
	return m
}

func TestEditHistory(t *testing.T) {
	p, lib, _ := editFixture(t, "weak-right-glute-med.json")
	var h assessment.EditHistory
	orig, _ := assessment.MarshalProgrammeJSON(p)
	before := p.Clone()
	if err := assessment.RemoveExercise(p, lib, firstLine(t, p), true); err != nil {
		t.Fatal(err)
	}
	h.Record(before, "remove")
	edited, _ := assessment.MarshalProgrammeJSON(p)
	label, commit, ok := h.Undo(p)
	if !ok || label != "remove" {
		t.Fatal("nothing to undo")
	}
	commit()
	if got, _ := assessment.MarshalProgrammeJSON(p); string(got) != string(orig) {
		t.Fatal("undo did not restore the plan")
	}
	if h.CanUndo() || !h.CanRedo() {
		t.Fatal("history after undo")
	}
	_, commit, _ = h.Redo(p)
	commit()
	if got, _ := assessment.MarshalProgrammeJSON(p); string(got) != string(edited) {
		t.Fatal("redo did not make the edit again")
	}
	// An uncommitted undo (a failed save) leaves the history as it was.
	cp := p.Clone()
	if _, _, ok := h.Undo(cp); !ok || !h.CanUndo() {
		t.Fatal("an uncommitted undo moved the history")
	}
}

func TestEditFullDose(t *testing.T) {
	p, lib, _ := editFixture(t, "weak-right-glute-med.json")
	s := firstLine(t, p)
	two := 2
	bad := assessment.DoseEdit{Sets: 0, Reps: 10, Tempo: "fast", RestSeconds: 9999, RepsInReserve: &two}
	err := assessment.EditFullDose(p, lib, s, bad, false)
	fe := assessment.FieldErrors(err)
	for _, f := range []string{assessment.FieldSets, assessment.FieldTempo, assessment.FieldRest} {
		if fe.For(f) == "" {
			t.Errorf("no message at %s: %v", f, err)
		}
	}
	// Every line's own how-hard words, as Keel wrote them, pass unchanged.
	for _, w := range p.Weeks {
		for _, d := range w.Days {
			for i, l := range d.Exercises {
				if l.HoldSeconds > assessment.MaxEditHold {
					continue // a walk's minutes: EditDose's own limit, left as it is
				}
				keep := assessment.DoseEdit{Sets: l.Sets, Reps: l.Reps, HoldSeconds: l.HoldSeconds, HowHard: l.HowHard}
				if err := assessment.EditFullDose(p.Clone(), lib, assessment.Slot{Week: w.Week, Day: d.Day, Index: i}, keep, false); err != nil {
					t.Fatalf("week %d %s %s unchanged: %v", w.Week, d.Day, l.ExerciseID, err)
				}
			}
		}
	}
	good := assessment.DoseEdit{Sets: 3, Reps: 10, Tempo: "3-1-1", RestSeconds: 60, RepsInReserve: &two, Note: " Slow on the way down. "}
	if err := assessment.EditFullDose(p, lib, s, good, false); err != nil {
		t.Fatal(err)
	}
	var l assessment.Prescription
	for _, d := range p.Weeks[0].Days {
		if d.Day == s.Day {
			l = d.Exercises[0]
		}
	}
	if got := assessment.DoseDetails(l); got != "tempo 3-1-1 · rest 60 s · 2 reps in reserve" || l.Note != "Slow on the way down." {
		t.Fatalf("details %q note %q", got, l.Note)
	}
}

// BenchmarkChooserSearch is one keystroke in the chooser: the built-in
// library plus 500 of the coach's own exercises (must stay under 16 ms).
func BenchmarkChooserSearch(b *testing.B) {
	base, err := assessment.ParseLibrary(assets.LibraryJSON)
	if err != nil {
		b.Fatal(err)
	}
	ex := append([]*assessment.Exercise{}, base.Exercises...)
	for i := range 500 {
		c := *base.Exercises[i%len(base.Exercises)]
		c.ID, c.Name, c.Custom = fmt.Sprintf("own_%d", i), fmt.Sprintf("Coach's Éxercise %d %s", i, c.Name), true
		c.Regression, c.Progression = "", ""
		ex = append(ex, &c)
	}
	lib, err := assessment.NewLibrary(ex)
	if err != nil {
		b.Fatal(err)
	}
	ix := assessment.NewChooserIndex(lib)
	q := assessment.ChooserQuery{Search: "bridge", Whole: true, Findings: []string{assessment.FindGluteMedWeak}}
	b.ResetTimer()
	for b.Loop() {
		if _, err := ix.Choose(nil, q); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUndo is one edit recorded and undone on the longest programme.
func BenchmarkUndo(b *testing.B) {
	lib, _ := assessment.ParseLibrary(assets.LibraryJSON)
	data, err := os.ReadFile("../docs/examples/weak-right-glute-med.json")
	if err != nil {
		b.Fatal(err)
	}
	r, err := assessment.ParseRecordJSON(data)
	if err != nil {
		b.Fatal(err)
	}
	p, err := assessment.Generate(r, lib, assessment.ProgrammeOptions{Weeks: assessment.MaxProgrammeWeeks})
	if err != nil {
		b.Fatal(err)
	}
	var h assessment.EditHistory
	for b.Loop() {
		h.Record(p, "edit")
		_, commit, _ := h.Undo(p)
		commit()
	}
}
