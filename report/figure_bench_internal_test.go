package report

import (
	"io"
	"syscall"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assets"
	"github.com/keel-coach/keel/report/figure"
)

// BenchmarkFigurePairsCached is BenchmarkFigurePairs as a handout draws
// them in the app: built-in figures laid out once per run and reused.
func BenchmarkFigurePairsCached(b *testing.B) {
	lib, err := assessment.ParseLibrary(assets.LibraryJSON)
	if err != nil {
		b.Fatal(err)
	}
	ex := lib.Exercises[:40]
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		pdf := benchPDF(b).pdf
		pdf.AddPage()
		for i, e := range ex {
			if i%8 == 0 && i > 0 {
				pdf.AddPage()
			}
			drawExerciseFigure(pdf, 20, 20+float64(i%8)*32, 37, 30, 2, e, colInk)
		}
		if err := pdf.Output(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

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
	start := cpuTime()
	for b.Loop() {
		pdf := benchPDF(b).pdf
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
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkFigurePairsBaseline is the same document without figures, so
// the difference is the figures' cost.
func BenchmarkFigurePairsBaseline(b *testing.B) {
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		pdf := benchPDF(b).pdf
		pdf.AddPage()
		for i := 1; i < 5; i++ {
			pdf.AddPage()
		}
		if err := pdf.Output(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// benchPDF is a handout's PDF writer (fonts loaded), so the difference
// between the two benchmarks is the figures alone.
func benchPDF(b *testing.B) *renderer {
	r, err := newRenderer(&Handout{Title: "Bench"}, RenderOptions{})
	if err != nil {
		b.Fatal(err)
	}
	return r
}

// cpuTime is the process's user and system CPU time so far. Benchmarks
// report it per operation beside the wall time: on a shared machine the
// wall time mostly measures the other processes.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkFigurePairsDrawOnly draws the 40 pairs onto a fresh page of a
// document made once, so font loading and file output are left out: the
// figures' own cost, model and PDF operators.
func BenchmarkFigurePairsDrawOnly(b *testing.B) {
	lib, err := assessment.ParseLibrary(assets.LibraryJSON)
	if err != nil {
		b.Fatal(err)
	}
	var sets [][]figure.Pose
	for _, e := range lib.Exercises[:40] {
		p, _ := figure.ForExercise(e.ID)
		sets = append(sets, p[:2])
	}
	pdf := benchPDF(b).pdf
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		pdf.AddPage()
		for i, s := range sets {
			drawFigures(pdf, 20, 20+float64(i%8)*32, 37, 30, 2, s, colInk)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// BenchmarkFigurePairsDrawOnlyCached is BenchmarkFigurePairsDrawOnly with
// the built-in figures laid out once per run, as the app draws them.
func BenchmarkFigurePairsDrawOnlyCached(b *testing.B) {
	lib, err := assessment.ParseLibrary(assets.LibraryJSON)
	if err != nil {
		b.Fatal(err)
	}
	ex := lib.Exercises[:40]
	pdf := benchPDF(b).pdf
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		pdf.AddPage()
		for i, e := range ex {
			drawExerciseFigure(pdf, 20, 20+float64(i%8)*32, 37, 30, 2, e, colInk)
		}
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}
