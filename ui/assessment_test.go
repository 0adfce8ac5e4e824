package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// form gives typed access to the assessment screen's widgets by JSON path.
type form struct {
	t *testing.T
	s *assessmentScreen
}

func (f form) w(path string) fyne.CanvasObject {
	f.t.Helper()
	w, ok := f.s.b.widgets[path]
	if !ok {
		f.t.Fatalf("no widget for %s", path)
	}
	return w
}

func (f form) typ(path, text string) {
	f.t.Helper()
	switch e := f.w(path).(type) {
	case *widget.Entry:
		e.SetText("")
		test.Type(e, text)
	case *multiLineEntry:
		e.SetText("")
		test.Type(e, text)
	default:
		f.t.Fatalf("%s is not a text field", path)
	}
}

func (f form) sel(path, label string) {
	f.t.Helper()
	s := f.w(path).(*widget.Select)
	s.SetSelected(label)
	if s.Selected != label {
		f.t.Fatalf("%s: no option %q in %v", path, label, s.Options)
	}
}

func (f form) tick(path string) {
	f.t.Helper()
	c := f.w(path).(*widget.Check)
	c.SetChecked(!c.Checked)
}

func (f form) radio(path, label string) {
	f.t.Helper()
	f.w(path).(*widget.RadioGroup).SetSelected(label)
}

func (f form) group(path string, labels ...string) {
	f.t.Helper()
	f.w(path).(*widget.CheckGroup).SetSelected(labels)
}

func newAssessmentUI(t *testing.T) (*testUI, *assessment.Client, form) {
	t.Helper()
	tu := newTestUI(t)
	c := tu.addClient(t, assessment.Client{Name: "Zoë Ólafsdóttir-Łukasiewicz", Births: 2,
		LastDelivery: assessment.NewDate(2026, 8, 14), DeliveryMode: assessment.DeliveryCaesarean})
	tu.home.refresh()
	tu.home.list.Select(0)
	tu.openAssessment(c, nil, nil)
	return tu, c, form{t, tu.current}
}

func TestAssessmentScreen(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		tu, c, f := newAssessmentUI(t)
		s := f.s
		if got := s.b.widgets["context.weeks_postpartum"].(*widget.Entry).Text; got != "14" {
			t.Fatalf("weeks postpartum prefilled %q, want 14 (derived from delivery date)", got)
		}
		f.sel("context.breastfeeding", "Yes")
		f.typ("context.sitting_hours", "7.5")
		f.sel("context.child_lifting", "Many times a day")
		f.typ("context.goals", "Carry her toddler without pain")
		f.typ("context.activities[0].name", "Lift my son from his cot")
		f.sel("context.activities[0].rating", "3")
		for _, k := range []string{"saddle_anaesthesia", "bladder_bowel_change", "progressive_neuro", "fever_unwell", "unexplained_weight_loss",
			"cancer_history", "significant_trauma", "night_pain", "steroids_or_osteoporosis", "age_onset"} {
			f.radio("red_flags."+k, "No")
		}
		s.b.sections[2].tested.SetChecked(true) // pelvic floor asked: no symptoms
		f.typ("pain.now", "4")                  // under the pain that asks for a referral
		f.typ("pain.worst_week", "5")
		f.group("pain.sites", "Low back", "Buttock")
		f.sel("pelvic_tilt.visual", "Anterior")
		f.typ("pelvic_tilt.left_deg", "16")
		f.typ("pelvic_tilt.right_deg", "13")
		f.typ("thomas.left.hip_angle_deg", "5")
		f.typ("thomas.left.knee_angle_deg", "60")
		f.typ("thomas.right.hip_angle_deg", "-5")
		f.sel("glutes.left.max_grade", "4/5")
		f.sel("glutes.left.med_grade", "4+/5")
		f.sel("glutes.right.max_grade", "4-/5")
		f.sel("glutes.right.med_grade", "3/5")
		f.typ("glutes.right.single_leg_bridge_reps", "11")
		f.sel("glutes.right.trendelenburg", "Positive (pelvis drops)")
		f.sel("glutes.right.prone_hip_extension", "Hamstring-dominant")
		f.sel("glutes.right.side_lying_abduction_score", "2")
		f.group("glutes.right.side_lying_abduction_faults", "Hip hike")
		f.tick("hinge.head_contact")
		f.tick("hinge.thoracic_contact")
		f.group("hinge.faults", "Lumbar flexion (back rounds)", "Squatting the hinge", "Knees travel forward")
		f.sel("hinge.score", "1")
		f.typ("diastasis.above.width_fingers", "2.5")
		f.sel("diastasis.above.tension", "Soft")
		f.typ("diastasis.at.width_fingers", "3")
		f.sel("diastasis.at.depth", "Deep")
		f.typ("diastasis.below.width_fingers", "1")
		f.sel("diastasis.doming", "Marked")
		f.sel("posture.rounded_shoulders", "Moderate")
		f.sel("posture.forward_head", "Mild")
		if s.banner.Visible() {
			t.Fatal("referral banner shown with no red flag and no symptom: " + s.bannerText.Text)
		}
		if len(s.findings.Objects) == 0 {
			t.Fatal("findings panel empty after a full assessment")
		}
		tu.capture(t, "assessment-full")
		if !s.onSave() {
			t.Fatalf("save refused: %s", s.status.Text)
		}

		recs, err := tu.svc.Records.FindRecords(ctx(), assessment.RecordFilter{ClientID: c.ID})
		if err != nil || len(recs) != 1 {
			t.Fatalf("records = %v, %v; want 1", len(recs), err)
		}
		r := recs[0]
		if r.Context == nil || *r.Context.WeeksPostpartum != 14 || *r.Context.SittingHours != 7.5 || !*r.Context.Breastfeeding ||
			r.Context.ChildLifting != assessment.LiftingManyDaily || len(r.Context.Activities) != 1 || r.Context.Activities[0].Rating != 3 {
			t.Errorf("context = %+v", r.Context)
		}
		if r.RedFlags == nil || r.RedFlags.NightPain != assessment.TriNo {
			t.Errorf("red flags = %+v", r.RedFlags)
		}
		if r.PelvicFloor == nil || r.PelvicFloor.Leakage {
			t.Errorf("pelvic floor = %+v, want asked with no symptoms", r.PelvicFloor)
		}
		if r.Pain == nil || *r.Pain.Now != 4 || *r.Pain.WorstWeek != 5 || len(r.Pain.Sites) != 2 {
			t.Errorf("pain = %+v", r.Pain)
		}
		if r.PelvicTilt == nil || r.PelvicTilt.Visual != assessment.TiltAnterior || *r.PelvicTilt.LeftDeg != 16 {
			t.Errorf("tilt = %+v", r.PelvicTilt)
		}
		if r.Thomas == nil || *r.Thomas.Left.HipAngleDeg != 5 || *r.Thomas.Right.HipAngleDeg != -5 || r.Thomas.Right.KneeAngleDeg != nil {
			t.Errorf("thomas = %+v", r.Thomas)
		}
		g := r.Glutes
		if g == nil || g.Right.MedGrade != "3" || g.Left.MedGrade != "4+" || *g.Right.SingleLegBridgeReps != 11 ||
			g.Right.Trendelenburg != assessment.TrendelenburgPositive || *g.Right.SideLyingAbdScore != 2 || len(g.Right.SideLyingFaults) != 1 {
			t.Errorf("glutes = %+v / %+v", g.Left, g.Right)
		}
		if h := r.Hinge; h == nil || !h.HeadContact || h.SacrumContact || len(h.Faults) != 3 || *h.Score != 1 {
			t.Errorf("hinge = %+v", r.Hinge)
		}
		if d := r.Diastasis; d == nil || *d.Above.WidthFingers != 2.5 || d.Above.Tension != assessment.TensionSoft || *d.At.WidthFingers != 3 ||
			d.Doming != assessment.DomingMarked || d.Above.WidthMM != nil {
			t.Errorf("diastasis = %+v", r.Diastasis)
		}
		if r.Posture == nil || r.Posture.RoundedShoulders != assessment.SeverityModerate || r.Posture.ThoracicKyphosis != "" {
			t.Errorf("posture = %+v", r.Posture)
		}
		if r.Client == nil || r.Client.Name != c.Name {
			t.Errorf("client snapshot = %+v", r.Client)
		}
		if s.dirty() {
			t.Error("screen still dirty after save")
		}
	})

	t.Run("NotTestedStaysNil", func(t *testing.T) {
		tu, c, f := newAssessmentUI(t)
		f.typ("pain.now", "3")
		if !f.s.onSave() {
			t.Fatalf("save refused: %s", f.s.status.Text)
		}
		recs, _ := tu.svc.Records.FindRecords(ctx(), assessment.RecordFilter{ClientID: c.ID})
		r := recs[0]
		if r.Glutes != nil || r.Hinge != nil || r.Diastasis != nil || r.RedFlags != nil || r.PelvicFloor != nil {
			t.Fatalf("untested sections stored as tested: %+v", r)
		}
	})

	t.Run("ReferralBannerOnRedFlag", func(t *testing.T) {
		tu, _, f := newAssessmentUI(t)
		if f.s.banner.Visible() {
			t.Fatal("banner before any answer")
		}
		f.radio("red_flags.night_pain", "Unsure")
		if !f.s.banner.Visible() {
			t.Fatal("no referral banner after an unsure red flag")
		}
		tu.capture(t, "assessment-referral")
		f.radio("red_flags.night_pain", "No")
		if f.s.banner.Visible() {
			t.Fatal("banner stays after the flag is cleared")
		}
		f.tick("pelvic_floor.heaviness")
		if !f.s.banner.Visible() {
			t.Fatal("no referral banner after a pelvic-floor symptom")
		}
	})

	t.Run("ErrOutOfRange", func(t *testing.T) {
		tu, c, f := newAssessmentUI(t)
		f.typ("pain.now", "12")
		f.typ("diastasis.above.width_fingers", "2.3")
		f.typ("glutes.left.single_leg_bridge_reps", "lots")
		if f.s.onSave() {
			t.Fatal("out-of-range values saved")
		}
		for _, p := range []string{"pain.now", "diastasis.above.width_fingers", "glutes.left.single_leg_bridge_reps"} {
			if e := f.s.b.errs[p]; !e.Visible() || e.Text == "" {
				t.Errorf("no message next to %s", p)
			}
		}
		tu.capture(t, "assessment-invalid")
		recs, _ := tu.svc.Records.FindRecords(ctx(), assessment.RecordFilter{ClientID: c.ID})
		if len(recs) != 0 {
			t.Fatalf("%d records written by a refused save", len(recs))
		}
		if got := f.w("pain.now").(*widget.Entry).Text; got != "12" {
			t.Fatalf("refused save lost the typed value: %q", got)
		}
	})

	t.Run("EditAndDelete", func(t *testing.T) {
		tu, c, f := newAssessmentUI(t)
		f.typ("pain.now", "5")
		f.s.onSave()
		id := f.s.record.ID
		f.typ("pain.now", "4")
		f.s.onSave()
		r, err := tu.svc.Records.FindRecordByID(ctx(), id)
		if err != nil || *r.Pain.Now != 4 {
			t.Fatalf("edited record = %+v, %v", r, err)
		}
		// Reopen it from the list and delete it.
		tu.popScreen()
		tu.openAssessment(c, r, nil)
		s := tu.current
		if got := s.b.widgets["pain.now"].(*widget.Entry).Text; got != "4" {
			t.Fatalf("reopened pain.now = %q", got)
		}
		s.onDelete()
		test.Tap(findButton(t, tu.win, "Delete"))
		if _, err := tu.svc.Records.FindRecordByID(ctx(), id); assessment.ErrorCode(err) != assessment.ENOTFOUND {
			t.Fatalf("after delete: %v", err)
		}
	})

	t.Run("LeavingUnsavedAsks", func(t *testing.T) {
		tu, _, f := newAssessmentUI(t)
		f.typ("pain.now", "5")
		f.s.onBack()
		if len(tu.win.Canvas().Overlays().List()) == 0 {
			t.Fatal("left with unsaved changes without asking")
		}
		if tu.screens[len(tu.screens)-1] != f.s.content() {
			t.Fatal("screen changed before the coach answered")
		}
	})
}

// findButton finds a button by its text in the window's top overlay.
func findButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil {
			return
		}
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
			return
		}
		if c, ok := o.(*fyne.Container); ok {
			for _, x := range c.Objects {
				walk(x)
			}
		}
		if w, ok := o.(fyne.Widget); ok {
			r := test.TempWidgetRenderer(t, w)
			for _, x := range r.Objects() {
				walk(x)
			}
		}
	}
	if top := w.Canvas().Overlays().Top(); top != nil {
		walk(top)
	}
	if found == nil {
		t.Fatalf("no %q button on screen", text)
	}
	return found
}
