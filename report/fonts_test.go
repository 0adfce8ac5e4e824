package report_test

import (
	"bytes"
	"sync"
	"testing"

	"github.com/keel-coach/keel/report"
)

// Handouts written at the same time share the fonts without sharing what
// each document changes: run with -race. Each comes out the same as a
// handout written alone.
func TestFontsConcurrent(t *testing.T) {
	h, err := report.Build(realInput(t, "full", 4))
	if err != nil {
		t.Fatal(err)
	}
	render := func() []byte {
		var buf bytes.Buffer
		if err := report.Render(h, &buf, report.RenderOptions{Fixed: fixedTime}); err != nil {
			t.Error(err)
		}
		return buf.Bytes()
	}
	alone := render()
	var wg sync.WaitGroup
	outs := make([][]byte, 4)
	for i := range outs {
		wg.Go(func() { outs[i] = render() })
	}
	wg.Wait()
	for i, out := range outs {
		if !bytes.Equal(out, alone) {
			t.Errorf("handout %d written beside others differs from one written alone", i+1)
		}
	}
}
