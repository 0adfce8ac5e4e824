package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

var dayLabel = map[string]string{"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}
var dayOrder = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// programmeScreen shows one programme as weeks × days and lets the coach
// adjust it. Every change is saved at once, in one transaction.
type programmeScreen struct {
	ui     *UI
	client *assessment.Client
	record *assessment.Record
	p      *assessment.Programme
	lib    *assessment.Library

	week    int
	weekSel *widget.Select
	// daysScroll and sideScroll scroll the week and the side panel; Tab
	// brings the focused control into view in them (UI.revealFocus).
	daysScroll, sideScroll *container.Scroll
	undoBtn                *widget.Button
	said                   *widget.Label // what the last edit, undo or redo did
	redoBtn                *widget.Button
	days                   *fyne.Container
	side                   *fyne.Container
	status                 *widget.Label
	statusTag              *widget.Label
	info                   *widget.Label
	issue                  *widget.Button
	export                 *widget.Button
	regen                  *widget.Button
	root                   fyne.CanvasObject
	chooser                *chooser // the open exercise chooser, for tests
	index                  *assessment.ChooserIndex
	// hist holds this programme's edits while it is open, for undo/redo.
	hist      assessment.EditHistory
	prev      *assessment.Programme // the version before, for "what changed"
	tplDialog *templateDialog
	saveTpl   *widget.Button
	// The open dose and remove dialogs, for tests.
	dose         *doseDialog
	removeScope  *widget.RadioGroup
	removeDialog *dialog.ConfirmDialog
	// replacing is the issued version a new draft version was made from
	// on this screen (0 when none): she keeps that one until this is issued.
	replacing int
}

// library is the built-in library with the coach's own exercises.
func (u *UI) library() (*assessment.Library, error) {
	return assessment.LibraryWithCustom(ctx(), u.svc.Library, u.svc.Exercises)
}

// onCreateProgramme asks for the length and start, generates the
// programme from record r and opens it.
func (u *UI) onCreateProgramme(c *assessment.Client, r *assessment.Record) {
	// Every field passes Escape and Enter to the dialog: a focused field
	// gets every key, so the window alone could not cancel or create.
	keys := u.onTypedKey
	weeks := newKeySelect(nil, keys)
	for w := assessment.MinProgrammeWeeks; w <= assessment.MaxProgrammeWeeks; w++ {
		weeks.Options = append(weeks.Options, strconv.Itoa(w))
	}
	weeks.SetSelected(strconv.Itoa(assessment.DefaultProgrammeWeeks))
	start := newKeyEntry()
	start.dialogKey = keys
	start.SetText(assessment.NextMonday(u.svc.today()).String())
	startErr := newFieldError()
	// Equipment in words, three to a row, so every box is in reach in the
	// smallest window Keel is made for (1024×700).
	var equipChecks []*keyCheck
	var equipCodes []string
	equipGrid := container.NewGridWithColumns(3)
	for _, e := range assessment.EquipmentNames {
		if e != assessment.EquipNone {
			ch := newKeyCheck(label(equipmentLabels, e), keys)
			ch.SetChecked(true)
			equipChecks = append(equipChecks, ch)
			equipCodes = append(equipCodes, e)
			equipGrid.Add(ch)
		}
	}
	// Start from: Keel builds it from her assessment, or a template.
	var tpls []*assessment.Template
	from := newKeySelect(nil, keys)
	loadTemplates := func() {
		tpls = nil
		from.Options = []string{lang.L("Keel builds it from her assessment")}
		if ts := u.templates(); ts != nil {
			if list, err := ts.FindTemplates(ctx()); err == nil {
				tpls = list
			}
		}
		for _, t := range tpls {
			from.Options = append(from.Options, lang.L("Template: ")+t.Name)
		}
		from.SetSelectedIndex(0)
	}
	loadTemplates()
	fromRow := fyne.CanvasObject(from)
	if u.templates() != nil {
		fromRow = container.NewBorder(nil, nil, nil, newButton(lang.L("Templates…"), nil, func() { u.manageTemplates(loadTemplates) }), from)
	}
	form := container.NewVBox(
		labelled(lang.L("Start from"), fromRow, newFieldError()),
		labelled(lang.L("Length in weeks (a template keeps its own)"), weeks, newFieldError()),
		labelled(lang.L("Week 1 starts on"), start, startErr),
		labelled(lang.L("Equipment she has (untick what she lacks)"), equipGrid, newFieldError()))
	var d *dialog.CustomDialog
	create := newImportantButton(lang.L("Create"), func() {
		sd, err := assessment.ParseDate(strings.TrimSpace(start.Text))
		if err != nil || sd.IsZero() {
			startErr.set(lang.L("Write the date as YYYY-MM-DD."))
			return
		}
		n, _ := strconv.Atoi(weeks.Selected)
		eq := []string{assessment.EquipNone}
		for i, ch := range equipChecks {
			if ch.Checked {
				eq = append(eq, equipCodes[i])
			}
		}
		lib, err := u.library()
		if err != nil {
			u.showError(lang.L("Could not load the exercise library"), err)
			return
		}
		opts := assessment.ProgrammeOptions{Weeks: n, Start: sd, Equipment: eq}
		var p *assessment.Programme
		if i := from.SelectedIndex(); i > 0 && i <= len(tpls) {
			p, err = assessment.NewProgrammeFromTemplate(c, r, tpls[i-1], lib, opts)
		} else {
			p, err = assessment.NewProgramme(c, r, lib, opts)
		}
		if err != nil {
			startErr.set(assessment.ErrorMessage(err))
			return
		}
		if err := u.svc.Programmes.CreateProgramme(ctx(), p); err != nil {
			u.showError(lang.L("Could not save the programme"), err)
			return
		}
		d.Hide()
		u.openProgrammeScreen(c, r, p)
	})
	d = dialog.NewCustomWithoutButtons(lang.L("Create programme"), container.NewGridWrap(fyne.NewSize(600, 460), container.NewVScroll(form)), u.win)
	d.SetButtons([]fyne.CanvasObject{newButton(lang.L("Cancel"), nil, func() { d.Hide() }), create})
	d.Show()
}

// openProgrammeScreen shows programme p.
func (u *UI) openProgrammeScreen(c *assessment.Client, r *assessment.Record, p *assessment.Programme) *programmeScreen {
	lib, err := u.library()
	if err != nil {
		u.showError(lang.L("Could not load the exercise library"), err)
		return nil
	}
	s := &programmeScreen{ui: u, client: c, record: r, p: p, lib: lib, week: 1}
	if wk := p.WeekOn(u.svc.today()); wk > 0 {
		s.week = wk // the week she is in, not week 1: an edit lands where it matters
	}
	s.build()
	u.programme = s
	u.pushScreen(s.root)
	s.registerShortcuts()
	return s
}

// registerShortcuts binds Ctrl+Z and Ctrl+Shift+Z to the programme on top.
func (s *programmeScreen) registerShortcuts() {
	u := s.ui
	onTop := func() *programmeScreen {
		if u.programme != nil && !u.atHome() && u.screens[len(u.screens)-1] == u.programme.root {
			return u.programme
		}
		return nil
	}
	undo := func(fyne.Shortcut) {
		if p := onTop(); p != nil {
			p.onUndo()
		}
	}
	redo := func(fyne.Shortcut) {
		if p := onTop(); p != nil {
			p.onRedo()
		}
	}
	// The desktop driver turns Ctrl+Z and Ctrl+Shift+Z (Cmd on a Mac) into
	// Fyne's undo and redo shortcuts; the custom forms cover other drivers.
	c := u.win.Canvas()
	c.AddShortcut(&fyne.ShortcutUndo{}, undo)
	c.AddShortcut(&fyne.ShortcutRedo{}, redo)
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault}, undo)
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}, redo)
}

func (s *programmeScreen) build() {
	back := newButton(lang.L("Back"), theme.NavigateBackIcon(), s.onBack)
	title := newHeading(fmt.Sprintf(lang.L("Programme — %s"), s.client.Name))
	title.Truncation = fyne.TextTruncateEllipsis
	s.statusTag = widget.NewLabel("")
	s.statusTag.TextStyle.Bold = true
	s.status = widget.NewLabel("")
	s.export = newButton(lang.L("Export handout (Ctrl+P)"), theme.DocumentPrintIcon(), s.onExport)
	s.issue = newImportantButton(lang.L("Mark issued"), s.onIssue)
	s.issue.Icon = theme.ConfirmIcon()
	s.regen = newButton(lang.L("Regenerate…"), theme.ViewRefreshIcon(), s.onRegenerate)
	s.info = widget.NewLabel("")
	s.info.Importance = widget.LowImportance
	// The status line sits under the buttons, not beside them: beside
	// them it widened the header past a 1024-pixel screen once issued,
	// cutting "Mark issued" off.
	s.info.Wrapping = fyne.TextWrapWord
	header := container.NewVBox(
		container.NewBorder(nil, nil, back, container.NewHBox(s.regen, s.export, s.issue), container.NewBorder(nil, nil, nil, s.statusTag, title)),
		container.NewBorder(nil, nil, s.status, nil, s.info))

	s.weekSel = widget.NewSelect(nil, func(string) {
		s.week = s.weekSel.SelectedIndex() + 1
		s.refreshDays()
	})
	s.said = widget.NewLabel("")
	// One line kept for what the last edit did, shown from the start, so
	// a message never pushes the days down under the pointer.
	s.said.Truncation = fyne.TextTruncateEllipsis
	s.said.Importance = widget.SuccessImportance
	s.undoBtn = newButton(lang.L("Undo"), theme.ContentUndoIcon(), s.onUndo)
	s.redoBtn = newButton(lang.L("Redo"), theme.ContentRedoIcon(), s.onRedo)
	s.days = container.NewVBox()
	s.side = container.NewVBox()
	var main fyne.CanvasObject
	if s.p.Blocked {
		main = container.NewVScroll(s.blockedView())
	} else {
		tools := container.NewHBox(s.undoBtn, s.redoBtn)
		if s.ui.templates() != nil {
			s.saveTpl = newButton(lang.L("Save as template…"), theme.DocumentSaveIcon(), s.onSaveTemplate)
			tools.Add(s.saveTpl)
		}
		top := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel(lang.L("Week")), tools, s.weekSel), s.said)
		s.daysScroll = container.NewVScroll(s.days)
		main = container.NewBorder(top, nil, nil, nil, s.daysScroll)
	}
	s.sideScroll = container.NewVScroll(s.side)
	split := container.NewHSplit(main, s.sideScroll)
	split.Offset = 0.68
	s.root = container.NewBorder(header, nil, nil, nil, split)
	s.refresh()
}

// blockedView explains why there is no programme.
func (s *programmeScreen) blockedView() fyne.CanvasObject {
	box := container.NewVBox(newHeading(lang.L("No programme: refer first")))
	box.Add(newWrapLabel(lang.L("A safety rule blocks loaded exercise for this client. Keel makes no programme until the reasons below are dealt with and a doctor's clearance is recorded on the assessment. The handout will carry the referral.")))
	for _, r := range s.p.Referrals {
		l := newWrapLabel("• " + assessment.InWords(r.Reason))
		l.Importance = widget.DangerImportance
		box.Add(l)
	}
	return box
}

// refresh redraws everything from s.p.
func (s *programmeScreen) refresh() {
	p := s.p
	s.statusTag.SetText(lang.L(assessment.StatusLabel(p.Status)))
	if s.readOnly() {
		s.issue.Disable()
		s.regen.Disable()
	} else if !p.Editable() {
		s.issue.Disable()
	} else {
		s.issue.Enable()
	}
	start := ""
	if len(p.Weeks) > 0 {
		start = fmt.Sprintf(lang.L(" from %s"), p.Weeks[0].Start)
	}
	info := fmt.Sprintf(lang.L("%d weeks%s · from the assessment of %s · version %d"), p.Options.Weeks, start, s.record.Date, max(p.Version, 1))
	if s.readOnly() {
		info += " · " + lang.L("an older version, kept as it was: open the latest version from her page to change it")
	} else if !p.Editable() {
		info += " · " + lang.L("issued: she has this version, so a change you make is saved as a new draft version")
	} else if s.replacing > 0 {
		info += " · " + fmt.Sprintf(lang.L("a new draft: she keeps version %d until you issue this one"), s.replacing)
	}
	s.info.SetText(info)
	var opts []string
	for _, w := range p.Weeks {
		opts = append(opts, fmt.Sprintf(lang.L("Week %d · %s · %s"), w.Week, w.Start.Time().Format("2 Jan"), phaseTitle(p, w.Phase)))
	}
	s.weekSel.Options = opts
	if s.week >= 1 && s.week <= len(opts) {
		s.weekSel.SetSelectedIndex(s.week - 1)
	}
	s.refreshDays()
	s.refreshSide()
	s.refreshUndo()
}

func phaseTitle(p *assessment.Programme, phase string) string {
	for _, ph := range p.Phases {
		if ph.Name == phase && ph.Title != "" {
			return ph.Title
		}
	}
	return phase
}

func (s *programmeScreen) currentWeek() *assessment.Week {
	for i := range s.p.Weeks {
		if s.p.Weeks[i].Week == s.week {
			return &s.p.Weeks[i]
		}
	}
	return nil
}

// refreshDays lays out the chosen week, day by day.
func (s *programmeScreen) refreshDays() {
	s.days.Objects = nil
	w := s.currentWeek()
	if w == nil {
		s.days.Refresh()
		return
	}
	byDay := map[string]assessment.Day{}
	for _, d := range w.Days {
		byDay[d.Day] = d
	}
	for _, dn := range dayOrder {
		d := byDay[dn]
		head := fmt.Sprintf("%s · %s", lang.L(dayLabel[dn]), d.Session)
		if d.Session == "" {
			head = lang.L(dayLabel[dn]) + " · " + lang.L("Rest")
		}
		if d.Minutes > 0 {
			head += fmt.Sprintf(lang.L(" · about %d min"), d.Minutes)
		}
		box := container.NewVBox(boldLabel(head))
		for i, l := range d.Exercises {
			box.Add(s.lineRow(w, dn, i, l))
		}
		add := newButton(lang.L("Add exercise"), theme.ContentAddIcon(), func() { s.onAdd(dn) })
		add.Importance = widget.LowImportance
		if !s.readOnly() {
			box.Add(container.NewHBox(add))
		}
		s.days.Add(widget.NewCard("", "", box))
	}
	s.days.Refresh()
}

// lineRow is one prescribed exercise with its reason and edit buttons.
func (s *programmeScreen) lineRow(w *assessment.Week, day string, i int, l assessment.Prescription) fyne.CanvasObject {
	slot := assessment.Slot{Week: w.Week, Day: day, Index: i}
	name := boldLabel(l.Name)
	name.Wrapping = fyne.TextWrapWord
	if l.Overridden {
		name.Importance = widget.WarningImportance
		name.SetText(l.Name + "  ⚠ " + lang.L("override"))
	}
	dose := widget.NewLabel(assessment.DoseText(l))
	reason := newWrapLabel(assessment.InWords(l.Reason))
	reason.SizeName = theme.SizeNameCaptionText
	texts := container.NewVBox(container.NewBorder(nil, nil, nil, dose, name))
	if more := assessment.DoseDetails(l); more != "" || l.HowHard != "" {
		if l.HowHard != "" {
			if more != "" {
				more += " · "
			}
			more += l.HowHard
		}
		m := newWrapLabel(more)
		m.SizeName = theme.SizeNameCaptionText
		texts.Add(m)
	}
	if l.Note != "" {
		n := newWrapLabel(lang.L("Note to her: ") + l.Note)
		n.SizeName = theme.SizeNameCaptionText
		n.Importance = widget.HighImportance
		texts.Add(n)
	}
	texts.Add(reason)
	var thumb fyne.CanvasObject = container.NewWithoutLayout()
	if e, ok := s.lib.Get(l.ExerciseID); ok {
		thumb = newExerciseFigure(e, fyne.NewSize(96, 48))
	}
	var edit *widget.Button
	edit = newButton(lang.L("Edit"), theme.MoreVerticalIcon(), func() {
		menu := fyne.NewMenu("",
			fyne.NewMenuItem(lang.L("Swap for another exercise…"), func() { s.onSwap(slot) }),
			fyne.NewMenuItem(lang.L("Change the dose…"), func() { s.onDose(slot, l) }),
			fyne.NewMenuItem(lang.L("Move to another day…"), func() { s.onMove(slot) }),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(lang.L("Remove…"), func() { s.askRemove(slot) }),
		)
		c := s.ui.win.Canvas()
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(edit)
		widget.ShowPopUpMenuAtPosition(menu, c, pos.Add(fyne.NewPos(0, edit.Size().Height)))
	})
	edit.Importance = widget.LowImportance
	buttons := container.NewVBox(edit)
	if s.readOnly() {
		buttons.Hide()
	}
	return container.NewBorder(nil, nil, container.NewVBox(thumb), buttons, texts)
}

// refreshSide lists referrals, overrides and what was left out.
func (s *programmeScreen) refreshSide() {
	s.side.Objects = nil
	p := s.p
	if len(p.Referrals) > 0 && !p.Blocked {
		s.side.Add(newHeading(lang.L("Referrals")))
		for _, r := range p.Referrals {
			l := newWrapLabel("• " + assessment.InWords(r.Reason))
			l.Importance = widget.DangerImportance
			s.side.Add(l)
		}
	}
	if len(p.Overrides) > 0 {
		s.side.Add(newHeading(lang.L("Your overrides")))
		for _, o := range p.Overrides {
			name := o.ExerciseID
			if e, ok := s.lib.Get(o.ExerciseID); ok {
				name = e.Name
			}
			l := newWrapLabel(fmt.Sprintf(lang.L("• %s (kept despite %s, %s): %s"), name, assessment.GateInWords(o.Gate), o.Date, assessment.InWords(o.Reason)))
			l.Importance = widget.WarningImportance
			s.side.Add(l)
		}
	}
	if prev := s.previousVersion(); prev != nil {
		s.side.Add(newHeading(fmt.Sprintf(lang.L("Changed from version %d"), prev.Version)))
		changes := assessment.VersionChanges(prev, p)
		if len(changes) == 0 {
			s.side.Add(newWrapLabel(lang.L("Nothing yet: the exercises and doses are as they were.")))
		}
		for i, c := range changes {
			if i == 12 {
				s.side.Add(newWrapLabel(fmt.Sprintf(lang.L("…and %d more changes."), len(changes)-i)))
				break
			}
			l := newWrapLabel("• " + c)
			l.SizeName = theme.SizeNameCaptionText
			s.side.Add(l)
		}
	}
	if len(p.Focus) > 0 {
		s.side.Add(newHeading(lang.L("What the plan works on")))
		for _, f := range p.Focus {
			s.side.Add(newWrapLabel("• " + f.Title + ": " + assessment.InWords(f.Reason)))
		}
	}
	if eq := equipmentInWords(p.Options.Equipment); eq != "" {
		s.side.Add(newHeading(lang.L("Equipment she has")))
		s.side.Add(newWrapLabel(eq))
	}
	s.side.Add(newHeading(fmt.Sprintf(lang.L("Left out (%d)"), len(p.Excluded))))
	if len(p.Excluded) == 0 {
		s.side.Add(newWrapLabel(lang.L("Nothing was left out because of a finding.")))
	}
	for _, x := range p.Excluded {
		name := x.Name
		if name == "" {
			name = x.ExerciseID
		}
		l := newWrapLabel("• " + name + ": " + assessment.InWords(x.Reason))
		l.SizeName = theme.SizeNameCaptionText
		s.side.Add(l)
	}
	s.side.Refresh()
}

// readOnly reports whether the programme is an older, superseded version:
// history, shown but never changed.
func (s *programmeScreen) readOnly() bool { return s.p.ReadOnly() }

// apply runs one edit, named label for undo, on the revision the domain
// makes of the programme (the draft itself, or a new draft version of an
// issued one), stores it, and only then shows it and keeps it for undo: a
// refused edit or a failed save leaves the screen, the database and the
// history as they were.
func (s *programmeScreen) apply(label string, edit func(p *assessment.Programme) error) error {
	cp, err := s.p.Revise()
	if err != nil {
		return err
	}
	if err := edit(cp); err != nil {
		return err
	}
	before := s.p
	if err := s.save(cp); err != nil {
		return err
	}
	s.hist.Record(before, label)
	s.say(label + ". " + lang.L("Ctrl+Z undoes it."))
	s.refreshUndo()
	return nil
}

// save stores a revision and shows it.
func (s *programmeScreen) save(cp *assessment.Programme) error {
	from := s.p.Version
	newVersion := cp.ID == 0
	if err := assessment.SaveRevision(ctx(), s.ui.svc.Programmes, cp); err != nil {
		return err
	}
	s.p = cp
	if newVersion {
		s.replacing = from
	}
	s.status.SetText(lang.L("Saved"))
	s.refresh()
	s.root.Refresh() // the header widens for the status; lay it out again
	return nil
}

// onUndo puts the programme back as it was before the last edit.
func (s *programmeScreen) onUndo() { s.step(s.hist.Undo, lang.L("Undone: ")) }

// onRedo does the last undone edit again.
func (s *programmeScreen) onRedo() { s.step(s.hist.Redo, lang.L("Redone: ")) }

func (s *programmeScreen) step(move func(*assessment.Programme) (string, func(), bool), prefix string) {
	if s.readOnly() {
		return
	}
	cp, err := s.p.Revise()
	if err != nil {
		s.ui.showError(lang.L("Could not undo"), err)
		return
	}
	label, commit, ok := move(cp)
	if !ok {
		s.say(lang.L("Nothing to undo or redo."))
		return
	}
	if err := s.save(cp); err != nil {
		s.ui.showError(lang.L("Could not undo"), err)
		return
	}
	commit()
	s.say(prefix + label + ".")
	s.refreshUndo()
}

// refreshUndo enables Undo and Redo when there is something to do.
func (s *programmeScreen) refreshUndo() {
	if s.undoBtn == nil {
		return
	}
	for _, b := range []struct {
		btn *widget.Button
		on  bool
	}{{s.undoBtn, s.hist.CanUndo() && !s.readOnly()}, {s.redoBtn, s.hist.CanRedo() && !s.readOnly()}} {
		if b.on {
			b.btn.Enable()
		} else {
			b.btn.Disable()
		}
	}
}

// where names a slot for the coach: "Monday of week 2", or "every Monday
// of the phase" for a phase-wide edit.
func (s *programmeScreen) where(slot assessment.Slot, wide bool) string {
	if wide {
		return fmt.Sprintf(lang.L("every %s of the phase (from week %d)"), lang.L(dayLabel[slot.Day]), slot.Week)
	}
	return fmt.Sprintf(lang.L("%s of week %d"), lang.L(dayLabel[slot.Day]), slot.Week)
}

// lineAt is the line a slot names in the programme on screen.
func (s *programmeScreen) lineAt(slot assessment.Slot) (assessment.Prescription, bool) {
	for _, w := range s.p.Weeks {
		if w.Week != slot.Week {
			continue
		}
		for _, d := range w.Days {
			if d.Day == slot.Day && slot.Index < len(d.Exercises) {
				return d.Exercises[slot.Index], true
			}
		}
	}
	return assessment.Prescription{}, false
}

func (s *programmeScreen) onSwap(slot assessment.Slot) {
	line, ok := s.lineAt(slot)
	if !ok {
		return
	}
	s.chooseExercise(chooserRequest{
		title: fmt.Sprintf(lang.L("Swap %s"), line.Name), week: slot.Week, day: slot.Day, swapFor: line.ExerciseID,
		done: func(id, reason string, wide bool) error {
			name := id
			if e, ok := s.lib.Get(id); ok {
				name = e.Name
			}
			return s.apply(fmt.Sprintf(lang.L("Swapped %s for %s on %s"), line.Name, name, s.where(slot, wide)), func(p *assessment.Programme) error {
				return assessment.SwapExercise(p, s.lib, s.record, slot, id, reason, s.ui.svc.today(), wide)
			})
		}})
}

func (s *programmeScreen) onAdd(day string) {
	week := s.week
	s.chooseExercise(chooserRequest{
		title: fmt.Sprintf(lang.L("Add to %s"), lang.L(dayLabel[day])), week: week, day: day,
		done: func(id, reason string, wide bool) error {
			name := id
			if e, ok := s.lib.Get(id); ok {
				name = e.Name
			}
			return s.apply(fmt.Sprintf(lang.L("Added %s to %s"), name, s.where(assessment.Slot{Week: week, Day: day}, wide)), func(p *assessment.Programme) error {
				return assessment.AddExercise(p, s.lib, s.record, week, day, id, reason, s.ui.svc.today(), wide)
			})
		}})
}

// doseDialog is the open dose dialog, for tests.
type doseDialog struct {
	sets, reps, hold, tempo, rest, howHard, rir, note *widget.Entry
	scope                                             *widget.RadioGroup
	save                                              func()
	dialog                                            *dialog.CustomDialog
}

func (s *programmeScreen) onDose(slot assessment.Slot, l assessment.Prescription) {
	entry := func(v string) *submitEntry {
		e := newSubmitEntry()
		e.SetText(v)
		return e
	}
	itoa := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	sets, reps, hold := entry(strconv.Itoa(l.Sets)), entry(strconv.Itoa(l.Reps)), entry(strconv.Itoa(l.HoldSeconds))
	tempo, rest, howHard := entry(l.Tempo), entry(itoa(l.RestSeconds)), entry(l.HowHard)
	rir := entry("")
	if l.RepsInReserve != nil {
		rir.SetText(strconv.Itoa(*l.RepsInReserve))
	}
	note := widget.NewMultiLineEntry()
	note.SetText(l.Note)
	note.SetMinRowsVisible(2)
	note.Wrapping = fyne.TextWrapWord
	tempo.SetPlaceHolder(lang.L("e.g. 3-1-1: down, pause, up"))
	howHard.SetPlaceHolder(lang.L("in words, e.g. a band that makes the last 2 reps hard"))
	rir.SetPlaceHolder(lang.L("0 to 5, or empty"))
	errs := map[string]fieldError{}
	for _, f := range []string{assessment.FieldSets, assessment.FieldReps, assessment.FieldHold, assessment.FieldTempo,
		assessment.FieldRest, assessment.FieldHowHard, assessment.FieldRIR, assessment.FieldNote} {
		errs[f] = newFieldError()
	}
	scope := s.scopeChoice(slot.Week, slot.Day)
	left := container.NewVBox(
		labelled(lang.L("Sets"), sets, errs[assessment.FieldSets]),
		labelled(lang.L("Reps (0 for a hold only)"), reps, errs[assessment.FieldReps]),
		labelled(lang.L("Hold in seconds (0 for reps only)"), withUnit(hold, "s"), errs[assessment.FieldHold]),
		labelled(lang.L("Tempo"), tempo, errs[assessment.FieldTempo]))
	right := container.NewVBox(
		labelled(lang.L("Rest between sets"), withUnit(rest, "s"), errs[assessment.FieldRest]),
		labelled(lang.L("How hard, in words"), howHard, errs[assessment.FieldHowHard]),
		labelled(lang.L("Reps in reserve"), rir, errs[assessment.FieldRIR]))
	form := container.NewVBox(container.NewGridWithColumns(2, left, right),
		labelled(lang.L("A note to her"), note, errs[assessment.FieldNote]), scope)
	var d *dialog.CustomDialog
	save := func() {
		num := func(e *submitEntry) int {
			t := strings.TrimSpace(e.Text)
			if t == "" {
				return 0
			}
			n, err := strconv.Atoi(t)
			if err != nil {
				return -1
			}
			return n
		}
		edit := assessment.DoseEdit{Sets: num(sets), Reps: num(reps), HoldSeconds: num(hold), Tempo: tempo.Text,
			RestSeconds: num(rest), HowHard: howHard.Text, Note: note.Text}
		if t := strings.TrimSpace(rir.Text); t != "" {
			n := num(rir)
			edit.RepsInReserve = &n
		}
		wide := scopeWide(scope)
		err := s.apply(fmt.Sprintf(lang.L("Changed the dose of %s on %s"), l.Name, s.where(slot, wide)), func(p *assessment.Programme) error {
			return assessment.EditFullDose(p, s.lib, slot, edit, wide)
		})
		fe := assessment.FieldErrors(err)
		for f, e := range errs {
			e.set(fe.For(f))
		}
		if err == nil {
			d.Hide()
		} else if len(fe) == 0 {
			s.ui.showError(lang.L("Could not change the dose"), err)
		}
	}
	for _, e := range []*submitEntry{sets, reps, hold, tempo, rest, howHard, rir} {
		e.OnSubmitted = func(string) { save() }
	}
	d = dialog.NewCustomWithoutButtons(fmt.Sprintf(lang.L("Dose of %s"), l.Name), container.NewGridWrap(fyne.NewSize(640, 470), form), s.ui.win)
	d.SetButtons([]fyne.CanvasObject{newButton(lang.L("Cancel"), nil, func() { d.Hide() }), newImportantButton(lang.L("Save (Enter)"), save)})
	d.SetOnClosed(func() { s.ui.win.Canvas().Unfocus() })
	s.dose = &doseDialog{sets: &sets.Entry, reps: &reps.Entry, hold: &hold.Entry, tempo: &tempo.Entry, rest: &rest.Entry,
		howHard: &howHard.Entry, rir: &rir.Entry, note: note, scope: scope, save: save, dialog: d}
	d.Show()
	s.ui.win.Canvas().Focus(sets)
}

// submitEntry is a one-line entry whose Enter saves the dialog.
type submitEntry struct{ widget.Entry }

func newSubmitEntry() *submitEntry {
	e := &submitEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func (s *programmeScreen) onMove(slot assessment.Slot) {
	line, _ := s.lineAt(slot)
	var labels []string
	for _, dn := range dayOrder {
		labels = append(labels, lang.L(dayLabel[dn]))
	}
	sel := widget.NewSelect(labels, nil)
	scope := s.scopeChoice(slot.Week, slot.Day)
	dialog.ShowCustomConfirm(lang.L("Move to another day"), lang.L("Move"), lang.L("Cancel"), container.NewVBox(sel, scope), func(ok bool) {
		if !ok || sel.SelectedIndex() < 0 {
			return
		}
		to := dayOrder[sel.SelectedIndex()]
		wide := scopeWide(scope)
		if err := s.apply(fmt.Sprintf(lang.L("Moved %s from %s to %s"), line.Name, s.where(slot, wide), lang.L(dayLabel[to])), func(p *assessment.Programme) error {
			return assessment.MoveExercise(p, s.lib, slot, to, wide)
		}); err != nil {
			s.ui.showError(lang.L("Could not move the exercise"), err)
		}
	}, s.ui.win)
}

// askRemove asks whether to remove the line from this day or the whole
// phase (this day unless she says otherwise), then removes it and says
// what went from where; Ctrl+Z puts it back.
func (s *programmeScreen) askRemove(slot assessment.Slot) {
	line, ok := s.lineAt(slot)
	if !ok {
		return
	}
	scope := s.scopeChoice(slot.Week, slot.Day)
	s.removeScope = scope
	s.removeDialog = dialog.NewCustomConfirm(fmt.Sprintf(lang.L("Remove %s?"), line.Name), lang.L("Remove"), lang.L("Cancel"), scope, func(ok bool) {
		if ok {
			s.remove(slot, line, scopeWide(scope))
		}
	}, s.ui.win)
	s.removeDialog.Show()
}

// onRemove removes the line from this day only.
func (s *programmeScreen) onRemove(slot assessment.Slot) {
	if line, ok := s.lineAt(slot); ok {
		s.remove(slot, line, false)
	}
}

func (s *programmeScreen) remove(slot assessment.Slot, line assessment.Prescription, wide bool) {
	if err := s.apply(fmt.Sprintf(lang.L("Removed %s from %s"), line.Name, s.where(slot, wide)), func(p *assessment.Programme) error {
		return assessment.RemoveExercise(p, s.lib, slot, wide)
	}); err != nil {
		s.ui.showError(lang.L("Could not remove the exercise"), err)
	}
}

func (s *programmeScreen) onIssue() {
	cp := s.p.Clone()
	err := cp.Issue(s.record)
	if err == nil {
		err = s.save(cp)
	}
	if err != nil {
		s.ui.showError(lang.L("Could not mark the programme issued"), err)
	}
}

// onRegenerate builds the programme again from the assessment, replacing
// every edit, after the coach confirms.
func (s *programmeScreen) onRegenerate() {
	dlg := dialog.NewConfirm(lang.L("Regenerate the programme?"),
		lang.L("Keel will build the programme again from the assessment. Your swaps, doses and overrides in this version are replaced."),
		func(ok bool) {
			if !ok {
				return
			}
			np, err := assessment.Regenerate(s.p, s.record, s.lib)
			if err == nil {
				err = s.save(np)
			}
			if err != nil {
				s.ui.showError(lang.L("Could not regenerate the programme"), err)
			}
		}, s.ui.win)
	dlg.SetConfirmText(lang.L("Regenerate"))
	dlg.Show()
}

func (s *programmeScreen) onBack() {
	s.ui.programme = nil
	s.ui.popScreen()
}

// previousVersion is the version this one was made from, or nil for a
// first version (or when it cannot be read: the comparison is a help, and
// its absence is said by its absence).
func (s *programmeScreen) previousVersion() *assessment.Programme {
	if s.p.Version <= 1 || s.p.Lineage == 0 {
		return nil
	}
	if s.prev != nil && s.prev.Lineage == s.p.Lineage && s.prev.Version == s.p.Version-1 {
		return s.prev
	}
	all, err := s.ui.svc.Programmes.FindProgrammes(ctx(), assessment.ProgrammeFilter{ClientID: s.p.ClientID})
	if err != nil {
		return nil
	}
	for _, o := range all {
		if o.Lineage == s.p.Lineage && o.Version == s.p.Version-1 {
			s.prev = o
			return o
		}
	}
	return nil
}

// say shows what the last edit, undo or redo did, under the week.
func (s *programmeScreen) say(text string) {
	s.said.SetText(text)
}

// equipmentInWords lists the equipment the programme was made for in the
// coach's words, leaving out "no equipment".
func equipmentInWords(codes []string) string {
	var out []string
	for _, c := range codes {
		if c != assessment.EquipNone {
			out = append(out, label(equipmentLabels, c))
		}
	}
	return strings.Join(out, ", ")
}
