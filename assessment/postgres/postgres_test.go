package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/postgres"
	"github.com/keel-coach/keel/assessment/postgres/pgtest"
)

var ctx = context.Background()

// now is the fixed clock of the tests: 2 December 2026, 10:00 local.
var now = time.Date(2026, 12, 2, 10, 0, 0, 0, time.Local)

var today = assessment.DateOf(now)

// MustOpenDB opens the studio store on a new, empty database of the test
// server, as coach, closed when the test ends.
func MustOpenDB(tb testing.TB, coach string) *postgres.DB {
	tb.Helper()
	return mustOpenURL(tb, pgtest.NewDatabase(tb), coach)
}

func mustOpenURL(tb testing.TB, u, coach string) *postgres.DB {
	tb.Helper()
	db, err := postgres.Open(ctx, u)
	if err != nil {
		tb.Fatal(err)
	}
	db.Now = func() time.Time { return now }
	db.Coach = coach
	tb.Cleanup(func() { _ = db.Close() })
	return db
}
