package sqlite_test

import (
	"context"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// setLocal makes zone the local time zone for one test.
func setLocal(t *testing.T, zone *time.Location) {
	t.Helper()
	old := time.Local
	time.Local = zone
	t.Cleanup(func() { time.Local = old })
}

// TestLocalDay checks that "in the future" means after the coach's own
// calendar day, not the UTC one: near midnight the two differ, and the
// database clock is kept in UTC.
func TestLocalDay(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name  string
		zone  *time.Location
		at    time.Time       // the database clock
		today assessment.Date // her calendar day at that moment
	}{
		// 00:30 on 3 March in Athens (UTC+2 in winter) is still
		// 2 March in UTC: today's session must not be "in the future".
		{"EastJustAfterMidnight", time.FixedZone("UTC+2", 2*3600), time.Date(2026, 3, 2, 22, 30, 0, 0, time.UTC), assessment.NewDate(2026, 3, 3)},
		// 20:00 on 2 March in New York is already 3 March in UTC:
		// tomorrow's session must still be refused.
		{"WestEvening", time.FixedZone("UTC-5", -5*3600), time.Date(2026, 3, 3, 1, 0, 0, 0, time.UTC), assessment.NewDate(2026, 3, 2)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			setLocal(t, tc.zone)
			db := MustOpenDB(t)
			db.Now = func() time.Time { return tc.at }
			clients := sqlite.NewClientService(db)
			logs := sqlite.NewSessionLogService(db)
			p := mustIssued(t, db, "Ana")

			t.Run("SessionToday", func(t *testing.T) {
				l := &assessment.SessionLog{ProgrammeID: p.ID, Date: tc.today, Status: assessment.SessionDone}
				if err := logs.CreateSessionLog(ctx, l); err != nil {
					t.Fatalf("a session on her today (%s) was refused: %v", tc.today, err)
				}
				l.Date = tc.today.AddDays(1)
				wantField(t, logs.UpdateSessionLog(ctx, l), assessment.FieldSessionDate)
			})
			t.Run("ErrSessionTomorrow", func(t *testing.T) {
				l := &assessment.SessionLog{ProgrammeID: p.ID, Date: tc.today.AddDays(1), Status: assessment.SessionDone}
				wantField(t, logs.CreateSessionLog(ctx, l), assessment.FieldSessionDate)
			})
			t.Run("DeliveryToday", func(t *testing.T) {
				c := &assessment.Client{Name: "Bea", Births: 1, LastDelivery: tc.today}
				if err := clients.CreateClient(ctx, c); err != nil {
					t.Fatalf("a delivery on her today (%s) was refused: %v", tc.today, err)
				}
				c.LastDelivery = tc.today.AddDays(1)
				wantField(t, clients.UpdateClient(ctx, c), assessment.FieldLastDelivery)
			})
			t.Run("ErrDeliveryTomorrow", func(t *testing.T) {
				c := &assessment.Client{Name: "Cleo", Births: 1, LastDelivery: tc.today.AddDays(1)}
				wantField(t, clients.CreateClient(ctx, c), assessment.FieldLastDelivery)
			})
		})
	}
}

// wantField fails unless err is EINVALID about field.
func wantField(tb testing.TB, err error, field string) {
	tb.Helper()
	if assessment.ErrorCode(err) != assessment.EINVALID || len(assessment.FieldErrors(err).For(field)) == 0 {
		tb.Fatalf("err = %v; want EINVALID on %s", err, field)
	}
}
