package assessment_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/mock"
)

func linkLib(t *testing.T) *assessment.Library {
	t.Helper()
	lib := wfLib(t)
	base := lib.Exercises[0]
	custom := []*assessment.Exercise{}
	for _, id := range []string{"my_a", "my_b"} {
		e := *base
		e.ID, e.Name, e.Regression, e.Progression = id, "Mine "+id, "", ""
		custom = append(custom, &e)
	}
	custom[1].Regression = "my_a"
	all, err := lib.With(custom)
	if err != nil {
		t.Fatal(err)
	}
	return all
}

func TestLibrary_LinkedFrom(t *testing.T) {
	lib := linkLib(t)
	if got := lib.LinkedFrom("my_a"); len(got) != 1 || got[0].ID != "my_b" {
		t.Errorf("LinkedFrom(my_a) = %v; want my_b", got)
	}
	if got := lib.LinkedFrom("my_b"); len(got) != 0 {
		t.Errorf("LinkedFrom(my_b) = %v; want none", got)
	}
	if (*assessment.Library)(nil).LinkedFrom("x") != nil {
		t.Error("a nil library links")
	}
}

func TestLibrary_CheckDelete(t *testing.T) {
	lib := linkLib(t)
	t.Run("OK", func(t *testing.T) {
		if err := lib.CheckDelete("my_b"); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ErrLinked", func(t *testing.T) {
		err := lib.CheckDelete("my_a")
		if assessment.ConflictReason(err) != assessment.ReasonLinked {
			t.Fatalf("err %v; want a linked conflict", err)
		}
		if msg := assessment.ErrorMessage(err); !strings.Contains(msg, "“Mine my_a”") || !strings.Contains(msg, "“Mine my_b”") {
			t.Errorf("message %q does not name both exercises", msg)
		}
	})
}

func TestLibrary_CheckCustomID(t *testing.T) {
	lib := linkLib(t)
	builtin := lib.Exercises[0].ID
	if err := lib.CheckCustomID(builtin); assessment.ConflictReason(err) != assessment.ReasonBuiltinID || assessment.FieldErrors(err).For("id") == "" {
		t.Errorf("built-in id %q: %v; want a field conflict on id", builtin, err)
	}
	if err := lib.CheckCustomID("my_a"); err != nil {
		t.Errorf("her own id: %v", err)
	}
	if err := lib.CheckCustomID("brand_new"); err != nil {
		t.Errorf("a new id: %v", err)
	}
	if _, err := lib.With([]*assessment.Exercise{{ID: builtin}}); assessment.ConflictReason(err) != assessment.ReasonBuiltinID {
		t.Errorf("With a built-in id: %v; want the same conflict", err)
	}
}

func TestSuggestExerciseID(t *testing.T) {
	taken := func(id string) bool { return id == "glute_bridge" || id == "glute_bridge_2" }
	for _, c := range []struct{ name, in, want string }{
		{"OK", "Banded bridge", "banded_bridge"},
		{"Accents", "Pont fessier à une jambe", "pont_fessier_a_une_jambe"},
		{"Punctuation", "  Dead-bug (heel taps)! ", "dead_bug_heel_taps"},
		{"Taken", "Glute bridge", "glute_bridge_3"},
		{"LeadingDigit", "90/90 breathing", "ex_90_90_breathing"},
		{"Empty", " – ", ""},
		{"Long", strings.Repeat("very long name ", 10), "very_long_name_very_long_name_very_long_name_very_long"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := assessment.SuggestExerciseID(c.in, taken)
			if got != c.want {
				t.Fatalf("SuggestExerciseID(%q) = %q, want %q", c.in, got, c.want)
			}
			if got != "" {
				e := assessment.Exercise{ID: got}
				if msg := assessment.FieldErrors(e.Validate()).For("id"); msg != "" {
					t.Fatalf("suggested id %q is refused: %s", got, msg)
				}
			}
		})
	}
}

func TestLibrary_CheckExercise(t *testing.T) {
	lib := wfLib(t)
	base := lib.Exercises[0]
	mine := func(id, regression string) *assessment.Exercise {
		e := *base
		e.ID, e.Name, e.Regression, e.Progression, e.Custom = id, "Mine "+id, regression, "", true
		return &e
	}
	custom := []*assessment.Exercise{mine("my_a", ""), mine("my_b", "my_a")}
	t.Run("OK", func(t *testing.T) {
		if err := lib.CheckExercise(custom, mine("my_c", "my_a")); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ReplacesSameID", func(t *testing.T) {
		if err := lib.CheckExercise(custom, mine("my_a", "")); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ErrUnknownLinkOnItsField", func(t *testing.T) {
		err := lib.CheckExercise(custom, mine("my_c", "nowhere"))
		if assessment.FieldErrors(err).For("regression") == "" {
			t.Errorf("err %v; want a message on regression, without the id", err)
		}
	})
}

func TestLibraryWithCustom(t *testing.T) {
	lib := wfLib(t)
	own := *lib.Exercises[0]
	own.ID, own.Name, own.Regression, own.Progression = "my_own", "My own", "", ""
	t.Run("OK", func(t *testing.T) {
		s := &mock.ExerciseService{FindExercisesFn: func(context.Context) ([]*assessment.Exercise, error) {
			return []*assessment.Exercise{&own}, nil
		}}
		all, err := assessment.LibraryWithCustom(context.Background(), lib, s)
		if err != nil {
			t.Fatal(err)
		}
		if e, ok := all.Get("my_own"); !ok || !e.Custom || len(all.Exercises) != len(lib.Exercises)+1 {
			t.Errorf("library of %d; want the built-in ones and hers, marked hers", len(all.Exercises))
		}
	})
	t.Run("NoStore", func(t *testing.T) {
		if all, err := assessment.LibraryWithCustom(context.Background(), lib, nil); err != nil || all != lib {
			t.Errorf("= %v, %v; want the built-in library", all, err)
		}
	})
	t.Run("ErrStore", func(t *testing.T) {
		s := &mock.ExerciseService{FindExercisesFn: func(context.Context) ([]*assessment.Exercise, error) {
			return nil, assessment.Internal("read your exercises", errors.New("disk"))
		}}
		if _, err := assessment.LibraryWithCustom(context.Background(), lib, s); assessment.ErrorCode(err) != assessment.EINTERNAL {
			t.Errorf("err %v; want the store's", err)
		}
	})
}
