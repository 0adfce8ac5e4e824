package assessment

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// Session budgets and the duration estimate (docs/PROGRAMME.md, "How long a
// session takes"). A session's slots are filled in priority order, each
// with the best exercise that still fits the budget.
const (
	// GluteSessionMinutes: the seed article's glute days are 15-minute
	// workouts.
	GluteSessionMinutes = 15
	// UpperSessionMinutes: an upper-body session with its chest stretches
	// (H); long enough for two back exercises, a core exercise and two
	// stretches at activation dosage.
	UpperSessionMinutes = 25
	// MobilitySessionMinutes: the Saturday hip-mobility routine (H).
	MobilitySessionMinutes = 20
	// SetupSeconds is added once per exercise in a session for getting into
	// position and picking up equipment (H).
	SetupSeconds = 30
	// DefaultRepSeconds is the time of one rep when a dose gives no tempo:
	// 1–2 s up and 1–2 s down [87].
	DefaultRepSeconds = 4
)

// Scoring weights for choosing between chains (H): a finding the client has
// counts far more than the template's preference, so her findings decide.
const (
	weightFinding = 10 // each of the client's findings the exercise answers
	weightGeneral = 1  // the "general" target
	weightPrefer  = 3  // each target the slot prefers (Tuesday glute max, Thursday glute med)
	weightWeakSet = 15 // a one-side dose for a muscle with a weaker side, so the extra set has a home
	weightReused  = -1000
	weightLead    = 1000 // the chain a rule names for a finding (slotSpec.leadRoot)
)

// Generate builds a programme for the client assessed in r from the
// exercises in lib. It never fails for a valid record and options; errors
// are EINVALID (a nil or invalid record, no library, weeks outside 4–12,
// unknown equipment).
//
// When a red flag is answered yes or unsure and no medical clearance dated
// on or after the assessment is recorded (Record.ClearanceStatus), the
// programme is Blocked: no weeks, only referrals. Otherwise
// every week follows the weekly template (docs/PROGRAMME.md), adapted to the
// findings; no exercise a safety gate forbids is ever chosen, and every
// exercise a gate or the equipment list rules out is listed in Excluded
// with its reason. The result depends only on r, lib and opts: the same
// input gives the same programme, byte for byte.
func Generate(r *Record, lib *Library, opts ProgrammeOptions) (*Programme, error) {
	if r == nil {
		return nil, Errorf(EINVALID, "There is no assessment to build a programme from.")
	}
	if lib == nil || len(lib.Exercises) == 0 {
		return nil, Errorf(EINVALID, "The exercise library is empty, so there is nothing to build a programme from.")
	}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	opts, avail, err := resolveOptions(r, opts)
	if err != nil {
		return nil, err
	}
	g := newGen(r, lib, opts, avail)
	return g.programme(), nil
}

// resolveOptions fills the defaults and checks the coach's choices.
func resolveOptions(r *Record, o ProgrammeOptions) (ProgrammeOptions, map[string]bool, error) {
	if o.Weeks == 0 {
		o.Weeks = DefaultProgrammeWeeks
	}
	if o.Weeks < MinProgrammeWeeks || o.Weeks > MaxProgrammeWeeks {
		return o, nil, FieldErrorf(EINVALID, "weeks", "Choose a programme of %d to %d weeks.", MinProgrammeWeeks, MaxProgrammeWeeks)
	}
	avail, err := availableEquipment(o.Equipment)
	if err != nil {
		return o, nil, err
	}
	if len(o.Equipment) > 0 {
		eq := slices.Clone(o.Equipment)
		slices.Sort(eq)
		o.Equipment = slices.Compact(eq)
	}
	if o.Start.IsZero() {
		o.Start = NextMonday(r.Date)
	} else if y := o.Start.Time().Year(); y < MinRecordYear || y > MaxRecordYear {
		return o, nil, FieldErrorf(EINVALID, "start", "Check the year of the start date.")
	}
	return o, avail, nil
}

// NextMonday returns the first Monday after d (a week after d when d is a
// Monday): the default start, which leaves a few days to send the
// programme and buy a band.
func NextMonday(d Date) Date {
	n := (int(time.Monday) - int(d.Weekday()) + 7) % 7
	if n == 0 {
		n = 7
	}
	return d.AddDays(n)
}

// slotSpec is one place in a session for an exercise of a family.
type slotSpec struct {
	family   string
	prefer   []string        // targets that earn weightPrefer
	keep     int             // trimming order: the lowest goes first
	minPhase int             // index into PhaseNames from which the slot is used
	when     func(*gen) bool // nil means always
	repeat   bool            // may reuse a chain already used this week (skill practice)
	// lead, when the client has that finding, keeps the slot to exercises
	// answering it, and leadRoot's chain first (rule 11: a glute max
	// deficit gets the bridge, then the single-leg bridge, then the hip
	// thrust, whatever a one-sided exercise would score).
	lead, leadRoot string
	// demand, when set, keeps the slot to exercises that make it (the
	// integration phase's lift from the floor and carry).
	demand string
}

// sessionSpec is one training day of the weekly template.
type sessionSpec struct {
	day    time.Weekday
	name   string
	budget int // minutes
	// liftMinutes is added in the integration phase, for the squat to
	// lift her child beside the glute work (H).
	liftMinutes int
	slots       []slotSpec
}

// coreCare: breathing opens the upper-body sessions when the deep core or
// pelvic floor needs attention first (rule 2, 3 and 5).
func coreCare(g *gen) bool {
	return g.has(FindDiastasis) || g.has(FindDiastasisSoft) || g.has(FindDoming) || g.has(FindPelvicFloor) || g.early
}

// answers reports whether e answers one of her findings ("general" counts:
// foundation work answers everyone).
func (g *gen) answers(e *Exercise) bool {
	for _, t := range e.Targets {
		if g.find[t] {
			return true
		}
	}
	return false
}

// pelvicCare: pelvic-floor symptoms, or the months after a birth, keep
// pelvic-floor training in the glute sessions (rule 3).
func pelvicCare(g *gen) bool {
	return g.has(FindPelvicFloor) || g.has(FindUnder12Weeks) || g.has(FindRecentCaesarean)
}

// noDrill: the hinge slot is left out when the daily drill already covers
// the hinge.
func noDrill(g *gen) bool { return g.drill == nil }

// Day names as the JSON form writes them.
var dayNames = [7]string{time.Sunday: "sun", time.Monday: "mon", time.Tuesday: "tue", time.Wednesday: "wed", time.Thursday: "thu", time.Friday: "fri", time.Saturday: "sat"}

// DayName is the short name of a weekday in a programme ("mon").
func DayName(d time.Weekday) string { return dayNames[d] }

// findingOrder ranks the finding codes for choosing exercises, wording
// reasons and listing the focus: safety first, then what most shapes the
// plan (H).
var findingOrder = []string{
	FindPelvicFloor, FindScarConcern, FindEarlyPostpartum, FindRecentCaesarean, FindUnder12Weeks, FindPainHigh,
	FindDiastasis, FindDiastasisSoft, FindDoming,
	FindHingePain, FindHingePoor, FindHingeLumbarFlex, FindHingeSquatting, FindHingeFair,
	FindGluteMaxWeak, FindGluteMedWeak, FindGluteAsymmetry,
	FindAnteriorTilt, FindShortHipFlexors, FindShortRectus, FindTFLTightness, FindPosteriorTilt,
	FindRoundedShoulders, FindForwardHead, FindKyphosis, FindThoracicMobility,
	FindFrequentLifting, FindLongSitting, FindPainModerate, FindPainLow,
	FindGeneral,
}

// gen holds one generation's inputs and the decisions read from them.
type gen struct {
	r     *Record
	f     Facts
	lib   *Library
	ch    *chainIndex
	opts  ProgrammeOptions
	avail map[string]bool
	gates []Gate
	in    Interpretation

	find   map[string]bool
	order  []string          // the client's findings, in findingOrder
	asym   map[string]string // FindGluteMaxWeak / FindGluteMedWeak → weaker side
	asymEv map[string]string // evidence for the extra-set reason
	hinge  int               // hinge score, -1 when not tested
	early  bool              // hold every week at activation (rule 2)
	// shortWalk: the gentle set's walk starts short (the first weeks after
	// the birth); false when she is past them and walks already, so the
	// plan does not cut her walking (a physiotherapist's review).
	shortWalk bool
	drill     *Exercise            // daily hinge drill, nil when not needed
	ok        []int8               // per library position: 0 unknown, 1 allowed, -1 not
	why       map[*Exercise]why    // cached reasons
	steps     map[[2]int]*Exercise // (root position, target level) → step's answer
	cands     []candidate          // buffer for candidates
	hard      map[hardKey]string   // how_hard wording, written once per exercise, phase and week
	drillP    *Prescription        // the drill line, once written
	// repCap holds the most reps a line of an exercise may ask for, from
	// what she managed in the screen (the single-leg bridge).
	repCap map[string]int
}

// newGen reads everything generation needs from the record.
func newGen(r *Record, lib *Library, opts ProgrammeOptions, avail map[string]bool) *gen {
	f := FactsOf(r)
	g := &gen{r: r, f: f, lib: lib, ch: lib.chainsOf(), opts: opts, avail: avail, gates: gatesFrom(r, f), hinge: f.Hinge.Score,
		find: map[string]bool{FindGeneral: true}, asym: map[string]string{}, asymEv: map[string]string{}}
	g.ok = make([]int8, len(lib.Exercises))
	g.why = make(map[*Exercise]why)
	g.steps = make(map[[2]int]*Exercise)
	g.in = interpret(r, f)
	for _, f := range g.in.Findings {
		g.find[f.Code] = true
	}
	// The rules the generator itself applies are read from the raw record
	// too, so they hold whatever Interpret concludes.
	for _, gt := range g.gates {
		switch gt.Code {
		case GatePelvicFloor, GateScarConcern, GateEarlyPostpartum, GateUnder12Weeks, GateRecentCaesarean, GatePainHigh, GateHingePain:
			g.find[gt.Code] = true
		case GatePostpartumUnknown, GateNoGoAhead:
			g.find[FindEarlyPostpartum] = true
		case GatePainPersistent:
			g.find[FindPainHigh] = true
		}
		if len(gt.Only) > 0 {
			g.early = true // the gentle set: rule 2's early window, or a referral pending
		}
	}
	pastEarly := f.Postpartum == PostpartumNone || f.Postpartum == PostpartumKnown && f.Weeks >= EarlyPostpartumWeeks
	g.shortWalk = g.early && !(pastEarly && strings.Contains(strings.ToLower(g.ctxActivity()), "walk"))
	g.setIf(FindDiastasis, f.Diastasis.Wide)
	g.setIf(FindDiastasisSoft, f.Diastasis.Soft)
	g.setIf(FindDoming, f.Diastasis.Doming)
	if f.Hinge.Tested {
		g.setIf(FindHingePoor, g.hinge <= HingeScorePoor)
		g.setIf(FindHingeFair, g.hinge == HingeScoreFair)
	}
	g.glutes()
	for _, c := range findingOrder {
		if g.find[c] {
			g.order = append(g.order, c)
		}
	}
	var extra []string
	for c := range g.find {
		if !slices.Contains(findingOrder, c) {
			extra = append(extra, c)
		}
	}
	slices.Sort(extra)
	g.order = append(g.order[:len(g.order)-1], append(extra, FindGeneral)...)
	if g.hinge > HingeScorePain && g.hinge <= HingeScorePoor && !f.Hinge.Pain {
		g.drill = g.pickDrill()
	}
	if n, ok := slBridgeMin(r.Glutes); ok {
		g.repCap = map[string]int{SingleLegBridgeID: max(MinCappedReps, int(float64(n)*SLBridgeRepFraction))}
	}
	return g
}

// SingleLegBridgeID is the exercise the glute screen measures (domain.md §3:
// single-leg bridge reps), so its dose is held below what she managed.
const SingleLegBridgeID = "single_leg_bridge"

// SLBridgeRepFraction: a set of single-leg bridges asks for at most this
// share of the fewest she managed on one side in the screen, so sets with
// rest stay below her maximum (H, after the ACSM novice range [87]);
// MinCappedReps is the floor.
const (
	SLBridgeRepFraction = 0.6
	MinCappedReps       = 5
)

// slBridgeMin is the fewest single-leg bridges recorded on either side.
func slBridgeMin(gl *Glutes) (int, bool) {
	if gl == nil {
		return 0, false
	}
	n, ok := 0, false
	for _, s := range [2]*GluteSide{gl.Left, gl.Right} {
		if s != nil && s.SingleLegBridgeReps != nil && (!ok || *s.SingleLegBridgeReps < n) {
			n, ok = *s.SingleLegBridgeReps, true
		}
	}
	return n, ok
}

func (g *gen) setIf(code string, cond bool) {
	if cond {
		g.find[code] = true
	}
}

func (g *gen) has(code string) bool { return g.find[code] }

// glutes reads weakness (grade 3+ or lower) and a left–right difference of
// a whole grade or more from the raw grades (rules 10 and 11) [33].
func (g *gen) glutes() {
	gl := g.r.Glutes
	if gl == nil {
		return
	}
	for _, s := range [2]*GluteSide{gl.Left, gl.Right} {
		if s == nil {
			continue
		}
		g.setIf(FindGluteMaxWeak, weakGrade(s.MaxGrade))
		g.setIf(FindGluteMedWeak, weakGrade(s.MedGrade))
	}
	if gl.Left == nil || gl.Right == nil {
		return
	}
	for _, m := range [2]struct {
		code, name string
		l, r       Grade
	}{{FindGluteMaxWeak, "glute max", gl.Left.MaxGrade, gl.Right.MaxGrade}, {FindGluteMedWeak, "glute med", gl.Left.MedGrade, gl.Right.MedGrade}} {
		lv, rv := m.l.Value(), m.r.Value()
		if lv < 0 || rv < 0 || lv-rv < GluteAsymmetryGrades-1e-9 && rv-lv < GluteAsymmetryGrades-1e-9 {
			continue
		}
		side := SideLeft
		if rv < lv {
			side = SideRight
		}
		g.asym[m.code] = side
		g.asymEv[m.code] = m.name + " left " + string(m.l) + "/5, right " + string(m.r) + "/5"
		g.find[FindGluteAsymmetry] = true
		g.find[m.code] = true
	}
}

// allowed reports whether e may be prescribed: no gate forbids it and its
// equipment is available.
func (g *gen) allowed(e *Exercise) bool {
	i := g.ch.pos[e.ID]
	if g.ok[i] == 0 {
		g.ok[i] = -1
		if len(GatesForbidding(g.gates, e)) == 0 && len(missingEquipment(e, g.avail)) == 0 {
			g.ok[i] = 1
		}
	}
	return g.ok[i] == 1
}

// startLevel is where a family's chains start (H): rule 12 sets the hinge
// by its score (no loading until the pattern is clean); glutes, legs and
// core start one step in when their screen was recorded and found nothing,
// and at the root otherwise. Early postpartum starts everything at the
// root.
func (g *gen) startLevel(family string) int {
	if g.early && family != FamilyBreathing {
		return 0
	}
	switch family {
	case FamilyHinge:
		switch {
		case g.hinge < 0:
			return 1
		case g.hinge <= HingeScorePoor:
			return 0
		case g.hinge == HingeScoreFair:
			return 2
		}
		return 3
	case FamilyGlutes, FamilyLegs:
		gl := g.r.Glutes
		tested := gl != nil && gl.Left != nil && gl.Right != nil && gl.Left.MaxGrade != "" && gl.Right.MaxGrade != "" && gl.Left.MedGrade != "" && gl.Right.MedGrade != ""
		if tested && !g.has(FindGluteMaxWeak) && !g.has(FindGluteMedWeak) {
			return 1
		}
	case FamilyBreathing:
		// Rule 5: the deep core and pelvic floor need activating, not only
		// breathing, when a diastasis, doming or pelvic-floor symptom was
		// found [13][15][16].
		if g.has(FindDiastasis) || g.has(FindDiastasisSoft) || g.has(FindDoming) || g.has(FindPelvicFloor) {
			return 1
		}
	case FamilyCore:
		if g.r.Diastasis != nil && !g.has(FindDiastasis) && !g.has(FindDiastasisSoft) && !g.has(FindDoming) && !g.has(FindPelvicFloor) {
			return 1
		}
	}
	return 0
}

// levelCap is the furthest along a chain the family may go for this client
// (H, rule 12): a poor hinge stays unloaded (the dowel hinge), a fair or
// untested hinge stops at the kettlebell deadlift from a box, and only a
// clean hinge (3/3) reaches the Romanian and barbell deadlifts.
func (g *gen) levelCap(family string) int {
	if family == FamilyHinge {
		switch {
		case g.hinge < 0, g.hinge == HingeScoreFair:
			return 3
		case g.hinge <= HingeScorePoor:
			return 2
		}
	}
	return maxChainLevel(family)
}

// maxStartLevel is the highest startLevel a family can have.
func maxStartLevel(family string) int {
	switch family {
	case FamilyHinge:
		return 3
	case FamilyGlutes, FamilyCore, FamilyLegs, FamilyBreathing:
		return 1
	}
	return 0
}

// step walks root's chain towards level target and returns the furthest
// allowed exercise at or below it: the main-line exercise at each level
// first, then the branches off the level below, in library order.
func (g *gen) step(root *Exercise, target int) *Exercise {
	line := g.ch.mainLine[root.ID]
	for lv := min(target, len(line)); lv >= 0; lv-- {
		if lv < len(line) && g.allowed(line[lv]) {
			return line[lv]
		}
		if lv == 0 {
			break
		}
		for _, b := range g.ch.children[line[lv-1].ID] {
			if (lv >= len(line) || b != line[lv]) && g.allowed(b) {
				return b
			}
		}
	}
	return nil
}

// score rates exercise e for a slot.
func (g *gen) score(e *Exercise, s slotSpec, phase string) int {
	n := 0
	for _, t := range e.Targets {
		switch {
		case t == FindGeneral:
			n += weightGeneral
		case g.find[t]:
			n += weightFinding
		}
		if slices.Contains(s.prefer, t) {
			n += weightPrefer
		}
		if _, ok := g.asym[t]; ok && doseFor(e, phase).PerSide {
			n += weightWeakSet
		}
	}
	return n
}

// candidate is one chain's exercise for a slot, with its score.
type candidate struct {
	e, root *Exercise
	score   int
}

// candidates ranks the chains of a slot's family for this phase: the
// exercise each chain offers, best score first, then library order.
func (g *gen) candidates(s slotSpec, phaseIdx int, used, inSession map[string]bool) []candidate {
	phase := PhaseNames[phaseIdx]
	target := min(g.startLevel(s.family)+phaseIdx, g.levelCap(s.family))
	out := g.cands[:0] // reused: the caller is done with the previous slot's list
	for _, root := range g.ch.familyRoots[s.family] {
		if inSession[root.ID] {
			continue
		}
		key := [2]int{g.ch.pos[root.ID], target}
		e, ok := g.steps[key]
		if !ok {
			e = g.step(root, target)
			g.steps[key] = e
		}
		if e == nil {
			continue
		}
		if phaseIdx < integrationPhase && slices.Contains(e.Demands, DemandFloorLift) {
			continue // lifting and carrying from the floor belongs to integration
		}
		if s.demand != "" && !slices.Contains(e.Demands, s.demand) {
			continue
		}
		if (s.family == FamilyHipMobility || s.family == FamilyPelvicTilt) && !g.answers(e) {
			continue // rules 7 and 9: a stretch or tilt drill answers a finding she has
		}
		lead := s.lead != "" && g.has(s.lead)
		if lead && !slices.Contains(e.Targets, s.lead) {
			continue
		}
		sc := g.score(e, s, phase)
		if lead && root.ID == s.leadRoot {
			sc += weightLead
		}
		if used[root.ID] && !s.repeat {
			sc += weightReused
		}
		out = append(out, candidate{e, root, sc})
	}
	// Roots are in library order, so a stable sort keeps it among equals.
	slices.SortStableFunc(out, func(a, b candidate) int { return b.score - a.score })
	g.cands = out
	return out
}

// pickDrill chooses the daily hinge drill: the furthest unloaded hinge
// exercise for a poor hinge (no further than the dowel hinge, level 2) that
// is allowed, in library order among equals.
func (g *gen) pickDrill() *Exercise {
	var best *Exercise
	for _, e := range g.lib.Exercises {
		if e.Family != FamilyHinge || slices.Contains(e.Demands, DemandLoadedHinge) || !slices.Contains(e.Targets, FindHingePoor) || !g.allowed(e) {
			continue
		}
		lv := g.ch.level[e.ID]
		if lv > g.levelCap(FamilyHinge) {
			continue
		}
		if best == nil || lv > g.ch.level[best.ID] {
			best = e
		}
	}
	return best
}

// doseFor returns e's dose in phase, else the nearest earlier phase's, else
// the nearest later one's.
func doseFor(e *Exercise, phase string) Dose {
	if d, ok := e.Dosage[phase]; ok {
		return d
	}
	i := slices.Index(PhaseNames, phase)
	for j := i - 1; j >= 0; j-- {
		if d, ok := e.Dosage[PhaseNames[j]]; ok {
			return d
		}
	}
	for j := i + 1; j < len(PhaseNames); j++ {
		if d, ok := e.Dosage[PhaseNames[j]]; ok {
			return d
		}
	}
	return Dose{Sets: 1, Reps: 1}
}

// prescribe writes the main line for e with the reason naming the
// client's findings it answers.
func (g *gen) prescribe(e *Exercise, phase string) Prescription {
	d := doseFor(e, phase)
	w, ok := g.why[e]
	if !ok {
		codes := g.matched(e)
		w = why{codes, g.reasonFor(codes, e.Family)}
		g.why[e] = w
	}
	return Prescription{ExerciseID: e.ID, Name: e.Name, Sets: d.Sets, Reps: d.Reps, HoldSeconds: d.HoldSeconds,
		Side: SideBoth, PerSide: d.PerSide, HowHard: howHard(e, phase, 0), Reason: w.reason, Findings: w.codes}
}

// why is the findings an exercise answers for this client and the reason
// worded from them; the same for every line of the exercise.
type why struct {
	codes  []string
	reason string
}

// matched lists the client's findings that e answers, in findingOrder,
// or just "general" when it answers none of them.
func (g *gen) matched(e *Exercise) []string {
	var codes []string
	for _, c := range g.order {
		if c != FindGeneral && slices.Contains(e.Targets, c) {
			codes = append(codes, c)
		}
	}
	if len(codes) == 0 {
		codes = []string{FindGeneral}
	}
	return codes
}

// reasonFor words why an exercise was chosen.
func (g *gen) reasonFor(codes []string, family string) string {
	if len(codes) == 1 && codes[0] == FindGeneral {
		return "Foundations (" + familyLabel(family) + "): " + findingLabel(FindGeneral) + "."
	}
	labels := make([]string, len(codes))
	for i, c := range codes {
		labels[i] = g.label(c)
	}
	return "For " + joinAnd(labels) + "."
}

// label names finding c for this client: the early window is only assumed
// when the birth date is not recorded, and the reason says so.
func (g *gen) label(c string) string {
	if c == FindEarlyPostpartum && g.f.Postpartum == PostpartumUnknown {
		return "the first weeks after a birth, assumed because the baby's birth date is not recorded"
	}
	return findingLabel(c)
}

// extraSet returns the extra line for the weaker side, when e works a
// muscle with a weaker side one side at a time (rule 10: +1 set on the weak
// side, H).
func (g *gen) extraSet(e *Exercise, phase string) (Prescription, bool) {
	d := doseFor(e, phase)
	if !d.PerSide {
		return Prescription{}, false
	}
	for _, m := range [2]string{FindGluteMedWeak, FindGluteMaxWeak} {
		side, ok := g.asym[m]
		if !ok || !slices.Contains(e.Targets, m) {
			continue
		}
		return Prescription{ExerciseID: e.ID, Name: e.Name, Sets: 1, Reps: d.Reps, HoldSeconds: d.HoldSeconds, Side: side, HowHard: howHard(e, phase, 0),
			Reason:   "One extra set on the weaker " + side + " side (" + g.asymEv[m] + ").",
			Findings: []string{FindGluteAsymmetry, m}}, true
	}
	return Prescription{}, false
}

// drillLine is the daily hinge practice line (written once, then reused).
func (g *gen) drillLine() Prescription {
	if g.drillP == nil {
		p := g.prescribe(g.drill, PhaseActivation)
		p.Reason = "Daily hinge practice: the hip hinge scored " + strconv.Itoa(g.hinge) + "/3. " + p.Reason
		if !slices.Contains(p.Findings, FindHingePoor) {
			p.Findings = append([]string{FindHingePoor}, p.Findings...) // a new slice: the cached one is shared
		}
		g.drillP = &p
	}
	return *g.drillP
}

// dayPlan is one day of a phase's week, before dates are attached.
type dayPlan struct {
	day     time.Weekday
	session string
	rest    bool
	lines   []Prescription
}

// session fills one session of the template. Slots are filled in order of
// priority (keep), each with the best-scoring exercise that still fits the
// session's budget, so a long exercise gives way to a shorter one rather
// than leaving the session half empty; the session's most important slot
// always gets its best exercise even if that alone overruns. The daily
// hinge drill, when she needs it, comes first and always stays.
func (g *gen) session(spec *sessionSpec, phaseIdx int, used map[string]bool) dayPlan {
	phase := PhaseNames[phaseIdx]
	budget := spec.budget * 60
	if phaseIdx >= 2 {
		budget += spec.liftMinutes * 60
	}
	spent := 0
	var drill []Prescription
	if g.drill != nil {
		drill = []Prescription{g.drillLine()}
		spent = g.sessionSeconds(drill, phase)
	}
	order := make([]int, 0, len(spec.slots))
	for i, s := range spec.slots {
		if phaseIdx >= s.minPhase && (s.when == nil || s.when(g)) {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return spec.slots[b].keep - spec.slots[a].keep })
	chosen := make([][]Prescription, len(spec.slots))
	inSession := map[string]bool{}
	count := len(drill)
	for n, i := range order {
		if count >= MaxExercisesPerSession {
			break
		}
		s := spec.slots[i]
		cands := g.candidates(s, phaseIdx, used, inSession)
		pick, pickLines, pickSecs := -1, []Prescription(nil), 0
		for k, c := range cands {
			if secs := g.itemSeconds(c.e, phase); spent+secs <= budget {
				pick = k
				pickLines, pickSecs = g.itemLines(c.e, phase)
				break
			}
		}
		if pick < 0 && (n == 0 && drill == nil || s.lead != "" && g.has(s.lead)) && len(cands) > 0 {
			// Nothing fits: the most important slot still gets its best,
			// and so does a slot a rule asks for by finding (rules 10
			// and 11: glute max and glute med work for a weak glute).
			pick = 0
			pickLines, pickSecs = g.itemLines(cands[0].e, phase)
		}
		if pick < 0 {
			continue
		}
		spent += pickSecs
		count++
		chosen[i] = pickLines
		inSession[cands[pick].root.ID] = true
		if !s.repeat {
			used[cands[pick].root.ID] = true
		}
	}
	lines := drill
	for _, ls := range chosen {
		lines = append(lines, ls...)
	}
	name := spec.name
	if n, ok := strings.CutSuffix(name, ", with chest stretches"); ok && !slices.ContainsFunc(lines, func(l Prescription) bool {
		e, ok := g.lib.Get(l.ExerciseID)
		return ok && e.Family == FamilyChest
	}) {
		name = n // no chest stretch fitted: the name says what is there
	}
	return dayPlan{day: spec.day, session: name, lines: lines}
}

// itemLines is the main line for e and, for a weaker side, its extra set,
// with their estimated seconds.
func (g *gen) itemLines(e *Exercise, phase string) ([]Prescription, int) {
	lines := []Prescription{g.prescribe(e, phase)}
	if x, ok := g.extraSet(e, phase); ok {
		lines = append(lines, x)
	}
	return lines, g.sessionSeconds(lines, phase)
}

// itemSeconds is itemLines' estimate without writing the lines.
func (g *gen) itemSeconds(e *Exercise, phase string) int {
	d := doseFor(e, phase)
	secs := SetupSeconds + doseSeconds(d, d.Sets, d.Reps, d.HoldSeconds, d.PerSide)
	if d.PerSide {
		for _, m := range [2]string{FindGluteMedWeak, FindGluteMaxWeak} {
			if _, ok := g.asym[m]; ok && slices.Contains(e.Targets, m) {
				secs += doseSeconds(d, 1, d.Reps, d.HoldSeconds, false)
				break
			}
		}
	}
	return secs
}

// sessionSeconds estimates a session with the library's doses for tempo
// and rest.
func (g *gen) sessionSeconds(lines []Prescription, phase string) int {
	return SessionSeconds(g.lib, phase, lines)
}

// minutesOf rounds seconds up to whole minutes.
func minutesOf(s int) int { return (s + 59) / 60 }

// SessionSeconds estimates how long a session takes, so a coach who edits
// a day can show its new length. For each line: sets × (sides × work +
// rest), where work is reps × seconds per rep (the hold when the line holds,
// else the sum of the tempo, else DefaultRepSeconds) or the hold alone when
// there are no reps, sides is 2 for a both-sides line done one side at a
// time (PerSide on the line or its dose), and tempo and rest come from the
// exercise's dose in phase.
// SetupSeconds is added once per distinct exercise. An exercise missing
// from lib counts with DefaultRepSeconds and no rest.
func SessionSeconds(lib *Library, phase string, lines []Prescription) int {
	total := 0
	for i, p := range lines {
		var d Dose
		if e, ok := lib.Get(p.ExerciseID); ok {
			d = doseFor(e, phase)
		}
		bothSides := (p.PerSide || d.PerSide) && (p.Side == SideBoth || p.Side == "")
		total += doseSeconds(d, p.Sets, p.Reps, p.HoldSeconds, bothSides)
		// Setup once per exercise: a session has a handful of lines, so a
		// scan beats a map.
		if !slices.ContainsFunc(lines[:i], func(q Prescription) bool { return q.ExerciseID == p.ExerciseID }) {
			total += SetupSeconds
		}
	}
	return total
}

// doseSeconds is sets × (sides × work + rest) for the given sets, reps and
// hold, with the tempo and rest of dose d (see SessionSeconds).
func doseSeconds(d Dose, sets, reps, hold int, bothSides bool) int {
	rep := DefaultRepSeconds
	if t, ok := tempoSeconds(d.Tempo); ok && t > 0 {
		rep = t
	}
	if hold > 0 {
		rep = hold
	}
	work := hold
	if reps > 0 {
		work = reps * rep
	}
	sides := 1
	if bothSides {
		sides = 2
	}
	return max(sets, 0) * (sides*max(work, 0) + max(d.RestSeconds, 0))
}

// focus lists what the plan works on, most important first, in client
// language (Interpret's client sentence when it gave one).
func (g *gen) focus(scheduled map[string]bool) []Focus {
	const maxFocus = 6
	client := map[string]string{}
	for _, f := range g.in.Findings {
		if _, ok := client[f.Code]; !ok {
			client[f.Code] = f.Client
		}
	}
	// What holds the plan back is said in its own words, so the focus
	// never promises work the plan leaves out.
	for _, gt := range g.gates {
		switch gt.Code {
		case GatePostpartumUnknown:
			client[FindEarlyPostpartum] = "We have not yet recorded when your baby was born, so we start with the gentlest work: breathing, your pelvic floor, walking and easy stretches. Your coach will widen the plan once the date is recorded."
		case GateNoGoAhead:
			if g.f.Postpartum == PostpartumKnown && g.f.Weeks >= EarlyPostpartumWeeks {
				client[FindEarlyPostpartum] = "After a caesarean we keep to breathing, your pelvic floor, walking and easy stretches until your GP says you are ready for more."
			}
		case GatePainPersistent:
			client[FindPainHigh] = "Your pain has stayed high, so we keep to gentle breathing, walking and easy stretches while a physiotherapist or your GP looks at it."
		case GateHingePain:
			client[FindHingePain] = "Bending from your hips hurt when we checked it, so bending practice waits until a physiotherapist has looked at it."
		case GateGluteNerve:
			client[FindGeneral] = "One of your buttock muscles barely switched on when we tested it, so we keep to gentle work until your GP has checked it."
		}
	}
	if g.early {
		if client[FindGeneral] != "" {
			client[FindGeneral] = "For now your plan keeps to breathing, your pelvic floor, walking and easy stretches, a little more each week; strength work comes once it is safe."
		}
		// The gentle set stretches and mobilises; it does not yet strengthen.
		for _, c := range []string{FindRoundedShoulders, FindForwardHead, FindKyphosis, FindThoracicMobility} {
			if client[c] != "" {
				client[c] = "For now we ease your chest and upper back with gentle stretches and movement; strengthening your upper back comes once it is safe."
			}
		}
	}
	var out []Focus
	shownPosture := false
	for _, c := range g.order {
		title, ok := focusTitles[c]
		if !ok || len(out) == maxFocus || (!restraint[c] && !scheduled[c]) {
			continue
		}
		if g.f.Hinge.Pain && hingeTeaching[c] {
			continue // bending practice waits for the physiotherapist
		}
		if g.early && postureFocus[c] {
			if shownPosture {
				continue // one gentle posture item says it all
			}
			shownPosture = true
			title = "Ease the chest and upper back"
		}
		reason := client[c]
		if reason == "" {
			reason = "Your plan includes work for " + g.label(c) + "."
		}
		out = append(out, Focus{Title: title, Reason: reason})
	}
	return out
}

// postureFocus lists the posture findings.
var postureFocus = map[string]bool{FindRoundedShoulders: true, FindForwardHead: true, FindKyphosis: true, FindThoracicMobility: true}

// hingeTeaching lists the findings whose focus promises hinge practice.
var hingeTeaching = map[string]bool{FindHingePoor: true, FindHingeLumbarFlex: true, FindHingeSquatting: true, FindHingeFair: true}

// restraint lists the findings whose focus is what the plan holds back
// (safety), shown whether or not an exercise answers them.
var restraint = map[string]bool{
	FindPelvicFloor: true, FindScarConcern: true, FindEarlyPostpartum: true, FindRecentCaesarean: true,
	FindUnder12Weeks: true, FindPainHigh: true, FindHingePain: true,
}

// excluded lists, by id, every exercise a gate forbids or the equipment
// rules out, with the reason.
func (g *gen) excluded() []Exclusion {
	out := []Exclusion{}
	ids := make([]*Exercise, len(g.lib.Exercises))
	copy(ids, g.lib.Exercises)
	slices.SortFunc(ids, func(a, b *Exercise) int { return strings.Compare(a.ID, b.ID) })
	for _, e := range ids {
		if g.allowed(e) {
			continue // neither a gate nor the equipment rules it out
		}
		var parts []string
		gates := GatesForbidding(g.gates, e)
		var codes []string
		for _, gt := range gates {
			codes = append(codes, gt.Code)
		}
		for _, d := range e.Demands {
			var by []string
			// "Schedule the impact tests" only when nothing else forbids
			// impact: a coach read it as an instruction for a client who
			// leaks or had a caesarean days ago.
			otherImpact := d == DemandImpact && slices.ContainsFunc(gates, func(gt Gate) bool {
				return gt.Code != GateImpactReadiness && slices.Contains(gt.Forbids, DemandImpact)
			})
			for _, gt := range gates {
				if len(gt.Only) > 0 && !slices.Contains(gt.Only, e.Family) {
					continue // said once below: outside the gentle set
				}
				if otherImpact && gt.Code == GateImpactReadiness {
					continue
				}
				if slices.Contains(gt.Forbids, d) {
					by = append(by, gateTitle(gt))
				}
			}
			if len(by) > 0 {
				parts = append(parts, upperFirst(demandLabel(d))+" ruled out by "+joinAnd(by)+".")
			}
		}
		var only []string
		for _, gt := range gates {
			if len(gt.Only) > 0 && !slices.Contains(gt.Only, e.Family) {
				only = append(only, gateTitle(gt))
			}
		}
		if len(only) > 0 {
			parts = append([]string{upperFirst(familyLabel(e.Family)) + " work is outside the gentle set (breathing, pelvic floor, walking, gentle mobility) that " + joinAnd(only) + " allows."}, parts...)
		}
		if miss := missingEquipment(e, g.avail); len(miss) > 0 {
			parts = append(parts, "Needs "+joinAnd(miss)+", which is not in the equipment list.")
		}
		if len(parts) == 0 {
			continue
		}
		out = append(out, Exclusion{ExerciseID: e.ID, Name: e.Name, Reason: strings.Join(parts, " "), Gates: codes})
	}
	return out
}

// DemandLabel is a demand tag in a coach's words ("lifting a weight from
// the floor"), for screens that list or explain tags.
func DemandLabel(d string) string { return demandLabel(d) }

// demandLabel is a demand tag in words.
func demandLabel(d string) string {
	switch d {
	case DemandImpact:
		return "impact (jumping, running)"
	case DemandLoadedFlexion:
		return "loaded trunk curls"
	case DemandHighPressure:
		return "high-pressure holds"
	case DemandHeavyLoad:
		return "heavy loads"
	case DemandLoadedHinge:
		return "loaded hip hinges"
	case DemandSingleLegLoad:
		return "full single-leg loading"
	case DemandLongLeverCore:
		return "long-lever core work"
	case DemandExternalLoad:
		return "holding or lifting a weight"
	case DemandRDLPattern:
		return "Romanian-deadlift hinges"
	case DemandHingePattern:
		return "the hip hinge"
	case DemandProneLying:
		return "lying face down"
	case DemandTrunkCurl:
		return "sit-up-style effort"
	case DemandDeepStretch:
		return "strong end-range stretches"
	case DemandBellyStretch:
		return "stretches across the belly"
	case DemandFloorLift:
		return "lifting a weight from the floor"
	case DemandFloorWork:
		return "work on hands and knees, on the floor or over a roller"
	case DemandUnevenPelvis:
		return "split, one-leg or wide stances"
	}
	return d
}

// gateTitle names a gate in a few words, to follow "ruled out by".
func gateTitle(gt Gate) string {
	if gt.title != "" {
		return gt.title
	}
	return codeTitle(gt.Code)
}

// codeTitle names the gate with code in a few words.
func codeTitle(code string) string {
	switch code {
	case GateRedFlag:
		return "a red flag without medical clearance"
	case GatePelvicFloor:
		return "pelvic-floor symptoms"
	case GateScarConcern:
		return "the caesarean scar concern"
	case GatePostpartumUnknown:
		return "the unrecorded time since birth"
	case GateEarlyPostpartum:
		return "being under 6 weeks since birth"
	case GateUnder12Weeks:
		return "being under 12 weeks since birth"
	case GateRecentCaesarean:
		return "a caesarean under 12 weeks ago"
	case GateImpactReadiness:
		return "return-to-impact checks not yet done (schedule the load and impact tests and the 20-rep strength tests)"
	case GatePainHigh:
		return "pain of 6/10 or more, or pain not recorded"
	case GateDiastasis:
		return "diastasis signs"
	case GateDiastasisSevere:
		return "a severe or unmeasured diastasis"
	case GatePregnant:
		return "pregnancy"
	case GateScreenIncomplete:
		return "an unfinished safety screen"
	case GateNoGoAhead:
		return "a caesarean under 12 weeks ago without the GP's go-ahead"
	case GatePainPersistent:
		return "persistent pain of 6/10 or more"
	case GateGluteNerve:
		return "a glute grade of 0 or 1"
	case GateHingeNotClean:
		return "a hip hinge not yet clean"
	case GateHingePoor:
		return "a hip hinge that does not yet keep the back long"
	case GateHingePain:
		return "a painful hip hinge"
	case GatePubicPain:
		return "pain at the front of the pelvis"
	}
	return code
}

// familyLabel names a family in plain words.
func familyLabel(f string) string {
	switch f {
	case FamilyUpperBack:
		return "upper back"
	case FamilyChest:
		return "chest and upper-back mobility"
	case FamilyHipMobility:
		return "hip mobility"
	case FamilyPelvicTilt:
		return "pelvic control"
	case FamilyPelvicFloor:
		return "pelvic floor"
	case FamilyConditioning:
		return "walking"
	case FamilyHinge:
		return "hip hinge"
	}
	return f
}

// findingLabel names a finding in plain words for a reason.
func findingLabel(code string) string {
	if l, ok := findingLabels[code]; ok {
		return l
	}
	return strings.ReplaceAll(code, "_", " ")
}

var findingLabels = map[string]string{
	FindGeneral:          "everyday back care after pregnancy",
	FindPelvicFloor:      "the pelvic-floor symptoms",
	FindScarConcern:      "the caesarean scar",
	FindEarlyPostpartum:  "the first weeks after birth",
	FindUnder12Weeks:     "the first three months after birth",
	FindRecentCaesarean:  "recovery from the caesarean",
	FindPainHigh:         "high pain",
	FindPainModerate:     "moderate pain",
	FindPainLow:          "mild pain",
	FindDiastasis:        "the gap between the tummy muscles (diastasis)",
	FindDiastasisSoft:    "the soft midline",
	FindDoming:           "doming of the tummy under effort",
	FindAnteriorTilt:     "the forward-tipped pelvis",
	FindPosteriorTilt:    "the tucked-under pelvis",
	FindShortHipFlexors:  "tight hip flexors",
	FindShortRectus:      "tight front-of-thigh muscles",
	FindTFLTightness:     "a tight outer hip",
	FindGluteMedWeak:     "weak side-hip muscles (glute med)",
	FindGluteMaxWeak:     "weak buttock muscles (glute max)",
	FindGluteAsymmetry:   "the weaker side",
	FindHingePoor:        "learning to bend from the hips",
	FindHingeFair:        "polishing the hip hinge",
	FindHingePain:        "the painful hip hinge",
	FindHingeSquatting:   "squatting instead of hinging",
	FindHingeLumbarFlex:  "the low back rounding when bending",
	FindThoracicMobility: "a stiff upper back",
	FindForwardHead:      "the forward head position",
	FindRoundedShoulders: "rounded shoulders",
	FindKyphosis:         "the rounded upper back",
	FindLongSitting:      "long hours of sitting",
	FindFrequentLifting:  "lifting and carrying a child many times a day",
}

var focusTitles = map[string]string{
	FindPelvicFloor:      "Pelvic floor first",
	FindScarConcern:      "Scar check first",
	FindEarlyPostpartum:  "Gentle early recovery",
	FindRecentCaesarean:  "Let the caesarean heal",
	FindUnder12Weeks:     "Build up before impact",
	FindPainHigh:         "Calm the pain",
	FindDiastasis:        "Deep-core control for the tummy gap",
	FindDiastasisSoft:    "A firmer midline",
	FindDoming:           "A flat tummy under effort",
	FindHingePain:        "Pain-free bending",
	FindHingePoor:        "Bend from the hips",
	FindHingeLumbarFlex:  "A long back when bending",
	FindHingeSquatting:   "Hips back, not knees forward",
	FindHingeFair:        "Polish the hip hinge",
	FindGluteMaxWeak:     "Stronger buttocks",
	FindGluteMedWeak:     "Steadier hips",
	FindGluteAsymmetry:   "Even out the sides",
	FindAnteriorTilt:     "A more neutral pelvis",
	FindShortHipFlexors:  "Looser hip flexors",
	FindShortRectus:      "Looser front thighs",
	FindTFLTightness:     "Looser outer hips",
	FindPosteriorTilt:    "A more neutral pelvis",
	FindRoundedShoulders: "Open chest, strong upper back",
	FindForwardHead:      "Head over shoulders",
	FindKyphosis:         "A more mobile upper back",
	FindThoracicMobility: "A more mobile upper back",
	FindFrequentLifting:  "Easier lifting and carrying",
	FindLongSitting:      "Break up long sitting",
	FindPainModerate:     "Build within comfort",
	FindGeneral:          "Foundations",
}
