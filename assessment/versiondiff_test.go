package assessment_test

import (
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func TestVersionChanges(t *testing.T) {
	old, lib, r := editFixture(t, "weak-right-glute-med.json")
	if got := assessment.VersionChanges(old, old.Clone()); len(got) != 0 {
		t.Fatalf("no change reads %q", got)
	}
	cur := old.Clone()
	s := firstLine(t, cur)
	day := cur.Weeks[0].Days
	var first, second assessment.Prescription
	for _, d := range day {
		if d.Day == s.Day {
			first = d.Exercises[0]
			second = d.Exercises[1]
		}
	}
	alts, _ := assessment.Alternatives(lib, r, first.ExerciseID, cur.Options)
	if err := assessment.SwapExercise(cur, lib, r, s, alts[0].ID, "", assessment.NewDate(2026, 11, 1), false); err != nil {
		t.Fatal(err)
	}
	if err := assessment.EditFullDose(cur, lib, assessment.Slot{Week: 1, Day: s.Day, Index: 1}, assessment.DoseEdit{Sets: 4, Reps: max(second.Reps, 1), HoldSeconds: second.HoldSeconds, Tempo: "3-1-1"}, false); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(assessment.VersionChanges(old, cur), "\n")
	for _, want := range []string{first.Name + " swapped for " + alts[0].Name, second.Name + " from ", "tempo 3-1-1", "week 1, "} {
		if !strings.Contains(got, want) {
			t.Errorf("changes %q lack %q", got, want)
		}
	}
}

// A line removed and another added at the end of the day is not a swap.
func TestVersionChanges_RemoveThenAdd(t *testing.T) {
	old, lib, r := editFixture(t, "weak-right-glute-med.json")
	cur := old.Clone()
	s := firstLine(t, cur)
	var gone string
	for _, d := range cur.Weeks[0].Days {
		if d.Day == s.Day {
			gone = d.Exercises[0].Name
		}
	}
	if err := assessment.RemoveExercise(cur, lib, s, false); err != nil {
		t.Fatal(err)
	}
	if err := assessment.AddExercise(cur, lib, r, 1, s.Day, "cat_cow", "", assessment.NewDate(2026, 11, 1), false); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(assessment.VersionChanges(old, cur), "\n")
	if strings.Contains(got, "swapped") || !strings.Contains(got, gone+" removed") || !strings.Contains(got, "Cat-cow added") {
		t.Fatalf("changes read %q", got)
	}
}
