package assessment

import (
	"slices"
	"strconv"
	"strings"
)

// Gate codes. A gate that mirrors a finding uses the finding's code, so a
// coach sees the same word in the findings and in the reasons an exercise
// was left out.
const (
	GateRedFlag           = FindRedFlag
	GatePelvicFloor       = FindPelvicFloor
	GateScarConcern       = FindScarConcern
	GatePostpartumUnknown = "postpartum_unknown"
	GateEarlyPostpartum   = FindEarlyPostpartum
	GateUnder12Weeks      = FindUnder12Weeks
	GateRecentCaesarean   = FindRecentCaesarean
	GateImpactReadiness   = "impact_readiness"
	GatePainHigh          = FindPainHigh
	GateDiastasis         = FindDiastasis
	GateDiastasisSevere   = "diastasis_severe"
	GateHingePain         = FindHingePain
	GatePregnant          = "pregnant"
	GateScreenIncomplete  = "screen_incomplete"
	GateNoGoAhead         = "caesarean_no_go_ahead"
	GatePainPersistent    = "pain_persistent"
	GateGluteNerve        = "glute_nerve"
	GateHingeNotClean     = "hinge_not_clean"
	GateHingePoor         = "hinge_poor"
	GatePubicPain         = "pubic_pain"
)

// Referral codes that have no finding of their own.
const (
	ReferralCaesareanCheck = "caesarean_gp_check"
	ReferralScreen         = GateScreenIncomplete
	ReferralPregnant       = GatePregnant
	ReferralPainPersistent = GatePainPersistent
	ReferralHingePain      = FindHingePain
	ReferralGluteNerve     = GateGluteNerve
)

// Gate is a safety rule that applies to one client: what it forbids (demand
// tags, never exercise names, so a coach's own exercises are held to the
// same rules), why in words a coach can pass on, and the evidence behind
// it (a domain.md reference such as "[70]", or "(H)" for a heuristic
// default). A gate that Blocks allows no programme at all.
type Gate struct {
	Code    string   `json:"code"`
	Reason  string   `json:"reason"`
	Forbids []string `json:"forbids,omitempty"`
	// Only, when set, lists the only families the gate allows: the gentle
	// set of rule 2 (breathing and the pelvic floor, walking, gentle
	// mobility).
	Only   []string `json:"only,omitempty"`
	Source string   `json:"source"`
	Blocks bool     `json:"blocks,omitempty"`
	// title, when set, names the gate for this client where its code's
	// usual words would not be true ("a hip hinge not yet screened").
	title string
}

// forbidsExercise reports whether the gate rules out exercise e: a blocking gate
// rules out everything; any other gate rules out e when e makes one of the
// demands it forbids.
func (g Gate) forbidsExercise(e *Exercise) bool {
	if g.Blocks {
		return true
	}
	if len(g.Only) > 0 && !containsString(g.Only, e.Family) {
		return true
	}
	for _, d := range e.Demands {
		for _, f := range g.Forbids {
			if d == f {
				return true
			}
		}
	}
	return false
}

// Demand groups the gates forbid.
var (
	// gentleFamilies and gentleForbids are the early window of rule 2,
	// literally: breathing and pelvic-floor work, walking and gentle
	// mobility, with nothing held or lifted, no loaded flexion or curl, no
	// high effort, no impact and no strong end-range stretch [70]. The same
	// gentle set is all that persistent high pain and a possible nerve
	// weakness allow until she has been seen.
	gentleFamilies = []string{FamilyBreathing, FamilyPelvicFloor, FamilyConditioning, FamilyHipMobility, FamilyPelvicTilt, FamilyChest}
	gentleForbids  = []string{DemandImpact, DemandLoadedFlexion, DemandHighPressure, DemandHeavyLoad, DemandLoadedHinge,
		DemandSingleLegLoad, DemandLongLeverCore, DemandExternalLoad, DemandRDLPattern, DemandTrunkCurl, DemandDeepStretch}
	// caesareanForbids hold until the wound has had its 12 weeks, even
	// with the GP's go-ahead: no heavy or high-pressure work, no lying on
	// the scar, no sit-up-style effort [70].
	caesareanForbids = []string{DemandHeavyLoad, DemandHighPressure, DemandLoadedFlexion, DemandTrunkCurl, DemandProneLying, DemandBellyStretch}
)

// gentleGate is a gate that allows only the gentle set.
func gentleGate(code, source, reason string, extra ...string) Gate {
	return Gate{Code: code, Only: gentleFamilies, Forbids: append(slices.Clone(gentleForbids), extra...), Source: source, Reason: reason}
}

// redFlagCauda lists the red flags that can mean cauda equina syndrome, an
// emergency [62].
var redFlagCauda = map[string]bool{"saddle_anaesthesia": true, "bladder_bowel_change": true, "progressive_neuro": true}

// ClearanceStatus is what the medical clearance recorded on an assessment
// means for its red flags.
type ClearanceStatus int

// Clearance statuses.
const (
	// ClearanceNone: no clearance, or one missing its date or who gave it
	// (a half-filled clearance does not unlock a programme).
	ClearanceNone ClearanceStatus = iota
	// ClearanceBeforeAssessment: a complete clearance dated before the
	// assessment. The doctor gave it before these answers were recorded,
	// so it does not cover them.
	ClearanceBeforeAssessment
	// ClearanceCovers: a complete clearance dated on or after the
	// assessment. It unblocks the programme.
	ClearanceCovers
)

// ClearanceStatus reads the medical clearance recorded on r. Rule 1 asks
// for documented clearance before a red flag stops blocking [61][62][63];
// Keel counts a clearance only when it is dated on or after the assessment
// date (H), because the coach refers, the doctor clears, and the coach
// records the clearance on that assessment. A clearance carried over from an
// earlier assessment or the client's details predates the answers and
// covers none of them. A record with no date cannot be checked, so its
// clearance does not count either. Gates, SafetyReferrals and Interpret all
// read it here, so they never disagree.
func (r *Record) ClearanceStatus() ClearanceStatus {
	if r == nil {
		return ClearanceNone
	}
	c := r.MedicalClearance
	switch {
	case c == nil || c.Date.IsZero() || strings.TrimSpace(c.By) == "":
		return ClearanceNone
	case r.Date.IsZero() || c.Date.Before(r.Date):
		return ClearanceBeforeAssessment
	}
	return ClearanceCovers
}

// caudaFlags returns the labels of the raised red flags that can mean
// cauda equina syndrome, an emergency [62].
func caudaFlags(keys, labels []string) []string {
	var out []string
	for i, k := range keys {
		if redFlagCauda[k] {
			out = append(out, labels[i])
		}
	}
	return out
}

// notCoveredNote is the sentence that says why a recorded clearance does not
// count, for a clearance dated before the assessment; "" otherwise.
func notCoveredNote(r *Record) string {
	if r.ClearanceStatus() != ClearanceBeforeAssessment {
		return ""
	}
	c := r.MedicalClearance
	if r.Date.IsZero() {
		return " The clearance recorded (" + strings.TrimSpace(c.By) + ", " + c.Date.String() + ") cannot be checked against this assessment, which has no date, so it does not cover these answers."
	}
	return " The clearance recorded (" + strings.TrimSpace(c.By) + ", " + c.Date.String() + ") is dated before this assessment (" + r.Date.String() + "), so it does not cover these answers."
}

// raisedRedFlags returns the keys and labels of the red flags answered yes
// or unsure, in form order. Unsure counts as yes (rule 1, H).
func raisedRedFlags(r *Record) (keys, labels []string) {
	if r.RedFlags == nil {
		return nil, nil
	}
	for _, q := range redFlagQuestions {
		if q.get(r.RedFlags).Raised() {
			keys = append(keys, q.key)
			labels = append(labels, q.label)
		}
	}
	return keys, labels
}

// redFlagAnswerText words the raised red flags by their answer: "X
// (answered yes) and Y (answered not sure)". Unsure counts as yes for the
// block (rule 1, H) but is never reported as a confirmed history.
func redFlagAnswerText(r *Record) string {
	if r.RedFlags == nil {
		return ""
	}
	var yes, unsure []string
	for _, q := range redFlagQuestions {
		switch a := q.get(r.RedFlags); {
		case a == TriYes:
			yes = append(yes, q.label)
		case a.Raised():
			unsure = append(unsure, q.label)
		}
	}
	var parts []string
	if len(yes) > 0 {
		parts = append(parts, joinAnd(yes)+" (answered yes)")
	}
	if len(unsure) > 0 {
		parts = append(parts, joinAnd(unsure)+" (answered not sure, which Keel treats as yes until a doctor has checked)")
	}
	return joinAnd(parts)
}

// caudaSafetyNet is the same-day safety net every red-flag referral
// carries (rule 1 [62]).
const caudaSafetyNet = " If numbness around the saddle area, a change in bladder or bowel control, or new weakness in the legs appears, she needs medical help the same day (urgent care or A&E)."

// pelvicSymptoms returns the labels of the pelvic-floor and postpartum
// symptoms reported, in form order.
func pelvicSymptoms(r *Record) []string {
	if r.PelvicFloor == nil {
		return nil
	}
	var labels []string
	for _, s := range pelvicFloorSymptoms {
		if s.get(r.PelvicFloor) {
			labels = append(labels, s.label)
		}
	}
	return labels
}

// Gates returns the safety gates that apply to r, most serious first, read
// from the record's Facts (never from Interpret's wording, so safety does
// not depend on how a finding is phrased). docs/PROGRAMME.md lists every
// gate with its source. A nil record gets a single blocking gate.
func Gates(r *Record) []Gate {
	if r == nil {
		return []Gate{{Code: GateRedFlag, Blocks: true, Source: "(H)",
			Reason: "There is no assessment, so Keel cannot tell what is safe for her."}}
	}
	return gatesFrom(r, FactsOf(r))
}

// gatesFrom words the gates for r from its facts f.
func gatesFrom(r *Record, f Facts) []Gate {
	var gs []Gate
	if f.Pregnant {
		gs = append(gs, Gate{Code: GatePregnant, Blocks: true, Source: "scope (H)",
			Reason: "She is pregnant now. Keel's plans are written for after the birth, so there is no programme; exercise in pregnancy is for her midwife or a pregnancy-trained professional to guide."})
	}
	if len(f.ScreenMissing) > 0 {
		what := "The red-flag screen was not done"
		if len(f.ScreenMissing) < len(redFlagQuestions) {
			what = "The red-flag screen has unanswered questions (" + joinAnd(f.ScreenMissing) + ")"
		}
		gs = append(gs, Gate{Code: GateScreenIncomplete, Blocks: true, Source: "[61][62][63], rule 1; an unanswered question is not a no (H)",
			Reason: "Finish the safety screen first. " + what + ", and Keel cannot plan exercise until every question has an answer."})
	}
	if len(f.RedFlagLabels) > 0 && f.Clearance != ClearanceCovers {
		reason := "Red-flag screen: " + redFlagAnswerText(r) + ", and no medical clearance recorded. No programme until a doctor has seen her and you record the clearance."
		if note := notCoveredNote(r); note != "" {
			reason = "Red-flag screen: " + redFlagAnswerText(r) + "." + note + " No programme until a doctor has seen her and you record a clearance dated on or after the assessment."
		}
		gs = append(gs, Gate{Code: GateRedFlag, Blocks: true, Source: "[61][62][63], rule 1; unsure counts as yes, clearance dated on or after the assessment (H)",
			Reason: reason})
	}
	if len(f.GluteNerve) > 0 {
		gs = append(gs, gentleGate(GateGluteNerve, "[61][62] §6 major motor weakness; gentle set until seen (H)",
			"Glute grade of 0 or 1 ("+joinAnd(f.GluteNerve)+"): a muscle that barely contracts can mean a nerve problem. Only the gentle set (breathing, walking, gentle mobility) until a doctor has checked her."))
	}
	if len(f.PelvicSymptoms) > 0 {
		gs = append(gs, Gate{Code: GatePelvicFloor, Forbids: []string{DemandImpact, DemandHeavyLoad, DemandHighPressure}, Source: "[64][68][71], rule 3",
			Reason: "Pelvic-floor or postpartum symptoms (" + joinAnd(f.PelvicSymptoms) + "): no running, jumping or other impact, no heavy or braced lifts, and loads kept low to moderate, until a pelvic-health physiotherapist has assessed her."})
	}
	if r.Pain != nil && slices.Contains(r.Pain.Sites, SitePubic) {
		gs = append(gs, Gate{Code: GatePubicPain, Forbids: []string{DemandUnevenPelvis}, Source: "(H) pubic pain: even, two-footed loading first",
			Reason: "Pain at the front of the pelvis (pubic bone): no split or one-leg stances, no stepping apart against a band and no wide-knee stretches until it settles or a pelvic-health physiotherapist has assessed it."})
	}
	if f.ScarConcern {
		gs = append(gs, gentleGate(GateScarConcern, "[70], rule 2",
			"Concern about the caesarean scar: the first-weeks plan only (breathing, pelvic floor, walking, gentle mobility), with nothing lying on or stretching across the scar and no getting down onto hands and knees or a roller, until her GP has checked it.", DemandProneLying, DemandBellyStretch, DemandFloorWork))
	}
	caesarean := f.Caesarean || f.ModeUnknown
	switch f.Postpartum {
	case PostpartumUnknown:
		gs = append(gs, gentleGate(GatePostpartumUnknown, "(H) strictest case of rule 2 [70]",
			"Time since birth is not recorded, so Keel plans as if she had a caesarean in the last "+strconv.Itoa(EarlyPostpartumWeeks)+" weeks: breathing, pelvic floor, walking and gentle mobility lying or standing only. Record the baby's birth date (or the weeks since the birth) to widen the plan; if she has never given birth, record the number of births as 0 rather than unknown.", DemandProneLying, DemandBellyStretch, DemandFloorWork))
	case PostpartumKnown:
		w := f.Weeks
		if w < EarlyPostpartumWeeks {
			gs = append(gs, gentleGate(GateEarlyPostpartum, "[70], rule 2",
				upperFirst(weeksText(w))+" since the birth (under "+strconv.Itoa(EarlyPostpartumWeeks)+" weeks): breathing, pelvic floor, walking and gentle mobility only; nothing held or lifted, no curls, no high effort.", DemandProneLying))
		}
		if w < CaesareanHealingWeeks && caesarean {
			what := "Caesarean " + weeksText(w) + " ago"
			src := "[70]"
			if !f.Caesarean {
				what = weeksText(w) + " since birth and the delivery mode is not recorded, so Keel assumes a caesarean"
				src = "[70]; unrecorded delivery treated as caesarean (H)"
			}
			if !f.GoAhead {
				gs = append(gs, gentleGate(GateNoGoAhead, src+", rule 2",
					what+": the plan stays with breathing, pelvic-floor contractions, heel slides and pelvic tilts lying on a bed, and walking, with nothing on hands and knees, no getting down to the floor, nothing over a roller and no stretch across the belly, until you record her GP's go-ahead (usually at the 6-week check).", DemandProneLying, DemandBellyStretch, DemandFloorWork))
			}
			gs = append(gs, Gate{Code: GateRecentCaesarean, Forbids: caesareanForbids, Source: src,
				Reason: what + ": the wound needs about " + strconv.Itoa(CaesareanHealingWeeks) + " weeks to heal, so no heavy or braced lifts, no lying on the belly and no sit-up-style effort until then."})
		}
		if w >= EarlyPostpartumWeeks && w < ImpactReadyWeeks {
			gs = append(gs, Gate{Code: GateUnder12Weeks, Forbids: []string{DemandImpact}, Source: "[64][65], rule 4",
				Reason: plural(w, "week") + " since birth, under " + strconv.Itoa(ImpactReadyWeeks) + ": no running, jumping or other impact yet."})
		}
	}
	if f.Postpartum != PostpartumNone {
		gs = append(gs, Gate{Code: GateImpactReadiness, Forbids: []string{DemandImpact}, Source: "[64][67][46], rule 4",
			Reason: "Impact waits until she passes the return-to-impact checks (a 30-minute walk, hops, jogging on the spot and 20-rep single-leg strength tests) without pain, heaviness or leaking. Keel does not record those checks, so it never plans impact; add it yourself once she passes."})
	}
	p := f.Pain
	switch {
	case p.Persistent:
		gs = append(gs, gentleGate(GatePainPersistent, "[84], rule 13; threshold PainStopMin",
			"Pain today "+strconv.Itoa(p.Now)+"/10 and at worst "+strconv.Itoa(p.Worst)+"/10 this week: persistent pain of "+strconv.Itoa(PainStopMin)+" or more needs a health professional's opinion. Only the gentle set until then."))
	case p.High:
		what := "Pain today is " + strconv.Itoa(p.Gate) + "/10"
		switch {
		case !p.PainKnown:
			what = "Pain was not recorded, so Keel treats it as high"
		case p.GateFromWorst:
			what = "The worst pain in the last week was " + strconv.Itoa(p.Gate) + "/10 (pain today not recorded)"
		}
		gs = append(gs, Gate{Code: GatePainHigh, Forbids: []string{DemandHeavyLoad, DemandImpact, DemandHighPressure}, Source: "[84], rule 13; threshold PainStopMin",
			Reason: what + ": no heavy or braced lifts and no impact while pain is " + strconv.Itoa(PainStopMin) + "/10 or more."})
	}
	if d := f.Diastasis; d.Signs() {
		var signs []string
		if !d.Checked {
			signs = append(signs, "no gap measured, read as the strictest case")
		}
		if d.Wide {
			signs = append(signs, "a wide gap "+joinAnd(d.WideSites))
		}
		if d.Soft {
			signs = append(signs, "a soft midline")
		}
		if d.Doming {
			signs = append(signs, r.Diastasis.Doming+" doming")
		}
		if d.DomingUnknown {
			signs = append(signs, "doming not recorded")
		}
		reason := "Diastasis signs (" + joinAnd(signs) + "): no loaded trunk curls and no high-pressure holds until she can do them without doming."
		if !d.Checked {
			// A physiotherapist read "diastasis signs" on a gap nobody
			// measured as a finding: say it is unmeasured, and to measure it.
			reason = "Tummy gap not measured, so read as the strictest case (measure it at the next session): no loaded trunk curls and no high-pressure holds until it is measured and she can do them without doming."
		}
		gs = append(gs, Gate{Code: GateDiastasis, Forbids: []string{DemandLoadedFlexion, DemandHighPressure}, Source: "[13][15][16][17], rule 5",
			Reason: reason})
		if d.Severe || d.DomingUnknown {
			why := "a gap that is both wide and soft"
			switch {
			case !d.Checked:
				why = "a gap not measured"
			case d.Marked:
				why = "marked doming"
			case !d.Severe:
				why = "doming not recorded"
			}
			var forbids []string
			var what []string
			if d.Severe {
				forbids = append(forbids, DemandLongLeverCore, DemandDeepStretch)
				what = append(what, "no long-lever core work (straight-leg dead bug, full planks and full side planks; the versions from the knees are fine)", "no strong stretch pulling across the midline (couch or pigeon stretch)")
			}
			if !d.Checked || d.Marked || d.DomingUnknown {
				// Rules 5 and 6: a midline that domes (or may dome: not
				// recorded is the strictest case) does no curl-up or head
				// lift until a reassessment shows none.
				forbids = append(forbids, DemandTrunkCurl)
				what = append(what, "no head lifts or curl-ups until a reassessment shows no doming")
			}
			gs = append(gs, Gate{Code: GateDiastasisSevere, Forbids: forbids, Source: "(H) from [14][15][93], rules 5 and 6",
				Reason: upperFirst(why) + ": " + joinAnd(what) + "; shorter levers first."})
		}
	}
	h := f.Hinge
	switch {
	case h.Pain:
		gs = append(gs, Gate{Code: GateHingePain, Forbids: []string{DemandHingePattern, DemandLoadedHinge, DemandRDLPattern}, Source: "[54][55][90], rule 13",
			Reason: "The hip hinge was painful (score 0): the hinge is neither drilled nor loaded, and nothing is lifted from the floor, until a physiotherapist has looked at it."})
	case !h.RDLReady:
		why := "The hip hinge was not screened"
		switch {
		case h.LumbarFlexion:
			why = "The back rounded during the hinge"
		case h.Tested:
			why = "The hip hinge scored " + strconv.Itoa(h.Score) + "/3"
		}
		gt := Gate{Code: GateHingeNotClean, Forbids: []string{DemandRDLPattern}, Source: "[47][48], rule 12",
			Reason: why + ": Romanian-deadlift patterns wait for a clean hinge (3/3 with a long back)."}
		if !h.Tested && !h.LumbarFlexion {
			gt.title = "a hip hinge not yet screened"
		}
		gs = append(gs, gt)
	}
	// Rule 12: a poor hinge (0–1) or a rounding back learns the pattern
	// unloaded or from a box; a weight from the floor waits, wherever the
	// lift sits (a carry or a squat picks its weight up too). Not screened
	// is read as the strictest case for floor lifts.
	if !h.Pain && (!h.Tested || h.Score <= HingeScorePoor || h.LumbarFlexion) {
		forbids := []string{DemandFloorLift}
		why := "The hip hinge was not screened"
		switch {
		case h.Tested && h.Score <= HingeScorePoor:
			forbids = append(forbids, DemandLoadedHinge)
			why = "The hip hinge scored " + strconv.Itoa(h.Score) + "/3: it is learnt unloaded first, and"
		case h.LumbarFlexion:
			why = "The back rounded during the hinge:"
		default:
			why += ":"
		}
		gt := Gate{Code: GateHingePoor, Forbids: forbids, Source: "[47][48], rule 12",
			Reason: why + " nothing is lifted from the floor (carries and squats included) until the hinge keeps the back long."}
		if !h.Tested && !h.LumbarFlexion {
			gt.title = "a hip hinge not yet screened"
			gt.Reason = "The hip hinge was not screened: nothing is lifted from the floor (carries and squats included) until it has been screened and keeps the back long."
		}
		gs = append(gs, gt)
	}
	return gs
}

// Blocked reports whether any gate blocks the programme altogether.
func Blocked(gates []Gate) bool {
	for _, g := range gates {
		if g.Blocks {
			return true
		}
	}
	return false
}

// GatesForbidding returns the gates among gates that rule out e, in order.
func GatesForbidding(gates []Gate, e *Exercise) []Gate {
	var out []Gate
	for _, g := range gates {
		if g.forbidsExercise(e) {
			out = append(out, g)
		}
	}
	return out
}

// WhyForbidden answers "which gate forbids exercise e for this client?":
// the first (most serious) gate that rules it out, and false when none
// does. The programme editor asks it before letting a coach choose e, and
// records her reason in an Override with the gate's code.
func WhyForbidden(r *Record, e *Exercise) (Gate, bool) {
	if e == nil {
		return Gate{}, false
	}
	gs := GatesForbidding(Gates(r), e)
	if len(gs) == 0 {
		return Gate{}, false
	}
	return gs[0], true
}

// SafetyReferrals returns who the client should see and why, read from the
// record's Facts: her GP for a red flag without a covering clearance
// (urgently for the signs of cauda equina syndrome) or a glute that barely
// contracts; a pelvic-health physiotherapist for any pelvic-floor symptom;
// a physiotherapist or GP for persistent pain of PainStopMin or more and
// for a painful hinge; her GP for a scar concern and for the go-ahead
// after a recent caesarean. The coach's own next steps (finish the safety
// screen) come first. The signs of cauda equina syndrome are an emergency
// [62], so they keep their urgent referral even with a clearance (H). A
// blocked programme carries these referrals instead of weeks; any other
// programme carries them alongside.
func SafetyReferrals(r *Record) []Referral {
	if r == nil {
		return nil
	}
	return referralsFrom(r, FactsOf(r))
}

func referralsFrom(r *Record, f Facts) []Referral {
	var out []Referral
	if f.Pregnant {
		out = append(out, Referral{Code: ReferralPregnant,
			Reason: "She is pregnant now. Keel's plans are for after the birth; her midwife or a pregnancy-trained professional should guide her exercise."})
	}
	if len(f.ScreenMissing) > 0 {
		what := joinAnd(f.ScreenMissing)
		if len(f.ScreenMissing) == len(redFlagQuestions) {
			what = "all " + strconv.Itoa(len(redFlagQuestions)) + " red-flag questions"
		}
		out = append(out, Referral{Code: ReferralScreen,
			Reason: "Finish the safety screen first: answer " + what + " (no, yes or unsure)."})
	}
	if len(f.RedFlagLabels) > 0 {
		if f.Clearance != ClearanceCovers {
			reason := "Red-flag screen: " + redFlagAnswerText(r) + ". Ask her to see her GP within the next few days, before any exercise beyond walking, and record the doctor's clearance in the assessment." + notCoveredNote(r) + caudaSafetyNet
			if len(f.Cauda) > 0 {
				reason = "Urgent: " + joinAnd(f.Cauda) + " can be a sign of a nerve emergency (cauda equina syndrome). She should get medical help today. " + reason
			}
			out = append(out, Referral{Code: FindRedFlag, Reason: reason, To: ReferToGP})
		} else if len(f.Cauda) > 0 {
			out = append(out, Referral{Code: FindRedFlag, To: ReferToGP,
				Reason: "Urgent: " + joinAnd(f.Cauda) + " can be a sign of a nerve emergency (cauda equina syndrome). A clearance does not cover an emergency: if she has these signs now, she should get medical help today."})
		}
	}
	if len(f.GluteNerve) > 0 {
		out = append(out, Referral{Code: ReferralGluteNerve, To: ReferToGP,
			Reason: "Glute grade of 0 or 1 (" + joinAnd(f.GluteNerve) + "): ask her GP to check for a nerve problem soon, and sooner still if the weakness is new or getting worse. The plan keeps to gentle work until then."})
	}
	if f.Pain.Persistent {
		pain := "Pain today " + strconv.Itoa(f.Pain.Now) + "/10 and at worst " + strconv.Itoa(f.Pain.Worst) + "/10 this week"
		if len(f.RedFlagLabels) > 0 {
			// §6 [63], rule 1: high pain together with a red-flag answer
			// (even one a doctor cleared) goes back to the GP first, and
			// promptly, with everything else she reported.
			flags := redFlagAnswerText(r) + " on the red-flag screen"
			if f.Clearance == ClearanceCovers {
				// The physiotherapist's review: say the clearance is on
				// record, and what to ask about it.
				flags += " (cleared by " + strings.TrimSpace(r.MedicalClearance.By) + " on " + dayText(r.MedicalClearance.Date) + ": ask whether that still covers pain this high)"
			}
			with := joinAnd(append([]string{flags}, f.PelvicSymptoms...))
			out = append(out, Referral{Code: ReferralPainPersistent, To: ReferToGP,
				Reason: pain + ", together with " + with + ". Ask her to see her GP first, within the next few days, and to mention all of these together; the plan keeps to gentle work until then." + caudaSafetyNet})
		} else {
			out = append(out, Referral{Code: ReferralPainPersistent, To: ReferToPhysioOrGP,
				Reason: pain + ". Pain that stays at " + strconv.Itoa(PainStopMin) + " or more needs a physiotherapist's or GP's opinion within the next week or two; the plan keeps to gentle work until then."})
		}
	}
	if len(f.PelvicSymptoms) > 0 {
		out = append(out, Referral{Code: FindPelvicFloor, To: ReferToPelvicPhys,
			Reason: "She reports " + joinAnd(f.PelvicSymptoms) + ". A pelvic-health physiotherapist should assess her; until then the programme leaves out impact and heavy or braced lifts."})
	}
	if f.Hinge.Pain {
		out = append(out, Referral{Code: ReferralHingePain, To: ReferToPhysioOrGP,
			Reason: "Bending from the hips was painful in the screen. A physiotherapist should look at it; until then the plan leaves the hinge out altogether."})
	}
	if r := diastasisReferral(f); r != nil {
		out = append(out, *r)
	}
	if f.ScarConcern && !slices.ContainsFunc(out, func(x Referral) bool { return x.To == ReferToGP && strings.Contains(x.Reason, "scar") }) {
		// Once: a GP referral that already names the scar covers it.
		out = append(out, Referral{Code: FindScarConcern, To: ReferToGP,
			Reason: "Ask her GP or midwife to check the caesarean scar before harder work."})
	}
	if f.Postpartum == PostpartumKnown && f.Weeks < CaesareanHealingWeeks && (f.Caesarean || f.ModeUnknown) && !f.GoAhead {
		what := "Caesarean " + weeksText(f.Weeks) + " ago"
		if !f.Caesarean {
			what = weeksText(f.Weeks) + " since birth and the delivery mode is not recorded"
		}
		out = append(out, Referral{Code: ReferralCaesareanCheck, To: ReferToGP,
			Reason: what + ": ask for her GP's go-ahead for exercise beyond walking and pelvic-floor work, and record it with its date under \"GP's go-ahead after a caesarean\" (a medical clearance for the red-flag questions is a different answer); the plan keeps to that until then."})
	}
	return out
}

// DiastasisReferWeeks is when a gap or doming that is still there is worth a
// pelvic-health physiotherapist's assessment: 6–8 weeks after the birth,
// once the early recovery has had its time (H, from §6 [68][71]).
const DiastasisReferWeeks = 8

// diastasisReferral refers a severe gap (wide and soft, or marked doming)
// to a pelvic-health physiotherapist as a routine appointment (§6
// [68][71]); under DiastasisReferWeeks after the birth, it and any measured
// wide gap or doming are referred if still there at 6–8 weeks.
func diastasisReferral(f Facts) *Referral {
	d := f.Diastasis
	if !d.Checked {
		return nil
	}
	early := f.Postpartum == PostpartumKnown && f.Weeks < DiastasisReferWeeks
	severe := d.Marked || (d.Wide && d.Soft)
	var what string
	switch {
	case d.Wide && d.Soft && d.Marked:
		what = "a wide, soft gap with marked doming"
	case d.Wide && d.Soft:
		what = "a gap that is both wide and soft"
	case d.Marked:
		what = "marked doming"
	case d.Wide && d.Doming:
		what = "a wide gap with doming"
	case d.Wide:
		what = "a wide gap"
	case d.Doming:
		what = "doming"
	}
	switch {
	case what == "":
		return nil
	case early:
		return &Referral{Code: FindDiastasis, To: ReferToPelvicPhys,
			Reason: "The tummy gap check found " + what + ". Recheck it at 6–8 weeks after the birth; if the gap or doming is still there, refer her to a pelvic-health physiotherapist (a routine appointment)."}
	case severe:
		return &Referral{Code: FindDiastasis, To: ReferToPelvicPhys,
			Reason: "The tummy gap check found " + what + ". Refer her to a pelvic-health physiotherapist for an assessment (a routine appointment, not urgent); the plan keeps to short-lever core work meanwhile."}
	}
	return nil
}
