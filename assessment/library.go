package assessment

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// Demand tags say what an exercise asks of the body that some clients must
// not be given yet. Safety gates forbid demands, never exercise names, so a
// coach's own exercises are gated the same way as the built-in ones.
const (
	DemandImpact        = "impact"             // feet leave the ground or land with force
	DemandLoadedFlexion = "loaded_flexion"     // trunk curls against load or gravity (crunch, sit-up)
	DemandHighPressure  = "high_pressure"      // raises intra-abdominal pressure hard (full plank, heavy braced lifts and carries)
	DemandHeavyLoad     = "heavy_load"         // external load well above a baby's weight
	DemandLoadedHinge   = "loaded_hinge"       // a hip hinge with external load, or any lift of a weight from the floor
	DemandSingleLegLoad = "single_leg_load"    // whole body weight on one leg under control
	DemandLongLeverCore = "long_lever_core"    // long-lever anti-extension (straight-leg dead bug, full plank)
	DemandExternalLoad  = "external_load"      // something held, lifted or pulled: kettlebell, dumbbell, barbell, cable
	DemandRDLPattern    = "rdl_pattern"        // a Romanian-deadlift hinge under load: hips far back, long back, no support
	DemandHingePattern  = "hinge_pattern"      // bending at the hips with a long back, loaded or not
	DemandProneLying    = "prone_lying"        // lying face down, with the belly (and a caesarean scar) on the floor or a bench
	DemandTrunkCurl     = "trunk_curl"         // lifting the head and shoulders against gravity, as in sitting up from lying
	DemandDeepStretch   = "deep_stretch"       // a strong end-of-range stretch, not gentle mobility
	DemandBellyStretch  = "belly_stretch"      // stretches or twists across the belly (the front of the hip and lower belly, or the trunk turning), pulling across a caesarean scar
	DemandFloorLift     = "floor_lift"         // a weight picked up from the floor: needs a hinge that keeps the back long
	DemandFloorWork     = "floor_work"         // on hands and knees, sitting on the floor or lying over a roller: getting down and up strains a healing belly wall
	DemandUnevenPelvis  = "uneven_pelvis_load" // a split or one-leg stance, legs apart against a band, or a wide-knee stretch: loads one side of the pelvis against the other
)

// Demands lists every known demand tag.
var Demands = []string{DemandImpact, DemandLoadedFlexion, DemandHighPressure, DemandHeavyLoad, DemandLoadedHinge, DemandSingleLegLoad, DemandLongLeverCore,
	DemandExternalLoad, DemandRDLPattern, DemandHingePattern, DemandProneLying, DemandTrunkCurl, DemandDeepStretch, DemandBellyStretch, DemandFloorLift, DemandFloorWork, DemandUnevenPelvis}

// positionDemands describe where the body is rather than how hard it
// works. A regression may change position (a prone hip extension is the
// easier form of the one on hands and knees), so these are exempt from the
// rule that an easier variation asks no more than the harder one; the
// generator and the session log check every exercise against the gates
// whatever its place in the chain.
var positionDemands = []string{DemandProneLying, DemandFloorWork}

// Exercise families.
const (
	FamilyGlutes       = "glutes"
	FamilyHinge        = "hinge"
	FamilyUpperBack    = "upper_back"
	FamilyCore         = "core"
	FamilyBreathing    = "breathing"
	FamilyPelvicFloor  = "pelvic_floor"
	FamilyHipMobility  = "hip_mobility"
	FamilyChest        = "chest_thoracic"
	FamilyPelvicTilt   = "pelvic_tilt"
	FamilyConditioning = "conditioning"
	FamilyLegs         = "legs"
)

// Phases of a programme, in order (domain.md §8: activation/motor control,
// then strength, then integration and load).
const (
	PhaseActivation  = "activation"
	PhaseStrength    = "strength"
	PhaseIntegration = "integration"
)

// PhaseNames lists the phases in order.
var PhaseNames = []string{PhaseActivation, PhaseStrength, PhaseIntegration}

// Dose is how much of an exercise to do in one phase. Reps, HoldSeconds or
// both are set: both means Reps holds of HoldSeconds each per set (the
// McGill-style "5 × 10 s" bird dog, domain.md §8 [91]).
type Dose struct {
	Sets        int    `json:"sets"`
	Reps        int    `json:"reps,omitempty"`
	HoldSeconds int    `json:"hold_seconds,omitempty"`
	Tempo       string `json:"tempo,omitempty"` // e.g. "2-1-2"
	RestSeconds int    `json:"rest_seconds,omitempty"`
	PerSide     bool   `json:"per_side,omitempty"`
}

// Exercise is one movement a coach can prescribe, with who it is for
// (Targets: the finding codes it answers), what it demands (Demands: what a
// safety gate may forbid), how to do it (Cues) and how much (Dosage per
// phase). Regression and Progression link it to the easier and harder
// variations of the same movement.
type Exercise struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Family  string   `json:"family"`
	Targets []string `json:"targets"`
	Demands []string `json:"demands"`
	// DemandReasons says, for each demand tag, what in the movement earns
	// it: the audit trail of the library (every built-in tag has one).
	DemandReasons map[string]string `json:"demand_reasons,omitempty"`
	Equipment     []string          `json:"equipment"`
	Position      string            `json:"position"`
	Cues          []string          `json:"cues"`
	Dosage        map[string]Dose   `json:"dosage"` // by phase name
	Regression    string            `json:"regression,omitempty"`
	Progression   string            `json:"progression,omitempty"`
	Custom        bool              `json:"custom,omitempty"` // added by the coach
	// Figure is the drawing of a coach's own exercise: its poses as the
	// pose editor wrote them (report/figure), kept as written. Built-in
	// exercises take theirs from the embedded figures.
	Figure json.RawMessage `json:"figure,omitempty"`
}

// Library is the set of exercises a programme is built from.
type Library struct {
	Exercises []*Exercise
	byID      map[string]*Exercise
	chains    *chainIndex // regression/progression structure, built by NewLibrary
}

// ExerciseService stores the coach's own exercises. The SQLite package
// implements it.
type ExerciseService interface {
	// SaveExercise validates e against lib (references must resolve) and
	// creates or replaces the coach's exercise with e.ID. Built-in ids are
	// refused with ECONFLICT. Errors: EINVALID, ECONFLICT.
	SaveExercise(ctx context.Context, e *Exercise) error
	// FindExercises returns every custom exercise, sorted by id.
	FindExercises(ctx context.Context) ([]*Exercise, error)
	// DeleteExercise removes a custom exercise. Errors: ENOTFOUND.
	DeleteExercise(ctx context.Context, id string) error
}

// ExerciseTargets returns the finding codes an exercise may name in
// Targets, in display order: the choices a coach has when she writes her
// own exercise. The slice is a copy.
func ExerciseTargets() []string { return append([]string(nil), exerciseTargets...) }

// errBuiltinID refuses a coach's exercise that takes a built-in id.
func errBuiltinID(id string) *Error {
	e := Conflict(ReasonBuiltinID, "%q is the id of a built-in exercise; choose another id for your own exercise.", id)
	e.Field = "id"
	return e
}

// CheckCustomID refuses (ECONFLICT, ReasonBuiltinID) an id for the coach's
// own exercise that a built-in exercise of l already uses.
func (l *Library) CheckCustomID(id string) error {
	if l == nil {
		return nil
	}
	if e, ok := l.Get(id); ok && !e.Custom {
		return errBuiltinID(id)
	}
	return nil
}

// LinkedFrom lists the exercises of l, other than id itself, that name id
// as their easier or harder variation, in library order.
func (l *Library) LinkedFrom(id string) []*Exercise {
	if l == nil {
		return nil
	}
	var out []*Exercise
	for _, o := range l.Exercises {
		if o.ID != id && (o.Regression == id || o.Progression == id) {
			out = append(out, o)
		}
	}
	return out
}

// CheckDelete refuses (ECONFLICT, ReasonLinked) to delete exercise id while
// another exercise of l links to it: the library never holds a broken
// link. The message names them and what to do.
func (l *Library) CheckDelete(id string) error {
	users := l.LinkedFrom(id)
	if len(users) == 0 {
		return nil
	}
	names := make([]string, len(users))
	for i, u := range users {
		names[i] = "“" + u.Name + "”"
	}
	name := id
	if e, ok := l.Get(id); ok {
		name = e.Name
	}
	return Conflict(ReasonLinked, "“%s” cannot be deleted while %s %s it as an easier or harder variation. Change %s variations first, then delete it.",
		name, JoinAnd(names), map[bool]string{true: "names", false: "name"}[len(users) == 1], map[bool]string{true: "its", false: "their"}[len(users) == 1])
}

// SuggestExerciseID turns an exercise name into an id that follows the id
// rules (Exercise.Validate) and that taken does not report as used:
// "Glute bridge – paused" becomes glute_bridge_paused (glute_bridge_paused_2
// when taken). It returns "" for a name with no letters or digits.
func SuggestExerciseID(name string, taken func(string) bool) string {
	var b strings.Builder
	gap := false
	for _, r := range Fold(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			gap = false
			b.WriteRune(r)
		default:
			gap = true
		}
	}
	id := b.String()
	if id == "" {
		return ""
	}
	if id[0] < 'a' || id[0] > 'z' {
		id = "ex_" + id
	}
	const room = 4 // for a "_99" suffix
	if n := MaxExerciseIDLen - room; len(id) > n {
		// Cut at a word break, not inside a word.
		cut := id[:n]
		if id[n] != '_' {
			if i := strings.LastIndexByte(cut, '_'); i > 0 {
				cut = cut[:i]
			}
		}
		id = strings.TrimRight(cut, "_")
	}
	if !taken(id) {
		return id
	}
	for n := 2; n < 100; n++ {
		if c := id + "_" + strconv.Itoa(n); !taken(c) {
			return c
		}
	}
	return id
}

// LibraryWithCustom is the library a programme is built from: the built-in
// exercises of builtin with the coach's own from s (none when s is nil).
func LibraryWithCustom(ctx context.Context, builtin *Library, s ExerciseService) (*Library, error) {
	if s == nil {
		return builtin, nil
	}
	custom, err := s.FindExercises(ctx)
	if err != nil {
		return nil, err
	}
	return builtin.With(custom)
}

// CheckExercise checks the coach's exercise e together with the rest of
// her library (custom, the exercises she has saved; e replaces the one
// with its id): a link that does not fit (an unknown or other-family
// variation, a broken chain) is found before anything is stored. Problems
// with e itself name e's fields ("regression"); those with another of her
// exercises keep its id ("clam.regression").
func (l *Library) CheckExercise(custom []*Exercise, e *Exercise) error {
	all := make([]*Exercise, 0, len(custom)+1)
	for _, c := range custom {
		if c != nil && c.ID != e.ID {
			all = append(all, c)
		}
	}
	_, err := l.With(append(all, e))
	var fes ValidationErrors
	if !errors.As(err, &fes) {
		return err
	}
	out := make(ValidationErrors, 0, len(fes))
	for _, fe := range fes {
		c := *fe
		if f, ok := strings.CutPrefix(fe.Field, e.ID+"."); ok {
			c.Field = f
		}
		out = append(out, &c)
	}
	return out
}
