package assessment_test

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assets"
)

// editFixture is a generated programme for an example client.
func editFixture(t *testing.T, example string) (*assessment.Programme, *assessment.Library, *assessment.Record) {
	t.Helper()
	data, err := os.ReadFile("../docs/examples/" + example)
	if err != nil {
		t.Fatal(err)
	}
	r, err := assessment.ParseRecordJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := assessment.ParseLibrary(assets.LibraryJSON)
	if err != nil {
		t.Fatal(err)
	}
	p, err := assessment.Generate(r, lib, assessment.ProgrammeOptions{Weeks: 8})
	if err != nil {
		t.Fatal(err)
	}
	return p, lib, r
}

// firstLine finds the first day of week 1 with an exercise.
func firstLine(t *testing.T, p *assessment.Programme) assessment.Slot {
	t.Helper()
	for _, d := range p.Weeks[0].Days {
		if len(d.Exercises) > 0 {
			return assessment.Slot{Week: 1, Day: d.Day, Index: 0}
		}
	}
	t.Fatal("week 1 has no exercise")
	return assessment.Slot{}
}

func dayOf(p *assessment.Programme, week int, day string) *assessment.Day {
	for wi := range p.Weeks {
		if p.Weeks[wi].Week == week {
			for di := range p.Weeks[wi].Days {
				if p.Weeks[wi].Days[di].Day == day {
					return &p.Weeks[wi].Days[di]
				}
			}
		}
	}
	return nil
}

// checkFits asserts that every session still fits its stated minutes.
func checkFits(t *testing.T, p *assessment.Programme, lib *assessment.Library) {
	t.Helper()
	for _, w := range p.Weeks {
		for _, d := range w.Days {
			if secs := assessment.SessionSeconds(lib, w.Phase, d.Exercises); secs > d.Minutes*60 {
				t.Fatalf("week %d %s: %d s of exercise in %d min", w.Week, d.Day, secs, d.Minutes)
			}
		}
	}
}

func TestEditDose(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		p, lib, _ := editFixture(t, "weak-right-glute-med.json")
		s := firstLine(t, p)
		if err := assessment.EditDose(p, lib, s, 4, 15, 0, true); err != nil {
			t.Fatal(err)
		}
		for _, w := range p.Weeks {
			if w.Phase != p.Weeks[0].Phase {
				continue
			}
			if l := dayOf(p, w.Week, s.Day).Exercises[0]; l.Sets != 4 || l.Reps != 15 {
				t.Fatalf("week %d line = %+v, want 4×15 across the phase", w.Week, l)
			}
		}
		checkFits(t, p, lib)
	})
	t.Run("ErrOutOfRange", func(t *testing.T) {
		p, lib, _ := editFixture(t, "weak-right-glute-med.json")
		s := firstLine(t, p)
		before := dayOf(p, 1, s.Day).Exercises[0]
		err := assessment.EditDose(p, lib, s, 0, 500, -1, false)
		fe := assessment.FieldErrors(err)
		if fe.For(assessment.FieldSets) == "" || fe.For(assessment.FieldReps) == "" || fe.For(assessment.FieldHold) == "" {
			t.Fatalf("errors = %v", err)
		}
		if after := dayOf(p, 1, s.Day).Exercises[0]; after.Sets != before.Sets || after.Reps != before.Reps {
			t.Fatal("a refused edit changed the line")
		}
	})
}

func TestSwapExercise(t *testing.T) {
	today := assessment.NewDate(2026, 11, 20)
	t.Run("OK", func(t *testing.T) {
		p, lib, r := editFixture(t, "weak-right-glute-med.json")
		s := firstLine(t, p)
		old := dayOf(p, 1, s.Day).Exercises[0]
		alts, err := assessment.Alternatives(lib, r, old.ExerciseID, p.Options)
		if err != nil || len(alts) == 0 {
			t.Fatalf("alternatives for %s: %v, %v", old.ExerciseID, alts, err)
		}
		if err := assessment.SwapExercise(p, lib, r, s, alts[0].ID, "", today, false); err != nil {
			t.Fatal(err)
		}
		l := dayOf(p, 1, s.Day).Exercises[0]
		if l.ExerciseID != alts[0].ID || l.Reason == "" || l.Overridden {
			t.Fatalf("swapped line = %+v", l)
		}
		if len(p.Weeks) > 1 && p.Weeks[1].Phase == p.Weeks[0].Phase {
			if got := dayOf(p, 2, s.Day).Exercises[0].ExerciseID; got != old.ExerciseID {
				t.Fatalf("a one-week swap changed week 2 to %s", got)
			}
		}
		checkFits(t, p, lib)
	})
	t.Run("ErrForbiddenNeedsReason", func(t *testing.T) {
		p, lib, r := editFixture(t, "diastasis-wide-soft.json")
		s := firstLine(t, p)
		err := assessment.SwapExercise(p, lib, r, s, "crunch", "", today, false)
		if assessment.FieldErrors(err).For(assessment.FieldOverrideReason) == "" {
			t.Fatalf("crunch for a wide soft diastasis without a reason: %v", err)
		}
		if dayOf(p, 1, s.Day).Exercises[0].ExerciseID == "crunch" {
			t.Fatal("refused swap was applied")
		}
		if err := assessment.SwapExercise(p, lib, r, s, "crunch", "Physio cleared curl-ups at her review", today, false); err != nil {
			t.Fatal(err)
		}
		l := dayOf(p, 1, s.Day).Exercises[0]
		if l.ExerciseID != "crunch" || !l.Overridden {
			t.Fatalf("override line = %+v", l)
		}
		if len(p.Overrides) != 1 || p.Overrides[0].Reason != "Physio cleared curl-ups at her review" || p.Overrides[0].Gate == "" || p.Overrides[0].Date != today {
			t.Fatalf("overrides = %+v", p.Overrides)
		}
	})
}

func TestAddMoveRemove(t *testing.T) {
	today := assessment.NewDate(2026, 11, 20)
	p, lib, r := editFixture(t, "weak-right-glute-med.json")
	s := firstLine(t, p)
	n := len(dayOf(p, 1, "wed").Exercises)
	if err := assessment.AddExercise(p, lib, r, 1, "wed", "clamshell", "", today, false); err != nil {
		t.Fatal(err)
	}
	wed := dayOf(p, 1, "wed")
	if len(wed.Exercises) != n+1 || wed.Exercises[n].ExerciseID != "clamshell" || wed.Minutes == 0 {
		t.Fatalf("wednesday after add = %+v", wed)
	}
	moved := dayOf(p, 1, s.Day).Exercises[0].ExerciseID
	if err := assessment.MoveExercise(p, lib, s, "sun", false); err != nil {
		t.Fatal(err)
	}
	sun := dayOf(p, 1, "sun")
	if sun.Exercises[len(sun.Exercises)-1].ExerciseID != moved {
		t.Fatalf("sunday after move = %+v", sun.Exercises)
	}
	if err := assessment.RemoveExercise(p, lib, assessment.Slot{Week: 1, Day: "sun", Index: len(sun.Exercises) - 1}, false); err != nil {
		t.Fatal(err)
	}
	if err := assessment.MoveExercise(p, lib, s, "someday", false); assessment.FieldErrors(err).For(assessment.FieldDay) == "" {
		t.Fatalf("move to an unknown day: %v", err)
	}
	if err := assessment.RemoveExercise(p, lib, assessment.Slot{Week: 99, Day: "mon"}, false); assessment.ErrorCode(err) != assessment.ENOTFOUND {
		t.Fatalf("remove in week 99: %v", err)
	}
	checkFits(t, p, lib)
}

// TestEditRefusedLeavesProgramme: an edit that is refused changes nothing,
// not even the list of overrides.
func TestEditRefusedLeavesProgramme(t *testing.T) {
	today := assessment.NewDate(2026, 11, 20)
	dropDay := func(week int, day string) func(*assessment.Programme) {
		return func(p *assessment.Programme) {
			for wi := range p.Weeks {
				if p.Weeks[wi].Week == week {
					p.Weeks[wi].Days = slices.DeleteFunc(p.Weeks[wi].Days, func(d assessment.Day) bool { return d.Day == day })
				}
			}
		}
	}
	hingePain := func(r *assessment.Record) { r.Hinge = &assessment.Hinge{Pain: true} }
	saddle := func(r *assessment.Record) {
		r.RedFlags = &assessment.RedFlags{SaddleAnaesthesia: assessment.TriYes}
		r.MedicalClearance = nil
	}
	tests := []struct {
		name    string
		prog    func(*assessment.Programme) // applied to both copies
		rec     func(*assessment.Record)
		edit    func(*assessment.Programme, *assessment.Library, *assessment.Record, assessment.Slot) error
		code    string
		field   string
		message string
	}{
		{"ErrAddUnknownDayWithOverride", nil, hingePain, func(p *assessment.Programme, lib *assessment.Library, r *assessment.Record, _ assessment.Slot) error {
			return assessment.AddExercise(p, lib, r, 1, "funday", "kb_rdl", "She hinges well with a light bell", today, false)
		}, assessment.EINVALID, assessment.FieldDay, ""},
		{"ErrAddDayMissingFromWeek", dropDay(1, "wed"), nil, func(p *assessment.Programme, lib *assessment.Library, r *assessment.Record, _ assessment.Slot) error {
			return assessment.AddExercise(p, lib, r, 1, "wed", "clamshell", "", today, true)
		}, assessment.ENOTFOUND, "", "no wed in week 1"},
		{"ErrMoveToMissingDay", dropDay(1, "sun"), nil, func(p *assessment.Programme, lib *assessment.Library, _ *assessment.Record, s assessment.Slot) error {
			return assessment.MoveExercise(p, lib, s, "sun", false)
		}, assessment.ENOTFOUND, "", "no sun in week 1"},
		{"ErrMovePhaseWideOneWeekMissingDay", dropDay(2, "sun"), nil, func(p *assessment.Programme, lib *assessment.Library, _ *assessment.Record, s assessment.Slot) error {
			return assessment.MoveExercise(p, lib, s, "sun", true)
		}, assessment.ENOTFOUND, "", "no sun in week 2"},
		{"ErrAddBlockedEvenWithReason", nil, saddle, func(p *assessment.Programme, lib *assessment.Library, r *assessment.Record, _ assessment.Slot) error {
			return assessment.AddExercise(p, lib, r, 1, "wed", "breathing_360", "She feels fine today", today, false)
		}, assessment.EINVALID, "", "until the referral is dealt with"},
		{"ErrSwapBlockedEvenWithReason", nil, saddle, func(p *assessment.Programme, lib *assessment.Library, r *assessment.Record, s assessment.Slot) error {
			return assessment.SwapExercise(p, lib, r, s, "breathing_360", "She feels fine today", today, true)
		}, assessment.EINVALID, "", "until the referral is dealt with"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, lib, r := editFixture(t, "weak-right-glute-med.json")
			orig, _, _ := editFixture(t, "weak-right-glute-med.json")
			if tt.prog != nil {
				tt.prog(p)
				tt.prog(orig)
			}
			if tt.rec != nil {
				tt.rec(r)
			}
			if !reflect.DeepEqual(p, orig) {
				t.Fatal("fixture: the two copies differ before the edit")
			}
			err := tt.edit(p, lib, r, firstLine(t, p))
			if assessment.ErrorCode(err) != tt.code {
				t.Fatalf("error %v; want %s", err, tt.code)
			}
			if tt.field != "" && assessment.FieldErrors(err).For(tt.field) == "" {
				t.Errorf("error %v; want a message on %s", err, tt.field)
			}
			if tt.field == "" && assessment.FieldErrors(err).For(assessment.FieldOverrideReason) != "" {
				t.Errorf("error %v asks for an override reason; a blocked programme has no override", err)
			}
			if tt.message != "" && !strings.Contains(assessment.ErrorMessage(err), tt.message) {
				t.Errorf("message %q lacks %q", assessment.ErrorMessage(err), tt.message)
			}
			if !reflect.DeepEqual(p, orig) {
				t.Error("a refused edit changed the programme")
			}
		})
	}
}
