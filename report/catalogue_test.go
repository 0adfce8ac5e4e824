package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assets"
	"github.com/keel-coach/keel/report"
	"github.com/keel-coach/keel/report/figure"
)

func catalogueExercises(t testing.TB) []*assessment.Exercise {
	t.Helper()
	lib, err := assessment.ParseLibrary(assets.LibraryJSON)
	if err != nil {
		t.Fatal(err)
	}
	return lib.Exercises
}

func renderCatalogue(t testing.TB, ex []*assessment.Exercise, paper string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.RenderCatalogue(report.BuildCatalogue(ex, paper), &buf, report.RenderOptions{}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The same library gives the same catalogue bytes, with no date argument.
func TestCatalogueDeterministic(t *testing.T) {
	ex := catalogueExercises(t)
	a, b := renderCatalogue(t, ex, report.PaperA4), renderCatalogue(t, ex, report.PaperA4)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same library differ")
	}
	if bytes.Contains(a, []byte("/Subtype /Image")) {
		t.Error("the catalogue embeds a raster image; figures must be vectors")
	}
}

// Every exercise is on the sheet with its equipment; a coach's exercise
// with poses is drawn, one without says it has no figure yet.
func TestCatalogueText(t *testing.T) {
	needTool(t, "pdftotext")
	ex := catalogueExercises(t)
	poses, _ := figure.ForExercise("glute_bridge")
	fig, err := figure.Encode(poses)
	if err != nil {
		t.Fatal(err)
	}
	own := &assessment.Exercise{ID: "my_bridge", Name: "Marching bridge on the sofa", Custom: true, Equipment: []string{"none"},
		Cues: []string{"Feet on the sofa edge."}, Figure: json.RawMessage(fig)}
	bare := &assessment.Exercise{ID: "my_stretch", Name: "Calf stretch on a step", Custom: true, Equipment: []string{"box"}}
	c := report.BuildCatalogue(append(append([]*assessment.Exercise{}, ex...), own, bare), report.PaperLetter)
	if len(c.Entries[len(c.Entries)-2].Poses) != 2 || c.Entries[len(c.Entries)-1].Missing == "" {
		t.Fatalf("own exercises: %+v", c.Entries[len(c.Entries)-2:])
	}
	var buf bytes.Buffer
	if err := report.RenderCatalogue(c, &buf, report.RenderOptions{}); err != nil {
		t.Fatal(err)
	}
	path := writeTemp(t, buf.Bytes())
	text := collapse(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	for _, e := range ex {
		if !strings.Contains(text, e.Name) {
			t.Errorf("%q is not on the sheet", e.Name)
		}
	}
	for _, want := range []string{"Marching bridge on the sofa", "your exercise", "No figure yet", "Kettlebell, box", "Right side shown; repeat on the left."} {
		if !strings.Contains(text, want) {
			t.Errorf("sheet lacks %q", want)
		}
	}
}

// BenchmarkCatalogue renders the sheet of the whole built-in library.
func BenchmarkCatalogue(b *testing.B) {
	ex := catalogueExercises(b)
	b.ReportAllocs()
	start := processCPU()
	for b.Loop() {
		renderCatalogue(b, ex, report.PaperA4)
	}
	b.ReportMetric(float64(processCPU()-start)/float64(b.N), "cpu-ns/op")
}

// processCPU is the process's CPU time so far (see the figure benchmarks).
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
