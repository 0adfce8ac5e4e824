package storetest

import (
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func testClients(t *testing.T, open func(t *testing.T) Stores) {
	t.Run("OK", func(t *testing.T) {
		s := open(t)
		c := mustClient(t, s, "Zoë Ólafsdóttir")
		if c.ID == 0 || c.CreatedAt.IsZero() {
			t.Fatalf("stored client has id %d, created %v", c.ID, c.CreatedAt)
		}
		got, err := s.Clients.FindClientByID(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != c.Name || got.LastDelivery != c.LastDelivery || got.Births != 1 {
			t.Errorf("read back %+v; want %+v", got, c)
		}
	})
	t.Run("BirthsNotRecorded", func(t *testing.T) {
		// Not recorded and a recorded 0 are kept apart (missing is never
		// "no births").
		s := open(t)
		unknown := &assessment.Client{Name: "Ama", BirthsUnknown: true}
		none := &assessment.Client{Name: "Bea"}
		for _, c := range []*assessment.Client{unknown, none} {
			if err := s.Clients.CreateClient(ctx, c); err != nil {
				t.Fatal(err)
			}
		}
		if got, err := s.Clients.FindClientByID(ctx, unknown.ID); err != nil || !got.BirthsUnknown {
			t.Errorf("not recorded read back as %+v (%v)", got, err)
		}
		got, err := s.Clients.FindClientByID(ctx, none.ID)
		if err != nil || got.BirthsUnknown || got.Births != 0 {
			t.Fatalf("a recorded 0 read back as %+v (%v)", got, err)
		}
		got.BirthsUnknown = true
		if err := s.Clients.UpdateClient(ctx, got); err != nil {
			t.Fatal(err)
		}
		if again, _ := s.Clients.FindClientByID(ctx, none.ID); !again.BirthsUnknown {
			t.Error("an update to not recorded was not kept")
		}
		wantCode(t, s.Clients.CreateClient(ctx, &assessment.Client{Name: "Cai", Births: 2, BirthsUnknown: true}), assessment.EINVALID)
	})
	t.Run("ErrNameRequired", func(t *testing.T) {
		s := open(t)
		err := s.Clients.CreateClient(ctx, &assessment.Client{Name: "  "})
		wantCode(t, err, assessment.EINVALID)
		if assessment.FieldErrors(err).For(assessment.FieldName) == "" {
			t.Errorf("no message on the name: %v", err)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		s := open(t)
		_, err := s.Clients.FindClientByID(ctx, 999)
		wantCode(t, err, assessment.ENOTFOUND)
		wantCode(t, s.Clients.UpdateClient(ctx, &assessment.Client{ID: 999, Name: "X"}), assessment.ENOTFOUND)
		wantCode(t, s.Clients.DeleteClient(ctx, 999), assessment.ENOTFOUND)
	})
	t.Run("Update", func(t *testing.T) {
		s := open(t)
		c := mustClient(t, s, "Ana")
		c.PreferredName = "Annie"
		if err := s.Clients.UpdateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Clients.FindClientByID(ctx, c.ID)
		if got == nil || got.PreferredName != "Annie" {
			t.Errorf("read back %+v; want the preferred name saved", got)
		}
	})
	t.Run("Archive", func(t *testing.T) {
		s := open(t)
		a, b := mustClient(t, s, "Ana"), mustClient(t, s, "Bea")
		if err := s.Clients.SetArchived(ctx, a.ID, true); err != nil {
			t.Fatal(err)
		}
		cs, n, err := s.Clients.FindClients(ctx, assessment.ClientFilter{})
		if err != nil || n != 1 || len(cs) != 1 || cs[0].ID != b.ID {
			t.Fatalf("active clients %v (%d, %v); want Bea only", cs, n, err)
		}
		if _, n, _ := s.Clients.FindClients(ctx, assessment.ClientFilter{IncludeArchived: true}); n != 2 {
			t.Errorf("%d clients with the archived; want 2", n)
		}
	})
	t.Run("DeleteTakesHerData", func(t *testing.T) {
		s := open(t)
		c := mustClient(t, s, "Ana")
		r := mustRecord(t, s, c, s.Today, false)
		p := mustProgramme(t, s, c, r, s.Today)
		if err := s.Clients.DeleteClient(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		_, err := s.Records.FindRecordByID(ctx, r.ID)
		wantCode(t, err, assessment.ENOTFOUND)
		_, err = s.Programmes.FindProgrammeByID(ctx, p.ID)
		wantCode(t, err, assessment.ENOTFOUND)
	})
}

func testRecords(t *testing.T, open func(t *testing.T) Stores) {
	t.Run("OK", func(t *testing.T) {
		s := open(t)
		c := mustClient(t, s, "Ana")
		r := mustRecord(t, s, c, s.Today, true)
		got, err := s.Records.FindRecordByID(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.ClientID != c.ID || got.Date != s.Today || got.RedFlags == nil || got.RedFlags.NightPain != assessment.TriUnsure {
			t.Errorf("read back %+v", got)
		}
		rs, err := s.Records.FindRecords(ctx, assessment.RecordFilter{ClientID: c.ID})
		if err != nil || len(rs) != 1 {
			t.Errorf("her records %v, %v; want one", rs, err)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		s := open(t)
		c := mustClient(t, s, "Ana")
		r := assessment.NewIntake(c, s.Today, "")
		r.Pain = &assessment.Pain{Now: new(int)}
		*r.Pain.Now = 11
		wantCode(t, s.Records.CreateRecord(ctx, r), assessment.EINVALID)
	})
	t.Run("Delete", func(t *testing.T) {
		s := open(t)
		c := mustClient(t, s, "Ana")
		r := mustRecord(t, s, c, s.Today, false)
		if err := s.Records.DeleteRecord(ctx, r.ID); err != nil {
			t.Fatal(err)
		}
		wantCode(t, s.Records.DeleteRecord(ctx, r.ID), assessment.ENOTFOUND)
	})
}
