package assessment_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// TestGates pins which gates each rule raises (codes, most serious first).
// The base record answers everything, so each case changes one thing.
func TestGates(t *testing.T) {
	const (
		ready    = assessment.GateImpactReadiness
		block    = "blocks"
		early    = assessment.GateEarlyPostpartum
		unknown  = assessment.GatePostpartumUnknown
		goAhead  = assessment.GateNoGoAhead
		caes     = assessment.GateRecentCaesarean
		u12      = assessment.GateUnder12Weeks
		pain     = assessment.GatePainHigh
		dra      = assessment.GateDiastasis
		severe   = assessment.GateDiastasisSevere
		notClean = assessment.GateHingeNotClean
	)
	tests := []struct {
		name string
		rec  *assessment.Record
		want []string
	}{
		{"OK", pgRecord(), []string{ready}},
		{"NoBirthsNoPostpartumGates", pgRecord(func(r *assessment.Record) {
			r.Context = nil
			r.Client.Births, r.Client.LastDelivery = 0, assessment.Date{}
		}), []string{}},
		{"BirthsNotRecordedIsStrictest", pgRecord(func(r *assessment.Record) {
			r.Context = nil
			r.Client.Births, r.Client.BirthsUnknown, r.Client.LastDelivery = 0, true, assessment.Date{}
		}), []string{unknown, ready}},
		{"Pregnant", pgRecord(func(r *assessment.Record) { r.Context.Pregnant = pgBool(true) }), []string{assessment.GatePregnant, block, ready}},
		{"ScreenMissingBlocks", pgRecord(func(r *assessment.Record) { r.RedFlags = nil }), []string{assessment.GateScreenIncomplete, block, ready}},
		{"ScreenGapBlocks", pgRecord(func(r *assessment.Record) { r.RedFlags.CancerHistory = assessment.TriNotAsked }), []string{assessment.GateScreenIncomplete, block, ready}},
		{"RedFlagYesBlocks", pgRecord(pgRedFlag(assessment.TriYes)), []string{assessment.GateRedFlag, block, ready}},
		{"RedFlagUnsureBlocks", pgRecord(pgRedFlag(assessment.TriUnsure)), []string{assessment.GateRedFlag, block, ready}},
		{"RedFlagNoIsFine", pgRecord(pgRedFlag(assessment.TriNo)), []string{ready}},
		{"RedFlagCleared", pgRecord(pgRedFlag(assessment.TriYes), pgCleared), []string{ready}},
		{"RedFlagClearedSameDay", pgRecord(pgRedFlag(assessment.TriYes), func(r *assessment.Record) {
			r.MedicalClearance = &assessment.Clearance{Date: r.Date, By: "Dr Patel (GP)"}
		}), []string{ready}},
		{"RedFlagClearedBeforeAssessmentBlocks", pgRecord(pgRedFlag(assessment.TriYes), pgClearedBefore), []string{assessment.GateRedFlag, block, ready}},
		{"RedFlagHalfClearanceStillBlocks", pgRecord(pgRedFlag(assessment.TriYes), func(r *assessment.Record) {
			r.MedicalClearance = &assessment.Clearance{Date: pgDate(2026, 3, 1)}
		}), []string{assessment.GateRedFlag, block, ready}},
		{"GluteGrade1", pgRecord(pgGrades("1", "4", "4", "4")), []string{assessment.GateGluteNerve, ready}},
		{"GluteGrade2NoNerveGate", pgRecord(pgGrades("2", "4", "4", "4")), []string{ready}},
		{"PelvicFloor", pgRecord(func(r *assessment.Record) { r.PelvicFloor = &assessment.PelvicFloor{Heaviness: true} }), []string{assessment.GatePelvicFloor, ready}},
		{"PelvicFloorNothingReported", pgRecord(func(r *assessment.Record) { r.PelvicFloor = &assessment.PelvicFloor{} }), []string{ready}},
		{"ScarConcern", pgRecord(func(r *assessment.Record) { r.PelvicFloor = &assessment.PelvicFloor{ScarConcern: true} }),
			[]string{assessment.GatePelvicFloor, assessment.GateScarConcern, ready}},
		{"Under6Weeks", pgRecord(pgWeeks(5)), []string{early, u12Not(), ready}},
		{"Exactly6Weeks", pgRecord(pgWeeks(6)), []string{u12, ready}},
		{"Under12Weeks", pgRecord(pgWeeks(11)), []string{u12, ready}},
		{"Exactly12Weeks", pgRecord(pgWeeks(12)), []string{ready}},
		{"CaesareanUnder6Weeks", pgRecord(pgWeeks(3), pgMode(assessment.DeliveryCaesarean)), []string{early, goAhead, caes, ready}},
		{"CaesareanUnder12WeeksNoGoAhead", pgRecord(pgWeeks(8), pgMode(assessment.DeliveryCaesarean)), []string{goAhead, caes, u12, ready}},
		{"CaesareanUnder12WeeksGoAhead", pgRecord(pgWeeks(8), pgMode(assessment.DeliveryCaesarean), pgGoAhead(0)), []string{caes, u12, ready}},
		{"CaesareanGoAheadAfterAssessmentDoesNotCount", pgRecord(pgWeeks(8), pgMode(assessment.DeliveryCaesarean), pgGoAhead(2)), []string{goAhead, caes, u12, ready}},
		{"CaesareanAt12Weeks", pgRecord(pgWeeks(12), pgMode(assessment.DeliveryCaesarean)), []string{ready}},
		{"UnrecordedModeUnder12Weeks", pgRecord(pgWeeks(8), pgMode(assessment.DeliveryUnknown)), []string{goAhead, caes, u12, ready}},
		{"WeeksFromDeliveryDate", pgRecord(func(r *assessment.Record) {
			r.Context = nil
			r.Client.LastDelivery = r.Date.AddDays(-20) // 2 weeks and 6 days
		}), []string{early, ready}},
		{"WeeksUnknown", pgRecord(func(r *assessment.Record) { r.Context.WeeksPostpartum = nil; r.Client.LastDelivery = assessment.Date{} }), []string{unknown, ready}},
		{"NoClientSnapshotWeeksUnknown", pgRecord(func(r *assessment.Record) { r.Client = nil; r.Context = nil }), []string{unknown, ready}},
		{"Pain6", pgRecord(pgPain(6)), []string{ready, pain}},
		{"Pain5", pgRecord(pgPain(5)), []string{ready}},
		{"PainNotRecordedIsHigh", pgRecord(func(r *assessment.Record) { r.Pain = nil }), []string{ready, pain}},
		{"PainPartsEmptyIsHigh", pgRecord(func(r *assessment.Record) { r.Pain = &assessment.Pain{} }), []string{ready, pain}},
		{"PersistentPain", pgRecord(func(r *assessment.Record) { r.Pain = &assessment.Pain{Now: pgInt(6), WorstWeek: pgInt(6)} }), []string{ready, assessment.GatePainPersistent}},
		// Without pain now, the worst in the last week decides.
		{"WorstWeekAloneGates", pgRecord(func(r *assessment.Record) { r.Pain = &assessment.Pain{WorstWeek: pgInt(9)} }), []string{ready, pain}},
		{"WorstWeekAlone5", pgRecord(func(r *assessment.Record) { r.Pain = &assessment.Pain{WorstWeek: pgInt(5)} }), []string{ready}},
		{"PainNowWinsOverWorst", pgRecord(func(r *assessment.Record) { r.Pain = &assessment.Pain{Now: pgInt(3), WorstWeek: pgInt(9)} }), []string{ready}},
		// Two figures for weeks postpartum: the smaller sets the gates.
		{"WeeksDisagreeSmallerWins", pgRecord(pgMode(assessment.DeliveryCaesarean), func(r *assessment.Record) {
			r.Client.LastDelivery = r.Date.AddDays(-21)
		}), []string{early, goAhead, caes, ready}},
		{"DomingMild", pgRecord(pgDiastasis(1, assessment.TensionFirm, assessment.DomingMild)), []string{ready, dra}},
		{"DomingMarked", pgRecord(pgDiastasis(1, assessment.TensionFirm, assessment.DomingMarked)), []string{ready, dra, severe}},
		{"DomingNotRecorded", pgRecord(pgDiastasis(1, assessment.TensionFirm, "")), []string{ready, dra, severe}},
		{"NotChecked", pgRecord(func(r *assessment.Record) { r.Diastasis = nil }), []string{ready, dra, severe}},
		{"GapTwoFingersSoftIsSevere", pgRecord(pgDiastasis(2, assessment.TensionSoft, assessment.DomingNone)), []string{ready, dra, severe}},
		{"GapTwoFingersFirm", pgRecord(pgDiastasis(2, assessment.TensionFirm, assessment.DomingNone)), []string{ready, dra}},
		{"SoftNarrow", pgRecord(pgDiastasis(1, assessment.TensionSoft, assessment.DomingNone)), []string{ready, dra}},
		{"NarrowFirmNoDoming", pgRecord(pgDiastasis(1.5, assessment.TensionFirm, assessment.DomingNone)), []string{ready}},
		{"AboveMM23", pgRecord(pgSiteMM("above", 23)), []string{ready, dra}},
		{"AboveMM22", pgRecord(pgSiteMM("above", 22)), []string{ready}},
		{"AtMM23", pgRecord(pgSiteMM("at", 23)), []string{ready, dra}},
		{"BelowMM17", pgRecord(pgSiteMM("below", 17)), []string{ready, dra}},
		{"BelowMM16", pgRecord(pgSiteMM("below", 16)), []string{ready}},
		{"HingeScore0", pgRecord(pgHingeScore(0)), []string{ready, assessment.GateHingePain}},
		{"HingePainFlag", pgRecord(func(r *assessment.Record) {
			r.Hinge = &assessment.Hinge{HeadContact: true, ThoracicContact: true, SacrumContact: true, Pain: true}
		}), []string{ready, assessment.GateHingePain}},
		{"HingeScore1", pgRecord(pgHingeScore(1)), []string{ready, notClean, assessment.GateHingePoor}},
		{"HingeLumbarFlexionScore2", pgRecord(func(r *assessment.Record) {
			r.Hinge = &assessment.Hinge{HeadContact: true, ThoracicContact: true, Faults: []string{assessment.HingeLumbarFlexion}, Score: pgInt(2), ScoreOverridden: true}
		}), []string{ready, notClean, assessment.GateHingePoor}},
		{"HingeScore2", pgRecord(pgHingeScore(2)), []string{ready, notClean}},
		{"HingeNotTested", pgRecord(func(r *assessment.Record) { r.Hinge = nil }), []string{ready, notClean, assessment.GateHingePoor}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.rec.Validate(); err != nil && tt.name != "RedFlagHalfClearanceStillBlocks" && tt.name != "CaesareanGoAheadAfterAssessmentDoesNotCount" {
				t.Fatalf("test record invalid: %v", err)
			}
			gs := assessment.Gates(tt.rec)
			var got []string
			for _, g := range gs {
				got = append(got, g.Code)
				if g.Blocks {
					got = append(got, block)
				}
			}
			want := slices.DeleteFunc(slices.Clone(tt.want), func(s string) bool { return s == "" })
			if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Errorf("gates\n got  %v\n want %v", got, want)
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
			if got, want := assessment.Blocked(gs), slices.Contains(tt.want, block); got != want {
				t.Errorf("Blocked = %v, want %v", got, want)
			}
		})
	}
	if gs := assessment.Gates(nil); !assessment.Blocked(gs) {
		t.Error("a nil record must block")
	}
}

// u12Not marks that under 6 weeks the under-12 impact gate is not listed
// separately (the gentle set already has no impact).
func u12Not() string { return "" }

func pgBool(b bool) *bool { return &b }

// pgGoAhead records the GP's go-ahead days after the assessment (0: that day).
func pgGoAhead(days int) func(*assessment.Record) {
	return func(r *assessment.Record) {
		r.GPGoAhead = &assessment.Clearance{Date: r.Date.AddDays(days), By: "Dr Patel (GP)"}
	}
}

// pgSiteMM records a firm gap in millimetres at one site, no doming.
func pgSiteMM(site string, mm int) func(*assessment.Record) {
	return func(r *assessment.Record) {
		s := &assessment.DiastasisSite{WidthMM: pgInt(mm), Tension: assessment.TensionFirm}
		d := &assessment.Diastasis{Doming: assessment.DomingNone}
		switch site {
		case "above":
			d.Above = s
		case "at":
			d.At = s
		default:
			d.Below = s
		}
		r.Diastasis = d
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
			r.RedFlags = pgScreenNo()
			r.RedFlags.SaddleAnaesthesia = assessment.TriYes
		}), []string{"red_flag/GP"}, "Urgent"},
		{"RedFlagCleared", pgRecord(pgRedFlag(assessment.TriYes), pgCleared), nil, ""},
		{"RedFlagClearedBeforeAssessment", pgRecord(pgRedFlag(assessment.TriYes), pgClearedBefore), []string{"red_flag/GP"}, "dated before this assessment (2026-03-04), so it does not cover these answers"},
		// A clearance unblocks the programme but never silences the signs of
		// a nerve emergency.
		{"RedFlagCaudaClearedStillUrgent", pgRecord(pgCleared, func(r *assessment.Record) {
			r.RedFlags = pgScreenNo()
			r.RedFlags.BladderBowelChange, r.RedFlags.NightPain = assessment.TriUnsure, assessment.TriYes
		}), []string{"red_flag/GP"}, "Urgent: a recent change in bladder or bowel control"},
		{"RedFlagCaudaClearedBeforeUrgent", pgRecord(pgClearedBefore, func(r *assessment.Record) {
			r.RedFlags = pgScreenNo()
			r.RedFlags.ProgressiveNeuro = assessment.TriYes
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
		{"LongLeverMarkedDoming", diastasis, "dead_bug_long_lever", assessment.GateDiastasisSevere},
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
			gated := slices.ContainsFunc(assessment.Gates(r), func(g assessment.Gate) bool {
				return g.Code == assessment.GatePainHigh || g.Code == assessment.GatePainPersistent
			})
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
