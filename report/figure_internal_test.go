package report

import (
	"bytes"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assets"
	"github.com/keel-coach/keel/report/figure"
)

// drawFigure and drawExerciseFigure write vector paths only, in saved and
// restored graphics state, and leave the writer error-free.
func TestDrawFigureVectors(t *testing.T) {
	r, err := newRenderer(&Handout{Title: "Figure"}, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r.newPage()
	poses, ok := figure.ForExercise("goblet_squat")
	if !ok {
		t.Fatal("no goblet squat figure")
	}
	drawFigure(r.pdf, 20, 20, 37, 30, poses[0], r.accent)
	lib := catalogueLib(t)
	e, _ := lib.Get("goblet_squat")
	if w := drawExerciseFigure(r.pdf, 20, 60, 37, 30, 2, e, r.accent); w != 2*37+2 {
		t.Errorf("width used %v, want %v", w, 2*37+2)
	}
	var buf bytes.Buffer
	if err := r.pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	pdf := buf.Bytes()
	if bytes.Count(pdf, []byte("q 1 J 1 j")) != 3 {
		t.Errorf("want three figure blocks with round caps and joins")
	}
	if bytes.Contains(pdf, []byte("/Subtype /Image")) {
		t.Error("a raster image in the figure")
	}
}

func catalogueLib(t *testing.T) *assessment.Library {
	t.Helper()
	lib, err := assessment.ParseLibrary(assets.LibraryJSON)
	if err != nil {
		t.Fatal(err)
	}
	return lib
}
