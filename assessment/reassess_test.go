package assessment_test

import (
	"slices"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
)

// wfFull is a saved assessment with a red flag, a clearance, notes and
// four sections tested.
func wfFull() *assessment.Record {
	r := wfRecord()
	r.Coach, r.Notes = "Jo", "Tired today."
	r.CreatedAt, r.UpdatedAt = time.Unix(100, 0), time.Unix(200, 0)
	r.RedFlags = &assessment.RedFlags{NightPain: assessment.TriYes}
	r.MedicalClearance = &assessment.Clearance{Date: assessment.NewDate(2026, 3, 6), By: "Dr Patel (GP)"}
	r.GPGoAhead = &assessment.Clearance{Date: assessment.NewDate(2026, 2, 20), By: "Dr Okafor (GP)"}
	r.Pain = &assessment.Pain{Now: wfInt(4)}
	r.Diastasis = &assessment.Diastasis{At: &assessment.DiastasisSite{WidthMM: wfInt(25)}}
	r.CarriedOver = []string{assessment.SectionPain}
	return r
}

func TestReassessment(t *testing.T) {
	today := assessment.NewDate(2026, 4, 15) // 6 weeks after 4 March
	c := &assessment.Client{ID: 7, Name: "Ana Novak", Births: 1, LastDelivery: assessment.NewDate(2025, 7, 30)}
	from := wfFull()
	r := assessment.Reassessment(from, c, today, "Sam")

	t.Run("DropsClearance", func(t *testing.T) {
		// A clearance answers the red flags of the assessment the doctor
		// saw; the reassessment stays blocked until it has its own.
		if r.MedicalClearance != nil {
			t.Fatalf("clearance %+v copied into the reassessment", r.MedicalClearance)
		}
		if !assessment.Blocked(assessment.Gates(r)) {
			t.Error("a reassessment with the red flag still raised is not blocked")
		}
		if from.MedicalClearance == nil {
			t.Error("the earlier assessment lost its clearance")
		}
	})
	t.Run("KeepsGPGoAhead", func(t *testing.T) {
		// The go-ahead after a caesarean answers the birth, not a session.
		if r.GPGoAhead == nil || *r.GPGoAhead != *from.GPGoAhead || r.GPGoAhead == from.GPGoAhead {
			t.Errorf("go-ahead %+v; want a copy of %+v", r.GPGoAhead, from.GPGoAhead)
		}
	})
	t.Run("ResetsIdentity", func(t *testing.T) {
		if r.ID != 0 || !r.CreatedAt.IsZero() || !r.UpdatedAt.IsZero() {
			t.Errorf("id %d created %v updated %v; want a new record", r.ID, r.CreatedAt, r.UpdatedAt)
		}
		if r.Date != today || r.Kind != assessment.KindReassessment || r.Notes != "" || r.Coach != "Sam" || r.ClientID != 7 {
			t.Errorf("date %v kind %q notes %q coach %q client %d", r.Date, r.Kind, r.Notes, r.Coach, r.ClientID)
		}
		if r.Client == nil || r.Client.Name != "Ana Novak" {
			t.Errorf("client snapshot %+v; want her as she is today", r.Client)
		}
	})
	t.Run("MarksCarriedOver", func(t *testing.T) {
		want := []string{assessment.SectionContext, assessment.SectionRedFlags, assessment.SectionPain, assessment.SectionDiastasis}
		if !slices.Equal(r.CarriedOver, want) {
			t.Errorf("carried over %v; want %v", r.CarriedOver, want)
		}
		for _, k := range want {
			if !assessment.SameSection(r, from, k) {
				t.Errorf("section %s differs from the one it was copied from", k)
			}
		}
	})
	t.Run("MovesWeeksOn", func(t *testing.T) {
		w, _ := c.WeeksPostpartum(today)
		if r.Context.WeeksPostpartum == nil || *r.Context.WeeksPostpartum != w {
			t.Errorf("weeks %v; want %d from her delivery date", r.Context.WeeksPostpartum, w)
		}
		if *from.Context.WeeksPostpartum != 30 {
			t.Error("the earlier assessment's weeks changed")
		}
	})
	t.Run("DeepCopy", func(t *testing.T) {
		*r.Pain.Now = 9
		if *from.Pain.Now != 4 {
			t.Error("changing the reassessment changed the earlier assessment")
		}
	})
	t.Run("CoachKeptWhenNoneNamed", func(t *testing.T) {
		if got := assessment.Reassessment(from, c, today, "").Coach; got != "Jo" {
			t.Errorf("coach %q; want the earlier one", got)
		}
	})
}

func TestWeeksPostpartumOn(t *testing.T) {
	from := wfRecord() // 30 weeks on 4 March 2026
	noDate := &assessment.Client{ID: 7}
	withDate := &assessment.Client{ID: 7, LastDelivery: assessment.NewDate(2025, 7, 30)}
	for _, tt := range []struct {
		name   string
		c      *assessment.Client
		from   *assessment.Record
		on     assessment.Date
		want   int
		wantOK bool
	}{
		{"DeliveryDate", withDate, from, assessment.NewDate(2026, 3, 4), 31, true},
		{"MovedOnFromRecord", noDate, from, assessment.NewDate(2026, 4, 15), 36, true},
		{"SameDay", noDate, from, from.Date, 30, true},
		{"BeforeRecord", noDate, from, assessment.NewDate(2026, 1, 1), 0, false},
		{"Capped", noDate, func() *assessment.Record { r := wfRecord(); r.Context.WeeksPostpartum = wfInt(519); return r }(), assessment.NewDate(2026, 6, 1), assessment.MaxWeeksPostpartum, true},
		{"Unknown", noDate, nil, from.Date, 0, false},
		{"NoClient", nil, nil, from.Date, 0, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := assessment.WeeksPostpartumOn(tt.c, tt.from, tt.on)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("= %d, %v; want %d, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestNewIntake(t *testing.T) {
	c := &assessment.Client{ID: 7, Name: "Ana", Births: 1, LastDelivery: assessment.NewDate(2025, 7, 30),
		Clearance: &assessment.Clearance{Date: assessment.NewDate(2026, 1, 2), By: "Dr P"}}
	r := assessment.NewIntake(c, assessment.NewDate(2026, 3, 4), "Jo")
	if r.Kind != assessment.KindIntake || r.ClientID != 7 || r.Coach != "Jo" || r.MedicalClearance != nil {
		t.Errorf("intake %+v", r)
	}
	if r.Context == nil || *r.Context.WeeksPostpartum != 31 {
		t.Errorf("context %+v; want 31 weeks", r.Context)
	}
	if r := assessment.NewIntake(&assessment.Client{ID: 8}, assessment.NewDate(2026, 3, 4), ""); r.Context != nil {
		t.Errorf("context %+v for a client with no delivery date; want none", r.Context)
	}
}

func TestRecord_Section(t *testing.T) {
	r := wfFull()
	for _, k := range assessment.Sections {
		got := r.Section(k)
		tested := slices.Contains([]string{assessment.SectionContext, assessment.SectionRedFlags, assessment.SectionPain, assessment.SectionDiastasis}, k)
		if (got != nil) != tested {
			t.Errorf("Section(%q) = %v; want tested %v", k, got, tested)
		}
	}
	if r.Section("nope") != nil {
		t.Error("an unknown key gives a section")
	}
	if got := r.TestedSections(); len(got) != 4 {
		t.Errorf("tested %v", got)
	}
}

func TestSameSection(t *testing.T) {
	a, b := wfFull(), wfFull()
	*b.Context.WeeksPostpartum = 40 // moves with the date: not a change
	if !assessment.SameSection(a, b, assessment.SectionContext) {
		t.Error("weeks postpartum alone made the context differ")
	}
	b.Context.Goals = "Run again"
	if assessment.SameSection(a, b, assessment.SectionContext) {
		t.Error("a new goal did not make the context differ")
	}
	*b.Pain.Now = 2
	if assessment.SameSection(a, b, assessment.SectionPain) {
		t.Error("a new pain score did not make the pain differ")
	}
}

func TestClient_Snapshot(t *testing.T) {
	c := &assessment.Client{ID: 7, Name: "Ana", BirthDate: assessment.NewDate(1990, 1, 1), Births: 2,
		LastDelivery: assessment.NewDate(2025, 7, 30), DeliveryMode: assessment.DeliveryCaesarean, Phone: "+44 1234 567890"}
	s := c.Snapshot()
	want := assessment.ClientSnapshot{Name: "Ana", BirthDate: c.BirthDate, Births: 2, LastDelivery: c.LastDelivery, DeliveryMode: assessment.DeliveryCaesarean}
	if *s != want {
		t.Errorf("snapshot %+v; want %+v", *s, want)
	}
	if (*assessment.Client)(nil).Snapshot() != nil {
		t.Error("snapshot of no client")
	}
}

// Every section the form lists is one Section knows: a section added to
// the record must be added there too, or a reassessment would not carry it.
func TestRecord_SectionCoversSections(t *testing.T) {
	r := &assessment.Record{Context: &assessment.Context{}, RedFlags: &assessment.RedFlags{}, PelvicFloor: &assessment.PelvicFloor{},
		Pain: &assessment.Pain{}, PelvicTilt: &assessment.PelvicTilt{}, Thomas: &assessment.Thomas{}, Glutes: &assessment.Glutes{},
		Hinge: &assessment.Hinge{}, Diastasis: &assessment.Diastasis{}, Posture: &assessment.Posture{}}
	for _, k := range assessment.Sections {
		if r.Section(k) == nil {
			t.Errorf("Section(%q) is nil on a record with every section", k)
		}
	}
}
