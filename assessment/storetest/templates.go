package storetest

import (
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// testTemplates: templates are saved, listed by name, renamed and deleted;
// names are unique without regard to case or accents.
func testTemplates(t *testing.T, open func(t *testing.T) Stores) {
	t.Run("OK", func(t *testing.T) {
		st := open(t)
		if st.Templates == nil {
			t.Skip("this store keeps no templates")
		}
		s := st.Templates
		week := assessment.Week{Week: 1, Phase: assessment.PhaseActivation, Days: []assessment.Day{{Day: "mon", Session: "Glutes",
			Exercises: []assessment.Prescription{{ExerciseID: "glute_bridge", Name: "Glute bridge", Sets: 2, Reps: 10, Side: assessment.SideBoth, Tempo: "3-1-1"}}}}}
		a := &assessment.Template{Name: "Zoë's glute plan", Weeks: []assessment.Week{week}}
		if err := s.SaveTemplate(ctx, a); err != nil || a.ID == 0 {
			t.Fatalf("save: id %d, %v", a.ID, err)
		}
		b := &assessment.Template{Name: "ZOË'S GLUTE PLAN", Weeks: []assessment.Week{week}}
		wantCode(t, s.SaveTemplate(ctx, b), assessment.ECONFLICT)
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
		wantCode(t, s.DeleteTemplate(ctx, a.ID), assessment.ENOTFOUND)
	})
}
