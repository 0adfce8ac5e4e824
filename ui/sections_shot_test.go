package ui

import (
	"os"
	"testing"

	"fyne.io/fyne/v2"
)

// TestAssessmentFormShot renders the whole assessment form on a very tall
// window so a person can look at every section at once. It only writes the
// picture when $KEEL_SCREENSHOTS is set.
func TestAssessmentFormShot(t *testing.T) {
	if os.Getenv("KEEL_SCREENSHOTS") == "" {
		t.Skip("set KEEL_SCREENSHOTS to a folder to render the form")
	}
	tu, _, f := newAssessmentUI(t)
	f.typ("pain.now", "4")
	f.sel("glutes.right.med_grade", "3/5")
	tu.win.Resize(fyne.NewSize(1100, 4200))
	tu.capture(t, "assessment-form-tall")
}
