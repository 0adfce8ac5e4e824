package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// multiLineEntry is a multi-line text field that Tab leaves, like every
// other field: a coach tabbing through the form never types a tab
// character into her notes (Enter starts a new line).
type multiLineEntry struct{ widget.Entry }

func newMultiLineEntry() *multiLineEntry {
	e := &multiLineEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab says Tab moves the focus on instead of typing a tab.
func (e *multiLineEntry) AcceptsTab() bool { return false }

func newWrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func newButton(text string, icon fyne.Resource, tapped func()) *widget.Button {
	return widget.NewButtonWithIcon(text, icon, tapped)
}

func newImportantButton(text string, tapped func()) *widget.Button {
	b := widget.NewButton(text, tapped)
	b.Importance = widget.HighImportance
	return b
}

func newHeading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle = fyne.TextStyle{Bold: true}
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// fieldError is the message shown under a field whose value was refused.
type fieldError struct{ *widget.Label }

func newFieldError() fieldError {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return fieldError{l}
}

func (f fieldError) set(msg string) {
	f.SetText(msg)
	if msg == "" {
		f.Hide()
	} else {
		f.Show()
	}
}

// formGrid lays out labelled fields in two columns: the label on the left,
// the field and its error message on the right.
func formGrid(rows ...fyne.CanvasObject) *fyne.Container {
	return container.New(layout.NewFormLayout(), rows...)
}

// fieldRow returns the two cells of one form row.
func fieldRow(label string, field fyne.CanvasObject, err fieldError) []fyne.CanvasObject {
	l := widget.NewLabel(label)
	l.Alignment = fyne.TextAlignTrailing
	return []fyne.CanvasObject{l, container.NewVBox(field, err)}
}

func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }

func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

// keyList is a list the keyboard can drive: the arrows move the highlight
// (Fyne's own list), Enter or Space chooses the highlighted row, and Up on
// the first row goes back to the search box above it.
type keyList struct {
	widget.List
	highlight widget.ListItemID
	// onEnter runs after Enter chose a row (the chooser picks it).
	onEnter func(id widget.ListItemID)
	// back is the field Up on the first row returns to.
	back fyne.Focusable
	// dialogKey answers Escape for the dialog around the list.
	dialogKey func(*fyne.KeyEvent)
	// onHighlight runs as the arrows move the highlight.
	onHighlight func(id widget.ListItemID)
}

func newKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.OnHighlighted = func(id widget.ListItemID) {
		l.highlight = id
		if l.onHighlight != nil {
			l.onHighlight(id)
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey adds Enter and Up-to-the-search-box to the list's own keys.
func (l *keyList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		if l.dialogKey != nil {
			l.dialogKey(ev)
		}
		return
	case fyne.KeyReturn, fyne.KeyEnter:
		if id := l.highlight; id >= 0 && id < l.Length() {
			l.Select(id)
			if l.onEnter != nil {
				l.onEnter(id)
			}
		}
		return
	case fyne.KeyUp:
		if l.highlight <= 0 && l.back != nil {
			if c := fyne.CurrentApp().Driver().CanvasForObject(l); c != nil {
				c.Focus(l.back)
			}
			return
		}
	}
	l.List.TypedKey(ev)
}

// enter gives the list the keyboard with row id highlighted.
func (l *keyList) enter(id widget.ListItemID) {
	n := l.Length()
	if n == 0 {
		return
	}
	if id < 0 || id >= n {
		id = 0
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(l); c != nil {
		c.Focus(l)
	}
	l.Highlight(id)
}

// keyEntry is a one-line field that passes the keys it has no use for on:
// Down to the list of results under a search box, and Escape (and Enter,
// when the field has no Enter of its own) to the dialog it sits in. A
// focused field gets every key, so without this the window never sees
// them.
type keyEntry struct {
	widget.Entry
	onDown func()
	// dialogKey answers Escape and Enter for the dialog around the field.
	dialogKey func(*fyne.KeyEvent)
}

func newKeyEntry() *keyEntry {
	e := &keyEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey sends Down, Escape and an unused Enter on.
func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyDown && e.onDown != nil:
		e.onDown()
	case ev.Name == fyne.KeyEscape && e.dialogKey != nil:
		e.dialogKey(ev)
	case (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && e.OnSubmitted == nil && e.dialogKey != nil:
		e.dialogKey(ev)
	default:
		e.Entry.TypedKey(ev)
	}
}

// keySelect is a select that passes Escape and Enter to its dialog.
type keySelect struct {
	widget.Select
	dialogKey func(*fyne.KeyEvent)
}

func newKeySelect(options []string, dialogKey func(*fyne.KeyEvent)) *keySelect {
	s := &keySelect{dialogKey: dialogKey}
	s.Options = options
	s.PlaceHolder = "(Select one)"
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey sends Escape and Enter to the dialog.
func (s *keySelect) TypedKey(ev *fyne.KeyEvent) {
	if isDialogKey(ev) && s.dialogKey != nil {
		s.dialogKey(ev)
		return
	}
	s.Select.TypedKey(ev)
}

// keyCheck is a check box that passes Escape and Enter to its dialog.
type keyCheck struct {
	widget.Check
	dialogKey func(*fyne.KeyEvent)
}

func newKeyCheck(text string, dialogKey func(*fyne.KeyEvent)) *keyCheck {
	c := &keyCheck{dialogKey: dialogKey}
	c.Text = text
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey sends Escape and Enter to the dialog.
func (c *keyCheck) TypedKey(ev *fyne.KeyEvent) {
	if isDialogKey(ev) && c.dialogKey != nil {
		c.dialogKey(ev)
		return
	}
	c.Check.TypedKey(ev)
}

func isDialogKey(ev *fyne.KeyEvent) bool {
	return ev.Name == fyne.KeyEscape || ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter
}

// keepFocus makes b keep the keyboard when it is pressed. Fyne's button
// lets the focus go as it is tapped, also from the keyboard, so Tab after
// Space on "None of these" started again from the top of the window.
func keepFocus(b *widget.Button) *widget.Button {
	tapped := b.OnTapped
	b.OnTapped = func() {
		if tapped != nil {
			tapped()
		}
		if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil && b.Visible() && !b.Disabled() {
			c.Focus(b)
		}
	}
	return b
}
