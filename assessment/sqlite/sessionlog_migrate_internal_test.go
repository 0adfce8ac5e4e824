package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// Migration 0008 adds the session and exercise outcomes to a database of
// today's schema (version 7) that already holds logs: each log keeps its
// date, status, pain, doming and note, and gets no session and no outcomes
// (not known, never made up), which can then be filled in by an edit.
func TestMigration0008_LogsKeepTheirData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "keel.db")
	makeVersion(t, path, 7)
	{
		raw := mustRawOpen(t, path)
		const ts = "2026-03-02T09:30:00Z"
		for _, q := range []string{
			`INSERT INTO assessments (id, client_id, date, kind, data, created_at, updated_at) VALUES (1, 1, '2026-03-01', 'intake', '{}', '` + ts + `', '` + ts + `')`,
			`INSERT INTO programmes (id, client_id, record_id, lineage, version, status, data, created_at, updated_at) VALUES (1, 1, 1, 1, 1, 'issued', '{"options":{"start":"2026-03-02"}}', '` + ts + `', '` + ts + `')`,
			`INSERT INTO session_logs (id, client_id, programme_id, date, status, pain, doming, note, created_at, updated_at) VALUES
				(1, 1, 1, '2026-03-02', 'done', 7, 1, 'Back sore after bridges', '` + ts + `', '` + ts + `'),
				(2, 1, 1, '2026-03-04', 'missed', 0, 0, '', '` + ts + `', '` + ts + `'),
				(3, 1, 1, '2026-03-06', 'partial', 3, 0, 'Short on time', '` + ts + `', '` + ts + `')`,
		} {
			if _, err := raw.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		raw.Close()
	}
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, _ := db.SchemaVersion(ctx); v != SchemaVersion || v < 8 {
		t.Fatalf("version %d after open, want %d", v, SchemaVersion)
	}
	svc := NewSessionLogService(db)
	logs, err := svc.FindSessionLogs(ctx, assessment.SessionLogFilter{ClientID: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		date, status string
		pain         int
		doming       bool
		note         string
	}{
		{"2026-03-02", "done", 7, true, "Back sore after bridges"},
		{"2026-03-04", "missed", 0, false, ""},
		{"2026-03-06", "partial", 3, false, "Short on time"},
	}
	if len(logs) != len(want) {
		t.Fatalf("%d logs after the migration; want %d", len(logs), len(want))
	}
	for i, w := range want {
		l := logs[i]
		if l.Date.String() != w.date || l.Status != w.status || l.Pain != w.pain || l.Doming != w.doming || l.Note != w.note {
			t.Errorf("log %d = %+v; want %+v", i+1, l, w)
		}
		if l.Session != "" || l.Exercises != nil {
			t.Errorf("log %d got session %q and outcomes %+v; want none (not known)", i+1, l.Session, l.Exercises)
		}
	}
	// The old red log now says which session and which exercise hurt.
	l := logs[0]
	l.Session = "mon"
	l.Exercises = []assessment.ExerciseOutcome{{ExerciseID: "glute_bridge", Name: "Glute bridge", Outcome: assessment.OutcomeHurt}}
	if err := svc.UpdateSessionLog(ctx, l); err != nil {
		t.Fatal(err)
	}
	again, err := svc.FindSessionLogs(ctx, assessment.SessionLogFilter{ProgrammeID: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := again[0]; got.Session != "mon" || len(got.Exercises) != 1 || got.Exercises[0].Outcome != assessment.OutcomeHurt || got.Note != "Back sore after bridges" {
		t.Errorf("after the edit: %+v", got)
	}
	// The columns refuse what Keel never writes.
	if _, err := db.db.Exec(`UPDATE session_logs SET exercises = '{"a":1}' WHERE id = 2`); err == nil {
		t.Error("the exercises column took an object")
	}
	if _, err := db.db.Exec(`UPDATE session_logs SET session = 'monday' WHERE id = 2`); err == nil {
		t.Error("the session column took 'monday'")
	}
}

// mustRawOpen opens the file with the driver alone: no migrations.
func mustRawOpen(t *testing.T, path string) *sql.DB {
	t.Helper()
	raw, err := sql.Open(driverName, dsn(path, "_journal_mode=WAL&_foreign_keys=1"))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}
