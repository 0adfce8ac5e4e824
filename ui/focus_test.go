package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/keel-coach/keel/assessment"
)

// inView reports whether o lies in the content of sc and, if so, whether
// all of it (or the view's height of it) is inside the view.
func inView(sc *container.Scroll, o fyne.CanvasObject) (inside, visible bool) {
	if !inContent(sc, o) {
		return false, false
	}
	d := fyne.CurrentApp().Driver()
	view := d.AbsolutePositionForObject(sc)
	pos := d.AbsolutePositionForObject(o)
	bottom := pos.Y + min(o.Size().Height, sc.Size().Height)
	return true, pos.Y >= view.Y-0.5 && bottom <= view.Y+sc.Size().Height+0.5
}

// tabThrough presses Tab until the focus comes back where it started,
// checking after each press that a focused field of the form sc is in view.
func tabThrough(t *testing.T, tu *testUI, sc *container.Scroll) {
	t.Helper()
	c := tu.win.Canvas()
	first := c.Focused()
	inForm := 0
	for i := 0; i < 400; i++ {
		pressTab(tu.win)
		tu.revealFocus()
		f := c.Focused()
		if f == nil || f == first {
			break
		}
		o := f.(fyne.CanvasObject)
		inside, visible := inView(sc, o)
		if !inside {
			continue
		}
		inForm++
		if !visible {
			t.Errorf("Tab %d: the focused %T is out of view (form scrolled to %v)", i, f, sc.Offset.Y)
		}
	}
	if inForm < 10 {
		t.Fatalf("Tab reached only %d fields of the form", inForm)
	}
	if sc.Offset.Y == 0 && sc.Content.Size().Height > sc.Size().Height*1.5 {
		t.Error("the form never scrolled while tabbing through it")
	}
}

func TestTabKeepsFocusInView(t *testing.T) {
	t.Run("AssessmentForm", func(t *testing.T) {
		tu, _, f := newAssessmentUI(t)
		tu.win.Resize(fyne.NewSize(1024, 700))
		if tu.win.Canvas().Focused() != f.s.date {
			t.Fatalf("the assessment opened with the keyboard in %T, want its date", tu.win.Canvas().Focused())
		}
		tabThrough(t, tu, f.s.scroll)
	})
	t.Run("ClientForm", func(t *testing.T) {
		tu := newTestUI(t)
		tu.win.Resize(fyne.NewSize(1024, 700))
		c := tu.addClient(t, assessment.Client{Name: "Zoë Ólafsdóttir", Births: 2,
			LastDelivery: assessment.NewDate(2026, 8, 14), DeliveryMode: assessment.DeliveryCaesarean})
		tu.home.refresh()
		tu.home.selected = 0
		tu.home.onSelected(tu.home.pager.indexOf(c.ID))
		d := tu.home.detail
		tu.win.Canvas().Focus(d.name)
		test.Type(d.name, " ")
		tabThrough(t, tu, d.scroll)
	})
}

// A field already wholly in view (clicked, say) does not move the form.
func TestRevealLeavesVisibleFieldsAlone(t *testing.T) {
	tu, _, f := newAssessmentUI(t)
	tu.win.Resize(fyne.NewSize(1024, 700))
	sc := f.s.scroll
	var last fyne.Focusable
	for _, path := range []string{"context.weeks_postpartum", "context.sitting_hours", "context.current_activity", "context.goals", "context.activities[0].name", "context.activities[1].name", "context.activities[2].name"} {
		o := f.w(path)
		if _, visible := inView(sc, o); visible {
			last = o.(fyne.Focusable)
		}
	}
	if last == nil {
		t.Fatal("no field of the form in view")
	}
	before := sc.Offset
	tu.win.Canvas().Focus(last)
	tu.revealFocus()
	if sc.Offset != before {
		t.Fatalf("focusing a field in view scrolled the form from %v to %v", before, sc.Offset)
	}
}

// TestTabKeepsFocusInViewOnProgramme: tabbing through a programme's week
// keeps the focused control in view (a coach tabbed below the window's
// edge and the page never scrolled).
func TestTabKeepsFocusInViewOnProgramme(t *testing.T) {
	tu, c, p, _ := followedPlan(t)
	rec, err := tu.svc.Records.FindRecordByID(ctx(), p.RecordID)
	if err != nil {
		t.Fatal(err)
	}
	s := tu.openProgrammeScreen(c, rec, p)
	tu.win.Resize(fyne.NewSize(1024, 700))
	tu.win.Canvas().Focus(s.weekSel)
	tabThrough(t, tu, s.daysScroll)
}
