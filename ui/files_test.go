package ui

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"

	"github.com/keel-coach/keel/assessment"
)

// Issue 12, point 1, in the window: Fyne's save dialog opens the chosen
// file for writing (emptying it) before Keel's callback runs, so the
// database is refused where the dialog writes through. Every save dialog
// of the app (handout, measures, export, backup) goes through askSaveFile.
func TestSaveDialogRefusesDatabase(t *testing.T) {
	tu := newTestUI(t)
	db := tu.svc.DBPath
	tu.askSaveFile("x.csv", []string{".csv"}, "t", func(string) {})
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "link.db")
	if err := os.Symlink(db, link); err != nil {
		t.Logf("no symbolic link: %v", err)
		link = db
	}
	for _, p := range []string{db, db + "-wal", db + "-shm", link} {
		w, err := storage.Writer(storage.NewFileURI(p))
		if err == nil {
			_ = w.Close()
			t.Fatalf("the save dialog's writer opened %s", p)
		}
		if msg := assessment.ErrorMessage(err); !strings.Contains(msg, "Keel will not write to") {
			t.Errorf("%s: message %q", p, msg)
		}
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(before, after) {
		t.Fatal("the database changed")
	}
	// Any other file is written as before.
	other := filepath.Join(t.TempDir(), "measures.csv")
	w, err := storage.Writer(storage.NewFileURI(other))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(w, "ok"); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	// The dialog still lists folders (the wrapped storage keeps every
	// ability of Fyne's own).
	if ok, err := storage.CanList(storage.NewFileURI(filepath.Dir(other))); err != nil || !ok {
		t.Fatalf("CanList = %v, %v", ok, err)
	}
}
