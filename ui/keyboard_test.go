package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/keel-coach/keel/assessment"
)

// The client search: Down from the search box goes into the results, the
// arrows move, Enter opens the highlighted client, Up on the first row
// goes back to the box; Enter on a single match opens it.
func TestSearchResultsByKeyboard(t *testing.T) {
	tu := newTestUI(t)
	for _, n := range []string{"Ama Mensah", "Amélie Durand", "Ingrid Berg"} {
		tu.addClient(t, assessment.Client{Name: n})
	}
	tu.home.refresh()
	c := tu.win.Canvas()
	tu.home.focusSearch()
	test.Type(tu.home.search, "am")
	if tu.home.pager.total != 2 {
		t.Fatalf("%d matches for am, want 2", tu.home.pager.total)
	}
	pressKey(tu.win, fyne.KeyDown)
	if c.Focused() != tu.home.list {
		t.Fatalf("Down in the search box focused %T, want the results", c.Focused())
	}
	pressKey(tu.win, fyne.KeyDown)
	pressKey(tu.win, fyne.KeyReturn)
	if d := tu.home.detail; d.client == nil || d.client.Name != "Amélie Durand" {
		t.Fatalf("Down, Down, Enter opened %+v, want the second match", d.client)
	}
	pressKey(tu.win, fyne.KeyUp)
	pressKey(tu.win, fyne.KeyUp)
	if c.Focused() != tu.home.search {
		t.Fatalf("Up on the first row focused %T, want the search box", c.Focused())
	}
	tu.home.search.SetText("ingrid")
	pressKey(tu.win, fyne.KeyReturn)
	if d := tu.home.detail; d.client == nil || d.client.Name != "Ingrid Berg" {
		t.Fatalf("Enter on the only match opened %+v", d.client)
	}
}

// The swap chooser: Down from its search box into the list, Down again,
// Enter swaps in the highlighted exercise; Escape in the search box
// cancels.
func TestChooserByKeyboard(t *testing.T) {
	tu, c, r := programmeUI(t, "weak-right-glute-med.json")
	s := create(t, tu, c, r)
	var slot assessment.Slot
	for _, d := range s.p.Weeks[0].Days {
		if len(d.Exercises) > 0 {
			slot = assessment.Slot{Week: 1, Day: d.Day}
			break
		}
	}
	s.onSwap(slot)
	ch := s.chooser
	if len(*ch.shown) < 2 {
		t.Fatalf("%d alternatives offered, want at least 2", len(*ch.shown))
	}
	want := (*ch.shown)[1].ID
	pressKey(tu.win, fyne.KeyDown)
	pressKey(tu.win, fyne.KeyDown)
	if p := *ch.previewed; p == nil || p.ID != want {
		t.Errorf("the preview shows %v, not the highlighted exercise %s", p, want)
	}
	pressKey(tu.win, fyne.KeyReturn)
	if overlays(tu) != 0 {
		t.Fatal("Enter on an exercise left the chooser open")
	}
	line, _ := s.lineAt(slot)
	if line.ExerciseID != want {
		t.Fatalf("Down, Down, Enter swapped in %s, want %s", line.ExerciseID, want)
	}
	s.onSwap(slot)
	if tu.win.Canvas().Focused() != s.chooser.search {
		t.Fatal("the chooser opened without the keyboard in its search box")
	}
	pressKey(tu.win, fyne.KeyEscape)
	if overlays(tu) != 0 {
		t.Fatal("Escape in the chooser's search box did not cancel")
	}
}

// Escape cancels the create-programme dialog whichever field has the
// keyboard, and Enter in its date field creates the programme.
func TestCreateProgrammeDialogKeys(t *testing.T) {
	tu, c, r := programmeUI(t, "weak-right-glute-med.json")
	for _, pick := range []func(fyne.CanvasObject) bool{
		func(o fyne.CanvasObject) bool { _, ok := o.(*keyEntry); return ok },
		func(o fyne.CanvasObject) bool { _, ok := o.(*keyCheck); return ok },
		func(o fyne.CanvasObject) bool { _, ok := o.(*keySelect); return ok },
	} {
		tu.onCreateProgramme(c, r)
		var f fyne.Focusable
		walkObjects(t, tu.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
			if fo, ok := o.(fyne.Focusable); ok && f == nil && pick(o) {
				f = fo
			}
		})
		if f == nil {
			t.Fatal("a field of the dialog is missing")
		}
		tu.win.Canvas().Focus(f)
		pressKey(tu.win, fyne.KeyEscape)
		if overlays(tu) != 0 {
			t.Fatalf("Escape with focus in a %T left the dialog open", f)
		}
	}
	tu.onCreateProgramme(c, r)
	walkObjects(t, tu.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*keyEntry); ok {
			tu.win.Canvas().Focus(e)
		}
	})
	pressKey(tu.win, fyne.KeyReturn)
	if tu.programme == nil {
		t.Fatal("Enter in the start date did not create the programme")
	}
}

// Space on "None of these" answers the questions and leaves the keyboard
// on the button, so Tab goes on to the answers (Fyne's button lets the
// focus go when pressed); a section jump puts the keyboard in the section.
func TestKeyboardKeepsItsPlaceInTheForm(t *testing.T) {
	tu, _, f := newAssessmentUI(t)
	c := tu.win.Canvas()
	none := noneButtons(t, f)[0]
	c.Focus(none)
	pressKey(tu.win, fyne.KeySpace)
	if c.Focused() != none {
		t.Fatalf("after Space on None of these the keyboard is in %T", c.Focused())
	}
	if f.s.redFlags[0].Selected != "No" {
		t.Fatal("Space on None of these did not answer the questions")
	}
	pressTab(tu.win)
	if c.Focused() == nil {
		t.Fatal("Tab after None of these lost the keyboard")
	}
	pressShortcut(t, tu.win, fyne.KeyPageDown)
	if c.Focused() != f.s.sectionField(f.s.nav[f.s.currentSection()].key) {
		t.Fatalf("Ctrl+Page Down left the keyboard in %T, not in the section shown", c.Focused())
	}
}

// At 1000×660 the chooser's buttons sit below its scope choice, not on it.
func TestChooserFitsSmallWindow(t *testing.T) {
	tu, c, r := programmeUI(t, "weak-right-glute-med.json")
	tu.win.Resize(fyne.NewSize(1000, 660))
	s := create(t, tu, c, r)
	slot, _ := firstLine(t, s.p)
	s.onSwap(slot)
	d := fyne.CurrentApp().Driver()
	scope := s.chooser.scope
	choose := s.chooser.choose
	if sb, cy := d.AbsolutePositionForObject(scope).Y+scope.Size().Height, d.AbsolutePositionForObject(choose).Y; cy < sb {
		t.Errorf("Choose at y=%v overlaps the scope choice ending at y=%v", cy, sb)
	}
	if b := d.AbsolutePositionForObject(choose).Y + choose.Size().Height; b > 660 {
		t.Errorf("Choose ends at y=%v, below the 660-high window", b)
	}
	tu.capture(t, "chooser-1000x660")
}
