package atomicfile_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment/atomicfile"
)

func TestCheckTarget(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "keel.db")
	if err := os.WriteFile(db, []byte("SQLite format 3\x00"), 0o600); err != nil {
		t.Fatal(err)
	}
	other := t.TempDir()
	if err := os.Link(db, filepath.Join(other, "second-name.db")); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		if err := os.Symlink(db, filepath.Join(other, "shortcut.db")); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(db+"-wal", filepath.Join(other, "to-wal")); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(dir, filepath.Join(other, "folder-link")); err != nil {
			t.Fatal(err)
		}
	}
	existing := filepath.Join(other, "report.pdf")
	if err := os.WriteFile(existing, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)

	refused := []string{db, db + "-wal", db + "-shm", db + "-journal", "keel.db", "./keel.db-wal",
		filepath.Join(dir, "sub", "..", "keel.db"), filepath.Join(other, "second-name.db")}
	if runtime.GOOS != "windows" {
		refused = append(refused, filepath.Join(other, "shortcut.db"), filepath.Join(other, "to-wal"),
			filepath.Join(other, "folder-link", "keel.db-shm"))
	}
	for _, p := range refused {
		err := atomicfile.CheckTarget(p, db, true)
		var te *atomicfile.TargetError
		if !errors.As(err, &te) || !strings.Contains(err.Error(), "Keel will not write to") {
			t.Errorf("CheckTarget(%s) = %v; want the database refused", p, err)
		}
	}

	t.Run("ErrFolderMissing", func(t *testing.T) {
		p := filepath.Join(other, "gone", "x.json")
		err := atomicfile.CheckTarget(p, db, true)
		if err == nil || !strings.Contains(err.Error(), filepath.Join(other, "gone")) {
			t.Fatalf("err = %v; want the folder named", err)
		}
	})
	t.Run("ErrExists", func(t *testing.T) {
		err := atomicfile.CheckTarget(existing, db, false)
		var te *atomicfile.TargetError
		if !errors.As(err, &te) || !te.Exists || !strings.Contains(err.Error(), "--force") {
			t.Fatalf("err = %v; want exists, --force", err)
		}
		if err := atomicfile.CheckTarget(existing, db, true); err != nil {
			t.Fatalf("with overwrite: %v", err)
		}
	})
	t.Run("ErrFolder", func(t *testing.T) {
		if err := atomicfile.CheckTarget(other, db, true); err == nil {
			t.Fatal("a folder was accepted")
		}
	})
	t.Run("OK", func(t *testing.T) {
		if err := atomicfile.CheckTarget(filepath.Join(other, "new.json"), db, false); err != nil {
			t.Fatal(err)
		}
		if err := atomicfile.CheckTarget(filepath.Join(other, "new.json"), "", false); err != nil {
			t.Fatal(err)
		}
	})
}

// TestCheckOutput: a handout or export never replaces a database, even one
// Keel was not pointed at and even with --force; other files follow
// CheckTarget's rule.
func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "clients-2025.db")
	if err := os.WriteFile(other, []byte("SQLite format 3\x00rest of the page"), 0o600); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(dir, "old-handout.pdf")
	if err := os.WriteFile(plain, []byte("%PDF-1.4"), 0o600); err != nil {
		t.Fatal(err)
	}
	short := filepath.Join(dir, "short.txt")
	if err := os.WriteFile(short, []byte("SQL"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, path string
		ok         bool
	}{
		{"OtherDatabase", other, false},
		{"ItsWAL", other + "-wal", false},
		{"ItsSHM", other + "-shm", false},
		{"ItsJournal", other + "-journal", false},
		{"PlainFileWithForce", plain, true},
		{"ShortFile", short, true},
		{"NewFile", filepath.Join(dir, "new.pdf"), true},
		{"WALOfNothing", filepath.Join(dir, "nothing.db-wal"), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := atomicfile.CheckOutput(tc.path, "", true)
			if got := err == nil; got != tc.ok {
				t.Fatalf("CheckOutput(%s) = %v, want ok=%v", tc.path, err, tc.ok)
			}
			if err != nil && !strings.Contains(err.Error(), tc.path) {
				t.Errorf("message %q does not name the file", err)
			}
		})
	}
	// Without --force an existing file is still refused for that reason.
	if err := atomicfile.CheckOutput(plain, "", false); err == nil {
		t.Error("existing file replaced without --force")
	}
}
