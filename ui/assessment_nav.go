package ui

// The section list beside the assessment form: each section with its
// state, a click or a key (Ctrl+Page Down / Ctrl+Page Up) to go to it.

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// navSection is one section of the form in the section list.
type navSection struct {
	key, name string
	box       fyne.CanvasObject
	button    *widget.Button
	state     string
}

// navNames are the sections' short names in the list.
var navNames = map[string]string{
	assessment.SectionContext: "Context", assessment.SectionRedFlags: "Red flags", assessment.SectionPelvicFloor: "Pelvic floor",
	assessment.SectionPain: "Pain", assessment.SectionPelvicTilt: "Pelvic tilt", assessment.SectionThomas: "Thomas test",
	assessment.SectionGlutes: "Glutes", assessment.SectionHinge: "Hip hinge", assessment.SectionDiastasis: "Diastasis",
	assessment.SectionPosture: "Posture", "": "Notes",
}

// stateIcon is how the list marks a state; the legend under it says which.
func stateIcon(state string) fyne.Resource {
	switch state {
	case stateDone:
		return theme.ConfirmIcon()
	case stateFlagged:
		return theme.NewErrorThemedResource(theme.ErrorIcon())
	case stateCarried:
		return theme.NewWarningThemedResource(theme.HistoryIcon())
	}
	return theme.RadioButtonIcon()
}

// Section states, as the list shows them.
const (
	stateNotTested = "not tested"
	stateDone      = "done"
	stateFlagged   = "flagged"
	stateCarried   = "carried over"
)

// addNav records a section box for the list; key "" is the notes.
func (s *assessmentScreen) addNav(key string, box fyne.CanvasObject) {
	name := lang.L(navNames[key])
	n := &navSection{key: key, name: name, box: box, state: stateNotTested}
	i := len(s.nav)
	n.button = widget.NewButtonWithIcon(name, stateIcon(stateNotTested), func() { s.goToSection(i) })
	n.button.Alignment = widget.ButtonAlignLeading
	n.button.Importance = widget.LowImportance
	s.nav = append(s.nav, n)
}

// navList is the section list.
func (s *assessmentScreen) navList() fyne.CanvasObject {
	var items []fyne.CanvasObject
	items = append(items, boldLabel(lang.L("Sections")))
	for _, n := range s.nav {
		items = append(items, n.button)
	}
	for _, st := range []string{stateNotTested, stateDone, stateFlagged, stateCarried} {
		l := widget.NewLabel(lang.L(st))
		l.SizeName = theme.SizeNameCaptionText
		items = append(items, container.NewBorder(nil, nil, widget.NewIcon(stateIcon(st)), nil, l))
	}
	items = append(items, caption(lang.L("Ctrl+Page Down: next")), caption(lang.L("Ctrl+Page Up: previous")))
	return container.NewVScroll(container.NewVBox(items...))
}

// sectionState is what the list says about section key of the form r.
func (s *assessmentScreen) sectionState(key string, r *assessment.Record, in assessment.Interpretation) string {
	if key == "" {
		if r.Notes == "" {
			return stateNotTested
		}
		return stateDone
	}
	if s.carried[key] {
		return stateCarried
	}
	if r.Section(key) == nil {
		return stateNotTested
	}
	for _, f := range in.Findings {
		if f.Severity >= assessment.SeverityRefer && ((key == assessment.SectionRedFlags && f.Code == assessment.FindRedFlag) ||
			(key == assessment.SectionPelvicFloor && f.Code == assessment.FindPelvicFloor)) {
			return stateFlagged
		}
	}
	return stateDone
}

// updateNav shows each section's state in the list.
func (s *assessmentScreen) updateNav(r *assessment.Record, in assessment.Interpretation) {
	for _, n := range s.nav {
		if st := s.sectionState(n.key, r, in); st != n.state {
			n.state = st
			n.button.SetIcon(stateIcon(st))
		}
	}
}

// goToSection scrolls the form so section i is at the top, and gives the
// keyboard to its first field (its "Tested" box, or the notes), so Tab
// goes on inside the section the coach jumped to.
func (s *assessmentScreen) goToSection(i int) {
	if i < 0 || i >= len(s.nav) {
		return
	}
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(s.nav[i].box).Y - d.AbsolutePositionForObject(s.formBox).Y
	s.scroll.ScrollToOffset(fyne.NewPos(0, y))
	if c := d.CanvasForObject(s.scroll); c != nil {
		if f := s.sectionField(s.nav[i].key); f != nil {
			c.Focus(f)
			s.ui.revealed = f // already in view: the section is at the top
		}
	}
}

// sectionField is the first field of section key ("" for the notes).
func (s *assessmentScreen) sectionField(key string) fyne.Focusable {
	if key == "" {
		return s.notes
	}
	for _, sec := range s.b.sections {
		if sec.key == key {
			return sec.tested
		}
	}
	return nil
}

// currentSection is the section at the top of the form's view.
func (s *assessmentScreen) currentSection() int {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(s.formBox).Y + s.scroll.Offset.Y
	cur := 0
	for i, n := range s.nav {
		if d.AbsolutePositionForObject(n.box).Y <= top+1 {
			cur = i
		}
	}
	return cur
}

// nextSection and previousSection move one section down or up.
func (s *assessmentScreen) nextSection()     { s.goToSection(s.currentSection() + 1) }
func (s *assessmentScreen) previousSection() { s.goToSection(s.currentSection() - 1) }
