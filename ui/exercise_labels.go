package ui

// Words a coach reads for the exercise vocabulary: families, targets,
// demands, equipment and positions, and a dose in words.

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"

	"github.com/keel-coach/keel/assessment"
)

// Labels a coach reads for the exercise vocabulary. The codes are the
// domain's; a test checks every code has a label, so a code added to the
// domain cannot appear raw on screen unnoticed.
var (
	familyLabels = map[string]string{
		assessment.FamilyBreathing:    "Breathing and deep core",
		assessment.FamilyPelvicFloor:  "Pelvic floor",
		assessment.FamilyCore:         "Core",
		assessment.FamilyGlutes:       "Glutes",
		assessment.FamilyHinge:        "Hip hinge",
		assessment.FamilyLegs:         "Legs",
		assessment.FamilyUpperBack:    "Upper back",
		assessment.FamilyChest:        "Chest and upper-back mobility",
		assessment.FamilyHipMobility:  "Hip mobility",
		assessment.FamilyPelvicTilt:   "Pelvic control",
		assessment.FamilyConditioning: "Walking and conditioning",
	}
	targetLabels = map[string]string{
		assessment.FindGeneral:          "General foundations (every client)",
		assessment.FindPelvicFloor:      "Pelvic-floor symptoms",
		assessment.FindEarlyPostpartum:  "Under 6 weeks postpartum",
		assessment.FindUnder12Weeks:     "6 to 12 weeks postpartum",
		assessment.FindRecentCaesarean:  "Caesarean under 12 weeks ago",
		assessment.FindDiastasis:        "Diastasis (wide gap)",
		assessment.FindDiastasisSoft:    "Soft midline",
		assessment.FindDoming:           "Doming on the curl-up",
		assessment.FindAnteriorTilt:     "Anterior pelvic tilt",
		assessment.FindPosteriorTilt:    "Posterior pelvic tilt",
		assessment.FindShortHipFlexors:  "Short hip flexors",
		assessment.FindShortRectus:      "Short rectus femoris",
		assessment.FindTFLTightness:     "Tight TFL (outer hip)",
		assessment.FindGluteMedWeak:     "Weak glute med",
		assessment.FindGluteMaxWeak:     "Weak glute max",
		assessment.FindGluteAsymmetry:   "One side's glutes weaker",
		assessment.FindHingePoor:        "Poor hip hinge (0–1 of 3)",
		assessment.FindHingeFair:        "Fair hip hinge (2 of 3)",
		assessment.FindHingeSquatting:   "Squats instead of hinging",
		assessment.FindHingeLumbarFlex:  "Low back rounds in the hinge",
		assessment.FindThoracicMobility: "Stiff upper back",
		assessment.FindForwardHead:      "Forward head",
		assessment.FindRoundedShoulders: "Rounded shoulders",
		assessment.FindKyphosis:         "Rounded upper back (kyphosis)",
		assessment.FindLongSitting:      "Long hours of sitting",
		assessment.FindFrequentLifting:  "Lifts and carries her child a lot",
	}
	equipmentLabels = map[string]string{
		assessment.EquipNone:       "No equipment",
		assessment.EquipMat:        "Mat",
		assessment.EquipBand:       "Band",
		assessment.EquipDowel:      "Dowel or broom",
		assessment.EquipKettlebell: "Kettlebell",
		assessment.EquipDumbbell:   "Dumbbell",
		assessment.EquipBench:      "Bench or sofa",
		assessment.EquipBox:        "Box or step",
		assessment.EquipWall:       "Wall",
		assessment.EquipCable:      "Cable",
		assessment.EquipBarbell:    "Barbell",
		assessment.EquipFoamRoller: "Foam roller",
	}
	positionLabels = map[string]string{
		assessment.PosStanding:     "Standing",
		assessment.PosSupine:       "Lying on her back",
		assessment.PosProne:        "Lying face down",
		assessment.PosSideLying:    "Lying on her side",
		assessment.PosQuadruped:    "On hands and knees",
		assessment.PosKneeling:     "Kneeling",
		assessment.PosHalfKneeling: "Half-kneeling",
		assessment.PosSeated:       "Seated",
	}
	phaseLabels = map[string]string{
		assessment.PhaseActivation:  "Activation",
		assessment.PhaseStrength:    "Strength",
		assessment.PhaseIntegration: "Integration",
	}
)

// demandName is a demand tag's name on the exercise screens, in the
// domain's words (assessment.DemandLabel), so a tag reads the same here as
// in a programme's "left out" reasons.
func demandName(d string) string {
	l := assessment.DemandLabel(d)
	r, size := utf8.DecodeRuneInString(l)
	return string(unicode.ToUpper(r)) + l[size:]
}

// demandMeanings say what each demand asks of the body, for a coach
// tagging her own exercise. They say what the movement is, not which
// safety rule holds it back: the rules live in the domain, and a
// programme's "left out" list gives the rule each time it applies.
var demandMeanings = map[string]string{
	assessment.DemandImpact:        "Feet leave the ground or land hard: jumps, hops, running.",
	assessment.DemandLoadedFlexion: "The trunk curls against a load or gravity: crunches, sit-ups, weighted curls.",
	assessment.DemandHighPressure:  "Pushes the pressure inside the tummy up hard: full planks, heavy braced lifts and carries, holding the breath to lift.",
	assessment.DemandHeavyLoad:     "A weight well above her baby's.",
	assessment.DemandLoadedHinge:   "A hip hinge holding a weight, or any lift of a weight from the floor: kettlebell deadlift, bent-over row.",
	assessment.DemandSingleLegLoad: "Her whole weight on one leg under control: step-ups, single-leg deadlifts.",
	assessment.DemandLongLeverCore: "Long-lever work against the back arching: straight-leg dead bug, full plank.",
	assessment.DemandExternalLoad:  "Something held, lifted or pulled: a kettlebell, dumbbell, barbell or cable.",
	assessment.DemandRDLPattern:    "A Romanian-deadlift hinge under load: hips far back, a long back, nothing to lean on.",
	assessment.DemandHingePattern:  "Bending at the hips with a long back, with or without a weight.",
	assessment.DemandProneLying:    "Lying face down, the belly (and any caesarean scar) on the floor or a bench.",
	assessment.DemandTrunkCurl:     "Lifting the head and shoulders against gravity, as in sitting up from lying.",
	assessment.DemandDeepStretch:   "A strong stretch at the end of the range, not gentle mobility.",
	assessment.DemandBellyStretch:  "Stretches the front of the hip and the lower belly, pulling across a caesarean scar.",
	assessment.DemandFloorLift:     "A weight picked up from the floor: needs a hinge that keeps the back long.",
	assessment.DemandFloorWork:     "Getting down onto hands and knees, sitting on the floor or lying over a roller, and back up: hard on a healing belly wall.",
	assessment.DemandUnevenPelvis:  "Loads one side of the pelvis against the other: a split or one-leg stance, legs apart against a band, a wide-knee stretch.",
}

// label returns the coach's word for code from labels, or the code itself.
func label(labels map[string]string, code string) string {
	if l, ok := labels[code]; ok {
		return lang.L(l)
	}
	return code
}

// doseWords writes a dose as a coach reads it: "3 × 12 each side, tempo
// 1-1-2, rest 30 s".
func doseWords(d assessment.Dose) string {
	out := assessment.DoseText(assessment.Prescription{Sets: d.Sets, Reps: d.Reps, HoldSeconds: d.HoldSeconds, PerSide: d.PerSide, Side: assessment.SideBoth})
	if d.Tempo != "" {
		out += ", " + lang.L("tempo") + " " + d.Tempo
	}
	if d.RestSeconds > 0 {
		out += ", " + fmt.Sprintf(lang.L("rest %d s"), d.RestSeconds)
	}
	return out
}
