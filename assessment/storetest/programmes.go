package storetest

import (
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func testProgrammes(t *testing.T, open func(t *testing.T) Stores) {
	t.Run("OK", func(t *testing.T) {
		s := open(t)
		c := mustClient(t, s, "Ana")
		r := mustRecord(t, s, c, s.Today, false)
		p := mustProgramme(t, s, c, r, s.Today)
		if p.ID == 0 || p.Lineage != p.ID || p.Version != 1 || p.Status != assessment.StatusDraft {
			t.Fatalf("stored as id %d lineage %d version %d %q; want version 1 of its own lineage, a draft", p.ID, p.Lineage, p.Version, p.Status)
		}
		got, err := s.Programmes.FindProgrammeByID(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.ClientID != c.ID || got.RecordID != r.ID || len(got.Weeks) != 6 {
			t.Errorf("read back client %d record %d, %d weeks", got.ClientID, got.RecordID, len(got.Weeks))
		}
	})
	t.Run("DraftChangesInPlace", func(t *testing.T) {
		s := open(t)
		c := mustClient(t, s, "Ana")
		p := mustProgramme(t, s, c, mustRecord(t, s, c, s.Today, false), s.Today)
		cp, err := p.Revise()
		if err != nil || cp.ID != p.ID {
			t.Fatalf("revision of a draft: id %d, %v; want the draft itself", cp.ID, err)
		}
		cp.Note = "Lighter first week."
		if err := assessment.SaveRevision(ctx, s.Programmes, cp); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Programmes.FindProgrammeByID(ctx, p.ID)
		if got == nil || got.Note != cp.Note || got.Version != 1 {
			t.Errorf("read back %+v; want the note on version 1", got)
		}
	})
	t.Run("ErrStatus", func(t *testing.T) {
		s := open(t)
		c := mustClient(t, s, "Ana")
		p := mustProgramme(t, s, c, mustRecord(t, s, c, s.Today, false), s.Today)
		p.Status = "handed"
		wantCode(t, s.Programmes.UpdateProgramme(ctx, p), assessment.EINVALID)
	})
	t.Run("ErrIssueFromBlockedRecord", func(t *testing.T) {
		s := open(t)
		c := mustClient(t, s, "Ana")
		r := mustRecord(t, s, c, s.Today, false)
		p := mustProgramme(t, s, c, r, s.Today)
		// A red flag raised on the assessment after the plan was made.
		r.RedFlags = &assessment.RedFlags{NightPain: assessment.TriYes}
		if err := s.Records.UpdateRecord(ctx, r); err != nil {
			t.Fatal(err)
		}
		p.Status = assessment.StatusIssued
		wantReason(t, s.Programmes.UpdateProgramme(ctx, p), assessment.ReasonRecordBlocked)
	})
}

// An issued programme is what the client holds: it never changes in
// place. A change is a new draft version; the issued one stays until that
// is issued, and then is superseded, kept as history.
func testIssued(t *testing.T, open func(t *testing.T) Stores) {
	issued := func(t *testing.T) (Stores, *assessment.Record, *assessment.Programme) {
		s := open(t)
		c := mustClient(t, s, "Ana")
		r := mustRecord(t, s, c, s.Today, false)
		p := mustProgramme(t, s, c, r, s.Today)
		if err := p.Issue(r); err != nil {
			t.Fatal(err)
		}
		if err := s.Programmes.UpdateProgramme(ctx, p); err != nil {
			t.Fatal(err)
		}
		return s, r, p
	}
	t.Run("ErrChangeInPlace", func(t *testing.T) {
		s, _, p := issued(t)
		p.Note = "Changed afterwards."
		wantReason(t, s.Programmes.UpdateProgramme(ctx, p), assessment.ReasonIssued)
		got, _ := s.Programmes.FindProgrammeByID(ctx, p.ID)
		if got == nil || got.Note != "" || got.Status != assessment.StatusIssued {
			t.Errorf("the issued programme changed: %+v", got)
		}
	})
	t.Run("ChangeMakesNewDraft", func(t *testing.T) {
		s, r, p := issued(t)
		changeIssued(t, s, r, p)
	})
	t.Run("ErrChangeOlderVersion", func(t *testing.T) {
		s, r, p := issued(t)
		v2, _ := p.Revise()
		if err := v2.Issue(r); err != nil {
			t.Fatal(err)
		}
		if err := assessment.SaveRevision(ctx, s.Programmes, v2); err != nil {
			t.Fatal(err)
		}
		old, _ := s.Programmes.FindProgrammeByID(ctx, p.ID)
		if _, err := old.Revise(); assessment.ConflictReason(err) != assessment.ReasonOlderVersion {
			t.Errorf("revising a superseded version: %v", err)
		}
		old.Status = assessment.StatusIssued
		wantReason(t, s.Programmes.UpdateProgramme(ctx, old), assessment.ReasonOlderVersion)
	})
	t.Run("ErrStaleVersion", func(t *testing.T) {
		s, _, p := issued(t)
		a, _ := p.Revise()
		b, _ := p.Revise() // a second window, opened on the same version
		if err := assessment.SaveRevision(ctx, s.Programmes, a); err != nil {
			t.Fatal(err)
		}
		wantReason(t, assessment.SaveRevision(ctx, s.Programmes, b), assessment.ReasonStaleVersion)
	})
}

// Her current programme is the newest issued one, and the due list reads
// the same programme's schedule.
func testCurrent(t *testing.T, open func(t *testing.T) Stores) {
	t.Run("Newest", func(t *testing.T) { testCurrentNewest(t, open(t)) })
	// A referral-only programme has no weeks: its schedule starts on the
	// day the coach chose.
	t.Run("BlockedSchedule", func(t *testing.T) {
		s := open(t)
		c := mustClient(t, s, "Ana")
		r := mustRecord(t, s, c, s.Today.AddDays(-14), true) // inside the due window
		p := mustProgramme(t, s, c, r, s.Today.AddDays(4))
		if !p.Blocked || len(p.Weeks) != 0 {
			t.Fatalf("programme from a flagged record: blocked %v, %d weeks", p.Blocked, len(p.Weeks))
		}
		if err := p.Issue(r); err != nil {
			t.Fatal(err)
		}
		if err := s.Programmes.UpdateProgramme(ctx, p); err != nil {
			t.Fatal(err)
		}
		checkDueSchedule(t, s, c, p)
	})
}

func testCurrentNewest(t *testing.T, s Stores) {
	c := mustClient(t, s, "Ana")
	r := mustRecord(t, s, c, s.Today.AddDays(-14), false)
	first := mustProgramme(t, s, c, r, s.Today.AddDays(-13))
	if err := first.Issue(r); err != nil {
		t.Fatal(err)
	}
	if err := s.Programmes.UpdateProgramme(ctx, first); err != nil {
		t.Fatal(err)
	}
	second := mustProgramme(t, s, c, r, s.Today.AddDays(-6))
	if err := second.Issue(r); err != nil {
		t.Fatal(err)
	}
	if err := s.Programmes.UpdateProgramme(ctx, second); err != nil {
		t.Fatal(err)
	}
	mustProgramme(t, s, c, r, s.Today) // a newer draft is not current
	ps, err := s.Programmes.FindProgrammes(ctx, assessment.ProgrammeFilter{ClientID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	cur := assessment.CurrentProgramme(ps)
	if cur == nil || cur.ID != second.ID {
		t.Fatalf("current programme %+v; want the newest issued (id %d)", cur, second.ID)
	}
	checkDueSchedule(t, s, c, cur)
}

// checkDueSchedule checks that the due list reads cur's schedule for c.
func checkDueSchedule(t *testing.T, s Stores, c *assessment.Client, cur *assessment.Programme) {
	t.Helper()
	if s.Due == nil {
		return
	}
	ins, err := s.Due.FindDueInputs(ctx, s.Today)
	if err != nil {
		t.Fatal(err)
	}
	start, phases := cur.Schedule()
	for _, in := range ins {
		if in.ClientID != c.ID {
			continue
		}
		if in.ProgrammeStart != start || len(in.Phases) != len(phases) {
			t.Errorf("due list schedule %v %v; want the current programme's %v %v", in.ProgrammeStart, in.Phases, start, phases)
		}
		return
	}
	t.Errorf("client %d missing from the due inputs %v", c.ID, ins)
}

// changeIssued makes a change to the issued programme p: a new draft
// version that she does not get until it is issued.
func changeIssued(t *testing.T, s Stores, r *assessment.Record, p *assessment.Programme) {
	v2, err := p.Revise()
	if err != nil {
		t.Fatal(err)
	}
	v2.Note = "Swapped the bridge."
	if err := assessment.SaveRevision(ctx, s.Programmes, v2); err != nil {
		t.Fatal(err)
	}
	if v2.ID == p.ID || v2.Lineage != p.Lineage || v2.Version != 2 || v2.Status != assessment.StatusDraft {
		t.Fatalf("new version id %d lineage %d version %d %q", v2.ID, v2.Lineage, v2.Version, v2.Status)
	}
	// She keeps the version she was given until the new one is issued.
	old, _ := s.Programmes.FindProgrammeByID(ctx, p.ID)
	if old == nil || old.Status != assessment.StatusIssued || old.Note != "" {
		t.Errorf("version 1 is %+v; want it kept as it was, still issued", old)
	}
	ps, _ := s.Programmes.FindProgrammes(ctx, assessment.ProgrammeFilter{ClientID: p.ClientID})
	if cur := assessment.CurrentProgramme(ps); cur == nil || cur.ID != p.ID {
		t.Errorf("current programme %+v while version 2 is a draft; want version 1", cur)
	}
	// The draft changes in place until it is issued.
	v2.Note = "Swapped the bridge; lighter week 1."
	if err := s.Programmes.UpdateProgramme(ctx, v2); err != nil {
		t.Fatal(err)
	}
	if err := v2.Issue(r); err != nil {
		t.Fatal(err)
	}
	if err := s.Programmes.UpdateProgramme(ctx, v2); err != nil {
		t.Fatal(err)
	}
	if got := status(t, s, p.ID); got != assessment.StatusSuperseded {
		t.Errorf("version 1 is %q once version 2 is issued; want superseded", got)
	}
}
