package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// Status choices in the form, in order.
var sessionStatusChoices = []choice{
	{assessment.SessionDone, "Done"},
	{assessment.SessionPartial, "Partly done"},
	{assessment.SessionMissed, "Missed"},
}

// Outcome choices of one exercise, in order.
var outcomeChoices = []choice{
	{assessment.OutcomeDone, "Done"},
	{assessment.OutcomeSkipped, "Skipped"},
	{assessment.OutcomeHurt, "Hurt"},
}

// Words of the per-exercise answers. "Not answered" takes an answer back:
// an unanswered pain is stored as unanswered, never as 0.
// The words are short: each field sits on the exercise's line.
const (
	notAnswered  = "Pain?"
	domingNotAns = "Doming?"
	domingNo     = "No doming"
	domingYes    = "Doming seen"
)

// outcomeRow is one exercise of the session in the form: how it went, the
// pain during it and, where it applies, whether her belly domed.
type outcomeRow struct {
	id, name string
	outcome  *submitSelect
	pain     *submitSelect
	doming   *submitSelect // nil when doming does not apply to it
	err      fieldError
}

func labels(cs []choice) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = lang.L(c.label)
	}
	return out
}

func valueOf(cs []choice, label string) string {
	for _, c := range cs {
		if lang.L(c.label) == label {
			return c.value
		}
	}
	return ""
}

func labelOf(cs []choice, value string) string {
	for _, c := range cs {
		if c.value == value {
			return lang.L(c.label)
		}
	}
	return ""
}

// buildForm makes the widgets of the "log a session" form.
func (s *sessionScreen) buildForm() {
	s.formHeading = newHeading(lang.L("Log a session"))
	s.date = newFocusEntry()
	s.date.focused = s.reveal
	s.date.SetPlaceHolder("YYYY-MM-DD")
	s.date.SetText(s.ui.svc.today().String())
	s.date.OnSubmitted = func(string) { s.onSave() }
	s.dateErr = newFieldError()
	// A date message shown goes as soon as the date is right, and follows
	// the date while it is still wrong; a new date preselects its session.
	s.date.OnChanged = func(string) {
		if s.dateErr.Visible() {
			_, v := s.sessionDate()
			s.dateErr.set(v.For(assessment.FieldSessionDate))
		}
		if s.editing == nil && !s.loading {
			s.refreshSessions("")
		}
	}
	s.status = newSubmitSelect(labels(sessionStatusChoices), "", func(string) { s.onStatusChanged() }, s.onSubmit)
	s.status.SetSelected(lang.L("Done"))
	s.statusErr = newFieldError()
	var pains []string
	for i := 0; i <= assessment.MaxNPRS; i++ {
		pains = append(pains, strconv.Itoa(i))
	}
	// No pain is chosen for her: unanswered until the coach sets it.
	s.pain = newSubmitSelect(pains, lang.L("Not answered yet"), nil, s.onSubmit)
	s.painErr = newFieldError()
	s.session = newSubmitSelect(nil, lang.L("Which session did she do?"), func(string) { s.onSessionChanged() }, s.onSubmit)
	s.sessionErr = newFieldError()
	s.sessionHint = newWrapLabel("")
	s.sessionHint.Importance = widget.WarningImportance
	s.sessionHint.Hide()
	s.exercises = container.NewVBox()
	s.exercisesErr = newFieldError()
	s.doming = newSubmitCheck(lang.L("Doming or coning seen during the session"), s.onSubmit)
	s.doming.focused = s.reveal
	for _, f := range []*submitSelect{s.status, s.pain, s.session} {
		f.focused = s.reveal
	}
	s.note = newFocusEntry()
	s.note.focused = s.reveal
	s.note.SetPlaceHolder(lang.L("e.g. bridges felt heavy on the right"))
	s.note.OnSubmitted = func(string) { s.onSave() }
	s.noteErr = newFieldError()
	s.logBtn = newImportantButton(lang.L("Log session (Enter)"), s.onSubmit)
	s.logBtn.Icon = theme.ContentAddIcon()
	s.cancelBtn = newButton(lang.L("Cancel the edit"), theme.CancelIcon(), s.cancelEdit)
	s.cancelBtn.Hide()
	s.deleteBtn = newButton(lang.L("Delete this log"), theme.DeleteIcon(), s.onDelete)
	s.deleteBtn.Importance = widget.DangerImportance
	s.deleteBtn.Hide()
	s.saved = newWrapLabel("")
}

// formBox lays the form out.
func (s *sessionScreen) formBox() fyne.CanvasObject {
	return container.NewVBox(
		s.formHeading,
		container.NewGridWithColumns(2,
			labelled(lang.L("Date"), s.date, s.dateErr),
			labelled(lang.L("She did it"), s.status, s.statusErr)),
		labelled(lang.L("Session of her plan"), s.session, s.sessionErr),
		s.sessionHint,
		container.NewGridWithColumns(2,
			labelled(lang.L("Pain during the session (0–10)"), s.pain, s.painErr),
			container.NewVBox(widget.NewLabel(""), s.doming)),
		s.exercises,
		s.exercisesErr,
		labelled(lang.L("Note"), s.note, s.noteErr),
		container.NewHBox(s.logBtn, s.cancelBtn, s.deleteBtn),
		s.saved)
}

// reveal keeps the field that took the focus in view.
func (s *sessionScreen) reveal(o fyne.CanvasObject) { revealIn(s.formScroll, o) }

// onSubmit is Enter in any field of the form, and the Log button.
func (s *sessionScreen) onSubmit() { s.onSave() }

// planFor is the programme version a log belongs to: the current one for
// a new log.
func (s *sessionScreen) planFor(l *assessment.SessionLog) *assessment.Programme {
	if l != nil {
		for _, v := range s.lineage {
			if v.ID == l.ProgrammeID {
				return v
			}
		}
	}
	return s.p
}

// refreshSessions offers the sessions of the week the form's date falls
// in, and another activity. keep is the session to select ("" preselects
// the one planned on that day; on a rest day nothing is chosen and the
// form asks). A log written before Keel asked keeps its session unsaid
// until the coach chooses one.
func (s *sessionScreen) refreshSessions(keep string) {
	legacy := s.editing != nil && s.editing.Session == ""
	p := s.planFor(s.editing)
	d, v := s.sessionDate()
	var sessions []assessment.PlannedSession
	var onDay *assessment.PlannedSession
	if p != nil && len(v) == 0 {
		sessions, onDay = assessment.SessionsAround(p, d)
	}
	s.planned = sessions
	s.sessionDays = nil
	var opts []string
	for _, ps := range sessions {
		label := fmt.Sprintf(lang.L("%s's session"), lang.L(dayLabel[ps.Day]))
		if ps.Title != "" {
			label += " — " + ps.Title
		}
		opts = append(opts, label)
		s.sessionDays = append(s.sessionDays, ps.Day)
	}
	opts = append(opts, lang.L("Another activity, not in her plan"))
	s.sessionDays = append(s.sessionDays, assessment.SessionOther)
	s.loading = true
	s.session.Options = opts
	s.session.ClearSelected()
	want := keep
	if want == "" && onDay != nil && !legacy {
		want = onDay.Day
	}
	for i, day := range s.sessionDays {
		if day == want {
			s.session.SetSelectedIndex(i)
		}
	}
	s.loading = false
	s.sessionHint.Hide()
	switch {
	case legacy:
		s.sessionHint.SetText(lang.L("This log was written before Keel asked which session she did. Choose it to mark how each exercise went, or leave it unsaid."))
		s.sessionHint.Show()
	case s.session.SelectedIndex() < 0 && len(v) == 0 && p != nil:
		s.sessionHint.SetText(lang.L("No session is planned on this day in her plan: choose the session she did, or another activity."))
		s.sessionHint.Show()
	}
	s.onSessionChanged()
}

// chosenSession is the day of the session chosen ("" for none), and the
// planned session itself (nil for another activity or none).
func (s *sessionScreen) chosenSession() (string, *assessment.PlannedSession) {
	i := s.session.SelectedIndex()
	if i < 0 || i >= len(s.sessionDays) {
		return "", nil
	}
	day := s.sessionDays[i]
	for k := range s.planned {
		if s.planned[k].Day == day {
			return day, &s.planned[k]
		}
	}
	return day, nil
}

// onSessionChanged lists the exercises of the session chosen, each to be
// marked; a missed session or another activity lists none.
func (s *sessionScreen) onSessionChanged() {
	if s.loading {
		return
	}
	if s.session.SelectedIndex() >= 0 {
		s.sessionHint.Hide()
		s.sessionErr.set("")
	}
	_, ps := s.chosenSession()
	s.setRows(assessment.NewOutcomes(ps, s.statusValue()))
}

func (s *sessionScreen) statusValue() string { return valueOf(sessionStatusChoices, s.status.Selected) }

// onStatusChanged: a missed session has no pain or exercises to mark; a
// session done in full marks each exercise not yet answered as done.
func (s *sessionScreen) onStatusChanged() {
	if s.pain == nil || s.loading {
		return
	}
	missed := s.statusValue() == assessment.SessionMissed
	if missed {
		s.pain.Disable()
		s.doming.Disable()
		s.exercises.Hide()
	} else {
		s.pain.Enable()
		s.doming.Enable()
		s.exercises.Show()
	}
	if s.statusValue() == assessment.SessionDone {
		for _, r := range s.rows {
			if r.outcome.Selected == "" {
				r.outcome.SetSelected(lang.L("Done"))
			}
		}
	}
	s.exercises.Refresh()
}

// setRows shows one row per exercise outcome.
func (s *sessionScreen) setRows(xs []assessment.ExerciseOutcome) {
	s.rows = nil
	var objs []fyne.CanvasObject
	if len(xs) > 0 {
		objs = append(objs, newWrapLabel(lang.L("How each exercise went: done, skipped or hurt, with pain and doming only if she said.")))
	}
	for _, x := range xs {
		r := &outcomeRow{id: x.ExerciseID, name: x.Name, err: newFieldError()}
		r.outcome = newSubmitSelect(labels(outcomeChoices), lang.L("Outcome?"), nil, s.onSubmit)
		pains := []string{lang.L(notAnswered)}
		for i := 0; i <= assessment.MaxNPRS; i++ {
			pains = append(pains, fmt.Sprintf(lang.L("Pain %d"), i))
		}
		r.pain = newSubmitSelect(pains, lang.L("Pain?"), nil, s.onSubmit)
		r.outcome.focused, r.pain.focused = s.reveal, s.reveal
		fields := []fyne.CanvasObject{r.outcome, r.pain}
		if e, ok := s.lib.Get(x.ExerciseID); !ok || assessment.DomingApplies(e) {
			r.doming = newSubmitSelect([]string{lang.L(domingNotAns), lang.L(domingNo), lang.L(domingYes)}, lang.L("Doming?"), nil, s.onSubmit)
			r.doming.focused = s.reveal
			fields = append(fields, r.doming)
		} else {
			fields = append(fields, widget.NewLabel(""))
		}
		r.outcome.SetSelected(labelOf(outcomeChoices, x.Outcome))
		if x.Pain != nil {
			r.pain.SetSelectedIndex(*x.Pain + 1)
		}
		if r.doming != nil && x.Doming != nil {
			if *x.Doming {
				r.doming.SetSelected(lang.L(domingYes))
			} else {
				r.doming.SetSelected(lang.L(domingNo))
			}
		}
		r.outcome.OnChanged = func(string) {
			skipped := valueOf(outcomeChoices, r.outcome.Selected) == assessment.OutcomeSkipped
			r.skipped(skipped)
			if skipped && s.statusValue() == assessment.SessionDone {
				// A skipped exercise makes the session partly done (a
				// coach's chart read 100% for a session she cut short).
				s.status.SetSelected(labelOf(sessionStatusChoices, assessment.SessionPartial))
			}
		}
		r.skipped(x.Outcome == assessment.OutcomeSkipped)
		// One line per exercise: its name, then how it went.
		name := widget.NewLabel(x.Name)
		name.TextStyle.Bold = true
		name.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, container.NewVBox(container.NewBorder(nil, nil, nil, container.NewGridWithColumns(3, fields...), name), r.err))
		s.rows = append(s.rows, r)
	}
	s.exercises.Objects = objs
	s.exercises.Refresh()
	s.exercisesErr.set("")
}

// skipped clears and disables the pain and doming of a skipped exercise:
// she did not do it, so there is nothing to answer.
func (r *outcomeRow) skipped(yes bool) {
	for _, f := range []*submitSelect{r.pain, r.doming} {
		if f == nil {
			continue
		}
		if yes {
			f.ClearSelected()
			f.Disable()
		} else {
			f.Enable()
		}
	}
}

// outcomes reads the rows.
func (s *sessionScreen) outcomes() []assessment.ExerciseOutcome {
	var out []assessment.ExerciseOutcome
	for _, r := range s.rows {
		x := assessment.ExerciseOutcome{ExerciseID: r.id, Name: r.name, Outcome: valueOf(outcomeChoices, r.outcome.Selected)}
		if i := r.pain.SelectedIndex(); i > 0 {
			n := i - 1
			x.Pain = &n
		}
		if r.doming != nil {
			switch r.doming.Selected {
			case lang.L(domingYes):
				x.Doming = boolPtr(true)
			case lang.L(domingNo):
				x.Doming = boolPtr(false)
			}
		}
		out = append(out, x)
	}
	return out
}

func boolPtr(b bool) *bool { return &b }

// sessionDate reads the date field: a date she trained on is written as
// YYYY-MM-DD and is not after today (the rule every recorded date follows).
func (s *sessionScreen) sessionDate() (assessment.Date, assessment.ValidationErrors) {
	var v assessment.ValidationErrors
	d, err := assessment.ParseDate(strings.TrimSpace(s.date.Text))
	if err != nil {
		v.Add(assessment.FieldSessionDate, "Write the date as YYYY-MM-DD, e.g. 2026-11-20.")
	}
	assessment.NotInFuture(&v, assessment.FieldSessionDate, d, s.ui.svc.today(), "The session date")
	return d, v
}

// collect reads the form into a session log. What the coach has not
// answered is refused with a message, never filled in for her.
func (s *sessionScreen) collect() (*assessment.SessionLog, assessment.ValidationErrors) {
	var v assessment.ValidationErrors
	l := &assessment.SessionLog{}
	if s.editing != nil {
		l = s.editing.Clone()
	} else if s.p != nil {
		l.ProgrammeID = s.p.ID
	}
	d, dv := s.sessionDate()
	v = append(v, dv...)
	l.Date = d
	l.Status = s.statusValue()
	if l.Status == "" {
		v.Add(assessment.FieldSessionStatus, "Choose done, partly done or missed.")
	}
	l.Pain, l.Doming, l.Session, l.Exercises = 0, false, "", nil
	if l.Status == assessment.SessionMissed {
		// Which planned session she missed, when the coach said.
		if day, _ := s.chosenSession(); day != assessment.SessionOther {
			l.Session = day
		}
	} else {
		if s.pain.Selected == "" {
			v.Add(assessment.FieldSessionPain, "Choose the pain during the session, from 0 (none) to 10: an unanswered pain is not 0.")
		}
		l.Pain, _ = strconv.Atoi(s.pain.Selected)
		l.Doming = s.doming.Checked
		day, _ := s.chosenSession()
		if day == "" && (s.editing == nil || s.editing.Session != "") {
			v.Add(assessment.FieldSessionSession, "Choose which session of her plan she did, or another activity.")
		}
		l.Session = day
		l.Exercises = s.outcomes()
	}
	l.Note = strings.TrimSpace(s.note.Text)
	return l, v
}

// showErrors puts each message beside its field.
func (s *sessionScreen) showErrors(v assessment.ValidationErrors) {
	s.dateErr.set(v.For(assessment.FieldSessionDate))
	s.statusErr.set(v.For(assessment.FieldSessionStatus))
	s.painErr.set(v.For(assessment.FieldSessionPain))
	s.sessionErr.set(v.For(assessment.FieldSessionSession))
	s.noteErr.set(v.For(assessment.FieldSessionNote))
	s.exercisesErr.set(v.For(assessment.FieldSessionExercises))
	for i, r := range s.rows {
		r.err.set(v.For(assessment.FieldSessionExercise(i)))
	}
}

// onSave logs the session, or saves the edit of a logged one (Enter,
// Ctrl+S or the button), and reads the traffic light again. It reports
// whether it saved.
func (s *sessionScreen) onSave() bool {
	if s.p == nil && s.editing == nil {
		return false
	}
	l, v := s.collect()
	if len(v) == 0 {
		if err := l.Validate(s.ui.svc.today()); err != nil {
			v = assessment.FieldErrors(err)
		}
	}
	if len(v) == 0 {
		var err error
		if s.editing != nil {
			err = s.ui.svc.SessionLogs.UpdateSessionLog(ctx(), l)
		} else {
			err = s.ui.svc.SessionLogs.CreateSessionLog(ctx(), l)
		}
		if err != nil {
			if v = assessment.FieldErrors(err); len(v) == 0 || assessment.ErrorCode(err) != assessment.EINVALID {
				s.ui.showError(lang.L("Could not save the session"), err)
				return false
			}
		}
	}
	s.showErrors(v)
	if len(v) > 0 {
		s.saved.Importance = widget.DangerImportance
		s.saved.SetText(lang.L("Nothing was saved: check the fields marked in red."))
		return false
	}
	if s.editing != nil {
		s.history.done(s.editing, l, fmt.Sprintf(lang.L("the edit of the session of %s"), l.Date))
		s.say(fmt.Sprintf(lang.L("Saved the session of %s. Ctrl+Z undoes it."), l.Date))
	} else {
		s.history.done(nil, l, fmt.Sprintf(lang.L("logging the session of %s"), l.Date))
		s.say(fmt.Sprintf(lang.L("Logged the session of %s. Ctrl+Z undoes it."), l.Date))
	}
	s.resetForm()
	s.reload()
	return true
}

// say shows what happened under the form.
func (s *sessionScreen) say(msg string) {
	s.saved.Importance = widget.SuccessImportance
	s.saved.SetText(msg)
}

// resetForm empties the form for the next session: today's date, her
// planned session, and no pain chosen (never the last one's).
func (s *sessionScreen) resetForm() {
	s.editing = nil
	s.formHeading.SetText(lang.L("Log a session"))
	s.logBtn.SetText(lang.L("Log session (Enter)"))
	s.logBtn.SetIcon(theme.ContentAddIcon())
	s.cancelBtn.Hide()
	s.deleteBtn.Hide()
	s.loading = true
	s.date.SetText(s.ui.svc.today().String())
	s.status.SetSelected(lang.L("Done"))
	s.loading = false
	s.pain.ClearSelected()
	s.doming.SetChecked(false)
	s.note.SetText("")
	s.showErrors(nil)
	s.onStatusChanged()
	s.refreshSessions("")
	s.orig = s.formKey()
	// Focus leaves the form, so Ctrl+Z undoes the log rather than typing.
	if c := s.ui.win.Canvas(); c != nil {
		c.Unfocus()
	}
}

// startEdit loads logged session l into the form.
func (s *sessionScreen) startEdit(l *assessment.SessionLog) {
	s.editing = l.Clone()
	s.formHeading.SetText(fmt.Sprintf(lang.L("Edit the session of %s"), l.Date))
	s.logBtn.SetText(lang.L("Save changes (Enter)"))
	s.logBtn.SetIcon(theme.DocumentSaveIcon())
	s.cancelBtn.Show()
	s.deleteBtn.Show()
	s.loading = true
	s.date.SetText(l.Date.String())
	s.status.SetSelected(labelOf(sessionStatusChoices, l.Status))
	s.loading = false
	s.pain.ClearSelected()
	if l.Status != assessment.SessionMissed {
		s.pain.SetSelected(strconv.Itoa(l.Pain))
	}
	s.doming.SetChecked(l.Doming)
	s.note.SetText(l.Note)
	s.showErrors(nil)
	s.onStatusChanged()
	s.refreshSessions(l.Session)
	if len(l.Exercises) > 0 {
		s.setRows(l.Exercises)
	}
	s.orig = s.formKey()
	s.saved.SetText("")
}

// cancelEdit leaves the log as stored.
func (s *sessionScreen) cancelEdit() {
	s.resetForm()
	s.saved.SetText("")
}

// onDelete removes the log being edited; Ctrl+Z brings it back.
func (s *sessionScreen) onDelete() {
	if s.editing == nil {
		return
	}
	l := s.editing
	if err := s.ui.svc.SessionLogs.DeleteSessionLog(ctx(), l.ID); err != nil {
		s.ui.showError(lang.L("Could not delete the session"), err)
		return
	}
	s.history.done(l, nil, fmt.Sprintf(lang.L("deleting the session of %s"), l.Date))
	s.resetForm()
	s.say(fmt.Sprintf(lang.L("Deleted the session of %s. Ctrl+Z brings it back."), l.Date))
	s.reload()
}

// formKey sums up what the form holds, to tell unsaved changes.
func (s *sessionScreen) formKey() string {
	l, _ := s.collect()
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%s|%s|%v|%s|%s", s.date.Text, l.Status, s.pain.Selected, l.Doming, l.Session, l.Note)
	for _, r := range s.rows {
		b.WriteString("|" + r.outcome.Selected + "/" + r.pain.Selected)
		if r.doming != nil {
			b.WriteString("/" + r.doming.Selected)
		}
	}
	return b.String()
}

// dirty reports whether the form holds something not saved yet.
func (s *sessionScreen) dirty() bool {
	return (s.p != nil || s.editing != nil) && s.formKey() != s.orig
}
