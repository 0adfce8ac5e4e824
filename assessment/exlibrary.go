package assessment

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Equipment an exercise may need. A programme only uses exercises whose
// every item is in the coach's list of available equipment (EquipNone is
// always available). docs/PROGRAMME.md lists them for coaches.
const (
	EquipNone       = "none"
	EquipMat        = "mat"
	EquipBand       = "band"
	EquipDowel      = "dowel" // or a broom handle
	EquipKettlebell = "kettlebell"
	EquipDumbbell   = "dumbbell"
	EquipBench      = "bench" // or a sturdy sofa or worktop
	EquipBox        = "box"   // a step or sturdy chair
	EquipWall       = "wall"  // a clear wall or door frame
	EquipCable      = "cable"
	EquipBarbell    = "barbell"
	EquipFoamRoller = "foam_roller"
)

// EquipmentNames lists the equipment vocabulary in display order.
var EquipmentNames = []string{EquipNone, EquipMat, EquipBand, EquipDowel, EquipKettlebell, EquipDumbbell, EquipBench, EquipBox, EquipWall, EquipCable, EquipBarbell, EquipFoamRoller}

// Starting positions of an exercise.
const (
	PosStanding     = "standing"
	PosSupine       = "supine"
	PosProne        = "prone"
	PosSideLying    = "side_lying"
	PosQuadruped    = "quadruped"
	PosKneeling     = "kneeling"
	PosHalfKneeling = "half_kneeling"
	PosSeated       = "seated"
)

// Positions lists the starting positions in display order.
var Positions = []string{PosStanding, PosSupine, PosProne, PosSideLying, PosQuadruped, PosKneeling, PosHalfKneeling, PosSeated}

// Families lists the exercise families in display order. Every family has
// a place in the weekly template (docs/PROGRAMME.md), so an exercise of any
// family can be chosen.
var Families = []string{FamilyBreathing, FamilyPelvicFloor, FamilyCore, FamilyGlutes, FamilyHinge, FamilyLegs, FamilyUpperBack, FamilyChest, FamilyHipMobility, FamilyPelvicTilt, FamilyConditioning}

// exerciseTargets are the finding codes an exercise may answer. Safety
// findings that no exercise answers (a red flag, pain levels, a scar
// concern) and note-only findings (tilt asymmetry) are left out.
var exerciseTargets = []string{
	FindGeneral, FindPelvicFloor, FindEarlyPostpartum, FindUnder12Weeks, FindRecentCaesarean,
	FindDiastasis, FindDiastasisSoft, FindDoming,
	FindAnteriorTilt, FindPosteriorTilt, FindShortHipFlexors, FindShortRectus, FindTFLTightness,
	FindGluteMedWeak, FindGluteMaxWeak, FindGluteAsymmetry,
	FindHingePoor, FindHingeFair, FindHingeSquatting, FindHingeLumbarFlex, FindThoracicMobility,
	FindForwardHead, FindRoundedShoulders, FindKyphosis, FindLongSitting, FindFrequentLifting,
}

// Limits on an exercise's fields. They keep a card and a printed handout
// readable and catch typing slips in a coach's own exercises.
const (
	MaxExerciseIDLen   = 60
	MaxExerciseNameLen = 80
	MinCues            = 2 // a single cue rarely teaches a movement (H)
	MaxCues            = 4 // more than four cues overload a client mid-set (H)
	MaxCueLen          = 200
	MaxDoseSets        = 10
	MaxDoseReps        = 100
	MaxHoldSeconds     = 3600 // an hour covers the longest walk
	MaxRestSeconds     = 600
	MaxTempoPart       = 30 // seconds in one part of a tempo such as "4-2-6"
)

// maxChainLevel is the deepest step from a chain's root the generator ever
// asks for in a family: the family's highest starting level (startLevel)
// plus the two phase steps after activation. An exercise deeper than this
// could never be prescribed, so ValidateLibrary refuses it.
func maxChainLevel(family string) int {
	return maxStartLevel(family) + len(PhaseNames) - 1
}

// ParseLibrary reads a JSON array of exercises (the form of
// assets.LibraryJSON) and validates it with NewLibrary. Unknown keys are
// refused so that a misspelt key cannot silently drop a field.
func ParseLibrary(data []byte) (*Library, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var ex []*Exercise
	if err := dec.Decode(&ex); err != nil {
		return nil, libraryJSONError(data, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, Errorf(EINVALID, "The exercise library has extra content after its closing bracket.")
	}
	return NewLibrary(ex)
}

// libraryJSONError turns a decoding error into a sentence naming where the
// problem is.
func libraryJSONError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return Errorf(EINVALID, "The exercise library is empty; it must be a JSON list of exercises.")
	case errors.As(err, &syn):
		return Errorf(EINVALID, "The exercise library is not valid JSON near byte %d: %s.", syn.Offset, syn.Error())
	case errors.As(err, &typ):
		if typ.Field == "" {
			return Errorf(EINVALID, "The exercise library must be a JSON list of exercises.")
		}
		return FieldErrorf(EINVALID, typ.Field, "This value must be a %s.", typ.Type.String())
	case errors.Is(err, io.ErrUnexpectedEOF):
		return Errorf(EINVALID, "The exercise library is cut off before its end.")
	}
	msg := err.Error()
	if k, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return Errorf(EINVALID, "The exercise library has an unknown key %s.", k)
	}
	return Errorf(EINVALID, "The exercise library could not be read: %s.", msg)
}

// NewLibrary validates ex as a whole (ValidateLibrary) and returns the
// library built from it. The slice is copied; the exercises are not.
func NewLibrary(ex []*Exercise) (*Library, error) {
	if err := ValidateLibrary(ex); err != nil {
		return nil, err
	}
	l := &Library{Exercises: slices.Clone(ex)}
	l.index()
	return l, nil
}

// index builds the lookup tables. It assumes a validated library.
func (l *Library) index() {
	l.byID = make(map[string]*Exercise, len(l.Exercises))
	for _, e := range l.Exercises {
		l.byID[e.ID] = e
	}
	l.chains = buildChains(l.Exercises, l.byID)
}

// Get returns the exercise with id.
func (l *Library) Get(id string) (*Exercise, bool) {
	if l == nil {
		return nil, false
	}
	if l.byID == nil {
		for _, e := range l.Exercises {
			if e != nil && e.ID == id {
				return e, true
			}
		}
		return nil, false
	}
	e, ok := l.byID[id]
	return e, ok
}

// With returns a new library holding the built-in exercises of l followed
// by the coach's own (custom), validated together so that a custom
// exercise may name a built-in one as its regression. Custom exercises are
// marked Custom and copied, so the caller's values are not changed. An id
// already used by a built-in exercise is refused with ECONFLICT.
func (l *Library) With(custom []*Exercise) (*Library, error) {
	if l == nil {
		return nil, Errorf(EINVALID, "There is no built-in exercise library to add to.")
	}
	all := make([]*Exercise, 0, len(l.Exercises)+len(custom))
	builtin := make(map[string]bool, len(l.Exercises))
	for _, e := range l.Exercises {
		if !e.Custom {
			all = append(all, e)
			builtin[e.ID] = true
		}
	}
	for _, c := range custom {
		if c == nil {
			continue
		}
		if builtin[c.ID] {
			return nil, errBuiltinID(c.ID)
		}
		cp := *c
		cp.Custom = true
		all = append(all, &cp)
	}
	return NewLibrary(all)
}

// Normalize trims surrounding space from the text fields, as a form would.
func (e *Exercise) Normalize() {
	e.ID = strings.TrimSpace(e.ID)
	e.Name = strings.Join(strings.Fields(e.Name), " ")
	e.Family = strings.TrimSpace(e.Family)
	e.Position = strings.TrimSpace(e.Position)
	e.Regression = strings.TrimSpace(e.Regression)
	e.Progression = strings.TrimSpace(e.Progression)
	for i := range e.Cues {
		e.Cues[i] = strings.Join(strings.Fields(e.Cues[i]), " ")
	}
}

// Validate checks every field of one exercise on its own and returns all
// problems as ValidationErrors whose Field is the JSON path ("cues[1]",
// "dosage.strength.sets"). Whether its regression and progression exist is
// a question for the whole library: see ValidateLibrary.
func (e *Exercise) Validate() error {
	if e == nil {
		return FieldErrorf(EINVALID, "", "There is no exercise to check.")
	}
	var v ValidationErrors
	switch {
	case e.ID == "":
		v.Add("id", "Enter an id, e.g. banded_bridge.")
	case len(e.ID) > MaxExerciseIDLen:
		v.Add("id", "Keep the id under %d characters.", MaxExerciseIDLen)
	case !validExerciseID(e.ID):
		v.Add("id", "Use lower-case letters, digits and underscores only, starting with a letter, e.g. banded_bridge.")
	}
	switch n := utf8.RuneCountInString(strings.TrimSpace(e.Name)); {
	case n == 0:
		v.Add("name", "Enter the exercise's name.")
	case n > MaxExerciseNameLen:
		v.Add("name", "Keep the name under %d characters.", MaxExerciseNameLen)
	}
	if !validText(e.Name) {
		v.Add("name", "The name contains characters that cannot be stored.")
	}
	if !slices.Contains(Families, e.Family) {
		v.Add("family", "Choose a family: %s.", strings.Join(Families, ", "))
	}
	if len(e.Targets) == 0 {
		v.Add("targets", "Name at least one finding this exercise answers (use %q for general work).", FindGeneral)
	}
	checkList(&v, "targets", e.Targets, exerciseTargets, "is not a finding an exercise can answer")
	checkList(&v, "demands", e.Demands, Demands, "is not a known demand")
	for _, d := range slices.Sorted(maps.Keys(e.DemandReasons)) {
		switch {
		case !slices.Contains(e.Demands, d):
			v.Add("demand_reasons."+d, "%q is not one of this exercise's demands; remove its reason or add the demand.", d)
		case strings.TrimSpace(e.DemandReasons[d]) == "":
			v.Add("demand_reasons."+d, "Say what in the movement makes this demand, or remove it.")
		case !validText(e.DemandReasons[d]):
			v.Add("demand_reasons."+d, "This reason contains characters that cannot be stored.")
		}
	}
	if len(e.Equipment) == 0 {
		v.Add("equipment", "List the equipment needed, or %q.", EquipNone)
	}
	checkList(&v, "equipment", e.Equipment, EquipmentNames, "is not known equipment")
	if len(e.Equipment) > 1 && slices.Contains(e.Equipment, EquipNone) {
		v.Add("equipment", "%q cannot be combined with other equipment.", EquipNone)
	}
	if !slices.Contains(Positions, e.Position) {
		v.Add("position", "Choose a starting position: %s.", strings.Join(Positions, ", "))
	}
	if n := len(e.Cues); n < MinCues || n > MaxCues {
		v.Add("cues", "Give %d to %d coaching cues.", MinCues, MaxCues)
	}
	for i, c := range e.Cues {
		f := "cues[" + strconv.Itoa(i) + "]"
		switch n := utf8.RuneCountInString(strings.TrimSpace(c)); {
		case n == 0:
			v.Add(f, "This cue is empty.")
		case n > MaxCueLen:
			v.Add(f, "Keep each cue under %d characters.", MaxCueLen)
		}
		if !validText(c) {
			v.Add(f, "This cue contains characters that cannot be stored.")
		}
	}
	if len(e.Dosage) == 0 {
		v.Add("dosage", "Give the dose for at least one phase (%s).", strings.Join(PhaseNames, ", "))
	}
	for _, phase := range slices.Sorted(maps.Keys(e.Dosage)) {
		f := "dosage." + phase
		if !slices.Contains(PhaseNames, phase) {
			v.Add(f, "%q is not a phase; use %s.", phase, strings.Join(PhaseNames, ", "))
			continue
		}
		validateDose(&v, f, e.Dosage[phase])
	}
	if e.Regression != "" && e.Regression == e.ID {
		v.Add("regression", "An exercise cannot be its own easier variation.")
	}
	if e.Progression != "" && e.Progression == e.ID {
		v.Add("progression", "An exercise cannot be its own harder variation.")
	}
	if e.Regression != "" && e.Regression == e.Progression {
		v.Add("progression", "The harder variation cannot also be the easier one.")
	}
	return v.Err()
}

// validateDose checks one phase's dose.
func validateDose(v *ValidationErrors, f string, d Dose) {
	if d.Sets < 1 || d.Sets > MaxDoseSets {
		v.Add(f+".sets", "Enter 1 to %d sets.", MaxDoseSets)
	}
	if d.Reps < 0 || d.Reps > MaxDoseReps {
		v.Add(f+".reps", "Enter 0 to %d reps.", MaxDoseReps)
	}
	if d.HoldSeconds < 0 || d.HoldSeconds > MaxHoldSeconds {
		v.Add(f+".hold_seconds", "Enter a hold of 0 to %d seconds.", MaxHoldSeconds)
	}
	if d.Reps == 0 && d.HoldSeconds == 0 {
		v.Add(f+".reps", "Enter reps, a hold in seconds, or both (reps of holds).")
	}
	if d.RestSeconds < 0 || d.RestSeconds > MaxRestSeconds {
		v.Add(f+".rest_seconds", "Enter a rest of 0 to %d seconds.", MaxRestSeconds)
	}
	if d.Tempo != "" {
		if _, ok := tempoSeconds(d.Tempo); !ok {
			v.Add(f+".tempo", "Write the tempo as seconds for each part joined by dashes, e.g. 2-1-2 (lift, pause, lower).")
		}
	}
}

// tempoSeconds adds up a tempo such as "2-1-2": two to four parts, each 0
// to MaxTempoPart seconds written with one or two digits.
func tempoSeconds(t string) (int, bool) {
	sum, parts, digits, n := 0, 1, 0, 0
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c >= '0' && c <= '9':
			n = n*10 + int(c-'0')
			digits++
			if digits > 2 {
				return 0, false
			}
		case c == '-' && digits > 0:
			if n > MaxTempoPart {
				return 0, false
			}
			sum, parts, digits, n = sum+n, parts+1, 0, 0
		default:
			return 0, false
		}
	}
	if digits == 0 || n > MaxTempoPart || parts < 2 || parts > 4 {
		return 0, false
	}
	return sum + n, true
}

// checkList reports unknown and repeated entries of a multiple-choice list.
func checkList(v *ValidationErrors, field string, items, allowed []string, what string) {
	for i, it := range items {
		f := field + "[" + strconv.Itoa(i) + "]"
		switch {
		case !slices.Contains(allowed, it):
			v.Add(f, "%q %s.", it, what)
		case slices.Index(items, it) < i:
			v.Add(f, "%q is already in the list.", it)
		}
	}
}

// validExerciseID: a lower-case letter, then lower-case letters, digits
// and underscores. Ids are stable keys in stored programmes and files.
func validExerciseID(id string) bool {
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z':
		case i > 0 && (c >= '0' && c <= '9' || c == '_'):
		default:
			return false
		}
	}
	return id != ""
}

// ValidateLibrary checks a set of exercises: each one's fields (Validate),
// then the structure that links them:
//
//   - ids are unique;
//   - every regression and progression names an exercise in the set, of
//     the same family (a chain is variations of one movement);
//   - progressions agree with regressions: when A's progression is B, B's
//     regression is A;
//   - a regression makes no demand its exercise does not (so swapping in
//     the easier variation never adds something a safety gate forbids);
//   - following regressions never loops;
//   - every exercise is reachable.
//
// Reachable means the generator can arrive at it. The generator starts a
// chain at its root (the exercise with no regression) and walks the main
// line, the root's progression and that exercise's progression and so on;
// at each step it may take a branch instead, an exercise whose regression
// is the previous main-line exercise but which that exercise does not name
// as its progression. So an exercise is reachable when its chain has a
// root, it sits on the main line or is a branch directly off it, and it is
// no more steps from the root than the generator ever walks in its family
// (maxChainLevel: 5 for hinge, 3 for glutes, core and legs, 2 otherwise).
//
// Field names in the errors are prefixed with the exercise id
// ("glute_bridge.cues[1]"), or with its position ("exercises[3].id") when
// the id is missing or repeated.
func ValidateLibrary(ex []*Exercise) error {
	var v ValidationErrors
	byID := make(map[string]*Exercise, len(ex))
	prefix := make(map[*Exercise]string, len(ex))
	for i, e := range ex {
		at := "exercises[" + strconv.Itoa(i) + "]"
		if e == nil {
			v.Add(at, "This exercise entry is empty.")
			continue
		}
		p := at
		if e.ID != "" {
			if _, dup := byID[e.ID]; dup {
				v.Add(at+".id", "Another exercise already uses the id %q.", e.ID)
			} else {
				byID[e.ID] = e
				p = e.ID
			}
		}
		prefix[e] = p
		for _, fe := range FieldErrors(e.Validate()) {
			v = append(v, FieldErrorf(EINVALID, p+"."+fe.Field, "%s", fe.Message))
		}
	}
	for _, e := range ex {
		if e == nil || byID[e.ID] != e {
			continue
		}
		p := prefix[e]
		for _, link := range [2]struct{ field, id, what string }{
			{"regression", e.Regression, "easier"}, {"progression", e.Progression, "harder"},
		} {
			if link.id == "" || link.id == e.ID {
				continue
			}
			o, ok := byID[link.id]
			switch {
			case !ok:
				v.Add(p+"."+link.field, "No exercise has the id %q.", link.id)
			case o.Family != e.Family:
				v.Add(p+"."+link.field, "The %s variation %q is in the %s family, not %s; a chain stays within one family.", link.what, link.id, o.Family, e.Family)
			case link.field == "regression":
				if extra := extraDemands(o, e); len(extra) > 0 {
					v.Add(p+".regression", "The easier variation %q asks for %s, which this exercise does not; an easier variation must not ask more of her than the exercise it replaces.", link.id, strings.Join(extra, ", "))
				}
			}
		}
		if o, ok := byID[e.Progression]; ok && o != e && o.Regression != e.ID {
			v.Add(p+".progression", "%q names %q as its easier variation, not this exercise; set its regression to %q or choose another progression.", o.ID, o.Regression, e.ID)
		}
	}
	if len(v) > 0 {
		return v.Err()
	}
	// The links are sound; now the shape of each chain.
	for _, e := range ex {
		p := prefix[e]
		level, branchOffBranch, loop := 0, false, false
		seen := map[string]bool{e.ID: true}
		for cur := e; cur.Regression != ""; {
			parent := byID[cur.Regression]
			if seen[parent.ID] {
				loop = true
				break
			}
			seen[parent.ID] = true
			// Only the first step may be a branch: an exercise further
			// up that is not its parent's progression puts e on a
			// branch of a branch, which the generator never walks.
			if parent.Progression != cur.ID && cur != e {
				branchOffBranch = true
			}
			level++
			cur = parent
		}
		switch {
		case loop:
			v.Add(p+".regression", "Following the easier variations from here goes round in a loop; a chain must start at an exercise with no regression.")
		case branchOffBranch:
			v.Add(p+".regression", "This exercise branches off another branch, so Keel can never reach it; make %q the progression of %q or attach it to the main chain.", e.ID, e.Regression)
		case level > maxChainLevel(e.Family):
			v.Add(p+".regression", "This exercise is %d steps from the start of its chain; Keel never goes further than %d in the %s family, so it could never be chosen.", level, maxChainLevel(e.Family), e.Family)
		}
	}
	return v.Err()
}

// extraDemands lists the demands easier makes that harder does not. A
// regression is what Keel swaps in when a session hurts, so it must never
// carry a demand a safety gate might forbid that the harder exercise did not.
func extraDemands(easier, harder *Exercise) []string {
	var out []string
	for _, d := range easier.Demands {
		if !slices.Contains(harder.Demands, d) && !slices.Contains(positionDemands, d) {
			out = append(out, d)
		}
	}
	return out
}

// chainIndex is the regression/progression structure of a validated
// library, kept so the generator does not rebuild it on every call.
type chainIndex struct {
	pos      map[string]int         // position in Library.Exercises (library order)
	root     map[string]*Exercise   // exercise id → root of its chain
	level    map[string]int         // steps from the root
	mainLine map[string][]*Exercise // root id → root, its progression, ...
	children map[string][]*Exercise // id → exercises naming it as regression, library order
	roots    []*Exercise            // chain roots, library order
	// familyRoots holds the roots of each family, library order.
	familyRoots map[string][]*Exercise
}

// buildChains indexes a validated, loop-free set of exercises.
func buildChains(ex []*Exercise, byID map[string]*Exercise) *chainIndex {
	c := &chainIndex{
		pos:         make(map[string]int, len(ex)),
		root:        make(map[string]*Exercise, len(ex)),
		level:       make(map[string]int, len(ex)),
		mainLine:    make(map[string][]*Exercise),
		children:    make(map[string][]*Exercise),
		familyRoots: make(map[string][]*Exercise),
	}
	for i, e := range ex {
		c.pos[e.ID] = i
		if e.Regression == "" {
			c.roots = append(c.roots, e)
			c.familyRoots[e.Family] = append(c.familyRoots[e.Family], e)
		} else {
			c.children[e.Regression] = append(c.children[e.Regression], e)
		}
	}
	for _, e := range ex {
		n, cur := 0, e
		for cur.Regression != "" && n <= len(ex) {
			cur = byID[cur.Regression]
			n++
		}
		c.root[e.ID], c.level[e.ID] = cur, n
	}
	for _, r := range c.roots {
		line := []*Exercise{r}
		for cur := r; cur.Progression != "" && len(line) <= len(ex); {
			next, ok := byID[cur.Progression]
			if !ok {
				break
			}
			line = append(line, next)
			cur = next
		}
		c.mainLine[r.ID] = line
	}
	return c
}

// chainsOf returns l's chain index, building a temporary one for a Library
// that was assembled by hand rather than by NewLibrary.
func (l *Library) chainsOf() *chainIndex {
	if l.chains != nil {
		return l.chains
	}
	byID := l.byID
	if byID == nil {
		byID = make(map[string]*Exercise, len(l.Exercises))
		for _, e := range l.Exercises {
			byID[e.ID] = e
		}
	}
	return buildChains(l.Exercises, byID)
}

// Level returns how many steps exercise id is from the root of its chain
// (0 for a root) and false when the id is unknown.
func (l *Library) Level(id string) (int, bool) {
	if l == nil {
		return 0, false
	}
	n, ok := l.chainsOf().level[id]
	return n, ok
}

// Alternatives returns the exercises a coach could swap in for exerciseID
// for this client: those of the same family or answering one of the same
// findings (other than "general"), that no safety gate forbids for r
// (Gates) and whose equipment is available under opts. Same-family
// exercises come first, then those sharing more findings, then those
// closest in difficulty, then library order. A blocked record (red flag
// without clearance) has no alternatives. Errors: ENOTFOUND for an unknown
// id, EINVALID for unknown equipment in opts.
func Alternatives(lib *Library, r *Record, exerciseID string, opts ProgrammeOptions) ([]*Exercise, error) {
	e, ok := lib.Get(exerciseID)
	if !ok {
		return nil, Errorf(ENOTFOUND, "There is no exercise with the id %q.", exerciseID)
	}
	avail, err := availableEquipment(opts.Equipment)
	if err != nil {
		return nil, err
	}
	gates := Gates(r)
	if Blocked(gates) {
		return nil, nil
	}
	ch := lib.chainsOf()
	type alt struct {
		e                   *Exercise
		sameFamily          bool
		shared, dist, order int
	}
	var alts []alt
	for _, o := range lib.Exercises {
		if o.ID == e.ID {
			continue
		}
		shared := 0
		for _, t := range o.Targets {
			if t != FindGeneral && slices.Contains(e.Targets, t) {
				shared++
			}
		}
		same := o.Family == e.Family
		if !same && shared == 0 {
			continue
		}
		if len(GatesForbidding(gates, o)) > 0 || len(missingEquipment(o, avail)) > 0 {
			continue
		}
		d := ch.level[o.ID] - ch.level[e.ID]
		if d < 0 {
			d = -d
		}
		alts = append(alts, alt{o, same, shared, d, ch.pos[o.ID]})
	}
	slices.SortStableFunc(alts, func(a, b alt) int {
		switch {
		case a.sameFamily != b.sameFamily:
			if a.sameFamily {
				return -1
			}
			return 1
		case a.shared != b.shared:
			return b.shared - a.shared
		case a.dist != b.dist:
			return a.dist - b.dist
		}
		return a.order - b.order
	})
	out := make([]*Exercise, len(alts))
	for i, a := range alts {
		out[i] = a.e
	}
	return out, nil
}

// availableEquipment checks a coach's equipment list and returns it as a
// set; nil means everything is available. EquipNone is always available.
func availableEquipment(list []string) (map[string]bool, error) {
	if len(list) == 0 {
		return nil, nil
	}
	set := map[string]bool{EquipNone: true}
	for _, it := range list {
		if !slices.Contains(EquipmentNames, it) {
			return nil, FieldErrorf(EINVALID, "equipment", "%q is not known equipment; choose from %s.", it, strings.Join(EquipmentNames, ", "))
		}
		set[it] = true
	}
	return set, nil
}

// missingEquipment lists what e needs that is not available (nil avail
// means everything is).
func missingEquipment(e *Exercise, avail map[string]bool) []string {
	if avail == nil {
		return nil
	}
	var miss []string
	for _, it := range e.Equipment {
		if !avail[it] {
			miss = append(miss, it)
		}
	}
	return miss
}
