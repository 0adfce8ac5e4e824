package storetest

import (
	"bytes"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// ownExercise is a coach's exercise copied from the first built-in one.
func ownExercise(s Stores, id, name string) *assessment.Exercise {
	e := *s.Library.Exercises[0]
	e.ID, e.Name, e.Regression, e.Progression, e.Custom = id, name, "", "", false
	return &e
}

func testExercises(t *testing.T, open func(t *testing.T) Stores) {
	t.Run("OK", func(t *testing.T) {
		s := open(t)
		if err := s.Exercises.SaveExercise(ctx, ownExercise(s, "my_bridge", "My bridge")); err != nil {
			t.Fatal(err)
		}
		es, err := s.Exercises.FindExercises(ctx)
		if err != nil || len(es) != 1 || es[0].ID != "my_bridge" || !es[0].Custom {
			t.Fatalf("her exercises %v, %v; want my_bridge, marked hers", es, err)
		}
	})
	t.Run("ErrBuiltinID", func(t *testing.T) {
		s := open(t)
		err := s.Exercises.SaveExercise(ctx, ownExercise(s, s.Library.Exercises[0].ID, "Mine"))
		wantReason(t, err, assessment.ReasonBuiltinID)
	})
	t.Run("ErrDeleteLinked", func(t *testing.T) {
		s := open(t)
		a, b := ownExercise(s, "my_a", "Mine A"), ownExercise(s, "my_b", "Mine B")
		b.Regression = "my_a"
		for _, e := range []*assessment.Exercise{a, b} {
			if err := s.Exercises.SaveExercise(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		err := s.Exercises.DeleteExercise(ctx, "my_a")
		wantReason(t, err, assessment.ReasonLinked)
		if err := s.Exercises.DeleteExercise(ctx, "my_b"); err != nil {
			t.Fatal(err)
		}
		if err := s.Exercises.DeleteExercise(ctx, "my_a"); err != nil {
			t.Fatal(err)
		}
		wantCode(t, s.Exercises.DeleteExercise(ctx, "my_a"), assessment.ENOTFOUND)
	})
}

func testProfile(t *testing.T, open func(t *testing.T) Stores) {
	t.Run("ZeroBeforeSaved", func(t *testing.T) {
		p, err := open(t).Profiles.Profile(ctx)
		if err != nil || p.CoachName != "" {
			t.Fatalf("fresh profile %+v, %v", p, err)
		}
	})
	t.Run("OK", func(t *testing.T) {
		s := open(t)
		want := assessment.Profile{CoachName: "Kara Lindqvist", Business: "Strong Mama Coaching", Contact: "+44 7700 900123 · kara@example.com",
			Logo: []byte{0x89, 'P', 'N', 'G', 0, 1, 2}, Accent: "#aa3366", Paper: assessment.PaperLetter, DiastasisUnit: assessment.UnitMM}
		if err := s.Profiles.SaveProfile(ctx, want); err != nil {
			t.Fatal(err)
		}
		got, err := s.Profiles.Profile(ctx)
		if err != nil || got.CoachName != want.CoachName || got.Business != want.Business || got.Contact != want.Contact ||
			!bytes.Equal(got.Logo, want.Logo) || got.Accent != want.Accent || got.Paper != want.Paper || got.DiastasisUnit != want.DiastasisUnit {
			t.Errorf("read back %+v, %v; want %+v", got, err, want)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		s := open(t)
		err := s.Profiles.SaveProfile(ctx, assessment.Profile{Paper: "A5"})
		if assessment.FieldErrors(err).For(assessment.FieldPaper) == "" {
			t.Errorf("err %v; want a message on the paper", err)
		}
	})
}
