package assessment

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// Section names as they appear in the JSON form and in
// Interpretation.NotTested.
const (
	SectionContext     = "context"
	SectionRedFlags    = "red_flags"
	SectionPelvicFloor = "pelvic_floor"
	SectionPain        = "pain"
	SectionPelvicTilt  = "pelvic_tilt"
	SectionThomas      = "thomas"
	SectionGlutes      = "glutes"
	SectionHinge       = "hinge"
	SectionDiastasis   = "diastasis"
	SectionPosture     = "posture"
)

// Sections lists the optional sections of a record in form order.
var Sections = []string{SectionContext, SectionRedFlags, SectionPelvicFloor, SectionPain, SectionPelvicTilt, SectionThomas, SectionGlutes, SectionHinge, SectionDiastasis, SectionPosture}

// Referral destinations.
const (
	ReferToGP         = "GP"
	ReferToPelvicPhys = "pelvic-health physiotherapist"
	ReferToPhysioOrGP = "physiotherapist or GP"
)

// Interpret reads a record and returns its findings, most serious first,
// with the referral decision. It never fails: a section that was not
// recorded yields no finding and is listed in NotTested, so its absence is
// never read as "normal". The order is deterministic: by severity, then by
// the order of the sections on the form. Every interpretation ends with the
// FindGeneral foundations, which every client gets.
func Interpret(r *Record) Interpretation {
	if r == nil {
		return interpret(nil, Facts{})
	}
	return interpret(r, FactsOf(r))
}

// interpret is Interpret with the record's facts already derived (the
// generator derives them once and passes them on).
func interpret(r *Record, f Facts) Interpretation {
	in := Interpretation{Findings: make([]Finding, 0, 24)} // room for a full record without regrowing
	if r == nil {
		in.NotTested = slices.Clone(Sections)
		in.Findings = append(in.Findings, generalFinding(in.NotTested))
		return in
	}
	in.NotTested = notTested(r)
	in.redFlags(r)
	in.pelvicFloor(r)
	in.postpartum(r)
	in.pain(r)
	in.diastasis(r.Diastasis)
	in.pelvis(r.PelvicTilt, r.Thomas)
	in.thomas(r.Thomas)
	in.glutes(r.Glutes)
	in.hinge(r.Hinge)
	in.posture(r.Posture)
	in.dailyLoad(r.Context)
	in.Findings = append(in.Findings, generalFinding(in.NotTested))
	slices.SortStableFunc(in.Findings, func(a, b Finding) int { return int(b.Severity) - int(a.Severity) })
	// The referrals for what the screens found beyond the red-flag and
	// pelvic-floor answers listed above (persistent pain, a painful hinge,
	// a glute that barely contracts) come from their one home,
	// SafetyReferrals; the coach's own next steps (finish the screen, ask
	// for the GP's go-ahead) stay with the programme.
	for _, ref := range referralsFrom(r, f) {
		switch ref.Code {
		case ReferralPainPersistent, ReferralHingePain, ReferralGluteNerve:
			in.Referrals = append(in.Referrals, ref)
		}
	}
	in.ReferralRequired = len(in.Referrals) > 0
	return in
}

// notTested lists the nil sections, and inside a recorded section the nil
// sides or sites ("thomas.left", "diastasis.at"), in form order.
func notTested(r *Record) []string {
	var out []string
	add := func(name string, missing bool) {
		if missing {
			out = append(out, name)
		}
	}
	add(SectionContext, r.Context == nil)
	add(SectionRedFlags, r.RedFlags == nil)
	add(SectionPelvicFloor, r.PelvicFloor == nil)
	add(SectionPain, r.Pain == nil)
	add(SectionPelvicTilt, r.PelvicTilt == nil)
	add(SectionThomas, r.Thomas == nil)
	if r.Thomas != nil {
		add("thomas.left", r.Thomas.Left == nil)
		add("thomas.right", r.Thomas.Right == nil)
	}
	add(SectionGlutes, r.Glutes == nil)
	if r.Glutes != nil {
		add("glutes.left", r.Glutes.Left == nil)
		add("glutes.right", r.Glutes.Right == nil)
	}
	add(SectionHinge, r.Hinge == nil)
	add(SectionDiastasis, r.Diastasis == nil)
	if r.Diastasis != nil {
		add("diastasis.above", r.Diastasis.Above == nil)
		add("diastasis.at", r.Diastasis.At == nil)
		add("diastasis.below", r.Diastasis.Below == nil)
	}
	add(SectionPosture, r.Posture == nil)
	return out
}

func (in *Interpretation) add(f Finding) { in.Findings = append(in.Findings, f) }

// NotTestedInWords is one entry of Interpretation.NotTested as a coach
// reads it: "Thomas test (left side)", "Tummy gap check (at the navel)".
func NotTestedInWords(key string) string {
	sec, part, ok := strings.Cut(key, ".")
	if !ok {
		return KeyInWords(key)
	}
	switch part {
	case "left", "right":
		part += " side"
	case "above", "below":
		part += " the navel"
	case "at":
		part = "at the navel"
	}
	return KeyInWords(sec) + " (" + part + ")"
}

// redFlag is one spinal red-flag question: its JSON key and how a coach
// reads it.
type redFlag struct {
	key, label string
	get        func(*RedFlags) Tri
}

var redFlagQuestions = []redFlag{
	{"saddle_anaesthesia", "numbness in the saddle area", func(f *RedFlags) Tri { return f.SaddleAnaesthesia }},
	{"bladder_bowel_change", "a recent change in bladder or bowel control", func(f *RedFlags) Tri { return f.BladderBowelChange }},
	{"progressive_neuro", "worsening weakness, numbness or pain in both legs", func(f *RedFlags) Tri { return f.ProgressiveNeuro }},
	{"fever_unwell", "fever, chills or feeling unwell", func(f *RedFlags) Tri { return f.FeverUnwell }},
	{"unexplained_weight_loss", "weight loss she cannot explain", func(f *RedFlags) Tri { return f.UnexplainedWeightLoss }},
	{"cancer_history", "a history of cancer", func(f *RedFlags) Tri { return f.CancerHistory }},
	{"significant_trauma", "a significant fall or injury", func(f *RedFlags) Tri { return f.SignificantTrauma }},
	{"night_pain", "severe pain at night that rest does not ease", func(f *RedFlags) Tri { return f.NightPain }},
	{"steroids_or_osteoporosis", "long-term steroids or osteoporosis", func(f *RedFlags) Tri { return f.SteroidsOrOsteoporosis }},
	{"age_onset", "back pain that began before 20 or after 50", func(f *RedFlags) Tri { return f.AgeOnset }},
}

// redFlags: any yes or unsure blocks loaded work until a doctor clears her
// (rule 1) [61][62][63].
func (in *Interpretation) redFlags(r *Record) {
	if r.RedFlags == nil {
		return
	}
	var labels, evidence []string
	for _, q := range redFlagQuestions {
		a := q.get(r.RedFlags)
		if !a.Raised() {
			continue
		}
		labels = append(labels, q.label+" ("+string(a)+")")
		evidence = append(evidence, q.key+": "+string(a))
		reason := "Red flag: " + q.label + " (answered " + string(a) + "). Ask her GP to check this before exercise beyond walking."
		if redFlagCauda[q.key] {
			reason = "Urgent: " + q.label + " (answered " + string(a) + ") can be a sign of a nerve emergency (cauda equina syndrome) [62]. She should get medical help today."
		}
		in.Referrals = append(in.Referrals, Referral{Code: FindRedFlag, Reason: reason, To: ReferToGP})
	}
	if len(labels) == 0 {
		return
	}
	coach := "Red-flag screen raised " + joinAnd(labels) + ". Refer her to her GP before any loaded exercise; Keel keeps the programme blocked until a doctor's clearance is recorded."
	switch r.ClearanceStatus() {
	case ClearanceCovers:
		c := r.MedicalClearance
		coach = "Red-flag screen raised " + joinAnd(labels) + ". Cleared for exercise by " + strings.TrimSpace(c.By) + " on " + c.Date.String() + "; stay within the doctor's advice."
		if keys, flags := raisedRedFlags(r); len(caudaFlags(keys, flags)) > 0 {
			coach += " Numbness in the saddle area, a bladder or bowel change, or worsening signs in both legs are still an emergency: if she has them now, she needs medical help today."
		}
	case ClearanceBeforeAssessment:
		coach = "Red-flag screen raised " + joinAnd(labels) + "." + notCoveredNote(r) + " Refer her to her GP; Keel keeps the programme blocked until a clearance dated on or after the assessment is recorded."
	}
	client := "Some of your answers are worth a doctor's look before we start training. Please see your GP; it is a routine precaution, not a diagnosis."
	if keys, flags := raisedRedFlags(r); len(caudaFlags(keys, flags)) > 0 && r.ClearanceStatus() != ClearanceCovers {
		client = "Some of your answers need a doctor today: numbness around the saddle area, a change in bladder or bowel control, or weakness getting worse in the legs can be signs of a nerve problem that needs urgent care. Please contact your GP or urgent care today."
	}
	in.add(Finding{
		Code:     FindRedFlag,
		Severity: SeverityRefer,
		Coach:    coach,
		Client:   client,
		Evidence: strings.Join(evidence, "; "),
	})
}

// pelvicFloorSymptom is one postpartum or pelvic-floor symptom.
type pelvicFloorSymptom struct {
	key, label string
	get        func(*PelvicFloor) bool
}

var pelvicFloorSymptoms = []pelvicFloorSymptom{
	{"leakage", "urine leakage", func(p *PelvicFloor) bool { return p.Leakage }},
	{"urgency", "urinary urgency", func(p *PelvicFloor) bool { return p.Urgency }},
	{"heaviness", "heaviness or dragging in the pelvis", func(p *PelvicFloor) bool { return p.Heaviness }},
	{"bowel_control", "poor bowel or wind control", func(p *PelvicFloor) bool { return p.BowelControl }},
	{"pain_with_sex", "pain with sex", func(p *PelvicFloor) bool { return p.PainWithSex }},
	{"bleeding_after_8_weeks", "bleeding more than 8 weeks after birth that is not a period", func(p *PelvicFloor) bool { return p.BleedingAfter8Weeks }},
	{"scar_concern", "a concern about the caesarean scar", func(p *PelvicFloor) bool { return p.ScarConcern }},
}

// pelvicFloor: any symptom means a pelvic-health referral and no impact
// (rule 3) [64][68][71]; a scar concern also keeps her in the early phase
// (rule 2) [70].
func (in *Interpretation) pelvicFloor(r *Record) {
	p := r.PelvicFloor
	if p == nil {
		return
	}
	var labels, keys []string
	for _, s := range pelvicFloorSymptoms {
		if !s.get(p) {
			continue
		}
		labels = append(labels, s.label)
		keys = append(keys, s.key)
		reason := "Pelvic-floor or postpartum symptom: " + s.label + "."
		if s.key == "bleeding_after_8_weeks" || s.key == "scar_concern" {
			reason += " Her GP should also know."
		}
		in.Referrals = append(in.Referrals, Referral{Code: FindPelvicFloor, Reason: reason, To: ReferToPelvicPhys})
	}
	if len(labels) == 0 {
		return
	}
	in.add(Finding{
		Code:     FindPelvicFloor,
		Severity: SeverityRefer,
		Coach:    "Reports " + joinAnd(labels) + ". Refer to a pelvic-health physiotherapist; no running, jumping or other impact, keep loads low to moderate and cue an exhale on effort.",
		Client:   "Some of what you told me is common after having a baby and very treatable. A pelvic-health physiotherapist is the right person to check it; until then your training will be gentle on your pelvic floor.",
		Evidence: "pelvic_floor: " + strings.Join(keys, ", "),
	})
	if p.ScarConcern {
		in.add(Finding{
			Code:     FindScarConcern,
			Severity: SeverityHigh,
			Coach:    "Caesarean scar concern: early-phase work only (breathing, pelvic floor, walking, gentle mobility) until the scar has been checked.",
			Client:   "Your scar needs checking before we add harder work, so we will start with breathing, your pelvic floor, walking and easy stretches.",
			Evidence: "pelvic_floor.scar_concern: yes",
		})
	}
}

// WeeksPostpartum returns the whole weeks since the birth as of the
// assessment, from the coach's figure in Context and the client's delivery
// date (PostpartumWeeks, the one rule: the smaller wins). ok is false when
// neither is known.
func (r *Record) WeeksPostpartum() (weeks int, ok bool) {
	if r == nil {
		return 0, false
	}
	var coach *int
	if r.Context != nil {
		coach = r.Context.WeeksPostpartum
	}
	var delivery Date
	if r.Client != nil {
		delivery = r.Client.LastDelivery
	}
	return PostpartumWeeks(coach, delivery, r.Date)
}

// contextWeeks is the coach's own figure for weeks postpartum.
func (r *Record) contextWeeks() (int, bool) {
	if r == nil || r.Context == nil || r.Context.WeeksPostpartum == nil {
		return 0, false
	}
	return *r.Context.WeeksPostpartum, true
}

// deliveryWeeks counts whole weeks from the client's delivery date to the
// record date; a delivery after the assessment counts as unknown.
func (r *Record) deliveryWeeks() (int, bool) {
	if r == nil || r.Client == nil {
		return 0, false
	}
	return PostpartumWeeks(nil, r.Client.LastDelivery, r.Date)
}

// postpartum applies the time-since-birth gates (rules 2 and 4) [64][70].
func (in *Interpretation) postpartum(r *Record) {
	weeks, ok := r.WeeksPostpartum()
	if !ok {
		return
	}
	caesarean := r.Client != nil && r.Client.DeliveryMode == DeliveryCaesarean
	evidence := plural(weeks, "week") + " postpartum"
	c, hasC := r.contextWeeks()
	d, hasD := r.deliveryWeeks()
	switch {
	case hasC && hasD && max(c-d, d-c) > WeeksPostpartumAgreeWeeks:
		evidence += " (the smaller of two figures that disagree: " + plural(c, "week") + " in the context, " +
			plural(d, "week") + " from delivery " + r.Client.LastDelivery.String() + " to the assessment " + r.Date.String() + "; check which is right)"
	case hasC && (!hasD || c <= d):
		evidence += " (context)"
	default: // only the delivery date, or it gives the smaller figure
		evidence += " (delivery " + r.Client.LastDelivery.String() + ", assessed " + r.Date.String() + ")"
	}
	if caesarean {
		evidence += ", caesarean"
	}
	if weeks < EarlyPostpartumWeeks {
		in.add(Finding{
			Code:     FindEarlyPostpartum,
			Severity: SeverityHigh,
			Coach:    plural(weeks, "week") + " postpartum, under " + strconv.Itoa(EarlyPostpartumWeeks) + ": early phase only. Breathing, pelvic floor, walking and gentle mobility; nothing heavier than the baby, no loaded flexion, no high effort.",
			Client:   "Your body is still in the first weeks of recovery after the birth. For now we will focus on breathing, your pelvic floor, walking and gentle movement.",
			Evidence: evidence,
		})
	} else if weeks < ImpactReadyWeeks {
		in.add(Finding{
			Code:     FindUnder12Weeks,
			Severity: SeverityModerateFinding,
			Coach:    plural(weeks, "week") + " postpartum, under " + strconv.Itoa(ImpactReadyWeeks) + ": no running, jumping or other impact yet.",
			Client:   "It is still less than three months since the birth, so running and jumping wait for now.",
			Evidence: evidence,
		})
	}
	if caesarean && weeks < CaesareanHealingWeeks {
		in.add(Finding{
			Code:     FindRecentCaesarean,
			Severity: SeverityHigh,
			Coach:    "Caesarean " + plural(weeks, "week") + " ago: the wound needs about " + strconv.Itoa(CaesareanHealingWeeks) + " weeks to heal. No high-effort work before then, and her GP's go-ahead for anything beyond walking and pelvic-floor work.",
			Client:   "After a caesarean the scar takes about three months to heal fully, so we will build up gently and check with your GP before anything harder.",
			Evidence: evidence,
		})
	}
}

// painScore is the pain figure the rules read: pain now when recorded,
// else the worst in the last week (fromWorst). The pain findings and the
// pain_high gate both read it here, so high pain found is always high
// pain gated. ok is false when neither was recorded.
func painScore(p *Pain) (score int, fromWorst, ok bool) {
	f := painFacts(p)
	return f.Gate, f.GateFromWorst, f.PainKnown
}

// pain bands pain now (or, when only that was recorded, the worst in the
// last week) [73][75][84].
func (in *Interpretation) pain(r *Record) {
	p := r.Pain
	score, fromWorst, ok := painScore(p)
	if !ok {
		// Missing is never normal: the gates read unrecorded pain as high,
		// and the finding says so.
		in.add(Finding{
			Code:     FindPainHigh,
			Severity: SeverityHigh,
			Coach:    "Pain not recorded: Keel treats it as " + strconv.Itoa(PainStopMin) + "/10 or more (no heavy or braced lifts, no impact) until you record pain today.",
			Client:   "We have not yet recorded how much pain you have, so we will keep to comfortable movements until we do.",
			Evidence: "pain now and worst in the last week not recorded",
		})
		return
	}
	evidence := "pain now " + strconv.Itoa(score) + "/10"
	if fromWorst {
		evidence = "worst pain in the last week " + strconv.Itoa(score) + "/10 (pain now not recorded)"
	} else if p.WorstWeek != nil {
		evidence += ", worst in the last week " + strconv.Itoa(*p.WorstWeek) + "/10"
	}
	if len(p.Sites) > 0 {
		evidence += "; sites: " + choiceList(p.Sites)
	}
	switch {
	case score >= PainStopMin:
		in.add(Finding{
			Code:     FindPainHigh,
			Severity: SeverityHigh,
			Coach:    "High pain (" + strconv.Itoa(score) + "/10): keep to pain-free positions, stop and regress anything that takes pain to 6 or more, and refer if it stays that high.",
			Client:   "Your pain is high at the moment, so we will only use movements that feel comfortable and build up from there.",
			Evidence: evidence,
		})
	case score >= PainModerateMin:
		in.add(Finding{
			Code:     FindPainModerate,
			Severity: SeverityModerateFinding,
			Coach:    "Moderate pain (" + strconv.Itoa(score) + "/10): hold progressions while exercise pain sits at 4–5 or lingers into the next day.",
			Client:   "Your back is fairly sore right now. We will go at a pace your body is happy with and only step up when it settles.",
			Evidence: evidence,
		})
	case score >= PainLowMin:
		in.add(Finding{
			Code:     FindPainLow,
			Severity: SeverityLow,
			Coach:    "Low pain (" + strconv.Itoa(score) + "/10): train as planned; exercise pain of 0–3 is acceptable.",
			Client:   "You have a little pain. Mild discomfort while training is fine, and we will keep an eye on it together.",
			Evidence: evidence,
		})
	}
}

// diastasisSite pairs a site with its name for evidence.
type diastasisSite struct {
	name string
	s    *DiastasisSite
}

// diastasis applies rule 5: a gap of 2 finger widths or more (over 20 mm),
// a soft linea alba, or doming [1][3][13][15][19].
func (in *Interpretation) diastasis(d *Diastasis) {
	if d == nil {
		return
	}
	sites := [3]diastasisSite{{"above the navel", d.Above}, {"at the navel", d.At}, {"below the navel", d.Below}}
	var wide, soft, all []string
	for i, x := range sites {
		if x.s == nil {
			continue
		}
		w, ok := x.s.widthText()
		if !ok {
			continue
		}
		desc := w + " " + x.name
		if x.s.Depth != "" {
			desc += ", " + x.s.Depth
		}
		if x.s.Tension != "" {
			desc += ", " + x.s.Tension
		}
		all = append(all, desc)
		if x.s.WideAt(i) {
			wide = append(wide, w+" "+x.name)
		}
		if x.s.Tension == TensionSoft {
			soft = append(soft, x.name)
		}
	}
	evidence := strings.Join(all, "; ")
	if d.Doming != "" {
		if evidence != "" {
			evidence += "; "
		}
		evidence += "doming " + d.Doming
	}
	if len(wide) > 0 {
		in.add(Finding{
			Code:     FindDiastasis,
			Severity: SeverityModerateFinding,
			Coach:    "Diastasis recti: gap of " + joinAnd(wide) + " (a diastasis from " + fmtNum(DiastasisFingersMin) + " finger widths, or over " + strconv.Itoa(DiastasisAboveMMOver) + " mm above or at the navel and " + strconv.Itoa(DiastasisBelowMMOver) + " mm below it). Breathing with deep-core pre-activation, heel slides, dead-bug regressions and bird dog; regress anything that domes.",
			Client:   "There is a gap between the two sides of your tummy muscles, which is very common after pregnancy. We will train your deep core so it can take more load, choosing exercises that keep your tummy flat while you work.",
			Evidence: evidence,
		})
	}
	if len(soft) > 0 {
		in.add(Finding{
			Code:     FindDiastasisSoft,
			Severity: SeverityModerateFinding,
			Coach:    "Soft linea alba " + joinAnd(soft) + ": the midline gives under the fingers. Manage it as a diastasis whatever the width; build tension with deep-core work before load.",
			Client:   "The tissue down the middle of your tummy feels soft, so we will start with exercises that help it firm up before adding weight.",
			Evidence: evidence,
		})
	}
	if d.Doming == DomingMild || d.Doming == DomingMarked {
		sev := SeverityLow
		if d.Doming == DomingMarked {
			sev = SeverityModerateFinding
		}
		in.add(Finding{
			Code:     FindDoming,
			Severity: sev,
			Coach:    upperFirst(d.Doming) + " doming on the curl-up: regress any exercise that domes (less load, shorter lever or range, another position) and cue an exhale with deep-core activation.",
			Client:   "Your tummy rises into a ridge when you curl up. That shows how much pressure your middle can handle right now, so we will pick exercises where it stays flat.",
			Evidence: evidence,
		})
	}
}

// thomasPositive reports whether either side of the Thomas test shows
// short hip flexors (hip > 0°, knee < 67° or abduction drift) [29], with
// the evidence.
func thomasPositive(t *Thomas) (bool, string) {
	if t == nil {
		return false, ""
	}
	var ev []string
	for _, s := range [2]struct {
		name string
		t    *ThomasSide
	}{{SideLeft, t.Left}, {SideRight, t.Right}} {
		if s.t == nil {
			continue
		}
		if s.t.HipAngleDeg != nil && *s.t.HipAngleDeg > ThomasHipAngleOver {
			ev = append(ev, s.name+" hip "+fmtDeg(*s.t.HipAngleDeg, true))
		}
		if s.t.KneeAngleDeg != nil && *s.t.KneeAngleDeg < ThomasKneeAngleUnder {
			ev = append(ev, s.name+" knee "+fmtDeg(*s.t.KneeAngleDeg, false))
		}
		if s.t.AbductionDrift {
			ev = append(ev, s.name+" abduction drift")
		}
	}
	return len(ev) > 0, strings.Join(ev, ", ")
}

// pelvis applies rules 7 and 8: anterior tilt only with a visual rating
// confirmed by the Thomas test, or an angle over 18°; a left–right
// difference over 4° is a note [24][25][26].
func (in *Interpretation) pelvis(p *PelvicTilt, t *Thomas) {
	if p == nil {
		return
	}
	var mean float64
	var n int
	var angles []string
	if p.LeftDeg != nil {
		mean += *p.LeftDeg
		n++
		angles = append(angles, "left "+fmtDeg(*p.LeftDeg, false))
	}
	if p.RightDeg != nil {
		mean += *p.RightDeg
		n++
		angles = append(angles, "right "+fmtDeg(*p.RightDeg, false))
	}
	if n > 0 {
		mean /= float64(n)
	}
	measured := ""
	if n > 0 {
		measured = "tilt " + strings.Join(angles, ", ")
		if n == 2 {
			measured += " (mean " + fmtDeg(mean, false) + ")"
		}
		if p.Method != "" {
			measured += " by " + p.Method
		}
	}
	thomasPos, thomasEv := thomasPositive(t)
	byVisual := p.Visual == TiltAnterior && thomasPos
	byAngle := n > 0 && mean > AnteriorTiltAngleOver
	switch {
	case byVisual || byAngle:
		var ev []string
		if p.Visual != "" {
			ev = append(ev, "visual "+p.Visual)
		}
		if measured != "" {
			ev = append(ev, measured)
		}
		if thomasPos {
			ev = append(ev, "Thomas: "+thomasEv)
		}
		why := "visual anterior tilt with short hip flexors on the Thomas test"
		if !byVisual {
			why = "measured tilt " + fmtDeg(mean, false) + ", over " + fmtDeg(AnteriorTiltAngleOver, false)
		}
		in.add(Finding{
			Code:     FindAnteriorTilt,
			Severity: SeverityLow,
			Coach:    "Anterior pelvic tilt (" + why + "). Half-kneeling hip-flexor stretch held in posterior tilt, glute bridge, dead bug and posterior-tilt drills.",
			Client:   "Your pelvis tips forward when you stand and the front of your hips is tight. Stretching the hips and strengthening your bottom and tummy will help you stand more comfortably.",
			Evidence: strings.Join(ev, "; "),
		})
	case p.Visual == TiltPosterior || (p.Visual != TiltAnterior && n > 0 && mean < PosteriorTiltAngleUnder):
		var ev []string
		if p.Visual != "" {
			ev = append(ev, "visual "+p.Visual)
		}
		if measured != "" {
			ev = append(ev, measured)
		}
		in.add(Finding{
			Code:     FindPosteriorTilt,
			Severity: SeverityLow,
			Coach:    "Posterior pelvic tilt: add hip and lumbar mobility and practise finding a neutral pelvis.",
			Client:   "Your pelvis tucks under a little when you stand. Some hip and back mobility work will help you find a comfortable middle position.",
			Evidence: strings.Join(ev, "; "),
		})
	}
	if p.LeftDeg != nil && p.RightDeg != nil {
		if diff := math.Abs(*p.LeftDeg - *p.RightDeg); diff > TiltAsymmetryOver {
			in.add(Finding{
				Code:     FindTiltAsymmetry,
				Severity: SeverityInfo,
				Coach:    "Left and right tilt differ by " + fmtDeg(diff, false) + ": a possible asymmetry, though bony shape alone can make this much difference. Note only; no programme change.",
				Client:   "Your two sides measured a little differently. That is common and often just the shape of the pelvis, so it does not change your plan.",
				Evidence: measured,
			})
		}
	}
}

// sideOf names the side a two-sided finding applies to.
func sideOf(left, right bool) string {
	switch {
	case left && right:
		return SideBoth
	case left:
		return SideLeft
	case right:
		return SideRight
	}
	return ""
}

// sidePhrase is the side in a sentence: "on the left", "on both sides".
func sidePhrase(side string) string {
	if side == SideBoth {
		return "on both sides"
	}
	return "on the " + side
}

// sideEvidence joins per-side evidence: "left: a, b; right: c".
func sideEvidence(left, right []string) string {
	var parts []string
	if len(left) > 0 {
		parts = append(parts, "left "+strings.Join(left, ", "))
	}
	if len(right) > 0 {
		parts = append(parts, "right "+strings.Join(right, ", "))
	}
	return strings.Join(parts, "; ")
}

// thomas applies rule 9 per side [28][29].
func (in *Interpretation) thomas(t *Thomas) {
	if t == nil {
		return
	}
	var hipL, hipR, kneeL, kneeR, tflL, tflR []string
	check := func(s *ThomasSide, hip, knee, tfl *[]string) {
		if s == nil {
			return
		}
		if s.HipAngleDeg != nil && *s.HipAngleDeg > ThomasHipAngleOver {
			*hip = append(*hip, "hip angle "+fmtDeg(*s.HipAngleDeg, true))
		}
		if s.KneeAngleDeg != nil && *s.KneeAngleDeg < ThomasKneeAngleUnder {
			*knee = append(*knee, "knee angle "+fmtDeg(*s.KneeAngleDeg, false))
		}
		if s.AbductionDrift {
			*tfl = append(*tfl, "abduction drift")
		}
	}
	check(t.Left, &hipL, &kneeL, &tflL)
	check(t.Right, &hipR, &kneeR, &tflR)
	const caveat = " The test only counts with the pelvis held still."
	if side := sideOf(len(hipL) > 0, len(hipR) > 0); side != "" {
		in.add(Finding{
			Code:     FindShortHipFlexors,
			Severity: SeverityLow,
			Side:     side,
			Coach:    "Short one-joint hip flexors (iliopsoas) " + sidePhrase(side) + ": the thigh rests above horizontal on the modified Thomas test. Half-kneeling hip-flexor stretch in posterior tilt." + caveat,
			Client:   "The muscles at the front of your " + clientSide(side) + " are tight. Stretching them regularly will help them let go.",
			Evidence: "Thomas " + sideEvidence(hipL, hipR),
		})
	}
	if side := sideOf(len(kneeL) > 0, len(kneeR) > 0); side != "" {
		in.add(Finding{
			Code:     FindShortRectus,
			Severity: SeverityLow,
			Side:     side,
			Coach:    "Short rectus femoris " + sidePhrase(side) + ": the knee bends less than " + fmtDeg(ThomasKneeAngleUnder, false) + " on the modified Thomas test. Couch or kneeling quad stretch." + caveat,
			Client:   "The long muscle at the front of your " + clientThigh(side) + " is tight, so we will stretch it.",
			Evidence: "Thomas " + sideEvidence(kneeL, kneeR),
		})
	}
	if side := sideOf(len(tflL) > 0, len(tflR) > 0); side != "" {
		in.add(Finding{
			Code:     FindTFLTightness,
			Severity: SeverityLow,
			Side:     side,
			Coach:    "Tight TFL and hip abductors " + sidePhrase(side) + ": the thigh drifts out on the modified Thomas test. TFL release and stretch.",
			Client:   "A muscle on the outside of your " + clientSide(side) + " is tight and pulls your leg outwards; we will loosen it.",
			Evidence: "Thomas " + sideEvidence(tflL, tflR),
		})
	}
}

// clientSide is "right hip" or "hips" for a client sentence.
func clientSide(side string) string {
	if side == SideBoth {
		return "hips"
	}
	return side + " hip"
}

// clientThigh is "left thigh" or "thighs" for a client sentence.
func clientThigh(side string) string {
	if side == SideBoth {
		return "thighs"
	}
	return side + " thigh"
}

// weakGrade reports whether a recorded grade is at or below the weakness
// cut-off (3+).
func weakGrade(g Grade) bool {
	return g != "" && g.Rank() >= 0 && g.Rank() <= GluteWeakMaxGrade.Rank()
}

// gradeVs writes "glute med 3/5 vs left 4+/5" (the other side only when
// recorded).
func gradeVs(muscle string, g, other Grade, otherSide string) string {
	s := muscle + " " + string(g) + "/5"
	if other != "" {
		s += " vs " + otherSide + " " + string(other) + "/5"
	}
	return s
}

// glutes applies rules 10 and 11 per side and notes a whole-grade
// left–right difference [33][37][39][40][41][46].
func (in *Interpretation) glutes(g *Glutes) {
	if g == nil {
		return
	}
	l, r := g.Left, g.Right
	var lo, ro GluteSide // zero sides stand in for an untested side
	if l != nil {
		lo = *l
	}
	if r != nil {
		ro = *r
	}
	medWeak := func(s *GluteSide, other *GluteSide, otherSide string) []string {
		if s == nil {
			return nil
		}
		var ev []string
		if weakGrade(s.MedGrade) {
			ev = append(ev, gradeVs("glute med", s.MedGrade, other.MedGrade, otherSide))
		}
		if s.Trendelenburg == TrendelenburgPositive {
			ev = append(ev, "Trendelenburg positive")
		}
		if s.SideLyingAbdScore != nil && *s.SideLyingAbdScore >= SideLyingAbdWeakMin {
			e := "side-lying abduction " + strconv.Itoa(*s.SideLyingAbdScore) + "/3"
			if len(s.SideLyingFaults) > 0 {
				e += " (" + choiceList(s.SideLyingFaults) + ")"
			}
			ev = append(ev, e)
		}
		return ev
	}
	medL, medR := medWeak(l, &ro, SideRight), medWeak(r, &lo, SideLeft)
	if side := sideOf(len(medL) > 0, len(medR) > 0); side != "" {
		client := "The muscle on the side of your " + side + " hip that keeps your pelvis level is weaker than it should be. We will strengthen it, with a little extra work on that side."
		coach := "Glute med weakness " + sidePhrase(side) + ". Side-lying abduction, clamshell, side bridge and banded lateral walk, with one extra set on the " + side + "."
		if side == SideBoth {
			client = "The muscles on the sides of your hips that keep your pelvis level need strengthening. We will build them up on both sides."
			coach = "Glute med weakness on both sides. Side-lying abduction, clamshell, side bridge and banded lateral walk."
		}
		in.add(Finding{Code: FindGluteMedWeak, Severity: SeverityModerateFinding, Side: side, Coach: coach, Client: client, Evidence: sideEvidence(medL, medR)})
	}

	bridgeGap := func(s, other *GluteSide) (float64, bool) {
		if s == nil || other == nil || s.SingleLegBridgeReps == nil || other.SingleLegBridgeReps == nil {
			return 0, false
		}
		a, b := *s.SingleLegBridgeReps, *other.SingleLegBridgeReps
		if b <= 0 || a >= b {
			return 0, false
		}
		gap := float64(b-a) / float64(b)
		return gap, gap > BridgeGapOver
	}
	maxWeak := func(s, other *GluteSide, otherSide string) []string {
		if s == nil {
			return nil
		}
		var ev []string
		if weakGrade(s.MaxGrade) {
			ev = append(ev, gradeVs("glute max", s.MaxGrade, other.MaxGrade, otherSide))
		}
		switch s.ProneHipExtension {
		case PHEHamstringDominant, PHELumbarDominant, PHENoGlute:
			ev = append(ev, "prone hip extension "+choiceWord(s.ProneHipExtension))
		}
		var why []string
		if s.SingleLegBridgeReps != nil && *s.SingleLegBridgeReps < BridgeRepsMin {
			why = append(why, "under "+strconv.Itoa(BridgeRepsMin))
		}
		if gap, ok := bridgeGap(s, other); ok {
			why = append(why, strconv.Itoa(int(math.Round(gap*100)))+"% fewer than "+otherSide+" "+strconv.Itoa(*other.SingleLegBridgeReps))
		}
		if len(why) > 0 {
			ev = append(ev, "single-leg bridge "+plural(*s.SingleLegBridgeReps, "rep")+" ("+strings.Join(why, "; ")+")")
		}
		return ev
	}
	maxL, maxR := maxWeak(l, &ro, SideRight), maxWeak(r, &lo, SideLeft)
	if side := sideOf(len(maxL) > 0, len(maxR) > 0); side != "" {
		client := "Your " + side + " buttock muscle is not doing its share yet, so your back and hamstrings work harder than they should. We will wake it up and make it stronger."
		if side == SideBoth {
			client = "Your buttock muscles are not doing their share yet, so your back and hamstrings work harder than they should. We will wake them up and make them stronger."
		}
		in.add(Finding{
			Code:     FindGluteMaxWeak,
			Severity: SeverityModerateFinding,
			Side:     side,
			Coach:    "Glute max deficit " + sidePhrase(side) + ". Bridge, then single-leg bridge, then hip thrust, with a glute-squeeze cue.",
			Client:   client,
			Evidence: sideEvidence(maxL, maxR),
		})
	}

	if l == nil || r == nil {
		return
	}
	var ev []string
	var weakL, weakR bool
	for _, m := range [2]struct {
		name string
		a, b Grade
	}{{"glute max", l.MaxGrade, r.MaxGrade}, {"glute med", l.MedGrade, r.MedGrade}} {
		va, vb := m.a.Value(), m.b.Value()
		if va < 0 || vb < 0 || math.Abs(va-vb) < GluteAsymmetryGrades-1e-9 {
			continue
		}
		ev = append(ev, m.name+" left "+string(m.a)+"/5 vs right "+string(m.b)+"/5")
		if va < vb {
			weakL = true
		} else {
			weakR = true
		}
	}
	if side := sideOf(weakL, weakR); side != "" {
		coach := "Left–right glute difference of a whole grade or more; the " + side + " is weaker. Bias unilateral work to that side."
		client := "Your " + side + " side is weaker than your other side, so it will get a little extra attention."
		if side == SideBoth {
			coach = "Left–right glute difference of a whole grade or more, in opposite directions for glute max and glute med. Train each side to its weaker muscle."
			client = "Your two sides are strong in different ways, so each side will get a little extra attention where it needs it."
		}
		in.add(Finding{Code: FindGluteAsymmetry, Severity: SeverityLow, Side: side, Coach: coach, Client: client, Evidence: strings.Join(ev, "; ")})
	}
}

// hinge applies rules 12 and 13 and the dowel-contact checks [47][48][49].
func (in *Interpretation) hinge(h *Hinge) {
	if h == nil {
		return
	}
	suggested := SuggestHingeScore(h)
	score := suggested
	if h.Score != nil {
		score = *h.Score
	}
	var ev []string
	scoreEv := "score " + strconv.Itoa(score) + "/3"
	if h.Score != nil && h.ScoreOverridden && score != suggested {
		scoreEv += " set by the coach (Keel suggested " + strconv.Itoa(suggested) + ")"
	}
	ev = append(ev, scoreEv)
	var lost []string
	if !h.HeadContact {
		lost = append(lost, "head")
	}
	if !h.ThoracicContact {
		lost = append(lost, "mid-back")
	}
	if !h.SacrumContact {
		lost = append(lost, "sacrum")
	}
	if len(lost) > 0 {
		ev = append(ev, "dowel contact lost at "+strings.Join(lost, ", "))
	}
	if len(h.Faults) > 0 {
		ev = append(ev, "faults: "+choiceList(h.Faults))
	}
	if h.Pain {
		ev = append(ev, "pain during the hinge")
	}
	evidence := strings.Join(ev, "; ")
	if h.Pain || score == HingeScorePain {
		in.add(Finding{
			Code:     FindHingePain,
			Severity: SeverityHigh,
			Coach:    "Pain on the hip hinge: score it 0 and keep the hinge pattern out of loading. Refer if the pain persists.",
			Client:   "Bending forward from your hips hurt today, so we will leave loaded bending out for now and use positions that feel good.",
			Evidence: evidence,
		})
	}
	switch {
	case score <= HingeScorePoor:
		in.add(Finding{
			Code:     FindHingePoor,
			Severity: SeverityModerateFinding,
			Coach:    "Poor hip hinge (" + strconv.Itoa(score) + "/3). Dowel hinge, wall-tap hinge and elevated kettlebell deadlift; no Romanian deadlift until she scores 3/3 at two sessions in a row.",
			Client:   "Bending from your hips, the way you pick up your baby, is a skill. We will practise it step by step until it feels natural.",
			Evidence: evidence,
		})
	case score == HingeScoreFair:
		in.add(Finding{
			Code:     FindHingeFair,
			Severity: SeverityLow,
			Coach:    "Fair hip hinge (2/3): completes it with one or two faults. Drill the dowel hinge before adding load.",
			Client:   "Your bend from the hips is nearly there. A little practice will make it smooth and strong.",
			Evidence: evidence,
		})
	}
	if slices.Contains(h.Faults, HingeLumbarFlexion) || !h.SacrumContact {
		in.add(Finding{
			Code:     FindHingeLumbarFlex,
			Severity: SeverityModerateFinding,
			Coach:    "Lower back rounds during the hinge (lumbar flexion, the dowel leaves the sacrum). Keep the hinge unloaded until the back stays neutral.",
			Client:   "Your lower back rounds as you bend forward. We will teach you to keep it long, which is kinder to your back.",
			Evidence: evidence,
		})
	}
	if slices.Contains(h.Faults, HingeSquatting) || slices.Contains(h.Faults, HingeKneesForward) {
		in.add(Finding{
			Code:     FindHingeSquatting,
			Severity: SeverityLow,
			Coach:    "Squats the hinge (knees travel forward). Cue \"hips back, soft knees\".",
			Client:   "You bend your knees a lot when you lean forward. We will practise sending your hips back instead.",
			Evidence: evidence,
		})
	}
	if !h.ThoracicContact {
		in.add(Finding{
			Code:     FindThoracicMobility,
			Severity: SeverityLow,
			Coach:    "The dowel leaves the mid-back during the hinge: limited thoracic mobility. Add thoracic extension and rotation.",
			Client:   "Your upper back is a little stiff. Some mobility work will help it move more freely.",
			Evidence: evidence,
		})
	}
}

// postureSeverity maps a posture rating to a finding severity; ok is false
// below PostureFlagMin.
func postureSeverity(rating string) (Severity, bool) {
	switch rating {
	case SeverityMild:
		return SeverityInfo, postureRank(SeverityMild) >= postureRank(PostureFlagMin)
	case SeverityModerate:
		return SeverityLow, postureRank(SeverityModerate) >= postureRank(PostureFlagMin)
	case SeverityMarked:
		return SeverityModerateFinding, true
	}
	return SeverityInfo, false
}

// postureRank orders the posture ratings.
func postureRank(s string) int {
	return slices.Index(PostureRatings, s)
}

// posture applies rule 15 [94][95].
func (in *Interpretation) posture(p *Posture) {
	if p == nil {
		return
	}
	items := [3]struct {
		code, rating, name, coach, client string
	}{
		{FindForwardHead, p.ForwardHead, "forward head", "Forward head posture: chin nods and upper-back strengthening.",
			"Your head sits a little in front of your shoulders, which is very common with feeding and looking down at a baby. Strengthening your upper back will help."},
		{FindRoundedShoulders, p.RoundedShoulders, "rounded shoulders", "Rounded shoulders: band rows, pull-aparts, face pulls and a doorway chest stretch.",
			"Your shoulders roll forward, often from feeding and carrying. We will open up your chest and strengthen your upper back."},
		{FindKyphosis, p.ThoracicKyphosis, "thoracic kyphosis", "Thoracic kyphosis: thoracic extension and rotation mobility, and upper-back strength.",
			"Your upper back is rounded. We will add movements that help it straighten and turn more easily."},
	}
	for _, it := range items {
		sev, ok := postureSeverity(it.rating)
		if !ok {
			continue
		}
		in.add(Finding{
			Code:     it.code,
			Severity: sev,
			Coach:    upperFirst(it.rating) + " " + lowerFirst(it.coach),
			Client:   it.client,
			Evidence: it.name + ": " + it.rating,
		})
	}
}

// dailyLoad flags long sitting and frequent child lifting from the context.
func (in *Interpretation) dailyLoad(c *Context) {
	if c == nil {
		return
	}
	if c.SittingHours != nil && *c.SittingHours >= LongSittingHours {
		in.add(Finding{
			Code:     FindLongSitting,
			Severity: SeverityLow,
			Coach:    "Sits about " + fmtNum(*c.SittingHours) + " hours a day: break up sitting and add hip-flexor and thoracic mobility.",
			Client:   "You spend a lot of the day sitting. Short movement breaks and a few stretches will help your back.",
			Evidence: "sitting " + fmtNum(*c.SittingHours) + " h a day",
		})
	}
	if c.ChildLifting == FrequentLifting {
		in.add(Finding{
			Code:     FindFrequentLifting,
			Severity: SeverityLow,
			Coach:    "Lifts or carries a child many times a day: teach the hip hinge and carrying early, as this is daily load on her back and midline.",
			Client:   "You lift and carry your child many times a day. We will practise ways of doing it that are easier on your back.",
			Evidence: "child lifting: many times a day",
		})
	}
}

// generalFinding is the foundation every client gets.
func generalFinding(notTested []string) Finding {
	ev := "applies to every client"
	if len(notTested) > 0 {
		words := make([]string, len(notTested))
		for i, k := range notTested {
			words[i] = NotTestedInWords(k)
		}
		ev += "; not tested: " + strings.Join(words, ", ")
	}
	return Finding{
		Code:     FindGeneral,
		Severity: SeverityInfo,
		Coach:    "Foundations: breathing with deep-core and pelvic-floor activation, walking towards 150 minutes of moderate activity a week, and basic glute, core and upper-back strength.",
		Client:   "Every plan starts with the same foundations: breathing well, connecting with your deep core and pelvic floor, walking, and building strength in your hips, middle and upper back.",
		Evidence: ev,
	}
}

// weeksText writes weeks since birth, "less than a week" for 0.
func weeksText(w int) string {
	if w == 0 {
		return "less than a week"
	}
	return plural(w, "week")
}

// fmtNum writes a number without trailing zeros: 2, 2.5.
func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// fmtDeg writes an angle in degrees, rounded to a tenth; signed adds "+"
// to positive angles.
func fmtDeg(v float64, signed bool) string {
	s := strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
	if signed && v > 0 {
		s = "+" + s
	}
	return s + "°"
}

// upperFirst capitalises the first letter of an ASCII word.
func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// lowerFirst lower-cases the first letter of an ASCII sentence.
func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return s
	}
	return string(s[0]-'A'+'a') + s[1:]
}

// choiceWords words the stored choice values a coach reads in evidence;
// any other value is shown with its underscores as spaces.
var choiceWords = map[string]string{
	FaultTFLFlexion:      "TFL substitution (hip flexes and turns in)",
	HingeLumbarHyperext:  "lumbar hyperextension",
	HingeSquatting:       "squatting the hinge",
	PHEHamstringDominant: "hamstring-dominant",
	PHELumbarDominant:    "lumbar-dominant",
	PHENoGlute:           "no glute felt",
	PHEGluteLed:          "glute-led",
	SiteSacroiliac:       "sacroiliac joint",
	SitePubic:            "pubic bone",
}

// choiceWord words one stored value for a coach.
func choiceWord(v string) string {
	if l, ok := choiceWords[v]; ok {
		return l
	}
	return strings.ReplaceAll(v, "_", " ")
}

// choiceList words a list of stored values, comma-separated.
func choiceList(vs []string) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = choiceWord(v)
	}
	return strings.Join(out, ", ")
}
