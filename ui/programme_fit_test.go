package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The create-programme dialog fits the smallest window Keel is made for:
// every equipment box, named in words, and both buttons lie inside the
// 1024×700 window, and the ticks reach the programme.
func TestCreateProgrammeFits1024x700(t *testing.T) {
	tu, c, r := programmeUI(t, "weak-right-glute-med.json")
	tu.win.Resize(fyne.NewSize(1024, 700))
	tu.onCreateProgramme(c, r)
	top := tu.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	drv := fyne.CurrentApp().Driver()
	inside := func(what string, o fyne.CanvasObject) {
		t.Helper()
		p, sz := drv.AbsolutePositionForObject(o), o.Size()
		if p.X < 0 || p.Y < 0 || p.X+sz.Width > 1024 || p.Y+sz.Height > 700 || sz.Width <= 0 {
			t.Errorf("%s lies at %v size %v, outside the 1024×700 window", what, p, sz)
		}
	}
	// The boxes are check boxes that pass Escape and Enter to the dialog.
	var checks []*keyCheck
	walkObjects(t, top, func(o fyne.CanvasObject) {
		if ch, ok := o.(*keyCheck); ok {
			checks = append(checks, ch)
		}
	})
	if len(checks) < 10 {
		t.Fatalf("%d equipment boxes shown", len(checks))
	}
	var wall *keyCheck
	for _, ch := range checks {
		inside("equipment box "+ch.Text, ch)
		if ch.Text == "Wall" {
			wall = ch
		}
	}
	tu.capture(t, "create-programme-1024x700")
	noKeys(t, "the create-programme dialog", shownTexts(t, top))
	if wall == nil {
		t.Fatal(`no "Wall" box: equipment is not named in words`)
	}
	for _, b := range []string{"Create", "Cancel"} {
		inside(b, findButton(t, tu.win, b))
	}
	test.Tap(wall) // she has no wall to use
	test.Tap(findButton(t, tu.win, "Create"))
	if tu.programme == nil {
		t.Fatal("no programme after Create")
	}
	for _, e := range tu.programme.p.Options.Equipment {
		if e == "wall" {
			t.Error("the unticked wall reached the programme")
		}
	}
}
