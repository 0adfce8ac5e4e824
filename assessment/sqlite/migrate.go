package sqlite

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/keel-coach/keel/assessment"
)

// SchemaVersion is the newest database schema this build of Keel knows: the
// number of its last migration. A file with a higher version was written by
// a newer Keel and is refused rather than guessed at.
const SchemaVersion = 10

//go:embed migration/*.sql
var migrationFS embed.FS

// migration is one numbered SQL file, e.g. migration/0001_init.sql.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations reads the embedded files in version order. A gap or duplicate
// number is a build mistake, reported as an internal error.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migration/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]migration, 0, len(names))
	for _, n := range names {
		base := path.Base(n)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number and '_'", base)
		}
		if want := nextMigration(out); v != want && !reservedGap(want, v) {
			return nil, fmt.Errorf("migration %s: expected number %d", base, want)
		}
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: strings.TrimSuffix(base, ".sql"), sql: string(b)})
	}
	if last := nextMigration(out) - 1; last != SchemaVersion {
		return nil, fmt.Errorf("SchemaVersion is %d but the last migration is %d", SchemaVersion, last)
	}
	return out, nil
}

// reservedMigrations are numbers held for migrations being written on
// other branches (0004 data safety, 0005 exercise figures, 0008 session
// logs): until they
// land, the numbers after them may follow a gap. A file at a later version
// that lacks one gets it when it lands (applyMigration), so keep a number
// here after its file has landed. (H)
var reservedMigrations = map[int]bool{4: true, 5: true, 8: true}

// reservedGap reports whether every number from first up to (not
// including) next is reserved.
func reservedGap(first, next int) bool {
	if next < first {
		return false
	}
	for v := first; v < next; v++ {
		if !reservedMigrations[v] {
			return false
		}
	}
	return true
}

// nextMigration is the number the migration after out should carry.
func nextMigration(out []migration) int {
	if len(out) == 0 {
		return 1
	}
	return out[len(out)-1].version + 1
}

// migrate applies every migration the file has not had yet, each in its own
// transaction that also records it in schema_migrations and PRAGMA
// user_version, so a failure leaves the file at the last good version.
func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return assessment.Internal("prepare the database", err)
	}
	// Most opens find the file up to date: check without taking the write
	// lock.
	v, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	} else if v == SchemaVersion && db.allRecorded(ctx, ms) {
		return nil
	}
	if v > SchemaVersion {
		return newerError(db.Path, v)
	}
	if v > 0 {
		// An older Keel's file: keep it as that Keel can open it, before
		// changing it.
		if _, err := db.backupBeforeUpdate(ctx); err != nil {
			return err
		}
	}
	for _, m := range ms {
		if err := db.applyMigration(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

func (db *DB) applyMigration(ctx context.Context, m migration) error {
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	// Read the version inside the write lock: another Keel opening the same
	// file at the same moment may have applied it already.
	var current int
	if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&current); err != nil {
		return mapError("read the database version", err)
	}
	if current > SchemaVersion {
		return newerError(db.Path, current)
	}
	if current >= m.version {
		// Applied, unless it is a migration that landed after later ones
		// (a reserved number): a file that went past it without it gets it
		// now, keeping its version.
		var n int
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&n)
		if err != nil || n > 0 || !reservedMigrations[m.version] {
			return nil
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return mapError("prepare the database", err)
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return assessment.Internal("update the database to version "+strconv.Itoa(m.version), fmt.Errorf("%s: %w", m.name, err))
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, formatTime(tx.now)); err != nil {
		return mapError("record the database update", err)
	}
	// PRAGMA takes no bound parameters; the version is our own integer.
	if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(max(current, m.version))); err != nil {
		return mapError("record the database update", err)
	}
	return tx.commit("update the database to version " + strconv.Itoa(m.version))
}

// backupBeforeUpdate copies the database, as it is before this build
// updates it, into the backup folder under a name that says which data
// version it holds: "keel-before-update-v3-2026-03-02-093000.db" for a file
// of version 3. An older Keel can open that copy. Like the other "before"
// copies it is never pruned. If another Keel updated the file meanwhile,
// the copy holds nothing older and is removed. It returns the copy's path,
// or "" when none was kept.
func (db *DB) backupBeforeUpdate(ctx context.Context) (string, error) {
	dir := BackupDir(db.Path)
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return "", assessment.Errorf(assessment.EINVALID,
			"Keel must copy %s before updating it, but cannot create the backup folder %s: %v. The file has not been changed.", db.Path, dir, plainErr(err))
	}
	tmp := uniqueName(dir, backupPrefix(db.Path)+"before-update-"+time.Now().Format("2006-01-02-150405"))
	if err := db.BackupTo(ctx, tmp); err != nil {
		return "", assessment.Errorf(assessment.ErrorCode(err),
			"Keel must copy %s before updating it to this version, and could not: %s The file has not been changed.", db.Path, assessment.ErrorMessage(err))
	}
	h, ok, err := readHeader(tmp)
	if err != nil || !ok || h.userVersion >= SchemaVersion || h.userVersion < 1 {
		_ = os.Remove(tmp)
		return "", nil
	}
	name := uniqueName(dir, backupPrefix(db.Path)+"before-update-v"+strconv.Itoa(h.userVersion)+"-"+time.Now().Format("2006-01-02-150405"))
	if err := os.Rename(tmp, name); err != nil {
		_ = os.Remove(tmp)
		return "", assessment.Internal("keep a copy of the database before updating it", err)
	}
	syncDir(filepath.Dir(name))
	return name, nil
}

// allRecorded reports whether the file records every migration of ms as
// applied: a migration that landed late (reservedMigrations) may be
// missing from a file already at SchemaVersion.
func (db *DB) allRecorded(ctx context.Context, ms []migration) bool {
	var n int
	if err := db.rdb.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
		return false
	}
	return n >= len(ms)
}
