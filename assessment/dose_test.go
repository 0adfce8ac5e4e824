package assessment_test

import (
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assets"
)

// walkPlan is one session of an easy walk and a held position.
func walkPlan(t *testing.T) (*assessment.Programme, *assessment.Library, string) {
	t.Helper()
	lib, err := assessment.ParseLibrary(assets.LibraryJSON)
	if err != nil {
		t.Fatal(err)
	}
	var held *assessment.Exercise
	for _, e := range lib.Exercises {
		if e.Family != assessment.FamilyConditioning {
			held = e
			break
		}
	}
	walk, ok := lib.Get("easy_walk")
	if !ok || held == nil {
		t.Fatal("the library has no easy walk or no held exercise")
	}
	p := &assessment.Programme{Weeks: []assessment.Week{{Week: 1, Phase: assessment.PhaseActivation, Days: []assessment.Day{{
		Day: "mon", Session: "Walk", Minutes: 40, Exercises: []assessment.Prescription{
			{ExerciseID: walk.ID, Name: walk.Name, Sets: 1, HoldSeconds: 600, Side: assessment.SideBoth},
			{ExerciseID: held.ID, Name: held.Name, Sets: 2, HoldSeconds: 30, Side: assessment.SideBoth},
		}}}}}}
	return p, lib, held.Name
}

func TestEditFullDoseWalkLength(t *testing.T) {
	walk := assessment.Slot{Week: 1, Day: "mon", Index: 0}
	t.Run("OK", func(t *testing.T) {
		p, lib, _ := walkPlan(t)
		for _, secs := range []int{20 * 60, 30 * 60, assessment.MaxEditTimedHold} {
			if err := assessment.EditFullDose(p, lib, walk, assessment.DoseEdit{Sets: 1, HoldSeconds: secs}, false); err != nil {
				t.Fatalf("a walk of %d minutes: %v", secs/60, err)
			}
			if got := p.Weeks[0].Days[0].Exercises[0].HoldSeconds; got != secs {
				t.Fatalf("walk length = %d s, want %d", got, secs)
			}
		}
	})
	t.Run("ErrTooLong", func(t *testing.T) {
		p, lib, _ := walkPlan(t)
		err := assessment.EditFullDose(p, lib, walk, assessment.DoseEdit{Sets: 1, HoldSeconds: assessment.MaxEditTimedHold + 1}, false)
		msg := assessment.FieldErrors(err).For(assessment.FieldHold)
		if !strings.Contains(msg, "60 minutes") {
			t.Fatalf("hold error = %q, want the limit in minutes", msg)
		}
		if got := p.Weeks[0].Days[0].Exercises[0].HoldSeconds; got != 600 {
			t.Fatalf("a refused edit changed the walk to %d s", got)
		}
	})
	t.Run("ErrHeldPositionStaysShort", func(t *testing.T) {
		p, lib, name := walkPlan(t)
		held := assessment.Slot{Week: 1, Day: "mon", Index: 1}
		err := assessment.EditFullDose(p, lib, held, assessment.DoseEdit{Sets: 2, HoldSeconds: 20 * 60}, false)
		if msg := assessment.FieldErrors(err).For(assessment.FieldHold); !strings.Contains(msg, "600 seconds") {
			t.Fatalf("%s held 20 minutes: error = %q, want the ten-minute limit", name, msg)
		}
	})
}
