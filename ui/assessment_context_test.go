package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

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
		c := tu.addClient(t, assessment.Client{Name: "Ama Mensah", BirthsUnknown: true}) // births left blank on her file
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

func TestNoneOfTheseQuickAnswers(t *testing.T) {
	t.Run("RedFlags", func(t *testing.T) {
		tu, c, f := newAssessmentUI(t)
		if f.s.redFlagsLeft.Text == "" || f.s.redFlagsLeft.Importance != widget.WarningImportance {
			t.Fatalf("unanswered screen not shown as such: %q", f.s.redFlagsLeft.Text)
		}
		f.radio("red_flags.night_pain", "Yes")
		test.Tap(noneButtons(t, f)[0])
		for _, rg := range f.s.redFlags {
			if rg.Selected == "" {
				t.Fatal("a question stayed unanswered after None of these")
			}
		}
		if got := f.w("red_flags.night_pain").(*widget.RadioGroup).Selected; got != "Yes" {
			t.Fatalf("None of these overwrote a yes with %q", got)
		}
		if f.s.redFlagsLeft.Text != "Every question answered." {
			t.Fatalf("count says %q", f.s.redFlagsLeft.Text)
		}
		f.radio("red_flags.fever_unwell", "Unsure") // still changeable
		if !f.s.onSave() {
			t.Fatal("not saved")
		}
		rf := savedRecord(t, tu, c).RedFlags
		if rf.NightPain != assessment.TriYes || rf.FeverUnwell != assessment.TriUnsure || rf.CancerHistory != assessment.TriNo {
			t.Fatalf("stored red flags %+v", rf)
		}
	})
	t.Run("PelvicFloor", func(t *testing.T) {
		tu, c, f := newAssessmentUI(t)
		pf := noneButtons(t, f)[1]
		f.tick("pelvic_floor.urgency")
		test.Tap(pf)
		if f.w("pelvic_floor.urgency").(*widget.Check).Checked || !f.s.b.sections[2].tested.Checked {
			t.Fatal("None of these did not record 'asked, no symptom'")
		}
		if !f.s.onSave() {
			t.Fatal("not saved")
		}
		if p := savedRecord(t, tu, c).PelvicFloor; p == nil || *p != (assessment.PelvicFloor{}) {
			t.Fatalf("stored pelvic floor %+v", p)
		}
	})
}

// noneButtons are the form's "None of these" buttons: red flags, then
// pelvic floor.
func noneButtons(t *testing.T, f form) []*widget.Button {
	var out []*widget.Button
	walkObjects(t, f.s.root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "None of these" {
			out = append(out, b)
		}
	})
	if len(out) != 2 {
		t.Fatalf("%d None of these buttons, want 2", len(out))
	}
	return out
}
