package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/keel-coach/keel/assessment"
)

func TestClientScreen(t *testing.T) {
	t.Run("EmptyStateFirstRun", func(t *testing.T) {
		tu := newTestUI(t)
		tu.capture(t, "empty-state")
		if tu.home.detail.visible() {
			t.Fatal("detail shown before any client exists")
		}
		if got := tu.home.right.Objects[0]; got != tu.home.empty {
			t.Fatal("first run does not show the welcome empty state")
		}
	})

	t.Run("OK", func(t *testing.T) {
		tu := newTestUI(t)
		tu.home.onNew()
		d := tu.home.detail
		test.Type(d.name, "Zoë Ólafsdóttir-Łukasiewicz")
		test.Type(d.email, "zoe@example.com")
		test.Type(d.births, "2")
		test.Type(d.delivery, "2026-06-01")
		d.mode.SetSelected(modeToLabel(assessment.DeliveryCaesarean))
		tu.capture(t, "new-client-form")
		test.Tap(d.save)

		if got, want := tu.countClients(t), 1; got != want {
			t.Fatalf("clients in database = %d, want %d", got, want)
		}
		if got, want := tu.home.pager.total, 1; got != want {
			t.Fatalf("list length = %d, want %d", got, want)
		}
		c := tu.home.pager.at(0)
		if got, want := c.Name, "Zoë Ólafsdóttir-Łukasiewicz"; got != want {
			t.Fatalf("listed name = %q, want %q", got, want)
		}
		if c.DeliveryMode != assessment.DeliveryCaesarean || c.Births != 2 || c.LastDelivery.String() != "2026-06-01" {
			t.Fatalf("stored client = %+v", c)
		}
		if d.dirty() {
			t.Fatal("form still dirty after save")
		}
		tu.capture(t, "client-saved")
	})

	t.Run("ErrEmailInvalid", func(t *testing.T) {
		tu := newTestUI(t)
		tu.home.onNew()
		d := tu.home.detail
		test.Type(d.name, "Amélie Durand")
		test.Type(d.email, "amelie@@example")
		test.Type(d.delivery, "2026-13-45")
		test.Tap(d.save)
		tu.capture(t, "client-invalid")

		if got := tu.countClients(t); got != 0 {
			t.Fatalf("clients in database = %d, want 0 after a refused save", got)
		}
		e := d.errs[assessment.FieldEmail]
		if !e.Visible() || e.Text == "" {
			t.Fatal("no message next to the email field")
		}
		if e := d.errs[assessment.FieldLastDelivery]; !e.Visible() {
			t.Fatal("no message next to the malformed delivery date")
		}
		if e := d.errs[assessment.FieldName]; e.Visible() {
			t.Fatalf("name field shows an error for a valid name: %q", e.Text)
		}
		// The typed values are still there to correct.
		if d.email.Text != "amelie@@example" || d.name.Text != "Amélie Durand" {
			t.Fatal("refused save lost what the coach typed")
		}
		// Correcting the field and saving again works.
		d.email.SetText("amelie@example.fr")
		d.delivery.SetText("")
		test.Tap(d.save)
		if got := tu.countClients(t); got != 1 {
			t.Fatalf("clients after correction = %d, want 1", got)
		}
		if e := d.errs[assessment.FieldEmail]; e.Visible() {
			t.Fatal("email error still shown after a successful save")
		}
	})

	t.Run("ErrNameRequired", func(t *testing.T) {
		tu := newTestUI(t)
		tu.home.onNew()
		test.Tap(tu.home.detail.save)
		if e := tu.home.detail.errs[assessment.FieldName]; !e.Visible() {
			t.Fatal("no message next to the empty name")
		}
		if got := tu.countClients(t); got != 0 {
			t.Fatalf("clients = %d, want 0", got)
		}
	})

	t.Run("SearchNarrows", func(t *testing.T) {
		tu := newTestUI(t)
		for _, n := range []string{"Zoë Ólafsdóttir-Łukasiewicz", "Amélie Durand", "Siobhán Ní Bhriain", "Zofia Nowak"} {
			tu.addClient(t, assessment.Client{Name: n})
		}
		tu.home.refresh()
		if got, want := tu.home.pager.total, 4; got != want {
			t.Fatalf("unfiltered list = %d, want %d", got, want)
		}
		test.Type(tu.home.search, "zo")
		if got, want := tu.home.pager.total, 2; got != want {
			t.Fatalf("list for %q = %d, want %d", "zo", got, want)
		}
		test.Type(tu.home.search, "e")
		if got, want := tu.home.pager.total, 1; got != want {
			t.Fatalf("list for %q = %d, want %d", "zoe", got, want)
		}
		if got := tu.home.pager.at(0).Name; got != "Zoë Ólafsdóttir-Łukasiewicz" {
			t.Fatalf("match for zoe = %q", got)
		}
		tu.home.search.SetText("lukasiewicz")
		if got := tu.home.pager.total; got != 1 {
			t.Fatalf("list for lukasiewicz = %d, want 1", got)
		}
		tu.capture(t, "search")
	})

	t.Run("ArchivedHiddenUnlessToggled", func(t *testing.T) {
		tu := newTestUI(t)
		c := tu.addClient(t, assessment.Client{Name: "Nneka Okafor"})
		tu.addClient(t, assessment.Client{Name: "Ingrid Søndergaard"})
		tu.home.refresh()
		tu.home.list.Select(0) // Ingrid sorts first
		tu.home.list.Select(1)
		if tu.home.selected != c.ID {
			t.Fatalf("selected %d, want Nneka %d", tu.home.selected, c.ID)
		}
		test.Tap(tu.home.detail.archive)
		if got := tu.home.pager.total; got != 1 {
			t.Fatalf("list after archiving = %d, want 1", got)
		}
		test.Tap(tu.home.showArchived)
		if got := tu.home.pager.total; got != 2 {
			t.Fatalf("list with archived shown = %d, want 2", got)
		}
	})

	t.Run("UnsavedChangesAsk", func(t *testing.T) {
		tu := newTestUI(t)
		tu.addClient(t, assessment.Client{Name: "Amélie Durand"})
		tu.addClient(t, assessment.Client{Name: "Nneka Okafor"})
		tu.home.refresh()
		tu.home.list.Select(0)
		test.Type(tu.home.detail.notes, "Sleeps badly")
		if !tu.home.detail.dirty() {
			t.Fatal("typing did not mark the form changed")
		}
		tu.home.list.Select(1)
		if got := tu.home.detail.client.Name; got != "Amélie Durand" {
			t.Fatalf("switched to %q without asking", got)
		}
		if len(tu.win.Canvas().Overlays().List()) == 0 {
			t.Fatal("no unsaved-changes dialog")
		}
		tu.capture(t, "unsaved-changes")
	})
}

func TestNewClientFocusesName(t *testing.T) {
	tu := newTestUI(t)
	tu.home.onNew()
	if got := tu.win.Canvas().Focused(); got != tu.home.detail.name {
		t.Fatalf("focused %T after New client, want the name field", got)
	}
	// Typing goes straight into the name; Enter saves.
	tu.win.Canvas().Focused().TypedRune('A')
	if tu.home.detail.name.Text != "A" {
		t.Fatalf("name = %q after typing", tu.home.detail.name.Text)
	}
}
