package sqlite_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

func TestProfileService(t *testing.T) {
	ctx := context.Background()
	t.Run("EmptyBeforeSaved", func(t *testing.T) {
		s := sqlite.NewProfileService(MustOpenDB(t))
		p, err := s.Profile(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if p.CoachName != "" || p.Logo != nil {
			t.Fatalf("fresh profile = %+v", p)
		}
	})
	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		s := sqlite.NewProfileService(db)
		want := assessment.Profile{CoachName: "Kara Lindqvist", Business: "Strong Mama Coaching", Contact: "+44 7700 900123 · kara@example.com",
			Logo: []byte{0x89, 'P', 'N', 'G', 0, 1, 2}, Accent: "#aa3366", Paper: "Letter", DiastasisUnit: "mm"}
		if err := s.SaveProfile(ctx, want); err != nil {
			t.Fatal(err)
		}
		got, err := sqlite.NewProfileService(db).Profile(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got.CoachName != want.CoachName || got.Business != want.Business || got.Contact != want.Contact ||
			!bytes.Equal(got.Logo, want.Logo) || got.Accent != want.Accent || got.Paper != want.Paper || got.DiastasisUnit != want.DiastasisUnit {
			t.Fatalf("profile = %+v, want %+v", got, want)
		}
	})
}
