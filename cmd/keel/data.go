package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/atomicfile"
	"github.com/keel-coach/keel/assessment/sqlite"
	"github.com/keel-coach/keel/ui"
)

// maxExportFile caps how much of an export file Keel reads: far above any
// real coach's data (thousands of clients are a few tens of MB), low
// enough that a wrong file cannot exhaust memory. (H)
const maxExportFile = 512 << 20

// runBackup is `keel backup -db PATH --out FILE`.
func runBackup(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("backup", stderr)
	dbFlag := fs.String("db", "", "database file")
	out := fs.String("out", "", "the backup file to write")
	force := fs.Bool("force", false, "replace FILE if it already exists")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() != 0 {
		fmt.Fprintln(stderr, "usage: keel backup [-db PATH] [--force] --out FILE")
		return 2
	}
	if !checkOut(backupCmd, *out, *dbFlag, *force, stderr) {
		return 1
	}
	db, code := openDB(*dbFlag, stderr)
	if db == nil {
		return code
	}
	defer db.Close()
	if err := db.BackupTo(ctx(), *out); err != nil {
		fmt.Fprintf(stderr, "keel backup: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	fmt.Fprintf(stdout, "Backed up %s to %s\n", db.Path, *out)
	return 0
}

// runRestore is `keel restore -db PATH FILE`. Keel must not be running on
// the database meanwhile.
func runRestore(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("restore", stderr)
	dbFlag := fs.String("db", "", "database file to replace")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: keel restore [-db PATH] BACKUP-FILE\n\nClose every Keel window on the database first.")
		return 2
	}
	path, err := sqlite.ResolvePath(*dbFlag)
	if err != nil {
		fmt.Fprintf(stderr, "keel restore: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	// A mistyped -db must not plant a database in a new folder.
	if fi, err := os.Stat(filepath.Dir(path)); err != nil || !fi.IsDir() {
		fmt.Fprintf(stderr, "keel restore: the folder %s does not exist. Check the -db path, or create the folder first.\n", filepath.Dir(path))
		return 1
	}
	_, statErr := os.Stat(path)
	kept, err := sqlite.Restore(ctx(), fs.Arg(0), path)
	if err != nil {
		fmt.Fprintf(stderr, "keel restore: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	// Open it once, as Keel will: an older backup is brought up to date now.
	db, err := sqlite.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, "keel restore: the backup is in place but Keel cannot open it: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	db.Close()
	if errors.Is(statErr, os.ErrNotExist) {
		fmt.Fprintf(stdout, "Created a new database at %s\n", path)
	}
	fmt.Fprintf(stdout, "Restored %s into %s\n", fs.Arg(0), path)
	if kept != "" {
		fmt.Fprintf(stdout, "The database as it was is kept in %s\n", kept)
	}
	return 0
}

// runExport is `keel export -db PATH [--client ID] --out FILE`.
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("export", stderr)
	dbFlag := fs.String("db", "", "database file")
	client := fs.Int64("client", 0, "export only this client (default: every client)")
	out := fs.String("out", "", "the export file to write (- for standard output)")
	force := fs.Bool("force", false, "replace FILE if it already exists")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() != 0 {
		fmt.Fprintln(stderr, "usage: keel export [-db PATH] [--client ID] [--force] --out FILE")
		return 2
	}
	if *out != "-" && !checkOut("keel export", *out, *dbFlag, *force, stderr) {
		return 1
	}
	if raw, ok := studioURL(*dbFlag); ok {
		return studioExport(raw, *client, *out, stdout, stderr)
	}
	db, code := openDB(*dbFlag, stderr)
	if db == nil {
		return code
	}
	defer db.Close()
	lib, err := builtinLibrary()
	if err != nil {
		fmt.Fprintf(stderr, "keel export: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	e, b, err := exportClients(ctx(), db, lib, *client)
	if err == nil {
		if *out == "-" {
			_, err = stdout.Write(b)
		} else {
			err = sqlite.WriteFileAtomic(*out, b)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "keel export: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	if *out != "-" {
		fmt.Fprintf(stdout, "Exported %d clients (%d assessments, %d programme versions, %d session logs, %d of your exercises) to %s\n",
			len(e.Clients), len(e.Assessments), len(e.Programmes), len(e.SessionLogs), len(e.Exercises), *out)
	}
	return 0
}

// exportClients gathers and writes one client or all as an export file.
func exportClients(ctx context.Context, db *sqlite.DB, lib *assessment.Library, clientID int64) (*assessment.Export, []byte, error) {
	e, err := sqlite.NewTransferService(db, lib).ExportClients(ctx, clientID)
	if err != nil {
		return nil, nil, err
	}
	b, err := assessment.MarshalExport(e)
	return e, b, err
}

// runImport is `keel import -db PATH [--on-conflict skip|replace|keep-both] [--dry-run] FILE`.
func runImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("import", stderr)
	dbFlag := fs.String("db", "", "database file")
	onConflict := fs.String("on-conflict", "skip", "what to do with a client already in the database: skip, replace or keep-both")
	dry := fs.Bool("dry-run", false, "only say what the import would do")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: keel import [-db PATH] [--on-conflict skip|replace|keep-both] [--dry-run] FILE")
		return 2
	}
	policy, err := assessment.ParseConflictPolicy(*onConflict)
	if err != nil {
		fmt.Fprintf(stderr, "keel import: --on-conflict: %s\n", assessment.ErrorMessage(err))
		return 2
	}
	if raw, ok := studioURL(*dbFlag); ok {
		return studioImport(raw, fs.Arg(0), assessment.ImportOptions{OnConflict: policy, DryRun: *dry}, stdout, stderr)
	}
	// A dry run only reads: it never starts a database.
	open := createDB
	if *dry {
		open = func(flag string, _, stderr io.Writer) (*sqlite.DB, int) { return openDB(flag, stderr) }
	}
	db, code := open(*dbFlag, stdout, stderr)
	if db == nil {
		return code
	}
	defer db.Close()
	lib, err := builtinLibrary()
	if err != nil {
		fmt.Fprintf(stderr, "keel import: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	sum, safety, err := importFile(ctx(), db, lib, fs.Arg(0), assessment.ImportOptions{OnConflict: policy, DryRun: *dry})
	if err != nil {
		fmt.Fprintf(stderr, "keel import: %s is not imported:\n", fs.Arg(0))
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
	if safety != "" {
		fmt.Fprintf(stdout, "Before replacing, the database was backed up to %s\n", safety)
	}
	return 0
}

// importFile reads, checks and imports an export file. Before an import
// that may replace clients it backs the database up (BackupBefore) and
// returns that backup's path.
func importFile(ctx context.Context, db *sqlite.DB, lib *assessment.Library, path string, opts assessment.ImportOptions) (*assessment.ImportSummary, string, error) {
	data, err := readLimited(path, maxExportFile)
	if err != nil {
		return nil, "", err
	}
	e, err := assessment.ParseExport(data, assessment.DateOf(time.Now()))
	if err != nil {
		return nil, "", err
	}
	ts := sqlite.NewTransferService(db, lib)
	safety := ""
	if opts.OnConflict == assessment.ConflictReplace && !opts.DryRun {
		// Only worth a copy when something will be replaced.
		dry, err := ts.ImportClients(ctx, e, assessment.ImportOptions{OnConflict: opts.OnConflict, DryRun: true})
		if err != nil {
			return nil, "", err
		}
		if dry.Conflicts() > 0 {
			if safety, err = db.BackupBefore(ctx, "import"); err != nil {
				return nil, "", err
			}
		}
	}
	sum, err := ts.ImportClients(ctx, e, opts)
	return sum, safety, err
}

// readLimited reads a file the coach chose, refusing one larger than max.
func readLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, assessment.Errorf(assessment.EINVALID, "Keel cannot read %s: %v.", path, unwrapPathErr(err))
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, assessment.Errorf(assessment.EINVALID, "Keel cannot read %s: %v.", path, unwrapPathErr(err))
	}
	if int64(len(b)) > max {
		return nil, assessment.Errorf(assessment.EINVALID, "%s is larger than %d MB, far bigger than any Keel export; check it is the right file.", path, max>>20)
	}
	return b, nil
}

// dbHolder is the database the window works on. A restore closes it and
// opens it again, so the UI's actions reach it through the holder.
type dbHolder struct {
	mu sync.Mutex
	db *sqlite.DB
}

func (h *dbHolder) get() *sqlite.DB {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.db
}

func (h *dbHolder) set(db *sqlite.DB) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.db = db
}

func (h *dbHolder) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.db != nil {
		if err := h.db.Close(); err != nil {
			log.Printf("keel: closing the database: %v", err)
		}
		h.db = nil
	}
}

// windowServices are the UI's services on the holder's database, with the
// data actions.
func windowServices(h *dbHolder) ui.Services {
	s := newServices(h.get())
	us := uiServices(s)
	us.Data = dataActions(h, s.builtin)
	us.Studio = studioActions("the file " + s.where)
	return us
}

// dataActions wires the "Your data" screen to the storage package.
func dataActions(h *dbHolder, lib *assessment.Library) *ui.DataActions {
	path := h.get().Path
	return &ui.DataActions{
		BackupFolder: sqlite.BackupDir(path),
		Backups: func() ([]ui.BackupFile, error) {
			list, err := sqlite.ListBackups(path)
			out := make([]ui.BackupFile, 0, len(list))
			for _, b := range list {
				out = append(out, ui.BackupFile{Path: b.Path, Date: b.Date, Size: b.Size})
			}
			return out, err
		},
		Backup:      func(ctx context.Context, dest string) error { return h.get().BackupTo(ctx, dest) },
		CheckBackup: sqlite.CheckBackup,
		Restore: func(ctx context.Context, src string) (ui.Services, string, error) {
			return restoreInPlace(ctx, h, src)
		},
		Export: func(ctx context.Context, clientID int64, dest string) error {
			if err := atomicfile.CheckOutput(dest, h.get().Path, true); err != nil {
				return assessment.Errorf(assessment.EINVALID, "%s", err)
			}
			_, b, err := exportClients(ctx, h.get(), lib, clientID)
			if err != nil {
				return err
			}
			return sqlite.WriteFileAtomic(dest, b)
		},
		Import: func(ctx context.Context, src string, opts assessment.ImportOptions) (*assessment.ImportSummary, error) {
			sum, _, err := importFile(ctx, h.get(), lib, src, opts)
			return sum, err
		},
	}
}

// restoreInPlace restores a backup over the open database: it checks the
// backup first (a bad one changes nothing and keeps the database open),
// closes the database, restores, and opens it again. Whatever happens it
// reopens the file, so the window always has a database.
func restoreInPlace(ctx context.Context, h *dbHolder, src string) (ui.Services, string, error) {
	if err := sqlite.CheckBackup(ctx, src); err != nil {
		return ui.Services{}, "", err
	}
	h.mu.Lock()
	path := h.db.Path
	if err := h.db.Close(); err != nil {
		log.Printf("keel: closing the database before a restore: %v", err)
	}
	kept, rerr := sqlite.Restore(ctx, src, path)
	db, oerr := sqlite.Open(path)
	h.db = db
	h.mu.Unlock()
	if oerr != nil {
		h.set(nil)
		return ui.Services{}, kept, errors.Join(rerr, oerr)
	}
	return windowServices(h), kept, rerr
}

// startupBackup makes the day's automatic backup away from the window.
// A failure is logged, never shown: the coach's work goes on.
func startupBackup(db *sqlite.DB) {
	go func() {
		path, made, err := db.AutoBackup(context.Background(), time.Now())
		switch {
		case err != nil:
			log.Printf("keel: automatic backup: %v", err)
		case made:
			log.Printf("keel: backed up to %s", path)
		}
	}()
}

// startupActions are what the start-up problem window offers for the file
// at path: restore its latest automatic backup or open another file, each
// then opening the main window through open.
func startupActions(path string, open func(db *sqlite.DB, notice string)) ui.StartupActions {
	act := ui.StartupActions{
		OpenOther: func(p string) error {
			db, err := sqlite.Open(p)
			if err != nil {
				return explainOpen(p, err)
			}
			open(db, "")
			return nil
		},
	}
	list, err := sqlite.ListBackups(path)
	if err != nil || len(list) == 0 {
		return act
	}
	latest := list[0]
	act.LatestBackup, act.LatestBackupDate = latest.Path, latest.Date
	act.RestoreLatest = func() error {
		kept, err := sqlite.Restore(context.Background(), latest.Path, path)
		if err != nil {
			return err
		}
		db, err := sqlite.Open(path)
		if err != nil {
			return explainOpen(path, err)
		}
		notice := fmt.Sprintf("Keel restored the backup of %s.", latest.Date.Time().Format("2 January 2006"))
		if kept != "" {
			notice += fmt.Sprintf(" The file that could not be opened is kept, unchanged, as %s.", kept)
		}
		open(db, notice)
		return nil
	}
	return act
}

// explainOpen turns an open error SQLite reported only as internal into
// what is wrong with the file, when a read-only check can tell.
func explainOpen(path string, err error) error {
	if path == "" || assessment.ErrorCode(err) != assessment.EINTERNAL {
		return err
	}
	log.Printf("keel: opening %s: %v", path, err)
	if derr := sqlite.Diagnose(context.Background(), path); derr != nil {
		return derr
	}
	return err
}

// runWindow opens the main window on db in app a, takes the day's backup
// and shows notice (if any) over the window.
func runWindow(a fyne.App, h *dbHolder, db *sqlite.DB, notice string) *ui.UI {
	h.set(db)
	startupBackup(db)
	u := ui.New(a, windowServices(h))
	switch {
	case notice != "":
		u.ShowNotice("Backup restored", notice)
	case db.Created:
		// The window's first run: say where her data will live, so a
		// mistyped -db or KEEL_DB shows at once.
		u.ShowNotice("New database", fmt.Sprintf("Created a new database at %s", db.Path))
	}
	return u
}
