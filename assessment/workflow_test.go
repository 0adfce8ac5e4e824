package assessment_test

import (
	"context"
	"errors"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assets"
)

func wfLib(tb testing.TB) *assessment.Library {
	tb.Helper()
	lib, err := assessment.ParseLibrary(assets.LibraryJSON)
	if err != nil {
		tb.Fatal(err)
	}
	return lib
}

func wfInt(n int) *int { return &n }

// wfNoFlags is a red-flag screen answered no throughout.
func wfNoFlags() *assessment.RedFlags {
	n := assessment.TriNo
	return &assessment.RedFlags{SaddleAnaesthesia: n, BladderBowelChange: n, ProgressiveNeuro: n, FeverUnwell: n, UnexplainedWeightLoss: n,
		CancerHistory: n, SignificantTrauma: n, NightPain: n, SteroidsOrOsteoporosis: n, AgeOnset: n}
}

// wfRecord is a saved intake of client 7, 30 weeks after a vaginal birth,
// with a clear red-flag screen.
func wfRecord() *assessment.Record {
	return &assessment.Record{
		ID: 3, ClientID: 7, Format: assessment.FormatAssessment,
		Date: assessment.NewDate(2026, 3, 4), Kind: assessment.KindIntake,
		Client: &assessment.ClientSnapshot{Name: "Ana", BirthDate: assessment.NewDate(1991, 5, 6), Births: 1,
			LastDelivery: assessment.NewDate(2025, 7, 30), DeliveryMode: assessment.DeliveryVaginal},
		Context:  &assessment.Context{WeeksPostpartum: wfInt(30)},
		RedFlags: wfNoFlags(),
	}
}

var wfOpts = assessment.ProgrammeOptions{Weeks: 8, Start: assessment.NewDate(2026, 3, 9)}

func TestNewProgramme(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		p, err := assessment.NewProgramme(&assessment.Client{ID: 7}, wfRecord(), wfLib(t), wfOpts)
		if err != nil {
			t.Fatal(err)
		}
		if p.ClientID != 7 || p.RecordID != 3 || p.Status != assessment.StatusDraft || p.ID != 0 || p.Lineage != 0 {
			t.Errorf("identity %d/%d/%q id %d lineage %d; want client 7, record 3, a new draft", p.ClientID, p.RecordID, p.Status, p.ID, p.Lineage)
		}
		if len(p.Weeks) != 8 {
			t.Errorf("%d weeks; want 8", len(p.Weeks))
		}
	})
	t.Run("ErrUnsavedRecord", func(t *testing.T) {
		r := wfRecord()
		r.ID = 0
		if _, err := assessment.NewProgramme(nil, r, wfLib(t), wfOpts); assessment.ErrorCode(err) != assessment.EINVALID {
			t.Errorf("err %v; want EINVALID", err)
		}
	})
	t.Run("ErrOptions", func(t *testing.T) {
		if _, err := assessment.NewProgramme(nil, wfRecord(), wfLib(t), assessment.ProgrammeOptions{Weeks: 40, Start: wfOpts.Start}); assessment.ErrorCode(err) != assessment.EINVALID {
			t.Errorf("err %v; want EINVALID", err)
		}
	})
}

func stored(status string) *assessment.Programme {
	return &assessment.Programme{ID: 12, ClientID: 7, RecordID: 3, Lineage: 10, Version: 2, Status: status,
		Format: assessment.FormatProgramme, Options: wfOpts, Note: "Swapped the bridge.",
		Weeks: []assessment.Week{{Week: 1, Start: wfOpts.Start, Days: []assessment.Day{{Day: "mon", Exercises: []assessment.Prescription{{ExerciseID: "x", Sets: 2}}}}}}}
}

func TestProgramme_Revise(t *testing.T) {
	for _, tt := range []struct {
		status     string
		wantID     int64
		wantStatus string
		wantReason string
	}{
		{assessment.StatusDraft, 12, assessment.StatusDraft, ""},
		{assessment.StatusIssued, 0, assessment.StatusDraft, ""},
		{assessment.StatusSuperseded, 0, "", assessment.ReasonOlderVersion},
	} {
		t.Run(tt.status, func(t *testing.T) {
			p := stored(tt.status)
			cp, err := p.Revise()
			if got := assessment.ConflictReason(err); got != tt.wantReason {
				t.Fatalf("reason %q (%v); want %q", got, err, tt.wantReason)
			}
			if err != nil {
				return
			}
			if cp.ID != tt.wantID || cp.Status != tt.wantStatus || cp.Lineage != 10 || cp.Version != 2 || cp.ClientID != 7 || cp.RecordID != 3 {
				t.Errorf("revision id %d status %q lineage %d version %d; want id %d, %q, lineage 10 made on version 2", cp.ID, cp.Status, cp.Lineage, cp.Version, tt.wantID, tt.wantStatus)
			}
			cp.Weeks[0].Days[0].Exercises[0].Sets = 5
			if p.Weeks[0].Days[0].Exercises[0].Sets != 2 || p.Status != tt.status {
				t.Error("changing the revision changed the original")
			}
		})
	}
}

func TestProgramme_Editable(t *testing.T) {
	for status, want := range map[string]bool{assessment.StatusDraft: true, "": true, assessment.StatusIssued: false, assessment.StatusSuperseded: false} {
		if got := stored(status).Editable(); got != want {
			t.Errorf("Editable(%q) = %v; want %v", status, got, want)
		}
	}
}

func TestProgramme_Clone(t *testing.T) {
	p := stored(assessment.StatusIssued)
	p.Overrides = []assessment.Override{{ExerciseID: "x", Reason: "r"}}
	cp := p.Clone()
	if cp.ID != p.ID || cp.Status != p.Status || cp.Note != p.Note || len(cp.Overrides) != 1 {
		t.Fatalf("clone %+v; want the same programme", cp)
	}
	cp.Overrides[0].Reason = "changed"
	cp.Weeks[0].Days[0].Exercises[0].Name = "changed"
	if p.Overrides[0].Reason != "r" || p.Weeks[0].Days[0].Exercises[0].Name != "" {
		t.Error("the clone shares memory with the original")
	}
	if (*assessment.Programme)(nil).Clone() != nil {
		t.Error("Clone of nil is not nil")
	}
}

func TestRegenerate(t *testing.T) {
	lib := wfLib(t)
	t.Run("DraftInPlace", func(t *testing.T) {
		np, err := assessment.Regenerate(stored(assessment.StatusDraft), wfRecord(), lib)
		if err != nil {
			t.Fatal(err)
		}
		if np.ID != 12 || np.Lineage != 10 || np.Version != 2 || np.Status != assessment.StatusDraft || np.Note != "" {
			t.Errorf("regenerated id %d lineage %d version %d %q note %q; want the same draft, rebuilt", np.ID, np.Lineage, np.Version, np.Status, np.Note)
		}
		if len(np.Weeks) != 8 || np.Weeks[0].Days[0].Exercises[0].ExerciseID == "x" {
			t.Error("the weeks were not rebuilt from the assessment")
		}
	})
	t.Run("IssuedNewVersion", func(t *testing.T) {
		np, err := assessment.Regenerate(stored(assessment.StatusIssued), wfRecord(), lib)
		if err != nil {
			t.Fatal(err)
		}
		if np.ID != 0 || np.Lineage != 10 || np.Version != 2 || np.Status != assessment.StatusDraft {
			t.Errorf("regenerated id %d lineage %d version %d %q; want a new draft version made on version 2", np.ID, np.Lineage, np.Version, np.Status)
		}
	})
	t.Run("ErrSuperseded", func(t *testing.T) {
		_, err := assessment.Regenerate(stored(assessment.StatusSuperseded), wfRecord(), lib)
		if assessment.ConflictReason(err) != assessment.ReasonOlderVersion {
			t.Errorf("err %v; want an older-version conflict", err)
		}
	})
}

func TestProgramme_Issue(t *testing.T) {
	flagged := wfRecord()
	flagged.RedFlags.NightPain = assessment.TriYes
	for _, tt := range []struct {
		name       string
		p          *assessment.Programme
		r          *assessment.Record
		wantReason string
	}{
		{"OK", stored(assessment.StatusDraft), wfRecord(), ""},
		{"Again", stored(assessment.StatusIssued), wfRecord(), ""},
		{"ErrSuperseded", stored(assessment.StatusSuperseded), wfRecord(), assessment.ReasonOlderVersion},
		{"ErrRecordBlocked", stored(assessment.StatusDraft), flagged, assessment.ReasonRecordBlocked},
		{"BlockedProgramme", func() *assessment.Programme { p := stored(assessment.StatusDraft); p.Blocked = true; return p }(), flagged, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Issue(tt.r)
			if got := assessment.ConflictReason(err); got != tt.wantReason {
				t.Fatalf("reason %q (%v); want %q", got, err, tt.wantReason)
			}
			if err == nil && tt.p.Status != assessment.StatusIssued {
				t.Errorf("status %q; want issued", tt.p.Status)
			}
			if err != nil && tt.p.Status == assessment.StatusIssued && tt.name != "Again" {
				t.Errorf("refused, yet status is issued")
			}
		})
	}
}

func TestCurrentProgramme(t *testing.T) {
	p := func(id int64, status string, blocked bool) *assessment.Programme {
		return &assessment.Programme{ID: id, Status: status, Blocked: blocked}
	}
	for _, tt := range []struct {
		name string
		ps   []*assessment.Programme
		want int64
	}{
		{"None", nil, 0},
		{"DraftsOnly", []*assessment.Programme{p(1, assessment.StatusDraft, false)}, 0},
		{"NewestIssuedAnyOrder", []*assessment.Programme{p(2, assessment.StatusIssued, false), p(5, assessment.StatusIssued, false), p(9, assessment.StatusDraft, false), p(3, assessment.StatusSuperseded, false)}, 5},
		// A referral issued after a plan is her current programme: the
		// older plan does not run on underneath it.
		{"BlockedNewest", []*assessment.Programme{p(2, assessment.StatusIssued, false), p(4, assessment.StatusIssued, true)}, 4},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := assessment.CurrentProgramme(tt.ps)
			if (got == nil && tt.want != 0) || (got != nil && got.ID != tt.want) {
				t.Errorf("current = %+v; want id %d", got, tt.want)
			}
		})
	}
	if (&assessment.Programme{Status: assessment.StatusIssued, Blocked: true}).Followable() {
		t.Error("a referral-only programme is followable")
	}
	if !(&assessment.Programme{Status: assessment.StatusIssued}).Followable() {
		t.Error("an issued plan is not followable")
	}
}

func TestProgramme_Schedule(t *testing.T) {
	w1 := assessment.NewDate(2026, 3, 16)
	phases := []assessment.Phase{{Name: assessment.PhaseActivation, FirstWeek: 1, LastWeek: 3}}
	for _, tt := range []struct {
		name string
		p    *assessment.Programme
		want assessment.Date
	}{
		{"FromWeeks", &assessment.Programme{Options: wfOpts, Weeks: []assessment.Week{{Week: 1, Start: w1}}, Phases: phases}, w1},
		{"FromOptionsWhenNoWeeks", &assessment.Programme{Options: wfOpts, Phases: phases}, wfOpts.Start},
		{"FromOptionsWhenWeekUndated", &assessment.Programme{Options: wfOpts, Weeks: []assessment.Week{{Week: 1}}, Phases: phases}, wfOpts.Start},
		{"Nil", nil, assessment.Date{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			start, ph := tt.p.Schedule()
			if start != tt.want {
				t.Errorf("start %v; want %v", start, tt.want)
			}
			if tt.p != nil && len(ph) != 1 {
				t.Errorf("phases %v; want the programme's", ph)
			}
		})
	}
	in := assessment.DueInputFor(&assessment.Client{ID: 7, Name: "Ana"}, wfOpts.Start, &assessment.Programme{Options: wfOpts, Phases: phases})
	if in.ClientID != 7 || in.ProgrammeStart != wfOpts.Start || len(in.Phases) != 1 {
		t.Errorf("due input %+v", in)
	}
}

func TestStatusValid(t *testing.T) {
	for s, want := range map[string]bool{"draft": true, "issued": true, "superseded": true, "": false, "Issued": false} {
		if got := assessment.StatusValid(s); got != want {
			t.Errorf("StatusValid(%q) = %v", s, got)
		}
	}
}

// fakeProgrammes records which method SaveRevision chose.
type fakeProgrammes struct {
	assessment.ProgrammeService
	called string
}

func (f *fakeProgrammes) CreateProgramme(context.Context, *assessment.Programme) error {
	f.called = "create"
	return nil
}

func (f *fakeProgrammes) UpdateProgramme(context.Context, *assessment.Programme) error {
	f.called = "update"
	return errors.New("boom")
}

func TestSaveRevision(t *testing.T) {
	for status, want := range map[string]string{assessment.StatusDraft: "update", assessment.StatusIssued: "create"} {
		cp, err := stored(status).Revise()
		if err != nil {
			t.Fatal(err)
		}
		f := &fakeProgrammes{}
		_ = assessment.SaveRevision(context.Background(), f, cp)
		if f.called != want {
			t.Errorf("a revision of a %s programme was saved by %s; want %s", status, f.called, want)
		}
	}
}

func TestProgramme_Validate(t *testing.T) {
	for _, tt := range []struct {
		name  string
		edit  func(p *assessment.Programme)
		field string
	}{
		{"OK", func(*assessment.Programme) {}, ""},
		{"ErrStatus", func(p *assessment.Programme) { p.Status = "handed" }, "status"},
		{"ErrNoRecord", func(p *assessment.Programme) { p.RecordID = 0 }, "record_id"},
		{"ErrFormat", func(p *assessment.Programme) { p.Format = "other/1" }, "format"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := stored(assessment.StatusDraft)
			tt.edit(p)
			err := p.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if assessment.FieldErrors(err).For(tt.field) == "" {
				t.Errorf("err %v; want a message on %s", err, tt.field)
			}
		})
	}
	if assessment.ErrorCode((*assessment.Programme)(nil).Validate()) != assessment.EINVALID {
		t.Error("no programme is valid")
	}
}

func TestProgrammeWeekOn(t *testing.T) {
	p := pgGenerate(t, pgRecord(), assessment.ProgrammeOptions{Weeks: 8, Start: pgDate(2026, 3, 2)})
	for _, tt := range []struct {
		d    assessment.Date
		want int
	}{
		{pgDate(2026, 2, 20), 1},
		{pgDate(2026, 3, 2), 1},
		{pgDate(2026, 3, 8), 1},
		{pgDate(2026, 3, 9), 2},
		{pgDate(2026, 3, 25), 4},
		{pgDate(2026, 6, 1), 8},
	} {
		if got := p.WeekOn(tt.d); got != tt.want {
			t.Errorf("WeekOn(%s) = %d, want %d", tt.d, got, tt.want)
		}
	}
	if got := (&assessment.Programme{}).WeekOn(pgDate(2026, 3, 2)); got != 0 {
		t.Errorf("no weeks: %d", got)
	}
}
