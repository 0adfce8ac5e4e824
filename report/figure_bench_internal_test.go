package report

import (
	"io"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assets"
	"github.com/keel-coach/keel/report/figure"
)

// BenchmarkFigurePairs measures what figures add to a 12-week handout:
// about 40 exercise cards, each with its start and end figure, drawn into
// one PDF and written out.
func BenchmarkFigurePairs(b *testing.B) {
	lib, err := assessment.ParseLibrary(assets.LibraryJSON)
	if err != nil {
		b.Fatal(err)
	}
	var sets [][]figure.Pose
	for _, e := range lib.Exercises[:40] {
		p, _ := figure.ForExercise(e.ID)
		sets = append(sets, p[:2])
	}
	b.ReportAllocs()
	for b.Loop() {
		pdf := gofpdf.New("P", "mm", "A4", "")
		pdf.SetCompression(false)
		pdf.AddPage()
		for i, s := range sets {
			if i%8 == 0 && i > 0 {
				pdf.AddPage()
			}
			drawFigures(pdf, 20, 20+float64(i%8)*32, 37, 30, 2, s, colInk)
		}
		if err := pdf.Output(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFigurePairsBaseline is the same document without figures, so
// the difference is the figures' cost.
func BenchmarkFigurePairsBaseline(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		pdf := gofpdf.New("P", "mm", "A4", "")
		pdf.SetCompression(false)
		pdf.AddPage()
		for i := 1; i < 5; i++ {
			pdf.AddPage()
		}
		if err := pdf.Output(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
