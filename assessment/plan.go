package assessment

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// The shape of a week and of a plan (seed 004's template; docs/PROGRAMME.md
// "The week"). A tired mother can live with it: two upper-body days, two
// short glute days and a hip-mobility day, two days with no session.
const (
	// MaxSessionsPerWeek: Monday, Tuesday, Thursday, Friday and Saturday.
	MaxSessionsPerWeek = 5
	// MinRestDays: Wednesday and Sunday carry no session.
	MinRestDays = 2
	// MaxExercisesPerSession: more than six exercises is not a session a
	// mother fits around a baby (H).
	MaxExercisesPerSession = 6
	// MaxExercisesPerPhase: the same sessions repeat through a phase so she
	// learns them; at most this many different exercises in one (H).
	MaxExercisesPerPhase = 14
	// MinPhaseWeeks is the shortest phase; MinPhaseWeeksLong the shortest
	// in plans of LongPlanWeeks or more (H, after the 4-week phases of
	// domain.md §8).
	MinPhaseWeeks     = 2
	MinPhaseWeeksLong = 3
	LongPlanWeeks     = 8
	// HabitMaxMinutes is the most a rest day's daily habit may take.
	HabitMaxMinutes = 3
	// MinHabitReps: a rest-day pelvic-floor habit shorter than this is
	// left out rather than squeezed in (H).
	MinHabitReps = 3
	// IntegrationLiftMinutes is added to the glute days in the integration
	// phase, so squatting to lift her child fits beside the glute work (H).
	IntegrationLiftMinutes = 5
)

// Weekly progression within a phase (rule 14, domain.md §8 [87][88]): each
// week adds reps (about a fifth of the first week's) or hold time (about a
// tenth, at least 5 s). The gentle set starts easier: one set fewer and
// two thirds of the reps or hold (H).
const (
	RepStepFraction    = 0.2
	HoldStepFraction   = 0.1
	MinHoldStepSeconds = 5
	EarlyDoseFraction  = 2.0 / 3
	// RepRangeTopFraction is the top of a line's rep range over its first
	// week: reps stop rising there, and she steps up to the next variation
	// at the reassessment when the top feels easy (rule 14, H).
	RepRangeTopFraction = 0.4
	// HoldRangeTopFraction is the same top for a hold or stretch (H).
	HoldRangeTopFraction = 0.5
	// EarlyWalkStartSeconds is the longest first walk in the gentle set:
	// 10 minutes, the top of the "5 to 10 minutes" the plan's walking
	// advice gives for the first weeks (H, domain.md rule 2 [70]).
	EarlyWalkStartSeconds = 600
)

// upperSpec is Monday and Friday: upper body with the emphasis on the back,
// then chest stretches (seed template; rule 15). The same session both
// days, so she learns it.
func upperSpec(early bool) sessionSpec {
	name := "Upper body and back, with chest stretches"
	if early {
		name = "Breathing and upper-back ease"
	}
	return sessionSpec{name: name, budget: UpperSessionMinutes, liftMinutes: IntegrationLiftMinutes, slots: []slotSpec{
		{family: FamilyBreathing, keep: 5, when: coreCare, prefer: []string{FindDiastasis, FindPelvicFloor}},
		// Carrying her child and the shopping: a loaded carry in the
		// integration phase, when her gates allow one.
		{family: FamilyCore, keep: 9, minPhase: integrationPhase, demand: DemandFloorLift, prefer: []string{FindFrequentLifting}},
		{family: FamilyUpperBack, keep: 10, prefer: []string{FindRoundedShoulders}},
		{family: FamilyUpperBack, keep: 8, prefer: []string{FindForwardHead}},
		{family: FamilyCore, keep: 9, prefer: []string{FindDiastasis, FindDoming}},
		{family: FamilyChest, keep: 7, prefer: []string{FindRoundedShoulders}},
		{family: FamilyChest, keep: 4, prefer: []string{FindThoracicMobility}},
	}}
}

// gluteSpec is Tuesday and Thursday: the seed's 15-minute glute workout,
// with hinge practice, and a leg exercise that carries the strength into
// lifting her child in the integration phase. In the gentle set it is
// pelvic-floor breathing and gentle hip work instead.
func gluteSpec(early bool) sessionSpec {
	if early {
		return sessionSpec{name: "Pelvic floor and gentle hips", budget: GluteSessionMinutes, slots: []slotSpec{
			{family: FamilyPelvicFloor, keep: 10, repeat: true, prefer: []string{FindPelvicFloor}},
			{family: FamilyPelvicTilt, keep: 9, prefer: []string{FindEarlyPostpartum, FindRecentCaesarean}},
			{family: FamilyBreathing, keep: 7, repeat: true, prefer: []string{FindPelvicFloor}},
			{family: FamilyHipMobility, keep: 6, prefer: []string{FindShortHipFlexors}},
		}}
	}
	return sessionSpec{name: "Glutes", budget: GluteSessionMinutes, liftMinutes: IntegrationLiftMinutes, slots: []slotSpec{
		{family: FamilyGlutes, keep: 10, prefer: []string{FindGluteMaxWeak}, lead: FindGluteMaxWeak, leadRoot: "glute_bridge"},
		{family: FamilyGlutes, keep: 9, prefer: []string{FindGluteMedWeak}, lead: FindGluteMedWeak, leadRoot: "side_lying_abduction"},
		// Rule 3: pelvic-floor symptoms get pelvic-floor training by name,
		// the squeeze before a cough or lift once she has the contraction.
		{family: FamilyPelvicFloor, keep: 8, when: pelvicCare, repeat: true, prefer: []string{FindPelvicFloor}, lead: FindPelvicFloor},
		{family: FamilyHinge, keep: 7, when: noDrill, repeat: true, prefer: []string{FindHingeFair}},
		// With the hinge left out for pain, a third glute exercise keeps the
		// session near its 15 minutes.
		{family: FamilyGlutes, keep: 6, when: hingePainful, prefer: []string{FindGluteMaxWeak}},
		// Squatting to lift her child comes right after the main glute
		// exercise in the integration phase.
		{family: FamilyLegs, keep: 9, minPhase: 2, prefer: []string{FindFrequentLifting}},
		// Lifting a weight from the floor with the hinge she has learnt.
		// It gives way to glute work a weak glute needs (rules 10 and 11).
		{family: FamilyHinge, keep: 10, minPhase: integrationPhase, when: glutesNotWeak, demand: DemandLoadedHinge, prefer: []string{FindFrequentLifting}},
	}}
}

// hingePainful: the hinge was painful in the screen, so it is left out.
func hingePainful(g *gen) bool { return g.f.Hinge.Pain }

// glutesNotWeak: no glute max or glute med weakness was found.
func glutesNotWeak(g *gen) bool { return !g.has(FindGluteMaxWeak) && !g.has(FindGluteMedWeak) }

// integrationPhase is the index of the integration phase in PhaseNames:
// lifting and carrying from the floor (a squat to lift her child, carries)
// starts there, when her gates allow it.
const integrationPhase = 2

// upperSpecs and gluteSpecs are built once: [0] the usual sessions, [1]
// the gentle set's.
var (
	upperSpecs = [2]sessionSpec{upperSpec(false), upperSpec(true)}
	gluteSpecs = [2]sessionSpec{gluteSpec(false), gluteSpec(true)}
)

// mobilitySpec is Saturday's hip-mobility routine.
var mobilitySpec = sessionSpec{name: "Hip mobility", budget: MobilitySessionMinutes, slots: []slotSpec{
	{family: FamilyHipMobility, keep: 10, prefer: []string{FindShortHipFlexors, FindAnteriorTilt}},
	{family: FamilyPelvicTilt, keep: 8, prefer: []string{FindAnteriorTilt}},
	{family: FamilyHipMobility, keep: 9, prefer: []string{FindShortRectus, FindTFLTightness}},
	{family: FamilyBreathing, keep: 5, repeat: true},
}}

// walkSlot is the easy walk of the rest days [72].
var walkSlot = slotSpec{family: FamilyConditioning, repeat: true}

// phaseWeek builds the week every week of a phase repeats (its doses rise
// week by week, progressLine).
func (g *gen) phaseWeek(phaseIdx int) [7]dayPlan {
	used := map[string]bool{}
	k := 0
	if g.early {
		k = 1
	}
	upper := g.session(&upperSpecs[k], phaseIdx, used)
	glute := g.session(&gluteSpecs[k], phaseIdx, used)
	mob := g.session(&mobilitySpec, phaseIdx, used)
	rest := g.restDay(phaseIdx, g.habitFits(g.pelvicHabit(glute, phaseIdx), upper, glute, mob))
	var week [7]dayPlan
	for d := range week {
		week[d] = rest
		week[d].day = time.Weekday(d)
	}
	for _, x := range []struct {
		day time.Weekday
		dp  dayPlan
	}{{time.Monday, upper}, {time.Tuesday, glute}, {time.Thursday, glute}, {time.Friday, upper}, {time.Saturday, mob}} {
		if len(x.dp.lines) > 0 {
			x.dp.day = x.day
			week[x.day] = x.dp
		}
	}
	return week
}

// pelvicHabit is the pelvic-floor line of the glute session as a one-set
// daily habit, when she needs pelvic-floor care (symptoms, the first 12
// weeks, a recent caesarean) or is in the gentle set: pelvic-floor
// training works when it is daily, not twice a week (a physiotherapist's
// review; domain.md rule 3). Nil otherwise.
//
// It is the contractions themselves (the family's first step), also when
// the session has moved on to the squeeze before a cough or lift: that is
// a skill to use in the moment, not a replacement for the training (the
// second physiotherapist's review).
func (g *gen) pelvicHabit(glute dayPlan, phaseIdx int) *Prescription {
	if !pelvicCare(g) && !g.early {
		return nil
	}
	if !slices.ContainsFunc(glute.lines, func(l Prescription) bool {
		e, ok := g.lib.Get(l.ExerciseID)
		return ok && e.Family == FamilyPelvicFloor
	}) {
		return nil
	}
	for _, root := range g.ch.familyRoots[FamilyPelvicFloor] {
		if e := g.step(root, 0); e != nil {
			l := g.prescribe(e, PhaseNames[phaseIdx])
			l.Sets = 1
			return &l
		}
	}
	return nil
}

// habitFits replaces the rest-day pelvic-floor habit pf by the glute
// session's own pelvic-floor line when pf would be one exercise too many
// for the phase (MaxExercisesPerPhase).
func (g *gen) habitFits(pf *Prescription, sessions ...dayPlan) *Prescription {
	if pf == nil {
		return nil
	}
	ids := map[string]bool{pf.ExerciseID: true}
	var own *Prescription
	for _, dp := range sessions {
		for _, l := range dp.lines {
			ids[l.ExerciseID] = true
			if e, ok := g.lib.Get(l.ExerciseID); ok && e.Family == FamilyPelvicFloor && own == nil {
				own = &l
			}
		}
	}
	if g.drill != nil {
		ids[g.drill.ID] = true
	}
	if len(ids)+1 <= MaxExercisesPerPhase || own == nil { // +1: the walk
		return pf
	}
	l := *own
	l.Sets = 1
	return &l
}

// withReps is l with n reps (when it has reps).
func withReps(l Prescription, n int) Prescription {
	if l.Reps > 0 {
		l.Reps = n
	}
	return l
}

// restDay is a day with no session: the daily hinge habit and pelvic-floor
// practice (pf, nil when not needed) when she needs them, and an easy walk.
func (g *gen) restDay(phaseIdx int, pf *Prescription) dayPlan {
	dp := dayPlan{session: "Rest", rest: true}
	var habits []string
	phase := PhaseNames[phaseIdx]
	if g.drill != nil {
		habit := g.drillLine()
		habit.Sets = 1 // a 2–3 minute habit, not a session
		// The hinge drill opens every session already; when the pelvic
		// floor needs the rest days too and both do not fit in the
		// habit's minutes, the pelvic floor has them.
		if pf == nil || g.sessionSeconds([]Prescription{habit, withReps(*pf, MinHabitReps)}, phase) <= HabitMaxMinutes*60 {
			dp.lines = append(dp.lines, habit)
			habits = append(habits, "hinge")
		}
	}
	if pf != nil {
		// Fewer squeezes when the hinge habit leaves less of the 3 minutes.
		l := *pf
		for l.Reps > MinHabitReps && g.sessionSeconds(append(dp.lines[:len(dp.lines):len(dp.lines)], l), phase) > HabitMaxMinutes*60 {
			l.Reps--
		}
		if g.sessionSeconds(append(dp.lines[:len(dp.lines):len(dp.lines)], l), phase) <= HabitMaxMinutes*60 {
			dp.lines = append(dp.lines, l)
			habits = append(habits, "pelvic-floor")
		}
	}
	if len(habits) > 0 {
		dp.session = "Rest: 2–3 minutes of " + strings.Join(habits, " and ") + " practice"
	}
	for _, root := range g.ch.familyRoots[walkSlot.family] {
		if e := g.step(root, 0); e != nil && !slices.Contains(e.Demands, DemandImpact) {
			dp.lines = append(dp.lines, g.prescribe(e, PhaseNames[phaseIdx]))
			if len(habits) > 0 {
				dp.session += " and an easy walk"
			} else {
				dp.session = "Rest: an easy walk"
			}
			break
		}
	}
	return dp
}

// firstPhase is where the plan starts: at activation, unless she is
// strong already (clean hinge with a long back, a measured midline with no
// diastasis signs, both glutes tested and not weak, little pain, no
// pelvic-floor symptoms, past the caesarean and early windows), when she
// starts at strength (H, domain.md §8: the phases follow the findings).
func (g *gen) firstPhase() int {
	f := g.f
	gl := g.r.Glutes
	tested := gl != nil && gl.Left != nil && gl.Right != nil && gl.Left.MaxGrade != "" && gl.Right.MaxGrade != "" && gl.Left.MedGrade != "" && gl.Right.MedGrade != ""
	strong := !g.early && f.Hinge.RDLReady && f.Diastasis.Checked && !f.Diastasis.Signs() &&
		tested && !g.has(FindGluteMaxWeak) && !g.has(FindGluteMedWeak) && len(f.PelvicSymptoms) == 0 &&
		f.Pain.PainKnown && f.Pain.Gate < PainModerateMin && !g.has(FindRecentCaesarean)
	if strong {
		return 1
	}
	return 0
}

// phasePlan splits the weeks into phases from PhaseNames[first]: one phase
// for the gentle set (held until she is reassessed, rule 2), two in plans
// under 9 weeks and three from 9 weeks, as evenly as possible with any
// extra week to the earlier phases (12 weeks: 4/4/4 [21][85]; 8 weeks:
// 4/4; 4 weeks: 2/2). No phase is shorter than MinPhaseWeeks, nor than
// MinPhaseWeeksLong in plans of LongPlanWeeks or more.
func phasePlan(weeks, first int, early bool) []Phase {
	k := 2
	if weeks >= 9 {
		k = 3
	}
	k = min(k, len(PhaseNames)-first)
	if early {
		k = 1
	}
	out := make([]Phase, 0, k)
	start := 1
	for i := range k {
		length := weeks / k
		if i < weeks%k {
			length++
		}
		out = append(out, phaseInfo(PhaseNames[first+i], start, start+length-1))
		start += length
	}
	return out
}

// PhaseTitle is the coach's name for a phase ("Strength").
func PhaseTitle(name string) string { return phaseInfo(name, 0, 0).Title }

// phaseInfo words one phase and its entry criteria.
func phaseInfo(name string, first, last int) Phase {
	p := Phase{Name: name, FirstWeek: first, LastWeek: last}
	switch name {
	case PhaseActivation:
		p.Title = "Activation and control"
		p.Aim = "Wake up the deep core and glutes, learn to bend from the hips and ease stiff areas, with light doses and careful form."
		p.Criteria = []Criterion{
			{CriterionScreenClear, "The safety screen is complete and nothing on it stops exercise."},
		}
	case PhaseStrength:
		p.Title = "Strength"
		p.Aim = "Build strength with more sets and harder variations; step up when the top of the rep range feels easy and pain stays at 3/10 or less."
		p.Criteria = []Criterion{
			{CriterionScreenClear, "The safety screen is complete and nothing on it stops exercise."},
			{CriterionPastEarly, "At least " + strconv.Itoa(EarlyPostpartumWeeks) + " weeks since the birth, with the GP's go-ahead recorded after a caesarean in the first " + strconv.Itoa(CaesareanHealingWeeks) + " weeks."},
			{CriterionPainGreen, "Pain today " + strconv.Itoa(PainModerateMin-1) + "/10 or less."},
			{CriterionHingeFair, "The hip hinge scores 2 or 3, without pain."},
			{CriterionNoDoming, "No marked doming when she lifts her head."},
		}
	case PhaseIntegration:
		p.Title = "Integration"
		p.Aim = "Carry the new strength into lifting, carrying and everyday tasks with heavier or single-leg variations."
		p.Criteria = []Criterion{
			{CriterionScreenClear, "The safety screen is complete and nothing on it stops exercise."},
			{CriterionCaesareanHealed, "At least " + strconv.Itoa(CaesareanHealingWeeks) + " weeks since the birth when it was (or may have been) a caesarean."},
			{CriterionPainGreen, "Pain today " + strconv.Itoa(PainModerateMin-1) + "/10 or less."},
			{CriterionHingeClean, "A clean hip hinge: 3/3 with a long back."},
			{CriterionMidlineFirm, "No marked doming and no gap that is both wide and soft."},
			{CriterionGlutesStrong, "Both glutes grade 4 or more on each side."},
		}
	}
	return p
}

// Phase entry criteria codes.
const (
	CriterionScreenClear     = "screen_clear"
	CriterionPastEarly       = "past_early_window"
	CriterionPainGreen       = "pain_green"
	CriterionHingeFair       = "hinge_fair"
	CriterionNoDoming        = "no_marked_doming"
	CriterionCaesareanHealed = "caesarean_healed"
	CriterionHingeClean      = "hinge_clean"
	CriterionMidlineFirm     = "midline_firm"
	CriterionGlutesStrong    = "glutes_strong"
	CriterionPelvicPhysio    = "pelvic_physio_seen"
	CriterionPubicClear      = "pubic_pain_clear"
)

// pubicCriterion gates every phase after the first on the pubic pain
// settling when she reported it: the later phases bring one-leg work (a
// physiotherapist's review).
var pubicCriterion = Criterion{CriterionPubicClear,
	"No pain at the front of the pelvis (pubic bone) at the reassessment, or a pelvic-health physiotherapist has cleared one-leg work."}

// pelvicPhysioCriterion gates every phase after the first on the
// pelvic-health physiotherapist's visit when pelvic-floor symptoms were
// reported (rule 3 [64][68]): the referral says "until then", so the plan
// waits for it.
var pelvicPhysioCriterion = Criterion{CriterionPelvicPhysio,
	"She has seen the pelvic-health physiotherapist, and no pelvic-floor symptoms are recorded at the reassessment (or the physiotherapist's advice is followed instead)."}

// CriterionCheck is one criterion read against a reassessment.
type CriterionCheck struct {
	Criterion
	Met bool `json:"met"`
}

// CheckCriteria reads each criterion against record r (missing answers
// count as not met).
func CheckCriteria(cs []Criterion, r *Record) []CriterionCheck {
	f := FactsOf(r)
	gates := gatesFrom(r, f)
	out := make([]CriterionCheck, len(cs))
	for i, c := range cs {
		out[i] = CriterionCheck{Criterion: c, Met: criterionMet(c.Code, r, f, gates)}
	}
	return out
}

func criterionMet(code string, r *Record, f Facts, gates []Gate) bool {
	switch code {
	case CriterionScreenClear:
		return !Blocked(gates)
	case CriterionPastEarly:
		for _, g := range gates {
			if g.Code == GateEarlyPostpartum || g.Code == GatePostpartumUnknown || g.Code == GateNoGoAhead || g.Code == GateScarConcern {
				return false
			}
		}
		return true
	case CriterionPainGreen:
		return f.Pain.PainKnown && f.Pain.Gate < PainModerateMin
	case CriterionHingeFair:
		return f.Hinge.Tested && !f.Hinge.Pain && f.Hinge.Score >= HingeScoreFair
	case CriterionNoDoming:
		return f.Diastasis.Checked && !f.Diastasis.Marked && !f.Diastasis.DomingUnknown
	case CriterionCaesareanHealed:
		return f.Postpartum == PostpartumNone || (f.Postpartum == PostpartumKnown && (f.Weeks >= CaesareanHealingWeeks || !(f.Caesarean || f.ModeUnknown)))
	case CriterionHingeClean:
		return f.Hinge.RDLReady
	case CriterionPelvicPhysio:
		return r.PelvicFloor != nil && len(f.PelvicSymptoms) == 0
	case CriterionPubicClear:
		return r.Pain != nil && !slices.Contains(r.Pain.Sites, SitePubic)
	case CriterionMidlineFirm:
		return !f.Diastasis.Severe
	case CriterionGlutesStrong:
		gl := r.Glutes
		if gl == nil || gl.Left == nil || gl.Right == nil {
			return false
		}
		for _, g := range []Grade{gl.Left.MaxGrade, gl.Right.MaxGrade, gl.Left.MedGrade, gl.Right.MedGrade} {
			if g.Value() < 4 {
				return false
			}
		}
		return true
	}
	return false
}

// PhaseProposal is what Keel proposes at a reassessment: the phase she is
// in on the day, the next one and which of its criteria are met.
type PhaseProposal struct {
	Current string           `json:"current"`
	Next    string           `json:"next,omitempty"` // "" when she is in the last phase
	Checks  []CriterionCheck `json:"checks,omitempty"`
	// Ready: every criterion of Next is met, so Keel proposes moving on.
	Ready bool `json:"ready"`
}

// ProposeNextPhase reads reassessment r against programme p: the phase of
// p in progress on r's date (the first phase before p starts), the phase
// that follows it in PhaseNames, and that phase's criteria checked on r.
func ProposeNextPhase(p *Programme, r *Record) PhaseProposal {
	var out PhaseProposal
	if p == nil || r == nil || len(p.Phases) == 0 {
		return out
	}
	out.Current = p.Phases[0].Name
	for _, w := range p.Weeks {
		if !w.Start.After(r.Date) {
			out.Current = w.Phase
		}
	}
	i := slices.Index(PhaseNames, out.Current)
	if i < 0 || i+1 >= len(PhaseNames) {
		return out
	}
	out.Next = PhaseNames[i+1]
	cs := phaseInfo(out.Next, 0, 0).Criteria
	for _, ph := range p.Phases {
		if ph.Name == out.Next {
			cs = ph.Criteria // the plan's own, with any the client's findings added
		}
	}
	if slices.ContainsFunc(p.Referrals, func(rf Referral) bool { return rf.Code == FindPelvicFloor }) {
		if !slices.ContainsFunc(cs, func(c Criterion) bool { return c.Code == CriterionPelvicPhysio }) {
			cs = append(slices.Clone(cs), pelvicPhysioCriterion)
		}
	}
	out.Checks = CheckCriteria(cs, r)
	out.Ready = true
	for _, c := range out.Checks {
		out.Ready = out.Ready && c.Met
	}
	return out
}

// progressLine sets line l's dose for week k (0 = the first) of a phase:
// the gentle set starts easier (its walk too when shortWalk), and every
// week adds reps or hold time to a line without a weight or band (a
// weighted line's effort rises instead: howHard).
func progressLine(l *Prescription, k int, early, shortWalk bool) {
	walk := l.Reps == 0 && holdUnit(l.HoldSeconds) == 60
	if early && (!walk || shortWalk) {
		l.Sets = max(1, l.Sets-1)
		if l.Reps > 0 {
			l.Reps = max(1, int(float64(l.Reps)*EarlyDoseFraction+0.5))
		} else if l.HoldSeconds > 0 {
			l.HoldSeconds = max(MinHoldStepSeconds, roundTo(int(float64(l.HoldSeconds)*EarlyDoseFraction), holdUnit(l.HoldSeconds)))
			if walk {
				l.HoldSeconds = min(l.HoldSeconds, EarlyWalkStartSeconds)
			}
		}
	}
	if k == 0 || l.HowHard != "" {
		return // a weighted line rises in effort (howHard), not in reps
	}
	if l.Reps > 0 {
		top := l.Reps + int(float64(l.Reps)*RepRangeTopFraction+0.5)
		l.Reps = min(MaxDoseReps, top, l.Reps+k*max(1, int(float64(l.Reps)*RepStepFraction+0.5)))
		return
	}
	if l.HoldSeconds > 0 {
		top := MaxHoldSeconds
		if l.HoldSeconds < 120 {
			// A hold or stretch stops at the top of its range too; a walk
			// keeps building towards the weekly target [72].
			top = l.HoldSeconds + roundTo(int(float64(l.HoldSeconds)*HoldRangeTopFraction), MinHoldStepSeconds)
		}
		l.HoldSeconds = min(top, l.HoldSeconds+k*max(MinHoldStepSeconds, roundTo(int(float64(l.HoldSeconds)*HoldStepFraction), holdUnit(l.HoldSeconds))))
	}
}

// holdUnit is the step a hold is rounded to: whole minutes for a walk,
// 5 s for a hold or stretch.
func holdUnit(s int) int {
	if s >= 120 {
		return 60
	}
	return MinHoldStepSeconds
}

// roundTo rounds n to the nearest multiple of step.
func roundTo(n, step int) int { return (n + step/2) / step * step }

// howHard says in plain words how heavy a weight or strong a band to use
// in week k (0 = the first) of phase, "" when e uses neither. Effort rises
// week by week through the reps left in reserve: from 5 in activation, 3
// in strength and 2 in integration, one fewer each week down to 3, 2 and
// 1 (H, after the ACSM novice range and its load progression [87][88]).
func howHard(e *Exercise, phase string, k int) string {
	weight, band := false, false
	for _, q := range e.Equipment {
		switch q {
		case EquipKettlebell, EquipDumbbell, EquipBarbell, EquipCable:
			weight = true
		case EquipBand:
			band = true
		}
	}
	if !weight && !band {
		return ""
	}
	start, floor := 5, 3
	switch phase {
	case PhaseStrength:
		start, floor = 3, 2
	case PhaseIntegration:
		start, floor = 2, 1
	}
	left := max(floor, start-k)
	times := strconv.Itoa(left) + " more times"
	if left == 1 {
		times = "once more"
	}
	if d := doseFor(e, phase); d.Reps == 0 && d.HoldSeconds > 0 {
		// A timed hold or carry: reserve in seconds, not in lifts (a
		// physiotherapist read "lift 2 more times" on a 30-second carry as
		// meaningless).
		more := "about " + strconv.Itoa(HoldReserveSeconds*left) + " seconds longer"
		if weight {
			return "A weight you could hold " + more + " at the end of each round, standing tall; go a little heavier when it feels lighter."
		}
		return "A band you could hold " + more + " at the end of each round, with the same good form; take a stronger band when it feels easy."
	}
	if weight {
		return "A weight you could lift " + times + " at the end of each set, with the same good form; go a little heavier when it feels lighter."
	}
	return "A band you could pull " + times + " at the end of each set, with the same good form; take a stronger band when it feels easy."
}

// HoldReserveSeconds is how a rep in reserve reads on a timed hold or
// carry: 5 seconds more she could hold it (H).
const HoldReserveSeconds = 5

// hardKey names one how_hard wording.
type hardKey struct {
	id, phase string
	week      int
}

// howHardAt is howHard for exercise id, written once per phase and week.
func (g *gen) howHardAt(id, phase string, k int) string {
	key := hardKey{id, phase, k}
	if h, ok := g.hard[key]; ok {
		return h
	}
	var h string
	if e, ok := g.lib.Get(id); ok {
		h = howHard(e, phase, k)
	}
	if g.hard == nil {
		g.hard = map[hardKey]string{}
	}
	g.hard[key] = h
	return h
}

// stopRule words her stop rule from her pain today (domain.md §7 and rule
// 13, the traffic light [84]): during exercise 0–3 is fine, 4–5 holds or
// eases off, PainStopMin or more stops and goes back a step. From
// PainStopMin today the plan is gentle and any rise above the pain she
// started with stops the exercise (a physiotherapist read "leave it at 7"
// beside "never train at 6 or more" as a contradiction). Not recorded, any
// pain brought on stops it. Diastasis signs (or a midline not checked)
// add going back a step when the tummy domes (rule 6).
// Pelvic-floor symptoms add leaking, heaviness or dragging (rule 3 [67]);
// a recent or possible caesarean adds the wound, bleeding, fever, calf and
// breathing signs that need her midwife or GP ([70]).
func stopRule(f Facts) string {
	p := f.Pain
	stop := strconv.Itoa(PainStopMin)
	var s string
	switch {
	case !p.PainKnown:
		s = "Your pain was not recorded, so stop any exercise that brings pain on or makes it worse than before you started, and tell your coach."
	case p.Gate >= PainStopMin:
		now := strconv.Itoa(p.Gate)
		s = "Your pain is " + now + "/10 today, which is high, so"
		if p.GateFromWorst {
			s = "Your pain reached " + now + "/10 this week, which is high, so"
		}
		s += " the plan keeps to gentle exercises that should not add to it. Stop any exercise that makes your pain rise above where it was when you started: rest or go back to an easier version, and tell your coach. Never carry on through a rise in pain, and do less if it is worse the next day."
	case p.Gate >= PainModerateMin:
		s = "Your pain is " + strconv.Itoa(p.Gate) + "/10 today."
		if p.GateFromWorst {
			s = "Your pain reached " + strconv.Itoa(p.Gate) + "/10 this week."
		}
		s += " If an exercise takes it above that, ease off (fewer reps or an easier version); stop and go back a step if it reaches " + stop + "/10 or is worse the next day."
	default:
		s = "Pain up to 3/10 during an exercise is fine. At 4–5/10 ease off and do not step up; stop and go back a step if it reaches " + stop + "/10, rises above where it was when you started and stays there, or is worse the next day."
	}
	if len(f.PelvicSymptoms) > 0 {
		s += " Stop or make the exercise easier if you leak, feel a sudden urge to pass urine, or feel heaviness or dragging in the pelvis, during or after it."
	}
	if f.Diastasis.Signs() {
		s += " If your tummy rises into a ridge or dome along the middle during an exercise, go back to the easier version."
	}
	recent := f.Postpartum == PostpartumUnknown || (f.Postpartum == PostpartumKnown && f.Weeks < CaesareanHealingWeeks)
	if recent && len(f.PelvicSymptoms) == 0 {
		s += " Stop or make the exercise easier if you leak, or feel heaviness or dragging in the pelvis."
	}
	switch {
	case f.Postpartum == PostpartumUnknown || (recent && (f.Caesarean || f.ModeUnknown)):
		// a clot is an emergency, the wound and bleeding a same-day call
		s += " Stop and call your midwife or GP if a caesarean wound becomes red, weeps or opens, your bleeding gets heavier, or you have a fever. Go to A&E or call the emergency number if a calf becomes painful or swollen, or you feel suddenly short of breath."
	case f.ScarConcern:
		// Months after the birth the scar is the concern, not bleeding or
		// a clot (a physiotherapist's review).
		s += " Stop and call your midwife or GP if the caesarean scar becomes red, hot, weeps or opens, or you have a fever."
	}
	return s
}

// programme assembles the result.
func (g *gen) programme() *Programme {
	p := &Programme{Format: FormatProgramme, Options: g.opts, Referrals: referralsFrom(g.r, g.f),
		Weeks: []Week{}, Excluded: []Exclusion{}}
	if p.Referrals == nil {
		p.Referrals = []Referral{}
	}
	if Blocked(g.gates) {
		p.Blocked = true
		for _, gt := range g.gates {
			if gt.Blocks {
				p.Limits = append(p.Limits, gt.Reason)
			}
		}
		return p
	}
	for _, gt := range g.gates {
		if gt.Code != GateImpactReadiness {
			p.Limits = append(p.Limits, gt.Reason)
		}
	}
	p.StopRule = stopRule(g.f)
	p.Phases = phasePlan(g.opts.Weeks, g.firstPhase(), g.early)
	if g.f.Hinge.Pain {
		for i := range p.Phases {
			if p.Phases[i].Name == PhaseActivation {
				p.Phases[i].Aim = "Wake up the deep core and glutes and ease stiff areas, with light doses and careful form; bending practice waits until a physiotherapist has looked at the painful hinge."
			}
		}
	}
	// Checks that can no longer fail (a vaginal birth 12 weeks or more ago,
	// or no birth) are left out of the printed criteria: a physiotherapist
	// asked what to check in "a caesarean in the first 12 weeks" for a
	// client who had none.
	settled := g.f.Postpartum == PostpartumNone || g.f.Postpartum == PostpartumKnown && !g.f.Caesarean && !g.f.ModeUnknown && g.f.Weeks >= CaesareanHealingWeeks && !g.f.ScarConcern
	pubic := g.r.Pain != nil && slices.Contains(g.r.Pain.Sites, SitePubic)
	for i := range p.Phases {
		if settled {
			p.Phases[i].Criteria = slices.DeleteFunc(slices.Clone(p.Phases[i].Criteria), func(c Criterion) bool {
				return c.Code == CriterionPastEarly || c.Code == CriterionCaesareanHealed
			})
		}
		if i > 0 && len(g.f.PelvicSymptoms) > 0 {
			p.Phases[i].Criteria = append(p.Phases[i].Criteria, pelvicPhysioCriterion)
		}
		if i > 0 && pubic {
			p.Phases[i].Criteria = append(p.Phases[i].Criteria, pubicCriterion)
		}
	}
	if g.early {
		p.Phases[0].Title = "Gentle recovery"
		// The phase runs to the end of the plan's weeks, but it is held for
		// a reassessment, not for a number of weeks (a physiotherapist read
		// "Weeks 1–8" as eight weeks of five-minute sessions).
		p.Phases[0].Aim = "Breathing and the pelvic floor, walking and easy mobility, a little more each week. This phase lasts until your next check-in, not a set number of weeks; if the check-in is later than planned, keep to these sessions and walks and add nothing harder."
	}
	var plans [3][7]dayPlan
	nLines, nCodes := 0, 0
	for _, ph := range p.Phases {
		i := slices.Index(PhaseNames, ph.Name)
		plans[i] = g.phaseWeek(i)
		weeks := ph.LastWeek - ph.FirstWeek + 1
		for _, dp := range plans[i] {
			nLines += weeks * len(dp.lines)
			for _, l := range dp.lines {
				nCodes += weeks * len(l.Findings)
			}
		}
	}
	// Every week gets its own copy of its lines (a coach's edit to one
	// week must not change another), carved out of two allocations.
	lines := make([]Prescription, 0, nLines)
	codes := make([]string, 0, nCodes)
	days := make([]Day, 0, 7*g.opts.Weeks)
	p.Weeks = make([]Week, 0, g.opts.Weeks)
	lastHold := map[string]int{}
	for _, ph := range p.Phases {
		w := &plans[slices.Index(PhaseNames, ph.Name)]
		for n := ph.FirstWeek; n <= ph.LastWeek; n++ {
			start := g.opts.Start.AddDays(7 * (n - 1))
			d0 := len(days)
			for k := range 7 {
				dp := w[start.AddDays(k).Weekday()]
				l0 := len(lines)
				// Rest-day habits (hinge and pelvic-floor practice) keep
				// their first week's dose so they stay a 2–3 minute habit;
				// the sessions' own lines carry the progression.
				for li, l := range dp.lines {
					c0 := len(codes)
					codes = append(codes, l.Findings...)
					l.Findings = codes[c0:len(codes):len(codes)]
					k := n - ph.FirstWeek
					if dp.rest && li < len(dp.lines)-1 {
						k = 0
					}
					progressLine(&l, k, g.early, g.shortWalk)
					if l.Sets == 1 && l.HoldSeconds > 0 && l.Reps == 0 {
						// A walk never gets shorter at a phase change.
						l.HoldSeconds = max(l.HoldSeconds, lastHold[l.ExerciseID])
						lastHold[l.ExerciseID] = l.HoldSeconds
					}
					if c, ok := g.repCap[l.ExerciseID]; ok && l.Reps > c {
						l.Reps = c
					}
					if l.HowHard != "" && n > ph.FirstWeek {
						l.HowHard = g.howHardAt(l.ExerciseID, ph.Name, n-ph.FirstWeek)
					}
					lines = append(lines, l)
				}
				ex := lines[l0:len(lines):len(lines)]
				days = append(days, Day{Day: dayNames[dp.day], Session: dp.session, Rest: dp.rest,
					Minutes: minutesOf(g.sessionSeconds(ex, ph.Name)), Exercises: ex})
			}
			p.Weeks = append(p.Weeks, Week{Week: n, Phase: ph.Name, Start: start, Days: days[d0:len(days):len(days)]})
		}
	}
	scheduled := map[string]bool{}
	for _, l := range lines {
		for _, c := range l.Findings {
			scheduled[c] = true
		}
	}
	p.Focus = append(g.focus(scheduled), g.everyday(p)...)
	p.Excluded = g.excluded()
	return p
}

// Everyday advice beside the sessions (H unless marked).
const (
	// WeeklyWalkTargetMinutes: about 150 minutes of moderate activity a
	// week, built up by walking most days [72].
	WeeklyWalkTargetMinutes = 150
	// ReviewAfterReferralDays: a plan held for a health professional's
	// opinion is reviewed about two weeks on (rule 14, H).
	ReviewAfterReferralDays = 14
)

// everyday is the advice that goes with every plan: daily walking built up
// as her gates allow [72], her own classes where a rule changes them
// (rule 5: curls and full planks in Pilates), and when she is next
// reassessed (rule 14: phases change at a reassessment).
func (g *gen) everyday(p *Programme) []Focus {
	f := g.f
	var out []Focus
	walks := strings.Contains(strings.ToLower(g.ctxActivity()), "walk")
	switch {
	case f.Pain.Persistent:
		out = append(out, Focus{Title: "Walk every day", Reason: "Walk every day as far as is comfortable: gentle walking usually helps back pain. Keep to a pace where your pain stays where it was when you set off."})
	case g.early && !g.shortWalk:
		out = append(out, Focus{Title: "Keep walking", Reason: "Keep up your walks at a pace where you can still talk and your pain does not rise. The rest-day walks in the plan count towards them."})
	case g.early && f.Postpartum == PostpartumUnknown:
		// Not "your bleeding": she may be years past the birth.
		out = append(out, Focus{Title: "Walk every day", Reason: "Take an easy walk every day, starting with 5 to 10 minutes and adding a few minutes each week, as long as nothing hurts more (and, if your baby was born in the last few weeks, as long as your bleeding does not get heavier). The rest-day walks in the plan are the longest ones."})
	case g.early:
		out = append(out, Focus{Title: "Walk every day", Reason: "Take a short, easy walk every day, starting with 5 to 10 minutes and adding a few minutes each week, as long as your bleeding does not get heavier and nothing hurts more. The rest-day walks in the plan are the longest ones."})
	case walks:
		out = append(out, Focus{Title: "Keep walking", Reason: "Keep up your daily walks at a pace where you can still talk, building towards about " + strconv.Itoa(WeeklyWalkTargetMinutes) + " minutes a week. The rest-day walks in the plan count towards it."})
	default:
		out = append(out, Focus{Title: "Walk most days", Reason: "Walk on most days at a pace where you can still talk. The two rest-day walks in the plan get a little longer each week; shorter walks of your own on other days count too, building over the weeks towards about " + strconv.Itoa(WeeklyWalkTargetMinutes) + " minutes a week in all."})
	}
	pilates := strings.Contains(strings.ToLower(g.ctxActivity()), "pilates")
	switch {
	case pilates && slices.ContainsFunc(g.gates, func(gt Gate) bool { return len(gt.Only) > 0 }):
		// The gentle set only: a mat class asks for more than the plan
		// allows (a physiotherapist read "change the curl-ups" as leave to
		// do the rest of the class).
		out = append(out, Focus{Title: "Your Pilates class", Reason: "Please pause your Pilates class for now: until we check in again, your plan keeps to gentle exercises, and a mat class asks for more (kneeling on all fours, curling up, long holds). We will tell you when to go back and what to change."})
	case pilates && g.f.Diastasis.Signs():
		out = append(out, Focus{Title: "Your Pilates class", Reason: "For now, leave out or change the curl-ups, roll-ups and full planks in your Pilates class (ask the teacher for an easier version, such as a head-down or knee-down option), until your tummy stays flat while you do them."})
	}
	if g.early && (f.Postpartum == PostpartumUnknown || f.Postpartum == PostpartumKnown && (f.Weeks < EarlyPostpartumWeeks || (f.Caesarean || f.ModeUnknown) && !f.GoAhead && f.Weeks < CaesareanHealingWeeks)) {
		// domain.md [70]: nothing heavier than the baby in the first weeks;
		// a mother has to lift her baby, so the plan says what that means.
		out = append(out, Focus{Title: "Lifting for now", Reason: "Lift nothing heavier than your baby for now: ask for help with an older child, the car seat, the buggy and the shopping until your coach says the plan can move on."})
	}
	if tips := g.everydayMoves(); tips != "" {
		out = append(out, Focus{Title: "What makes it worse", Reason: tips})
	}
	if g.wantsToRun() && !g.early && len(f.PelvicSymptoms) == 0 && !f.Pain.High && !f.Hinge.Pain && len(f.GluteNerve) == 0 && !f.ScarConcern {
		// Her goal is running and nothing but the impact checks stands in
		// the way: say when they happen, so "left out" is not "never" (a
		// physiotherapist's review of the clean example).
		when := "at your next check-in"
		if f.Postpartum == PostpartumKnown && f.Weeks < ImpactReadyWeeks {
			when = "once you are " + strconv.Itoa(ImpactReadyWeeks) + " weeks or more past the birth"
		}
		out = append(out, Focus{Title: "Back to running", Reason: "Running is not in the plan yet. It comes back after a few checks of strength and impact: a 30-minute walk, balancing and squatting on one leg, jogging on the spot, hopping and bounding, and 20 slow repeats of a few one-leg strength moves (calf raise, bridge, sit to stand), all without pain, leaking or heaviness. We will do them " + when + " and plan your return from there."})
	}
	if why := g.review(p); why != "" {
		out = append(out, Focus{Title: FocusNextCheckIn, Reason: why})
	}
	return out
}

// everydayMoves turns what she said makes her pain worse into a tip for
// that moment (H, from domain.md: no sit-up-style rising after a caesarean
// [70]; exhale on effort and a long back when lifting, rules 3 and 12).
// A physiotherapist's review: these cost nothing and often matter most.
// "" when nothing she named has a tip.
func (g *gen) everydayMoves() string {
	if g.r.Pain == nil {
		return ""
	}
	text := strings.ToLower(g.r.Pain.Aggravators)
	var tips []string
	add := func(words []string, tip string) {
		for _, w := range words {
			if strings.Contains(text, w) {
				tips = append(tips, tip)
				return
			}
		}
	}
	add([]string{"out of bed", "getting up from", "rising from bed"}, "Getting out of bed: roll onto your side first, then push up with your arms as your legs go over the edge, rather than sitting straight up.")
	if g.f.Hinge.Pain || !g.f.Hinge.Tested {
		// Not a hinge drill when bending hurt or was not screened: ways
		// round the bend until someone has looked at it (a
		// physiotherapist's review).
		add([]string{"cot", "bath", "bending", "bend", "floor"}, "Bending to the cot, the bath or the floor: kneel or half-kneel to reach low, lower the cot's side or raise its mattress if you can, and bring your child close to you before you stand up.")
	} else {
		add([]string{"cot", "bath", "bending", "bend", "floor"}, "Bending to the cot, the bath or the floor: bend your knees a little, push your hips back with your back long, and breathe out as you lift.")
	}
	add([]string{"car seat", "lifting", "lift", "carry"}, "Lifting the car seat or your child: hold it close to your body, breathe out as you lift, and turn with your feet rather than twisting.")
	add([]string{"feeding", "feed", "sling"}, "Feeding: sit back with your back supported and bring the baby up to you on a cushion, rather than leaning down.")
	add([]string{"sitting", "car journey", "driving", "drive", "long car"}, "Long sitting or drives: get up and move for a minute or two every half hour or so, and sit back with your back supported.")
	add([]string{"standing", "stand"}, "Standing for long: shift your weight between your feet and keep your knees soft; a short walk eases it.")
	return strings.Join(tips, " ")
}

// wantsToRun reports whether her goals or what she does now name running.
func (g *gen) wantsToRun() bool {
	var text string
	if c := g.r.Context; c != nil {
		text = strings.ToLower(c.Goals + " " + c.CurrentActivity)
	}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "run", "runs", "running", "runner", "jog", "jogs", "jogging", "parkrun":
			return true
		}
	}
	return false
}

// FocusNextCheckIn titles the focus item that says when she is next
// reassessed: the one date every reader (screen, handout) gives.
const FocusNextCheckIn = "Next check-in"

// dayText writes d as she would say it: "Monday 16 November".
func dayText(d Date) string { return d.Time().Format("Monday 2 January") }

// ctxActivity is what she does now, "" when not recorded.
func (g *gen) ctxActivity() string {
	if g.r.Context == nil {
		return ""
	}
	return g.r.Context.CurrentActivity
}

// referralDestinations counts the different people her referrals send her
// to.
func referralDestinations(rs []Referral) int {
	seen := map[string]bool{}
	for _, r := range rs {
		seen[r.To] = true
	}
	return len(seen)
}

// review says when she is next reassessed (rule 14): at the 6-week check
// in the early window, once the missing date or go-ahead is recorded, two
// weeks after a referral's opinion, else at the end of the first phase.
func (g *gen) review(p *Programme) string {
	f := g.f
	held := f.Pain.Persistent || f.Hinge.Pain || len(f.GluteNerve) > 0 || len(f.PelvicSymptoms) > 0 || f.ScarConcern
	switch {
	case f.Postpartum == PostpartumUnknown:
		return "We will widen the plan as soon as your coach records your baby's birth date."
	case f.Postpartum == PostpartumKnown && f.Weeks < EarlyPostpartumWeeks && !g.r.Date.IsZero():
		d := g.r.Date.AddDays(7 * (EarlyPostpartumWeeks - f.Weeks))
		return "We will check in again at your 6-week check, around " + dayText(d) + "; with your GP's go-ahead the plan moves on from the gentle set."
	case g.has(FindEarlyPostpartum) && (f.Caesarean || f.ModeUnknown) && !f.GoAhead:
		return "We will move on from the gentle set once your GP's go-ahead is recorded."
	case held && !g.r.Date.IsZero():
		// Two weeks from the plan's first day (a physiotherapist read "about
		// 2 weeks" beside a date one week into the plan).
		from := g.r.Date
		if !g.opts.Start.IsZero() {
			from = g.opts.Start
		}
		who := "the professional named above"
		if tos := referralDestinations(p.Referrals); tos > 1 {
			who = "the professionals named above"
		}
		return "We will check in again in about 2 weeks (around " + dayText(from.AddDays(ReviewAfterReferralDays)) + "), once you have seen " + who + ", and move on when they agree. If you cannot get an appointment by then, tell your coach."
	case len(p.Phases) > 1 && !g.opts.Start.IsZero():
		end := p.Phases[0].LastWeek
		return "We will reassess you at the end of week " + strconv.Itoa(end) + " (around " + dayText(g.opts.Start.AddDays(7*end-1)) + "); the next phase starts when its checks are met."
	}
	return ""
}
