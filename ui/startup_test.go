package ui

import (
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// captureWindow writes w to $KEEL_SCREENSHOTS/name.png when set.
func captureWindow(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	dir := os.Getenv("KEEL_SCREENSHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// brokenDB writes a database file Keel must refuse and returns the error
// Keel gives when opening it, as at start-up.
func brokenDB(t *testing.T, kind string) (string, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "keel.db")
	switch kind {
	case "NotSQLite":
		if err := os.WriteFile(path, []byte("Dear diary"), 0o600); err != nil {
			t.Fatal(err)
		}
	case "Truncated", "Newer":
		db, err := sqlite.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := sqlite.NewClientService(db).CreateClient(ctx(), &assessment.Client{Name: "Ana"}); err != nil {
			t.Fatal(err)
		}
		db.Close()
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if kind == "Truncated" {
			b = b[:60]
		} else {
			b[60], b[61], b[62], b[63] = 0, 0, 0, 99 // user_version 99
		}
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	_, err := sqlite.Open(path)
	if err == nil {
		t.Fatalf("Keel opened the %s file", kind)
	}
	return path, err
}

func TestStartupError(t *testing.T) {
	for _, tt := range []struct{ kind, words string }{
		{"NotSQLite", "not an SQLite database"},
		{"Truncated", "not an SQLite database"},
		{"Newer", "newer version of Keel"},
	} {
		t.Run(tt.kind, func(t *testing.T) {
			a := test.NewTempApp(t)
			path, err := brokenDB(t, tt.kind)
			before, _ := os.ReadFile(path)
			restored := 0
			s := NewStartupError(a, path, err, StartupActions{
				LatestBackup: "/home/coach/.config/keel/backups/keel-2026-03-01.db", LatestBackupDate: assessment.NewDate(2026, 3, 1),
				RestoreLatest: func() error { restored++; return nil },
				OpenOther:     func(string) error { return nil },
			})
			s.Window().Resize(fyne.NewSize(640, 380))
			captureWindow(t, s.Window(), "startup-"+strings.ToLower(tt.kind))
			if !strings.Contains(s.message.Text, tt.words) || !strings.Contains(s.message.Text, path) {
				t.Errorf("message %q does not name the file and say %q", s.message.Text, tt.words)
			}
			if !strings.Contains(s.file.Text, path) {
				t.Errorf("file line %q", s.file.Text)
			}
			if s.restore.Disabled() || !strings.Contains(s.restore.Text, "1 March 2026") {
				t.Errorf("restore button %q (disabled %v)", s.restore.Text, s.restore.Disabled())
			}
			test.Tap(s.restore)
			if restored != 1 {
				t.Fatalf("restore ran %d times", restored)
			}
			if after, _ := os.ReadFile(path); string(after) != string(before) {
				t.Fatal("the window changed the broken file")
			}
		})
	}

	t.Run("NoBackup", func(t *testing.T) {
		a := test.NewTempApp(t)
		path, err := brokenDB(t, "NotSQLite")
		s := NewStartupError(a, path, err, StartupActions{OpenOther: func(string) error { return nil }})
		captureWindow(t, s.Window(), "startup-no-backup")
		if !s.restore.Disabled() {
			t.Error("restore offered with no backup")
		}
		if !strings.Contains(s.backup.Text, "no automatic backup") {
			t.Errorf("backup line %q", s.backup.Text)
		}
		if s.choose.Disabled() {
			t.Error("cannot choose another file")
		}
	})

	t.Run("ErrRestoreFails", func(t *testing.T) {
		a := test.NewTempApp(t)
		path, err := brokenDB(t, "NotSQLite")
		s := NewStartupError(a, path, err, StartupActions{
			LatestBackup: "b.db", LatestBackupDate: assessment.NewDate(2026, 3, 1),
			RestoreLatest: func() error {
				return assessment.Errorf(assessment.EINVALID, "Keel cannot restore b.db: it is damaged.")
			},
		})
		test.Tap(s.restore)
		if s.Window().Canvas().Overlays().Top() == nil {
			t.Fatal("no message when the restore failed")
		}
		captureWindow(t, s.Window(), "startup-restore-failed")
	})

	t.Run("OpenOther", func(t *testing.T) {
		a := test.NewTempApp(t)
		path, err := brokenDB(t, "NotSQLite")
		var opened []string
		fail := true
		s := NewStartupError(a, path, err, StartupActions{OpenOther: func(p string) error {
			opened = append(opened, p)
			if fail {
				return errors.New("boom")
			}
			return nil
		}})
		s.openPath("/elsewhere/other.db")
		if s.Window().Canvas().Overlays().Top() == nil {
			t.Fatal("no message when the other file failed too")
		}
		fail = false
		s.openPath("/elsewhere/good.db")
		if len(opened) != 2 || opened[1] != "/elsewhere/good.db" {
			t.Fatalf("opened %q", opened)
		}
	})
}

// The studio start-up window says why the server cannot be reached and
// tries again on request: still away, the new reason shows; back, the
// window closes (the caller has opened the main window).
func TestStudioErrorWindow(t *testing.T) {
	a := test.NewTempApp(t)
	tries := 0
	s := NewStudioError(a, assessment.Errorf(assessment.EINTERNAL, "Keel could not reach the studio database server (studio:5432, database \"keel\")."), func() error {
		tries++
		if tries == 1 {
			return assessment.Errorf(assessment.EINTERNAL, "The studio database server (studio:5432, database \"keel\") did not answer in time.")
		}
		return nil
	})
	s.Window().Show()
	if !strings.Contains(s.Message(), "studio:5432") {
		t.Fatalf("message %q", s.Message())
	}
	test.Tap(s.retry)
	if !strings.Contains(s.Message(), "did not answer in time") {
		t.Fatalf("after a failed retry: %q", s.Message())
	}
	test.Tap(s.retry)
	if tries != 2 {
		t.Fatalf("%d tries", tries)
	}
}
