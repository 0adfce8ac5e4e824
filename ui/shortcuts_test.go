package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/keel-coach/keel/assessment"
)

// pressShortcut delivers Ctrl+key the way the desktop driver does: the
// window's menu first, then the focused widget if it takes shortcuts, then
// the canvas. (Fyne's test driver has no shortcut dispatch of its own.)
func pressShortcut(t *testing.T, w fyne.Window, key fyne.KeyName) {
	t.Helper()
	sc := &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
	if m := w.MainMenu(); m != nil {
		for _, menu := range m.Items {
			for _, it := range menu.Items {
				if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
					it.Action()
					return
				}
			}
		}
	}
	if f, ok := w.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	w.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(sc)
}

// pressKey delivers a key the way the desktop driver does: to the focused
// widget, else to the canvas.
func pressKey(w fyne.Window, key fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: key}
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := w.Canvas().OnTypedKey(); h != nil {
		h(ev)
	}
}

func TestShortcutsWorkWithFocusInAField(t *testing.T) {
	saved := func(t *testing.T, tu *testUI, c *assessment.Client) int {
		recs, err := tu.svc.Records.FindRecords(ctx(), assessment.RecordFilter{ClientID: c.ID})
		if err != nil {
			t.Fatal(err)
		}
		return len(recs)
	}
	for _, tc := range []struct {
		name, path string
	}{
		{"NumberEntry", "pain.now"},
		{"MultiLineEntry", "context.goals"},
		{"Select", "context.breastfeeding"},
	} {
		t.Run("CtrlSIn"+tc.name, func(t *testing.T) {
			tu, c, f := newAssessmentUI(t)
			f.typ("pain.worst_week", "6")
			tu.win.Canvas().Focus(f.w(tc.path).(fyne.Focusable))
			if tu.win.Canvas().Focused() == nil {
				t.Fatal("could not focus the field")
			}
			pressShortcut(t, tu.win, fyne.KeyS)
			if n := saved(t, tu, c); n != 1 {
				t.Fatalf("Ctrl+S with focus in %s saved %d records, want 1", tc.path, n)
			}
		})
	}
	t.Run("CtrlNInSearch", func(t *testing.T) {
		tu := newTestUI(t)
		tu.home.focusSearch()
		test.Type(tu.home.search, "Nn")
		pressShortcut(t, tu.win, fyne.KeyN)
		if tu.win.Canvas().Focused() != tu.home.detail.name {
			t.Fatal("Ctrl+N in the search box did not start a new client")
		}
	})
	t.Run("CtrlFInClientForm", func(t *testing.T) {
		tu := newTestUI(t)
		tu.home.onNew()
		test.Type(tu.home.detail.name, "Ama")
		pressShortcut(t, tu.win, fyne.KeyF)
		if tu.win.Canvas().Focused() != tu.home.search {
			t.Fatal("Ctrl+F in the name field did not go to the search box")
		}
	})
	t.Run("CtrlSInClientForm", func(t *testing.T) {
		tu := newTestUI(t)
		tu.home.onNew()
		test.Type(tu.home.detail.name, "Ama Mensah")
		pressShortcut(t, tu.win, fyne.KeyS)
		if n := tu.countClients(t); n != 1 {
			t.Fatalf("Ctrl+S in the name field saved %d clients", n)
		}
	})
	t.Run("CtrlPInProgrammeField", func(t *testing.T) {
		tu, c, r := programmeUI(t, "weak-right-glute-med.json")
		create(t, tu, c, r)
		// Focus a field of the programme screen.
		var e fyne.Focusable
		walkObjects(t, tu.win.Content(), func(o fyne.CanvasObject) {
			if f, ok := o.(fyne.Focusable); ok && e == nil {
				e = f
			}
		})
		if e == nil {
			t.Fatal("no field on the programme screen")
		}
		tu.win.Canvas().Focus(e)
		pressShortcut(t, tu.win, fyne.KeyP)
		if overlays(tu) == 0 {
			t.Fatal("Ctrl+P with focus in a field did not open the export dialog")
		}
	})
}

func TestDialogsAnswerEnterAndEscape(t *testing.T) {
	t.Run("EscapeCancelsUnsaved", func(t *testing.T) {
		tu, _, f := newAssessmentUI(t)
		f.typ("pain.now", "5")
		tu.win.Canvas().Unfocus()
		f.s.onBack()
		if overlays(tu) == 0 {
			t.Fatal("no question")
		}
		pressKey(tu.win, fyne.KeyEscape)
		if overlays(tu) != 0 || tu.atHome() {
			t.Fatal("Escape did not cancel leaving")
		}
	})
	t.Run("EnterSavesUnsaved", func(t *testing.T) {
		tu, c, f := newAssessmentUI(t)
		f.typ("pain.now", "5")
		tu.win.Canvas().Unfocus()
		f.s.onBack()
		pressKey(tu.win, fyne.KeyReturn)
		recs, _ := tu.svc.Records.FindRecords(ctx(), assessment.RecordFilter{ClientID: c.ID})
		if overlays(tu) != 0 || len(recs) != 1 {
			t.Fatalf("Enter: %d dialogs left, %d records saved", overlays(tu), len(recs))
		}
	})
	t.Run("EnterClosesMessage", func(t *testing.T) {
		tu := newTestUI(t)
		tu.showError("Could not save", assessment.Errorf(assessment.EINVALID, "Something is wrong."))
		pressKey(tu.win, fyne.KeyReturn)
		if overlays(tu) != 0 {
			t.Fatal("Enter did not close the message")
		}
	})
	t.Run("EscapeClosesMessage", func(t *testing.T) {
		tu := newTestUI(t)
		tu.ShowNotice("Restored", "Your data was restored.")
		pressKey(tu.win, fyne.KeyEscape)
		if overlays(tu) != 0 {
			t.Fatal("Escape did not close the message")
		}
	})
}

// walkObjects visits every object under o, widgets' parts included.
func walkObjects(t *testing.T, o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	visit(o)
	if c, ok := o.(*fyne.Container); ok {
		for _, x := range c.Objects {
			walkObjects(t, x, visit)
		}
	}
	if w, ok := o.(fyne.Widget); ok {
		for _, x := range test.TempWidgetRenderer(t, w).Objects() {
			walkObjects(t, x, visit)
		}
	}
}

// pressTab delivers Tab the way the desktop driver does: to a field that
// accepts tabs, else as "focus the next field".
func pressTab(w fyne.Window) {
	if f, ok := w.Canvas().Focused().(fyne.Tabbable); ok && f.AcceptsTab() {
		w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		return
	}
	w.Canvas().FocusNext()
}

func TestTabLeavesMultiLineFields(t *testing.T) {
	tu, _, f := newAssessmentUI(t)
	for _, e := range []*multiLineEntry{f.w("context.goals").(*multiLineEntry), f.s.notes} {
		tu.win.Canvas().Focus(e)
		test.Type(e, "Carry her toddler")
		pressTab(tu.win)
		if tu.win.Canvas().Focused() == e {
			t.Fatal("Tab stayed in a multi-line field")
		}
		if e.Text != "Carry her toddler" {
			t.Fatalf("text after Tab = %q", e.Text)
		}
	}
}

func TestSectionListAndJumps(t *testing.T) {
	tu, _, f := newAssessmentUI(t)
	tu.win.Resize(fyne.NewSize(1024, 700))
	if len(f.s.nav) != 11 {
		t.Fatalf("%d sections in the list, want 11", len(f.s.nav))
	}
	state := func(i int) string { return f.s.nav[i].button.Text + " — " + f.s.nav[i].state }
	if got := state(1); got != "Red flags — not tested" {
		t.Fatalf("red flags in the list: %q", got)
	}
	f.radio("red_flags.night_pain", "Yes")
	if got := state(1); got != "Red flags — flagged" {
		t.Fatalf("red flags after a yes: %q", got)
	}
	f.typ("pain.now", "3")
	if got := state(3); got != "Pain — done" {
		t.Fatalf("pain after typing: %q", got)
	}
	// Ctrl+Page Down with focus in a field goes to the next section.
	tu.win.Canvas().Focus(f.w("context.goals").(fyne.Focusable))
	pressShortcut(t, tu.win, fyne.KeyPageDown)
	pressShortcut(t, tu.win, fyne.KeyPageDown)
	if got := f.s.currentSection(); got != 2 {
		t.Fatalf("after two Ctrl+Page Down the form shows section %d, want 2 (pelvic floor)", got)
	}
	pressShortcut(t, tu.win, fyne.KeyPageUp)
	if got := f.s.currentSection(); got != 1 {
		t.Fatalf("after Ctrl+Page Up the form shows section %d, want 1", got)
	}
	test.Tap(f.s.nav[4].button) // pelvic tilt
	if got := f.s.currentSection(); got != 4 {
		t.Fatalf("clicking Pelvic tilt shows section %d", got)
	}
}
