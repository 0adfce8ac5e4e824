package storetest

import (
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// versions stores version 1 of a programme, issued, and version 2 made
// from it, issued too.
func versions(t *testing.T, s Stores) (r *assessment.Record, v1, v2 *assessment.Programme) {
	t.Helper()
	c := mustClient(t, s, "Ana")
	r = mustRecord(t, s, c, s.Today.AddDays(-7), false)
	v1 = mustProgramme(t, s, c, r, s.Today)
	if err := v1.Issue(r); err != nil {
		t.Fatal(err)
	}
	if err := s.Programmes.UpdateProgramme(ctx, v1); err != nil {
		t.Fatal(err)
	}
	v2, err := v1.Revise()
	if err != nil {
		t.Fatal(err)
	}
	if err := v2.Issue(r); err != nil {
		t.Fatal(err)
	}
	if err := assessment.SaveRevision(ctx, s.Programmes, v2); err != nil {
		t.Fatal(err)
	}
	if v1, err = s.Programmes.FindProgrammeByID(ctx, v1.ID); err != nil {
		t.Fatal(err)
	}
	return r, v1, v2
}

func status(t *testing.T, s Stores, id int64) string {
	t.Helper()
	p, err := s.Programmes.FindProgrammeByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return p.Status
}

// An older version is history: it cannot be edited or issued again while
// a newer version exists; with the newer ones deleted it is the latest
// again and may be handed out once more, as it stands.
func testOlderVersion(t *testing.T, open func(t *testing.T) Stores) {
	t.Run("ErrEdit", func(t *testing.T) {
		s := open(t)
		_, v1, _ := versions(t, s)
		v1.Note = "Changed afterwards."
		wantReason(t, s.Programmes.UpdateProgramme(ctx, v1), assessment.ReasonOlderVersion)
	})
	t.Run("ErrReissue", func(t *testing.T) {
		s := open(t)
		_, v1, _ := versions(t, s)
		v1.Status = assessment.StatusIssued
		wantReason(t, s.Programmes.UpdateProgramme(ctx, v1), assessment.ReasonOlderVersion)
		if got := status(t, s, v1.ID); got != assessment.StatusSuperseded {
			t.Errorf("version 1 is %q; want it still superseded", got)
		}
	})
	t.Run("ReissueAfterNewerDeleted", func(t *testing.T) {
		s := open(t)
		_, v1, v2 := versions(t, s)
		if err := s.Programmes.DeleteProgramme(ctx, v2.ID); err != nil {
			t.Fatal(err)
		}
		v1.Status = assessment.StatusIssued
		if err := s.Programmes.UpdateProgramme(ctx, v1); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ErrChangeAfterNewerDeleted", func(t *testing.T) {
		s := open(t)
		_, v1, v2 := versions(t, s)
		if err := s.Programmes.DeleteProgramme(ctx, v2.ID); err != nil {
			t.Fatal(err)
		}
		v1.Note = "Changed afterwards."
		wantReason(t, s.Programmes.UpdateProgramme(ctx, v1), assessment.ReasonIssued)
	})
}

// A new version says which version it was made from (Version); made from
// anything but the latest, it is refused rather than silently undoing the
// versions saved in between.
func testStaleVersion(t *testing.T, open func(t *testing.T) Stores) {
	next := func(t *testing.T, v *assessment.Programme, from int) *assessment.Programme {
		p, err := v.Revise()
		if err != nil {
			t.Fatal(err)
		}
		p.Version = from
		return p
	}
	t.Run("ErrFromOlder", func(t *testing.T) {
		s := open(t)
		_, _, v2 := versions(t, s)
		wantReason(t, s.Programmes.CreateProgramme(ctx, next(t, v2, 1)), assessment.ReasonStaleVersion)
		if got := status(t, s, v2.ID); got != assessment.StatusIssued {
			t.Errorf("version 2 is %q; want it untouched by the refused save", got)
		}
	})
	t.Run("ErrFromNewerThanLatest", func(t *testing.T) {
		s := open(t)
		_, _, v2 := versions(t, s)
		wantReason(t, s.Programmes.CreateProgramme(ctx, next(t, v2, 7)), assessment.ReasonStaleVersion)
	})
	t.Run("NoVersionGiven", func(t *testing.T) {
		s := open(t)
		_, _, v2 := versions(t, s)
		p := next(t, v2, 0) // a caller that does not say: stored on top
		if err := s.Programmes.CreateProgramme(ctx, p); err != nil || p.Version != 3 {
			t.Fatalf("version %d, %v; want 3", p.Version, err)
		}
	})
}
