package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// TestTimelineCSVFile checks the measures CSV file itself: private even
// when a file with looser permissions is already there (the save dialog
// creates one 0644 before Keel writes), nothing left of the old content,
// and a failure worded for the coach.
func TestTimelineCSVFile(t *testing.T) {
	tu := newTestUI(t)
	c, _ := progressClient(t, tu)
	s := tu.openTimeline(c)

	t.Run("OK", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "Zoë measures.csv")
		if err := os.WriteFile(path, []byte(strings.Repeat("older export\n", 1000)), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, 0o644); err != nil { // undo the umask
			t.Fatal(err)
		}
		if err := s.exportCSV(path); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(b), "\xef\xbb\xbfClient,") || strings.Contains(string(b), "older export") {
			t.Errorf("file starts %q; want the CSV and nothing of the old file", b[:min(len(b), 40)])
		}
		if fi, _ := os.Stat(path); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
			t.Errorf("mode %v; want 0600 (her health data)", fi.Mode().Perm())
		}
		if es, _ := os.ReadDir(dir); len(es) != 1 {
			t.Errorf("%d files in the folder; want 1 (a temporary file was left)", len(es))
		}
	})

	t.Run("ErrFolderMissing", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "gone", "measures.csv")
		err := s.exportCSV(path)
		if err == nil {
			t.Fatal("exported into a folder that does not exist")
		}
		if msg := assessment.ErrorMessage(err); !strings.Contains(msg, path) || !strings.Contains(msg, "the folder does not exist") {
			t.Errorf("message %q; want the file named and the reason in words", msg)
		}
	})
}
