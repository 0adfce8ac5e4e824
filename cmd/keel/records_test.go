package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// TestFileOutputs checks the files keel writes for -out and --csv: private
// (0600) even over a file that was readable by everyone, whole or not at
// all, and a failure told in words rather than as the system's error.
func TestFileOutputs(t *testing.T) {
	path, clientID := demoDB(t, "Gosia")
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := sqlite.NewRecordService(db).FindRecords(ctx(), assessment.RecordFilter{ClientID: clientID})
	_ = db.Close()
	if err != nil || len(recs) == 0 {
		t.Fatalf("records %d (%v)", len(recs), err)
	}
	recordID := itoa64(recs[0].ID)

	commands := []struct {
		name string
		args func(file string) []string
		want string // the start of the file
	}{
		{"AssessmentExport", func(f string) []string {
			return []string{"assessment", "export", "-db", path, "-id", recordID, "-out", f}
		}, "{"},
		{"ProgressCSV", func(f string) []string {
			return []string{"progress", "-db", path, "-client", itoa64(clientID), "-csv", f}
		}, "\xef\xbb\xbfClient,Date,Kind"},
	}
	for _, c := range commands {
		t.Run(c.name+"/ReplacesLooseMode", func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "out")
			if err := os.WriteFile(file, []byte(strings.Repeat("old ", 10000)), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(file, 0o644); err != nil {
				t.Fatal(err)
			}
			// Without --force an existing file is left alone, and named.
			var out, errb bytes.Buffer
			if code := run(c.args(file), &out, &errb); code != 1 || !strings.Contains(errb.String(), file+" already exists") || !strings.Contains(errb.String(), "--force") {
				t.Fatalf("without --force: exit %d, stderr %q; want 1 and the file named", code, errb.String())
			}
			if b, _ := os.ReadFile(file); !bytes.HasPrefix(b, []byte("old ")) {
				t.Fatal("the existing file was changed without --force")
			}
			errb.Reset()
			if code := run(append(c.args(file), "--force"), &out, &errb); code != 0 {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(b, []byte(c.want)) || bytes.Contains(b, []byte("old ")) {
				t.Errorf("file starts %q; want %q and nothing of the old content", b[:min(len(b), 40)], c.want)
			}
			if fi, _ := os.Stat(file); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
				t.Errorf("mode %v; want 0600 (health data)", fi.Mode().Perm())
			}
			if es, _ := os.ReadDir(dir); len(es) != 1 {
				t.Errorf("%d files in the folder; want 1 (a temporary file was left)", len(es))
			}
		})
		t.Run(c.name+"/ErrFolderMissing", func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "gone", "out")
			var out, errb bytes.Buffer
			if code := run(c.args(file), &out, &errb); code != 1 {
				t.Fatalf("exit %d; want 1", code)
			}
			msg := errb.String()
			if !strings.Contains(msg, "The folder "+filepath.Dir(file)+" does not exist") {
				t.Errorf("stderr %q; want the missing folder named", msg)
			}
			if _, err := os.Stat(filepath.Dir(file)); !os.IsNotExist(err) {
				t.Errorf("the missing folder was created (%v)", err)
			}
			if strings.Contains(msg, "no such file") || strings.Contains(msg, "open ") {
				t.Errorf("stderr %q shows the system's raw error", msg)
			}
		})
	}
}
