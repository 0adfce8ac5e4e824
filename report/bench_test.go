package report_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/keel-coach/keel/report"
)

// BenchmarkHandout measures one whole handout (Build and Render, as the app
// does on export) for a full assessment with a baseline, at three plan
// lengths, and reports the PDF size. Budget (issue 5): under 50 ms and
// 20 MB allocated per 12-week handout, file under 500 KB.
func BenchmarkHandout(b *testing.B) {
	for _, weeks := range []int{4, 8, 12} {
		b.Run(fmt.Sprintf("weeks=%d", weeks), func(b *testing.B) {
			in := fixtureInput(b, weeks)
			var buf bytes.Buffer
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				buf.Reset()
				h, err := report.Build(in)
				if err != nil {
					b.Fatal(err)
				}
				if err := report.Render(h, &buf, report.RenderOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "pdf-bytes")
		})
	}
}

// BenchmarkBuild measures the model alone (wording, logo preparation).
func BenchmarkBuild(b *testing.B) {
	in := fixtureInput(b, 12)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := report.Build(in); err != nil {
			b.Fatal(err)
		}
	}
}
