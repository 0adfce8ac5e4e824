package assessment_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// pgGateSummary writes the gates as "code:demand,demand" for comparison.
func pgGateSummary(gs []assessment.Gate) []string {
	out := make([]string, len(gs))
	for i, g := range gs {
		s := g.Code + ":" + strings.Join(g.Forbids, ",")
		if g.Blocks {
			s += ":blocks"
		}
		out[i] = s
	}
	return out
}

func TestGates(t *testing.T) {
	const (
		impact   = assessment.DemandImpact
		flexion  = assessment.DemandLoadedFlexion
		pressure = assessment.DemandHighPressure
		heavy    = assessment.DemandHeavyLoad
		hinge    = assessment.DemandLoadedHinge
		lever    = assessment.DemandLongLeverCore
	)
	early := impact + "," + flexion + "," + pressure + "," + heavy
	readiness := "impact_readiness:" + impact
	tests := []struct {
		name string
		rec  *assessment.Record
		want []string
	}{
		{"OK", pgRecord(), []string{readiness}},
		{"NoBirthsNoPostpartumGates", pgRecord(func(r *assessment.Record) {
			r.Context = nil
			r.Client.Births, r.Client.LastDelivery = 0, assessment.Date{}
		}), []string{}},
		{"RedFlagYesBlocks", pgRecord(pgRedFlag(assessment.TriYes)), []string{"red_flag::blocks", readiness}},
		{"RedFlagUnsureBlocks", pgRecord(pgRedFlag(assessment.TriUnsure)), []string{"red_flag::blocks", readiness}},
		{"RedFlagNoIsFine", pgRecord(pgRedFlag(assessment.TriNo)), []string{readiness}},
		{"RedFlagCleared", pgRecord(pgRedFlag(assessment.TriYes), pgCleared), []string{readiness}},
		{"RedFlagClearedSameDay", pgRecord(pgRedFlag(assessment.TriYes), func(r *assessment.Record) {
			r.MedicalClearance = &assessment.Clearance{Date: r.Date, By: "Dr Patel (GP)"}
		}), []string{readiness}},
		{"RedFlagClearedBeforeAssessmentBlocks", pgRecord(pgRedFlag(assessment.TriYes), pgClearedBefore), []string{"red_flag::blocks", readiness}},
		{"RedFlagCaudaCleared", pgRecord(pgCleared, func(r *assessment.Record) {
			r.RedFlags = &assessment.RedFlags{SaddleAnaesthesia: assessment.TriYes}
		}), []string{readiness}},
		{"RedFlagHalfClearanceStillBlocks", pgRecord(pgRedFlag(assessment.TriYes), func(r *assessment.Record) {
			r.MedicalClearance = &assessment.Clearance{Date: pgDate(2026, 3, 1)}
		}), []string{"red_flag::blocks", readiness}},
		{"PelvicFloor", pgRecord(func(r *assessment.Record) { r.PelvicFloor = &assessment.PelvicFloor{Heaviness: true} }),
			[]string{"pelvic_floor:" + impact + "," + heavy, readiness}},
		{"PelvicFloorNothingReported", pgRecord(func(r *assessment.Record) { r.PelvicFloor = &assessment.PelvicFloor{} }), []string{readiness}},
		{"ScarConcern", pgRecord(func(r *assessment.Record) { r.PelvicFloor = &assessment.PelvicFloor{ScarConcern: true} }),
			[]string{"pelvic_floor:" + impact + "," + heavy, "scar_concern:" + early, readiness}},
		{"Under6Weeks", pgRecord(pgWeeks(5)), []string{"early_postpartum:" + early, readiness}},
		{"Exactly6Weeks", pgRecord(pgWeeks(6)), []string{"under_12_weeks:" + impact, readiness}},
		{"Under12Weeks", pgRecord(pgWeeks(11)), []string{"under_12_weeks:" + impact, readiness}},
		{"Exactly12Weeks", pgRecord(pgWeeks(12)), []string{readiness}},
		{"CaesareanUnder6Weeks", pgRecord(pgWeeks(3), pgMode(assessment.DeliveryCaesarean)),
			[]string{"early_postpartum:" + early, "recent_caesarean:" + heavy, readiness}},
		{"CaesareanUnder12Weeks", pgRecord(pgWeeks(8), pgMode(assessment.DeliveryCaesarean)),
			[]string{"under_12_weeks:" + impact, "recent_caesarean:" + heavy, readiness}},
		{"CaesareanAt12Weeks", pgRecord(pgWeeks(12), pgMode(assessment.DeliveryCaesarean)), []string{readiness}},
		{"UnrecordedModeUnder12Weeks", pgRecord(pgWeeks(8), pgMode(assessment.DeliveryUnknown)),
			[]string{"under_12_weeks:" + impact, "recent_caesarean:" + heavy, readiness}},
		{"WeeksFromDeliveryDate", pgRecord(func(r *assessment.Record) {
			r.Context = nil
			r.Client.LastDelivery = r.Date.AddDays(-20) // 2 weeks and 6 days
		}), []string{"early_postpartum:" + early, readiness}},
		{"WeeksUnknown", pgRecord(func(r *assessment.Record) { r.Context.WeeksPostpartum = nil; r.Client.LastDelivery = assessment.Date{} }),
			[]string{"postpartum_unknown:" + early, readiness}},
		{"NoClientSnapshotWeeksUnknown", pgRecord(func(r *assessment.Record) { r.Client = nil; r.Context = nil }),
			[]string{"postpartum_unknown:" + early, readiness}},
		{"Pain7", pgRecord(pgPain(7)), []string{readiness, "pain_high:" + heavy + "," + impact}},
		{"Pain6", pgRecord(pgPain(6)), []string{readiness}},
		// Without pain now, the worst in the last week decides, as it does
		// for the finding.
		{"WorstWeekAloneGates", pgRecord(func(r *assessment.Record) { r.Pain = &assessment.Pain{WorstWeek: pgInt(9)} }), []string{readiness, "pain_high:" + heavy + "," + impact}},
		{"WorstWeekAlone6", pgRecord(func(r *assessment.Record) { r.Pain = &assessment.Pain{WorstWeek: pgInt(6)} }), []string{readiness}},
		{"PainNowWinsOverWorst", pgRecord(func(r *assessment.Record) { r.Pain = &assessment.Pain{Now: pgInt(3), WorstWeek: pgInt(9)} }), []string{readiness}},
		// Two figures for weeks postpartum: the smaller sets the gates.
		{"WeeksDisagreeSmallerWins", pgRecord(pgMode(assessment.DeliveryCaesarean), func(r *assessment.Record) {
			r.Client.LastDelivery = r.Date.AddDays(-21)
		}), []string{"early_postpartum:" + early, "recent_caesarean:" + heavy, readiness}},
		{"DomingMild", pgRecord(pgDiastasis(1, assessment.TensionFirm, assessment.DomingMild)), []string{readiness, "diastasis:" + flexion + "," + pressure}},
		{"DomingMarked", pgRecord(pgDiastasis(1, assessment.TensionFirm, assessment.DomingMarked)),
			[]string{readiness, "diastasis:" + flexion + "," + pressure, "doming_marked:" + lever}},
		{"GapTwoFingersSoft", pgRecord(pgDiastasis(2, assessment.TensionSoft, assessment.DomingNone)), []string{readiness, "diastasis:" + flexion + "," + pressure}},
		{"GapTwoFingersFirm", pgRecord(pgDiastasis(2, assessment.TensionFirm, assessment.DomingNone)), []string{readiness, "diastasis:" + flexion + "," + pressure}},
		{"SoftNarrow", pgRecord(pgDiastasis(1, assessment.TensionSoft, assessment.DomingNone)), []string{readiness, "diastasis:" + flexion + "," + pressure}},
		{"NarrowFirmNoDoming", pgRecord(pgDiastasis(1.5, assessment.TensionFirm, assessment.DomingNone)), []string{readiness}},
		{"GapMM25", pgRecord(func(r *assessment.Record) {
			r.Diastasis = &assessment.Diastasis{Above: &assessment.DiastasisSite{WidthMM: pgInt(25), Tension: assessment.TensionFirm}}
		}), []string{readiness, "diastasis:" + flexion + "," + pressure}},
		{"GapMM20", pgRecord(func(r *assessment.Record) {
			r.Diastasis = &assessment.Diastasis{Below: &assessment.DiastasisSite{WidthMM: pgInt(20), Tension: assessment.TensionFirm}}
		}), []string{readiness}},
		{"HingeScore0", pgRecord(pgHingeScore(0)), []string{readiness, "hinge_pain:" + hinge}},
		{"HingePainFlag", pgRecord(func(r *assessment.Record) {
			r.Hinge = &assessment.Hinge{HeadContact: true, ThoracicContact: true, SacrumContact: true, Pain: true}
		}), []string{readiness, "hinge_pain:" + hinge}},
		{"HingeScore1", pgRecord(pgHingeScore(1)), []string{readiness}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.rec.Validate(); err != nil && tt.name != "RedFlagHalfClearanceStillBlocks" {
				t.Fatalf("test record invalid: %v", err)
			}
			gs := assessment.Gates(tt.rec)
			if got := pgGateSummary(gs); !slices.Equal(got, tt.want) {
				t.Errorf("gates\n got  %v\n want %v", got, tt.want)
			}
			for _, g := range gs {
				if g.Reason == "" || g.Source == "" {
					t.Errorf("gate %s lacks a reason or source", g.Code)
				}
				for _, d := range g.Forbids {
					if !slices.Contains(assessment.Demands, d) {
						t.Errorf("gate %s forbids unknown demand %q", g.Code, d)
					}
				}
			}
			if got, want := assessment.Blocked(gs), strings.HasPrefix(tt.name, "RedFlag") && slices.Contains(tt.want, "red_flag::blocks"); got != want {
				t.Errorf("Blocked = %v, want %v", got, want)
			}
		})
	}
	if gs := assessment.Gates(nil); !assessment.Blocked(gs) {
		t.Error("a nil record must block")
	}
}

func TestSafetyReferrals(t *testing.T) {
	tests := []struct {
		name string
		rec  *assessment.Record
		want []string // code/to
		text string   // a phrase the first reason must hold
	}{
		{"OK", pgRecord(), nil, ""},
		{"RedFlag", pgRecord(pgRedFlag(assessment.TriUnsure)), []string{"red_flag/GP"}, "severe pain at night"},
		{"RedFlagCaudaUrgent", pgRecord(func(r *assessment.Record) {
			r.RedFlags = &assessment.RedFlags{SaddleAnaesthesia: assessment.TriYes}
		}), []string{"red_flag/GP"}, "Urgent"},
		{"RedFlagCleared", pgRecord(pgRedFlag(assessment.TriYes), pgCleared), nil, ""},
		{"RedFlagClearedBeforeAssessment", pgRecord(pgRedFlag(assessment.TriYes), pgClearedBefore), []string{"red_flag/GP"}, "dated before this assessment (2026-03-04), so it does not cover these answers"},
		// A clearance unblocks the programme but never silences the signs of
		// a nerve emergency.
		{"RedFlagCaudaClearedStillUrgent", pgRecord(pgCleared, func(r *assessment.Record) {
			r.RedFlags = &assessment.RedFlags{BladderBowelChange: assessment.TriUnsure, NightPain: assessment.TriYes}
		}), []string{"red_flag/GP"}, "Urgent: a recent change in bladder or bowel control"},
		{"RedFlagCaudaClearedBeforeUrgent", pgRecord(pgClearedBefore, func(r *assessment.Record) {
			r.RedFlags = &assessment.RedFlags{ProgressiveNeuro: assessment.TriYes}
		}), []string{"red_flag/GP"}, "Urgent"},
		{"PelvicFloor", pgRecord(func(r *assessment.Record) { r.PelvicFloor = &assessment.PelvicFloor{Leakage: true, BowelControl: true} }),
			[]string{"pelvic_floor/pelvic-health physiotherapist"}, "urine leakage and poor bowel or wind control"},
		{"ScarConcern", pgRecord(func(r *assessment.Record) { r.PelvicFloor = &assessment.PelvicFloor{ScarConcern: true} }),
			[]string{"pelvic_floor/pelvic-health physiotherapist", "scar_concern/GP"}, ""},
		{"RecentCaesarean", pgRecord(pgWeeks(9), pgMode(assessment.DeliveryCaesarean)), []string{"caesarean_gp_check/GP"}, "9 weeks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			refs := assessment.SafetyReferrals(tt.rec)
			var got []string
			for _, r := range refs {
				got = append(got, r.Code+"/"+r.To)
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("referrals %v, want %v", got, tt.want)
			}
			if tt.text != "" && !strings.Contains(refs[0].Reason, tt.text) {
				t.Errorf("reason %q lacks %q", refs[0].Reason, tt.text)
			}
		})
	}
}

func TestClearanceStatus(t *testing.T) {
	tests := []struct {
		name string
		rec  *assessment.Record
		want assessment.ClearanceStatus
	}{
		{"None", pgRecord(), assessment.ClearanceNone},
		{"NilRecord", nil, assessment.ClearanceNone},
		{"After", pgRecord(pgCleared), assessment.ClearanceCovers},
		{"SameDay", pgRecord(func(r *assessment.Record) { r.MedicalClearance = &assessment.Clearance{Date: r.Date, By: "Dr A"} }), assessment.ClearanceCovers},
		{"DayBefore", pgRecord(func(r *assessment.Record) {
			r.MedicalClearance = &assessment.Clearance{Date: r.Date.AddDays(-1), By: "Dr A"}
		}), assessment.ClearanceBeforeAssessment},
		{"NoDate", pgRecord(func(r *assessment.Record) { r.MedicalClearance = &assessment.Clearance{By: "Dr A"} }), assessment.ClearanceNone},
		{"BlankBy", pgRecord(func(r *assessment.Record) { r.MedicalClearance = &assessment.Clearance{Date: r.Date, By: "  "} }), assessment.ClearanceNone},
		{"RecordUndated", pgRecord(pgCleared, func(r *assessment.Record) { r.Date = assessment.Date{} }), assessment.ClearanceBeforeAssessment},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.rec.ClearanceStatus(); got != tt.want {
				t.Errorf("ClearanceStatus = %d, want %d", got, tt.want)
			}
		})
	}
	t.Run("OlderClearanceStillValidates", func(t *testing.T) {
		if err := pgRecord(pgRedFlag(assessment.TriYes), pgClearedBefore).Validate(); err != nil {
			t.Errorf("a clearance dated before the assessment must still be storable: %v", err)
		}
	})
	t.Run("GateSaysWhy", func(t *testing.T) {
		gs := assessment.Gates(pgRecord(pgRedFlag(assessment.TriYes), pgClearedBefore))
		if len(gs) == 0 || !gs[0].Blocks || !strings.Contains(gs[0].Reason, "dated before this assessment") {
			t.Errorf("first gate %+v; want a blocking red flag that says the clearance predates the assessment", gs[0])
		}
	})
}

func TestWhyForbidden(t *testing.T) {
	lib := pgLib(t)
	get := func(id string) *assessment.Exercise {
		e, ok := lib.Get(id)
		if !ok {
			t.Fatalf("no exercise %s", id)
		}
		return e
	}
	diastasis := pgRecord(pgDiastasis(3, assessment.TensionSoft, assessment.DomingMarked))
	tests := []struct {
		name string
		rec  *assessment.Record
		id   string
		want string // gate code, "" when allowed
	}{
		{"CrunchDiastasis", diastasis, "crunch", assessment.GateDiastasis},
		{"PlankDiastasis", diastasis, "plank_front", assessment.GateDiastasis},
		{"LongLeverMarkedDoming", diastasis, "dead_bug_long_lever", assessment.GateDomingMarked},
		{"BridgeAllowed", diastasis, "glute_bridge", ""},
		{"CrunchAllowedWithoutDiastasis", pgRecord(), "crunch", ""},
		{"JumpSquatAlwaysWaitsForChecks", pgRecord(), "jump_squat", assessment.GateImpactReadiness},
		{"BlockedForbidsEverything", pgRecord(pgRedFlag(assessment.TriYes)), "breathing_360", assessment.GateRedFlag},
		{"HingePain", pgRecord(pgHingeScore(0)), "db_row_bent", assessment.GateHingePain},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, ok := assessment.WhyForbidden(tt.rec, get(tt.id))
			if ok != (tt.want != "") || g.Code != tt.want {
				t.Fatalf("WhyForbidden = %q, %v; want %q", g.Code, ok, tt.want)
			}
			if ok && g.Reason == "" {
				t.Error("no reason")
			}
		})
	}
	if _, ok := assessment.WhyForbidden(pgRecord(), nil); ok {
		t.Error("a nil exercise is not forbidden by anything")
	}
}

// TestPainFindingMatchesGate: for every pain now and worst-in-the-week
// pair, including either one missing, a high-pain finding comes with the
// pain_high gate and never without it.
func TestPainFindingMatchesGate(t *testing.T) {
	scores := []*int{nil}
	for n := 0; n <= assessment.MaxNPRS; n++ {
		scores = append(scores, pgInt(n))
	}
	for _, now := range scores {
		for _, worst := range scores {
			r := pgRecord(func(r *assessment.Record) { r.Pain = &assessment.Pain{Now: now, WorstWeek: worst} })
			in := assessment.Interpret(r)
			found := in.Has(assessment.FindPainHigh)
			gated := slices.ContainsFunc(assessment.Gates(r), func(g assessment.Gate) bool { return g.Code == assessment.GatePainHigh })
			if found != gated {
				t.Errorf("pain now %v, worst %v: finding %v, gate %v", deref(now), deref(worst), found, gated)
			}
		}
	}
}

// deref writes an optional score for a message.
func deref(p *int) string {
	if p == nil {
		return "not recorded"
	}
	return strconv.Itoa(*p)
}
