package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/keel-coach/keel/assessment"
)

// overlays counts the dialogs open over the window.
func overlays(tu *testUI) int { return len(tu.win.Canvas().Overlays().List()) }

func TestUnsavedWorkIsNeverLostSilently(t *testing.T) {
	t.Run("CtrlSAfterDiscardSavesNothing", func(t *testing.T) {
		tu, c, f := newAssessmentUI(t)
		f.typ("pain.now", "5")
		f.s.onBack()
		test.Tap(findButton(t, tu.win, "Discard changes"))
		tu.openSettings()
		tu.onSaveShortcut() // saves settings, not the discarded assessment
		recs, _ := tu.svc.Records.FindRecords(ctx(), assessment.RecordFilter{ClientID: c.ID})
		if len(recs) != 0 {
			t.Fatalf("a discarded assessment was saved by Ctrl+S on another screen")
		}
	})
	t.Run("CloseWithDirtyAssessmentAsks", func(t *testing.T) {
		tu, _, f := newAssessmentUI(t)
		f.typ("pain.now", "5")
		tu.onClose()
		if overlays(tu) == 0 {
			t.Fatal("the window would close over an unsaved assessment")
		}
	})
	t.Run("CtrlSSavesTheTopScreen", func(t *testing.T) {
		tu, c, f := newAssessmentUI(t)
		f.typ("pain.now", "5")
		tu.onSaveShortcut()
		recs, _ := tu.svc.Records.FindRecords(ctx(), assessment.RecordFilter{ClientID: c.ID})
		if len(recs) != 1 {
			t.Fatalf("Ctrl+S on the assessment screen saved %d records", len(recs))
		}
	})
	t.Run("ClientEditsSurviveAnAssessmentVisit", func(t *testing.T) {
		tu := newTestUI(t)
		c := tu.addClient(t, assessment.Client{Name: "Nneka Okafor"})
		tu.home.refresh()
		tu.home.list.Select(0)
		tu.home.detail.phone.SetText("+44 20 7946 0958")
		tu.openAssessment(c, nil, func() { tu.home.detail.reloadSections() })
		tu.current.leave()
		if got := tu.home.detail.phone.Text; got != "+44 20 7946 0958" {
			t.Fatalf("phone after visiting an assessment = %q: the unsaved edit was lost", got)
		}
	})
	t.Run("ArchiveWithEditsAsks", func(t *testing.T) {
		tu := newTestUI(t)
		tu.addClient(t, assessment.Client{Name: "Nneka Okafor"})
		tu.home.refresh()
		tu.home.list.Select(0)
		tu.home.detail.notes.SetText("Sleeps badly")
		test.Tap(tu.home.detail.archive)
		if overlays(tu) == 0 {
			t.Fatal("archiving wiped unsaved edits without asking")
		}
	})
	t.Run("SettingsBackAsks", func(t *testing.T) {
		tu := newTestUI(t)
		s := tu.openSettings()
		s.coach.SetText("Kara")
		s.onBack()
		if overlays(tu) == 0 || tu.atHome() {
			t.Fatal("left settings with unsaved changes without asking")
		}
	})
}
