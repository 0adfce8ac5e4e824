package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
)

// A database from before migration 0006 holds search keys folded by the
// old table, which left "Nguyễn" and "Ḥasan" as they were. The migration
// recomputes them with assessment.Fold, and copies each client's
// programme schedule onto her row.
func TestMigration0006_RecomputesSearchKeys(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "keel.db")
	if _, err := prepareFile(path); err != nil {
		t.Fatal(err)
	}
	w, err := sql.Open(driverName, dsn(path, writerParams))
	if err != nil {
		t.Fatal(err)
	}
	w.SetMaxOpenConns(1)
	r, err := sql.Open(driverName, dsn(path, readerParams))
	if err != nil {
		t.Fatal(err)
	}
	old := &DB{db: w, rdb: r, Path: path, Now: time.Now}
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.version > 3 {
			break
		}
		if err := old.applyMigration(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	const stamp = "2026-01-01T00:00:00Z"
	for _, c := range []struct{ name, preferred, sortKey, searchKey string }{
		{"Nguyễn Thị Hồng", "", "nguyễn thị hồng", "nguyễn thị hồng "},
		{"Ḥasan Al-Rashid", "Ḥas", "ḥasan al-rashid", "ḥasan al-rashid ḥas"},
		{"Zoë Smith", "", "zoe smith", "zoe smith "},
	} {
		if _, err := w.Exec(`INSERT INTO clients (name, preferred_name, sort_key, search_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
			c.name, c.preferred, c.sortKey, c.searchKey, stamp, stamp); err != nil {
			t.Fatal(err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, err := db.SchemaVersion(ctx); err != nil || v != SchemaVersion {
		t.Fatalf("version %d (%v), want %d", v, err, SchemaVersion)
	}
	for _, tc := range []struct{ query, want string }{
		{"nguyen", "Nguyễn Thị Hồng"},
		{"hasan", "Ḥasan Al-Rashid"},
		{"has rash", "Ḥasan Al-Rashid"},
	} {
		got, n, err := NewClientService(db).FindClients(ctx, assessment.ClientFilter{Query: tc.query})
		if err != nil {
			t.Fatal(err)
		}
		if n != 1 || len(got) != 1 || got[0].Name != tc.want {
			t.Errorf("FindClients(%q) = %d clients, want %q", tc.query, n, tc.want)
		}
	}
	var sortKey, searchKey string
	if err := db.rdb.QueryRow(`SELECT sort_key, search_key FROM clients WHERE name = 'Ḥasan Al-Rashid'`).Scan(&sortKey, &searchKey); err != nil {
		t.Fatal(err)
	}
	if sortKey != "hasan al-rashid" || searchKey != "hasan al-rashid has" {
		t.Errorf("keys %q, %q", sortKey, searchKey)
	}
}

func TestCacheKiB(t *testing.T) {
	for _, tc := range []struct{ size, want int64 }{
		{0, 2 << 10},
		{100 << 10, 2 << 10},
		{11 << 20, 11 << 10},
		{750 << 20, 32 << 10},
	} {
		if got := cacheKiB(tc.size); got != tc.want {
			t.Errorf("cacheKiB(%d) = %d, want %d", tc.size, got, tc.want)
		}
	}
}
