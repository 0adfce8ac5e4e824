package storetest

import (
	"reflect"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// testSessionLogs: a logged session keeps which session of the plan she
// did and how each exercise went (an unanswered pain stays unanswered, not
// 0); an edit replaces them; a delete removes the log; a draft takes none.
func testSessionLogs(t *testing.T, open func(t *testing.T) Stores) {
	issued := func(t *testing.T) (Stores, *assessment.Programme) {
		s := open(t)
		if s.SessionLogs == nil {
			t.Skip("this store does not keep session logs")
		}
		c := mustClient(t, s, "Ana")
		r := mustRecord(t, s, c, s.Today.AddDays(-14), false)
		p := mustProgramme(t, s, c, r, s.Today.AddDays(-7))
		if err := p.Issue(r); err != nil {
			t.Fatal(err)
		}
		if err := s.Programmes.UpdateProgramme(ctx, p); err != nil {
			t.Fatal(err)
		}
		return s, p
	}
	seven, three := 7, 3
	domed := true
	outcomes := func(p *assessment.Programme) (string, []assessment.ExerciseOutcome) {
		sessions, _ := assessment.SessionsAround(p, p.Weeks[0].Start)
		if len(sessions) == 0 {
			t.Fatal("fixture: the plan's first week has no session")
		}
		xs := assessment.NewOutcomes(&sessions[0], assessment.SessionPartial)
		for i := range xs {
			xs[i].Outcome = assessment.OutcomeDone
		}
		xs[0].Outcome, xs[0].Pain, xs[0].Doming = assessment.OutcomeHurt, &seven, &domed
		if len(xs) > 1 {
			xs[1].Outcome = assessment.OutcomeSkipped
		}
		return sessions[0].Day, xs
	}
	t.Run("OK", func(t *testing.T) {
		s, p := issued(t)
		day, xs := outcomes(p)
		l := &assessment.SessionLog{ProgrammeID: p.ID, Date: s.Today.AddDays(-1), Status: assessment.SessionPartial, Pain: 6, Session: day, Exercises: xs, Note: "Back sore after bridges"}
		if err := s.SessionLogs.CreateSessionLog(ctx, l); err != nil {
			t.Fatal(err)
		}
		got, err := s.SessionLogs.FindSessionLogs(ctx, assessment.SessionLogFilter{ProgrammeID: p.ID})
		if err != nil || len(got) != 1 {
			t.Fatalf("%d logs (%v); want 1", len(got), err)
		}
		if g := got[0]; g.Session != day || !reflect.DeepEqual(g.Exercises, xs) || g.Pain != 6 || g.Note != l.Note {
			t.Fatalf("stored %+v; want %+v", g, l)
		}
		for i, x := range got[0].Exercises {
			if i > 0 && x.Pain != nil {
				t.Errorf("%s: pain %d stored for an unanswered pain", x.Name, *x.Pain)
			}
		}
		// Edit: another session, the pain answered lower.
		e := got[0].Clone()
		e.Session, e.Pain = assessment.SessionOther, 3
		e.Exercises = nil
		if err := s.SessionLogs.UpdateSessionLog(ctx, e); err != nil {
			t.Fatal(err)
		}
		got, _ = s.SessionLogs.FindSessionLogs(ctx, assessment.SessionLogFilter{ProgrammeID: p.ID})
		if len(got) != 1 || got[0].Session != assessment.SessionOther || got[0].Exercises != nil || got[0].Pain != 3 {
			t.Fatalf("after the edit: %+v", got)
		}
		if err := s.SessionLogs.DeleteSessionLog(ctx, e.ID); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.SessionLogs.FindSessionLogs(ctx, assessment.SessionLogFilter{ProgrammeID: p.ID}); len(got) != 0 {
			t.Fatalf("%d logs after the delete", len(got))
		}
		wantCode(t, s.SessionLogs.DeleteSessionLog(ctx, e.ID), assessment.ENOTFOUND)
	})
	t.Run("ErrOutcome", func(t *testing.T) {
		s, p := issued(t)
		day, xs := outcomes(p)
		xs[0].Outcome = ""
		xs[0].Pain = &three
		l := &assessment.SessionLog{ProgrammeID: p.ID, Date: s.Today, Status: assessment.SessionDone, Session: day, Exercises: xs}
		err := s.SessionLogs.CreateSessionLog(ctx, l)
		wantCode(t, err, assessment.EINVALID)
		if assessment.FieldErrors(err).For(assessment.FieldSessionExercise(0)) == "" {
			t.Errorf("error %v names no exercise", err)
		}
		if got, _ := s.SessionLogs.FindSessionLogs(ctx, assessment.SessionLogFilter{ProgrammeID: p.ID}); len(got) != 0 {
			t.Fatalf("a refused log was stored: %+v", got)
		}
	})
	t.Run("Restore", func(t *testing.T) {
		s, p := issued(t)
		r, ok := s.SessionLogs.(assessment.SessionLogRestorer)
		if !ok {
			t.Skip("this store cannot put a deleted log back")
		}
		day, xs := outcomes(p)
		l := &assessment.SessionLog{ProgrammeID: p.ID, Date: s.Today.AddDays(-1), Status: assessment.SessionPartial, Pain: 7, Session: day, Exercises: xs}
		if err := s.SessionLogs.CreateSessionLog(ctx, l); err != nil {
			t.Fatal(err)
		}
		stored, _ := s.SessionLogs.FindSessionLogs(ctx, assessment.SessionLogFilter{ProgrammeID: p.ID})
		if len(stored) != 1 {
			t.Fatalf("%d logs", len(stored))
		}
		if err := s.SessionLogs.DeleteSessionLog(ctx, l.ID); err != nil {
			t.Fatal(err)
		}
		if err := r.RestoreSessionLog(ctx, stored[0].Clone()); err != nil {
			t.Fatal(err)
		}
		got, _ := s.SessionLogs.FindSessionLogs(ctx, assessment.SessionLogFilter{ProgrammeID: p.ID})
		if len(got) != 1 || !reflect.DeepEqual(got[0], stored[0]) {
			t.Fatalf("restored %+v\nwant %+v", got, stored[0])
		}
		wantCode(t, r.RestoreSessionLog(ctx, stored[0].Clone()), assessment.ECONFLICT)
		gone := stored[0].Clone()
		gone.ID, gone.ProgrammeID = gone.ID+1000, 987654
		wantCode(t, r.RestoreSessionLog(ctx, gone), assessment.ENOTFOUND)
	})
}
