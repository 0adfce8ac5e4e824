package report_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assets"
	"github.com/keel-coach/keel/report"
)

// These helpers build handouts the way the app does: the built-in library,
// an example assessment file from docs/examples and the real generator.

func realLibrary(tb testing.TB) *assessment.Library {
	tb.Helper()
	lib, err := assessment.ParseLibrary(assets.LibraryJSON)
	if err != nil {
		tb.Fatalf("ParseLibrary: %v", err)
	}
	return lib
}

func exampleRecord(tb testing.TB, name string) *assessment.Record {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "docs", "examples", name+".json"))
	if err != nil {
		tb.Fatal(err)
	}
	r, err := assessment.ParseRecordJSON(data)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return r
}

// exampleBaseline is the example made into an intake eight weeks earlier,
// with worse pain, a wider gap and weaker glutes.
func exampleBaseline(tb testing.TB, name string) *assessment.Record {
	r := exampleRecord(tb, name)
	r.Date = r.Date.AddDays(-56)
	r.Kind = assessment.KindIntake
	if r.Pain != nil {
		r.Pain.Now, r.Pain.WorstWeek = ip(8), ip(9)
	}
	if r.Diastasis != nil && r.Diastasis.Above != nil && r.Diastasis.Above.WidthFingers != nil {
		r.Diastasis.Above.WidthFingers = fp(*r.Diastasis.Above.WidthFingers + 1)
	}
	if r.Glutes != nil && r.Glutes.Left != nil {
		r.Glutes.Left.MedGrade = "3-"
	}
	return r
}

// realInput is a full handout input from an example file and the real
// generator, for the client named fixtureName.
func realInput(tb testing.TB, example string, weeks int) report.Input {
	tb.Helper()
	rec := exampleRecord(tb, example)
	lib := realLibrary(tb)
	p, err := assessment.Generate(rec, lib, assessment.ProgrammeOptions{Weeks: weeks})
	if err != nil {
		tb.Fatalf("Generate: %v", err)
	}
	return report.Input{Client: &assessment.Client{Name: fixtureName}, Record: rec, Programme: p, Library: lib,
		Baseline: exampleBaseline(tb, example), Settings: fixtureSettings(tb), Date: rec.Date}
}

// programmeNames is the name she reads (report.ExerciseName) of every
// exercise the programme prescribes.
func programmeNames(tb testing.TB, in report.Input) []string {
	tb.Helper()
	seen := map[string]bool{}
	var names []string
	for _, wk := range in.Programme.Weeks {
		for _, d := range wk.Days {
			for _, rx := range d.Exercises {
				if seen[rx.ExerciseID] {
					continue
				}
				seen[rx.ExerciseID] = true
				e, ok := in.Library.Get(rx.ExerciseID)
				if !ok {
					tb.Fatalf("the generator prescribed %q, which is not in the library", rx.ExerciseID)
				}
				names = append(names, report.ExerciseName(e))
			}
		}
	}
	return names
}

// TestRenderGenerated is the main end-to-end check: the full example
// assessment, the real generator and library, a 12-week plan and a
// baseline, read back with pdftotext.
func TestRenderGenerated(t *testing.T) {
	needTool(t, "pdftotext")
	needTool(t, "pdfinfo")
	in := realInput(t, "full", 12)
	in.Print = report.PrintRange{All: true}
	if in.Programme.Blocked {
		t.Fatal("the full example's programme is blocked; it has a medical clearance")
	}
	names := programmeNames(t, in)
	if len(names) < 5 {
		t.Fatalf("the programme has %d exercises; want a full plan", len(names))
	}
	pdf := render(t, in, report.RenderOptions{Fixed: fixedTime})
	path := writeTemp(t, pdf)
	text := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	flat := collapse(text)
	n := pageCount(t, path)

	if !strings.Contains(text, fixtureName) {
		t.Errorf("client name %q missing", fixtureName)
	}
	for _, name := range names {
		if !strings.Contains(flat, collapse(report.Sanitize(name))) {
			t.Errorf("exercise %q missing", name)
		}
	}
	for i := 1; i <= n; i++ {
		if want := fmt.Sprintf("Page %d of %d", i, n); !strings.Contains(text, want) {
			t.Errorf("%q missing (pdfinfo: %d pages)", want, n)
		}
	}
	for _, want := range []string{"What we found", "Your week", "Tracking sheet", "Your progress", "When to stop an exercise"} {
		if !strings.Contains(flat, want) {
			t.Errorf("%q missing", want)
		}
	}
	h, err := report.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	full := 0
	for _, part := range h.Parts {
		for _, s := range part.Sessions {
			for _, b := range s.Exercises {
				if b.Full {
					full++
				}
			}
		}
	}
	if got, want := full, len(names); got != want {
		t.Errorf("%d full descriptions, want one per exercise (%d)", got, want)
	}
	checkInsideMargins(t, path, 13)
	if again := render(t, in, report.RenderOptions{Fixed: fixedTime}); string(again) != string(pdf) {
		t.Error("two renders of the generated handout differ")
	}
}

// TestRenderGeneratedExamples renders every example assessment through the
// real generator: none may fail, and a blocked one gives one page.
func TestRenderGeneratedExamples(t *testing.T) {
	needTool(t, "pdfinfo")
	files, _ := filepath.Glob(filepath.Join("..", "docs", "examples", "*.json"))
	if len(files) == 0 {
		t.Fatal("no example assessments in docs/examples")
	}
	lib := realLibrary(t)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		t.Run(name, func(t *testing.T) {
			rec := exampleRecord(t, name)
			p, err := assessment.Generate(rec, lib, assessment.ProgrammeOptions{})
			if err != nil {
				t.Fatalf("Generate: %v", err)
			}
			in := report.Input{Record: rec, Programme: p, Library: lib, Settings: report.Settings{Paper: report.PaperLetter}}
			path := writeTemp(t, render(t, in, report.RenderOptions{}))
			pages := pageCount(t, path)
			if p.Blocked && pages > 2 {
				t.Errorf("blocked programme gave %d pages, want the referral sheets alone", pages)
			}
			if !p.Blocked && pages < 4 {
				t.Errorf("%d pages, want at least summary, week, sessions and tracking", pages)
			}
		})
	}
}
