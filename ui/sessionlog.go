package ui

import (
	"fmt"
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// sessionScreen logs the sessions of a client's current issued programme
// and shows what they say: adherence per week, and the pain traffic light
// with Keel's proposal and its reason. A regression is applied in one
// click and stored as a new programme version; the old one is kept.
type sessionScreen struct {
	ui     *UI
	client *assessment.Client
	lib    *assessment.Library

	p        *assessment.Programme   // the current issued version
	lineage  []*assessment.Programme // every version of its lineage
	logs     []*assessment.SessionLog
	proposal *assessment.Proposal
	rec      *assessment.Record // the assessment s.p was made from; nil (nothing swapped in) when gone

	// The form (sessionlog_form.go). editing is the stored log the form
	// edits, nil for a new one; loading is set while the form is filled in
	// by code, so its change handlers stay quiet.
	formHeading  *widget.Label
	date         *focusEntry
	dateErr      fieldError
	status       *submitSelect
	statusErr    fieldError
	pain         *submitSelect
	painErr      fieldError
	session      *submitSelect
	sessionErr   fieldError
	sessionHint  *widget.Label
	sessionDays  []string // the day of each session choice; SessionOther last
	planned      []assessment.PlannedSession
	exercises    *fyne.Container
	exercisesErr fieldError
	rows         []*outcomeRow
	doming       *submitCheck
	note         *focusEntry
	backBtn      *widget.Button
	formScroll   *container.Scroll // the form's scroller, to keep the focused field in view
	noteErr      fieldError
	logBtn       *widget.Button
	cancelBtn    *widget.Button
	deleteBtn    *widget.Button
	saved        *widget.Label
	editing      *assessment.SessionLog
	loading      bool
	orig         string
	history      logHistory

	title       *widget.Label
	lightBar    *canvas.Rectangle
	lightTitle  *widget.Label
	lightText   *widget.Label
	changes     *fyne.Container
	refer       *widget.Label
	askChecks   []*widget.Check // one per exercise of prop.Ask
	apply       *widget.Button
	adherence   *fyne.Container
	historyList *widget.List // virtual: only the rows on screen are widgets
	noHistory   *widget.Label
	root        fyne.CanvasObject
}

// openSessions shows the session log of client c's current programme.
func (u *UI) openSessions(c *assessment.Client) *sessionScreen {
	if u.svc.SessionLogs == nil {
		return nil
	}
	lib, err := u.library()
	if err != nil {
		u.showError(lang.L("Could not load the exercise library"), err)
		return nil
	}
	s := &sessionScreen{ui: u, client: c, lib: lib}
	s.build()
	s.reload()
	s.resetForm()
	u.pushScreen(s.root, s)
	return s
}

func (s *sessionScreen) build() {
	back := newButton(lang.L("Back"), theme.NavigateBackIcon(), func() { s.ui.leaveScreen() })
	s.backBtn = back
	s.title = newHeading(fmt.Sprintf(lang.L("Session log — %s"), s.client.Name))
	s.title.Truncation = fyne.TextTruncateEllipsis

	s.buildForm()
	form := s.formBox()

	s.lightBar = canvas.NewRectangle(color.Transparent)
	s.lightBar.SetMinSize(fyne.NewSize(8, 8))
	s.lightTitle = newHeading("")
	s.lightText = newWrapLabel("")
	s.changes = container.NewVBox()
	s.refer = newWrapLabel("")
	s.refer.Importance = widget.DangerImportance
	s.refer.TextStyle.Bold = true
	s.refer.Hide()
	s.apply = newImportantButton(lang.L("Apply: save as a new version"), s.onApply)
	s.apply.Icon = theme.ConfirmIcon()
	s.apply.Hide()
	light := container.NewBorder(nil, nil, s.lightBar, nil,
		container.NewVBox(container.NewBorder(nil, nil, nil, s.apply, s.lightTitle), s.lightText, s.changes, s.refer))

	s.adherence = container.NewVBox()
	s.historyList = widget.NewList(
		func() int { return len(s.logs) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("2026-01-01 · Partly done · pain 10/10 · doming · v2 · note")
			l.Truncation = fyne.TextTruncateEllipsis // a cut note says it goes on
			return container.NewBorder(nil, nil, widget.NewIcon(theme.RadioButtonIcon()), nil, l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < 0 || id >= len(s.logs) {
				return
			}
			c := o.(*fyne.Container)
			text, icon := s.logText(len(s.logs) - 1 - id) // newest first
			c.Objects[0].(*widget.Label).SetText(text)
			c.Objects[1].(*widget.Icon).SetResource(icon)
		})
	// Tapping a logged session opens it in the form, to edit or delete.
	s.historyList.OnSelected = func(id widget.ListItemID) {
		s.historyList.UnselectAll()
		if i := len(s.logs) - 1 - id; i >= 0 && i < len(s.logs) {
			s.startEdit(s.logs[i])
		}
	}
	s.noHistory = newWrapLabel(lang.L("No session logged yet."))
	left := container.NewVBox(form, widget.NewSeparator(), newHeading(lang.L("Traffic light")), light)
	top := container.NewVScroll(container.NewPadded(container.NewVBox(newHeading(lang.L("Adherence by week")), s.adherence)))
	bottom := container.NewBorder(container.NewVBox(newHeading(lang.L("Logged sessions")),
		newWrapLabel(lang.L("Tap a session to edit or delete it.")), s.noHistory), nil, nil, nil, s.historyList)
	right := container.NewVSplit(top, bottom)
	right.Offset = 0.5
	s.formScroll = container.NewVScroll(container.NewPadded(left))
	split := container.NewHSplit(s.formScroll, container.NewPadded(right))
	split.Offset = 0.55
	s.root = container.NewBorder(container.NewBorder(nil, nil, back, nil, s.title), nil, nil, nil, split)
}

// reload finds her current issued programme and its sessions, then
// redraws the proposal, adherence and history.
func (s *sessionScreen) reload() {
	u := s.ui
	ps, err := u.svc.Programmes.FindProgrammes(ctx(), assessment.ProgrammeFilter{ClientID: s.client.ID})
	if err != nil {
		u.showError(lang.L("Could not load the programmes"), err)
		return
	}
	s.p, s.lineage = nil, nil
	if cur := assessment.CurrentProgramme(ps); cur.Followable() {
		s.p = cur
	} else {
		s.title.SetText(fmt.Sprintf(lang.L("Session log — %s"), s.client.Name))
		s.logBtn.Disable()
		s.showLight(nil)
		if cur != nil {
			// Her newest issued programme is a referral: the plan before it
			// does not run on underneath it.
			s.lightTitle.SetText(lang.L("Her current programme is a referral"))
			s.lightText.SetText(lang.L("Sessions are logged against a plan with exercises. Issue one once the referral is dealt with."))
		} else {
			s.lightTitle.SetText(lang.L("No issued programme"))
			s.lightText.SetText(lang.L("Issue a programme for her first: sessions are logged against the plan she follows."))
		}
		s.root.Refresh()
		return
	}
	for _, p := range ps {
		if p.Lineage == s.p.Lineage {
			s.lineage = append(s.lineage, p)
		}
	}
	s.logBtn.Enable()
	s.title.SetText(fmt.Sprintf(lang.L("Session log — %s · programme v%d"), s.client.Name, s.p.Version))
	all, err := u.svc.SessionLogs.FindSessionLogs(ctx(), assessment.SessionLogFilter{ClientID: s.client.ID})
	if err != nil {
		u.showError(lang.L("Could not load the sessions"), err)
		return
	}
	s.logs = nil
	for _, l := range all {
		for _, v := range s.lineage {
			if l.ProgrammeID == v.ID {
				s.logs = append(s.logs, l)
			}
		}
	}
	if s.rec == nil || s.rec.ID != s.p.RecordID {
		s.rec = nil
		r, err := u.svc.Records.FindRecordByID(ctx(), s.p.RecordID)
		if err != nil && assessment.ErrorCode(err) != assessment.ENOTFOUND {
			u.showError(lang.L("Could not load the assessment"), err)
			return
		}
		s.rec = r
	}
	prop, err := assessment.Propose(s.rec, s.p, s.logs, s.lib)
	if err != nil {
		u.showError(lang.L("Could not read the sessions"), err)
		return
	}
	s.showLight(prop)
	s.showAdherence()
	s.showHistory()
	// The panels changed height: lay the whole screen out again.
	s.root.Refresh()
}

// lightColor is the traffic light's colour from the theme.
func lightColor(l assessment.Light) color.Color {
	switch l {
	case assessment.LightGreen:
		return theme.Color(theme.ColorNameSuccess)
	case assessment.LightAmber:
		return theme.Color(theme.ColorNameWarning)
	case assessment.LightRed:
		return theme.Color(theme.ColorNameError)
	}
	return theme.Color(theme.ColorNameDisabled)
}

func lightWord(l assessment.Light) string {
	switch l {
	case assessment.LightGreen:
		return lang.L("Green")
	case assessment.LightAmber:
		return lang.L("Amber")
	case assessment.LightRed:
		return lang.L("Red")
	}
	return ""
}

func (s *sessionScreen) showLight(prop *assessment.Proposal) {
	s.proposal = prop
	s.changes.Objects = nil
	s.apply.Hide()
	s.refer.Hide()
	if prop == nil {
		s.lightBar.FillColor = color.Transparent
		s.lightBar.Refresh()
		s.changes.Refresh()
		return
	}
	s.lightBar.FillColor = lightColor(prop.Light)
	s.lightBar.Refresh()
	title := lang.L(prop.Title)
	if w := lightWord(prop.Light); w != "" {
		title = w + " · " + title
	}
	s.lightTitle.SetText(title)
	s.lightText.SetText(prop.Reason)
	switch prop.Light {
	case assessment.LightRed:
		s.lightTitle.Importance = widget.DangerImportance
	case assessment.LightAmber:
		s.lightTitle.Importance = widget.WarningImportance
	case assessment.LightGreen:
		s.lightTitle.Importance = widget.SuccessImportance
	default:
		s.lightTitle.Importance = widget.MediumImportance
	}
	s.lightTitle.Refresh()
	for _, c := range prop.Changes {
		var line string
		if c.ToID != "" {
			line = fmt.Sprintf(lang.L("From week %d: %s, replaced by %s"), c.FromWeek, c.Name, c.ToName)
		} else {
			line = fmt.Sprintf(lang.L("From week %d: %s, smaller dose. %s"), c.FromWeek, c.Name, c.Reason)
		}
		s.changes.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.NavigateNextIcon()), nil, newWrapLabel(line)))
	}
	s.changes.Refresh()
	if prop.Refer {
		s.refer.SetText(prop.ReferReason)
		s.refer.Show()
	}
	if prop.Action == assessment.ActionAsk {
		s.showAsk(prop)
	}
	if prop.Action == assessment.ActionRegress && len(prop.Changes) > 0 {
		s.apply.Show()
	}
}

func (s *sessionScreen) showAdherence() {
	var rows []fyne.CanvasObject
	weeks := assessment.Adherence(s.p, s.logs, s.ui.svc.today())
	if pct, ok := assessment.OverallAdherence(weeks); ok {
		rows = append(rows, boldLabel(fmt.Sprintf(lang.L("Overall: %d%% of the sessions planned so far"), pct)))
	} else {
		rows = append(rows, newWrapLabel(lang.L("No session was planned before today yet.")))
	}
	for i := len(weeks) - 1; i >= 0; i-- {
		w := weeks[i]
		bar := widget.NewProgressBar()
		bar.Max = 100
		pct := "–"
		if w.Percent >= 0 {
			bar.SetValue(float64(w.Percent))
			pct = fmt.Sprintf("%d%%", w.Percent)
		}
		bar.TextFormatter = func() string { return pct }
		label := widget.NewLabel(fmt.Sprintf(lang.L("Week %d (%s): %d done, %d partly, %d missed of %d planned"),
			w.Week, w.Start, w.Done, w.Partial, w.Missed, w.PlannedSoFar))
		label.Wrapping = fyne.TextWrapWord
		rows = append(rows, container.NewGridWithColumns(2, label, bar))
	}
	s.adherence.Objects = rows
	s.adherence.Refresh()
}

func (s *sessionScreen) showHistory() {
	s.noHistory.Hidden = len(s.logs) > 0
	s.historyList.Refresh()
}

// logText words logged session i, with an icon in its traffic-light
// colour.
func (s *sessionScreen) logText(i int) (string, fyne.Resource) {
	l := s.logs[i]
	version := 0
	for _, v := range s.lineage {
		if v.ID == l.ProgrammeID {
			version = v.Version
		}
	}
	// What matters most comes first: the row is cut at the panel's edge.
	text := l.Date.String()
	if l.Status != assessment.SessionMissed {
		text += fmt.Sprintf(lang.L(" · pain %d/10"), l.Pain)
		var hurt []string
		for _, x := range l.HurtExercises() {
			hurt = append(hurt, x.Name)
		}
		if len(hurt) > 0 {
			text += " · " + fmt.Sprintf(lang.L("hurt: %s"), assessment.JoinAnd(hurt))
		}
		if l.Doming {
			text += " · " + lang.L("doming")
		}
	}
	text += " · " + lang.L(statusLabel(l.Status))
	switch {
	case l.Session == assessment.SessionOther:
		text += ", " + lang.L("another activity")
	case l.Session != "":
		text += ", " + lang.L(dayLabel[l.Session])
	}
	text += fmt.Sprintf(" · v%d", version)
	if l.Note != "" {
		text += " · " + l.Note
	}
	switch l.Light() {
	case assessment.LightRed:
		return text, theme.NewErrorThemedResource(theme.RadioButtonFillIcon())
	case assessment.LightAmber:
		return text, theme.NewWarningThemedResource(theme.RadioButtonFillIcon())
	case assessment.LightGreen:
		return text, theme.NewSuccessThemedResource(theme.RadioButtonFillIcon())
	}
	return text, theme.NewDisabledResource(theme.RadioButtonIcon())
}

func statusLabel(status string) string {
	for _, c := range sessionStatusChoices {
		if c.value == status {
			return c.label
		}
	}
	return status
}

// onApply makes the proposed regression a new version of the programme.
// The version she had is kept, marked superseded.
func (s *sessionScreen) onApply() {
	if s.proposal == nil || s.p == nil {
		return
	}
	np, err := assessment.Apply(s.rec, s.p, s.proposal, s.lib)
	if err != nil {
		s.ui.showError(lang.L("Could not apply the change"), err)
		return
	}
	old := s.p.Version
	if err := s.ui.svc.Programmes.CreateProgramme(ctx(), np); err != nil {
		s.ui.showError(lang.L("Could not save the new version"), err)
		return
	}
	s.reload()
	s.say(fmt.Sprintf(lang.L("Saved as version %d; version %d is kept."), np.Version, old))
}

// showAsk asks which exercises hurt when a red log does not say: a tick
// for each exercise of its session, and a button that marks the ticked
// ones in the log. With no session known (a rest day), the coach opens
// the log and says which session it was.
func (s *sessionScreen) showAsk(prop *assessment.Proposal) {
	s.askChecks = nil
	if len(prop.Ask) == 0 {
		s.changes.Add(newWrapLabel(lang.L("No session is planned on that day in her plan, so Keel cannot tell what she did. Open the log and choose the session she did, or another activity.")))
		s.changes.Add(container.NewHBox(newButton(lang.L("Open the log"), theme.DocumentCreateIcon(), func() {
			if l := s.storedLog(prop.Log); l != nil {
				s.startEdit(l)
			}
		})))
		return
	}
	s.changes.Add(newWrapLabel(lang.L("Tick what hurt her; only those are regressed:")))
	for _, x := range prop.Ask {
		c := widget.NewCheck(x.Name, nil)
		s.askChecks = append(s.askChecks, c)
		s.changes.Add(c)
	}
	s.changes.Add(container.NewHBox(newImportantButton(lang.L("Mark what hurt"), func() { s.onMarkHurt(prop) })))
}

// storedLog is the log of s.logs that l is a copy of, or nil.
func (s *sessionScreen) storedLog(l *assessment.SessionLog) *assessment.SessionLog {
	for _, x := range s.logs {
		if l != nil && x.ID == l.ID {
			return x
		}
	}
	return nil
}

// onMarkHurt marks the ticked exercises as hurt in the red log and reads
// the light again. The others keep their answer (done when the log had
// none: she did the session). Ctrl+Z takes it back.
func (s *sessionScreen) onMarkHurt(prop *assessment.Proposal) {
	before := s.storedLog(prop.Log)
	if before == nil {
		return
	}
	after := before.Clone()
	if len(after.Exercises) == 0 {
		after.Exercises = slices.Clone(prop.Ask)
		if after.Session == "" {
			if _, onDay := assessment.SessionsAround(s.planFor(before), before.Date); onDay != nil {
				after.Session = onDay.Day
			}
		}
	}
	ticked := 0
	for i := range after.Exercises {
		switch {
		case i < len(s.askChecks) && s.askChecks[i].Checked:
			after.Exercises[i].Outcome = assessment.OutcomeHurt
			ticked++
		case after.Exercises[i].Outcome == "":
			after.Exercises[i].Outcome = assessment.OutcomeDone
		}
	}
	if ticked == 0 {
		s.saved.Importance = widget.DangerImportance
		s.saved.SetText(lang.L("Tick at least one exercise that hurt her."))
		return
	}
	if err := s.ui.svc.SessionLogs.UpdateSessionLog(ctx(), after); err != nil {
		s.ui.showError(lang.L("Could not save the session"), err)
		return
	}
	s.history.done(before, after, fmt.Sprintf(lang.L("marking what hurt on %s"), before.Date))
	s.reload()
	s.say(lang.L("Marked what hurt. Ctrl+Z undoes it."))
}
