package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The findings panel follows the form, and is rebuilt only when what it
// shows changes: a keystroke in the notes keeps the same rows.
func TestFindingsPanel(t *testing.T) {
	_, _, f := newAssessmentUI(t)
	s := f.s
	f.typ("pain.now", "3")
	rows := s.findings.Objects
	if len(rows) == 0 {
		t.Fatal("no findings shown")
	}
	s.notes.SetText("Tired today.")
	if len(s.findings.Objects) != len(rows) || s.findings.Objects[0] != rows[0] {
		t.Error("a note rebuilt the findings panel")
	}
	f.typ("pain.now", "12")
	warn, ok := s.findings.Objects[0].(*widget.Label)
	if !ok || !strings.Contains(warn.Text, "out of range") {
		t.Errorf("first row %T; want the out-of-range warning once pain is 12", s.findings.Objects[0])
	}
}

// A finding that changes is laid out in place without the panel refreshing
// every row: each row shown has its height, sits below the one before,
// and the new row reads the new value.
func TestFindingsPanelLaidOutAfterChange(t *testing.T) {
	tu, _, f := newAssessmentUI(t)
	s := f.s
	tu.win.Resize(fyne.NewSize(1000, 660))
	f.typ("pain.now", "3")
	f.typ("pain.worst_week", "4")
	before := slices.Clone(s.findings.Objects)
	f.typ("pain.worst_week", "9")
	rows := s.findings.Objects
	if slices.Equal(before, rows) {
		t.Fatal("worst pain 4 → 9 left every finding row as it was")
	}
	kept := 0
	for _, r := range rows {
		if slices.Contains(before, r) {
			kept++
		}
	}
	if kept == 0 {
		t.Error("every row was made anew; the unchanged ones should be kept")
	}
	y := float32(-1)
	for i, r := range rows {
		if !r.Visible() || r.Size().Height <= 0 || r.Size().Width <= 0 {
			t.Errorf("row %d has size %v", i, r.Size())
		}
		if r.Position().Y <= y {
			t.Errorf("row %d at y=%v, not below the row before (y=%v)", i, r.Position().Y, y)
		}
		if h := r.MinSize().Height; r.Size().Height < h {
			t.Errorf("row %d is %v tall, shorter than its text needs (%v)", i, r.Size().Height, h)
		}
		y = r.Position().Y
	}
	if h, min := s.findings.Size().Height, s.findings.MinSize().Height; h < min {
		t.Errorf("findings column %v tall, its rows need %v", h, min)
	}
	var texts []string
	for _, l := range allLabels(s.findings) {
		texts = append(texts, l.Text)
	}
	if all := strings.Join(texts, "\n"); !strings.Contains(all, "9") {
		t.Errorf("no finding reads the new worst pain 9:\n%s", all)
	}
}

// allLabels is every label under o.
func allLabels(o fyne.CanvasObject) []*widget.Label {
	var out []*widget.Label
	switch w := o.(type) {
	case *widget.Label:
		out = append(out, w)
	case *fyne.Container:
		for _, c := range w.Objects {
			out = append(out, allLabels(c)...)
		}
	}
	return out
}
