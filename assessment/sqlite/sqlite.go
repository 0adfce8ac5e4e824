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
	"syscall"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/platform"
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
	// Created is set when Open made a new, empty database file.
	Created bool
	// Coach is the name of the coach using this Keel, recorded as the
	// author of the clients, assessments, programmes and session logs she
	// creates and changes ("" when no name is set).
	Coach string

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
	if IsServerURL(p) {
		// Never a file name: taking it as one would create an empty local
		// file in place of the studio's data.
		return "", assessment.Errorf(assessment.EINVALID,
			"-db or %s names a studio database on a server (postgres://…), not a Keel file. This command works on a Keel file: name one with -db PATH.", EnvDB)
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", assessment.Errorf(assessment.EINVALID, "Keel cannot use %q as a database path: %v.", p, err)
	}
	return abs, nil
}

// IsServerURL reports whether s is a database server's URL (postgres:// or
// postgresql://, the studio store) rather than a file path.
func IsServerURL(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open opens the Keel database at path, creating it (in a private folder)
// when it does not exist, and brings its schema up to date. Only the
// window's first run, keel demo and the import commands create a database;
// every other command uses OpenExisting. DB.Created says whether this call
// made the file.
//
// Before anything is written it checks that an existing file is a Keel
// database this build understands: a file that is not SQLite, another
// program's database, or one saved by a newer Keel is refused with
// EUNSUPPORTED and left exactly as it was. A damaged file, a full disk and
// a file Keel may not write each get one message naming the file
// (DamagedError, DiskFullError, PermissionError). An older database is
// copied into the backup folder before it is updated (see migrate).
func Open(path string) (*DB, error) {
	return OpenContext(context.Background(), path)
}

// OpenContext is Open with a context for the migrations.
func OpenContext(ctx context.Context, path string) (*DB, error) {
	return open(ctx, path, true)
}

// OpenExisting is Open for commands that only read the database or write
// out of it: a missing file is refused (MissingError) and nothing, not even
// its folder, is created.
func OpenExisting(path string) (*DB, error) {
	return open(context.Background(), path, false)
}

func open(ctx context.Context, path string, create bool) (*DB, error) {
	if path == "" {
		return nil, assessment.Errorf(assessment.EINVALID, "Choose a file for the Keel database.")
	}
	created := false
	if create {
		var err error
		if created, err = prepareFile(path); err != nil {
			return nil, err
		}
	} else if fi, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, MissingError(path)
	} else if err == nil && fi.IsDir() {
		return nil, assessment.Errorf(assessment.EINVALID, "%s is a folder, not a database file. Choose a file.", path)
	}
	if err := checkWritable(path); err != nil {
		return nil, err
	}
	if err := probe(ctx, path); err != nil {
		return nil, err
	}
	SweepLeftovers(path)

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

	db := &DB{db: w, rdb: r, Path: path, Now: time.Now, Created: created}
	if err := db.migrate(ctx); err != nil {
		_ = db.Close()
		return nil, openError(path, err)
	}
	// Read the whole schema now, so a damaged one is reported at once and
	// not by the first screen that happens to touch it.
	var n int
	if err := db.rdb.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master`).Scan(&n); err != nil {
		_ = db.Close()
		return nil, openError(path, err)
	}
	// After a crash, or while another Keel window held the log open during
	// an erase, erased text may still sit in the write-ahead log: fold it
	// into the file (where secure_delete has zeroed it) and empty the log.
	// A log that is already empty (Keel closed normally) needs nothing.
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		db.checkpoint(ctx)
	}
	return db, nil
}

// openError words a failure to open path by its cause when it has one the
// coach can act on.
func openError(path string, err error) error {
	cause := err
	var de *assessment.Error
	if errors.As(err, &de) && de.Code != assessment.EINTERNAL && de.Code != assessment.EUNSUPPORTED {
		return err
	}
	if de != nil && de.Err != nil {
		cause = de.Err
	}
	if ce := causeError(path, cause); ce != nil {
		return ce
	}
	return err
}

// checkWritable refuses, before SQLite sees it, a database file Keel may
// not write: SQLite would open it read-only and leave a -shm file with the
// file's read-only permissions, which then keeps every save failing after
// the coach has fixed the file's own permissions. For the same reason a
// -wal or -shm left behind read-only by an earlier run is made writable
// again (it is the coach's own file), or named when that is not allowed.
func checkWritable(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		if errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return PermissionError(path, err)
		}
		return assessment.Errorf(assessment.EINVALID, "Keel cannot open %s: %v.", path, plainErr(err))
	}
	_ = f.Close()
	for _, side := range []string{"-wal", "-shm"} {
		p := path + side
		f, err := os.OpenFile(p, os.O_RDWR, 0)
		if err == nil {
			_ = f.Close()
			continue
		}
		if !errors.Is(err, os.ErrPermission) {
			continue // absent, or a problem SQLite will report
		}
		if cerr := os.Chmod(p, fileMode); cerr != nil {
			return PermissionError(p, err)
		}
	}
	return nil
}

// checkpoint folds the write-ahead log into the database file and empties
// the log (TRUNCATE), so erased text does not linger in it. It is best
// effort: while another Keel window reads, part of the log stays until the
// next checkpoint.
func (db *DB) checkpoint(ctx context.Context) {
	_, _ = db.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
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
// not exist, so SQLite never creates the database with looser permissions,
// and reports whether it made the file. Existing folders and files are not
// touched.
func prepareFile(path string) (bool, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, dirMode); err != nil {
		if errors.Is(err, os.ErrPermission) {
			return false, PermissionError(dir, err)
		}
		return false, assessment.Errorf(assessment.EINVALID,
			"Keel cannot create the folder %s for its database: %v.", dir, plainErr(err))
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, fileMode)
	switch {
	case err == nil:
		return true, closeErr(f, path)
	case errors.Is(err, os.ErrExist):
		return false, nil
	case errors.Is(err, os.ErrPermission):
		return false, PermissionError(path, err)
	default:
		return false, assessment.Errorf(assessment.EINVALID,
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
	wal, werr := os.Stat(path + "-wal")
	hasWAL := werr == nil && wal.Size() > 0
	if !hasWAL && h.truncated(fi.Size()) {
		return DamagedError(path, nil)
	}
	if hasWAL {
		// Saved changes may still wait in the write-ahead log (Keel was
		// stopped before folding them into the file), and the version may
		// be among them: read the newest committed header from the log.
		page, ok, err := walPage1(path)
		if err != nil {
			return assessment.Errorf(assessment.EINVALID, "Keel cannot read %s: %v.", path+"-wal", plainErr(err))
		}
		if ok && len(page) >= 108 {
			wh, _, _ := parseHeader(page)
			h.userVersion, h.appID, h.schemaEmpty = wh.userVersion, wh.appID, wh.schemaEmpty
		}
	}
	switch {
	case h.appID != 0 && h.appID != applicationID:
		return notKeel(path, "it belongs to another program")
	case h.appID == 0 && (h.userVersion != 0 || !h.schemaEmpty):
		return notKeel(path, "it belongs to another program")
	case h.userVersion < 0:
		return DamagedError(path, nil)
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
	pageSize    int64
	pages       int64 // the size in pages SQLite recorded, when valid
}

// truncated reports whether a file of size bytes is shorter than the
// database its header describes: a copy cut short, or a disk that filled
// up while copying. SQLite itself would only notice at the first missing
// page, in the middle of the coach's work.
func (h fileHeader) truncated(size int64) bool {
	return h.pages > 0 && h.pageSize > 0 && size < h.pages*h.pageSize
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
	return parseHeader(b)
}

// parseHeader reads a database header from the first 108 bytes of page 1
// (of the file, or of its copy in the write-ahead log).
func parseHeader(b []byte) (fileHeader, bool, error) {
	if !bytes.Equal(b[:16], sqliteHeader) {
		return fileHeader{}, false, nil
	}
	const leafTable = 0x0D // page type of a schema that fits in one page
	h := fileHeader{
		userVersion: int(int32(binary.BigEndian.Uint32(b[60:64]))),
		appID:       int(int32(binary.BigEndian.Uint32(b[68:72]))),
		schemaEmpty: b[100] == leafTable && binary.BigEndian.Uint16(b[103:105]) == 0,
		pageSize:    int64(binary.BigEndian.Uint16(b[16:18])),
	}
	if h.pageSize == 1 {
		h.pageSize = 65536
	}
	// The size in pages is valid only when the change counter matches the
	// version-valid-for number (older writers did not keep it).
	if binary.BigEndian.Uint32(b[24:28]) == binary.BigEndian.Uint32(b[92:96]) {
		h.pages = int64(binary.BigEndian.Uint32(b[28:32]))
	}
	return h, true, nil
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
	now   time.Time
	path  string // the database, named in a message about the file
	coach string // who is saving (DB.Coach)
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
		return nil, mapErrorAt(db.Path, "start saving", err)
	}
	return &writeTx{Tx: tx, now: db.Now().UTC(), path: db.Path, coach: db.Coach}, nil
}

// beginRead starts a read-only transaction: every query in it sees the same
// snapshot of the file, so a count and a page always agree.
func (db *DB) beginRead(ctx context.Context) (*sql.Tx, error) {
	tx, err := db.rdb.BeginTx(ctx, nil)
	if err != nil {
		return nil, mapErrorAt(db.Path, "read the database", err)
	}
	return tx, nil
}

// commit commits tx, mapping a failure for the coach.
func (tx *writeTx) commit(op string) error {
	if err := tx.Commit(); err != nil {
		return mapErrorAt(tx.path, op, err)
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
