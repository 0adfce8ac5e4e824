package sqlite_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// templateFixture stores the transfer fixture, two templates, and a log
// that says which session she did and how each exercise went.
func templateFixture(t *testing.T, db *sqlite.DB) []*assessment.Template {
	t.Helper()
	ctx := context.Background()
	cs := transferFixture(t, db)
	progs := sqlite.NewProgrammeService(db)
	ps, err := progs.FindProgrammes(ctx, assessment.ProgrammeFilter{ClientID: cs[0].ID, LatestOnly: true})
	if err != nil || len(ps) == 0 {
		t.Fatalf("fixture: %v", err)
	}
	var out []*assessment.Template
	for _, name := range []string{"Strong start", "Écoute douce"} {
		tp, err := assessment.TemplateFrom(ps[0], name)
		if err != nil {
			t.Fatal(err)
		}
		if err := progs.SaveTemplate(ctx, tp); err != nil {
			t.Fatal(err)
		}
		out = append(out, tp)
	}
	issued, err := progs.FindProgrammes(ctx, assessment.ProgrammeFilter{ClientID: cs[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	var cur *assessment.Programme
	for _, p := range issued {
		if p.Status == assessment.StatusIssued && (cur == nil || p.Version > cur.Version) {
			cur = p
		}
	}
	seven := 7
	l := &assessment.SessionLog{ProgrammeID: cur.ID, Date: today.AddDays(-3), Status: assessment.SessionPartial, Pain: 6, Session: "mon",
		Exercises: []assessment.ExerciseOutcome{
			{ExerciseID: "glute_bridge", Name: "Glute bridge", Outcome: assessment.OutcomeHurt, Pain: &seven},
			{ExerciseID: "dead_bug", Name: "Dead bug", Outcome: assessment.OutcomeSkipped},
		}}
	if err := sqlite.NewSessionLogService(db).CreateSessionLog(ctx, l); err != nil {
		t.Fatal(err)
	}
	return out
}

// Templates travel in keel.export/1 (an export of every client), and come
// back on import with the session logs' new fields; export → import →
// export gives the same bytes.
func TestTransfer_Templates(t *testing.T) {
	ctx := context.Background()
	a := MustOpenDB(t)
	tpls := templateFixture(t, a)
	first := exportBytes(t, a, 0)
	if !bytes.Contains(first, []byte(`"name": "Strong start"`)) || !bytes.Contains(first, []byte(`"outcome": "hurt"`)) {
		t.Fatal("the export holds no template or no exercise outcome")
	}

	t.Run("RoundTrip", func(t *testing.T) {
		b := MustOpenDB(t)
		sum := importBytes(t, b, first, assessment.ImportOptions{})
		if len(sum.Templates) != 2 || sum.Templates[0].Action != assessment.TemplateAdded || !strings.Contains(sum.Text(), "2 templates added") {
			t.Fatalf("summary %+v: %s", sum.Templates, sum.Text())
		}
		got, err := sqlite.NewTemplateService(b).FindTemplates(ctx)
		if err != nil || len(got) != 2 {
			t.Fatalf("%d templates after the import (%v)", len(got), err)
		}
		for _, g := range got {
			for _, w := range tpls {
				if g.Name == w.Name && !assessment.SameTemplate(g, w) {
					t.Errorf("template %q changed on the way", g.Name)
				}
			}
		}
		if second := exportBytes(t, b, 0); !bytes.Equal(first, second) {
			t.Fatalf("export → import → export is not identical:\n%s", diffAt(first, second))
		}
	})
	t.Run("OneClientHasNone", func(t *testing.T) {
		cs, _, err := sqlite.NewClientService(a).FindClients(ctx, assessment.ClientFilter{})
		if err != nil {
			t.Fatal(err)
		}
		one := exportBytes(t, a, cs[0].ID)
		if !bytes.Contains(one, []byte(`"templates": []`)) {
			t.Error("a one-client export carries the coach's templates")
		}
	})
	t.Run("NameClash", func(t *testing.T) {
		b := MustOpenDB(t)
		svc := sqlite.NewTemplateService(b)
		// Hers: the same name, other content; and one the same as the file's.
		other, err := assessment.TemplateFrom(&assessment.Programme{Weeks: tpls[0].Weeks}, "strong START")
		if err != nil {
			t.Fatal(err)
		}
		other.Weeks[0].Days[0].Exercises[0].Sets = 9
		mine := other
		if err := svc.SaveTemplate(ctx, mine); err != nil {
			t.Fatal(err)
		}
		same := &assessment.Template{Name: "Écoute douce", Weeks: tpls[1].Weeks}
		if err := svc.SaveTemplate(ctx, same); err != nil {
			t.Fatal(err)
		}
		sum := importBytes(t, b, first, assessment.ImportOptions{})
		text := sum.Text()
		if !strings.Contains(text, `"Strong start" is saved as "Strong start (imported)"`) || !strings.Contains(text, "1 template was already in Keel") {
			t.Errorf("summary: %s", text)
		}
		got, _ := svc.FindTemplates(ctx)
		var names []string
		for _, g := range got {
			names = append(names, g.Name)
			if g.Name == "strong START" && g.Weeks[0].Days[0].Exercises[0].Sets != 9 {
				t.Error("her own template was changed by the import")
			}
		}
		if len(got) != 3 {
			t.Errorf("templates %q; want hers, the renamed one and the shared one once", names)
		}
		// Importing again finds the renamed copy the same: nothing added.
		sum = importBytes(t, b, first, assessment.ImportOptions{})
		if got2, _ := svc.FindTemplates(ctx); len(got2) != 3 {
			t.Errorf("after a second import: %d templates (%s)", len(got2), sum.Text())
		}
	})
	t.Run("DryRunWritesNothing", func(t *testing.T) {
		b := MustOpenDB(t)
		sum := importBytes(t, b, first, assessment.ImportOptions{DryRun: true})
		if got, _ := sqlite.NewTemplateService(b).FindTemplates(ctx); len(got) != 0 || len(sum.Templates) != 2 {
			t.Errorf("a dry run stored %d templates (summary %+v)", len(got), sum.Templates)
		}
	})
	t.Run("ErrDuplicateName", func(t *testing.T) {
		bad := bytes.Replace(first, []byte(`"name": "Écoute douce"`), []byte(`"name": "STRONG start"`), 1)
		_, err := assessment.ParseExport(bad, today)
		if fe := assessment.FieldErrors(err); len(fe) == 0 || !strings.HasPrefix(fe[0].Field, "templates[") {
			t.Fatalf("a file with two templates of one name: %v", err)
		}
	})
	t.Run("OldFileWithoutTemplates", func(t *testing.T) {
		old := bytes.Replace(first, []byte(",\n  \"templates\": ["), []byte(",\n  \"x\": ["), 1)
		i := bytes.Index(old, []byte(",\n  \"x\": ["))
		old = append(old[:i:i], []byte("\n}\n")...)
		e, err := assessment.ParseExport(old, today)
		if err != nil || len(e.Templates) != 0 {
			t.Fatalf("a file written before templates travelled: %v", err)
		}
	})
}
