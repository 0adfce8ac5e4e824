package report_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/keel-coach/keel/report"
)

// BenchmarkHandout measures one whole handout (Build and Render, as the app
// does on export) for the full example assessment run through the real
// library and generator, with a baseline and a logo, at three plan
// lengths; it reports the PDF size. Generating the programme is not
// timed. Budget (issue 5): under 50 ms and 20 MB allocated per 12-week
// handout, file under 500 KB.
func BenchmarkHandout(b *testing.B) {
	for _, weeks := range []int{4, 8, 12} {
		b.Run(fmt.Sprintf("weeks=%d", weeks), func(b *testing.B) {
			benchHandout(b, []report.Input{realInput(b, "full", weeks)})
		})
	}
}

// BenchmarkHandoutFixture is the hand-built fixture: more exercises per
// session and long custom cues.
func BenchmarkHandoutFixture(b *testing.B) {
	benchHandout(b, []report.Input{fixtureInput(b, 12)})
}

// BenchmarkHandoutColdLogo alternates two logos so the prepared-logo cache
// never hits: the cost of the first handout after the coach changes her
// logo (a 900×300 PNG here).
func BenchmarkHandoutColdLogo(b *testing.B) {
	a, c := realInput(b, "full", 12), realInput(b, "full", 12)
	c.Settings.Logo = append([]byte(nil), fixtureLogoVariant(b)...)
	benchHandout(b, []report.Input{a, c})
}

func benchHandout(b *testing.B, ins []report.Input) {
	var buf bytes.Buffer
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		h, err := report.Build(ins[i%len(ins)])
		if err != nil {
			b.Fatal(err)
		}
		if err := report.Render(h, &buf, report.RenderOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "pdf-bytes")
}

// BenchmarkBuild measures the model alone (wording, with the logo cached).
func BenchmarkBuild(b *testing.B) {
	in := realInput(b, "full", 12)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := report.Build(in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHandoutOnePhase is the handout as a coach prints it today: the
// phase she is starting, in full, with the fridge page, session pages and
// tracking sheet, and no progress pages (issue 14: under 10 ms in-process
// once fonts are parsed once per process).
func BenchmarkHandoutOnePhase(b *testing.B) {
	for _, name := range []string{"full", "clean"} {
		b.Run(name, func(b *testing.B) {
			in := realInput(b, name, 8)
			in.Baseline = nil
			benchHandout(b, []report.Input{in})
		})
	}
}
