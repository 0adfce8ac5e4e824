package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// With no viewer or printer, Open and Print say so and show where the
// file is.
func TestOpenAndPrintSayWhatHappened(t *testing.T) {
	oldOpen, oldPrint := openFile, printFile
	t.Cleanup(func() { openFile, printFile, handOffDone = oldOpen, oldPrint, nil })
	openFile = func(string) error { return errNoProgram }
	printFile = func(string) error { return errors.New("lp: no default destination") }
	for _, tc := range []struct {
		name string
		run  func(tu *testUI, path string)
		want string
	}{
		{"Open", func(tu *testUI, p string) { tu.openInViewer(p) }, "no program set up to open"},
		{"Print", func(tu *testUI, p string) { tu.printSaved(p) }, "no default destination"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tu := newTestUI(t)
			path := filepath.Join(t.TempDir(), "Zoë handout.pdf")
			ended := make(chan struct{})
			handOffDone = func() { close(ended) }
			tc.run(tu, path)
			select {
			case <-ended:
			case <-time.After(10 * time.Second):
				t.Fatal("the hand-off did not end")
			}
			txt := overlayText(t, tu.win)
			if !strings.Contains(txt, path) || !strings.Contains(txt, tc.want) || !strings.Contains(txt, filepath.Dir(path)) {
				t.Fatalf("the coach reads %q; want the reason and where the file is", txt)
			}
			tu.capture(t, "no-viewer-"+strings.ToLower(tc.name))
		})
	}
}
