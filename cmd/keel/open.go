package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/atomicfile"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// openDB opens the existing database named by the flag, $KEEL_DB or the
// default path, for a command that only reads it or writes out of it: a
// mistyped path is refused, naming it, and nothing is created. On failure
// it prints why and returns nil and the exit code.
func openDB(flagValue string, stderr io.Writer) (*sqlite.DB, int) {
	path, err := sqlite.ResolvePath(flagValue)
	if err != nil {
		fmt.Fprintf(stderr, "keel: %s\n", assessment.ErrorMessage(err))
		return nil, 1
	}
	db, err := sqlite.OpenExisting(path)
	if err != nil {
		fmt.Fprintf(stderr, "keel: %s\n", assessment.ErrorMessage(err))
		return nil, 1
	}
	warnSynced(db.Path, stderr)
	db.Coach = coachName(context.Background(), "", sqlite.NewProfileService(db))
	return db, 0
}

// createDB is openDB for the commands that may start a database (keel demo
// and the imports): a missing file is created, and the command says so.
func createDB(flagValue string, stdout, stderr io.Writer) (*sqlite.DB, int) {
	path, err := sqlite.ResolvePath(flagValue)
	if err != nil {
		fmt.Fprintf(stderr, "keel: %s\n", assessment.ErrorMessage(err))
		return nil, 1
	}
	db, err := sqlite.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, "keel: %s\n", assessment.ErrorMessage(err))
		return nil, 1
	}
	if db.Created {
		fmt.Fprintf(stdout, "Created a new database at %s\n", db.Path)
	}
	warnSynced(db.Path, stderr)
	db.Coach = coachName(context.Background(), "", sqlite.NewProfileService(db))
	return db, 0
}

// checkOut applies the output rule (atomicfile.CheckTarget) to a file a
// command is about to write, against the database the command names (even
// when it does not open it, so no spelling of the database is ever written
// over): the database and the files beside it are refused, a missing
// folder is refused, and an existing file needs --force. Outputs that are
// not databases also refuse any existing SQLite file, even with --force
// (atomicfile.CheckOutput). It prints the refusal for cmd and reports
// whether to go on.
func checkOut(cmd, out, dbFlag string, force bool, stderr io.Writer) bool {
	if strings.HasPrefix(out, "-") {
		// The flag package takes "--sheet -h" as a file named "-h".
		fmt.Fprintf(stderr, "%s: %q looks like an option, not a file name; to use that name, write it as ./%s\n", cmd, out, out)
		return false
	}
	dbPath, err := sqlite.ResolvePath(dbFlag)
	if err != nil {
		dbPath = ""
	}
	check := atomicfile.CheckOutput
	if cmd == backupCmd {
		// A backup is itself a database: replacing an older backup with
		// --force is what the coach asked for.
		check = atomicfile.CheckTarget
	}
	if err := check(out, dbPath, force); err != nil {
		fmt.Fprintf(stderr, "%s: %s\n", cmd, err)
		return false
	}
	return true
}

// backupCmd names the backup command, the one writer whose output is a
// database.
const backupCmd = "keel backup"

// warnSynced prints the synced-folder warning (syncfolder.go) for the
// database at path, if it has one.
func warnSynced(path string, stderr io.Writer) {
	if w := syncWarning(path); w != "" {
		fmt.Fprintf(stderr, "keel: warning: %s\n", w)
	}
}
