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
