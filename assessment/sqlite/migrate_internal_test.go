package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func TestMigrations(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if got := ms[len(ms)-1].version; got != SchemaVersion {
		t.Fatalf("last migration is %d, SchemaVersion %d", got, SchemaVersion)
	}
}

// TestApplyMigration_Atomic checks a failing migration leaves nothing
// behind: not its first statements, not a record of it, not its version.
func TestApplyMigration_Atomic(t *testing.T) {
	ctx := context.Background()
	db, err := Open(filepath.Join(t.TempDir(), "keel.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	bad := migration{version: SchemaVersion + 1, name: "0099_bad", sql: `
		CREATE TABLE half_done (id INTEGER PRIMARY KEY);
		ALTER TABLE clients ADD COLUMN nickname TEXT;
		INSERT INTO no_such_table VALUES (1);`}
	err = db.applyMigration(ctx, bad)
	if got := assessment.ErrorCode(err); got != assessment.EINTERNAL {
		t.Fatalf("code = %q (%v), want internal", got, err)
	}
	var n int
	if err := db.rdb.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'half_done'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("half_done tables: %d (%v)", n, err)
	}
	if err := db.rdb.QueryRow(`SELECT count(*) FROM pragma_table_info('clients') WHERE name = 'nickname'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("nickname columns: %d (%v)", n, err)
	}
	if err := db.rdb.QueryRow(`SELECT count(*) FROM schema_migrations WHERE version = ?`, bad.version).Scan(&n); err != nil || n != 0 {
		t.Fatalf("recorded: %d (%v)", n, err)
	}
	if v, err := db.SchemaVersion(ctx); err != nil || v != SchemaVersion {
		t.Fatalf("version = %d (%v), want %d", v, err, SchemaVersion)
	}

	// Applying an already applied migration again is a no-op.
	ms, _ := migrations()
	if err := db.applyMigration(ctx, ms[0]); err != nil {
		t.Fatal(err)
	}
	if err := db.rdb.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != len(ms) {
		t.Fatalf("schema_migrations rows = %d (%v)", n, err)
	}
}
