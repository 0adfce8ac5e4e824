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
