package ui

// Words a coach reads for the exercise vocabulary: families, targets,
// demands, equipment and positions, and a dose in words.

import (
	"fmt"

	"fyne.io/fyne/v2/lang"

	"github.com/keel-coach/keel/assessment"
)

// Labels a coach reads for the exercise vocabulary. The codes are the
// domain's; a test checks every code has a label, so a code added to the
// domain cannot appear raw on screen unnoticed.
var (
	familyLabels = map[string]string{
		assessment.FamilyBreathing:    "Breathing and deep core",
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

// demandInfo explains a demand tag to the coach who tags her own exercise:
// what it means and which safety rules hold an exercise with it back
// (assessment/gates.go, docs/PROGRAMME.md §1), because the gates forbid by
// demand and an untagged demand is a demand no rule can see.
type demandInfo struct{ label, meaning string }

var demandInfos = map[string]demandInfo{
	assessment.DemandImpact: {"Impact",
		"Feet leave the ground or land hard (jumps, running). Held back for every postpartum client until she passes the return-to-impact checks, and for pelvic-floor symptoms or pain of 7/10 or more."},
	assessment.DemandLoadedFlexion: {"Loaded trunk curl",
		"The trunk curls against a load or gravity (crunch, sit-up). Held back for a diastasis, a soft midline or doming, under 6 weeks postpartum and a scar concern."},
	assessment.DemandHighPressure: {"High pressure",
		"Pushes the pressure inside the tummy up hard (full plank, holding the breath to lift). Held back for a diastasis, a soft midline or doming, under 6 weeks postpartum and a scar concern."},
	assessment.DemandHeavyLoad: {"Heavy load",
		"A weight well above her baby's. Held back for pelvic-floor symptoms, a caesarean under 12 weeks ago, pain of 7/10 or more and the first 6 weeks."},
	assessment.DemandLoadedHinge: {"Loaded hinge",
		"A hip hinge holding a weight (kettlebell deadlift, bent-over row). Held back while her hinge is painful."},
	assessment.DemandSingleLegLoad: {"Single-leg load",
		"Her whole weight on one leg under control (step-up, single-leg deadlift). No safety rule holds it back today; tag it so the library says what the exercise asks."},
	assessment.DemandLongLeverCore: {"Long-lever core",
		"Long-lever work against the back arching (straight-leg dead bug, full plank). Held back for marked doming."},
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
