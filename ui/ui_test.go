package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
	"github.com/keel-coach/keel/assets"
)

// fixedNow is the clock every UI test runs on.
var fixedNow = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)

// testUI is a Keel window on a real SQLite file in a temp dir, driven
// through Fyne's test driver.
type testUI struct {
	*UI
	db *sqlite.DB
}

func newTestUI(t *testing.T) *testUI {
	t.Helper()
	a := test.NewTempApp(t)
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "keel.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return fixedNow }
	t.Cleanup(func() { db.Close() })
	lib, err := assessment.ParseLibrary(assets.LibraryJSON)
	if err != nil {
		t.Fatal(err)
	}
	svc := Services{
		Library:    lib,
		Exercises:  sqlite.NewExerciseService(db, lib),
		Profiles:   sqlite.NewProfileService(db),
		Clients:    sqlite.NewClientService(db),
		Records:    sqlite.NewRecordService(db),
		Programmes: sqlite.NewProgrammeService(db),
		// The progress screens (issue 6).
		SessionLogs: sqlite.NewSessionLogService(db),
		Exports:     sqlite.NewExportLog(db),
		Due:         sqlite.NewDueService(db),
		DBPath:      db.Path,
		Now:         func() time.Time { return fixedNow },
	}
	u := New(a, svc)
	u.home.due.wait() // the due list loads in the background at start
	u.win.Resize(fyne.NewSize(1100, 720))
	return &testUI{UI: u, db: db}
}

// capture writes the window to $KEEL_SCREENSHOTS/name.png when that
// variable names a folder, so a person can look at the screens.
func (tu *testUI) capture(t *testing.T, name string) {
	t.Helper()
	dir := os.Getenv("KEEL_SCREENSHOTS")
	if dir == "" {
		return
	}
	// Fyne's software painter can panic on shapes with a negative size
	// inside dialogs; a screenshot is a convenience, not a test result.
	defer func() {
		if r := recover(); r != nil {
			t.Logf("screenshot %s not taken: %v", name, r)
		}
	}()
	img := tu.win.Canvas().Capture()
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

func (tu *testUI) countClients(t *testing.T) int {
	t.Helper()
	_, n, err := tu.svc.Clients.FindClients(ctx(), assessment.ClientFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func (tu *testUI) addClient(t *testing.T, c assessment.Client) *assessment.Client {
	t.Helper()
	if err := tu.svc.Clients.CreateClient(ctx(), &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

// TestStartSizeFitsSmallScreen: the window opens no larger than a
// 1024×700 screen.
func TestStartSizeFitsSmallScreen(t *testing.T) {
	if StartSize.Width > 1024 || StartSize.Height > 700 {
		t.Fatalf("the window opens at %v, larger than 1024×700", StartSize)
	}
}
