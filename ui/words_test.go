package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/keel-coach/keel/assessment"
)

// shownTexts is every piece of text drawn under o.
func shownTexts(t *testing.T, o fyne.CanvasObject) []string {
	var out []string
	walkObjects(t, o, func(o fyne.CanvasObject) {
		if tx, ok := o.(*canvas.Text); ok && tx.Visible() && tx.Text != "" {
			out = append(out, tx.Text)
		}
	})
	return out
}

func noKeys(t *testing.T, where string, texts []string) {
	t.Helper()
	for _, s := range texts {
		if assessment.HasStoredKey(s) {
			t.Errorf("%s shows a key: %q", where, s)
		}
	}
}

// Words, never keys: the findings, evidence lines, referral banner (with
// its source) and not-tested list show no snake_case key and no bare
// citation number.
func TestWordsNeverKeys(t *testing.T) {
	t.Run("AssessmentScreen", func(t *testing.T) {
		tu, _, f := newAssessmentUI(t)
		for _, k := range []string{"saddle_anaesthesia", "progressive_neuro", "night_pain"} {
			f.radio("red_flags."+k, "Yes")
		}
		f.tick("pelvic_floor.leakage")
		f.tick("pelvic_floor.scar_concern")
		f.typ("pain.now", "8")
		f.sel("diastasis.doming", "Marked")
		f.typ("diastasis.at.width_fingers", "3")
		f.sel("hinge.score", "1")
		f.group("hinge.faults", "Lumbar flexion (back rounds)", "Squatting the hinge")
		f.typ("thomas.left.hip_angle_deg", "5")
		f.sel("glutes.right.med_grade", "3/5")
		f.sel("glutes.right.prone_hip_extension", "Hamstring-dominant")
		if !f.s.banner.Visible() {
			t.Fatal("no referral banner")
		}
		texts := shownTexts(t, tu.win.Content())
		if len(texts) < 50 {
			t.Fatalf("only %d texts drawn", len(texts))
		}
		noKeys(t, "the assessment screen", texts)
		if !strings.Contains(strings.Join(texts, " "), "pelvic-floor symptoms: urine leakage") {
			t.Error("the pelvic-floor evidence line is not shown in words")
		}
		// Wrapped text is drawn a line at a time: join the lines.
		found := strings.Contains(strings.Join(shownTexts(t, f.s.banner), " "), "Hey Neurosurgeon")
		if !found {
			t.Error("the banner does not name its source by title")
		}
	})
	t.Run("ImportError", func(t *testing.T) {
		tu := newTestUI(t)
		var v assessment.ValidationErrors
		v.Add("clients[0].name", "Enter the client's name.")
		tu.showError("Cannot import backup.json", v)
		top := tu.win.Canvas().Overlays().Top()
		texts := shownTexts(t, top)
		noKeys(t, "the import error", texts)
		joined := ""
		for _, s := range texts {
			joined += s + "\n"
		}
		if !strings.Contains(joined, "Client 1, name") {
			t.Errorf("import error reads %q", joined)
		}
	})
	// The programme screen: reasons for every line, what was left out and
	// why, the coach's overrides (exercise and rule named in words) and the
	// equipment she has.
	t.Run("ProgrammeScreen", func(t *testing.T) {
		for _, ex := range []string{"diastasis-wide-soft.json", "pelvic-floor.json", "weak-right-glute-med.json"} {
			t.Run(ex, func(t *testing.T) {
				tu, c, r := programmeUI(t, ex)
				s := create(t, tu, c, r)
				// An override, so the overrides list shows too.
				s.onAdd("wed")
				ch := s.chooser
				ch.showAll.SetChecked(true)
				for i, e := range *ch.shown {
					if e.ID == "crunch" {
						ch.list.Select(i)
					}
				}
				test.Type(ch.reason, "Physio cleared curl-ups")
				test.Tap(ch.choose)
				if tu.win.Canvas().Overlays().Top() != nil {
					tu.win.Canvas().Overlays().Top().Hide()
				}
				tu.capture(t, "programme-words-"+strings.TrimSuffix(ex, ".json"))
				texts := shownTexts(t, tu.win.Content())
				joined := strings.Join(texts, " ")
				noKeys(t, "the programme screen", texts)
				if !strings.Contains(joined, "Foam roller") {
					t.Error("the equipment is not shown in words")
				}
				if ex == "diastasis-wide-soft.json" && !strings.Contains(joined, "Physio cleared curl-ups") {
					t.Error("the override is not listed")
				}
			})
		}
	})
}
