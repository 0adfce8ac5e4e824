package main

import (
	"context"
	"io"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
	"github.com/keel-coach/keel/assets"
	"github.com/keel-coach/keel/ui"
)

// newApp creates the Fyne app with Keel's ID and icon.
func newApp() fyne.App {
	a := app.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	return a
}

func runGUI(args []string, stderr io.Writer) int {
	fs := newFlags("", stderr)
	dbFlag := fs.String("db", "", "database file (default: $KEEL_DB, else the per-user data folder)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	a := newApp()
	path, err := sqlite.ResolvePath(*dbFlag)
	var db *sqlite.DB
	if err == nil {
		db, err = sqlite.Open(path)
	}
	if err != nil {
		showStartupError(a, path, err)
		return 1
	}
	defer db.Close()
	svc := newServices(db)
	u := ui.New(a, uiServices(svc))
	u.Run()
	return 0
}

// uiServices hands the UI the domain interfaces it needs.
func uiServices(s services) ui.Services {
	return ui.Services{
		Clients:    s.clients,
		Records:    s.records,
		Programmes: s.programmes,
		Exercises:  s.exercises,
		Profiles:   s.profiles,
		Library:    s.builtin,
		LoadSamples: func(ctx context.Context) error {
			_, err := loadSamples(ctx, s)
			return err
		},
		DBPath: s.db.Path,
	}
}

// showStartupError explains, in a window, why the database could not be
// opened. The file is left exactly as it was.
func showStartupError(a fyne.App, path string, err error) {
	log.Printf("keel: opening %s: %v", path, err)
	w := a.NewWindow("Keel cannot open its data file")
	msg := widget.NewLabel(assessment.ErrorMessage(err) + "\n\nThe file has not been changed. Start Keel with -db PATH (or set KEEL_DB) to use another file.")
	msg.Wrapping = fyne.TextWrapWord
	file := widget.NewLabel("File: " + path)
	file.Wrapping = fyne.TextWrapBreak
	quit := widget.NewButton("Quit", func() { a.Quit() })
	quit.Importance = widget.HighImportance
	w.SetContent(container.NewPadded(container.NewBorder(nil, container.NewHBox(quit), nil, nil, container.NewVBox(msg, file))))
	w.Resize(fyne.NewSize(560, 240))
	w.ShowAndRun()
}
