package ui

import (
	"strings"
	"testing"

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
