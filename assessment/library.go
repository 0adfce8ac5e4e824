package assessment

import (
	"context"
	"encoding/json"
)

// Demand tags say what an exercise asks of the body that some clients must
// not be given yet. Safety gates forbid demands, never exercise names, so a
// coach's own exercises are gated the same way as the built-in ones.
const (
	DemandImpact        = "impact"          // feet leave the ground or land with force
	DemandLoadedFlexion = "loaded_flexion"  // trunk curls against load or gravity (crunch, sit-up)
	DemandHighPressure  = "high_pressure"   // raises intra-abdominal pressure hard (full plank, heavy braced lifts and carries)
	DemandHeavyLoad     = "heavy_load"      // external load well above a baby's weight
	DemandLoadedHinge   = "loaded_hinge"    // a hip hinge with external load, or any lift of a weight from the floor
	DemandSingleLegLoad = "single_leg_load" // whole body weight on one leg under control
	DemandLongLeverCore = "long_lever_core" // long-lever anti-extension (straight-leg dead bug, full plank)
	DemandExternalLoad  = "external_load"   // something held, lifted or pulled: kettlebell, dumbbell, barbell, cable
	DemandRDLPattern    = "rdl_pattern"     // a Romanian-deadlift hinge under load: hips far back, long back, no support
	DemandHingePattern  = "hinge_pattern"   // bending at the hips with a long back, loaded or not
	DemandProneLying    = "prone_lying"     // lying face down, with the belly (and a caesarean scar) on the floor or a bench
	DemandTrunkCurl     = "trunk_curl"      // lifting the head and shoulders against gravity, as in sitting up from lying
	DemandDeepStretch   = "deep_stretch"    // a strong end-of-range stretch, not gentle mobility
	DemandBellyStretch  = "belly_stretch"   // stretches the front of the hip and lower belly, pulling across a caesarean scar
	DemandFloorLift     = "floor_lift"      // a weight picked up from the floor: needs a hinge that keeps the back long
	DemandFloorWork     = "floor_work"      // on hands and knees, sitting on the floor or lying over a roller: getting down and up strains a healing belly wall
)

// Demands lists every known demand tag.
var Demands = []string{DemandImpact, DemandLoadedFlexion, DemandHighPressure, DemandHeavyLoad, DemandLoadedHinge, DemandSingleLegLoad, DemandLongLeverCore,
	DemandExternalLoad, DemandRDLPattern, DemandHingePattern, DemandProneLying, DemandTrunkCurl, DemandDeepStretch, DemandBellyStretch, DemandFloorLift, DemandFloorWork}

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
