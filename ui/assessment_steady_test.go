package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// at is where a field of the form is in the window.
func at(f form, path string) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(f.w(path))
}

// Nothing moves under the pointer: ticking a red flag (the referral banner
// appears) or editing a carried-over section (its strip stops being a
// warning) leaves every field where it was.
func TestNothingMovesUnderThePointer(t *testing.T) {
	t.Run("RedFlagBanner", func(t *testing.T) {
		tu, _, f := newAssessmentUI(t)
		tu.win.Resize(fyne.NewSize(1024, 700)) // the smallest window Keel is made for
		fields := []string{"red_flags.fever_unwell", "pain.worst_week", "pelvic_floor.urgency"}
		before := map[string]fyne.Position{}
		for _, p := range fields {
			before[p] = at(f, p)
		}
		if before["pain.worst_week"].Y <= before["red_flags.fever_unwell"].Y {
			t.Fatalf("positions not laid out: %v", before)
		}
		test.Tap(noneButtons(t, f)[0]) // the count above the questions gets shorter
		f.radio("red_flags.night_pain", "Yes")
		if !f.s.banner.Visible() {
			t.Fatal("no referral banner after a red flag")
		}
		for _, p := range fields {
			if got := at(f, p); got != before[p] {
				t.Errorf("%s moved from %v to %v when the banner appeared", p, before[p], got)
			}
		}
		f.radio("red_flags.night_pain", "No")
		for _, p := range fields {
			if got := at(f, p); got != before[p] {
				t.Errorf("%s moved from %v to %v when the banner went", p, before[p], got)
			}
		}
	})
	t.Run("CarriedOverStrip", func(t *testing.T) {
		tu := newTestUI(t)
		c, _ := progressClient(t, tu)
		tu.home.refresh()
		tu.home.openClient(c.ID)
		test.Tap(buttonUnder(t, tu.win.Content(), "Reassess"))
		f := form{t, tu.current}
		if !f.s.carriedPanel.Visible() {
			t.Fatal("no carried-over panel in a reassessment")
		}
		below := []string{"pain.worst_week", "glutes.left.max_grade", "posture.forward_head"}
		before := map[string]fyne.Position{}
		for _, p := range below {
			before[p] = at(f, p)
		}
		f.typ("context.sitting_hours", "3") // edits a carried section
		if f.s.carried["context"] {
			t.Fatal("editing the context did not end its carry-over")
		}
		f.typ("pain.now", "2")
		test.Tap(f.s.confirmAll) // the last carried sections: the header panel says done
		for _, p := range below {
			if got := at(f, p); got != before[p] {
				t.Errorf("%s moved from %v to %v after editing carried sections", p, before[p], got)
			}
		}
		if f.s.confirmAll.Disabled() == false || !f.s.carriedPanel.Visible() {
			t.Error("the carried-over panel should stay, saying every section is done")
		}
	})
}
