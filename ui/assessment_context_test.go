package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/keel-coach/keel/assessment"
)

func savedRecord(t *testing.T, tu *testUI, c *assessment.Client) *assessment.Record {
	t.Helper()
	recs, err := tu.svc.Records.FindRecords(ctx(), assessment.RecordFilter{ClientID: c.ID})
	if err != nil || len(recs) != 1 {
		t.Fatalf("stored records = %d, %v", len(recs), err)
	}
	r, err := tu.svc.Records.FindRecordByID(ctx(), recs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestPregnantNowAndBirthsNotRecorded(t *testing.T) {
	t.Run("PregnantYesNoUnanswered", func(t *testing.T) {
		for _, tc := range []struct {
			label string
			want  *bool
		}{{"Yes", ptr(true)}, {"No", ptr(false)}, {notRecorded, nil}} {
			tu, c, f := newAssessmentUI(t)
			f.s.b.sections[0].tested.SetChecked(true)
			f.sel("context.pregnant", tc.label)
			if !f.s.onSave() {
				t.Fatalf("%s: not saved", tc.label)
			}
			got := savedRecord(t, tu, c).Context.Pregnant
			if (got == nil) != (tc.want == nil) || (got != nil && *got != *tc.want) {
				t.Fatalf("pregnant %q stored as %v", tc.label, got)
			}
		}
	})
	t.Run("BirthsBlankIsNotRecordedNeverZero", func(t *testing.T) {
		tu := newTestUI(t)
		c := tu.addClient(t, assessment.Client{Name: "Ama Mensah"}) // births left blank on her file
		tu.openAssessment(c, nil, nil)
		s := tu.current
		if s.births.Text != "" {
			t.Fatalf("births prefilled %q for a client whose births were never recorded", s.births.Text)
		}
		if !s.onSave() {
			t.Fatal("not saved")
		}
		if r := savedRecord(t, tu, c); !r.Client.BirthsUnknown || r.Client.Births != 0 {
			t.Fatalf("blank births stored as %+v, want not recorded", r.Client)
		}
		s.births.SetText("")
		test.Type(s.births, "0")
		if !s.onSave() {
			t.Fatal("not saved")
		}
		if r := savedRecord(t, tu, c); r.Client.BirthsUnknown || r.Client.Births != 0 {
			t.Fatalf("births typed 0 stored as %+v", r.Client)
		}
	})
	t.Run("BirthsFromClient", func(t *testing.T) {
		_, _, f := newAssessmentUI(t)
		if f.s.births.Text != "2" {
			t.Fatalf("births prefilled %q, want 2 from her file", f.s.births.Text)
		}
		test.Type(f.s.births, "x")
		if f.s.onSave() || f.s.birthsErr.Text == "" {
			t.Fatal("births that are not a number saved without a field message")
		}
	})
}

func ptr[T any](v T) *T { return &v }
