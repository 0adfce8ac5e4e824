package sqlite

import (
	"context"
	"path/filepath"
	"testing"
)

// Migration 0009 on a file of version 7 (before the session-log branch's
// 0008 lands): her client reads back with no author and revision 1, and
// the next change records who made it and raises the revision.
func TestMigration0009FromVersion7(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "keel.db")
	makeVersion(t, path, 7)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, err := db.SchemaVersion(ctx); err != nil || v != SchemaVersion {
		t.Fatalf("version %d, %v", v, err)
	}
	c, err := NewClientService(db).FindClientByID(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if c.Revision != 1 || c.CreatedBy != "" || c.ChangedBy != "" {
		t.Fatalf("old client: %+v", c.Saved)
	}
	db.Coach = "Sam"
	if err := NewClientService(db).SetArchived(ctx, 1, true); err != nil {
		t.Fatal(err)
	}
	c, err = NewClientService(db).FindClientByID(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if c.Revision != 2 || c.ChangedBy != "Sam" || c.CreatedBy != "" {
		t.Fatalf("after archiving: %+v", c.Saved)
	}
}
