package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// The form never gets wider as the coach fills it (a wider form would be
// cut at the split beside the findings), and at 1000×660 it gets the
// width it needs.
func TestFormWidthSteady(t *testing.T) {
	tu, _, f := newAssessmentUI(t)
	tu.win.Resize(fyne.NewSize(1000, 660))
	s := f.s
	before := s.formBox.MinSize().Width
	f.tick("hinge.head_contact")
	f.tick("hinge.sacrum_contact")
	f.typ("pain.now", "4")
	f.typ("diastasis.at.width_fingers", "2")
	if got := s.formBox.MinSize().Width; got > before+0.5 {
		t.Errorf("the form grew from %v to %v wide while being filled", before, got)
	}
	if w, min := s.scroll.Size().Width, s.formBox.MinSize().Width; w+0.5 < min {
		t.Errorf("the form is %v wide in a %v view: its right side is cut", min, w)
	}
}
