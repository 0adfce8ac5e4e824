package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

func TestReassessPrefill(t *testing.T) {
	tu := newTestUI(t)
	c, recs := progressClient(t, tu)
	tu.home.refresh()
	tu.home.openClient(c.ID)

	// "Reassess" on her panel opens a new assessment from the latest one.
	b := buttonUnder(t, tu.win.Content(), "Reassess")
	if b == nil {
		t.Fatal("no Reassess button on the client panel")
	}
	test.Tap(b)
	s := tu.current
	if s == nil || s.record != nil {
		t.Fatal("Reassess did not open a new assessment")
	}
	f := form{t, s}
	tu.capture(t, "reassess-prefill")

	if s.date.Text != today().String() || s.kind.Selected != "Reassessment" {
		t.Errorf("date %q kind %q; want today, reassessment", s.date.Text, s.kind.Selected)
	}
	weeks := f.w("context.weeks_postpartum").(*widget.Entry)
	if weeks.Text != "20" {
		t.Errorf("weeks postpartum %q; want 20 (moved on from 16 four weeks ago)", weeks.Text)
	}
	if got := f.w("pain.now").(*widget.Entry).Text; got != "4" {
		t.Errorf("pain now %q; want 4 carried over from the latest assessment", got)
	}
	want := []string{assessment.SectionContext, assessment.SectionPain, assessment.SectionGlutes, assessment.SectionHinge, assessment.SectionDiastasis}
	r, _ := s.collect()
	if strings.Join(r.CarriedOver, ",") != strings.Join(want, ",") {
		t.Fatalf("carried over %q; want every section she had: %q", r.CarriedOver, want)
	}
	for _, k := range want {
		if !s.banners[k].carriedOver() {
			t.Errorf("section %s does not show that it is carried over", k)
		}
	}
	if s.banners[assessment.SectionPosture].carriedOver() {
		t.Error("an untested section shows as carried over")
	}
	if !s.carriedPanel.Visible() || !strings.Contains(s.carriedNote.Text, "5 sections") {
		t.Errorf("header note %q visible %v; want the count of carried sections", s.carriedNote.Text, s.carriedPanel.Visible())
	}

	// Changing a value re-tests its section; confirming keeps it as is.
	f.typ("pain.now", "2")
	s.onConfirm(assessment.SectionGlutes)
	if s.carried[assessment.SectionPain] || s.banners[assessment.SectionPain].carriedOver() {
		t.Error("pain still carried over after the coach changed it")
	}
	if s.carried[assessment.SectionGlutes] || s.banners[assessment.SectionGlutes].carriedOver() {
		t.Error("glutes still carried over after Confirm")
	}
	// Weeks postpartum move on with the date, and that alone does not
	// count as re-testing the context.
	s.date.SetText(today().AddDays(-7).String())
	if weeks.Text != "19" {
		t.Errorf("weeks %q after moving the date a week back; want 19", weeks.Text)
	}
	if !s.carried[assessment.SectionContext] {
		t.Error("moving the date un-carried the context")
	}
	s.date.SetText(today().String())
	tu.capture(t, "reassess-edited")

	if !s.onSave() {
		t.Fatalf("save failed: %s", s.status.Text)
	}
	stored, err := tu.svc.Records.FindRecords(ctx(), assessment.RecordFilter{ClientID: c.ID})
	if err != nil || len(stored) != 3 {
		t.Fatalf("%d records (%v); want the two before and the new one", len(stored), err)
	}
	n := stored[2]
	if n.Kind != assessment.KindReassessment || *n.Pain.Now != 2 || *n.Context.WeeksPostpartum != 20 ||
		strings.Join(n.CarriedOver, ",") != "context,hinge,diastasis" {
		t.Errorf("stored %s pain %d weeks %d carried %q", n.Kind, *n.Pain.Now, *n.Context.WeeksPostpartum, n.CarriedOver)
	}
	if *stored[1].Pain.Now != 4 || stored[1].ID != recs[1].ID {
		t.Error("the assessment it was prefilled from changed")
	}
	// Reopened, the unconfirmed sections still say so.
	tu.openAssessment(c, n, nil)
	if s2 := tu.current; !s2.banners[assessment.SectionHinge].carriedOver() || s2.banners[assessment.SectionPain].carriedOver() {
		t.Error("a reopened reassessment does not show which sections are still carried over")
	}
}

// The reassessment form never carries a doctor's clearance across: the
// red flag still raised on the copied screen blocks until a new clearance
// is recorded for this session.
func TestReassessDropsClearance(t *testing.T) {
	tu := newTestUI(t)
	c := tu.addClient(t, assessment.Client{Name: "Ana", Births: 1})
	from := &assessment.Record{ClientID: c.ID, Format: assessment.FormatAssessment, Date: today().AddDays(-28), Kind: assessment.KindIntake,
		RedFlags:         &assessment.RedFlags{NightPain: assessment.TriYes},
		MedicalClearance: &assessment.Clearance{Date: today().AddDays(-27), By: "Dr Patel (GP)"}}
	if err := tu.svc.Records.CreateRecord(ctx(), from); err != nil {
		t.Fatal(err)
	}
	s := newReassessmentScreen(tu.UI, c, from, nil)
	if s.clear.date.Text != "" || s.clear.by.Text != "" {
		t.Errorf("clearance %q by %q shown on the reassessment; want none", s.clear.date.Text, s.clear.by.Text)
	}
	r, _ := s.collect()
	if r.MedicalClearance != nil || !assessment.Blocked(assessment.Gates(r)) {
		t.Errorf("reassessment clearance %+v; want none, and the red flag blocking", r.MedicalClearance)
	}
	if !s.banner.Visible() {
		t.Error("no referral banner for the red flag carried over without a clearance")
	}
}
