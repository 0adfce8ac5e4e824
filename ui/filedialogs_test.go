package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// Every file dialog opens without a crash (Fyne's file dialog cannot be
// resized before it is shown: that once took the window down on Ctrl+P).
func TestFileDialogsOpen(t *testing.T) {
	t.Run("ExportHandout", func(t *testing.T) {
		tu, c, r := programmeUI(t, "weak-right-glute-med.json")
		s := create(t, tu, c, r)
		s.onExport()
		if overlays(tu) == 0 {
			t.Fatal("no save dialog")
		}
	})
	t.Run("ChooseLogo", func(t *testing.T) {
		tu := newTestUI(t)
		tu.openSettings().onChooseLogo()
		if overlays(tu) == 0 {
			t.Fatal("no open dialog")
		}
	})
	t.Run("SaveFile", func(t *testing.T) {
		tu := newTestUI(t)
		tu.askSaveFile("x.csv", []string{".csv"}, "t", func(string) {})
		if overlays(tu) == 0 {
			t.Fatal("no save dialog")
		}
	})
}

func TestStartupChooseAnotherFileOpens(t *testing.T) {
	a := test.NewTempApp(t)
	path, err := brokenDB(t, "NotSQLite")
	s := NewStartupError(a, path, err, StartupActions{OpenOther: func(string) error { return nil }})
	s.onChoose()
	if len(s.Window().Canvas().Overlays().List()) == 0 {
		t.Fatal("no file dialog")
	}
}
