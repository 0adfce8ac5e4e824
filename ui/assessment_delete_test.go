package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// Delete is not a button beside Save and Create programme: it is in the
// More menu on the other side of the header, and it asks first.
func TestAssessmentDeleteAwayFromSave(t *testing.T) {
	tu, c, f := newAssessmentUI(t)
	s := f.s
	tu.win.Resize(fyne.NewSize(1024, 700))
	f.typ("pain.now", "3")
	if !s.onSave() {
		t.Fatal("not saved")
	}
	walkObjects(t, s.root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Importance == widget.DangerImportance {
			t.Errorf("a red button %q is on the assessment screen", b.Text)
		}
	})
	d := fyne.CurrentApp().Driver()
	if mx, px := d.AbsolutePositionForObject(s.more).X, d.AbsolutePositionForObject(s.programme).X; mx > px-200 {
		t.Errorf("More (with Delete) at x=%v, near Create programme at x=%v", mx, px)
	}
	test.Tap(s.more)
	if overlays(tu) != 1 || s.delItem.Disabled {
		t.Fatalf("More opened %d menus; Delete disabled: %v", overlays(tu), s.delItem.Disabled)
	}
	tu.win.Canvas().Overlays().Top().Hide()
	tu.win.Canvas().Overlays().Remove(tu.win.Canvas().Overlays().Top())
	s.delItem.Action()
	if overlays(tu) != 1 {
		t.Fatal("Delete did not ask first")
	}
	pressKey(tu.win, fyne.KeyEscape)
	recs, _ := tu.svc.Records.FindRecords(ctx(), assessment.RecordFilter{ClientID: c.ID})
	if overlays(tu) != 0 || len(recs) != 1 {
		t.Fatalf("Escape on the question: %d dialogs open, %d assessments left", overlays(tu), len(recs))
	}
}
