package sqlite_test

import (
	"context"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

const (
	msgRecordBlocked = "The assessment this programme came from now has a red flag without a medical clearance: regenerate the programme from it."
	msgOlderVersion  = "This is an older version of the programme; open the latest one to change it."
	msgStaleVersion  = "The programme changed since you opened it: open the latest version."
)

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
	r.RedFlags = &assessment.RedFlags{NightPain: assessment.TriYes}
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

// An older version is history: it cannot be edited or issued again while
// a newer version exists.
func TestProgrammeService_OlderVersion(t *testing.T) {
	ctx := context.Background()
	setup := func(t *testing.T) (*sqlite.DB, *assessment.Programme, *assessment.Programme) {
		db := MustOpenDB(t)
		c := mustClient(t, db, "Ana")
		r := mustRecord(t, db, c.ID, today.AddDays(-7))
		v1 := sampleProgramme(r.ID)
		v1.Status = assessment.StatusIssued
		s := sqlite.NewProgrammeService(db)
		if err := s.CreateProgramme(ctx, v1); err != nil {
			t.Fatal(err)
		}
		v2 := sampleProgramme(r.ID)
		v2.Lineage, v2.Status = v1.Lineage, assessment.StatusIssued
		if err := s.CreateProgramme(ctx, v2); err != nil {
			t.Fatal(err)
		}
		old, err := s.FindProgrammeByID(ctx, v1.ID)
		if err != nil {
			t.Fatal(err)
		}
		return db, old, v2
	}
	t.Run("ErrEdit", func(t *testing.T) {
		db, v1, _ := setup(t)
		v1.Note = "Changed afterwards."
		wantConflict(t, sqlite.NewProgrammeService(db).UpdateProgramme(ctx, v1), msgOlderVersion)
	})
	t.Run("ErrReissue", func(t *testing.T) {
		db, v1, _ := setup(t)
		v1.Status = assessment.StatusIssued
		wantConflict(t, sqlite.NewProgrammeService(db).UpdateProgramme(ctx, v1), msgOlderVersion)
		if got := storedStatus(t, db, v1.ID); got != assessment.StatusSuperseded {
			t.Errorf("version 1 is %q; want it still superseded", got)
		}
	})
	// The latest version, once issued, is what she holds: it does not
	// change in place either; the change is a new draft version.
	t.Run("ErrIssuedInPlace", func(t *testing.T) {
		db, _, v2 := setup(t)
		v2.Note = "Changed afterwards."
		err := sqlite.NewProgrammeService(db).UpdateProgramme(ctx, v2)
		if got := assessment.ConflictReason(err); got != assessment.ReasonIssued {
			t.Fatalf("reason %q (%v); want %q", got, err, assessment.ReasonIssued)
		}
	})
	t.Run("LatestDraftEditable", func(t *testing.T) {
		db, _, v2 := setup(t)
		s := sqlite.NewProgrammeService(db)
		v3, err := v2.Revise()
		if err != nil {
			t.Fatal(err)
		}
		if err := assessment.SaveRevision(ctx, s, v3); err != nil {
			t.Fatal(err)
		}
		v3.Note = "Fine."
		if err := s.UpdateProgramme(ctx, v3); err != nil {
			t.Fatal(err)
		}
		if got := storedStatus(t, db, v2.ID); got != assessment.StatusSuperseded {
			t.Errorf("version 2 is %q once version 3 is saved; want superseded", got)
		}
	})
	// A superseded version that is the latest again may be issued as it
	// stands, never changed.
	t.Run("ErrChangeAfterNewerDeleted", func(t *testing.T) {
		db, v1, v2 := setup(t)
		s := sqlite.NewProgrammeService(db)
		if err := s.DeleteProgramme(ctx, v2.ID); err != nil {
			t.Fatal(err)
		}
		v1.Note = "Changed afterwards."
		if got := assessment.ConflictReason(s.UpdateProgramme(ctx, v1)); got != assessment.ReasonIssued {
			t.Errorf("reason %q; want %q", got, assessment.ReasonIssued)
		}
	})
	// With the newer version deleted, the one left is the latest again,
	// and the coach may hand it out once more.
	t.Run("ReissueAfterNewerDeleted", func(t *testing.T) {
		db, v1, v2 := setup(t)
		s := sqlite.NewProgrammeService(db)
		if err := s.DeleteProgramme(ctx, v2.ID); err != nil {
			t.Fatal(err)
		}
		v1.Status = assessment.StatusIssued
		if err := s.UpdateProgramme(ctx, v1); err != nil {
			t.Fatal(err)
		}
	})
}

// A new version says which version it was made from (Version); made from
// anything but the latest, it is refused rather than silently undoing the
// versions saved in between.
func TestProgrammeService_NewVersionFromStale(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	c := mustClient(t, db, "Ana")
	r := mustRecord(t, db, c.ID, today.AddDays(-7))
	s := sqlite.NewProgrammeService(db)
	v1 := sampleProgramme(r.ID)
	v1.Status = assessment.StatusIssued
	if err := s.CreateProgramme(ctx, v1); err != nil {
		t.Fatal(err)
	}
	next := func(from int) *assessment.Programme {
		p := sampleProgramme(r.ID)
		p.Lineage, p.Version, p.Status = v1.Lineage, from, assessment.StatusIssued
		return p
	}

	v2 := next(1)
	if err := s.CreateProgramme(ctx, v2); err != nil {
		t.Fatalf("version 2 from version 1: %v", err)
	}
	if v2.Version != 2 {
		t.Fatalf("stored as version %d; want 2", v2.Version)
	}
	t.Run("ErrFromOlder", func(t *testing.T) {
		wantConflict(t, s.CreateProgramme(ctx, next(1)), msgStaleVersion)
		if got := storedStatus(t, db, v2.ID); got != assessment.StatusIssued {
			t.Errorf("version 2 is %q; want it untouched by the refused save", got)
		}
	})
	t.Run("ErrFromNewerThanLatest", func(t *testing.T) {
		wantConflict(t, s.CreateProgramme(ctx, next(7)), msgStaleVersion)
	})
	t.Run("NoVersionGiven", func(t *testing.T) {
		p := next(0) // a caller that does not say: stored on top, as before
		if err := s.CreateProgramme(ctx, p); err != nil || p.Version != 3 {
			t.Fatalf("version %d, %v; want 3", p.Version, err)
		}
	})
}
