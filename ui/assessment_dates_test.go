package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/keel-coach/keel/assessment"
)

// A future assessment date is refused with a message beside the date, and
// the message goes as soon as the date is corrected.
func TestFutureAssessmentDateRefusedAndMessageClears(t *testing.T) {
	tu, c, f := newAssessmentUI(t)
	tomorrow := assessment.DateOf(fixedNow).AddDays(1).String()
	f.s.date.SetText("")
	test.Type(f.s.date, tomorrow)
	if f.s.onSave() {
		t.Fatal("an assessment dated tomorrow was saved")
	}
	if !f.s.dateErr.Visible() || !strings.Contains(f.s.dateErr.Text, "future") {
		t.Fatalf("date message %q", f.s.dateErr.Text)
	}
	recs, _ := tu.svc.Records.FindRecords(ctx(), assessment.RecordFilter{ClientID: c.ID})
	if len(recs) != 0 {
		t.Fatal("stored despite the message")
	}
	// A second bad field, still wrong after the date is fixed, keeps its
	// message; the date's goes.
	f.typ("pain.now", "12")
	f.s.onSave()
	f.s.date.SetText("")
	test.Type(f.s.date, assessment.DateOf(fixedNow).String())
	if f.s.dateErr.Visible() {
		t.Fatalf("the corrected date still shows %q", f.s.dateErr.Text)
	}
	if e := f.s.b.errs["pain.now"]; !e.Visible() {
		t.Fatal("the message of a field still wrong went away")
	}
	f.typ("pain.now", "3")
	if e := f.s.b.errs["pain.now"]; e.Visible() {
		t.Fatalf("the corrected pain still shows %q", e.Text)
	}
	if !f.s.onSave() {
		t.Fatal("not saved once corrected")
	}
}
