package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// dataUI is a test UI whose data actions run on the real storage, wired the
// way cmd/keel wires them, so a restore really reopens the database.
type dataUI struct {
	*testUI
	mu sync.Mutex
	db *sqlite.DB // the open database; a restore replaces it
}

func newDataUI(t *testing.T) *dataUI {
	t.Helper()
	tu := newTestUI(t)
	d := &dataUI{testUI: tu, db: tu.db}
	t.Cleanup(func() {
		d.mu.Lock()
		defer d.mu.Unlock()
		d.db.Close()
	})
	d.svc.Data = d.actions(tu.svc)
	d.UI.svc = d.svc
	return d
}

func (d *dataUI) current() *sqlite.DB {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.db
}

func (d *dataUI) actions(base Services) *DataActions {
	path := d.db.Path
	return &DataActions{
		BackupFolder: sqlite.BackupDir(path),
		Backups: func() ([]BackupFile, error) {
			list, err := sqlite.ListBackups(path)
			var out []BackupFile
			for _, b := range list {
				out = append(out, BackupFile{Path: b.Path, Date: b.Date, Size: b.Size})
			}
			return out, err
		},
		Backup:      func(ctx context.Context, dest string) error { return d.current().BackupTo(ctx, dest) },
		CheckBackup: sqlite.CheckBackup,
		Restore: func(ctx context.Context, src string) (Services, string, error) {
			d.mu.Lock()
			defer d.mu.Unlock()
			if err := sqlite.CheckBackup(ctx, src); err != nil {
				return Services{}, "", err
			}
			d.db.Close()
			kept, err := sqlite.Restore(ctx, src, path)
			db, oerr := sqlite.Open(path)
			if oerr != nil {
				return Services{}, "", oerr
			}
			db.Now = func() time.Time { return fixedNow }
			d.db = db
			svc := base
			svc.Clients, svc.Records, svc.Programmes = sqlite.NewClientService(db), sqlite.NewRecordService(db), sqlite.NewProgrammeService(db)
			svc.Exercises, svc.Profiles = sqlite.NewExerciseService(db, base.Library), sqlite.NewProfileService(db)
			svc.Data = d.actions(svc)
			return svc, kept, err
		},
		Export: func(ctx context.Context, id int64, dest string) error {
			e, err := sqlite.NewTransferService(d.current(), base.Library).ExportClients(ctx, id)
			if err != nil {
				return err
			}
			b, err := assessment.MarshalExport(e)
			if err != nil {
				return err
			}
			return sqlite.WriteFileAtomic(dest, b)
		},
		Import: func(ctx context.Context, src string, opts assessment.ImportOptions) (*assessment.ImportSummary, error) {
			b, err := os.ReadFile(src)
			if err != nil {
				return nil, err
			}
			e, err := assessment.ParseExport(b, assessment.DateOf(fixedNow))
			if err != nil {
				return nil, err
			}
			return sqlite.NewTransferService(d.current(), base.Library).ImportClients(ctx, e, opts)
		},
	}
}

// wait waits for an action's done callback.
func wait[T any](t *testing.T, ch chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(30 * time.Second):
		t.Fatal("the action did not finish within 30 s")
	}
	var zero T
	return zero
}

// buttonIn returns the button with the given text under o, or nil.
func buttonIn(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			return x
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := buttonIn(t, c, text); b != nil {
				return b
			}
		}
	case fyne.Widget:
		r := test.TempWidgetRenderer(t, x)
		for _, c := range r.Objects() {
			if b := buttonIn(t, c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

func TestDataScreen(t *testing.T) {
	t.Run("OpenFromSettings", func(t *testing.T) {
		tu := newDataUI(t)
		s := tu.openSettings()
		b := buttonIn(t, s.root, "Your data: backups, export…")
		if b == nil {
			t.Fatal("settings has no button to the data screen")
		}
		tu.capture(t, "settings-with-data")
		test.Tap(b)
		if n := len(tu.screens); n != 3 {
			t.Fatalf("%d screens on the stack, want home, settings, data", n)
		}
		tu.capture(t, "data")
	})

	t.Run("HiddenWithoutActions", func(t *testing.T) {
		tu := newTestUI(t) // no Data actions
		s := tu.openSettings()
		if b := buttonIn(t, s.root, "Your data: backups, export…"); b != nil {
			t.Fatal("data button shown with nothing to do")
		}
	})

	t.Run("BackupAndRestore", func(t *testing.T) {
		tu := newDataUI(t)
		tu.addClient(t, assessment.Client{Name: "Ana Before"})
		s := tu.openData()
		if !strings.Contains(s.lastBackup.Text, "No automatic backup yet") {
			t.Errorf("backup line = %q", s.lastBackup.Text)
		}
		dest := filepath.Join(t.TempDir(), "Keel backup.db") // a save dialog only offers folders that exist
		done := make(chan error, 1)
		s.backupTo(dest, func(err error) { done <- err })
		if err := wait(t, done); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(s.status.Text, dest) {
			t.Errorf("status %q does not say where the backup went", s.status.Text)
		}
		tu.addClient(t, assessment.Client{Name: "Bea After"})

		s.confirmRestore(dest, nil)
		tu.capture(t, "data-restore-confirm")
		s.restoreFrom(dest, func(err error) { done <- err })
		if err := wait(t, done); err != nil {
			t.Fatal(err)
		}
		if got := tu.countClients(t); got != 1 {
			t.Fatalf("%d clients after restoring a backup of 1", got)
		}
		if tu.home.pager.total != 1 || len(tu.screens) != 1 {
			t.Fatalf("after restore: list shows %d clients, %d screens; want the home screen on the restored data", tu.home.pager.total, len(tu.screens))
		}
		entries, _ := os.ReadDir(sqlite.BackupDir(tu.current().Path))
		if !slices.ContainsFunc(entries, func(e os.DirEntry) bool { return strings.Contains(e.Name(), "before-restore") }) {
			t.Fatal("the data before the restore was not kept")
		}
		tu.capture(t, "data-restored")
	})

	t.Run("ErrRestoreNotABackup", func(t *testing.T) {
		tu := newDataUI(t)
		tu.addClient(t, assessment.Client{Name: "Ana"})
		s := tu.openData()
		junk := filepath.Join(t.TempDir(), "notes.db")
		if err := os.WriteFile(junk, []byte("shopping list"), 0o600); err != nil {
			t.Fatal(err)
		}
		s.confirmRestore(junk, func(*dialog.ConfirmDialog) { t.Fatal("asked to confirm restoring a file that is not a backup") })
		tu.capture(t, "data-restore-refused")
		if got := tu.countClients(t); got != 1 {
			t.Fatalf("%d clients", got)
		}
	})

	t.Run("ExportImport", func(t *testing.T) {
		src := newDataUI(t)
		src.addClient(t, assessment.Client{Name: "Zoë Ólafsdóttir", BirthDate: assessment.NewDate(1990, 4, 2)})
		ana := src.addClient(t, assessment.Client{Name: "Ana Sousa"})
		s := src.openData()
		if got := len(s.exportWho.Options); got != 3 {
			t.Fatalf("export choices %q, want all + 2 clients", s.exportWho.Options)
		}
		s.exportWho.SetSelectedIndex(slices.Index(s.exportIDs, ana.ID))
		if s.selectedClient() != ana.ID {
			t.Fatal("choosing a client does not select her for export")
		}
		one := filepath.Join(t.TempDir(), "ana.json")
		done := make(chan error, 1)
		s.exportTo(s.selectedClient(), one, func(err error) { done <- err })
		if err := wait(t, done); err != nil {
			t.Fatal(err)
		}
		all := filepath.Join(t.TempDir(), "all.json")
		s.exportTo(0, all, func(err error) { done <- err })
		if err := wait(t, done); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Stat(all); err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("export file: %v, mode %v", err, fi.Mode())
		}

		dst := newDataUI(t)
		dst.addClient(t, assessment.Client{Name: "Ana Sousa"}) // already there
		d := dst.openData()
		dry := make(chan *importDialog, 1)
		d.prepareImport(all, func(id *importDialog, err error) {
			if err != nil {
				t.Error(err)
			}
			dry <- id
		})
		shown := wait(t, dry)
		if shown == nil || !shown.choice.Visible() {
			t.Fatal("no conflict choice offered though Ana is already here")
		}
		dst.capture(t, "data-import-choice")
		shown.choice.SetSelected(shown.choice.Options[2]) // keep both
		if got := shown.policy(); got != assessment.ConflictKeepBoth {
			t.Fatalf("policy = %q", got)
		}
		shown.d.Hide()
		type result struct {
			sum *assessment.ImportSummary
			err error
		}
		res := make(chan result, 1)
		d.importFile(all, shown.policy(), func(s *assessment.ImportSummary, err error) { res <- result{s, err} })
		r := wait(t, res)
		if r.err != nil {
			t.Fatal(r.err)
		}
		if r.sum.Count(assessment.ImportAdded) != 1 || r.sum.Count(assessment.ImportCopied) != 1 {
			t.Fatalf("summary: %s", r.sum.Text())
		}
		if got := dst.countClients(t); got != 3 {
			t.Fatalf("%d clients after keep-both import, want 3", got)
		}
		if dst.home.pager.total != 3 {
			t.Errorf("client list shows %d, not refreshed", dst.home.pager.total)
		}
		if !strings.Contains(d.status.Text, "1 new client") {
			t.Errorf("status %q", d.status.Text)
		}
		dst.capture(t, "data-imported")
	})

	t.Run("ErrImportBadFile", func(t *testing.T) {
		tu := newDataUI(t)
		s := tu.openData()
		bad := filepath.Join(t.TempDir(), "bad.json")
		if err := os.WriteFile(bad, []byte(`{"format": "keel.export/1", "clients": [{"id": 1, "name": ""}]}`), 0o600); err != nil {
			t.Fatal(err)
		}
		failed := make(chan error, 1)
		s.prepareImport(bad, func(id *importDialog, err error) {
			if id != nil {
				t.Error("offered to import a bad file")
			}
			failed <- err
		})
		if err := wait(t, failed); !strings.Contains(assessment.ErrorMessage(err), "clients[0].name") {
			t.Errorf("refusal %q does not name the key", assessment.ErrorMessage(err))
		}
		if tu.win.Canvas().Overlays().Top() == nil {
			t.Error("the refusal is not shown")
		}
		tu.capture(t, "data-import-refused")
		if got := tu.countClients(t); got != 0 {
			t.Fatalf("%d clients imported from a bad file", got)
		}
	})
}

func TestSafeFileName(t *testing.T) {
	if got, want := safeFileName(`Zoë / "Z"`), `Zoë - -Z-`; got != want {
		t.Errorf("safeFileName = %q, want %q", got, want)
	}
}
