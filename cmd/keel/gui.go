package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/keel-coach/keel/assessment/sqlite"
	"github.com/keel-coach/keel/assets"
	"github.com/keel-coach/keel/ui"
)

// newApp creates the Fyne app with Keel's ID and icon.
func newApp() fyne.App {
	a := app.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	// Screens that load in the background (the due list) start once the
	// event loop runs, however the first window was opened.
	a.Lifecycle().SetOnStarted(ui.Started)
	return a
}

func runGUI(args []string, stderr io.Writer) int {
	fs := newFlags("", stderr)
	dbFlag := fs.String("db", "", "database file (default: $KEEL_DB, else the per-user data folder)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	a := newApp()
	if raw, ok := studioURL(*dbFlag); ok {
		return runStudioGUI(a, raw, stderr)
	}
	if *dbFlag == "" && os.Getenv(sqlite.EnvDB) == "" {
		// The studio database chosen in the settings, on this computer.
		if raw := ui.NewPrefs(a.Preferences()).StudioURL(); raw != "" {
			return runStudioGUI(a, raw, stderr)
		}
	}
	h := &dbHolder{}
	defer h.close()
	path, err := sqlite.ResolvePath(*dbFlag)
	var db *sqlite.DB
	if err == nil {
		db, err = sqlite.Open(path)
	}
	if err == nil && db.Created {
		log.Printf("keel: Created a new database at %s", db.Path) // the window says so too
	}
	if err != nil {
		if !showStartupError(a, path, explainOpen(path, err), h) {
			return 1
		}
		return 0
	}
	db.Coach = coachName(context.Background(), ui.NewPrefs(a.Preferences()).StudioName(), sqlite.NewProfileService(db))
	u := runWindow(a, h, db, "")
	if w := syncWarning(db.Path); w != "" {
		fmt.Fprintf(stderr, "keel: warning: %s\n", w)
		u.ShowNotice("Your Keel file is in a synced or network folder", w)
	}
	u.Run()
	return 0
}

// uiServices hands the UI the domain interfaces it needs.
func uiServices(s services) ui.Services {
	return ui.Services{
		Clients:     s.clients,
		Records:     s.records,
		Programmes:  s.programmes,
		Exercises:   s.exercises,
		Profiles:    s.profiles,
		Library:     s.builtin,
		SessionLogs: s.sessionLogs,
		Exports:     s.exports,
		Due:         s.due,
		LoadSamples: func(ctx context.Context) error {
			_, err := loadSamples(ctx, s)
			return err
		},
		DBPath: s.where,
	}
}

// showStartupError explains, in a window, why the database at path could
// not be opened, and offers to restore its latest backup or open another
// file; either opens the main window. The file itself is never changed (a
// restore keeps it under a new name). It runs the app and reports whether
// the main window was opened.
func showStartupError(a fyne.App, path string, err error, h *dbHolder) bool {
	opened := false
	sw := ui.NewStartupError(a, path, err, startupActions(path, func(db *sqlite.DB, notice string) {
		opened = true
		runWindow(a, h, db, notice).Window().Show()
	}))
	sw.Window().ShowAndRun()
	return opened
}
