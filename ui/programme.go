package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
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

	week      int
	weekSel   *widget.Select
	phaseWide *widget.Check
	days      *fyne.Container
	side      *fyne.Container
	status    *widget.Label
	statusTag *widget.Label
	info      *widget.Label
	issue     *widget.Button
	export    *widget.Button
	regen     *widget.Button
	root      fyne.CanvasObject
	chooser   *chooser // the open exercise chooser, for tests
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
	weeks := widget.NewSelect(nil, nil)
	for w := assessment.MinProgrammeWeeks; w <= assessment.MaxProgrammeWeeks; w++ {
		weeks.Options = append(weeks.Options, strconv.Itoa(w))
	}
	weeks.SetSelected(strconv.Itoa(assessment.DefaultProgrammeWeeks))
	start := widget.NewEntry()
	start.SetText(assessment.NextMonday(u.svc.today()).String())
	startErr := newFieldError()
	equip := widget.NewCheckGroup(nil, nil)
	equip.Horizontal = true
	for _, e := range assessment.EquipmentNames {
		if e != assessment.EquipNone {
			equip.Options = append(equip.Options, e)
		}
	}
	equip.SetSelected(equip.Options)
	form := container.NewVBox(
		labelled(lang.L("Length in weeks"), weeks, newFieldError()),
		labelled(lang.L("Week 1 starts on"), start, startErr),
		labelled(lang.L("Equipment she has (untick what she lacks)"), equip, newFieldError()))
	var d *dialog.CustomDialog
	create := newImportantButton(lang.L("Create"), func() {
		sd, err := assessment.ParseDate(strings.TrimSpace(start.Text))
		if err != nil || sd.IsZero() {
			startErr.set(lang.L("Write the date as YYYY-MM-DD."))
			return
		}
		n, _ := strconv.Atoi(weeks.Selected)
		eq := append([]string{assessment.EquipNone}, equip.Selected...)
		lib, err := u.library()
		if err != nil {
			u.showError(lang.L("Could not load the exercise library"), err)
			return
		}
		p, err := assessment.NewProgramme(c, r, lib, assessment.ProgrammeOptions{Weeks: n, Start: sd, Equipment: eq})
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
	d = dialog.NewCustomWithoutButtons(lang.L("Create programme"), container.NewGridWrap(fyne.NewSize(560, 330), form), u.win)
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
	s.build()
	u.programme = s
	u.pushScreen(s.root)
	return s
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
	header := container.NewVBox(
		container.NewBorder(nil, nil, back, container.NewHBox(s.status, s.regen, s.export, s.issue), container.NewBorder(nil, nil, nil, s.statusTag, title)),
		s.info)

	s.weekSel = widget.NewSelect(nil, func(string) {
		s.week = s.weekSel.SelectedIndex() + 1
		s.refreshDays()
	})
	s.phaseWide = widget.NewCheck(lang.L("Apply changes to every week of this phase"), nil)
	s.phaseWide.SetChecked(true)
	s.days = container.NewVBox()
	s.side = container.NewVBox()
	var main fyne.CanvasObject
	if s.p.Blocked {
		main = container.NewVScroll(s.blockedView())
	} else {
		top := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Week")), s.phaseWide, s.weekSel)
		main = container.NewBorder(top, nil, nil, nil, container.NewVScroll(s.days))
	}
	split := container.NewHSplit(main, container.NewVScroll(s.side))
	split.Offset = 0.68
	s.root = container.NewBorder(header, nil, nil, nil, split)
	s.refresh()
}

// blockedView explains why there is no programme.
func (s *programmeScreen) blockedView() fyne.CanvasObject {
	box := container.NewVBox(newHeading(lang.L("No programme: refer first")))
	box.Add(newWrapLabel(lang.L("A safety rule blocks loaded exercise for this client. Keel makes no programme until the reasons below are dealt with and a doctor's clearance is recorded on the assessment. The handout will carry the referral.")))
	for _, r := range s.p.Referrals {
		l := newWrapLabel("• " + r.Reason)
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
	reason := newWrapLabel(l.Reason)
	reason.SizeName = theme.SizeNameCaptionText
	var edit *widget.Button
	edit = newButton(lang.L("Edit"), theme.MoreVerticalIcon(), func() {
		menu := fyne.NewMenu("",
			fyne.NewMenuItem(lang.L("Swap for another exercise…"), func() { s.onSwap(slot) }),
			fyne.NewMenuItem(lang.L("Change sets, reps or hold…"), func() { s.onDose(slot, l) }),
			fyne.NewMenuItem(lang.L("Move to another day…"), func() { s.onMove(slot) }),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem(lang.L("Remove"), func() { s.onRemove(slot) }),
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
	return container.NewBorder(nil, nil, nil, buttons, container.NewVBox(container.NewBorder(nil, nil, nil, dose, name), reason))
}

// refreshSide lists referrals, overrides and what was left out.
func (s *programmeScreen) refreshSide() {
	s.side.Objects = nil
	p := s.p
	if len(p.Referrals) > 0 && !p.Blocked {
		s.side.Add(newHeading(lang.L("Referrals")))
		for _, r := range p.Referrals {
			l := newWrapLabel("• " + r.Reason)
			l.Importance = widget.DangerImportance
			s.side.Add(l)
		}
	}
	if len(p.Overrides) > 0 {
		s.side.Add(newHeading(lang.L("Your overrides")))
		for _, o := range p.Overrides {
			l := newWrapLabel(fmt.Sprintf("• %s (%s, %s): %s", o.ExerciseID, o.Gate, o.Date, o.Reason))
			l.Importance = widget.WarningImportance
			s.side.Add(l)
		}
	}
	if len(p.Focus) > 0 {
		s.side.Add(newHeading(lang.L("What the plan works on")))
		for _, f := range p.Focus {
			s.side.Add(newWrapLabel("• " + f.Title + ": " + f.Reason))
		}
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
		l := newWrapLabel("• " + name + ": " + x.Reason)
		l.SizeName = theme.SizeNameCaptionText
		s.side.Add(l)
	}
	s.side.Refresh()
}

// readOnly reports whether the programme is an older, superseded version:
// history, shown but never changed.
func (s *programmeScreen) readOnly() bool { return s.p.ReadOnly() }

// apply runs one edit on the revision the domain makes of the programme
// (the draft itself, or a new draft version of an issued one), stores it,
// and only then shows it: a refused edit or a failed save leaves the
// screen and the database as they were.
func (s *programmeScreen) apply(edit func(p *assessment.Programme) error) error {
	cp, err := s.p.Revise()
	if err != nil {
		return err
	}
	if err := edit(cp); err != nil {
		return err
	}
	return s.save(cp)
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

func (s *programmeScreen) wide() bool { return s.phaseWide.Checked }

func (s *programmeScreen) onSwap(slot assessment.Slot) {
	w := s.currentWeek()
	line := w.Days[slices.IndexFunc(w.Days, func(d assessment.Day) bool { return d.Day == slot.Day })].Exercises[slot.Index]
	alts, err := assessment.Alternatives(s.lib, s.record, line.ExerciseID, s.p.Options)
	if err != nil {
		s.ui.showError(lang.L("Could not find alternatives"), err)
		return
	}
	s.chooseExercise(fmt.Sprintf(lang.L("Swap %s"), line.Name), alts, func(id, reason string) error {
		return s.apply(func(p *assessment.Programme) error {
			return assessment.SwapExercise(p, s.lib, s.record, slot, id, reason, s.ui.svc.today(), s.wide())
		})
	})
}

func (s *programmeScreen) onAdd(day string) {
	s.chooseExercise(fmt.Sprintf(lang.L("Add to %s"), lang.L(dayLabel[day])), nil, func(id, reason string) error {
		return s.apply(func(p *assessment.Programme) error {
			return assessment.AddExercise(p, s.lib, s.record, s.week, day, id, reason, s.ui.svc.today(), s.wide())
		})
	})
}

// chooseExercise shows the suggested exercises (those that serve the same
// purpose and pass the safety rules) and, on request, the whole library. An
// exercise a safety rule leaves out needs a written reason.
func (s *programmeScreen) chooseExercise(title string, suggested []*assessment.Exercise, done func(id, reason string) error) {
	all := slices.Clone(s.lib.Exercises)
	slices.SortFunc(all, func(a, b *assessment.Exercise) int { return strings.Compare(a.Name, b.Name) })
	showAll := widget.NewCheck(lang.L("Show the whole library, including exercises a safety rule leaves out"), nil)
	var shown []*assessment.Exercise
	var selected *assessment.Exercise
	gateNote := newWrapLabel("")
	gateNote.Importance = widget.WarningImportance
	reason := widget.NewEntry()
	reason.SetPlaceHolder(lang.L("Why you are overriding the safety rule"))
	reasonErr := newFieldError()
	reasonBox := container.NewVBox(gateNote, reason, reasonErr)
	reasonBox.Hide()
	label := func(e *assessment.Exercise) string {
		if g, ok := assessment.WhyForbidden(s.record, e); ok {
			return e.Name + "  ⚠ " + g.Code
		}
		return e.Name
	}
	list := widget.NewList(func() int { return len(shown) }, func() fyne.CanvasObject { return widget.NewLabel("Exercise name") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(label(shown[i])) })
	list.OnSelected = func(i widget.ListItemID) {
		selected = shown[i]
		g, ok := assessment.WhyForbidden(s.record, selected)
		switch {
		case ok && g.Blocks:
			// A referral blocks every exercise: there is nothing to override.
			gateNote.SetText(lang.L("No exercise can be added until the referral is dealt with: ") + g.Reason)
			reason.Hide()
			reasonBox.Show()
		case ok:
			gateNote.SetText(lang.L("A safety rule leaves this out: ") + g.Reason)
			reason.Show()
			reasonBox.Show()
		default:
			reasonBox.Hide()
		}
	}
	fill := func() {
		shown = suggested
		if showAll.Checked || len(suggested) == 0 {
			shown = all
		}
		selected = nil
		list.UnselectAll()
		list.Refresh()
	}
	showAll.OnChanged = func(bool) { fill() }
	fill()
	if len(suggested) == 0 {
		showAll.SetChecked(true)
	}
	hint := newWrapLabel(lang.L("Suggested: exercises that serve the same purpose and pass her safety rules."))
	content := container.NewBorder(container.NewVBox(hint, showAll), reasonBox, nil, nil, list)
	var d *dialog.CustomDialog
	choose := newImportantButton(lang.L("Choose"), func() {
		if selected == nil {
			return
		}
		err := done(selected.ID, reason.Text)
		if msg := assessment.FieldErrors(err).For(assessment.FieldOverrideReason); msg != "" {
			reasonErr.set(msg)
			return
		}
		if err != nil {
			s.ui.showError(lang.L("Could not change the programme"), err)
			return
		}
		d.Hide()
	})
	d = dialog.NewCustomWithoutButtons(title, container.NewGridWrap(fyne.NewSize(620, 460), content), s.ui.win)
	d.SetButtons([]fyne.CanvasObject{newButton(lang.L("Cancel"), nil, func() { d.Hide() }), choose})
	s.chooser = &chooser{list: list, shown: &shown, reason: reason, choose: choose, showAll: showAll, dialog: d}
	d.Show()
}

// chooser exposes the open exercise chooser to tests.
type chooser struct {
	list    *widget.List
	shown   *[]*assessment.Exercise
	reason  *widget.Entry
	choose  *widget.Button
	showAll *widget.Check
	dialog  *dialog.CustomDialog
}

func (s *programmeScreen) onDose(slot assessment.Slot, l assessment.Prescription) {
	sets, reps, hold := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	sets.SetText(strconv.Itoa(l.Sets))
	reps.SetText(strconv.Itoa(l.Reps))
	hold.SetText(strconv.Itoa(l.HoldSeconds))
	es, er, eh := newFieldError(), newFieldError(), newFieldError()
	form := container.NewVBox(
		labelled(lang.L("Sets"), sets, es),
		labelled(lang.L("Reps (0 for a hold only)"), reps, er),
		labelled(lang.L("Hold in seconds (0 for reps only)"), withUnit(hold, "s"), eh))
	var d *dialog.CustomDialog
	save := newImportantButton(lang.L("Save"), func() {
		num := func(e *widget.Entry) int {
			n, err := strconv.Atoi(strings.TrimSpace(e.Text))
			if err != nil {
				return -1
			}
			return n
		}
		err := s.apply(func(p *assessment.Programme) error {
			return assessment.EditDose(p, s.lib, slot, num(sets), num(reps), num(hold), s.wide())
		})
		fe := assessment.FieldErrors(err)
		es.set(fe.For(assessment.FieldSets))
		er.set(fe.For(assessment.FieldReps))
		eh.set(fe.For(assessment.FieldHold))
		if err == nil {
			d.Hide()
		} else if len(fe) == 0 {
			s.ui.showError(lang.L("Could not change the dose"), err)
		}
	})
	d = dialog.NewCustomWithoutButtons(fmt.Sprintf(lang.L("Dose of %s"), l.Name), container.NewGridWrap(fyne.NewSize(420, 300), form), s.ui.win)
	d.SetButtons([]fyne.CanvasObject{newButton(lang.L("Cancel"), nil, func() { d.Hide() }), save})
	d.Show()
}

func (s *programmeScreen) onMove(slot assessment.Slot) {
	var labels []string
	for _, dn := range dayOrder {
		labels = append(labels, lang.L(dayLabel[dn]))
	}
	sel := widget.NewSelect(labels, nil)
	dialog.ShowCustomConfirm(lang.L("Move to another day"), lang.L("Move"), lang.L("Cancel"), sel, func(ok bool) {
		if !ok || sel.SelectedIndex() < 0 {
			return
		}
		if err := s.apply(func(p *assessment.Programme) error {
			return assessment.MoveExercise(p, s.lib, slot, dayOrder[sel.SelectedIndex()], s.wide())
		}); err != nil {
			s.ui.showError(lang.L("Could not move the exercise"), err)
		}
	}, s.ui.win)
}

func (s *programmeScreen) onRemove(slot assessment.Slot) {
	if err := s.apply(func(p *assessment.Programme) error {
		return assessment.RemoveExercise(p, s.lib, slot, s.wide())
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
