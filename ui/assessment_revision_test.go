package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/keel-coach/keel/assessment"
)

// An assessment open in this window is not saved over a newer copy saved
// elsewhere (another window, another coach): the save is refused with who
// saved it, and what the coach typed stays on screen. Two saves in a row
// from the same window both go through.
func TestAssessmentSaveRefusedOverNewerCopy(t *testing.T) {
	tu, c, f := newAssessmentUI(t)
	f.s.b.sections[0].tested.SetChecked(true)
	if !f.s.onSave() {
		t.Fatal("first save refused")
	}
	test.Type(f.s.notes, "Second save from this window.")
	if !f.s.onSave() {
		t.Fatal("a second save from the same window refused")
	}
	// Someone else saves the same assessment.
	other := savedRecord(t, tu, c)
	other.Notes = "Saved in another window."
	if err := tu.svc.Records.UpdateRecord(ctx(), other); err != nil {
		t.Fatal(err)
	}
	test.Type(f.s.notes, " And a third.")
	typed := f.s.notes.Text
	if f.s.onSave() {
		t.Fatal("saved over a newer copy")
	}
	if got := savedRecord(t, tu, c).Notes; got != "Saved in another window." {
		t.Errorf("stored notes %q; the other save was overwritten", got)
	}
	if f.s.notes.Text != typed {
		t.Errorf("the coach's typing was lost: %q", f.s.notes.Text)
	}
	if shown := overlayText(t, tu.win); !strings.Contains(shown, "after you opened it") && !strings.Contains(strings.ToLower(shown), "saved") {
		t.Errorf("no word on why the save was refused: %q", shown)
	}
	test.Tap(findButton(t, tu.win, "Reload the saved version"))
	if tu.current == nil || tu.current.notes.Text != "Saved in another window." {
		t.Errorf("after reload: %+v", tu.current)
	}
}

// TestClientSaveRefusedOffersReload: a client form saved over a newer copy
// is refused with who saved it, her edits stay, and "Reload the saved
// version" puts the stored copy on the form.
func TestClientSaveRefusedOffersReload(t *testing.T) {
	tu := newTestUI(t)
	c := tu.addClient(t, assessment.Client{Name: "Amélie Durand", Births: 1, LastDelivery: assessment.NewDate(2026, 5, 1)})
	tu.home.refresh()
	tu.home.list.Select(0)
	d := tu.home.detail
	other, err := tu.svc.Clients.FindClientByID(ctx(), c.ID)
	if err != nil {
		t.Fatal(err)
	}
	other.PreferredName = "Amy"
	if err := tu.svc.Clients.UpdateClient(ctx(), other); err != nil {
		t.Fatal(err)
	}
	test.Type(d.preferred, "Mimi")
	test.Tap(d.save)
	if d.preferred.Text != "Mimi" {
		t.Fatalf("her edit was lost: %q", d.preferred.Text)
	}
	if got, _ := tu.svc.Clients.FindClientByID(ctx(), c.ID); got.PreferredName != "Amy" {
		t.Fatalf("the other save was overwritten: %q", got.PreferredName)
	}
	test.Tap(findButton(t, tu.win, "Reload the saved version"))
	if d.preferred.Text != "Amy" {
		t.Errorf("after reload the form shows %q; want the saved Amy", d.preferred.Text)
	}
}

// TestFutureDateSaidAtOnce: a future assessment date is said as soon as it
// is typed, not only at Save, in the status line (nothing below the date
// moves), and the message goes when the date is corrected.
func TestFutureDateSaidAtOnce(t *testing.T) {
	tu, _, f := newAssessmentUI(t)
	before := fyne.CurrentApp().Driver().AbsolutePositionForObject(f.s.b.sections[0].tested)
	f.s.date.SetText(tu.svc.today().AddDays(40).String())
	if !strings.Contains(f.s.status.Text, "future") || len(f.s.status.Text) > 30 {
		t.Fatalf("future date: status %q", f.s.status.Text)
	}
	if f.s.dateErr.Visible() || fyne.CurrentApp().Driver().AbsolutePositionForObject(f.s.b.sections[0].tested) != before {
		t.Error("the message moved the form")
	}
	f.s.date.SetText(tu.svc.today().String())
	if strings.Contains(f.s.status.Text, "future") {
		t.Errorf("corrected date: status %q still shown", f.s.status.Text)
	}
}
