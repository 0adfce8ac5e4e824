package assessment_test

import (
	"math"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// validRecord returns a record with every section filled and valid.
func validRecord() *assessment.Record {
	return &assessment.Record{
		Date:  day("2026-10-01"),
		Kind:  assessment.KindIntake,
		Coach: "Sam Rivera",
		Client: &assessment.ClientSnapshot{
			Name: "Amira Haddad", BirthDate: day("1991-04-12"), Births: 2,
			LastDelivery: day("2026-03-01"), DeliveryMode: assessment.DeliveryCaesarean,
		},
		Context: &assessment.Context{
			WeeksPostpartum: ip(30), Breastfeeding: new(bool), SittingHours: fp(6),
			ChildLifting: assessment.LiftingDaily, CurrentActivity: "Walking", Goals: "Run",
			Activities: []assessment.Activity{{Name: "Lifting", Rating: 5}, {Name: "Jogging", Rating: 0}, {Name: "Stairs", Rating: 10}},
		},
		RedFlags:         &assessment.RedFlags{NightPain: assessment.TriUnsure, CancerHistory: assessment.TriNo},
		MedicalClearance: &assessment.Clearance{Date: day("2026-09-01"), By: "Dr Patel"},
		PelvicFloor:      &assessment.PelvicFloor{Leakage: true},
		Pain:             &assessment.Pain{Now: ip(3), WorstWeek: ip(6), Sites: []string{assessment.SiteLowBack, assessment.SiteHip}, Aggravators: "Lifting"},
		PelvicTilt:       &assessment.PelvicTilt{Visual: assessment.TiltAnterior, LeftDeg: fp(12), RightDeg: fp(14), Method: assessment.MethodPALM},
		Thomas: &assessment.Thomas{
			Left:  &assessment.ThomasSide{HipAngleDeg: fp(-5), KneeAngleDeg: fp(70)},
			Right: &assessment.ThomasSide{HipAngleDeg: fp(2), KneeAngleDeg: fp(60), AbductionDrift: true},
		},
		Glutes: &assessment.Glutes{
			Left: &assessment.GluteSide{MaxGrade: "4", MedGrade: "4-", SingleLegBridgeReps: ip(20), Trendelenburg: assessment.TrendelenburgNegative,
				ProneHipExtension: assessment.PHEGluteLed, SideLyingAbdScore: ip(1), SideLyingFaults: []string{assessment.FaultHipHike}},
			Right: &assessment.GluteSide{MaxGrade: "3+", MedGrade: "3", SingleLegBridgeReps: ip(14), Trendelenburg: assessment.TrendelenburgPositive,
				ProneHipExtension: assessment.PHEHamstringDominant, SideLyingAbdScore: ip(2)},
		},
		Hinge: &assessment.Hinge{HeadContact: true, ThoracicContact: true, SacrumContact: false,
			Faults: []string{assessment.HingeLumbarFlexion}, Score: ip(2)},
		Diastasis: &assessment.Diastasis{
			Above:  &assessment.DiastasisSite{WidthFingers: fp(2.5), Depth: assessment.DepthModerate, Tension: assessment.TensionSoft},
			At:     &assessment.DiastasisSite{WidthMM: ip(25), Depth: assessment.DepthDeep, Tension: assessment.TensionModerate},
			Below:  &assessment.DiastasisSite{WidthFingers: fp(1), Depth: assessment.DepthShallow, Tension: assessment.TensionFirm},
			Doming: assessment.DomingMild,
		},
		Posture:     &assessment.Posture{ForwardHead: assessment.SeverityMild, RoundedShoulders: assessment.SeverityMarked, ThoracicKyphosis: assessment.SeverityNone},
		Notes:       "Tired but keen.\nSleeps badly.",
		CarriedOver: []string{assessment.SectionPosture},
	}
}

// TestRecordValidate has a row for each bounded field at and beyond its
// limits, each enum, and each text rule. field is the path that must carry
// an error, or "" when the record must be valid.
func TestRecordValidate(t *testing.T) {
	type edit = func(*assessment.Record)
	tests := []struct {
		name  string
		edit  edit
		field string
		msg   string // part of the message, when given
	}{
		{"OK", func(r *assessment.Record) {}, "", ""},
		{"OKAllSectionsNil", func(r *assessment.Record) { *r = assessment.Record{Date: r.Date} }, "", ""},
		{"OKFormatSet", func(r *assessment.Record) { r.Format = assessment.FormatAssessment }, "", ""},
		{"ErrFormat", func(r *assessment.Record) { r.Format = "keel.programme/1" }, "format", "format must be"},
		{"ErrDateRequired", func(r *assessment.Record) { r.Date = assessment.Date{} }, "date", "Enter the date"},
		{"ErrDateYear", func(r *assessment.Record) { r.Date = day("2201-01-01") }, "date", "year"},
		{"ErrKind", func(r *assessment.Record) { r.Kind = "followup" }, "kind", "intake or reassessment"},
		{"ErrCoachLong", func(r *assessment.Record) { r.Coach = strings.Repeat("a", assessment.MaxCoachNameLen+1) }, "coach", "under"},

		// Client snapshot.
		{"ErrClientNameRequired", func(r *assessment.Record) { r.Client.Name = "  " }, "client.name", "Enter the client's name"},
		{"ErrClientNameLong", func(r *assessment.Record) { r.Client.Name = strings.Repeat("é", assessment.MaxNameLen+1) }, "client.name", "under"},
		{"OKClientNameMax", func(r *assessment.Record) { r.Client.Name = strings.Repeat("é", assessment.MaxNameLen) }, "", ""},
		{"ErrClientBirthAfterRecord", func(r *assessment.Record) {
			r.Client.BirthDate, r.Client.LastDelivery = day("2026-10-02"), assessment.Date{}
		}, "client.birth_date", "after the assessment"},
		{"ErrBirthsNegative", func(r *assessment.Record) { r.Client.Births = -1 }, "client.births", "0 to 15"},
		{"OKBirths15", func(r *assessment.Record) { r.Client.Births = 15 }, "", ""},
		{"ErrBirths16", func(r *assessment.Record) { r.Client.Births = 16 }, "client.births", "0 to 15"},
		{"ErrBirthsZeroWithDelivery", func(r *assessment.Record) { r.Client.Births = 0 }, "client.births", "at least 1"},
		{"ErrDeliveryAfterRecord", func(r *assessment.Record) { r.Client.LastDelivery = day("2026-10-02") }, "client.last_delivery_date", "after the assessment"},
		{"ErrDeliveryBeforeBirth", func(r *assessment.Record) { r.Client.LastDelivery = day("1990-01-01") }, "client.last_delivery_date", "before her date of birth"},
		{"ErrDeliveryMode", func(r *assessment.Record) { r.Client.DeliveryMode = "c-section" }, "client.delivery_mode", "caesarean"},

		// Context.
		{"OKWeeks0", func(r *assessment.Record) { r.Context.WeeksPostpartum = ip(0) }, "", ""},
		{"OKWeeks520", func(r *assessment.Record) { r.Context.WeeksPostpartum = ip(520) }, "", ""},
		{"ErrWeeksNegative", func(r *assessment.Record) { r.Context.WeeksPostpartum = ip(-1) }, "context.weeks_postpartum", "0 to 520"},
		{"ErrWeeks521", func(r *assessment.Record) { r.Context.WeeksPostpartum = ip(521) }, "context.weeks_postpartum", "0 to 520"},
		{"OKSitting24", func(r *assessment.Record) { r.Context.SittingHours = fp(24) }, "", ""},
		{"ErrSitting24.5", func(r *assessment.Record) { r.Context.SittingHours = fp(24.5) }, "context.sitting_hours", "0 to 24"},
		{"ErrSittingNegative", func(r *assessment.Record) { r.Context.SittingHours = fp(-0.5) }, "context.sitting_hours", "0 to 24"},
		{"ErrSittingNaN", func(r *assessment.Record) { r.Context.SittingHours = fp(math.NaN()) }, "context.sitting_hours", "0 to 24"},
		{"ErrChildLifting", func(r *assessment.Record) { r.Context.ChildLifting = "often" }, "context.child_lifting", "many times a day"},
		{"ErrGoalsLong", func(r *assessment.Record) { r.Context.Goals = strings.Repeat("g", assessment.MaxShortTextLen+1) }, "context.goals", "under"},
		{"ErrCurrentActivityControl", func(r *assessment.Record) { r.Context.CurrentActivity = "walk\x07" }, "context.current_activity", "cannot be stored"},
		{"ErrActivities4", func(r *assessment.Record) {
			r.Context.Activities = append(r.Context.Activities, assessment.Activity{Name: "Swim", Rating: 3})
		}, "context.activities", "at most 3"},
		{"ErrActivityName", func(r *assessment.Record) { r.Context.Activities[1].Name = "" }, "context.activities[1].name", "Name the activity"},
		{"ErrActivityNameLong", func(r *assessment.Record) {
			r.Context.Activities[0].Name = strings.Repeat("x", assessment.MaxActivityNameLen+1)
		}, "context.activities[0].name", "under"},
		{"ErrActivityRating11", func(r *assessment.Record) { r.Context.Activities[1].Rating = 11 }, "context.activities[1].rating", "0 (cannot) to 10"},
		{"ErrActivityRatingNegative", func(r *assessment.Record) { r.Context.Activities[2].Rating = -1 }, "context.activities[2].rating", "0 (cannot) to 10"},

		// Red flags and clearance.
		{"OKRedFlagNotAsked", func(r *assessment.Record) { r.RedFlags.NightPain = assessment.TriNotAsked }, "", ""},
		{"ErrRedFlagValue", func(r *assessment.Record) { r.RedFlags.SaddleAnaesthesia = "maybe" }, "red_flags.saddle_anaesthesia", "no, yes or unsure"},
		{"ErrRedFlagAgeOnset", func(r *assessment.Record) { r.RedFlags.AgeOnset = "Yes" }, "red_flags.age_onset", "no, yes or unsure"},
		{"ErrClearanceDate", func(r *assessment.Record) { r.MedicalClearance.Date = assessment.Date{} }, "medical_clearance.date", "Enter the date"},
		{"ErrClearanceBy", func(r *assessment.Record) { r.MedicalClearance.By = " " }, "medical_clearance.by", "who gave"},

		// Pain.
		{"OKPain0", func(r *assessment.Record) { r.Pain.Now = ip(0) }, "", ""},
		{"OKPain10", func(r *assessment.Record) { r.Pain.Now, r.Pain.WorstWeek = ip(10), ip(10) }, "", ""},
		{"ErrPainNow11", func(r *assessment.Record) { r.Pain.Now = ip(11) }, "pain.now", "Enter a pain score from 0 to 10."},
		{"ErrPainNowNegative", func(r *assessment.Record) { r.Pain.Now = ip(-1) }, "pain.now", "0 to 10"},
		{"ErrPainWorst11", func(r *assessment.Record) { r.Pain.WorstWeek = ip(11) }, "pain.worst_week", "0 to 10"},
		{"ErrPainSite", func(r *assessment.Record) { r.Pain.Sites = []string{"knee"} }, "pain.sites[0]", "pain site"},
		{"ErrPainSiteRepeated", func(r *assessment.Record) { r.Pain.Sites = []string{"hip", "neck", "hip"} }, "pain.sites[2]", "already"},

		// Pelvic tilt.
		{"OKTiltMin", func(r *assessment.Record) { r.PelvicTilt.LeftDeg = fp(-20) }, "", ""},
		{"OKTiltMax", func(r *assessment.Record) { r.PelvicTilt.RightDeg = fp(35) }, "", ""},
		{"ErrTiltLow", func(r *assessment.Record) { r.PelvicTilt.LeftDeg = fp(-20.5) }, "pelvic_tilt.left_deg", "-20° to 35°"},
		{"ErrTiltHigh", func(r *assessment.Record) { r.PelvicTilt.RightDeg = fp(35.1) }, "pelvic_tilt.right_deg", "positive means anterior"},
		{"ErrTiltVisual", func(r *assessment.Record) { r.PelvicTilt.Visual = "forward" }, "pelvic_tilt.visual", "anterior, neutral or posterior"},
		{"ErrTiltMethod", func(r *assessment.Record) { r.PelvicTilt.Method = "eyeball" }, "pelvic_tilt.method", "PALM"},

		// Thomas.
		{"OKThomasHipMin", func(r *assessment.Record) { r.Thomas.Left.HipAngleDeg = fp(-30) }, "", ""},
		{"OKThomasHipMax", func(r *assessment.Record) { r.Thomas.Left.HipAngleDeg = fp(40) }, "", ""},
		{"ErrThomasHipLow", func(r *assessment.Record) { r.Thomas.Left.HipAngleDeg = fp(-31) }, "thomas.left.hip_angle_deg", "-30° to 40°"},
		{"ErrThomasHipHigh", func(r *assessment.Record) { r.Thomas.Right.HipAngleDeg = fp(41) }, "thomas.right.hip_angle_deg", "-30° to 40°"},
		{"OKThomasKneeMin", func(r *assessment.Record) { r.Thomas.Right.KneeAngleDeg = fp(0) }, "", ""},
		{"OKThomasKneeMax", func(r *assessment.Record) { r.Thomas.Right.KneeAngleDeg = fp(140) }, "", ""},
		{"ErrThomasKneeLow", func(r *assessment.Record) { r.Thomas.Right.KneeAngleDeg = fp(-1) }, "thomas.right.knee_angle_deg", "0° to 140°"},
		{"ErrThomasKneeHigh", func(r *assessment.Record) { r.Thomas.Left.KneeAngleDeg = fp(140.5) }, "thomas.left.knee_angle_deg", "0° to 140°"},

		// Glutes.
		{"OKGradesAll", func(r *assessment.Record) { r.Glutes.Left.MaxGrade, r.Glutes.Left.MedGrade = "0", "5" }, "", ""},
		{"OKGradeEmpty", func(r *assessment.Record) { r.Glutes.Left.MaxGrade = "" }, "", ""},
		{"ErrGradeMax", func(r *assessment.Record) { r.Glutes.Left.MaxGrade = "5+" }, "glutes.left.max_grade", "Choose a grade"},
		{"ErrGradeMed", func(r *assessment.Record) { r.Glutes.Right.MedGrade = "2-" }, "glutes.right.med_grade", "Choose a grade"},
		{"OKBridge0", func(r *assessment.Record) { r.Glutes.Left.SingleLegBridgeReps = ip(0) }, "", ""},
		{"OKBridge100", func(r *assessment.Record) { r.Glutes.Left.SingleLegBridgeReps = ip(100) }, "", ""},
		{"ErrBridge101", func(r *assessment.Record) { r.Glutes.Left.SingleLegBridgeReps = ip(101) }, "glutes.left.single_leg_bridge_reps", "0 to 100"},
		{"ErrBridgeNegative", func(r *assessment.Record) { r.Glutes.Right.SingleLegBridgeReps = ip(-1) }, "glutes.right.single_leg_bridge_reps", "0 to 100"},
		{"ErrTrendelenburg", func(r *assessment.Record) { r.Glutes.Left.Trendelenburg = "pos" }, "glutes.left.trendelenburg", "negative or positive"},
		{"ErrProneHipExtension", func(r *assessment.Record) { r.Glutes.Right.ProneHipExtension = "no_glute_palpable" }, "glutes.right.prone_hip_extension", "glute-led"},
		{"OKSideLying3", func(r *assessment.Record) { r.Glutes.Left.SideLyingAbdScore = ip(3) }, "", ""},
		{"ErrSideLying4", func(r *assessment.Record) { r.Glutes.Left.SideLyingAbdScore = ip(4) }, "glutes.left.side_lying_abduction_score", "0 (pelvis steady) to 3"},
		{"ErrSideLyingNegative", func(r *assessment.Record) { r.Glutes.Left.SideLyingAbdScore = ip(-1) }, "glutes.left.side_lying_abduction_score", "to 3"},
		{"ErrSideLyingFault", func(r *assessment.Record) { r.Glutes.Left.SideLyingFaults = []string{"wobble"} }, "glutes.left.side_lying_abduction_faults[0]", "hip hike"},

		// Hinge.
		{"OKHingeScore0", func(r *assessment.Record) { r.Hinge.Score = ip(0) }, "", ""},
		{"ErrHingeScore3WithLumbarFlexion", func(r *assessment.Record) { r.Hinge.Score = ip(3) }, "hinge.score", "lumbar flexion"},
		{"OKHingeScore3Clean", func(r *assessment.Record) {
			r.Hinge.Score, r.Hinge.Faults, r.Hinge.HeadContact, r.Hinge.ThoracicContact, r.Hinge.SacrumContact = ip(3), nil, true, true, true
		}, "", ""},
		{"ErrHingeScore2WithPain", func(r *assessment.Record) { r.Hinge.Score, r.Hinge.Pain = ip(2), true }, "hinge.score", "painful"},
		{"ErrBirthsUnknownWithCount", func(r *assessment.Record) { r.Client.BirthsUnknown = true }, "client.births", "not recorded"},
		{"ErrGoAheadNoDate", func(r *assessment.Record) { r.GPGoAhead = &assessment.Clearance{By: "Dr A"} }, "gp_go_ahead.date", "date"},
		{"ErrGoAheadNoBy", func(r *assessment.Record) { r.GPGoAhead = &assessment.Clearance{Date: r.Date} }, "gp_go_ahead.by", "who gave"},
		{"ErrGoAheadAfterAssessment", func(r *assessment.Record) { r.GPGoAhead = &assessment.Clearance{Date: r.Date.AddDays(3), By: "Dr A"} }, "gp_go_ahead.date", "after the assessment"},
		{"ErrGoAheadBeforeBirth", func(r *assessment.Record) {
			r.GPGoAhead = &assessment.Clearance{Date: r.Client.LastDelivery.AddDays(-1), By: "Dr A"}
		}, "gp_go_ahead.date", "before the birth"},
		{"OKGoAhead", func(r *assessment.Record) { r.GPGoAhead = &assessment.Clearance{Date: r.Date, By: "Dr A"} }, "", ""},
		{"ErrPainNowAboveWorst", func(r *assessment.Record) { r.Pain = &assessment.Pain{Now: ip(7), WorstWeek: ip(4)} }, "pain.worst_week", "lower than today's"},
		{"OKPregnant", func(r *assessment.Record) { b := true; r.Context.Pregnant = &b }, "", ""},
		{"ErrHingeScore4", func(r *assessment.Record) { r.Hinge.Score = ip(4) }, "hinge.score", "0 (pain) to 3"},
		{"ErrHingeScoreNegative", func(r *assessment.Record) { r.Hinge.Score = ip(-1) }, "hinge.score", "0 (pain) to 3"},
		{"ErrHingeFault", func(r *assessment.Record) { r.Hinge.Faults = []string{"limited_hip_flexion"} }, "hinge.faults[0]", "lumbar flexion"},
		{"ErrHingeFaultRepeated", func(r *assessment.Record) {
			r.Hinge.Faults = []string{assessment.HingeKneesForward, assessment.HingeKneesForward}
		}, "hinge.faults[1]", "already"},

		// Diastasis.
		{"OKFingers0", func(r *assessment.Record) { r.Diastasis.Above.WidthFingers = fp(0) }, "", ""},
		{"OKFingers6", func(r *assessment.Record) { r.Diastasis.Above.WidthFingers = fp(6) }, "", ""},
		{"ErrFingers6.5", func(r *assessment.Record) { r.Diastasis.Above.WidthFingers = fp(6.5) }, "diastasis.above.width_fingers", "0 to 6"},
		{"ErrFingersNegative", func(r *assessment.Record) { r.Diastasis.Below.WidthFingers = fp(-0.5) }, "diastasis.below.width_fingers", "0 to 6"},
		{"ErrFingersStep", func(r *assessment.Record) { r.Diastasis.Above.WidthFingers = fp(2.25) }, "diastasis.above.width_fingers", "steps of 0.5"},
		{"OKMM0", func(r *assessment.Record) { r.Diastasis.At.WidthMM = ip(0) }, "", ""},
		{"OKMM150", func(r *assessment.Record) { r.Diastasis.At.WidthMM = ip(150) }, "", ""},
		{"ErrMM151", func(r *assessment.Record) { r.Diastasis.At.WidthMM = ip(151) }, "diastasis.at.width_mm", "0 to 150"},
		{"ErrMMNegative", func(r *assessment.Record) { r.Diastasis.At.WidthMM = ip(-1) }, "diastasis.at.width_mm", "0 to 150"},
		{"ErrWidthBoth", func(r *assessment.Record) { r.Diastasis.At.WidthFingers = fp(2) }, "diastasis.at.width_fingers", "not both"},
		{"ErrWidthNeither", func(r *assessment.Record) { r.Diastasis.Below.WidthFingers = nil }, "diastasis.below.width_fingers", "finger widths or in millimetres"},
		{"ErrDepth", func(r *assessment.Record) { r.Diastasis.Above.Depth = "very" }, "diastasis.above.depth", "shallow, moderate or deep"},
		{"ErrTension", func(r *assessment.Record) { r.Diastasis.At.Tension = "jelly" }, "diastasis.at.tension", "firm, moderate or soft"},
		{"ErrDoming", func(r *assessment.Record) { r.Diastasis.Doming = "severe" }, "diastasis.doming", "none, mild or marked"},

		// Posture, notes, carried over.
		{"ErrForwardHead", func(r *assessment.Record) { r.Posture.ForwardHead = "severe" }, "posture.forward_head", "none, mild, moderate or marked"},
		{"ErrRoundedShoulders", func(r *assessment.Record) { r.Posture.RoundedShoulders = "slight" }, "posture.rounded_shoulders", "marked"},
		{"ErrKyphosis", func(r *assessment.Record) { r.Posture.ThoracicKyphosis = "big" }, "posture.thoracic_kyphosis", "marked"},
		{"OKNotesMax", func(r *assessment.Record) { r.Notes = strings.Repeat("n", assessment.MaxNotesLen) }, "", ""},
		{"ErrNotesLong", func(r *assessment.Record) { r.Notes = strings.Repeat("n", assessment.MaxNotesLen+1) }, "notes", "under"},
		{"ErrNotesUTF8", func(r *assessment.Record) { r.Notes = "ok \xff" }, "notes", "cannot be stored"},
		{"ErrCarriedOver", func(r *assessment.Record) { r.CarriedOver = []string{"glute"} }, "carried_over[0]", "not a section"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := validRecord()
			tt.edit(r)
			err := r.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if assessment.ErrorCode(err) != assessment.EINVALID {
				t.Fatalf("err = %v, want EINVALID", err)
			}
			fe := assessment.FieldErrors(err)
			msg := fe.For(tt.field)
			if msg == "" {
				t.Fatalf("no error for %s; got %v", tt.field, err)
			}
			if tt.msg != "" && !strings.Contains(msg, tt.msg) {
				t.Errorf("message %q does not contain %q", msg, tt.msg)
			}
			if strings.Contains(msg, "The file has") {
				t.Errorf("form message quotes a file value: %q", msg)
			}
			if len(fe) != 1 {
				t.Errorf("want exactly one error, got %v", err)
			}
		})
	}
	t.Run("ErrNil", func(t *testing.T) {
		var r *assessment.Record
		if err := r.Validate(); assessment.ErrorCode(err) != assessment.EINVALID {
			t.Errorf("err = %v, want EINVALID", err)
		}
	})
}

// TestSuggestHingeScore covers each score and how lost contacts count.
func TestSuggestHingeScore(t *testing.T) {
	all := func(faults ...string) *assessment.Hinge {
		return &assessment.Hinge{HeadContact: true, ThoracicContact: true, SacrumContact: true, Faults: faults}
	}
	tests := []struct {
		name string
		h    *assessment.Hinge
		want int
	}{
		{"NotTested", nil, -1},
		{"Clean", all(), 3},
		{"OneFault", all(assessment.HingeWeightToToes), 2},
		{"TwoFaults", all(assessment.HingeWeightToToes, assessment.HingeKneesForward), 2},
		{"ThreeFaults", all(assessment.HingeWeightToToes, assessment.HingeKneesForward, assessment.HingeSquatting), 1},
		{"RepeatedFaultCountsOnce", all(assessment.HingeWeightToToes, assessment.HingeWeightToToes, assessment.HingeKneesForward), 2},
		{"UnknownFaultIgnored", all("wobble", "wobble2", assessment.HingeKneesForward), 2},
		{"Pain", &assessment.Hinge{HeadContact: true, ThoracicContact: true, SacrumContact: true, Pain: true}, 0},
		{"PainBeatsFaults", &assessment.Hinge{Pain: true}, 0},
		{"SacrumLostIsLumbarFlexion", &assessment.Hinge{HeadContact: true, ThoracicContact: true, Faults: []string{assessment.HingeLumbarFlexion}}, 2},
		{"SacrumLostAlone", &assessment.Hinge{HeadContact: true, ThoracicContact: true}, 2},
		{"HeadLostIsNeckExtension", &assessment.Hinge{ThoracicContact: true, SacrumContact: true, Faults: []string{assessment.HingeNeckExtension}}, 2},
		{"AllContactsLost", &assessment.Hinge{}, 1},
		{"ThoracicLostPlusTwoFaults", &assessment.Hinge{HeadContact: true, SacrumContact: true, Faults: []string{assessment.HingeWeightToToes, assessment.HingeKneesForward}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := assessment.SuggestHingeScore(tt.h); got != tt.want {
				t.Errorf("SuggestHingeScore = %d, want %d", got, tt.want)
			}
		})
	}
	t.Run("CoachScoreWins", func(t *testing.T) {
		h := all()
		h.Score, h.ScoreOverridden = ip(1), true
		if got := h.HingeScore(); got != 1 {
			t.Errorf("HingeScore = %d, want the coach's 1", got)
		}
	})
}

// TestDiastasisWidth covers the unit helpers and the diastasis cut-off in
// each unit.
func TestDiastasisWidth(t *testing.T) {
	tests := []struct {
		name        string
		s           *assessment.DiastasisSite
		mm, fingers float64
		ok          bool
		// wide above/at the navel and below it (domain.md §1 [2]: 22 mm
		// above, 16 mm below; 2 finger widths anywhere [3][19])
		wideAbove, wideBelow bool
	}{
		{"Nil", nil, 0, 0, false, false, false},
		{"NoWidth", &assessment.DiastasisSite{Tension: assessment.TensionSoft}, 0, 0, false, false, false},
		{"Fingers1.5", &assessment.DiastasisSite{WidthFingers: fp(1.5)}, 15, 1.5, true, false, false},
		{"Fingers2", &assessment.DiastasisSite{WidthFingers: fp(2)}, 20, 2, true, true, true},
		{"MM16", &assessment.DiastasisSite{WidthMM: ip(16)}, 16, 1.5, true, false, false},
		{"MM17BelowIsWide", &assessment.DiastasisSite{WidthMM: ip(17)}, 17, 1.5, true, false, true},
		{"MM20", &assessment.DiastasisSite{WidthMM: ip(20)}, 20, 2, true, false, true},
		{"MM22", &assessment.DiastasisSite{WidthMM: ip(22)}, 22, 2, true, false, true},
		{"MM23", &assessment.DiastasisSite{WidthMM: ip(23)}, 23, 2.5, true, true, true},
		{"MM12", &assessment.DiastasisSite{WidthMM: ip(12)}, 12, 1, true, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mm, ok := tt.s.WidthInMM()
			if mm != tt.mm || ok != tt.ok {
				t.Errorf("WidthInMM = %v, %v; want %v, %v", mm, ok, tt.mm, tt.ok)
			}
			f, ok := tt.s.WidthInFingers()
			if f != tt.fingers || ok != tt.ok {
				t.Errorf("WidthInFingers = %v, %v; want %v, %v", f, ok, tt.fingers, tt.ok)
			}
			for site, want := range map[int]bool{assessment.SiteAbove: tt.wideAbove, assessment.SiteAt: tt.wideAbove, assessment.SiteBelow: tt.wideBelow} {
				if got := tt.s.WideAt(site); got != want {
					t.Errorf("WideAt(%d) = %v, want %v", site, got, want)
				}
			}
		})
	}
}

// TestWeeksPostpartum checks that either figure is used alone, and the
// smaller (the stricter gates) when both are known.
func TestWeeksPostpartum(t *testing.T) {
	tests := []struct {
		name string
		r    *assessment.Record
		want int
		ok   bool
	}{
		{"Unknown", rec(), 0, false},
		{"Context", rec(withWeeks(9)), 9, true},
		{"DeliveryDate", rec(withDelivery("2026-09-03")), 4, true},
		{"DeliveryDate13Days", rec(withDelivery("2026-09-18")), 1, true},
		{"SmallerWinsDate", rec(withDelivery("2026-09-03"), withWeeks(30)), 4, true},
		{"SmallerWinsContext", rec(withDelivery("2026-03-03"), withWeeks(10)), 10, true},
		{"ContextWithDeliveryInFuture", rec(withDelivery("2026-10-08"), withWeeks(3)), 3, true},
		{"DeliveryInFuture", rec(withDelivery("2026-10-08")), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.r.WeeksPostpartum()
			if got != tt.want || ok != tt.ok {
				t.Errorf("WeeksPostpartum = %d, %v; want %d, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}
