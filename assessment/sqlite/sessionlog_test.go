package sqlite_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
	"github.com/keel-coach/keel/assets"
)

// mustIssued stores sampleProgramme for a new assessment of a new client,
// issued.
func mustIssued(tb testing.TB, db *sqlite.DB, name string) *assessment.Programme {
	tb.Helper()
	c := mustClient(tb, db, name)
	r := mustRecord(tb, db, c.ID, today.AddDays(-30))
	p := sampleProgramme(r.ID)
	p.Status = assessment.StatusIssued
	if err := sqlite.NewProgrammeService(db).CreateProgramme(context.Background(), p); err != nil {
		tb.Fatal(err)
	}
	return p
}

func TestSessionLogService_CreateSessionLog(t *testing.T) {
	ctx := context.Background()

	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		p := mustIssued(t, db, "Ana")
		s := sqlite.NewSessionLogService(db)
		l := &assessment.SessionLog{ProgrammeID: p.ID, Date: today, Status: assessment.SessionPartial, Pain: 5, Doming: true,
			Note: "  Tired; baby up at night — Zoë's note  "}
		if err := s.CreateSessionLog(ctx, l); err != nil {
			t.Fatal(err)
		}
		if l.ID == 0 || l.ClientID != p.ClientID || !l.CreatedAt.Equal(now) {
			t.Fatalf("stored as id %d client %d at %v; want an id, client %d, %v", l.ID, l.ClientID, l.CreatedAt, p.ClientID, now)
		}
		got, err := s.FindSessionLogs(ctx, assessment.SessionLogFilter{ProgrammeID: p.ID})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || !reflect.DeepEqual(got[0], l) {
			t.Fatalf("read back %+v\nwant %+v", got, l)
		}
		if got[0].Note != "Tired; baby up at night — Zoë's note" {
			t.Errorf("note = %q; want it trimmed, accents kept", got[0].Note)
		}
	})

	t.Run("ErrInvalid", func(t *testing.T) {
		db := MustOpenDB(t)
		p := mustIssued(t, db, "Ana")
		tests := []struct {
			name  string
			log   assessment.SessionLog
			field string
		}{
			{"ErrPainHigh", assessment.SessionLog{ProgrammeID: p.ID, Date: today, Status: assessment.SessionDone, Pain: 11}, assessment.FieldSessionPain},
			{"ErrPainNegative", assessment.SessionLog{ProgrammeID: p.ID, Date: today, Status: assessment.SessionDone, Pain: -1}, assessment.FieldSessionPain},
			{"ErrFuture", assessment.SessionLog{ProgrammeID: p.ID, Date: today.AddDays(1), Status: assessment.SessionDone}, assessment.FieldSessionDate},
			{"ErrNoDate", assessment.SessionLog{ProgrammeID: p.ID, Status: assessment.SessionDone}, assessment.FieldSessionDate},
			{"ErrStatus", assessment.SessionLog{ProgrammeID: p.ID, Date: today, Status: "skipped"}, assessment.FieldSessionStatus},
			{"ErrNoProgramme", assessment.SessionLog{Date: today, Status: assessment.SessionDone}, assessment.FieldSessionProgramme},
			{"ErrNoteControl", assessment.SessionLog{ProgrammeID: p.ID, Date: today, Status: assessment.SessionDone, Note: "a\x00b"}, assessment.FieldSessionNote},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				err := sqlite.NewSessionLogService(db).CreateSessionLog(ctx, &tt.log)
				wantCode(t, err, assessment.EINVALID)
				if assessment.FieldErrors(err).For(tt.field) == "" {
					t.Errorf("error %v has no message for %s", err, tt.field)
				}
			})
		}
		logs, err := sqlite.NewSessionLogService(db).FindSessionLogs(ctx, assessment.SessionLogFilter{})
		if err != nil || len(logs) != 0 {
			t.Fatalf("%d logs stored after refused saves (%v); want none", len(logs), err)
		}
	})

	t.Run("ErrDraft", func(t *testing.T) {
		db := MustOpenDB(t)
		c := mustClient(t, db, "Ana")
		p := mustProgramme(t, db, mustRecord(t, db, c.ID, today).ID) // a draft
		err := sqlite.NewSessionLogService(db).CreateSessionLog(ctx, &assessment.SessionLog{ProgrammeID: p.ID, Date: today, Status: assessment.SessionDone})
		wantCode(t, err, assessment.ECONFLICT)
		noSQL(t, err)
	})

	t.Run("ErrSuperseded", func(t *testing.T) {
		db := MustOpenDB(t)
		p := mustIssued(t, db, "Ana")
		v2 := sampleProgramme(p.RecordID)
		v2.Lineage, v2.Status = p.Lineage, assessment.StatusIssued
		if err := sqlite.NewProgrammeService(db).CreateProgramme(ctx, v2); err != nil {
			t.Fatal(err)
		}
		err := sqlite.NewSessionLogService(db).CreateSessionLog(ctx, &assessment.SessionLog{ProgrammeID: p.ID, Date: today, Status: assessment.SessionDone})
		wantCode(t, err, assessment.ECONFLICT)
		if err := sqlite.NewSessionLogService(db).CreateSessionLog(ctx, &assessment.SessionLog{ProgrammeID: v2.ID, Date: today, Status: assessment.SessionDone}); err != nil {
			t.Fatalf("logging against the current version: %v", err)
		}
	})

	t.Run("ErrProgrammeNotFound", func(t *testing.T) {
		db := MustOpenDB(t)
		err := sqlite.NewSessionLogService(db).CreateSessionLog(ctx, &assessment.SessionLog{ProgrammeID: 999, Date: today, Status: assessment.SessionDone})
		wantCode(t, err, assessment.ENOTFOUND)
		noSQL(t, err)
	})
}

func TestSessionLogService_UpdateDelete(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	p := mustIssued(t, db, "Ana")
	s := sqlite.NewSessionLogService(db)
	l := &assessment.SessionLog{ProgrammeID: p.ID, Date: today.AddDays(-2), Status: assessment.SessionDone, Pain: 2}
	if err := s.CreateSessionLog(ctx, l); err != nil {
		t.Fatal(err)
	}

	t.Run("OK", func(t *testing.T) {
		upd := *l
		upd.Status, upd.Pain, upd.Note = assessment.SessionMissed, 0, "Poorly child"
		upd.ProgrammeID = 12345 // ignored: a log stays with its programme
		if err := s.UpdateSessionLog(ctx, &upd); err != nil {
			t.Fatal(err)
		}
		got, err := s.FindSessionLogs(ctx, assessment.SessionLogFilter{ClientID: p.ClientID})
		if err != nil || len(got) != 1 {
			t.Fatalf("%d logs (%v)", len(got), err)
		}
		if got[0].Status != assessment.SessionMissed || got[0].Note != "Poorly child" || got[0].ProgrammeID != p.ID {
			t.Errorf("after update %+v", got[0])
		}
	})
	t.Run("ErrUpdateInvalid", func(t *testing.T) {
		upd := *l
		upd.Pain = 12
		wantCode(t, s.UpdateSessionLog(ctx, &upd), assessment.EINVALID)
	})
	t.Run("ErrUpdateNotFound", func(t *testing.T) {
		upd := *l
		upd.ID = 999
		wantCode(t, s.UpdateSessionLog(ctx, &upd), assessment.ENOTFOUND)
	})
	t.Run("Delete", func(t *testing.T) {
		if err := s.DeleteSessionLog(ctx, l.ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, s.DeleteSessionLog(ctx, l.ID), assessment.ENOTFOUND)
	})
}

func TestSessionLogService_FindOrderAndCascade(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	a, b := mustIssued(t, db, "Ana"), mustIssued(t, db, "Bea")
	s := sqlite.NewSessionLogService(db)
	for _, l := range []*assessment.SessionLog{
		{ProgrammeID: a.ID, Date: today.AddDays(-1), Status: assessment.SessionDone},
		{ProgrammeID: b.ID, Date: today.AddDays(-9), Status: assessment.SessionDone},
		{ProgrammeID: a.ID, Date: today.AddDays(-5), Status: assessment.SessionMissed},
		{ProgrammeID: a.ID, Date: today.AddDays(-5), Status: assessment.SessionDone, Pain: 3},
	} {
		if err := s.CreateSessionLog(ctx, l); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.FindSessionLogs(ctx, assessment.SessionLogFilter{ClientID: a.ClientID})
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, l := range got {
		order = append(order, l.Date.String()+" "+l.Status)
	}
	want := []string{today.AddDays(-5).String() + " missed", today.AddDays(-5).String() + " done", today.AddDays(-1).String() + " done"}
	if !reflect.DeepEqual(order, want) {
		t.Fatalf("order %q; want %q (by date, then logged order; only her logs)", order, want)
	}
	if err := sqlite.NewProgrammeService(db).DeleteProgramme(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.FindSessionLogs(ctx, assessment.SessionLogFilter{ClientID: a.ClientID}); len(got) != 0 {
		t.Errorf("%d logs left after deleting their programme; want 0", len(got))
	}
	if got, _ := s.FindSessionLogs(ctx, assessment.SessionLogFilter{ClientID: b.ClientID}); len(got) != 1 {
		t.Errorf("the other client's log is gone")
	}
}

// TestSessionLog_PainSevenRegresses is the flow end to end on the
// real library: a session at pain 7 proposes a regression, and applying
// and storing it makes version 2 while version 1 stays, superseded.
func TestSessionLog_PainSevenRegresses(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	lib, err := assessment.ParseLibrary(assets.LibraryJSON)
	if err != nil {
		t.Fatal(err)
	}
	c := mustClient(t, db, "Zoë Ólafsdóttir-Łukasiewicz")
	rec := mustRecord(t, db, c.ID, today.AddDays(-14))
	rec.PelvicFloor = nil // keep the plan unblocked and simple (the screen is answered and cleared)
	gen, err := assessment.Generate(rec, lib, assessment.ProgrammeOptions{Weeks: 8, Start: today.AddDays(-7)})
	if err != nil {
		t.Fatal(err)
	}
	gen.RecordID, gen.Status = rec.ID, assessment.StatusIssued
	ps := sqlite.NewProgrammeService(db)
	if err := ps.CreateProgramme(ctx, gen); err != nil {
		t.Fatal(err)
	}
	// The first session day of the plan's second week (today's week).
	wk := gen.Weeks[1]
	var day assessment.Day
	var date assessment.Date
	for k := range 7 {
		d := wk.Start.AddDays(k)
		for _, x := range wk.Days {
			if x.Day == assessment.DayName(d.Weekday()) && len(x.Exercises) > 0 && day.Day == "" && !d.After(today) {
				day, date = x, d
			}
		}
	}
	if day.Day == "" {
		t.Fatal("fixture: no session in week 2 up to today")
	}
	logs := sqlite.NewSessionLogService(db)
	// She did that day's session and its first exercise hurt.
	l := &assessment.SessionLog{ProgrammeID: gen.ID, Date: date, Status: assessment.SessionDone, Pain: 7, Session: day.Day,
		Exercises: assessment.NewOutcomes(&assessment.PlannedSession{Exercises: day.Exercises}, assessment.SessionDone)}
	l.Exercises[0].Outcome = assessment.OutcomeHurt
	if err := logs.CreateSessionLog(ctx, l); err != nil {
		t.Fatal(err)
	}
	stored, err := logs.FindSessionLogs(ctx, assessment.SessionLogFilter{ClientID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != 1 || !reflect.DeepEqual(stored[0].Exercises, l.Exercises) || stored[0].Session != day.Day {
		t.Fatalf("stored %+v; want the session and its outcomes as logged", stored)
	}
	v1, err := ps.FindProgrammeByID(ctx, gen.ID)
	if err != nil {
		t.Fatal(err)
	}
	prop, err := assessment.Propose(rec, v1, stored, lib)
	if err != nil {
		t.Fatal(err)
	}
	if prop.Action != assessment.ActionRegress || prop.Light != assessment.LightRed || len(prop.Changes) != 1 || prop.Changes[0].ExerciseID != l.Exercises[0].ExerciseID {
		t.Fatalf("proposal %+v; want a regression of the one exercise that hurt", prop)
	}
	for _, ch := range prop.Changes {
		if ch.FromWeek != 2 {
			t.Errorf("change %+v starts in week %d; want 2", ch, ch.FromWeek)
		}
	}
	v2, err := assessment.Apply(rec, v1, prop, lib)
	if err != nil {
		t.Fatal(err)
	}
	if err := ps.CreateProgramme(ctx, v2); err != nil {
		t.Fatal(err)
	}
	if v2.Version != 2 || v2.Lineage != v1.Lineage || v2.ID == v1.ID {
		t.Fatalf("stored as version %d of lineage %d (id %d); want version 2 of %d", v2.Version, v2.Lineage, v2.ID, v1.Lineage)
	}
	old, err := ps.FindProgrammeByID(ctx, v1.ID)
	if err != nil {
		t.Fatalf("version 1 is gone: %v", err)
	}
	if old.Status != assessment.StatusSuperseded {
		t.Errorf("version 1 status %q; want superseded", old.Status)
	}
	if !reflect.DeepEqual(old.Weeks, v1.Weeks) {
		t.Error("version 1's weeks changed; the new version must not overwrite it")
	}
	cur, err := ps.FindProgrammes(ctx, assessment.ProgrammeFilter{ClientID: c.ID, LatestOnly: true})
	if err != nil || len(cur) != 1 || cur[0].ID != v2.ID || cur[0].Status != assessment.StatusIssued || cur[0].Note == "" {
		t.Fatalf("latest = %+v (%v); want version 2, issued, with a note", cur, err)
	}
	// The logged day of week 2 in version 2 holds the regressions.
	ch := prop.Changes[0]
	found := false
	for _, d := range cur[0].Weeks[1].Days {
		if d.Day != day.Day {
			continue
		}
		for _, x := range d.Exercises {
			if x.ExerciseID == ch.ExerciseID && ch.ToID != "" {
				t.Errorf("week 2 %s still has %s", d.Day, ch.ExerciseID)
			}
			found = found || x.ExerciseID == ch.ToID || (ch.ToID == "" && x.ExerciseID == ch.ExerciseID)
		}
	}
	if !found {
		t.Errorf("week 2 %s has no %q after the regression", day.Day, ch.ToID)
	}
	// The new version has no sessions of its own yet.
	again, err := assessment.Propose(rec, cur[0], stored, lib)
	if err != nil || again.Action != assessment.ActionNone {
		t.Errorf("proposal for version 2 = %+v (%v); want nothing logged yet", again, err)
	}
}

func TestProgrammeSchedule(t *testing.T) {
	// Migration 0002 copies each programme's start and phases into a table
	// for the due-for-reassessment query, on insert and on update.
	ctx := context.Background()
	path := t.TempDir() + "/keel.db"
	db := mustOpenAt(t, path)
	c := mustClient(t, db, "Ana")
	p := sampleProgramme(mustRecord(t, db, c.ID, today.AddDays(-30)).ID) // a draft: it may change in place
	if err := sqlite.NewProgrammeService(db).CreateProgramme(ctx, p); err != nil {
		t.Fatal(err)
	}
	read := func() (start, phases string) {
		t.Helper()
		if err := rawDB(t, path).QueryRow(`SELECT start_date, phases FROM programme_schedules WHERE programme_id = ?`, p.ID).Scan(&start, &phases); err != nil {
			t.Fatal(err)
		}
		return
	}
	start, phases := read()
	if start != "2026-03-09" || phases != "activation,1,2" {
		t.Fatalf("start %q phases %q after insert", start, phases)
	}
	p.Weeks[0].Start = assessment.NewDate(2026, 3, 16)
	p.Phases[0].LastWeek = 3
	p.Phases = append(p.Phases, assessment.Phase{Name: assessment.PhaseStrength, FirstWeek: 4, LastWeek: 8})
	if err := sqlite.NewProgrammeService(db).UpdateProgramme(ctx, p); err != nil {
		t.Fatal(err)
	}
	start, phases = read()
	if start != "2026-03-16" || phases != "activation,1,3;strength,4,8" {
		t.Fatalf("start %q phases %q after update", start, phases)
	}
	if err := sqlite.NewProgrammeService(db).DeleteProgramme(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := rawDB(t, path).QueryRow(`SELECT count(*) FROM programme_schedules`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d schedules left after deleting the programme (%v); want 0", n, err)
	}
}
