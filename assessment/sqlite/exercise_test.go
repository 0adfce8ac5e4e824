package sqlite_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// exercise is a valid glute exercise; reg and prog link it to others.
func exercise(id, name, reg, prog string) *assessment.Exercise {
	return &assessment.Exercise{
		ID:          id,
		Name:        name,
		Family:      assessment.FamilyGlutes,
		Targets:     []string{assessment.FindGluteMaxWeak},
		Demands:     []string{},
		Equipment:   []string{assessment.EquipMat},
		Position:    assessment.PosSupine,
		Cues:        []string{"Feet flat, hip-width apart.", "Breathe out as you lift."},
		Dosage:      map[string]assessment.Dose{assessment.PhaseActivation: {Sets: 2, Reps: 10}},
		Regression:  reg,
		Progression: prog,
	}
}

// builtinLibrary is a one-exercise built-in library to link to.
func builtinLibrary(t *testing.T) *assessment.Library {
	t.Helper()
	lib, err := assessment.NewLibrary([]*assessment.Exercise{exercise("glute_bridge", "Glute bridge", "", "")})
	if err != nil {
		t.Fatalf("test library: %v", err)
	}
	return lib
}

func TestExerciseService(t *testing.T) {
	ctx := context.Background()
	newService := func(t *testing.T) *sqlite.ExerciseService {
		return sqlite.NewExerciseService(MustOpenDB(t), builtinLibrary(t))
	}

	t.Run("OK", func(t *testing.T) {
		s := newService(t)
		e := exercise("banded_bridge", "  Banded   bridge ", "glute_bridge", "")
		if err := s.SaveExercise(ctx, e); err != nil {
			t.Fatal(err)
		}
		if !e.Custom || e.Name != "Banded bridge" {
			t.Fatalf("saved exercise not marked custom or not tidied: %+v", e)
		}
		got, err := s.FindExercises(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || !reflect.DeepEqual(got[0], e) {
			t.Fatalf("FindExercises = %+v, want [%+v]", got, e)
		}
	})

	t.Run("ReplaceAndSorted", func(t *testing.T) {
		s := newService(t)
		for _, e := range []*assessment.Exercise{
			exercise("wall_bridge", "Wall bridge", "", ""),
			exercise("banded_bridge", "Banded bridge", "", ""),
			exercise("wall_bridge", "Wall bridge, feet high", "", ""),
		} {
			if err := s.SaveExercise(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		got, _ := s.FindExercises(ctx)
		if len(got) != 2 || got[0].ID != "banded_bridge" || got[1].Name != "Wall bridge, feet high" {
			t.Fatalf("exercises = %+v", got)
		}
	})

	t.Run("ErrBuiltinID", func(t *testing.T) {
		err := newService(t).SaveExercise(ctx, exercise("glute_bridge", "My bridge", "", ""))
		wantCode(t, err, assessment.ECONFLICT)
	})

	t.Run("ErrInvalid", func(t *testing.T) {
		e := exercise("Bad Id", "", "", "")
		e.Cues = nil
		err := newService(t).SaveExercise(ctx, e)
		wantCode(t, err, assessment.EINVALID)
		fe := assessment.FieldErrors(err)
		for _, f := range []string{"id", "name", "cues"} {
			if fe.For(f) == "" {
				t.Errorf("no message for %s in %v", f, err)
			}
		}
	})

	t.Run("ErrMissingRegression", func(t *testing.T) {
		s := newService(t)
		err := s.SaveExercise(ctx, exercise("banded_bridge", "Banded bridge", "no_such_exercise", ""))
		wantCode(t, err, assessment.EINVALID)
		if assessment.FieldErrors(err).For("regression") == "" {
			t.Fatalf("no message on the regression field in %v", err)
		}
		if got, _ := s.FindExercises(ctx); len(got) != 0 {
			t.Fatal("the refused exercise was stored")
		}
	})

	t.Run("Delete", func(t *testing.T) {
		s := newService(t)
		base := exercise("wall_bridge", "Wall bridge", "", "")
		if err := s.SaveExercise(ctx, base); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteExercise(ctx, "wall_bridge"); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.FindExercises(ctx); len(got) != 0 {
			t.Fatalf("still there: %+v", got)
		}
		wantCode(t, s.DeleteExercise(ctx, "wall_bridge"), assessment.ENOTFOUND)
	})

	t.Run("ErrDeleteLinked", func(t *testing.T) {
		s := newService(t)
		if err := s.SaveExercise(ctx, exercise("wall_bridge", "Wall bridge", "", "")); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveExercise(ctx, exercise("wall_bridge_march", "Wall bridge march", "wall_bridge", "")); err != nil {
			t.Fatal(err)
		}
		err := s.DeleteExercise(ctx, "wall_bridge")
		wantCode(t, err, assessment.ECONFLICT)
		if got, _ := s.FindExercises(ctx); len(got) != 2 {
			t.Fatalf("%d exercises left, want 2", len(got))
		}
	})

	t.Run("NoBuiltinLibrary", func(t *testing.T) {
		s := sqlite.NewExerciseService(MustOpenDB(t), nil)
		if err := s.SaveExercise(ctx, exercise("wall_bridge", "Wall bridge", "", "")); err != nil {
			t.Fatal(err)
		}
	})
}
