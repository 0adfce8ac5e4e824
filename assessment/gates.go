package assessment

import (
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
	GateDomingMarked      = "doming_marked"
	GateHingePain         = FindHingePain
)

// Referral codes that have no finding of their own.
const (
	ReferralCaesareanCheck = "caesarean_gp_check"
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
	Source  string   `json:"source"`
	Blocks  bool     `json:"blocks,omitempty"`
}

// forbidsExercise reports whether the gate rules out exercise e: a blocking gate
// rules out everything; any other gate rules out e when e makes one of the
// demands it forbids.
func (g Gate) forbidsExercise(e *Exercise) bool {
	if g.Blocks {
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
	// earlyForbids is "early phase only" (rule 2): no loaded flexion, no
	// lifting heavier than the baby, no high effort, no impact [70].
	earlyForbids = []string{DemandImpact, DemandLoadedFlexion, DemandHighPressure, DemandHeavyLoad}
)

// redFlagCauda lists the red flags that can mean cauda equina syndrome, an
// emergency [62].
var redFlagCauda = map[string]bool{"saddle_anaesthesia": true, "bladder_bowel_change": true, "progressive_neuro": true}

// ppStatus is what the record says about time since birth.
type ppStatus int

const (
	ppKnown   ppStatus = iota // weeks postpartum known
	ppUnknown                 // she may be postpartum but the weeks are not recorded
	ppNone                    // no births recorded: the postpartum gates do not apply
)

// postpartumStatus reads the weeks since birth from the raw record (the
// smaller of the coach's figure in Context and delivery date to record
// date, Record.WeeksPostpartum), and
// whether the postpartum gates apply at all: only a client snapshot with
// no births and no delivery date, and no weeks in Context, counts as not
// postpartum.
func postpartumStatus(r *Record) (int, ppStatus) {
	if w, ok := r.WeeksPostpartum(); ok {
		return w, ppKnown
	}
	if r.Client != nil && r.Client.Births == 0 && r.Client.LastDelivery.IsZero() {
		return 0, ppNone
	}
	return 0, ppUnknown
}

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

// domingGraded reports doming of at least mild.
func domingGraded(d *Diastasis) bool {
	return d != nil && (d.Doming == DomingMild || d.Doming == DomingMarked)
}

// diastasisSigns reports the raw diastasis signs of rule 5: a gap of 2 finger
// widths or over 20 mm at any site (DiastasisSite.Wide), a soft linea alba
// at any site, or doming.
func diastasisSigns(d *Diastasis) (wide, soft, doming bool) {
	if d == nil {
		return false, false, false
	}
	for _, s := range [3]*DiastasisSite{d.Above, d.At, d.Below} {
		if s == nil {
			continue
		}
		wide = wide || s.Wide()
		soft = soft || s.Tension == TensionSoft
	}
	return wide, soft, domingGraded(d)
}

// Gates returns the safety gates that apply to r, most serious first, read
// from the raw record fields (not from Interpret's wording, so safety never
// depends on how a finding is phrased). docs/PROGRAMME.md lists every gate
// with its source. A nil record gets a single blocking gate.
func Gates(r *Record) []Gate {
	if r == nil {
		return []Gate{{Code: GateRedFlag, Blocks: true, Source: "(H)",
			Reason: "There is no assessment, so Keel cannot tell what is safe for her."}}
	}
	var gs []Gate
	if _, labels := raisedRedFlags(r); len(labels) > 0 && r.ClearanceStatus() != ClearanceCovers {
		reason := "Red-flag screen: " + joinAnd(labels) + " (yes or unsure) and no medical clearance recorded. No programme until a doctor has seen her and you record the clearance."
		if note := notCoveredNote(r); note != "" {
			reason = "Red-flag screen: " + joinAnd(labels) + " (yes or unsure)." + note + " No programme until a doctor has seen her and you record a clearance dated on or after the assessment."
		}
		gs = append(gs, Gate{Code: GateRedFlag, Blocks: true, Source: "[61][62][63], rule 1; unsure counts as yes, clearance dated on or after the assessment (H)",
			Reason: reason})
	}
	if s := pelvicSymptoms(r); len(s) > 0 {
		gs = append(gs, Gate{Code: GatePelvicFloor, Forbids: []string{DemandImpact, DemandHeavyLoad}, Source: "[64][68][71], rule 3",
			Reason: "Pelvic-floor or postpartum symptoms (" + joinAnd(s) + "): no running, jumping or other impact, and loads kept low to moderate, until a pelvic-health physiotherapist has assessed her."})
	}
	if r.PelvicFloor != nil && r.PelvicFloor.ScarConcern {
		gs = append(gs, Gate{Code: GateScarConcern, Forbids: earlyForbids, Source: "[70], rule 2",
			Reason: "Concern about the caesarean scar: early-phase work only (no trunk curls, high-pressure holds, heavy lifting or impact) until her GP has checked it."})
	}
	weeks, st := postpartumStatus(r)
	caesarean := r.Client != nil && r.Client.DeliveryMode == DeliveryCaesarean
	modeUnknown := r.Client == nil || r.Client.DeliveryMode == DeliveryUnknown
	switch st {
	case ppUnknown:
		gs = append(gs, Gate{Code: GatePostpartumUnknown, Forbids: earlyForbids, Source: "(H) safe default for rule 2 [70]",
			Reason: "Time since birth is not recorded, so Keel treats her as under " + strconv.Itoa(EarlyPostpartumWeeks) + " weeks: no trunk curls, high-pressure holds, heavy lifting or impact until you enter the delivery date or the weeks postpartum."})
	case ppKnown:
		if weeks < EarlyPostpartumWeeks {
			gs = append(gs, Gate{Code: GateEarlyPostpartum, Forbids: earlyForbids, Source: "[70], rule 2",
				Reason: plural(weeks, "week") + " since birth, under " + strconv.Itoa(EarlyPostpartumWeeks) + ": early-phase work only; no trunk curls, high-pressure holds, lifting heavier than the baby or impact."})
		} else if weeks < ImpactReadyWeeks {
			gs = append(gs, Gate{Code: GateUnder12Weeks, Forbids: []string{DemandImpact}, Source: "[64][65], rule 4",
				Reason: plural(weeks, "week") + " since birth, under " + strconv.Itoa(ImpactReadyWeeks) + ": no running, jumping or other impact yet."})
		}
		if weeks < CaesareanHealingWeeks && (caesarean || modeUnknown) {
			g := Gate{Code: GateRecentCaesarean, Forbids: []string{DemandHeavyLoad}, Source: "[70]",
				Reason: "Caesarean " + plural(weeks, "week") + " ago: the wound needs about " + strconv.Itoa(CaesareanHealingWeeks) + " weeks to heal, so no heavy loads yet."}
			if !caesarean {
				g.Source = "[70]; unrecorded delivery treated as caesarean (H)"
				g.Reason = plural(weeks, "week") + " since birth and the delivery mode is not recorded: Keel assumes a caesarean, whose wound needs about " + strconv.Itoa(CaesareanHealingWeeks) + " weeks to heal, so no heavy loads yet."
			}
			gs = append(gs, g)
		}
	}
	if st != ppNone {
		gs = append(gs, Gate{Code: GateImpactReadiness, Forbids: []string{DemandImpact}, Source: "[64][67][46], rule 4",
			Reason: "Impact waits until she passes the return-to-impact checks (a 30-minute walk, hops, jogging on the spot and 20-rep single-leg strength tests) without pain, heaviness or leaking. Keel does not record those checks, so it never plans impact; add it yourself once she passes."})
	}
	if score, fromWorst, ok := painScore(r.Pain); ok && score >= PainHighMin {
		what := "Pain today is " + strconv.Itoa(score) + "/10"
		if fromWorst {
			what = "The worst pain in the last week was " + strconv.Itoa(score) + "/10 (pain today not recorded)"
		}
		gs = append(gs, Gate{Code: GatePainHigh, Forbids: []string{DemandHeavyLoad, DemandImpact}, Source: "[84][75]; threshold 7 (H)",
			Reason: what + ": no heavy loads and no impact while pain is this high."})
	}
	if wide, soft, doming := diastasisSigns(r.Diastasis); wide || soft || doming {
		var signs []string
		if wide {
			signs = append(signs, "a gap of 2 finger widths or over 20 mm")
		}
		if soft {
			signs = append(signs, "a soft midline")
		}
		if doming {
			signs = append(signs, r.Diastasis.Doming+" doming")
		}
		gs = append(gs, Gate{Code: GateDiastasis, Forbids: []string{DemandLoadedFlexion, DemandHighPressure}, Source: "[13][15][16][17], rule 5",
			Reason: "Diastasis signs (" + joinAnd(signs) + "): no loaded trunk curls and no high-pressure holds until she can do them without doming."})
		if r.Diastasis.Doming == DomingMarked {
			gs = append(gs, Gate{Code: GateDomingMarked, Forbids: []string{DemandLongLeverCore}, Source: "(H) from [15][93]",
				Reason: "Marked doming: no long-lever core work either (straight-leg dead bug, full planks); shorter levers first."})
		}
	}
	if h := r.Hinge; h != nil && (h.Pain || h.HingeScore() == HingeScorePain) {
		gs = append(gs, Gate{Code: GateHingePain, Forbids: []string{DemandLoadedHinge}, Source: "[54][55], rule 13",
			Reason: "The hip hinge was painful (score 0): no loaded hinges until it is pain-free."})
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

// SafetyReferrals returns who the client should see and why, read from
// the raw record: her GP for a red flag without a covering clearance
// (urgently for the signs of cauda equina syndrome), a pelvic-health
// physiotherapist for any pelvic-floor symptom, her GP for a scar concern,
// and her GP's go-ahead after a recent caesarean. The signs of cauda equina
// syndrome are an emergency [62], so they keep their urgent referral even
// with a clearance (H): the clearance unblocks the programme, but if she
// has those signs now she needs medical help today. A blocked programme
// carries these referrals instead of weeks; any other programme carries
// them alongside.
func SafetyReferrals(r *Record) []Referral {
	if r == nil {
		return nil
	}
	var out []Referral
	if keys, labels := raisedRedFlags(r); len(labels) > 0 {
		cauda := caudaFlags(keys, labels)
		if r.ClearanceStatus() != ClearanceCovers {
			reason := "Red-flag screen: " + joinAnd(labels) + " (yes or unsure). Ask her to see her GP before any exercise beyond walking, and record the doctor's clearance in the assessment." + notCoveredNote(r)
			if len(cauda) > 0 {
				reason = "Urgent: " + joinAnd(cauda) + " can be a sign of a nerve emergency (cauda equina syndrome). She should get medical help today. " + reason
			}
			out = append(out, Referral{Code: FindRedFlag, Reason: reason, To: ReferToGP})
		} else if len(cauda) > 0 {
			out = append(out, Referral{Code: FindRedFlag, To: ReferToGP,
				Reason: "Urgent: " + joinAnd(cauda) + " can be a sign of a nerve emergency (cauda equina syndrome). A clearance does not cover an emergency: if she has these signs now, she should get medical help today."})
		}
	}
	if s := pelvicSymptoms(r); len(s) > 0 {
		out = append(out, Referral{Code: FindPelvicFloor, To: ReferToPelvicPhys,
			Reason: "She reports " + joinAnd(s) + ". A pelvic-health physiotherapist should assess her; until then the programme leaves out impact and heavy loads."})
	}
	if r.PelvicFloor != nil && r.PelvicFloor.ScarConcern {
		out = append(out, Referral{Code: FindScarConcern, To: ReferToGP,
			Reason: "Ask her GP or midwife to check the caesarean scar before harder work."})
	}
	if weeks, st := postpartumStatus(r); st == ppKnown && weeks < CaesareanHealingWeeks && r.Client != nil && r.Client.DeliveryMode == DeliveryCaesarean {
		out = append(out, Referral{Code: ReferralCaesareanCheck, To: ReferToGP,
			Reason: "Caesarean " + plural(weeks, "week") + " ago: check she has her GP's go-ahead for exercise beyond walking and pelvic-floor work."})
	}
	return out
}
