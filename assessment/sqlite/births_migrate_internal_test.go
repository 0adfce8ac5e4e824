package sqlite

import (
	"context"
	"path/filepath"
	"testing"
)

// Migration 0010 tells "not recorded" from 0 births: a stored 0 with no
// delivery date (a blank field before this version) becomes not recorded,
// the strictest reading; a recorded number keeps its value.
func TestMigration0010_BirthsUnknown(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "keel.db")
	makeVersion(t, path, 9)
	{
		raw := mustRawOpen(t, path)
		const ts = "2026-03-02T09:30:00Z"
		if _, err := raw.Exec(`INSERT INTO clients (id, name, births, last_delivery_date, sort_key, search_key, created_at, updated_at) VALUES
			(101, 'Ama', 0, NULL, 'ama', 'ama', '` + ts + `', '` + ts + `'),
			(102, 'Bea', 2, '2025-10-01', 'bea', 'bea', '` + ts + `', '` + ts + `')`); err != nil {
			t.Fatal(err)
		}
		raw.Close()
	}
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc := NewClientService(db)
	ama, err := svc.FindClientByID(ctx, 101)
	if err != nil {
		t.Fatal(err)
	}
	if !ama.BirthsUnknown || ama.Births != 0 {
		t.Errorf("a stored 0 with no delivery date: births %d, unknown %v; want not recorded", ama.Births, ama.BirthsUnknown)
	}
	bea, err := svc.FindClientByID(ctx, 102)
	if err != nil {
		t.Fatal(err)
	}
	if bea.BirthsUnknown || bea.Births != 2 {
		t.Errorf("two births recorded: births %d, unknown %v", bea.Births, bea.BirthsUnknown)
	}
	// The coach records 0 again: kept as 0, known.
	ama.Births, ama.BirthsUnknown = 0, false
	if err := svc.UpdateClient(ctx, ama); err != nil {
		t.Fatal(err)
	}
	if again, _ := svc.FindClientByID(ctx, 101); again.BirthsUnknown {
		t.Error("a recorded 0 read back as not recorded")
	}
}
