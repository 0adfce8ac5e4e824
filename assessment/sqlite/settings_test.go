package sqlite_test

import (
	"context"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

func TestDB_Settings(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)

	t.Run("Unset", func(t *testing.T) {
		v, ok, err := db.GetSetting(ctx, "coach.name")
		if err != nil || ok || v != "" {
			t.Fatalf("GetSetting = %q, %v, %v; want unset", v, ok, err)
		}
	})
	t.Run("OK", func(t *testing.T) {
		for _, v := range []string{"Sam Ó Briain", "Sam O'Brien"} {
			if err := db.SetSetting(ctx, "coach.name", v); err != nil {
				t.Fatal(err)
			}
			got, ok, err := db.GetSetting(ctx, "coach.name")
			if err != nil || !ok || got != v {
				t.Fatalf("GetSetting = %q, %v, %v; want %q", got, ok, err, v)
			}
		}
	})
	t.Run("ErrKeyRequired", func(t *testing.T) {
		wantCode(t, db.SetSetting(ctx, " ", "x"), assessment.EINVALID)
	})
}

func TestDB_Exports(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	c := mustClient(t, db, "Ana")
	for _, p := range []string{"/home/sam/ana-week1.pdf", "/home/sam/ana-week5.pdf"} {
		if err := db.AddExport(ctx, &sqlite.Export{ClientID: c.ID, Path: p, Kind: "handout"}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.FindExports(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Path != "/home/sam/ana-week5.pdf" || !got[0].CreatedAt.Equal(now) {
		t.Fatalf("exports = %+v, want newest first", got)
	}

	t.Run("ErrClientNotFound", func(t *testing.T) {
		wantCode(t, db.AddExport(ctx, &sqlite.Export{ClientID: 99, Path: "/x.pdf"}), assessment.ENOTFOUND)
	})
	t.Run("ErrPathRequired", func(t *testing.T) {
		wantCode(t, db.AddExport(ctx, &sqlite.Export{ClientID: c.ID}), assessment.EINVALID)
		wantCode(t, db.AddExport(ctx, nil), assessment.EINVALID)
	})
}
