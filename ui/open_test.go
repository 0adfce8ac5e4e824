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
	t.Cleanup(func() { openFile, printFile = oldOpen, oldPrint })
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
			tc.run(tu, path)
			var txt string
			for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
				if txt = overlayText(t, tu.win); strings.Contains(txt, path) {
					break
				}
			}
			if !strings.Contains(txt, path) || !strings.Contains(txt, tc.want) || !strings.Contains(txt, filepath.Dir(path)) {
				t.Fatalf("the coach reads %q; want the reason and where the file is", txt)
			}
			tu.capture(t, "no-viewer-"+strings.ToLower(tc.name))
		})
	}
}
