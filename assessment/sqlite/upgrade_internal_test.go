package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/mattn/go-sqlite3"
)

// makeVersion writes a Keel database at an older schema version (the
// migrations up to version), as an older Keel left it, with one client
// and one programme. Other tests of this package use it.
func makeVersion(t *testing.T, path string, version int, skip ...int) {
	t.Helper()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open(driverName, dsn(path, "_journal_mode=WAL"))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, m := range ms {
		if m.version > version || slices.Contains(skip, m.version) {
			continue
		}
		if _, err := raw.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec(m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
		if _, err := raw.Exec(`INSERT INTO schema_migrations VALUES (?, ?, '2026-01-01T00:00:00Z')`, m.version, m.name); err != nil {
			t.Fatal(err)
		}
		if _, err := raw.Exec("PRAGMA user_version = " + strconv.Itoa(m.version)); err != nil {
			t.Fatal(err)
		}
	}
	const ts = "2026-01-01T00:00:00Z"
	if _, err := raw.Exec(`INSERT INTO clients (id, name, sort_key, search_key, created_at, updated_at) VALUES (1, 'Ana Sousa', 'ana sousa', 'ana sousa', ?, ?)`, ts, ts); err != nil {
		t.Fatal(err)
	}
}

// Point 11: an older database is copied, as it is, into backups/ before it
// is updated, under a name that says the version it holds.
func TestOpen_CopyBeforeUpdate(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "keel.db")
	makeVersion(t, path, 3)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := db.SchemaVersion(ctx); v != SchemaVersion {
		t.Fatalf("version %d after open, want %d", v, SchemaVersion)
	}
	db.Close()
	entries, _ := os.ReadDir(BackupDir(path))
	var copies []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "keel-before-update-v3-") && strings.HasSuffix(e.Name(), ".db") {
			copies = append(copies, filepath.Join(BackupDir(path), e.Name()))
		}
	}
	if len(copies) != 1 {
		t.Fatalf("backups hold %v; want one keel-before-update-v3-*.db", entries)
	}
	h, ok, err := readHeader(copies[0])
	if err != nil || !ok || h.userVersion != 3 {
		t.Fatalf("the copy holds version %d (%v, %v); want 3", h.userVersion, ok, err)
	}
	if fi, _ := os.Stat(copies[0]); fi.Mode().Perm() != fileMode {
		t.Errorf("copy mode %v", fi.Mode().Perm())
	}
	// Opening again (now up to date) makes no further copy.
	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if after, _ := os.ReadDir(BackupDir(path)); len(after) != len(entries) {
		t.Fatalf("a second open made another copy: %d files, was %d", len(after), len(entries))
	}
	// A new database is not copied: there is nothing older to keep.
	fresh := filepath.Join(t.TempDir(), "new.db")
	db, err = Open(fresh)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := os.Stat(BackupDir(fresh)); !os.IsNotExist(err) {
		t.Fatalf("a new database got a backup folder (%v)", err)
	}
}

// Point 5: migration 0004 leaves the schedule triggers as they were in
// effect: the phases in order, joined the same way.
func TestMigration0004_SamePhases(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "keel.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const ts = "2026-03-02T09:30:00Z"
	data := `{"options":{"start":"2026-03-02"},"phases":[` +
		`{"name":"activation","first_week":1,"last_week":2},{"name":"strength","first_week":3,"last_week":6},` +
		`{"name":"b","first_week":7,"last_week":7},{"name":"c","first_week":8,"last_week":8},{"name":"d","first_week":9,"last_week":9},` +
		`{"name":"e","first_week":10,"last_week":10},{"name":"f","first_week":11,"last_week":11},{"name":"g","first_week":12,"last_week":12},` +
		`{"name":"h","first_week":13,"last_week":13},{"name":"i","first_week":14,"last_week":14},{"name":"j","first_week":15,"last_week":15}]}`
	if _, err := db.db.Exec(`INSERT INTO clients (id, name, sort_key, search_key, created_at, updated_at) VALUES (1, 'Ana', 'ana', 'ana', ?, ?)`, ts, ts); err != nil {
		t.Fatal(err)
	}
	if _, err := db.db.Exec(`INSERT INTO assessments (id, client_id, date, kind, data, created_at, updated_at) VALUES (1, 1, '2026-03-02', 'intake', '{}', ?, ?)`, ts, ts); err != nil {
		t.Fatal(err)
	}
	if _, err := db.db.Exec(`INSERT INTO programmes (id, client_id, record_id, lineage, version, status, data, created_at, updated_at) VALUES (1, 1, 1, 1, 1, 'draft', ?, ?, ?)`, data, ts, ts); err != nil {
		t.Fatal(err)
	}
	want := "activation,1,2;strength,3,6;b,7,7;c,8,8;d,9,9;e,10,10;f,11,11;g,12,12;h,13,13;i,14,14;j,15,15"
	var got string
	if err := db.db.QueryRow(`SELECT phases FROM programme_schedules WHERE programme_id = 1`).Scan(&got); err != nil || got != want {
		t.Fatalf("phases after insert = %q (%v)\nwant %q", got, err, want)
	}
	if _, err := db.db.Exec(`UPDATE programmes SET data = json_set(data, '$.phases[0].name', 'settle') WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	if err := db.db.QueryRow(`SELECT phases FROM programme_schedules WHERE programme_id = 1`).Scan(&got); err != nil || !strings.HasPrefix(got, "settle,1,2;strength") {
		t.Fatalf("phases after update = %q (%v)", got, err)
	}
	var n int
	if err := db.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE sql LIKE '%ORDER BY key)%' AND sql LIKE '%group_concat(json_extract%'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d schema entries still use group_concat(... ORDER BY ...) (%v)", n, err)
	}
}

// Point 8: each cause gets its one message, naming the file, whichever
// layer reports it.
func TestCauseError(t *testing.T) {
	const path = "/home/ana/keel/keel.db"
	tests := []struct {
		err  error
		want error
	}{
		{sqlite3.Error{Code: sqlite3.ErrFull}, DiskFullError(path, nil)},
		{sqlite3.Error{Code: sqlite3.ErrIoErr, SystemErrno: syscall.ENOSPC}, DiskFullError(path, nil)},
		{&os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, DiskFullError(path, nil)},
		{sqlite3.Error{Code: sqlite3.ErrCorrupt}, DamagedError(path, nil)},
		{sqlite3.Error{Code: sqlite3.ErrNotADB}, DamagedError(path, nil)},
		{sqlite3.Error{Code: sqlite3.ErrReadonly}, PermissionError(path, nil)},
		{&os.PathError{Op: "open", Path: "x", Err: os.ErrPermission}, PermissionError(path, nil)},
	}
	for _, tt := range tests {
		got := causeError(path, tt.err)
		if assessment.ErrorMessage(got) != assessment.ErrorMessage(tt.want) {
			t.Errorf("%v: %q\nwant %q", tt.err, assessment.ErrorMessage(got), assessment.ErrorMessage(tt.want))
		}
		if !strings.Contains(assessment.ErrorMessage(got), path) {
			t.Errorf("%v: message does not name the file", tt.err)
		}
		// Inside a save, the same words follow what Keel was doing.
		if m := assessment.ErrorMessage(mapError("save the client", fmt.Errorf("x: %w", tt.err))); !strings.HasPrefix(m, "Keel could not save the client. ") {
			t.Errorf("mapError: %q", m)
		}
	}
	if causeError(path, sqlite3.Error{Code: sqlite3.ErrConstraint}) != nil {
		t.Error("a constraint failure is not a file problem")
	}
}

// Point 5, on a file of Keel 0.1: Debian 12's sqlite3 (3.40) calls it
// malformed; once this Keel has opened it, the same sqlite3 reads it.
func TestMigration0004_OlderSQLiteReadsUpdatedFile(t *testing.T) {
	cli, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Skip("sqlite3 is not installed (.ci/deps test installs it)")
	}
	path := filepath.Join(t.TempDir(), "keel.db")
	makeVersion(t, path, 3)
	check := func() (string, error) {
		out, err := exec.Command(cli, path, "PRAGMA integrity_check").CombinedOutput()
		return strings.TrimSpace(string(out)), err
	}
	ver, _ := exec.Command(cli, "-version").Output()
	if out, err := check(); err == nil && strings.HasPrefix(string(ver), "3.4") && string(ver) < "3.44" {
		t.Fatalf("sqlite3 %s read a version 3 file: %q; the test no longer shows the problem", ver, out)
	}
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if out, err := check(); err != nil || out != "ok" {
		t.Fatalf("sqlite3 %s on the updated file: %q (%v)", strings.Fields(string(ver))[0], out, err)
	}
}

// A file made by a build that had migration 0006 but not 0004 (it landed
// later, under a reserved number) gets 0004 when opened, and keeps its
// version.
func TestMigration0004_LandsLate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keel.db")
	makeVersion(t, path, SchemaVersion, 4)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n, v int
	if err := db.rdb.QueryRow(`SELECT count(*) FROM schema_migrations WHERE version = 4`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("0004 recorded %d times (%v)", n, err)
	}
	if err := db.rdb.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil || v != SchemaVersion {
		t.Fatalf("version %d (%v), want %d", v, err, SchemaVersion)
	}
	if err := db.rdb.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%ORDER BY key)%' AND sql LIKE '%group_concat(json_extract%'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d triggers still need SQLite 3.44 (%v)", n, err)
	}
}
