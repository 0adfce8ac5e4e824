package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// assessmentList is the client panel's list of her assessments, newest
// first, each opening in one click, with "New assessment".
func (u *UI) assessmentList(c *assessment.Client) fyne.CanvasObject {
	if u.svc.Records == nil {
		return container.NewVBox()
	}
	box := container.NewVBox()
	// Coming back redraws her assessments and programmes, not the form,
	// so unsaved edits of her details survive a visit to an assessment.
	reload := func() { u.home.detail.reloadSections() }
	newBtn := newButton(lang.L("New assessment"), theme.ContentAddIcon(), func() { u.openAssessment(c, nil, reload) })
	sums, err := assessmentSummaries(u.svc.Records, c.ID)
	// open reads the full record only when the coach opens it.
	open := func(id int64, then func(*assessment.Record)) {
		r, err := u.svc.Records.FindRecordByID(ctx(), id)
		if err != nil {
			u.showError(lang.L("Could not open the assessment"), err)
			return
		}
		then(r)
	}
	// Reassess starts from her latest assessment, each section marked
	// carried over until the coach re-tests it.
	reassess := newImportantButton(lang.L("Reassess"), func() {
		if len(sums) > 0 {
			open(sums[len(sums)-1].ID, func(r *assessment.Record) { u.openReassessment(c, r, reload) })
		}
	})
	reassess.Icon = theme.HistoryIcon()
	if len(sums) == 0 {
		reassess.Hide()
		newBtn.Importance = widget.HighImportance
	}
	box.Add(container.NewBorder(nil, nil, newHeading(lang.L("Assessments")), container.NewHBox(reassess, newBtn)))
	if err != nil {
		box.Add(widget.NewLabel(assessment.ErrorMessage(err)))
		return box
	}
	if len(sums) > 0 {
		box.Add(u.progressButtons(c))
	}
	if len(sums) == 0 {
		box.Add(newWrapLabel(lang.L("No assessments yet. Start one when you see her: every section is optional.")))
		return box
	}
	for i := len(sums) - 1; i >= 0; i-- {
		sum := sums[i]
		kind := lang.L("Intake")
		if sum.Kind == assessment.KindReassessment {
			kind = lang.L("Reassessment")
		}
		summary := fmt.Sprintf(lang.L("%d findings"), sum.Findings)
		if sum.ReferralRequired {
			summary += " · " + lang.L("referral needed")
		}
		openBtn := newButton(fmt.Sprintf("%s  %s", sum.Date, kind), theme.DocumentIcon(), func() {
			open(sum.ID, func(r *assessment.Record) { u.openAssessment(c, r, reload) })
		})
		openBtn.Alignment = widget.ButtonAlignLeading
		note := widget.NewLabel(summary)
		if sum.ReferralRequired {
			note.Importance = widget.DangerImportance
		}
		box.Add(container.NewBorder(nil, nil, nil, note, openBtn))
	}
	return box
}

// assessmentSummaries lists a client's assessments for her panel: from
// the stored summaries when the store keeps them (opening a client then
// decodes no record), else from the full records.
func assessmentSummaries(rs assessment.RecordService, clientID int64) ([]assessment.RecordSummary, error) {
	if ss, ok := rs.(assessment.RecordSummaryService); ok {
		return ss.FindRecordSummaries(ctx(), clientID)
	}
	recs, err := rs.FindRecords(ctx(), assessment.RecordFilter{ClientID: clientID})
	if err != nil {
		return nil, err
	}
	out := make([]assessment.RecordSummary, len(recs))
	for i, r := range recs {
		out[i] = assessment.Summarize(r)
	}
	return out, nil
}

// openAssessment shows the assessment screen for record r (nil for a new
// one); done runs when the coach comes back.
func (u *UI) openAssessment(c *assessment.Client, r *assessment.Record, done func()) {
	s := newAssessmentScreen(u, c, r, done)
	u.current = s
	u.pushScreen(s.content(), s)
}

// openReassessment starts a new assessment prefilled from from.
func (u *UI) openReassessment(c *assessment.Client, from *assessment.Record, done func()) *assessmentScreen {
	s := newReassessmentScreen(u, c, from, done)
	u.current = s
	u.pushScreen(s.content(), s)
	return s
}

// progressButtons open her timeline, the comparison and the session log.
func (u *UI) progressButtons(c *assessment.Client) fyne.CanvasObject {
	timeline := newButton(lang.L("Timeline and charts"), theme.HistoryIcon(), func() { u.openTimeline(c) })
	compare := newButton(lang.L("Compare"), theme.ViewRestoreIcon(), func() { u.openCompare(c) })
	sessions := newButton(lang.L("Session log"), theme.ListIcon(), func() { u.openSessions(c) })
	if u.svc.SessionLogs == nil {
		sessions.Hide()
	}
	return container.NewHBox(timeline, compare, sessions)
}

// programmeList is the client panel's list of her programmes, newest
// first, with their status, each opening in one click.
func (u *UI) programmeList(c *assessment.Client) fyne.CanvasObject {
	box := container.NewVBox()
	if u.svc.Programmes == nil {
		return box
	}
	box.Add(newHeading(lang.L("Programmes")))
	ps, err := u.svc.Programmes.FindProgrammes(ctx(), assessment.ProgrammeFilter{ClientID: c.ID, LatestOnly: true})
	if err != nil {
		box.Add(widget.NewLabel(assessment.ErrorMessage(err)))
		return box
	}
	if len(ps) == 0 {
		box.Add(newWrapLabel(lang.L("No programme yet. Open an assessment and choose Create programme.")))
		return box
	}
	for _, p := range ps {
		p := p
		start := ""
		if len(p.Weeks) > 0 {
			start = fmt.Sprintf(lang.L("from %s"), p.Weeks[0].Start)
		}
		label := fmt.Sprintf(lang.L("%d weeks %s"), p.Options.Weeks, start)
		if p.Blocked {
			label = lang.L("Blocked: referral needed")
		}
		open := newButton(label, theme.ListIcon(), func() {
			r, err := u.svc.Records.FindRecordByID(ctx(), p.RecordID)
			if err != nil {
				u.showError(lang.L("Could not open the programme"), err)
				return
			}
			u.openProgrammeScreen(c, r, p)
		})
		open.Alignment = widget.ButtonAlignLeading
		box.Add(container.NewBorder(nil, nil, nil, widget.NewLabel(lang.L(assessment.StatusLabel(p.Status))), open))
		if p.Status == assessment.StatusDraft && p.Version > 1 {
			// A draft of changes to an issued plan: she still follows the
			// issued version (a coach read a lone "Draft" as her plan
			// having been taken back).
			note := newWrapLabel(fmt.Sprintf(lang.L("Version %d is a draft: she follows the issued version until you issue this one."), p.Version))
			note.SizeName = theme.SizeNameCaptionText
			box.Add(note)
		}
	}
	return box
}
