package sqlite_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// A deleted log comes back as it was (the coach's undo), even when its
// programme version has been replaced since: same id, fields and times.
func TestSessionLogService_RestoreSessionLog(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	p := mustIssued(t, db, "Ana")
	s := sqlite.NewSessionLogService(db)
	two := 2
	l := &assessment.SessionLog{ProgrammeID: p.ID, Date: today.AddDays(-1), Status: assessment.SessionDone, Pain: 7, Session: "mon",
		Exercises: []assessment.ExerciseOutcome{{ExerciseID: "glute_bridge", Name: "Glute bridge", Outcome: assessment.OutcomeHurt, Pain: &two}}}
	if err := s.CreateSessionLog(ctx, l); err != nil {
		t.Fatal(err)
	}
	// A newer version replaces the one the log belongs to.
	v2 := sampleProgramme(p.RecordID)
	v2.Lineage, v2.Status = p.Lineage, assessment.StatusIssued
	if err := sqlite.NewProgrammeService(db).CreateProgramme(ctx, v2); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSessionLog(ctx, l.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateSessionLog(ctx, l.Clone()); assessment.ErrorCode(err) != assessment.ECONFLICT {
		t.Fatalf("logging anew on a replaced version: %v; want ECONFLICT (why undo restores instead)", err)
	}
	back := l.Clone()
	if err := s.RestoreSessionLog(ctx, back); err != nil {
		t.Fatal(err)
	}
	got, err := s.FindSessionLogs(ctx, assessment.SessionLogFilter{ProgrammeID: p.ID})
	if err != nil || len(got) != 1 {
		t.Fatalf("%d logs (%v)", len(got), err)
	}
	if !reflect.DeepEqual(got[0], l) {
		t.Errorf("restored %+v\nwant %+v", got[0], l)
	}
	t.Run("ErrAlreadyThere", func(t *testing.T) {
		if err := s.RestoreSessionLog(ctx, l.Clone()); assessment.ErrorCode(err) != assessment.ECONFLICT {
			t.Errorf("restoring a log that is there: %v", err)
		}
	})
	t.Run("ErrProgrammeGone", func(t *testing.T) {
		gone := l.Clone()
		gone.ID, gone.ProgrammeID = 999, 12345
		if err := s.RestoreSessionLog(ctx, gone); assessment.ErrorCode(err) != assessment.ENOTFOUND {
			t.Errorf("restoring against a deleted programme: %v", err)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		bad := l.Clone()
		bad.ID, bad.Pain = 998, 11
		if err := s.RestoreSessionLog(ctx, bad); assessment.ErrorCode(err) != assessment.EINVALID {
			t.Errorf("restoring pain 11: %v", err)
		}
	})
}
