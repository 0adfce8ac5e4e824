package sqlite_test

import (
	"context"
	"testing"

	"github.com/keel-coach/keel/assessment"
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
