// Package sqlite stores Keel's clients, assessments, programmes and the
// coach's own exercises in one SQLite file on the coach's computer.
//
// Its types mirror the storage interfaces of package assessment
// (sqlite.ClientService implements assessment.ClientService, and so on), and
// every error it returns is an *assessment.Error or
// assessment.ValidationErrors with a sentence a coach can read: SQL text
// never reaches the screen.
package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/platform"
	"github.com/mattn/go-sqlite3"
)

// EnvDB is the environment variable that chooses the database file when no
// -db flag is given.
const EnvDB = "KEEL_DB"

// File and folder permissions: the database holds health information about
// the coach's clients, so only the coach's own user account may read it.
const (
	fileMode = 0o600
	dirMode  = 0o700
)

// busyTimeoutMS is how long a writer waits for another writer (a second
// Keel window, a backup) before giving up. Saves take milliseconds, so five
// seconds only runs out when something is badly stuck. (H)
const busyTimeoutMS = "5000"

// maxReaders caps the read connections. The coach's screens read a little
// at a time; a few connections let a slow listing run beside a save. (H)
const maxReaders = 4

// applicationID marks a Keel database ("KEEL" in ASCII), set by the first
// migration, so Keel refuses another program's SQLite file.
const applicationID = 0x4B45454C

// sqliteHeader is the first 16 bytes of every SQLite 3 database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// DB is an open Keel database file. Writes go through one connection with
// immediate transactions, so two saves never interleave; reads use a small
// pool of read-only connections, which WAL mode lets run during a save.
type DB struct {
	db  *sql.DB // the single writer
	rdb *sql.DB // readers

	// Path is the database file.
	Path string
	// Now returns the current time; tests swap it for a fixed clock.
	Now func() time.Time

	search searchIndex // the client list's search keys (search.go)
}

// DefaultPath is where Keel keeps its database when neither the -db flag
// nor KEEL_DB says otherwise: keel/keel.db in the per-user configuration
// folder (~/.config on Linux, ~/Library/Application Support on macOS,
// %AppData% on Windows; platform.DefaultDataFile has the rules).
func DefaultPath() (string, error) {
	p, err := platform.DefaultDataFile(runtime.GOOS, os.Getenv)
	if err != nil {
		return "", assessment.Errorf(assessment.EINTERNAL,
			"Keel could not find your user folder to keep its data in (%v). Start Keel with -db and a file path, or set %s.", err, EnvDB)
	}
	return p, nil
}

// ResolvePath chooses the database file: the -db flag value if given, else
// $KEEL_DB, else DefaultPath. The result is absolute so messages about the
// file name it in full.
func ResolvePath(flagValue string) (string, error) {
	p := strings.TrimSpace(flagValue)
	if p == "" {
		p = strings.TrimSpace(os.Getenv(EnvDB))
	}
	if p == "" {
		return DefaultPath()
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", assessment.Errorf(assessment.EINVALID, "Keel cannot use %q as a database path: %v.", p, err)
	}
	return abs, nil
}

// Open opens the Keel database at path, creating it (in a private folder)
// when it does not exist, and brings its schema up to date.
//
// Before anything is written it checks that an existing file is a Keel
// database this build understands: a file that is not SQLite, another
// program's database, or one saved by a newer Keel is refused with
// EUNSUPPORTED and left exactly as it was.
func Open(path string) (*DB, error) {
	return OpenContext(context.Background(), path)
}

// OpenContext is Open with a context for the migrations.
func OpenContext(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, assessment.Errorf(assessment.EINVALID, "Choose a file for the Keel database.")
	}
	if err := prepareFile(path); err != nil {
		return nil, err
	}
	if err := probe(ctx, path); err != nil {
		return nil, err
	}

	w, err := sql.Open(driverName, dsn(path, writerParams))
	if err != nil {
		return nil, assessment.Internal("open the database "+path, err)
	}
	// One writer: saves queue in Go instead of sleeping in SQLite's busy
	// handler, and a write transaction never waits on itself.
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)

	r, err := sql.Open(driverName, dsn(path, readerParams))
	if err != nil {
		_ = w.Close()
		return nil, assessment.Internal("open the database "+path, err)
	}
	r.SetMaxOpenConns(maxReaders)
	r.SetMaxIdleConns(maxReaders)

	db := &DB{db: w, rdb: r, Path: path, Now: time.Now}
	if err := db.migrate(ctx); err != nil {
		_ = db.Close()
		return nil, err
	}
	return db, nil
}

// Close closes the database. SQLite folds the write-ahead log back into the
// file when the last connection closes.
func (db *DB) Close() error {
	var errs []error
	if db.rdb != nil {
		errs = append(errs, db.rdb.Close())
	}
	if db.db != nil {
		errs = append(errs, db.db.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return assessment.Internal("close the database", err)
	}
	return nil
}

// SchemaVersion returns the schema version recorded in the file.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := db.rdb.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return 0, assessment.Internal("read the database version", err)
	}
	return v, nil
}

// Connection options (go-sqlite3 DSN parameters; see its Open docs).
// secure_delete overwrites deleted rows with zeros, so a deleted client's
// details do not linger in free pages of the file.
const (
	writerParams = "_journal_mode=WAL&_foreign_keys=on&_busy_timeout=" + busyTimeoutMS + "&_txlock=immediate&_synchronous=NORMAL&_secure_delete=on"
	readerParams = "_foreign_keys=on&_busy_timeout=" + busyTimeoutMS + "&_txlock=deferred&_query_only=on"
	probeParams  = "mode=ro&_busy_timeout=" + busyTimeoutMS
)

// dsn builds a file: URI for path. The path is escaped because SQLite reads
// %, ? and # in a URI specially, and go-sqlite3 splits its options at the
// first '?'. platform.FileURI has the Windows rules (drive letters, network
// shares).
func dsn(path, params string) string {
	return platform.FileURI(runtime.GOOS, path) + "?" + params
}

// prepareFile makes the folder (0700) and an empty file (0600) when they do
// not exist, so SQLite never creates the database with looser permissions.
// Existing folders and files are not touched.
func prepareFile(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return assessment.Errorf(assessment.EINVALID,
			"Keel cannot create the folder %s for its database: %v.", dir, plainErr(err))
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, fileMode)
	switch {
	case err == nil:
		return closeErr(f, path)
	case errors.Is(err, os.ErrExist):
		return nil
	default:
		return assessment.Errorf(assessment.EINVALID,
			"Keel cannot create its database file %s: %v.", path, plainErr(err))
	}
}

func closeErr(f *os.File, path string) error {
	if err := f.Close(); err != nil {
		return assessment.Internal("create the database file "+path, err)
	}
	return nil
}

// plainErr returns the OS reason without the path and operation that
// *os.PathError repeats.
func plainErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// probe checks, without writing a byte, that path is empty or a Keel
// database no newer than this build. It reads the SQLite file header itself
// rather than asking SQLite: SQLite would create -wal and -shm files beside
// a refused file, and a file that is not SQLite must not reach it at all.
func probe(ctx context.Context, path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return assessment.Errorf(assessment.EINVALID, "Keel cannot open %s: %v.", path, plainErr(err))
	}
	if fi.IsDir() {
		return assessment.Errorf(assessment.EINVALID, "%s is a folder, not a database file. Choose a file.", path)
	}
	if fi.Size() == 0 {
		return nil // new, or created empty: migrations will fill it
	}
	h, ok, err := readHeader(path)
	if err != nil {
		return assessment.Errorf(assessment.EINVALID, "Keel cannot read %s: %v.", path, plainErr(err))
	}
	if !ok {
		return notKeel(path, "it is not an SQLite database")
	}
	if wal, err := os.Stat(path + "-wal"); err == nil && wal.Size() > 0 {
		// Saved changes may still wait in the write-ahead log (Keel was
		// stopped before folding them into the file), and the version may
		// be among them: only SQLite can read the log.
		if h, err = readHeaderSQLite(ctx, path); err != nil {
			return err
		}
	}
	switch {
	case h.appID != 0 && h.appID != applicationID:
		return notKeel(path, "it belongs to another program")
	case h.appID == 0 && (h.userVersion != 0 || !h.schemaEmpty):
		return notKeel(path, "it belongs to another program")
	case h.userVersion < 0:
		return notKeel(path, "it is damaged")
	case h.userVersion > SchemaVersion:
		return newerError(path, h.userVersion)
	}
	return nil
}

// fileHeader is what probe needs from a database file.
type fileHeader struct {
	userVersion int
	appID       int
	schemaEmpty bool // no tables, views or indexes yet
}

// readHeader reads the SQLite header (https://www.sqlite.org/fileformat.html):
// the magic string, user_version at offset 60, application_id at 68, and the
// b-tree header of page 1 (the schema) from offset 100. It reports false for
// a file that is not SQLite, and an error when the file cannot be read.
func readHeader(path string) (fileHeader, bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return fileHeader{}, false, err
	}
	defer f.Close()
	b := make([]byte, 108)
	if _, err := io.ReadFull(f, b); errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return fileHeader{}, false, nil // too short to be SQLite
	} else if err != nil {
		return fileHeader{}, false, err
	}
	if !bytes.Equal(b[:16], sqliteHeader) {
		return fileHeader{}, false, nil
	}
	const leafTable = 0x0D // page type of a schema that fits in one page
	return fileHeader{
		userVersion: int(int32(binary.BigEndian.Uint32(b[60:64]))),
		appID:       int(int32(binary.BigEndian.Uint32(b[68:72]))),
		schemaEmpty: b[100] == leafTable && binary.BigEndian.Uint16(b[103:105]) == 0,
	}, true, nil
}

// readHeaderSQLite asks SQLite, read-only, for what readHeader reads, and
// removes the -shm file it had to create if none was there before.
func readHeaderSQLite(ctx context.Context, path string) (fileHeader, error) {
	_, shmErr := os.Stat(path + "-shm")
	pdb, err := sql.Open("sqlite3", dsn(path, probeParams))
	if err != nil {
		return fileHeader{}, assessment.Internal("open the database "+path, err)
	}
	var h fileHeader
	var objects int
	err = pdb.QueryRowContext(ctx, `SELECT
		(SELECT user_version FROM pragma_user_version),
		(SELECT application_id FROM pragma_application_id),
		(SELECT count(*) FROM sqlite_master)`).Scan(&h.userVersion, &h.appID, &objects)
	_ = pdb.Close()
	if errors.Is(shmErr, os.ErrNotExist) {
		_ = os.Remove(path + "-shm")
	}
	if err != nil {
		var se sqlite3.Error
		if errors.As(err, &se) && (se.Code == sqlite3.ErrNotADB || se.Code == sqlite3.ErrCorrupt) {
			return h, notKeel(path, "it is damaged or not an SQLite database")
		}
		return h, assessment.Internal("read the database "+path, err)
	}
	h.schemaEmpty = objects == 0
	return h, nil
}

func newerError(path string, version int) error {
	return &assessment.Error{Code: assessment.EUNSUPPORTED, Message: fmt.Sprintf(
		"The database %s was saved by a newer version of Keel (data version %d); this Keel reads up to version %d. "+
			"Install the newer Keel to open it. The file has not been changed.", path, version, SchemaVersion)}
}

func notKeel(path, why string) error {
	return &assessment.Error{Code: assessment.EUNSUPPORTED, Message: fmt.Sprintf(
		"Keel cannot open %s: %s. The file has not been changed; choose a Keel database or a new file name.", path, why)}
}

// writeTx is a write transaction for one coach action. It carries the time
// of the action so every row the action touches gets the same timestamp.
type writeTx struct {
	*sql.Tx
	now time.Time
}

// today is the coach's calendar day at the time of the action: the local
// date, not the UTC one, so just after midnight a session logged for "today"
// is not refused as in the future (east of Greenwich), and just before
// midnight tomorrow is not accepted (west of it). Timestamps stay in UTC.
func (tx *writeTx) today() assessment.Date { return assessment.DateOf(tx.now.Local()) }

// beginWrite starts a write transaction. It takes the write lock at once
// (BEGIN IMMEDIATE), so a transaction never fails half-way because another
// connection wrote first. It is unexported on purpose: the writer pool has
// one connection, so a caller holding a transaction while calling a service
// method would wait for itself.
func (db *DB) beginWrite(ctx context.Context) (*writeTx, error) {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, mapError("start saving", err)
	}
	return &writeTx{Tx: tx, now: db.Now().UTC()}, nil
}

// beginRead starts a read-only transaction: every query in it sees the same
// snapshot of the file, so a count and a page always agree.
func (db *DB) beginRead(ctx context.Context) (*sql.Tx, error) {
	tx, err := db.rdb.BeginTx(ctx, nil)
	if err != nil {
		return nil, mapError("read the database", err)
	}
	return tx, nil
}

// commit commits tx, mapping a failure for the coach.
func (tx *writeTx) commit(op string) error {
	if err := tx.Commit(); err != nil {
		return mapError(op, err)
	}
	return nil
}

// Timestamps are stored as RFC 3339 text in UTC: readable in any SQLite
// tool and unambiguous across time zones.
func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t, nil
}

// nullDate stores the zero Date as NULL.
func nullDate(d assessment.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

func parseNullDate(s sql.NullString) (assessment.Date, error) {
	if !s.Valid {
		return assessment.Date{}, nil
	}
	d, err := assessment.ParseDate(s.String)
	if err != nil {
		return assessment.Date{}, fmt.Errorf("stored date %q: %w", s.String, err)
	}
	return d, nil
}
