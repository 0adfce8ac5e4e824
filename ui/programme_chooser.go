package ui

import (
	"fmt"
	"slices"
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

// chooser is the open exercise chooser (swap and add), kept for tests.
type chooser struct {
	list      *keyList
	shown     *[]*assessment.Exercise
	choices   *[]assessment.Choice
	search    *keyEntry
	family    *widget.Select
	position  *widget.Select
	ownEquip  *widget.Check
	showAll   *widget.Check
	scope     *widget.RadioGroup
	reason    *widget.Entry
	reasonErr fieldError
	choose    *widget.Button
	preview   *fyne.Container
	previewed **assessment.Exercise
	hover     func(i int)
	dialog    *dialog.CustomDialog
}

// chooserRequest says what the chooser is for.
type chooserRequest struct {
	title   string
	week    int
	day     string
	swapFor string // the exercise being swapped, "" when adding
	// done makes the change; wide is the coach's choice of every week of
	// the phase rather than this day only.
	done func(id, reason string, wide bool) error
}

// anyLabel is the "no filter" option of the chooser's selects.
func anyLabel() string { return lang.L("Any") }

// chooseExercise shows the exercises the coach can pick: the suggestions
// (same purpose, allowed by her safety rules and equipment) or, with the
// toggle, the whole library; a search as she types and filters narrow
// either. The exercise under the pointer or selected is previewed. One a
// safety rule leaves out says why and needs a written reason.
func (s *programmeScreen) chooseExercise(req chooserRequest) {
	ix := s.chooserIndex()
	var choices []assessment.Choice
	var shown []*assessment.Exercise
	var selected, previewed *assessment.Exercise

	search := newKeyEntry()
	search.SetPlaceHolder(lang.L("Search by name or cue — Down arrow to the list, Enter to choose"))
	search.dialogKey = s.ui.onTypedKey
	familyCodes, positionCodes := []string{""}, []string{""}
	families, positions := []string{anyLabel()}, []string{anyLabel()}
	for _, e := range s.lib.Exercises {
		if !slices.Contains(familyCodes, e.Family) {
			familyCodes = append(familyCodes, e.Family)
		}
		if !slices.Contains(positionCodes, e.Position) {
			positionCodes = append(positionCodes, e.Position)
		}
	}
	slices.Sort(familyCodes[1:])
	slices.Sort(positionCodes[1:])
	for _, f := range familyCodes[1:] {
		families = append(families, label(familyLabels, f))
	}
	for _, p := range positionCodes[1:] {
		positions = append(positions, label(positionLabels, p))
	}
	family := widget.NewSelect(families, nil)
	position := widget.NewSelect(positions, nil)
	ownEquip := widget.NewCheck(lang.L("Only equipment she has"), nil)
	ownEquip.SetChecked(len(s.p.Options.Equipment) > 0)
	showAll := widget.NewCheck(lang.L("Show the whole library, including exercises a safety rule leaves out"), nil)
	count := widget.NewLabel("")
	count.Importance = widget.LowImportance

	gateNote := newWrapLabel("")
	gateNote.Importance = widget.WarningImportance
	reason := widget.NewEntry()
	reason.SetPlaceHolder(lang.L("Why you are overriding the safety rule"))
	reasonErr := newFieldError()
	reasonBox := container.NewVBox(gateNote, reason, reasonErr)
	reasonBox.Hide()
	scope := s.scopeChoice(req.week, req.day)

	preview := container.NewVBox()
	showPreview := func(e *assessment.Exercise) {
		if e == previewed && len(preview.Objects) > 0 {
			return
		}
		previewed = e
		preview.Objects = nil
		if e != nil {
			s.fillPreview(preview, e)
		} else {
			preview.Add(newWrapLabel(lang.L("Point at or select an exercise to see it here.")))
		}
		preview.Refresh()
	}
	list := newKeyList(func() int { return len(shown) },
		func() fyne.CanvasObject {
			h := newHoverLabel()
			h.onHover = func(i int) {
				if i < 0 {
					showPreview(selected)
				} else if i < len(shown) {
					showPreview(shown[i])
				}
			}
			return h
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			h := o.(*hoverLabel)
			h.index = i
			c := choices[i]
			text := c.Exercise.Name
			switch {
			case c.Forbidden:
				text += "  ⚠ " + lang.L("left out by a safety rule")
				h.Importance = widget.WarningImportance
			case c.Suggested && showAll.Checked:
				text += "  · " + lang.L("suggested")
				h.Importance = widget.MediumImportance
			default:
				h.Importance = widget.MediumImportance
			}
			h.SetText(text)
		})
	list.OnSelected = func(i widget.ListItemID) {
		selected = shown[i]
		showPreview(selected)
		c := choices[i]
		reasonErr.set("")
		switch {
		case c.Forbidden && c.Blocks:
			// A referral blocks every exercise: there is nothing to override.
			gateNote.SetText(lang.L("No exercise can be added until the referral is dealt with: ") + c.Why)
			reason.Hide()
			reasonBox.Show()
		case c.Forbidden:
			gateNote.SetText(lang.L("A safety rule leaves this out for her: ") + c.Why + " " + lang.L("To use it anyway, write down why."))
			reason.Show()
			reasonBox.Show()
		default:
			reasonBox.Hide()
		}
	}
	fill := func() {
		q := assessment.ChooserQuery{
			Search: search.Text, SwapFor: req.swapFor, Whole: showAll.Checked,
			InDay:    assessment.DayExercises(s.p, req.week, req.day),
			Findings: assessment.ProgrammeFindings(s.p),
		}
		if i := family.SelectedIndex(); i > 0 {
			q.Family = familyCodes[i]
		}
		if i := position.SelectedIndex(); i > 0 {
			q.Position = positionCodes[i]
		}
		if ownEquip.Checked {
			q.Equipment = s.p.Options.Equipment
		}
		var err error
		choices, err = ix.Choose(s.record, q)
		if err != nil {
			s.ui.showError(lang.L("Could not list the exercises"), err)
			choices = nil
		}
		shown = shown[:0]
		for _, c := range choices {
			shown = append(shown, c.Exercise)
		}
		switch {
		case len(shown) == 0 && !showAll.Checked:
			count.SetText(lang.L("No suggestion matches. Tick “Show the whole library” to see every exercise."))
		case len(shown) == 0:
			count.SetText(lang.L("No exercise matches the search and filters."))
		default:
			count.SetText(assessment.Plural(len(shown), lang.L("exercise"), lang.L("exercises")))
		}
		if selected != nil && !slices.Contains(shown, selected) {
			selected = nil
			list.UnselectAll()
			reasonBox.Hide()
		}
		list.Refresh()
		if selected == nil {
			showPreview(nil)
		}
	}
	search.OnChanged = func(string) { fill() }
	family.OnChanged = func(string) { fill() }
	position.OnChanged = func(string) { fill() }
	ownEquip.OnChanged = func(bool) { fill() }
	showAll.OnChanged = func(bool) { fill() }
	family.SetSelectedIndex(0)
	position.SetSelectedIndex(0)
	fill()

	hint := newWrapLabel(lang.L("Suggested: exercises that serve the same purpose and pass her safety rules, none already in this day."))
	hint.SizeName = theme.SizeNameCaptionText
	filters := container.NewGridWithColumns(2,
		labelled(lang.L("Body region or purpose"), family, newFieldError()),
		labelled(lang.L("Position"), position, newFieldError()))
	top := container.NewVBox(search, filters, container.NewHBox(ownEquip, count), showAll, hint)
	split := container.NewHSplit(list, container.NewVScroll(preview))
	split.Offset = 0.5
	content := container.NewBorder(top, container.NewVBox(reasonBox, scope), nil, nil, split)
	var d *dialog.CustomDialog
	pick := func() {
		if selected == nil {
			return
		}
		err := req.done(selected.ID, reason.Text, scopeWide(scope))
		if msg := assessment.FieldErrors(err).For(assessment.FieldOverrideReason); msg != "" {
			reasonErr.set(msg)
			return
		}
		if err != nil {
			s.ui.showError(lang.L("Could not change the programme"), err)
			return
		}
		d.Hide()
	}
	choose := newImportantButton(lang.L("Choose"), pick)
	// The keyboard: Down from the search box into the list, the arrows
	// move, Enter chooses the highlighted exercise, Up on the first row
	// goes back to the search box, Escape cancels.
	list.back, list.dialogKey = search, s.ui.onTypedKey
	// The preview follows the highlight as it follows the pointer.
	list.onHighlight = func(id widget.ListItemID) {
		if id >= 0 && id < len(shown) {
			showPreview(shown[id])
		}
	}
	list.onEnter = func(widget.ListItemID) { pick() }
	search.onDown = func() {
		id := 0
		if i := slices.Index(shown, selected); i >= 0 {
			id = i
		}
		list.enter(id)
	}
	search.OnSubmitted = func(string) {
		if selected == nil && len(shown) == 1 {
			list.Select(0)
		}
		pick()
	}
	d = dialog.NewCustomWithoutButtons(req.title, container.NewGridWrap(chooserSize(s.ui.win.Canvas().Size()), content), s.ui.win)
	d.SetButtons([]fyne.CanvasObject{newButton(lang.L("Cancel"), nil, func() { d.Hide() }), choose})
	// A closed dialog's search box must not keep the keyboard: Ctrl+Z then
	// undoes the edit, not the typing.
	d.SetOnClosed(func() { s.ui.win.Canvas().Unfocus() })
	s.chooser = &chooser{list: list, shown: &shown, choices: &choices, search: search, family: family, position: position,
		ownEquip: ownEquip, showAll: showAll, scope: scope, reason: reason, reasonErr: reasonErr, choose: choose,
		preview: preview, previewed: &previewed, dialog: d,
		hover: func(i int) { showPreview(shown[i]) }}
	d.Show()
	s.ui.win.Canvas().Focus(search)
}

// chooserSize is the chooser's content size in a window of size win: at
// most 860×600, and small enough that the dialog's title and buttons fit
// in the window too (at 1024×700 the buttons covered the scope choice).
func chooserSize(win fyne.Size) fyne.Size {
	return fyne.NewSize(min(860, max(win.Width-80, 400)), min(600, max(win.Height-150, 320)))
}

// chooserIndex is the library folded for search, made once per screen.
func (s *programmeScreen) chooserIndex() *assessment.ChooserIndex {
	if s.index == nil {
		s.index = assessment.NewChooserIndex(s.lib)
	}
	return s.index
}

// fillPreview shows one exercise: its figure, what it works on, what it
// asks of her, the equipment, the cues, and any rule that leaves it out.
func (s *programmeScreen) fillPreview(box *fyne.Container, e *assessment.Exercise) {
	title := newHeading(e.Name)
	title.Wrapping = fyne.TextWrapWord
	box.Add(title)
	sub := newWrapLabel(label(familyLabels, e.Family) + " · " + label(positionLabels, e.Position))
	sub.SizeName = theme.SizeNameCaptionText
	box.Add(sub)
	box.Add(newExerciseFigure(e, fyne.NewSize(300, 110)))
	if g, ok := assessment.WhyForbidden(s.record, e); ok {
		l := newWrapLabel(lang.L("Left out for her by a safety rule: ") + assessment.InWords(g.Reason))
		l.Importance = widget.WarningImportance
		box.Add(l)
	}
	words := func(codes []string, labels map[string]string) string {
		out := make([]string, len(codes))
		for i, c := range codes {
			out[i] = label(labels, c)
		}
		return strings.Join(out, ", ")
	}
	box.Add(newWrapLabel(lang.L("Works on: ") + words(e.Targets, targetLabels)))
	if len(e.Demands) == 0 {
		box.Add(newWrapLabel(lang.L("What it asks of her: nothing a safety rule holds back.")))
	} else {
		var asks []string
		for _, d := range e.Demands {
			asks = append(asks, lang.L(demandMeanings[d]))
		}
		box.Add(newWrapLabel(lang.L("What it asks of her: ") + strings.Join(asks, " ")))
	}
	box.Add(newWrapLabel(lang.L("Equipment: ") + words(e.Equipment, equipmentLabels)))
	for i, c := range e.Cues {
		l := newWrapLabel(fmt.Sprintf("%d. %s", i+1, c))
		l.SizeName = theme.SizeNameCaptionText
		box.Add(l)
	}
}

// hoverLabel is a list row that tells the chooser when the pointer is on
// it, so the preview follows the pointer.
type hoverLabel struct {
	widget.Label
	index   int
	onHover func(i int) // -1 when the pointer leaves
}

var _ desktop.Hoverable = (*hoverLabel)(nil)

func newHoverLabel() *hoverLabel {
	h := &hoverLabel{index: -1}
	h.Text = "Exercise name"
	h.Truncation = fyne.TextTruncateEllipsis
	h.ExtendBaseWidget(h)
	return h
}

func (h *hoverLabel) MouseIn(*desktop.MouseEvent)    { h.onHover(h.index) }
func (h *hoverLabel) MouseMoved(*desktop.MouseEvent) {}
func (h *hoverLabel) MouseOut()                      { h.onHover(-1) }

// scopeChoice asks, on every edit, whether it changes this day only (the
// default) or every week of the phase.
func (s *programmeScreen) scopeChoice(week int, day string) *widget.RadioGroup {
	phase := ""
	for _, w := range s.p.Weeks {
		if w.Week == week {
			phase = phaseTitle(s.p, w.Phase)
		}
	}
	r := widget.NewRadioGroup([]string{
		fmt.Sprintf(lang.L("Only %s of week %d"), lang.L(dayLabel[day]), week),
		fmt.Sprintf(lang.L("Every %s of the %s phase"), lang.L(dayLabel[day]), phase),
	}, nil)
	r.Required = true
	r.Horizontal = true
	r.SetSelected(r.Options[0])
	return r
}

// scopeWide reports whether the coach chose the whole phase.
func scopeWide(r *widget.RadioGroup) bool { return len(r.Options) > 1 && r.Selected == r.Options[1] }
