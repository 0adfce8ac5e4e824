package postgres_test

import (
	"context"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/postgres"
)

// Templates are saved, listed by name, renamed and deleted, as on the
// SQLite file; names are unique without regard to case or accents.
func TestTemplateService(t *testing.T) {
	ctx := context.Background()
	s := postgres.NewTemplateService(MustOpenDB(t, "Sam"))
	week := assessment.Week{Week: 1, Phase: assessment.PhaseActivation, Days: []assessment.Day{{Day: "mon", Session: "Glutes",
		Exercises: []assessment.Prescription{{ExerciseID: "glute_bridge", Name: "Glute bridge", Sets: 2, Reps: 10, Side: assessment.SideBoth, Tempo: "3-1-1"}}}}}
	a := &assessment.Template{Name: "Zoë's glute plan", Weeks: []assessment.Week{week}}
	if err := s.SaveTemplate(ctx, a); err != nil || a.ID == 0 {
		t.Fatalf("save: id %d, %v", a.ID, err)
	}
	b := &assessment.Template{Name: "ZOË'S GLUTE PLAN", Weeks: []assessment.Week{week}}
	if err := s.SaveTemplate(ctx, b); assessment.ErrorCode(err) != assessment.ECONFLICT {
		t.Fatalf("same name again: %v", err)
	}
	if err := s.SaveTemplate(ctx, &assessment.Template{Name: "  "}); assessment.FieldErrors(err).For(assessment.FieldTemplateName) == "" {
		t.Fatalf("empty name: %v", err)
	}
	b.Name = "Another"
	if err := s.SaveTemplate(ctx, b); err != nil {
		t.Fatal(err)
	}
	a.Name = "Beta plan"
	if err := s.SaveTemplate(ctx, a); err != nil {
		t.Fatal(err)
	}
	got, err := s.FindTemplates(ctx)
	if err != nil || len(got) != 2 || got[0].Name != "Another" || got[1].Name != "Beta plan" || got[1].ID != a.ID {
		t.Fatalf("list = %+v, %v", got, err)
	}
	if l := got[1].Weeks[0].Days[0].Exercises[0]; l.Tempo != "3-1-1" || l.Sets != 2 {
		t.Fatalf("stored line %+v", l)
	}
	if err := s.DeleteTemplate(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteTemplate(ctx, a.ID); assessment.ErrorCode(err) != assessment.ENOTFOUND {
		t.Fatalf("second delete: %v", err)
	}
}
