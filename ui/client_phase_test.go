package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/keel-coach/keel/assessment"
)

// After a reassessment is saved, the assessment screen and her client
// screen say which criteria for the next phase of her current programme
// are met and what Keel proposes, in words (assessment.ProposeNextPhase).
func TestPhaseProposalAfterReassessment(t *testing.T) {
	tu, c, r := programmeUI(t, "weak-right-glute-med.json")
	s := create(t, tu, c, r)
	s.onIssue()
	p := s.p
	want := assessment.ProposeNextPhase(p, r)
	if want.Next == "" || len(want.Checks) == 0 {
		t.Fatalf("the example programme has no next phase to propose: %+v", want)
	}
	tu.popScreen()

	// Before anything is saved, no proposal.
	a := tu.openReassessment(c, r, nil)
	if a.phaseBox.Visible() {
		t.Fatal("a proposal is shown before the reassessment is saved")
	}
	a.onConfirmAll()
	if !a.onSave() {
		t.Fatal("the reassessment did not save")
	}
	if !a.phaseBox.Visible() {
		t.Fatal("no phase proposal after saving the reassessment")
	}
	got := strings.Join(shownTexts(t, a.phaseBox), "\n")
	pp := assessment.ProposeNextPhase(p, a.record)
	for _, ch := range pp.Checks {
		mark := "Not met yet: "
		if ch.Met {
			mark = "Met: "
		}
		// Wrapped labels split a line into several texts: compare words.
		if first := strings.Fields(mark + assessment.InWords(ch.Text)); !strings.Contains(got, first[0]+" "+first[1]) {
			t.Errorf("criterion %q not shown as %q in:\n%s", ch.Text, mark, got)
		}
	}
	if !strings.Contains(got, "Keel proposes") {
		t.Errorf("no proposal in:\n%s", got)
	}
	noKeys(t, "the phase proposal", shownTexts(t, a.phaseBox))
	tu.win.Resize(fyne.NewSize(1024, 700))
	tu.capture(t, "phase-proposal-assessment")

	// Her client screen shows the same proposal for her current programme.
	tu.popScreen()
	tu.home.refresh()
	tu.home.selected = 0
	tu.home.onSelected(tu.home.pager.indexOf(c.ID))
	txt := strings.Join(shownTexts(t, tu.home.detail.extra), "\n")
	if !strings.Contains(txt, "next phase") || !strings.Contains(txt, "Keel proposes") {
		t.Fatalf("the client screen shows no phase proposal:\n%s", txt)
	}
	noKeys(t, "the client screen's phase proposal", shownTexts(t, tu.home.detail.extra))
	tu.capture(t, "phase-proposal-client")
}
