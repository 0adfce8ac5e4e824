package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/postgres"
	"github.com/keel-coach/keel/assessment/sqlite"
	"github.com/keel-coach/keel/ui"
)

// envCoach names the coach in the studio (recorded with what she saves)
// when set; else the name kept in the window's settings, else the coach
// name of the profile.
const envCoach = "KEEL_COACH"

// studioURL returns the -db value, else $KEEL_DB, when it names a studio
// database (postgres://…).
func studioURL(flagValue string) (string, bool) {
	p := strings.TrimSpace(flagValue)
	if p == "" {
		p = strings.TrimSpace(os.Getenv(sqlite.EnvDB))
	}
	return p, postgres.IsURL(p)
}

// openStudio connects to the studio database and names the coach: $KEEL_COACH,
// else name (the window's setting), else the profile's coach name.
func openStudio(ctx context.Context, raw, name string) (*postgres.DB, error) {
	db, err := postgres.Open(ctx, raw)
	if err != nil {
		return nil, nothingInstead(err)
	}
	db.Coach = coachName(ctx, name, postgres.NewProfileService(db))
	return db, nil
}

// coachName is the name recorded with what this coach saves: $KEEL_COACH,
// else name (the window's setting), else the coach name of the profile
// (the file's, or the studio's), else "".
func coachName(ctx context.Context, name string, profiles assessment.ProfileService) string {
	if n := strings.TrimSpace(os.Getenv(envCoach)); n != "" {
		return n
	}
	if n := strings.TrimSpace(name); n != "" {
		return n
	}
	if p, err := profiles.Profile(ctx); err == nil {
		return strings.TrimSpace(p.CoachName)
	}
	return ""
}

// nothingInstead adds to a failure to open the studio database that Keel
// opened nothing in its place: the coach must not take an empty window, or
// her own file, for the studio's clients.
func nothingInstead(err error) error {
	var de *assessment.Error
	if !errors.As(err, &de) {
		return err
	}
	e := *de
	e.Message += " Keel has opened nothing in its place: not the file on this computer, not an empty one."
	return &e
}

// newStudioServices is newServices on the studio database.
func newStudioServices(db *postgres.DB) services {
	lib, err := builtinLibrary()
	if err != nil {
		panic(fmt.Sprintf("keel: the built-in exercise library is broken: %v", err))
	}
	return services{
		now:         &db.Now,
		where:       studioWhere(db),
		clients:     postgres.NewClientService(db),
		records:     postgres.NewRecordService(db),
		programmes:  postgres.NewProgrammeService(db),
		exercises:   postgres.NewExerciseService(db, lib),
		profiles:    postgres.NewProfileService(db),
		builtin:     lib,
		sessionLogs: postgres.NewSessionLogService(db),
		exports:     postgres.NewExportLog(db),
		due:         postgres.NewDueService(db),
	}
}

// studioWhere names the studio database and the coach for the window.
func studioWhere(db *postgres.DB) string {
	who := db.Coach
	if who == "" {
		who = "no name set"
	}
	return fmt.Sprintf("studio database at %s (as %s)", db.Server, who)
}

// studioActions wire the settings screen's studio option; current names
// the database the window has open.
func studioActions(current string) *ui.StudioActions {
	return &ui.StudioActions{
		Current: current,
		Check:   checkStudioAddress,
		Test: func(ctx context.Context, address string) error {
			db, err := postgres.Open(ctx, address)
			if err != nil {
				return err
			}
			return db.Close()
		},
	}
}

// checkStudioAddress refuses an address Keel must not keep: not a
// postgres:// address, or one with a password in it.
func checkStudioAddress(address string) error {
	if !postgres.IsURL(address) {
		return assessment.FieldErrorf(assessment.EINVALID, "studio_url",
			"A studio database address starts with postgres://, e.g. postgres://sam@studio-server:5432/keel.")
	}
	if postgres.HasPassword(address) {
		return assessment.FieldErrorf(assessment.EINVALID, "studio_url",
			"Leave the password out of the address: put it in your .pgpass file (or the file PGPASSFILE names). Keel does not keep passwords.")
	}
	return nil
}

// runStudioGUI opens the window on the studio database at raw. When the
// server cannot be reached it says so (here and in a window that offers to
// try again), naming the server, and opens nothing else: no local file
// takes its place.
func runStudioGUI(a fyne.App, raw string, stderr io.Writer) int {
	prefs := ui.NewPrefs(a.Preferences())
	db, err := openStudio(context.Background(), raw, prefs.StudioName())
	defer func() {
		if db != nil {
			_ = db.Close()
		}
	}()
	if err != nil {
		fmt.Fprintf(stderr, "keel: %s\n", assessment.ErrorMessage(err))
		if assessment.ErrorCode(err) == assessment.EINTERNAL {
			log.Printf("keel: opening the studio database %s: %v", postgres.Redact(raw), err)
		}
		opened := false
		showStudioError(a, err, func() error {
			var rerr error
			if db, rerr = openStudio(context.Background(), raw, prefs.StudioName()); rerr != nil {
				return rerr
			}
			opened = true
			studioWindow(a, db).Window().Show()
			return nil
		})
		if !opened {
			return 1
		}
		return 0
	}
	studioWindow(a, db).Run()
	return 0
}

// showStudioError runs the start-up window for a studio database Keel
// cannot open; tests replace it.
var showStudioError = ui.ShowStudioError

// studioWindow is the main window on the studio database.
func studioWindow(a fyne.App, db *postgres.DB) *ui.UI {
	s := newStudioServices(db)
	us := uiServices(s)
	us.Studio = studioActions(s.where)
	us.Studio.Shared = true
	u := ui.New(a, us)
	// Two coaches' windows side by side, or one coach with her own file
	// open beside the studio: the title says which is which.
	title := "Keel: studio database"
	if db.Coach != "" {
		title += " (" + db.Coach + ")"
	}
	u.Window().SetTitle(title)
	return u
}

// studioExport is `keel export` from the studio database: the same file as
// from a coach's own file, so `keel import` moves clients either way.
func studioExport(raw string, clientID int64, out string, stdout, stderr io.Writer) int {
	db, err := openStudio(ctx(), raw, "")
	if err != nil {
		fmt.Fprintf(stderr, "keel export: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	defer db.Close()
	lib, err := builtinLibrary()
	if err != nil {
		fmt.Fprintf(stderr, "keel export: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	e, err := postgres.NewTransferService(db, lib).ExportClients(ctx(), clientID)
	var b []byte
	if err == nil {
		b, err = assessment.MarshalExport(e)
	}
	if err == nil {
		if out == "-" {
			_, err = stdout.Write(b)
		} else {
			err = sqlite.WriteFileAtomic(out, b)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "keel export: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	if out != "-" {
		fmt.Fprintf(stdout, "Exported %d clients (%d assessments, %d programme versions, %d session logs, %d of the studio's exercises) from the %s to %s\n",
			len(e.Clients), len(e.Assessments), len(e.Programmes), len(e.SessionLogs), len(e.Exercises), studioWhere(db), out)
	}
	return 0
}

// studioImport is `keel import` into the studio database: all of the file
// in one transaction, or none of it. The studio's backups are the
// server's (pg_dump, docs/DATA.md), so a replacing import names them
// rather than copying a file.
func studioImport(raw, path string, opts assessment.ImportOptions, stdout, stderr io.Writer) int {
	db, err := openStudio(ctx(), raw, "")
	if err != nil {
		fmt.Fprintf(stderr, "keel import: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	defer db.Close()
	lib, err := builtinLibrary()
	if err != nil {
		fmt.Fprintf(stderr, "keel import: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	data, err := readLimited(path, maxExportFile)
	var sum *assessment.ImportSummary
	if err == nil {
		var e *assessment.Export
		if e, err = assessment.ParseExport(data, assessment.DateOf(time.Now())); err == nil {
			sum, err = postgres.NewTransferService(db, lib).ImportClients(ctx(), e, opts)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "keel import: %s is not imported:\n", path)
		if fe := assessment.FieldErrors(err); len(fe) > 0 {
			for _, e := range fe {
				fmt.Fprintf(stderr, "  %s\n", e.Error())
			}
		} else {
			fmt.Fprintf(stderr, "  %s\n", assessment.ErrorMessage(err))
		}
		return 1
	}
	fmt.Fprintln(stdout, sum.Text())
	for _, c := range sum.Clients {
		fmt.Fprintf(stdout, "  %-8s %s\n", c.Action, c.Name)
	}
	if opts.OnConflict == assessment.ConflictReplace && !opts.DryRun {
		fmt.Fprintln(stdout, "The studio database's own backups (pg_dump, docs/DATA.md) hold the clients as they were before.")
	}
	return 0
}
