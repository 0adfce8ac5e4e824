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
