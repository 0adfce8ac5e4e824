package sqlite

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/keel-coach/keel/assessment"
)

// SchemaVersion is the newest database schema this build of Keel knows: the
// number of its last migration. A file with a higher version was written by
// a newer Keel and is refused rather than guessed at.
const SchemaVersion = 6

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
// other branches (0004 data safety, 0005 exercise figures): until they
// land, the numbers after them may follow a gap. Remove a number once its
// file is here. (H)
var reservedMigrations = map[int]bool{4: true, 5: true}

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
	if v, err := db.SchemaVersion(ctx); err != nil {
		return err
	} else if v == SchemaVersion {
		return nil
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
		return nil
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
	if _, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(m.version)); err != nil {
		return mapError("record the database update", err)
	}
	return tx.commit("update the database to version " + strconv.Itoa(m.version))
}
