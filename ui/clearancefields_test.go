package ui

import (
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// The GP's go-ahead after a caesarean is recorded on the assessment form
// and saved with it; a date that does not parse is refused beside it.
func TestGPGoAheadField(t *testing.T) {
	tu, _, f := newAssessmentUI(t) // a caesarean 14 weeks ago
	s := f.s
	s.b.sections[1].tested.SetChecked(true) // the red-flag screen
	s.goAhead.date.SetText("20 Nov")
	s.goAhead.by.SetText("Dr Patel (GP)")
	if s.onSave() {
		t.Fatal("saved a go-ahead with an unreadable date")
	}
	if s.goAhead.err.Text == "" {
		t.Error("no message beside the go-ahead date")
	}
	s.goAhead.date.SetText(fixedNow.Format("2006-01-02"))
	if !s.onSave() {
		t.Fatalf("save refused: %s", s.status.Text)
	}
	r, err := tu.svc.Records.FindRecordByID(ctx(), s.record.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.GPGoAhead == nil || r.GPGoAhead.By != "Dr Patel (GP)" || r.GPGoAhead.Date != assessment.DateOf(fixedNow) {
		t.Errorf("stored go-ahead %+v", r.GPGoAhead)
	}
}
