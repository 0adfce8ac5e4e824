package postgres

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

// SchemaVersion is the newest studio schema this build knows: the number
// of its last migration. A database with a higher version was set up by a
// newer Keel and is refused, unchanged.
const SchemaVersion = 1

//go:embed migration/*.sql
var migrationFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations reads the embedded files in order; a gap or a duplicate
// number is a build mistake.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migration/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]migration, 0, len(names))
	for i, n := range names {
		base := path.Base(n)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %d", base, i+1)
		}
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: strings.TrimSuffix(base, ".sql"), sql: string(b)})
	}
	if len(out) != SchemaVersion {
		return nil, fmt.Errorf("SchemaVersion is %d but there are %d migrations", SchemaVersion, len(out))
	}
	return out, nil
}

// migrationLock is the advisory lock key ("KEEL") that makes two Keels
// opening a new studio database at once apply each migration once.
const migrationLock = 0x4B45454C

// migrate applies, each in its own transaction with its record in
// keel_schema_migrations, every migration the database lacks. A database
// that already has tables but no Keel record belongs to something else and
// is refused, unchanged.
func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return assessment.Internal("prepare the studio database", err)
	}
	for _, m := range ms {
		applied, err := db.applyMigration(ctx, m)
		if err != nil {
			return err
		}
		if applied && m.version == 1 {
			db.Created = true
		}
	}
	return nil
}

func (db *DB) applyMigration(ctx context.Context, m migration) (bool, error) {
	op := "set up the studio database"
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return false, db.mapError(op, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock); err != nil {
		return false, db.mapError(op, err)
	}
	var hasTable bool
	if err := tx.QueryRowContext(ctx, `SELECT to_regclass('keel_schema_migrations') IS NOT NULL`).Scan(&hasTable); err != nil {
		return false, db.mapError(op, err)
	}
	if !hasTable {
		var others int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()`).Scan(&others); err != nil {
			return false, db.mapError(op, err)
		}
		if others > 0 {
			return false, &assessment.Error{Code: assessment.EUNSUPPORTED, Message: fmt.Sprintf(
				"The database at %s already holds another program's tables, so Keel has not touched it. Ask whoever runs the server for an empty database for Keel.", db.Server)}
		}
		if _, err := tx.ExecContext(ctx, `CREATE TABLE keel_schema_migrations (
			version    integer PRIMARY KEY,
			name       text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now()
		)`); err != nil {
			return false, db.mapError(op, err)
		}
	}
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM keel_schema_migrations`).Scan(&current); err != nil {
		return false, db.mapError(op, err)
	}
	if current > SchemaVersion {
		return false, &assessment.Error{Code: assessment.EUNSUPPORTED, Message: fmt.Sprintf(
			"The studio database at %s was set up by a newer version of Keel (data version %d); this Keel reads up to version %d. "+
				"Install the newer Keel on this computer. Nothing has been changed.", db.Server, current, SchemaVersion)}
	}
	if current >= m.version {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, assessment.Internal("update the studio database to version "+strconv.Itoa(m.version), db.scrub(fmt.Errorf("%s: %w", m.name, err)))
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO keel_schema_migrations (version, name) VALUES ($1, $2)`, m.version, m.name); err != nil {
		return false, db.mapError(op, err)
	}
	if err := tx.Commit(); err != nil {
		return false, db.mapError(op, err)
	}
	return true, nil
}
