package ui

// The phase proposal: after a reassessment, which move-on criteria of her
// current programme's next phase are met, and whether Keel proposes moving
// on (assessment.ProposeNextPhase). Shown beside a saved reassessment and
// on the client screen for her current programme, in words.

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// currentProgramme is client c's current (newest issued) programme, or nil.
func (u *UI) currentProgramme(clientID int64) (*assessment.Programme, error) {
	if u.svc.Programmes == nil {
		return nil, nil
	}
	ps, err := u.svc.Programmes.FindProgrammes(ctx(), assessment.ProgrammeFilter{ClientID: clientID})
	if err != nil {
		return nil, err
	}
	return assessment.CurrentProgramme(ps), nil
}

// phaseName is a phase of p in words, lower case for the middle of a
// sentence.
func phaseName(p *assessment.Programme, code string) string {
	t := phaseTitle(p, code)
	if t == code {
		t = assessment.PhaseTitle(code)
	}
	if t == "" {
		t = lang.L("the next")
	}
	return t
}

// phaseProposalRows are the proposal for reassessment r against programme
// p, as rows of words: what phase she is in, what Keel proposes, and each
// criterion met or not yet met.
func phaseProposalRows(p *assessment.Programme, r *assessment.Record) []fyne.CanvasObject {
	pp := assessment.ProposeNextPhase(p, r)
	if pp.Current == "" {
		return nil
	}
	cur := phaseName(p, pp.Current)
	if pp.Next == "" {
		return []fyne.CanvasObject{newWrapLabel(fmt.Sprintf(lang.L("She is in the last phase of her programme (%s): there is no next phase to propose."), cur))}
	}
	next := phaseName(p, pp.Next)
	verdict := newWrapLabel("")
	verdict.TextStyle.Bold = true
	met := 0
	for _, c := range pp.Checks {
		if c.Met {
			met++
		}
	}
	if pp.Ready {
		verdict.SetText(fmt.Sprintf(lang.L("Keel proposes moving on from %s to %s: every criterion is met."), cur, next))
		verdict.Importance = widget.SuccessImportance
	} else {
		verdict.SetText(fmt.Sprintf(lang.L("Keel proposes staying in %s for now: %d of %d criteria for %s are met."), cur, met, len(pp.Checks), next))
		verdict.Importance = widget.WarningImportance
	}
	rows := []fyne.CanvasObject{verdict}
	for _, c := range pp.Checks {
		icon, state := theme.ConfirmIcon(), lang.L("Met: ")
		if !c.Met {
			icon, state = theme.NewWarningThemedResource(theme.WarningIcon()), lang.L("Not met yet: ")
		}
		rows = append(rows, container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil,
			newWrapLabel(state+assessment.InWords(c.Text))))
	}
	rows = append(rows, caption(lang.L("A proposal only: you decide when she moves on. Missing answers count as not met.")))
	return rows
}

// phaseSection is the client screen's panel for her current programme:
// the proposal read against her newest assessment when it came after the
// programme was made.
func (u *UI) phaseSection(c *assessment.Client) fyne.CanvasObject {
	box := container.NewVBox()
	p, err := u.currentProgramme(c.ID)
	if err != nil {
		box.Add(newWrapLabel(assessment.ErrorMessage(err)))
		return box
	}
	if p == nil || p.Blocked {
		return box // no programme she follows: nothing to move on from
	}
	box.Add(newHeading(lang.L("Her current programme: next phase")))
	recs, err := u.svc.Records.FindRecords(ctx(), assessment.RecordFilter{ClientID: c.ID})
	if err != nil {
		box.Add(newWrapLabel(assessment.ErrorMessage(err)))
		return box
	}
	var last *assessment.Record
	if len(recs) > 0 {
		last = recs[len(recs)-1]
	}
	if last == nil || last.ID == p.RecordID {
		box.Add(newWrapLabel(lang.L("No reassessment since this programme was made. After her next reassessment Keel says here which criteria for the next phase are met.")))
		return box
	}
	r, err := u.svc.Records.FindRecordByID(ctx(), last.ID)
	if err != nil {
		box.Add(newWrapLabel(assessment.ErrorMessage(err)))
		return box
	}
	box.Add(caption(fmt.Sprintf(lang.L("Read from her assessment of %s."), r.Date.Time().Format("2 January 2006"))))
	for _, row := range phaseProposalRows(p, r) {
		box.Add(row)
	}
	return box
}

// showPhaseProposal fills the assessment screen's proposal panel for the
// record as saved: shown for a reassessment saved after her current
// programme was made, hidden otherwise.
func (s *assessmentScreen) showPhaseProposal() {
	s.phaseBox.Objects = nil
	r := s.record
	if r != nil && r.Kind == assessment.KindReassessment {
		if p, err := s.ui.currentProgramme(s.client.ID); err == nil && p != nil && !p.Blocked && p.RecordID != r.ID {
			if rows := phaseProposalRows(p, r); len(rows) > 0 {
				s.phaseBox.Objects = append([]fyne.CanvasObject{boldLabel(lang.L("Next phase of her programme"))}, rows...)
			}
		}
	}
	s.phaseBox.Hidden = len(s.phaseBox.Objects) == 0
	if s.findingsPanel != nil {
		s.findingsPanel.Refresh()
	}
}
