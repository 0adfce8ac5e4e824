package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// firstLine is the first exercise of the first training day of week 1.
func firstLine(t *testing.T, p *assessment.Programme) (assessment.Slot, assessment.Prescription) {
	t.Helper()
	for _, d := range p.Weeks[0].Days {
		if len(d.Exercises) > 0 {
			return assessment.Slot{Week: p.Weeks[0].Week, Day: d.Day}, d.Exercises[0]
		}
	}
	t.Fatal("no exercise in week 1")
	return assessment.Slot{}, assessment.Prescription{}
}

func shownNames(ch *chooser) []string {
	var out []string
	for _, e := range *ch.shown {
		out = append(out, e.Name)
	}
	return out
}

func previewText(c fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *fyne.Container:
			for _, x := range w.Objects {
				walk(x)
			}
		case *widget.Card:
			walk(w.Content)
		}
	}
	walk(c)
	return b.String()
}

func TestChooser(t *testing.T) {
	tu, c, r := programmeUI(t, "diastasis-wide-soft.json")
	s := create(t, tu, c, r)
	slot, line := firstLine(t, s.p)
	s.onAdd(slot.Day)
	ch := s.chooser

	t.Run("SuggestionsOnlyUntilWholeLibrary", func(t *testing.T) {
		sug := len(*ch.shown)
		for _, c := range *ch.choices {
			if !c.Suggested || c.Forbidden {
				t.Fatalf("%s offered as a suggestion (forbidden=%v)", c.Exercise.Name, c.Forbidden)
			}
		}
		ch.showAll.SetChecked(true)
		all := len(*ch.shown)
		if sug == 0 || all <= sug {
			t.Fatalf("suggestions %d, whole library %d: the toggle must widen the list", sug, all)
		}
		ch.showAll.SetChecked(false)
		if len(*ch.shown) != sug {
			t.Fatalf("unticking the whole library shows %d, want %d", len(*ch.shown), sug)
		}
		ch.showAll.SetChecked(true)
	})
	t.Run("NothingAlreadyInTheDay", func(t *testing.T) {
		for _, e := range *ch.shown {
			if e.ID == line.ExerciseID {
				t.Fatalf("%s is already on %s and still offered", e.Name, slot.Day)
			}
		}
	})
	t.Run("SearchNarrowsAccentInsensitive", func(t *testing.T) {
		before := len(*ch.shown)
		test.Type(ch.search, "BRÍDGE")
		got := shownNames(ch)
		if len(got) == 0 || len(got) >= before {
			t.Fatalf("search gave %d of %d: %v", len(got), before, got)
		}
		for _, n := range got {
			if !strings.Contains(strings.ToLower(n), "bridge") {
				t.Errorf("%q does not match the search", n)
			}
		}
		ch.search.SetText("")
	})
	t.Run("FiltersApply", func(t *testing.T) {
		ch.family.SetSelected(label(familyLabels, assessment.FamilyUpperBack))
		for _, e := range *ch.shown {
			if e.Family != assessment.FamilyUpperBack {
				t.Errorf("%s (%s) passes the upper-back filter", e.Name, e.Family)
			}
		}
		ch.position.SetSelected(label(positionLabels, assessment.PosStanding))
		for _, e := range *ch.shown {
			if e.Position != assessment.PosStanding {
				t.Errorf("%s (%s) passes the standing filter", e.Name, e.Position)
			}
		}
		if len(*ch.shown) == 0 {
			t.Fatal("no standing upper-back exercise")
		}
		ch.family.SetSelectedIndex(0)
		ch.position.SetSelectedIndex(0)
	})
	t.Run("PreviewFollowsPointer", func(t *testing.T) {
		ch.hover(2)
		e := (*ch.shown)[2]
		txt := previewText(ch.preview)
		if !strings.Contains(txt, e.Name) || !strings.Contains(txt, "Equipment: ") || !strings.Contains(txt, e.Cues[0]) {
			t.Fatalf("preview of %s reads %q", e.Name, txt)
		}
		if *ch.previewed != e {
			t.Fatal("the preview is not of the exercise under the pointer")
		}
		tu.capture(t, "chooser-preview")
	})
	t.Run("ForbiddenSaysWhyAndNeedsReason", func(t *testing.T) {
		test.Type(ch.search, "crunch")
		idx := -1
		for i, c := range *ch.choices {
			if c.Exercise.ID == "crunch" {
				idx = i
				if !c.Forbidden || c.Why == "" {
					t.Fatalf("crunch for a wide diastasis: forbidden=%v why=%q", c.Forbidden, c.Why)
				}
			}
		}
		if idx < 0 {
			t.Fatal("crunch not in the whole library")
		}
		ch.list.Select(idx)
		if !strings.Contains(previewText(ch.preview), "safety rule") {
			t.Error("the preview does not say why crunch is left out")
		}
		test.Tap(ch.choose)
		if hasExercise(s.p, "crunch") || ch.reasonErr.Text == "" {
			t.Fatal("a forbidden exercise went in without a reason")
		}
	})
}

// Every edit kind is undone and redone, through the buttons and the keys.
func TestProgrammeUndoRedo(t *testing.T) {
	tu, c, r := programmeUI(t, "weak-right-glute-med.json")
	s := create(t, tu, c, r)
	stored := func() *assessment.Programme {
		p, err := tu.svc.Programmes.FindProgrammeByID(ctx(), s.p.ID)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	weeksJSON := func(p *assessment.Programme) string {
		b, _ := assessment.MarshalProgrammeJSON(p)
		return string(b)
	}
	slot, line := firstLine(t, s.p)
	edits := map[string]func(){
		"swap": func() {
			s.onSwap(slot)
			s.chooser.list.Select(0)
			test.Tap(s.chooser.choose)
		},
		"add": func() {
			s.onAdd(slot.Day)
			s.chooser.list.Select(0)
			test.Tap(s.chooser.choose)
		},
		"dose": func() {
			s.onDose(slot, line)
			s.dose.sets.SetText("4")
			s.dose.save()
		},
		"move": func() {
			if err := s.apply("move", func(p *assessment.Programme) error {
				return assessment.MoveExercise(p, s.lib, slot, "sun", false)
			}); err != nil {
				t.Fatal(err)
			}
		},
		"remove": func() {
			s.askRemove(slot)
			s.removeDialog.Confirm()
		},
	}
	for _, kind := range []string{"swap", "add", "dose", "move", "remove"} {
		t.Run(kind, func(t *testing.T) {
			before := weeksJSON(stored())
			edits[kind]()
			after := weeksJSON(stored())
			if after == before {
				t.Fatalf("%s changed nothing", kind)
			}
			typeShortcut(t, tu.win, &fyne.ShortcutUndo{})
			if got := weeksJSON(stored()); got != before {
				t.Fatalf("Ctrl+Z after %s did not restore the plan", kind)
			}
			if !strings.HasPrefix(s.said.Text, "Undone: ") {
				t.Errorf("status %q", s.said.Text)
			}
			if kind == "remove" && !strings.Contains(s.said.Text, "Removed "+line.Name+" from "+dayLabel[slot.Day]+" of week 1") {
				t.Errorf("remove said %q", s.said.Text)
			}
			typeShortcut(t, tu.win, &fyne.ShortcutRedo{})
			if got := weeksJSON(stored()); got != after {
				t.Fatalf("Redo after %s did not make the edit again", kind)
			}
			test.Tap(s.undoBtn)
			if got := weeksJSON(stored()); got != before {
				t.Fatalf("second undo of %s", kind)
			}
		})
	}
}

// typeShortcut sends a shortcut to the window's canvas, as a key press
// with nothing focused does.
func typeShortcut(t *testing.T, w fyne.Window, sc fyne.Shortcut) {
	t.Helper()
	type handler interface{ TypedShortcut(fyne.Shortcut) }
	var c any = w.Canvas()
	if h, ok := c.(handler); ok {
		h.TypedShortcut(sc)
		return
	}
	v := reflect.ValueOf(c).Elem().Field(0).Interface()
	h, ok := v.(handler)
	if !ok {
		t.Fatalf("canvas %T takes no shortcut", v)
	}
	h.TypedShortcut(sc)
}

// The whole dose is set in the dialog, Enter saves it, and it is in the
// stored programme and its JSON; a bad tempo is refused at its field.
func TestProgrammeFullDose(t *testing.T) {
	tu, c, r := programmeUI(t, "weak-right-glute-med.json")
	s := create(t, tu, c, r)
	slot, line := firstLine(t, s.p)
	s.onDose(slot, line)
	d := s.dose
	d.tempo.SetText("3-1")
	d.tempo.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s.dose.dialog.MinSize().IsZero() || hasTempo(s.p) {
		t.Fatal("a bad tempo was saved")
	}
	d.tempo.SetText("3-1-1")
	d.rest.SetText("45")
	d.howHard.SetText("a band that makes the last two reps hard")
	d.rir.SetText("2")
	d.note.SetText("Breathe out as you lift.")
	tu.capture(t, "programme-dose")
	d.rest.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	p, err := tu.svc.Programmes.FindProgrammeByID(ctx(), s.p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got assessment.Prescription
	for _, dd := range p.Weeks[0].Days {
		if dd.Day == slot.Day {
			got = dd.Exercises[0]
		}
	}
	if got.Tempo != "3-1-1" || got.RestSeconds != 45 || got.RepsInReserve == nil || *got.RepsInReserve != 2 || got.Note != "Breathe out as you lift." || got.HowHard == "" {
		t.Fatalf("stored line %+v", got)
	}
	// The programme as stored and exported (keel.export/1) carries it.
	js, _ := json.Marshal(p)
	for _, k := range []string{`"tempo":"3-1-1"`, `"rest_seconds":45`, `"reps_in_reserve":2`, `"note":"Breathe out as you lift."`} {
		if !strings.Contains(string(js), k) {
			t.Errorf("programme JSON lacks %s", k)
		}
	}
	if !strings.Contains(previewText(s.days), "tempo 3-1-1 · rest 45 s · 2 reps in reserve") || !strings.Contains(previewText(s.days), "Breathe out as you lift.") {
		t.Error("the editor's row does not show the whole dose")
	}
	tu.capture(t, "programme-dose-row")
}

func hasTempo(p *assessment.Programme) bool {
	for _, w := range p.Weeks {
		for _, d := range w.Days {
			for _, l := range d.Exercises {
				if l.Tempo != "" {
					return true
				}
			}
		}
	}
	return false
}

// Editing an issued programme makes version 2, which says in words what
// changed from version 1.
func TestProgrammeVersionChanges(t *testing.T) {
	tu, c, r := programmeUI(t, "weak-right-glute-med.json")
	s := create(t, tu, c, r)
	s.onIssue()
	slot, line := firstLine(t, s.p)
	s.onRemove(slot)
	if s.p.Version != 2 {
		t.Fatalf("version %d after editing the issued one", s.p.Version)
	}
	txt := previewText(s.side)
	if !strings.Contains(txt, "Changed from version 1") || !strings.Contains(txt, line.Name+" removed") {
		t.Fatalf("side panel reads %q", txt)
	}
	tu.capture(t, "programme-version-changes")
}

// findSelect finds, in the dialog on top, the select whose first option is
// first.
func findSelect(t *testing.T, w fyne.Window, first string) *widget.Select {
	t.Helper()
	var found *widget.Select
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil {
			return
		}
		switch x := o.(type) {
		case *widget.Select:
			if len(x.Options) > 0 && x.Options[0] == first {
				found = x
			}
			return
		case *keySelect: // a select that passes Escape and Enter to its dialog
			if len(x.Options) > 0 && x.Options[0] == first {
				found = &x.Select
			}
			return
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
			return
		}
		if wd, ok := o.(fyne.Widget); ok {
			for _, c := range test.TempWidgetRenderer(t, wd).Objects() {
				walk(c)
			}
		}
	}
	if top := w.Canvas().Overlays().Top(); top != nil {
		walk(top)
	}
	if found == nil {
		t.Fatalf("no select starting %q", first)
	}
	return found
}

// A programme saved as a template starts another client's programme; her
// safety rules forbid part of it, so those exercises become easier ones or
// are left out, each with a reason. Templates are renamed and deleted.
func TestProgrammeTemplateRoundTrip(t *testing.T) {
	tu, c, r := programmeUI(t, "weak-right-glute-med.json")
	s := create(t, tu, c, r)
	if err := s.apply("add", func(p *assessment.Programme) error {
		return assessment.AddExercise(p, s.lib, s.record, 1, "mon", "crunch", "Her physio cleared curl-ups", tu.svc.today(), true)
	}); err != nil {
		t.Fatal(err)
	}
	test.Tap(s.saveTpl)
	s.tplDialog.save()
	if s.tplDialog.err.Text == "" {
		t.Fatal("a template without a name was saved")
	}
	test.Type(s.tplDialog.name, "Glute med, 8 weeks")
	s.tplDialog.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	ts := tu.templates()
	list, err := ts.FindTemplates(ctx())
	if err != nil || len(list) != 1 || list[0].Name != "Glute med, 8 weeks" {
		t.Fatalf("templates = %v, %v", list, err)
	}

	// Another client, with a wide diastasis: crunch is forbidden for her.
	data, _ := os.ReadFile(filepath.Join("..", "docs", "examples", "diastasis-wide-soft.json"))
	her, err := assessment.ParseRecordJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	c2 := tu.addClient(t, assessment.Client{Name: "Amélie Durand", Births: 1})
	her.ClientID = c2.ID
	if err := tu.svc.Records.CreateRecord(ctx(), her); err != nil {
		t.Fatal(err)
	}
	tu.onCreateProgramme(c2, her)
	from := findSelect(t, tu.win, "Keel builds it from her assessment")
	from.SetSelectedIndex(1)
	test.Tap(findButton(t, tu.win, "Create"))
	p := tu.programme.p
	if p.ClientID != c2.ID || hasExercise(p, "crunch") {
		t.Fatalf("client %d, crunch planned %v", p.ClientID, hasExercise(p, "crunch"))
	}
	explained := false
	for _, x := range p.Excluded {
		explained = explained || (x.ExerciseID == "crunch" && strings.Contains(x.Reason, "Left out of the template"))
	}
	for _, w := range p.Weeks {
		for _, d := range w.Days {
			for _, l := range d.Exercises {
				explained = explained || strings.Contains(l.Reason, "In the template as Crunch")
				if e, ok := s.lib.Get(l.ExerciseID); ok {
					if _, bad := assessment.WhyForbidden(her, e); bad {
						t.Errorf("%s is forbidden for her", l.Name)
					}
				}
			}
		}
	}
	if !explained {
		t.Fatal("crunch was neither replaced nor left out with a reason")
	}
	tu.capture(t, "programme-from-template")

	// Rename, then delete.
	list[0].Name = "Glute med, 8 wk"
	if err := ts.SaveTemplate(ctx(), list[0]); err != nil {
		t.Fatal(err)
	}
	if err := ts.DeleteTemplate(ctx(), list[0].ID); err != nil {
		t.Fatal(err)
	}
	if l, _ := ts.FindTemplates(ctx()); len(l) != 0 {
		t.Fatal("the template is still there")
	}
}

// menuItem is the window menu's item labelled text.
func menuItem(t *testing.T, w fyne.Window, text string) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == text {
				return it
			}
		}
	}
	t.Fatalf("no %q in the window's menu", text)
	return nil
}

// Undo and Redo are items of the window's menu, with their keys shown,
// acting on the programme the coach sees and on no other.
func TestProgrammeUndoRedoMenu(t *testing.T) {
	tu, c, r := programmeUI(t, "weak-right-glute-med.json")
	s := create(t, tu, c, r)
	undo := menuItem(t, tu.win, "Undo the last edit")
	redo := menuItem(t, tu.win, "Redo the edit")
	if undo.Shortcut == nil || redo.Shortcut == nil {
		t.Fatal("the menu items show no key")
	}
	slot, line := firstLine(t, s.p)
	before, _ := assessment.MarshalProgrammeJSON(s.p)
	s.askRemove(slot)
	s.removeDialog.Confirm()
	after, _ := assessment.MarshalProgrammeJSON(s.p)
	undo.Action()
	if got, _ := assessment.MarshalProgrammeJSON(s.p); string(got) != string(before) {
		t.Fatalf("menu Undo did not bring back %s", line.Name)
	}
	stored, err := tu.svc.Programmes.FindProgrammeByID(ctx(), s.p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := assessment.MarshalProgrammeJSON(stored); string(got) != string(before) {
		t.Fatal("the undone plan was not saved")
	}
	redo.Action()
	if got, _ := assessment.MarshalProgrammeJSON(s.p); string(got) != string(after) {
		t.Fatal("menu Redo did not remove it again")
	}
	// Away from the programme, the menu item leaves the plan alone.
	s.onBack()
	if tu.programmeOnTop() != nil {
		t.Fatal("still on the programme")
	}
	undo.Action()
	if got, _ := assessment.MarshalProgrammeJSON(s.p); string(got) != string(after) {
		t.Fatal("menu Undo changed a programme the coach cannot see")
	}
}
