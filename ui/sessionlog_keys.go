package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The session form's fields that are not text entries: Enter logs the
// session from each of them, as it does from the date and the note (a
// focused Select or Check would otherwise swallow it).

func isEnter(ev *fyne.KeyEvent) bool {
	return ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter
}

// submitSelect is a Select on which Enter submits the form; Left and
// Right still step through the choices and Space opens the list. focused,
// when set, is told when it takes the focus (to scroll it into view).
type submitSelect struct {
	widget.Select
	submit  func()
	focused func(fyne.CanvasObject)
}

// FocusGained tells focused.
func (s *submitSelect) FocusGained() {
	s.Select.FocusGained()
	if s.focused != nil {
		s.focused(s)
	}
}

func newSubmitSelect(options []string, placeholder string, changed func(string), submit func()) *submitSelect {
	s := &submitSelect{submit: submit}
	s.Options, s.PlaceHolder, s.OnChanged = options, placeholder, changed
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey submits on Enter.
func (s *submitSelect) TypedKey(ev *fyne.KeyEvent) {
	if isEnter(ev) && s.submit != nil {
		s.submit()
		return
	}
	s.Select.TypedKey(ev)
}

// submitCheck is a Check on which Enter submits the form.
type submitCheck struct {
	widget.Check
	submit  func()
	focused func(fyne.CanvasObject)
}

// FocusGained tells focused.
func (c *submitCheck) FocusGained() {
	c.Check.FocusGained()
	if c.focused != nil {
		c.focused(c)
	}
}

// focusEntry is a one-line Entry that says when it takes the focus.
type focusEntry struct {
	widget.Entry
	focused func(fyne.CanvasObject)
}

func newFocusEntry() *focusEntry {
	e := &focusEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// FocusGained tells focused.
func (e *focusEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.focused != nil {
		e.focused(e)
	}
}

func newSubmitCheck(label string, submit func()) *submitCheck {
	c := &submitCheck{submit: submit}
	c.Text = label
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey submits on Enter.
func (c *submitCheck) TypedKey(ev *fyne.KeyEvent) {
	if isEnter(ev) && c.submit != nil {
		c.submit()
		return
	}
	c.Check.TypedKey(ev)
}
