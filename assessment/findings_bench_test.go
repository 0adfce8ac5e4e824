package assessment_test

import (
	"path/filepath"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// BenchmarkInterpret interprets the full example, which fills every
// section and raises most findings. Target: under 50 µs an operation.
//
//	go test ./assessment -run '^$' -bench Interpret -benchmem -count 10
func BenchmarkInterpret(b *testing.B) {
	r := mustParseFile(b, filepath.Join(examplesDir, "full.json"))
	b.ReportAllocs()
	for b.Loop() {
		in := assessment.Interpret(r)
		if len(in.Findings) == 0 {
			b.Fatal("no findings")
		}
	}
}

// BenchmarkParseRecordJSON reads the full example file.
func BenchmarkParseRecordJSON(b *testing.B) {
	data := readExample(b, "full.json")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := assessment.ParseRecordJSON(data); err != nil {
			b.Fatal(err)
		}
	}
}
