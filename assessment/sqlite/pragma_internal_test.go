package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestPragmas checks the connection options took effect: go-sqlite3
// ignores a misspelt DSN option, so only the live values prove them.
func TestPragmas(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "keel.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tests := []struct {
		name   string
		pool   *sql.DB
		pragma string
		want   string
	}{
		{"WriterWAL", db.db, "journal_mode", "wal"},
		{"WriterForeignKeys", db.db, "foreign_keys", "1"},
		{"WriterBusyTimeout", db.db, "busy_timeout", busyTimeoutMS},
		{"WriterSynchronousNormal", db.db, "synchronous", "1"},
		{"WriterSecureDelete", db.db, "secure_delete", "1"},
		{"WriterWritable", db.db, "query_only", "0"},
		{"ReaderQueryOnly", db.rdb, "query_only", "1"},
		{"ReaderBusyTimeout", db.rdb, "busy_timeout", busyTimeoutMS},
		{"ApplicationID", db.rdb, "application_id", "1262830924"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got string
			if err := tt.pool.QueryRowContext(context.Background(), "PRAGMA "+tt.pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("PRAGMA %s = %s, want %s", tt.pragma, got, tt.want)
			}
		})
	}
	if applicationID != 1262830924 {
		t.Fatalf("applicationID = %d, but migration 0001 sets 1262830924", applicationID)
	}

	t.Run("ReaderCannotWrite", func(t *testing.T) {
		if _, err := db.rdb.Exec(`INSERT INTO settings (key, value, updated_at) VALUES ('k', 'v', 'now')`); err == nil {
			t.Fatal("a read connection wrote to the database")
		}
	})
}
