package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// TargetError is an output path Keel refuses before writing anything: the
// database itself, a folder that does not exist, or a file that is already
// there when the coach has not said to replace it. Its text names the file
// or folder and says what to do.
type TargetError struct {
	Path string
	// Exists is set when the only problem is that the file is already there
	// (the command line then asks for --force; a save dialog has asked).
	Exists bool
	msg    string
}

func (e *TargetError) Error() string { return e.msg }

// DatabaseSides are the files SQLite keeps beside a database: writing over
// any of them loses or damages the coach's data as surely as writing over
// the database.
var DatabaseSides = []string{"", "-wal", "-shm", "-journal"}

// CheckTarget applies Keel's one rule for every file it writes for the
// coach (exports, handouts, measures, backups), before anything is written:
//
//   - path must not be the database dbPath, nor its -wal, -shm or -journal,
//     however it is spelt: relative, through a symbolic link, or as a hard
//     link to the same file;
//   - its folder must exist (Keel does not invent folders from a typing
//     slip);
//   - it must not be a folder;
//   - an existing file is replaced only when overwrite is true (the command
//     line's --force; a save dialog has already asked the coach).
//
// dbPath may be "" when no database is involved. The error is a
// *TargetError.
func CheckTarget(path, dbPath string, overwrite bool) error {
	if path == "" {
		return &TargetError{msg: "Choose a file to write to."}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return &TargetError{Path: path, msg: fmt.Sprintf("Keel cannot use %q as a file name.", path)}
	}
	if dbPath != "" {
		if side, ok := IsDatabaseFile(abs, dbPath); ok {
			return &TargetError{Path: abs, msg: fmt.Sprintf(
				"Keel will not write to %s: it is %s, and writing over it would destroy your data. Choose another file name.",
				abs, sideWords(side, dbPath))}
		}
	}
	dir := filepath.Dir(abs)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return &TargetError{Path: abs, msg: fmt.Sprintf(
			"The folder %s does not exist. Create it first, or choose a file in another folder.", dir)}
	}
	fi, err := os.Stat(abs)
	switch {
	case err == nil && fi.IsDir():
		return &TargetError{Path: abs, msg: fmt.Sprintf("%s is a folder; choose a file name inside it.", abs)}
	case err == nil && !overwrite:
		return &TargetError{Path: abs, Exists: true, msg: fmt.Sprintf(
			"%s already exists. Keel has not changed it; to replace it, run the command again with --force.", abs)}
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		// A dangling symbolic link or an unreadable folder: the write will
		// say why; the database check above has already run.
	}
	return nil
}

// IsDatabaseFile reports whether path names the database dbPath or one of
// the files SQLite keeps beside it, and which (DatabaseSides). It compares
// resolved names, so a relative path or a symbolic link is caught, and the
// files themselves (os.SameFile), so a hard link is caught.
func IsDatabaseFile(path, dbPath string) (side string, ok bool) {
	p := resolve(path)
	pfi, perr := os.Stat(path)
	for _, s := range DatabaseSides {
		d := dbPath + s
		if p == resolve(d) {
			return s, true
		}
		if perr == nil {
			if dfi, err := os.Stat(d); err == nil && os.SameFile(pfi, dfi) {
				return s, true
			}
		}
	}
	return "", false
}

// resolve is path made absolute with every symbolic link followed; for a
// file that does not exist yet, its folder's links are followed.
func resolve(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	// A link to a file that does not exist yet (such as a -wal between
	// sessions) still points at it.
	for i := 0; i < 8; i++ {
		t, err := os.Readlink(abs)
		if err != nil {
			break
		}
		if !filepath.IsAbs(t) {
			t = filepath.Join(filepath.Dir(abs), t)
		}
		abs = filepath.Clean(t)
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

func sideWords(side, dbPath string) string {
	switch side {
	case "":
		return "Keel's database"
	case "-wal":
		return "the write-ahead log of Keel's database " + dbPath
	case "-shm":
		return "the shared-memory file of Keel's database " + dbPath
	}
	return "the journal of Keel's database " + dbPath
}

// sqliteHeader starts every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// CheckOutput is CheckTarget for a file that is not a database (a handout,
// an export, a measures table, a library sheet), with one more refusal
// that --force does not lift: an existing SQLite database, or a file
// beside one (its -wal, -shm or -journal). Keel protects the database it
// was pointed at by name; this protects every other one, such as last
// year's archived file, from a mistyped output name.
func CheckOutput(path, dbPath string, overwrite bool) error {
	if err := CheckTarget(path, dbPath, overwrite); err != nil {
		return err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil // CheckTarget has accepted it; nothing more to read
	}
	if isSQLite(abs) {
		return &TargetError{Path: abs, msg: fmt.Sprintf(
			"Keel will not write over %s: it is a database (perhaps another Keel database), and writing over it would destroy it. Choose another file name.", abs)}
	}
	for _, s := range DatabaseSides[1:] {
		if base, ok := strings.CutSuffix(abs, s); ok && isSQLite(base) {
			return &TargetError{Path: abs, msg: fmt.Sprintf(
				"Keel will not write to %s: it belongs to the database %s, and writing over it could damage it. Choose another file name.", abs, base)}
		}
	}
	return nil
}

// isSQLite reports whether the file at path starts with SQLite's header.
func isSQLite(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, len(sqliteHeader))
	n, _ := io.ReadFull(f, buf)
	return n == len(buf) && string(buf) == sqliteHeader
}
