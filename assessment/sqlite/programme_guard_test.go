package sqlite_test

import (
	"context"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

const msgRecordBlocked = "The assessment this programme came from now has a red flag without a medical clearance: regenerate the programme from it."

// wantConflict fails unless err is ECONFLICT with message msg.
func wantConflict(tb testing.TB, err error, msg string) {
	tb.Helper()
	if assessment.ErrorCode(err) != assessment.ECONFLICT || assessment.ErrorMessage(err) != msg {
		tb.Fatalf("err = %v; want ECONFLICT %q", err, msg)
	}
}

// raiseRedFlag saves r again with a red flag answered yes and its medical
// clearance removed, as a coach correcting the screen after the programme
// was made would.
func raiseRedFlag(tb testing.TB, db *sqlite.DB, r *assessment.Record) {
	tb.Helper()
	r.RedFlags.NightPain = assessment.TriYes // the rest of the screen stays answered
	r.MedicalClearance = nil
	if err := sqlite.NewRecordService(db).UpdateRecord(context.Background(), r); err != nil {
		tb.Fatal(err)
	}
	if !assessment.Blocked(assessment.Gates(r)) {
		tb.Fatal("the fixture does not block: the test would prove nothing")
	}
}

func storedStatus(tb testing.TB, db *sqlite.DB, id int64) string {
	tb.Helper()
	p, err := sqlite.NewProgrammeService(db).FindProgrammeByID(context.Background(), id)
	if err != nil {
		tb.Fatal(err)
	}
	return p.Status
}

// A red flag recorded on the assessment after its programme was made stops
// the programme being handed out or followed until it is regenerated (or a
// clearance is recorded).
func TestProgrammeService_RecordNowBlocked(t *testing.T) {
	ctx := context.Background()
	setup := func(t *testing.T) (*sqlite.DB, *assessment.Record, *assessment.Programme) {
		db := MustOpenDB(t)
		c := mustClient(t, db, "Ana")
		r := mustRecord(t, db, c.ID, today.AddDays(-7))
		p := mustProgramme(t, db, r.ID) // a draft, made while the record allowed it
		return db, r, p
	}

	t.Run("ErrIssue", func(t *testing.T) {
		db, r, p := setup(t)
		raiseRedFlag(t, db, r)
		p.Status = assessment.StatusIssued
		wantConflict(t, sqlite.NewProgrammeService(db).UpdateProgramme(ctx, p), msgRecordBlocked)
		if got := storedStatus(t, db, p.ID); got != assessment.StatusDraft {
			t.Errorf("stored status %q; want it still a draft", got)
		}
	})
	t.Run("ErrCreateIssued", func(t *testing.T) {
		db, r, _ := setup(t)
		raiseRedFlag(t, db, r)
		p := sampleProgramme(r.ID)
		p.Status = assessment.StatusIssued
		wantConflict(t, sqlite.NewProgrammeService(db).CreateProgramme(ctx, p), msgRecordBlocked)
	})
	t.Run("ErrNewIssuedVersion", func(t *testing.T) {
		db, r, p := setup(t)
		p.Status = assessment.StatusIssued
		if err := sqlite.NewProgrammeService(db).UpdateProgramme(ctx, p); err != nil {
			t.Fatal(err)
		}
		raiseRedFlag(t, db, r)
		v2 := sampleProgramme(r.ID)
		v2.Lineage, v2.Status = p.Lineage, assessment.StatusIssued
		wantConflict(t, sqlite.NewProgrammeService(db).CreateProgramme(ctx, v2), msgRecordBlocked)
		if got := storedStatus(t, db, p.ID); got != assessment.StatusIssued {
			t.Errorf("version 1 is %q; want it left issued (the refused save changed nothing)", got)
		}
	})
	t.Run("ErrLogSession", func(t *testing.T) {
		db, r, p := setup(t)
		p.Status = assessment.StatusIssued
		if err := sqlite.NewProgrammeService(db).UpdateProgramme(ctx, p); err != nil {
			t.Fatal(err)
		}
		raiseRedFlag(t, db, r)
		err := sqlite.NewSessionLogService(db).CreateSessionLog(ctx, &assessment.SessionLog{ProgrammeID: p.ID, Date: today, Status: assessment.SessionDone})
		wantConflict(t, err, msgRecordBlocked)
		if got := assessment.FieldErrors(err).For(assessment.FieldSessionProgramme); got == "" {
			t.Error("the refusal is not about the programme field")
		}
	})
	// What a blocked record still allows: a draft, taking the programme
	// back to draft, and a Blocked programme (referrals only).
	t.Run("DraftAllowed", func(t *testing.T) {
		db, r, p := setup(t)
		raiseRedFlag(t, db, r)
		p.Note = "Waiting for her GP."
		if err := sqlite.NewProgrammeService(db).UpdateProgramme(ctx, p); err != nil {
			t.Fatal(err)
		}
		if err := sqlite.NewProgrammeService(db).CreateProgramme(ctx, sampleProgramme(r.ID)); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("BlockedProgrammeAllowed", func(t *testing.T) {
		db, r, _ := setup(t)
		raiseRedFlag(t, db, r)
		p, err := assessment.Generate(r, builtinLibrary(t), assessment.ProgrammeOptions{Weeks: 8, Start: today})
		if err != nil {
			t.Fatal(err)
		}
		if !p.Blocked {
			t.Fatal("Generate did not block: the fixture is wrong")
		}
		p.RecordID, p.Status = r.ID, assessment.StatusIssued
		if err := sqlite.NewProgrammeService(db).CreateProgramme(ctx, p); err != nil {
			t.Fatalf("issuing the referral-only programme: %v", err)
		}
		l := &assessment.SessionLog{ProgrammeID: p.ID, Date: today, Status: assessment.SessionMissed}
		if err := sqlite.NewSessionLogService(db).CreateSessionLog(ctx, l); err != nil {
			t.Fatalf("logging against the referral-only programme: %v", err)
		}
	})
	t.Run("ClearanceUnblocks", func(t *testing.T) {
		db, r, p := setup(t)
		raiseRedFlag(t, db, r)
		r.MedicalClearance = &assessment.Clearance{Date: r.Date, By: "Dr Okafor (GP)"}
		if err := sqlite.NewRecordService(db).UpdateRecord(ctx, r); err != nil {
			t.Fatal(err)
		}
		p.Status = assessment.StatusIssued
		if err := sqlite.NewProgrammeService(db).UpdateProgramme(ctx, p); err != nil {
			t.Fatal(err)
		}
		if err := sqlite.NewSessionLogService(db).CreateSessionLog(ctx, &assessment.SessionLog{ProgrammeID: p.ID, Date: today, Status: assessment.SessionDone}); err != nil {
			t.Fatal(err)
		}
	})
}
