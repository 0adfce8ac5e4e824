package sqlite_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

func newClient(name string) *assessment.Client {
	return &assessment.Client{Name: name}
}

func fullClient() *assessment.Client {
	return &assessment.Client{
		Name:          "Zoë Ólafsdóttir-Łukasiewicz",
		PreferredName: "Zoë",
		BirthDate:     assessment.NewDate(1992, 1, 17),
		Phone:         "+354 555 0142",
		Email:         "zoe@example.com",
		Births:        2,
		LastDelivery:  assessment.NewDate(2025, 11, 24),
		DeliveryMode:  assessment.DeliveryCaesarean,
		Clearance:     &assessment.Clearance{Date: assessment.NewDate(2026, 2, 1), By: "Dr Patel (GP)"},
		Notes:         "Lifts her toddler into the car seat many times a day.\nWorse in the evening.",
	}
}

func TestClientService_CreateClient(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		s := sqlite.NewClientService(MustOpenDB(t))
		c := fullClient()
		if err := s.CreateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
		if c.ID == 0 {
			t.Fatal("ID not set")
		}
		if !c.CreatedAt.Equal(now) || !c.UpdatedAt.Equal(now) {
			t.Fatalf("times = %v, %v; want %v", c.CreatedAt, c.UpdatedAt, now)
		}
		got, err := s.FindClientByID(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, c) {
			t.Fatalf("read back\n%+v\nwant\n%+v", got, c)
		}
	})

	t.Run("NoClearanceStaysNil", func(t *testing.T) {
		s := sqlite.NewClientService(MustOpenDB(t))
		c := newClient("Ana")
		if err := s.CreateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
		got, err := s.FindClientByID(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Clearance != nil || !got.BirthDate.IsZero() || !got.LastDelivery.IsZero() {
			t.Fatalf("empty fields came back filled: %+v", got)
		}
	})

	t.Run("ErrNameRequired", func(t *testing.T) {
		s := sqlite.NewClientService(MustOpenDB(t))
		err := s.CreateClient(ctx, newClient("   "))
		wantCode(t, err, assessment.EINVALID)
		if msg := assessment.FieldErrors(err).For(assessment.FieldName); msg == "" {
			t.Fatalf("no message for the name field in %v", err)
		}
		if _, n, _ := s.FindClients(ctx, assessment.ClientFilter{IncludeArchived: true}); n != 0 {
			t.Fatalf("%d clients stored after a refused save", n)
		}
	})

	t.Run("ErrBirthDateInFuture", func(t *testing.T) {
		s := sqlite.NewClientService(MustOpenDB(t))
		c := newClient("Ana")
		c.BirthDate = today.AddDays(1) // validated against the database clock
		err := s.CreateClient(ctx, c)
		wantCode(t, err, assessment.EINVALID)
		if assessment.FieldErrors(err).For(assessment.FieldBirthDate) == "" {
			t.Fatalf("no birth date message in %v", err)
		}
	})

	t.Run("ErrNil", func(t *testing.T) {
		s := sqlite.NewClientService(MustOpenDB(t))
		wantCode(t, s.CreateClient(ctx, nil), assessment.EINVALID)
		wantCode(t, s.UpdateClient(ctx, nil), assessment.EINVALID)
	})
}

func TestClientService_UpdateClient(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		s := sqlite.NewClientService(db)
		c := fullClient()
		if err := s.CreateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
		later := now.Add(48 * time.Hour)
		db.Now = func() time.Time { return later }
		c.Name = "Zoë Ólafsdóttir"
		c.Clearance = nil
		c.Births = 3
		if err := s.UpdateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
		got, err := s.FindClientByID(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != "Zoë Ólafsdóttir" || got.Clearance != nil || got.Births != 3 {
			t.Fatalf("update not stored: %+v", got)
		}
		if !got.CreatedAt.Equal(now) || !got.UpdatedAt.Equal(later) {
			t.Fatalf("times = %v, %v; want created %v, updated %v", got.CreatedAt, got.UpdatedAt, now, later)
		}
		// The search key follows the new name.
		if _, n, _ := s.FindClients(ctx, assessment.ClientFilter{Query: "lukasiewicz"}); n != 0 {
			t.Fatalf("old name still found after rename")
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		s := sqlite.NewClientService(MustOpenDB(t))
		c := newClient("Ana")
		c.ID = 42
		err := s.UpdateClient(ctx, c)
		wantCode(t, err, assessment.ENOTFOUND)
		noSQL(t, err)
	})

	t.Run("ErrInvalidKeepsStored", func(t *testing.T) {
		s := sqlite.NewClientService(MustOpenDB(t))
		c := newClient("Ana")
		if err := s.CreateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
		c.Email = "not an email"
		wantCode(t, s.UpdateClient(ctx, c), assessment.EINVALID)
		got, _ := s.FindClientByID(ctx, c.ID)
		if got.Email != "" {
			t.Fatalf("invalid email stored: %q", got.Email)
		}
	})
}

func TestClientService_FindClientByID(t *testing.T) {
	t.Run("ErrNotFound", func(t *testing.T) {
		s := sqlite.NewClientService(MustOpenDB(t))
		_, err := s.FindClientByID(context.Background(), 7)
		wantCode(t, err, assessment.ENOTFOUND)
		noSQL(t, err)
	})
}

func names(cs []*assessment.Client) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name
	}
	return out
}

func TestClientService_FindClients(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	s := sqlite.NewClientService(db)
	for _, c := range []*assessment.Client{
		{Name: "Zoë Ólafsdóttir-Łukasiewicz", PreferredName: "Zoë"},
		{Name: "Siobhán Ní Bhriain", PreferredName: "Shiv"},
		{Name: "Amélie Durand"},
		{Name: "Małgorzata Wiśniewska", PreferredName: "Gosia"},
		{Name: "Ingrid Søndergaard"},
		{Name: "anna smith"},
		{Name: "Zara 50% Off"},
		{Name: "Joanna Smith"},
		{Name: "Åsa Berg"},
	} {
		if err := s.CreateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
	}

	tests := []struct {
		name  string
		query string
		want  []string
	}{
		{"All", "", []string{"Amélie Durand", "anna smith", "Åsa Berg", "Ingrid Søndergaard", "Joanna Smith",
			"Małgorzata Wiśniewska", "Siobhán Ní Bhriain", "Zara 50% Off", "Zoë Ólafsdóttir-Łukasiewicz"}},
		{"AccentFreeFindsAccented", "zoe", []string{"Zoë Ólafsdóttir-Łukasiewicz"}},
		{"StrokeL", "lukasiewicz", []string{"Zoë Ólafsdóttir-Łukasiewicz"}},
		{"AccentedQuery", "ZOË", []string{"Zoë Ólafsdóttir-Łukasiewicz"}},
		{"SlashedO", "sondergaard", []string{"Ingrid Søndergaard"}},
		{"PreferredName", "gosia", []string{"Małgorzata Wiśniewska"}},
		{"PreferredNameShort", "SHIV", []string{"Siobhán Ní Bhriain"}},
		{"Substring", "smith", []string{"anna smith", "Joanna Smith"}},
		{"WordsInAnyOrder", "smith jo", []string{"Joanna Smith"}},
		{"PercentIsLiteral", "50%", []string{"Zara 50% Off"}},
		{"PercentAloneIsLiteral", "%", []string{"Zara 50% Off"}},
		{"UnderscoreIsLiteral", "_", []string{}},
		{"NoMatch", "xyz", []string{}},
		{"SpacesOnly", "   ", []string{"Amélie Durand", "anna smith", "Åsa Berg", "Ingrid Søndergaard", "Joanna Smith",
			"Małgorzata Wiśniewska", "Siobhán Ní Bhriain", "Zara 50% Off", "Zoë Ólafsdóttir-Łukasiewicz"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, n, err := s.FindClients(ctx, assessment.ClientFilter{Query: tt.query})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(names(got), tt.want) {
				t.Fatalf("FindClients(%q) = %q, want %q", tt.query, names(got), tt.want)
			}
			if n != len(tt.want) {
				t.Fatalf("total = %d, want %d", n, len(tt.want))
			}
		})
	}

	t.Run("Pages", func(t *testing.T) {
		var all []string
		for off := 0; ; off += 4 {
			page, n, err := s.FindClients(ctx, assessment.ClientFilter{Offset: off, Limit: 4})
			if err != nil {
				t.Fatal(err)
			}
			if n != 9 {
				t.Fatalf("total = %d on page at %d, want 9", n, off)
			}
			if len(page) == 0 {
				break
			}
			if len(page) > 4 {
				t.Fatalf("page of %d, limit 4", len(page))
			}
			all = append(all, names(page)...)
		}
		want, _, _ := s.FindClients(ctx, assessment.ClientFilter{})
		if !reflect.DeepEqual(all, names(want)) {
			t.Fatalf("pages joined = %q, want %q", all, names(want))
		}
	})

	t.Run("NegativeOffsetIsStart", func(t *testing.T) {
		got, _, err := s.FindClients(ctx, assessment.ClientFilter{Offset: -3, Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Name != "Amélie Durand" {
			t.Fatalf("got %q", names(got))
		}
	})
}

func TestClientService_SetArchived(t *testing.T) {
	ctx := context.Background()
	s := sqlite.NewClientService(MustOpenDB(t))
	a, b := newClient("Ana"), newClient("Bea")
	for _, c := range []*assessment.Client{a, b} {
		if err := s.CreateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetArchived(ctx, a.ID, true); err != nil {
		t.Fatal(err)
	}
	active, n, err := s.FindClients(ctx, assessment.ClientFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 || len(active) != 1 || active[0].ID != b.ID {
		t.Fatalf("active clients = %q, want only Bea", names(active))
	}
	if _, n, _ := s.FindClients(ctx, assessment.ClientFilter{Query: "ana"}); n != 0 {
		t.Fatal("a search of active clients found the archived one")
	}
	all, n, _ := s.FindClients(ctx, assessment.ClientFilter{IncludeArchived: true})
	if n != 2 || !all[0].Archived {
		t.Fatalf("with archived: %d clients, first archived=%v", n, all[0].Archived)
	}
	got, _ := s.FindClientByID(ctx, a.ID)
	if !got.Archived {
		t.Fatal("FindClientByID does not show the client archived")
	}

	if err := s.SetArchived(ctx, a.ID, false); err != nil {
		t.Fatal(err)
	}
	if _, n, _ := s.FindClients(ctx, assessment.ClientFilter{}); n != 2 {
		t.Fatalf("after unarchive %d active clients, want 2", n)
	}

	t.Run("ErrNotFound", func(t *testing.T) {
		wantCode(t, s.SetArchived(ctx, 999, true), assessment.ENOTFOUND)
	})
}
