package sqlite_test

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// figureJSON is a two-pose figure as the pose editor writes it.
const figureJSON = `{"poses":[{"name":"start","view":"side","angles":{"hip_l_flex":60,"hip_r_flex":60,"knee_l":110,"knee_r":110,"pitch":-90},"region":["glutes"]},` +
	`{"name":"end","view":"side","angles":{"hip_l_flex":0,"hip_r_flex":0,"knee_l":105,"knee_r":105,"pitch":-118},"props":[{"kind":"band","at":"knee_l","to":"knee_r"}]}]}`

func sameJSON(t *testing.T, got, want []byte) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("stored figure is not JSON: %v (%s)", err, got)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("figure changed:\n got %s\nwant %s", got, want)
	}
}

// A coach's exercise keeps its figure through save, export and import.
func TestExerciseFigureSurvivesSaveExportImport(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	e := exercise("my_bridge", "My bridge", "glute_bridge", "")
	e.Figure = json.RawMessage(figureJSON)
	if err := sqlite.NewExerciseService(db, builtinLibrary(t)).SaveExercise(ctx, e); err != nil {
		t.Fatal(err)
	}
	got, err := sqlite.NewExerciseService(db, builtinLibrary(t)).FindExercises(ctx)
	if err != nil || len(got) != 1 {
		t.Fatalf("FindExercises: %v %v", got, err)
	}
	sameJSON(t, got[0].Figure, []byte(figureJSON))

	file := exportBytes(t, db, 0)
	other := MustOpenDB(t)
	importBytes(t, other, file, assessment.ImportOptions{OnConflict: assessment.ConflictSkip})
	imported, err := sqlite.NewExerciseService(other, builtinLibrary(t)).FindExercises(ctx)
	if err != nil || len(imported) != 1 {
		t.Fatalf("after import: %v %v", imported, err)
	}
	sameJSON(t, imported[0].Figure, []byte(figureJSON))
}

// Saving the exercise's words again (the exercise form has no figure)
// keeps the figure drawn for it.
func TestExerciseSaveKeepsFigure(t *testing.T) {
	ctx := context.Background()
	s := sqlite.NewExerciseService(MustOpenDB(t), builtinLibrary(t))
	e := exercise("my_bridge", "My bridge", "", "")
	e.Figure = json.RawMessage(figureJSON)
	if err := s.SaveExercise(ctx, e); err != nil {
		t.Fatal(err)
	}
	words := exercise("my_bridge", "My bridge, feet on the sofa", "", "")
	if err := s.SaveExercise(ctx, words); err != nil {
		t.Fatal(err)
	}
	got, err := s.FindExercises(ctx)
	if err != nil || len(got) != 1 {
		t.Fatal(got, err)
	}
	if got[0].Name != "My bridge, feet on the sofa" {
		t.Errorf("name %q", got[0].Name)
	}
	sameJSON(t, got[0].Figure, []byte(figureJSON))
}
