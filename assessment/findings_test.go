package assessment_test

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/keel-coach/keel/assessment"
)

func ip(n int) *int         { return &n }
func fp(f float64) *float64 { return &f }
func day(s string) assessment.Date {
	d, err := assessment.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// codes lists the finding codes in order.
func codes(in assessment.Interpretation) []string {
	out := make([]string, 0, len(in.Findings))
	for _, f := range in.Findings {
		out = append(out, f.Code)
	}
	return out
}

// find returns the finding with code, or a zero Finding.
func find(in assessment.Interpretation, code string) assessment.Finding {
	for _, f := range in.Findings {
		if f.Code == code {
			return f
		}
	}
	return assessment.Finding{}
}

// rec builds a record dated 2026-10-01 and applies the edits.
func rec(edits ...func(*assessment.Record)) *assessment.Record {
	r := &assessment.Record{Date: day("2026-10-01")}
	for _, e := range edits {
		e(r)
	}
	return r
}

func withWeeks(w int) func(*assessment.Record) {
	return func(r *assessment.Record) {
		if r.Context == nil {
			r.Context = &assessment.Context{}
		}
		r.Context.WeeksPostpartum = ip(w)
	}
}

func withMode(m assessment.DeliveryMode) func(*assessment.Record) {
	return func(r *assessment.Record) {
		if r.Client == nil {
			r.Client = &assessment.ClientSnapshot{Name: "A", Births: 1}
		}
		r.Client.DeliveryMode = m
	}
}

func withDelivery(d string) func(*assessment.Record) {
	return func(r *assessment.Record) {
		if r.Client == nil {
			r.Client = &assessment.ClientSnapshot{Name: "A", Births: 1}
		}
		r.Client.LastDelivery = day(d)
	}
}

func withPainNow(n int) func(*assessment.Record) {
	return func(r *assessment.Record) { r.Pain = &assessment.Pain{Now: ip(n)} }
}

func withTilt(visual string, left, right *float64) func(*assessment.Record) {
	return func(r *assessment.Record) {
		r.PelvicTilt = &assessment.PelvicTilt{Visual: visual, LeftDeg: left, RightDeg: right}
	}
}

func withThomas(left, right *assessment.ThomasSide) func(*assessment.Record) {
	return func(r *assessment.Record) { r.Thomas = &assessment.Thomas{Left: left, Right: right} }
}

func withGlutes(left, right *assessment.GluteSide) func(*assessment.Record) {
	return func(r *assessment.Record) { r.Glutes = &assessment.Glutes{Left: left, Right: right} }
}

func withHinge(h assessment.Hinge) func(*assessment.Record) {
	return func(r *assessment.Record) { r.Hinge = &h }
}

func withSite(s assessment.DiastasisSite, doming string) func(*assessment.Record) {
	return func(r *assessment.Record) { r.Diastasis = &assessment.Diastasis{At: &s, Doming: doming} }
}

// withSiteAt records one site's gap above or below the navel.
func withSiteAt(site string, s assessment.DiastasisSite) func(*assessment.Record) {
	return func(r *assessment.Record) {
		r.Diastasis = &assessment.Diastasis{}
		if site == "above" {
			r.Diastasis.Above = &s
		} else {
			r.Diastasis.Below = &s
		}
	}
}

// cleanHinge keeps all three dowel contacts.
var cleanHinge = assessment.Hinge{HeadContact: true, ThoracicContact: true, SacrumContact: true}

// TestInterpretRules has one row per rule and per boundary: the codes that
// must appear (with side and severity when given) and those that must not.
func TestInterpretRules(t *testing.T) {
	type want struct {
		code string
		side string // checked when not ""
		sev  assessment.Severity
	}
	const anySev = assessment.Severity(-1)
	tests := []struct {
		name     string
		r        *assessment.Record
		want     []want
		not      []string
		referral bool
	}{
		// Rule 1: red flags.
		{"RedFlagYes", rec(func(r *assessment.Record) { r.RedFlags = &assessment.RedFlags{NightPain: assessment.TriYes} }),
			[]want{{assessment.FindRedFlag, "", assessment.SeverityRefer}}, nil, true},
		{"RedFlagUnsure", rec(func(r *assessment.Record) { r.RedFlags = &assessment.RedFlags{SaddleAnaesthesia: assessment.TriUnsure} }),
			[]want{{assessment.FindRedFlag, "", assessment.SeverityRefer}}, nil, true},
		{"RedFlagAllNo", rec(func(r *assessment.Record) {
			r.RedFlags = &assessment.RedFlags{NightPain: assessment.TriNo, CancerHistory: assessment.TriNo}
		}), nil, []string{assessment.FindRedFlag}, false},
		{"RedFlagNotAsked", rec(func(r *assessment.Record) { r.RedFlags = &assessment.RedFlags{} }), nil, []string{assessment.FindRedFlag}, false},
		{"RedFlagCleared", rec(func(r *assessment.Record) {
			r.RedFlags = &assessment.RedFlags{SignificantTrauma: assessment.TriYes}
			r.MedicalClearance = &assessment.Clearance{Date: day("2026-09-20"), By: "Dr Patel"}
		}), []want{{assessment.FindRedFlag, "", assessment.SeverityRefer}}, nil, true},

		// Rule 3: pelvic floor.
		{"PelvicFloorNone", rec(func(r *assessment.Record) { r.PelvicFloor = &assessment.PelvicFloor{} }), nil,
			[]string{assessment.FindPelvicFloor, assessment.FindScarConcern}, false},
		{"ScarConcern", rec(func(r *assessment.Record) { r.PelvicFloor = &assessment.PelvicFloor{ScarConcern: true} }),
			[]want{{assessment.FindPelvicFloor, "", assessment.SeverityRefer}, {assessment.FindScarConcern, "", assessment.SeverityHigh}}, nil, true},

		// Rules 2 and 4: time since birth.
		{"Weeks0", rec(withWeeks(0)), []want{{assessment.FindEarlyPostpartum, "", assessment.SeverityHigh}}, []string{assessment.FindUnder12Weeks}, false},
		{"Weeks5", rec(withWeeks(5)), []want{{assessment.FindEarlyPostpartum, "", assessment.SeverityHigh}}, []string{assessment.FindUnder12Weeks}, false},
		{"Weeks6", rec(withWeeks(6)), []want{{assessment.FindUnder12Weeks, "", assessment.SeverityModerateFinding}}, []string{assessment.FindEarlyPostpartum}, false},
		{"Weeks11", rec(withWeeks(11)), []want{{assessment.FindUnder12Weeks, "", anySev}}, nil, false},
		{"Weeks12", rec(withWeeks(12)), nil, []string{assessment.FindUnder12Weeks, assessment.FindEarlyPostpartum}, false},
		{"Caesarean4Weeks", rec(withWeeks(4), withMode(assessment.DeliveryCaesarean)),
			[]want{{assessment.FindEarlyPostpartum, "", anySev}, {assessment.FindRecentCaesarean, "", assessment.SeverityHigh}}, []string{assessment.FindUnder12Weeks}, false},
		{"Caesarean11Weeks", rec(withWeeks(11), withMode(assessment.DeliveryCaesarean)),
			[]want{{assessment.FindRecentCaesarean, "", anySev}, {assessment.FindUnder12Weeks, "", anySev}}, nil, false},
		{"Caesarean12Weeks", rec(withWeeks(12), withMode(assessment.DeliveryCaesarean)), nil, []string{assessment.FindRecentCaesarean}, false},
		{"VaginalNotCaesarean", rec(withWeeks(4), withMode(assessment.DeliveryVaginal)), nil, []string{assessment.FindRecentCaesarean}, false},
		{"WeeksFromDeliveryDate", rec(withDelivery("2026-09-03")), []want{{assessment.FindEarlyPostpartum, "", anySev}}, nil, false},
		{"WeeksFromDeliveryDate6", rec(withDelivery("2026-08-20")), []want{{assessment.FindUnder12Weeks, "", anySev}}, []string{assessment.FindEarlyPostpartum}, false},
		// The smaller of the two figures wins: 4 weeks from the date, not 20.
		{"SmallerWeeksWinDate", rec(withDelivery("2026-09-03"), withWeeks(20)), []want{{assessment.FindEarlyPostpartum, "", anySev}}, []string{assessment.FindUnder12Weeks}, false},
		{"SmallerWeeksWinContext", rec(withDelivery("2026-03-03"), withWeeks(8)), []want{{assessment.FindUnder12Weeks, "", anySev}}, []string{assessment.FindEarlyPostpartum}, false},
		{"DeliveryAfterRecord", rec(withDelivery("2026-12-01")), nil, []string{assessment.FindEarlyPostpartum}, false},
		{"WeeksUnknown", rec(withMode(assessment.DeliveryCaesarean)), nil, []string{assessment.FindEarlyPostpartum, assessment.FindRecentCaesarean}, false},

		// Pain bands.
		{"Pain0", rec(withPainNow(0)), nil, []string{assessment.FindPainLow, assessment.FindPainModerate, assessment.FindPainHigh}, false},
		{"Pain1", rec(withPainNow(1)), []want{{assessment.FindPainLow, "", assessment.SeverityLow}}, nil, false},
		{"Pain3", rec(withPainNow(3)), []want{{assessment.FindPainLow, "", anySev}}, []string{assessment.FindPainModerate}, false},
		{"Pain4", rec(withPainNow(4)), []want{{assessment.FindPainModerate, "", assessment.SeverityModerateFinding}}, nil, false},
		{"Pain6", rec(withPainNow(6)), []want{{assessment.FindPainHigh, "", anySev}}, []string{assessment.FindPainModerate}, false},
		{"Pain5", rec(withPainNow(5)), []want{{assessment.FindPainModerate, "", anySev}}, []string{assessment.FindPainHigh}, false},
		{"Pain7", rec(withPainNow(7)), []want{{assessment.FindPainHigh, "", assessment.SeverityHigh}}, nil, false},
		{"Pain10", rec(withPainNow(10)), []want{{assessment.FindPainHigh, "", anySev}}, nil, false},
		{"PainNowWinsOverWorst", rec(func(r *assessment.Record) { r.Pain = &assessment.Pain{Now: ip(2), WorstWeek: ip(9)} }),
			[]want{{assessment.FindPainLow, "", anySev}}, []string{assessment.FindPainHigh}, false},
		{"PainOnlyWorst", rec(func(r *assessment.Record) { r.Pain = &assessment.Pain{WorstWeek: ip(8)} }),
			[]want{{assessment.FindPainHigh, "", anySev}}, nil, false},
		{"PainEmpty", rec(func(r *assessment.Record) { r.Pain = &assessment.Pain{} }), nil, []string{assessment.FindPainLow}, false},

		// Rule 5: diastasis.
		{"Fingers1.5", rec(withSite(assessment.DiastasisSite{WidthFingers: fp(1.5)}, "")), nil, []string{assessment.FindDiastasis}, false},
		{"Fingers2", rec(withSite(assessment.DiastasisSite{WidthFingers: fp(2)}, "")), []want{{assessment.FindDiastasis, "", assessment.SeverityModerateFinding}}, nil, false},
		{"MM20", rec(withSite(assessment.DiastasisSite{WidthMM: ip(20)}, "")), nil, []string{assessment.FindDiastasis}, false},
		{"MM21Above", rec(withSiteAt("above", assessment.DiastasisSite{WidthMM: ip(21)})), nil, []string{assessment.FindDiastasis}, false},
		{"MM23Above", rec(withSiteAt("above", assessment.DiastasisSite{WidthMM: ip(23)})), []want{{assessment.FindDiastasis, "", anySev}}, nil, false},
		{"MM17Below", rec(withSiteAt("below", assessment.DiastasisSite{WidthMM: ip(17)})), []want{{assessment.FindDiastasis, "", anySev}}, nil, false},
		{"SoftNarrow", rec(withSite(assessment.DiastasisSite{WidthFingers: fp(1), Tension: assessment.TensionSoft}, "")),
			[]want{{assessment.FindDiastasisSoft, "", anySev}}, []string{assessment.FindDiastasis}, false},
		{"FirmNoSoft", rec(withSite(assessment.DiastasisSite{WidthFingers: fp(1), Tension: assessment.TensionFirm}, "")), nil, []string{assessment.FindDiastasisSoft}, false},
		{"DomingNone", rec(withSite(assessment.DiastasisSite{WidthFingers: fp(1)}, assessment.DomingNone)), nil, []string{assessment.FindDoming}, false},
		{"DomingMild", rec(withSite(assessment.DiastasisSite{WidthFingers: fp(1)}, assessment.DomingMild)), []want{{assessment.FindDoming, "", assessment.SeverityLow}}, nil, false},
		{"DomingMarked", rec(withSite(assessment.DiastasisSite{WidthFingers: fp(1)}, assessment.DomingMarked)), []want{{assessment.FindDoming, "", assessment.SeverityModerateFinding}}, nil, false},

		// Rules 7 and 8: pelvic tilt.
		{"TiltNeutral16", rec(withTilt(assessment.TiltNeutral, fp(16), fp(16))), nil, []string{assessment.FindAnteriorTilt, assessment.FindPosteriorTilt}, false},
		{"TiltAnteriorNoThomas", rec(withTilt(assessment.TiltAnterior, fp(16), fp(15))), nil, []string{assessment.FindAnteriorTilt}, false},
		{"TiltAnteriorThomasNormal", rec(withTilt(assessment.TiltAnterior, nil, nil), withThomas(&assessment.ThomasSide{HipAngleDeg: fp(-5), KneeAngleDeg: fp(80)}, nil)),
			nil, []string{assessment.FindAnteriorTilt}, false},
		{"TiltAnteriorThomasPositive", rec(withTilt(assessment.TiltAnterior, nil, nil), withThomas(nil, &assessment.ThomasSide{HipAngleDeg: fp(2)})),
			[]want{{assessment.FindAnteriorTilt, "", assessment.SeverityLow}}, nil, false},
		{"TiltNeutralThomasPositive", rec(withTilt(assessment.TiltNeutral, nil, nil), withThomas(nil, &assessment.ThomasSide{HipAngleDeg: fp(2)})),
			nil, []string{assessment.FindAnteriorTilt}, false},
		{"TiltAngle18", rec(withTilt("", fp(18), fp(18))), nil, []string{assessment.FindAnteriorTilt}, false},
		{"TiltAngle18.5", rec(withTilt(assessment.TiltNeutral, fp(18), fp(19))), []want{{assessment.FindAnteriorTilt, "", anySev}}, nil, false},
		{"TiltOneSide20", rec(withTilt("", fp(20), nil)), []want{{assessment.FindAnteriorTilt, "", anySev}}, nil, false},
		{"TiltVisualPosterior", rec(withTilt(assessment.TiltPosterior, nil, nil)), []want{{assessment.FindPosteriorTilt, "", assessment.SeverityLow}}, []string{assessment.FindAnteriorTilt}, false},
		{"TiltAngleNegative", rec(withTilt("", fp(-2), fp(-1))), []want{{assessment.FindPosteriorTilt, "", anySev}}, nil, false},
		{"TiltAsymmetry3", rec(withTilt("", fp(10), fp(13))), nil, []string{assessment.FindTiltAsymmetry}, false},
		{"TiltAsymmetry4", rec(withTilt("", fp(10), fp(14))), nil, []string{assessment.FindTiltAsymmetry}, false},
		{"TiltAsymmetry4.5", rec(withTilt("", fp(14.5), fp(10))), []want{{assessment.FindTiltAsymmetry, "", assessment.SeverityInfo}}, []string{assessment.FindAnteriorTilt}, false},

		// Rule 9: Thomas test.
		{"ThomasHip0", rec(withThomas(&assessment.ThomasSide{HipAngleDeg: fp(0)}, nil)), nil, []string{assessment.FindShortHipFlexors}, false},
		{"ThomasHipLeft", rec(withThomas(&assessment.ThomasSide{HipAngleDeg: fp(1)}, &assessment.ThomasSide{HipAngleDeg: fp(-3)})),
			[]want{{assessment.FindShortHipFlexors, assessment.SideLeft, assessment.SeverityLow}}, nil, false},
		{"ThomasHipBoth", rec(withThomas(&assessment.ThomasSide{HipAngleDeg: fp(4)}, &assessment.ThomasSide{HipAngleDeg: fp(6)})),
			[]want{{assessment.FindShortHipFlexors, assessment.SideBoth, anySev}}, nil, false},
		{"ThomasKnee67", rec(withThomas(nil, &assessment.ThomasSide{KneeAngleDeg: fp(67)})), nil, []string{assessment.FindShortRectus}, false},
		{"ThomasKnee66", rec(withThomas(nil, &assessment.ThomasSide{KneeAngleDeg: fp(66)})), []want{{assessment.FindShortRectus, assessment.SideRight, anySev}}, nil, false},
		{"ThomasDrift", rec(withThomas(&assessment.ThomasSide{AbductionDrift: true}, nil)), []want{{assessment.FindTFLTightness, assessment.SideLeft, anySev}}, nil, false},

		// Rule 10: glute med.
		{"GluteMed3+", rec(withGlutes(nil, &assessment.GluteSide{MedGrade: "3+"})), []want{{assessment.FindGluteMedWeak, assessment.SideRight, assessment.SeverityModerateFinding}}, nil, false},
		{"GluteMed4-", rec(withGlutes(nil, &assessment.GluteSide{MedGrade: "4-"})), nil, []string{assessment.FindGluteMedWeak}, false},
		{"GluteMedTrendelenburg", rec(withGlutes(&assessment.GluteSide{Trendelenburg: assessment.TrendelenburgPositive}, nil)),
			[]want{{assessment.FindGluteMedWeak, assessment.SideLeft, anySev}}, nil, false},
		{"GluteMedTrendelenburgNegative", rec(withGlutes(&assessment.GluteSide{Trendelenburg: assessment.TrendelenburgNegative}, nil)), nil, []string{assessment.FindGluteMedWeak}, false},
		{"GluteMedSideLying2", rec(withGlutes(&assessment.GluteSide{SideLyingAbdScore: ip(2)}, nil)), []want{{assessment.FindGluteMedWeak, assessment.SideLeft, anySev}}, nil, false},
		{"GluteMedSideLying1", rec(withGlutes(&assessment.GluteSide{SideLyingAbdScore: ip(1)}, nil)), nil, []string{assessment.FindGluteMedWeak}, false},
		{"GluteMedBoth", rec(withGlutes(&assessment.GluteSide{MedGrade: "3"}, &assessment.GluteSide{MedGrade: "3+"})),
			[]want{{assessment.FindGluteMedWeak, assessment.SideBoth, anySev}}, []string{assessment.FindGluteAsymmetry}, false},

		// Rule 11: glute max.
		{"GluteMax3+", rec(withGlutes(&assessment.GluteSide{MaxGrade: "3+"}, nil)), []want{{assessment.FindGluteMaxWeak, assessment.SideLeft, assessment.SeverityModerateFinding}}, nil, false},
		{"GluteMax4-", rec(withGlutes(&assessment.GluteSide{MaxGrade: "4-"}, nil)), nil, []string{assessment.FindGluteMaxWeak}, false},
		{"GluteMaxHamstring", rec(withGlutes(nil, &assessment.GluteSide{ProneHipExtension: assessment.PHEHamstringDominant})), []want{{assessment.FindGluteMaxWeak, assessment.SideRight, anySev}}, nil, false},
		{"GluteMaxLumbar", rec(withGlutes(nil, &assessment.GluteSide{ProneHipExtension: assessment.PHELumbarDominant})), []want{{assessment.FindGluteMaxWeak, assessment.SideRight, anySev}}, nil, false},
		{"GluteMaxNoGlute", rec(withGlutes(nil, &assessment.GluteSide{ProneHipExtension: assessment.PHENoGlute})), []want{{assessment.FindGluteMaxWeak, assessment.SideRight, anySev}}, nil, false},
		{"GluteMaxSimultaneous", rec(withGlutes(nil, &assessment.GluteSide{ProneHipExtension: assessment.PHESimultaneous})), nil, []string{assessment.FindGluteMaxWeak}, false},
		{"Bridge19", rec(withGlutes(&assessment.GluteSide{SingleLegBridgeReps: ip(19)}, nil)), []want{{assessment.FindGluteMaxWeak, assessment.SideLeft, anySev}}, nil, false},
		{"Bridge20", rec(withGlutes(&assessment.GluteSide{SingleLegBridgeReps: ip(20)}, nil)), nil, []string{assessment.FindGluteMaxWeak}, false},
		{"BridgeGap20pc", rec(withGlutes(&assessment.GluteSide{SingleLegBridgeReps: ip(24)}, &assessment.GluteSide{SingleLegBridgeReps: ip(30)})),
			[]want{{assessment.FindGluteMaxWeak, assessment.SideLeft, anySev}}, nil, false},
		{"BridgeGap15pc", rec(withGlutes(&assessment.GluteSide{SingleLegBridgeReps: ip(34)}, &assessment.GluteSide{SingleLegBridgeReps: ip(40)})),
			nil, []string{assessment.FindGluteMaxWeak}, false},

		// Glute asymmetry: one whole grade.
		{"AsymMed3vs4", rec(withGlutes(&assessment.GluteSide{MedGrade: "4"}, &assessment.GluteSide{MedGrade: "3"})),
			[]want{{assessment.FindGluteAsymmetry, assessment.SideRight, assessment.SeverityLow}}, nil, false},
		{"AsymMax4-vs4+", rec(withGlutes(&assessment.GluteSide{MaxGrade: "4-"}, &assessment.GluteSide{MaxGrade: "4+"})), nil, []string{assessment.FindGluteAsymmetry}, false},
		{"AsymMax3+vs4+", rec(withGlutes(&assessment.GluteSide{MaxGrade: "3+"}, &assessment.GluteSide{MaxGrade: "4+"})),
			[]want{{assessment.FindGluteAsymmetry, assessment.SideLeft, anySev}}, nil, false},
		{"AsymMax2vs3", rec(withGlutes(&assessment.GluteSide{MaxGrade: "3"}, &assessment.GluteSide{MaxGrade: "2"})),
			[]want{{assessment.FindGluteAsymmetry, assessment.SideRight, anySev}}, nil, false},
		{"AsymMax3-vs3+", rec(withGlutes(&assessment.GluteSide{MaxGrade: "3-"}, &assessment.GluteSide{MaxGrade: "3+"})), nil, []string{assessment.FindGluteAsymmetry}, false},
		{"AsymOppositeWays", rec(withGlutes(&assessment.GluteSide{MaxGrade: "3", MedGrade: "5"}, &assessment.GluteSide{MaxGrade: "5", MedGrade: "4-"})),
			[]want{{assessment.FindGluteAsymmetry, assessment.SideBoth, anySev}}, nil, false},
		{"AsymOneSideUntested", rec(withGlutes(&assessment.GluteSide{MaxGrade: "2"}, nil)), nil, []string{assessment.FindGluteAsymmetry}, false},

		// Rules 12 and 13: hinge.
		{"HingeClean", rec(withHinge(cleanHinge)), nil,
			[]string{assessment.FindHingePoor, assessment.FindHingeFair, assessment.FindHingePain, assessment.FindHingeLumbarFlex, assessment.FindThoracicMobility}, false},
		{"HingePain", rec(withHinge(assessment.Hinge{HeadContact: true, ThoracicContact: true, SacrumContact: true, Pain: true})),
			[]want{{assessment.FindHingePain, "", assessment.SeverityHigh}, {assessment.FindHingePoor, "", anySev}}, nil, true}, // a painful screen test is referred (rule 13)
		{"HingeScore0", rec(withHinge(assessment.Hinge{HeadContact: true, ThoracicContact: true, SacrumContact: true, Score: ip(0)})),
			[]want{{assessment.FindHingePain, "", anySev}}, nil, true},
		{"HingeScore1", rec(withHinge(assessment.Hinge{HeadContact: true, ThoracicContact: true, SacrumContact: true, Score: ip(1)})),
			[]want{{assessment.FindHingePoor, "", assessment.SeverityModerateFinding}}, []string{assessment.FindHingePain}, false},
		{"HingeScore2", rec(withHinge(assessment.Hinge{HeadContact: true, ThoracicContact: true, SacrumContact: true, Score: ip(2)})),
			[]want{{assessment.FindHingeFair, "", assessment.SeverityLow}}, []string{assessment.FindHingePoor}, false},
		{"HingeSuggestedFair", rec(withHinge(assessment.Hinge{HeadContact: true, ThoracicContact: true, SacrumContact: true, Faults: []string{assessment.HingeWeightToToes}})),
			[]want{{assessment.FindHingeFair, "", anySev}}, nil, false},
		{"HingeLumbarFlexionFault", rec(withHinge(assessment.Hinge{HeadContact: true, ThoracicContact: true, SacrumContact: true, Faults: []string{assessment.HingeLumbarFlexion}})),
			[]want{{assessment.FindHingeLumbarFlex, "", anySev}}, nil, false},
		{"HingeSacrumLost", rec(withHinge(assessment.Hinge{HeadContact: true, ThoracicContact: true})),
			[]want{{assessment.FindHingeLumbarFlex, "", anySev}}, nil, false},
		{"HingeSquatting", rec(withHinge(assessment.Hinge{HeadContact: true, ThoracicContact: true, SacrumContact: true, Faults: []string{assessment.HingeSquatting}})),
			[]want{{assessment.FindHingeSquatting, "", anySev}}, nil, false},
		{"HingeKneesForward", rec(withHinge(assessment.Hinge{HeadContact: true, ThoracicContact: true, SacrumContact: true, Faults: []string{assessment.HingeKneesForward}})),
			[]want{{assessment.FindHingeSquatting, "", anySev}}, nil, false},
		{"HingeThoracicLost", rec(withHinge(assessment.Hinge{HeadContact: true, SacrumContact: true})),
			[]want{{assessment.FindThoracicMobility, "", anySev}}, nil, false},

		// Rule 15: posture.
		{"PostureNone", rec(func(r *assessment.Record) {
			r.Posture = &assessment.Posture{ForwardHead: assessment.SeverityNone, RoundedShoulders: assessment.SeverityNone, ThoracicKyphosis: assessment.SeverityNone}
		}), nil, []string{assessment.FindForwardHead, assessment.FindRoundedShoulders, assessment.FindKyphosis}, false},
		{"PostureMild", rec(func(r *assessment.Record) { r.Posture = &assessment.Posture{RoundedShoulders: assessment.SeverityMild} }),
			[]want{{assessment.FindRoundedShoulders, "", assessment.SeverityInfo}}, nil, false},
		{"PostureModerate", rec(func(r *assessment.Record) { r.Posture = &assessment.Posture{ForwardHead: assessment.SeverityModerate} }),
			[]want{{assessment.FindForwardHead, "", assessment.SeverityLow}}, nil, false},
		{"PostureMarked", rec(func(r *assessment.Record) {
			r.Posture = &assessment.Posture{ThoracicKyphosis: assessment.SeverityMarked}
		}),
			[]want{{assessment.FindKyphosis, "", assessment.SeverityModerateFinding}}, nil, false},

		// Daily load.
		{"Sitting5.5", rec(func(r *assessment.Record) { r.Context = &assessment.Context{SittingHours: fp(5.5)} }), nil, []string{assessment.FindLongSitting}, false},
		{"Sitting6", rec(func(r *assessment.Record) { r.Context = &assessment.Context{SittingHours: fp(6)} }), []want{{assessment.FindLongSitting, "", assessment.SeverityLow}}, nil, false},
		{"LiftingDaily", rec(func(r *assessment.Record) { r.Context = &assessment.Context{ChildLifting: assessment.LiftingDaily} }), nil, []string{assessment.FindFrequentLifting}, false},
		{"LiftingMany", rec(func(r *assessment.Record) { r.Context = &assessment.Context{ChildLifting: assessment.LiftingManyDaily} }),
			[]want{{assessment.FindFrequentLifting, "", anySev}}, nil, false},

		// General foundations, always.
		{"EmptyRecord", rec(), []want{{assessment.FindGeneral, "", assessment.SeverityInfo}}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := assessment.Interpret(tt.r)
			for _, w := range tt.want {
				if !in.Has(w.code) {
					t.Errorf("missing %s; got %v", w.code, codes(in))
					continue
				}
				f := find(in, w.code)
				if w.side != "" && f.Side != w.side {
					t.Errorf("%s side = %q, want %q", w.code, f.Side, w.side)
				}
				if w.sev != anySev && f.Severity != w.sev {
					t.Errorf("%s severity = %v, want %v", w.code, f.Severity, w.sev)
				}
			}
			for _, c := range tt.not {
				if in.Has(c) {
					t.Errorf("unexpected %s: %+v", c, find(in, c))
				}
			}
			if in.ReferralRequired != tt.referral {
				t.Errorf("ReferralRequired = %v, want %v", in.ReferralRequired, tt.referral)
			}
			if !in.Has(assessment.FindGeneral) {
				t.Errorf("general foundations missing")
			}
		})
	}
}

// TestEveryRedFlagRefers sets each spinal red flag alone to yes and to
// unsure: every one must require a GP referral.
func TestEveryRedFlagRefers(t *testing.T) {
	setters := map[string]func(*assessment.RedFlags, assessment.Tri){
		"saddle_anaesthesia":       func(f *assessment.RedFlags, a assessment.Tri) { f.SaddleAnaesthesia = a },
		"bladder_bowel_change":     func(f *assessment.RedFlags, a assessment.Tri) { f.BladderBowelChange = a },
		"progressive_neuro":        func(f *assessment.RedFlags, a assessment.Tri) { f.ProgressiveNeuro = a },
		"fever_unwell":             func(f *assessment.RedFlags, a assessment.Tri) { f.FeverUnwell = a },
		"unexplained_weight_loss":  func(f *assessment.RedFlags, a assessment.Tri) { f.UnexplainedWeightLoss = a },
		"cancer_history":           func(f *assessment.RedFlags, a assessment.Tri) { f.CancerHistory = a },
		"significant_trauma":       func(f *assessment.RedFlags, a assessment.Tri) { f.SignificantTrauma = a },
		"night_pain":               func(f *assessment.RedFlags, a assessment.Tri) { f.NightPain = a },
		"steroids_or_osteoporosis": func(f *assessment.RedFlags, a assessment.Tri) { f.SteroidsOrOsteoporosis = a },
		"age_onset":                func(f *assessment.RedFlags, a assessment.Tri) { f.AgeOnset = a },
	}
	for key, set := range setters {
		for _, a := range []assessment.Tri{assessment.TriYes, assessment.TriUnsure} {
			t.Run(key+"_"+string(a), func(t *testing.T) {
				var f assessment.RedFlags
				set(&f, a)
				in := assessment.Interpret(rec(func(r *assessment.Record) { r.RedFlags = &f }))
				if !in.ReferralRequired || !in.Has(assessment.FindRedFlag) {
					t.Fatalf("no referral for %s = %s", key, a)
				}
				if len(in.Referrals) != 1 || in.Referrals[0].To != assessment.ReferToGP || in.Referrals[0].Code != assessment.FindRedFlag {
					t.Errorf("referrals = %+v, want one to the GP", in.Referrals)
				}
				if in.Findings[0].Code != assessment.FindRedFlag {
					t.Errorf("first finding = %s, want red_flag first", in.Findings[0].Code)
				}
				if !strings.Contains(find(in, assessment.FindRedFlag).Evidence, key) {
					t.Errorf("evidence %q does not name %s", find(in, assessment.FindRedFlag).Evidence, key)
				}
			})
		}
	}
}

// TestPostpartumEvidence: when the coach's figure and the delivery date
// disagree by more than a week, the evidence names both.
func TestPostpartumEvidence(t *testing.T) {
	tests := []struct {
		name string
		r    *assessment.Record
		want string
	}{
		{"Context", rec(withWeeks(4)), "4 weeks postpartum (context)"},
		{"Date", rec(withDelivery("2026-09-03")), "4 weeks postpartum (delivery 2026-09-03, assessed 2026-10-01)"},
		{"AgreeWithinAWeek", rec(withDelivery("2026-09-03"), withWeeks(5)), "4 weeks postpartum (delivery 2026-09-03, assessed 2026-10-01)"},
		{"AgreeContextSmaller", rec(withDelivery("2026-09-03"), withWeeks(3)), "3 weeks postpartum (context)"},
		{"Disagree", rec(withDelivery("2026-09-03"), withWeeks(30)),
			"4 weeks postpartum (the smaller of two figures that disagree: 30 weeks in the context, 4 weeks from delivery 2026-09-03 to the assessment 2026-10-01; check which is right)"},
		{"DisagreeContextSmaller", rec(withDelivery("2026-08-06"), withWeeks(2)), "2 weeks postpartum (the smaller of two figures that disagree: 2 weeks in the context, 8 weeks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := assessment.Interpret(tt.r)
			var ev string
			for _, f := range in.Findings {
				if f.Code == assessment.FindEarlyPostpartum || f.Code == assessment.FindUnder12Weeks {
					ev = f.Evidence
				}
			}
			if !strings.HasPrefix(ev, tt.want) {
				t.Errorf("evidence %q; want it to start %q", ev, tt.want)
			}
		})
	}
}

// TestRedFlagClearanceWording: the coach reads whether the clearance
// covers the answers, in the same terms as the gate.
func TestRedFlagClearanceWording(t *testing.T) {
	clear := func(d string) func(*assessment.Record) {
		return func(r *assessment.Record) { r.MedicalClearance = &assessment.Clearance{Date: day(d), By: " Dr Patel "} }
	}
	trauma := func(r *assessment.Record) { r.RedFlags = &assessment.RedFlags{SignificantTrauma: assessment.TriYes} }
	saddle := func(r *assessment.Record) { r.RedFlags = &assessment.RedFlags{SaddleAnaesthesia: assessment.TriUnsure} }
	tests := []struct {
		name      string
		r         *assessment.Record
		want, not string
	}{
		{"OK", rec(trauma, clear("2026-10-03")), "Cleared for exercise by Dr Patel on 2026-10-03", "emergency"},
		{"SameDay", rec(trauma, clear("2026-10-01")), "Cleared for exercise by Dr Patel", "does not cover"},
		{"ClearanceBeforeAssessment", rec(trauma, clear("2026-09-20")),
			"The clearance recorded (Dr Patel, 2026-09-20) is dated before this assessment (2026-10-01), so it does not cover these answers.", "Cleared for exercise"},
		{"NoClearance", rec(trauma), "until a doctor's clearance is recorded", "Cleared"},
		{"CaudaStillAnEmergency", rec(saddle, clear("2026-10-03")), "still an emergency", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := assessment.Interpret(tt.r)
			f := find(in, assessment.FindRedFlag)
			if !strings.Contains(f.Coach, tt.want) {
				t.Errorf("coach text %q lacks %q", f.Coach, tt.want)
			}
			if tt.not != "" && strings.Contains(f.Coach, tt.not) {
				t.Errorf("coach text %q should not say %q", f.Coach, tt.not)
			}
		})
	}
}

// TestEveryPelvicFloorSymptomRefers sets each symptom alone.
func TestEveryPelvicFloorSymptomRefers(t *testing.T) {
	setters := map[string]func(*assessment.PelvicFloor){
		"leakage":                func(p *assessment.PelvicFloor) { p.Leakage = true },
		"urgency":                func(p *assessment.PelvicFloor) { p.Urgency = true },
		"heaviness":              func(p *assessment.PelvicFloor) { p.Heaviness = true },
		"bowel_control":          func(p *assessment.PelvicFloor) { p.BowelControl = true },
		"pain_with_sex":          func(p *assessment.PelvicFloor) { p.PainWithSex = true },
		"bleeding_after_8_weeks": func(p *assessment.PelvicFloor) { p.BleedingAfter8Weeks = true },
		"scar_concern":           func(p *assessment.PelvicFloor) { p.ScarConcern = true },
	}
	for key, set := range setters {
		t.Run(key, func(t *testing.T) {
			var p assessment.PelvicFloor
			set(&p)
			in := assessment.Interpret(rec(func(r *assessment.Record) { r.PelvicFloor = &p }))
			if !in.ReferralRequired || !in.Has(assessment.FindPelvicFloor) {
				t.Fatalf("no referral for %s", key)
			}
			if len(in.Referrals) != 1 || in.Referrals[0].To != assessment.ReferToPelvicPhys {
				t.Errorf("referrals = %+v, want one to a pelvic-health physiotherapist", in.Referrals)
			}
			if !strings.Contains(find(in, assessment.FindPelvicFloor).Evidence, key) {
				t.Errorf("evidence does not name %s", key)
			}
		})
	}
}

// TestNotTested checks a nil section is listed and yields no finding, and
// that a recorded section is not listed.
func TestNotTested(t *testing.T) {
	t.Run("AllNil", func(t *testing.T) {
		in := assessment.Interpret(rec())
		if !reflect.DeepEqual(in.NotTested, assessment.Sections) {
			t.Errorf("NotTested = %v, want %v", in.NotTested, assessment.Sections)
		}
		// Pain not recorded is read as high (missing is never normal).
		if got := codes(in); !reflect.DeepEqual(got, []string{assessment.FindPainHigh, assessment.FindGeneral}) {
			t.Errorf("findings = %v, want pain_high (not recorded) and general", got)
		}
		if in.ReferralRequired {
			t.Errorf("an untested safety screen must not read as a referral either way")
		}
	})
	t.Run("NilRecord", func(t *testing.T) {
		in := assessment.Interpret(nil)
		if len(in.NotTested) != len(assessment.Sections) || !in.Has(assessment.FindGeneral) {
			t.Errorf("Interpret(nil) = %+v", in)
		}
	})
	t.Run("Sides", func(t *testing.T) {
		in := assessment.Interpret(rec(
			withThomas(&assessment.ThomasSide{HipAngleDeg: fp(5)}, nil),
			withGlutes(nil, &assessment.GluteSide{MedGrade: "3"}),
			withSite(assessment.DiastasisSite{WidthFingers: fp(1)}, ""),
		))
		for _, s := range []string{"thomas.right", "glutes.left", "diastasis.above", "diastasis.below"} {
			if !slices.Contains(in.NotTested, s) {
				t.Errorf("NotTested %v lacks %s", in.NotTested, s)
			}
		}
		for _, s := range []string{"thomas", "glutes", "diastasis", "thomas.left", "glutes.right", "diastasis.at"} {
			if slices.Contains(in.NotTested, s) {
				t.Errorf("NotTested %v lists recorded %s", in.NotTested, s)
			}
		}
		if f := find(in, assessment.FindShortHipFlexors); f.Side != assessment.SideLeft {
			t.Errorf("short hip flexors side = %q, want left only", f.Side)
		}
	})
	t.Run("TestedSectionNotListed", func(t *testing.T) {
		in := assessment.Interpret(rec(withPainNow(0)))
		if slices.Contains(in.NotTested, assessment.SectionPain) {
			t.Errorf("pain recorded as 0 is listed as not tested")
		}
	})
}

// TestInterpretOrderAndWording checks, over every example, that findings
// come most serious first, Interpret is deterministic, and every finding is
// worded for both readers with its evidence; client sentences carry no
// digits and none of the coach's jargon.
func TestInterpretOrderAndWording(t *testing.T) {
	jargon := []string{"NPRS", "glute med", "glute max", "TFL", "linea", "Thomas", "Trendelenburg", "diastasis", "kyphosis",
		"lumbar", "thoracic", "iliopsoas", "rectus", "abduction", "MMT", "IRD", "anterior", "posterior"}
	for _, path := range exampleFiles(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			r := mustParseFile(t, path)
			in := assessment.Interpret(r)
			if again := assessment.Interpret(r); !reflect.DeepEqual(in, again) {
				t.Errorf("Interpret is not deterministic")
			}
			for i, f := range in.Findings {
				if i > 0 && f.Severity > in.Findings[i-1].Severity {
					t.Errorf("finding %d (%s, %v) after a less serious one (%s, %v)", i, f.Code, f.Severity, in.Findings[i-1].Code, in.Findings[i-1].Severity)
				}
				if f.Coach == "" || f.Client == "" || f.Evidence == "" {
					t.Errorf("%s: empty wording: %+v", f.Code, f)
				}
				if strings.IndexFunc(f.Client, unicode.IsDigit) >= 0 {
					t.Errorf("%s: client sentence has a number: %q", f.Code, f.Client)
				}
				low := strings.ToLower(f.Client)
				for _, j := range jargon {
					if strings.Contains(low, strings.ToLower(j)) {
						t.Errorf("%s: client sentence uses %q: %q", f.Code, j, f.Client)
					}
				}
			}
			if last := in.Findings[len(in.Findings)-1]; last.Code != assessment.FindGeneral && last.Severity != assessment.SeverityInfo {
				t.Errorf("last finding %s is not informational", last.Code)
			}
		})
	}
}

// TestReferralsOrder checks red-flag referrals come before pelvic-floor
// ones and both set ReferralRequired.
func TestReferralsOrder(t *testing.T) {
	in := assessment.Interpret(rec(func(r *assessment.Record) {
		r.RedFlags = &assessment.RedFlags{NightPain: assessment.TriUnsure}
		r.PelvicFloor = &assessment.PelvicFloor{Leakage: true, Urgency: true}
	}))
	var to []string
	for _, ref := range in.Referrals {
		to = append(to, ref.To)
	}
	want := []string{assessment.ReferToGP, assessment.ReferToPelvicPhys, assessment.ReferToPelvicPhys}
	if !reflect.DeepEqual(to, want) {
		t.Errorf("referrals to %v, want %v", to, want)
	}
	if got := codes(in)[:2]; !reflect.DeepEqual(got, []string{assessment.FindRedFlag, assessment.FindPelvicFloor}) {
		t.Errorf("first findings = %v", got)
	}
}

// TestNotTestedInWords: the sections not tested read as words in the
// general finding's evidence, never as keys ("thomas", "diastasis.at").
func TestNotTestedInWords(t *testing.T) {
	r := pgRecord(func(r *assessment.Record) {
		r.Thomas = nil
		r.Diastasis = &assessment.Diastasis{Above: r.Diastasis.Above}
	})
	in := assessment.Interpret(r)
	found := false
	for _, f := range in.Findings {
		if f.Code != assessment.FindGeneral {
			continue
		}
		found = true
		for _, key := range []string{"thomas", "diastasis.", "_"} {
			if strings.Contains(f.Evidence, key) {
				t.Errorf("evidence %q holds the key %q", f.Evidence, key)
			}
		}
		if !strings.Contains(f.Evidence, "at the navel") {
			t.Errorf("evidence %q does not name the untested site in words", f.Evidence)
		}
	}
	if !found {
		t.Fatal("no general finding")
	}
}
