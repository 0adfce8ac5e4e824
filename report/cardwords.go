package report

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/keel-coach/keel/assessment"
)

// What an exercise card says: her name for the exercise, the cues, how it
// should feel, when to stop, easier and harder options, what she needs and
// why it is in her plan.

// fill adds the full description of an exercise to b.
func (pb *partBuilder) fill(b *ExerciseBlock, ln line, phase string) {
	b.Full = true
	ex := pb.lib[ln.id]
	if ex != nil {
		for _, cue := range ex.Cues {
			if len(b.Cues) == maxCuesPerBlock {
				break
			}
			if t := herVoice(clean(cue, maxCueRunes)); t != "" {
				b.Cues = append(b.Cues, t)
			}
		}
	}
	if len(b.Cues) == 0 {
		b.Cues = []string{"We will go through this one together in your session; ask me if anything feels unclear."}
	}
	family := ""
	if ex != nil {
		family = ex.Family
	}
	b.Feel = feelWords(family)
	if ex != nil && family == assessment.FamilyChest && slices.Contains(ex.Targets, assessment.FindForwardHead) && !slices.Contains(ex.Targets, assessment.FindRoundedShoulders) {
		// a neck exercise filed with the chest and upper-back work
		b.Feel = "a gentle lengthening at the back of your neck; nothing pinching."
	}
	b.StopIf = stopWords(family, pelvicFloor(pb.r).Leakage)
	if ex != nil {
		// an option her plan rules out (a one-leg move with pubic pain)
		// is never offered as the next step
		if e := pb.lib[ex.Regression]; e != nil && !pb.excluded(e.ID) {
			b.Easier = ExerciseName(e)
		}
		if e := pb.lib[ex.Progression]; e != nil && !pb.excluded(e.ID) {
			b.Harder = ExerciseName(e)
		}
		b.Equipment = equipmentList(ex.Equipment)
	} else {
		b.Equipment = "ask me what you need for this one."
	}
	if b.Easier == "" {
		b.Easier = "fewer, or a smaller movement."
		if family == assessment.FamilyConditioning {
			b.Easier = "a shorter, slower walk."
		}
	}
	if family == assessment.FamilyConditioning && strings.HasPrefix(b.Equipment, "Nothing") {
		b.Equipment = "Comfortable shoes; the pram is welcome."
	}
	// "Nothing: just you and a bit of floor" is said on the first card
	// that needs nothing; the cards after it leave the line out, as the
	// session's list of equipment does.
	if b.Equipment == nothingNeeded {
		if pb.nothingSaid {
			b.Equipment = ""
		}
		pb.nothingSaid = true
	}
	if b.Harder == "" {
		b.Harder = "none yet; we choose one at a check-in."
	}
	// A reason already given on an earlier card ("It helps your breathing,
	// deep core and everyday strength") is not repeated: it saves a few
	// lines on most cards, and pages with them.
	if why := pb.why(ln); !pb.whySeen[why] {
		pb.whySeen[why] = true
		b.Why = why
	}
	b.Change = changeWords(ln.rx.Reason)
}

// excluded reports whether the programme rules exercise id out for her.
func (pb *partBuilder) excluded(id string) bool {
	if pb.p == nil {
		return false
	}
	for _, x := range pb.p.Excluded {
		if x.ExerciseID == id {
			return true
		}
	}
	return false
}

// maxCuesPerBlock: two or three cues are what anyone reads with a baby on
// her hip.
const maxCuesPerBlock = 3

// why words the reason an exercise is in her plan from the findings it
// answers, in her words: the prescription's own reason is written for the
// coach (grades, scores) and never reaches her.
func (pb *partBuilder) why(ln line) string {
	var parts []string
	seen := map[string]bool{}
	add := func(codes []string) {
		for _, c := range codes {
			if t, ok := whyWords[c]; ok && !seen[t] {
				seen[t] = true
				parts = append(parts, t)
			}
		}
	}
	ex := pb.lib[ln.id]
	add(ln.rx.Findings)
	if len(parts) == 0 && ex != nil {
		add(ex.Targets)
	}
	// The general reason (breathing, deep core) fits breathing and core
	// work; for a row or a hip stretch it is wrong, so the exercise's own
	// kind of work says why.
	if ex != nil && len(parts) == 1 && parts[0] == whyWords[assessment.FindGeneral] {
		if t, ok := familyWhy[ex.Family]; ok {
			parts = []string{t}
		}
	}
	if len(parts) > 2 {
		parts = parts[:2]
	}
	s := "It builds the strength and control your plan is working on."
	if len(parts) > 0 {
		s = "It helps " + joinAnd(parts) + "."
	}
	if len(ln.extra) > 0 {
		s += " " + sideWords(ln.extra[0].Side)
	}
	return s
}

func sideWords(side string) string {
	return fmt.Sprintf("Your %s side gets one extra round because it tested weaker; start each round on that side.", side)
}

// whyWords say, for each finding an exercise answers, what it helps with.
// familyWhy is the reason for an exercise chosen for the general
// foundations, by its kind of work.
var familyWhy = map[string]string{
	assessment.FamilyUpperBack:    "strengthen your upper back, so carrying and feeding sit easier on your shoulders",
	assessment.FamilyChest:        "open your chest and free up your upper back",
	assessment.FamilyHipMobility:  "free up your hips",
	assessment.FamilyPelvicTilt:   "loosen your back and pelvis gently",
	assessment.FamilyGlutes:       "strengthen your buttocks, so your back does less of the lifting",
	assessment.FamilyHinge:        "build the habit of bending from the hips when you pick up your baby",
	assessment.FamilyLegs:         "strengthen your legs for carrying your baby up and down all day",
	assessment.FamilyConditioning: "boost your fitness, energy and mood",
}

// whyWords and familyWhy all follow "It helps …": each starts with a verb,
// so any two join with "and".
var whyWords = map[string]string{
	assessment.FindGeneral:          "train your breathing, deep core and everyday strength",
	assessment.FindDiastasis:        "look after the gap down the middle of your tummy",
	assessment.FindDiastasisSoft:    "firm up the middle of your tummy",
	assessment.FindDoming:           "keep your tummy flat under effort",
	assessment.FindPelvicFloor:      "strengthen your pelvic floor",
	assessment.FindEarlyPostpartum:  "support your recovery in the first weeks after the birth",
	assessment.FindUnder12Weeks:     "support your recovery after the birth",
	assessment.FindRecentCaesarean:  "support your recovery after the caesarean",
	assessment.FindScarConcern:      "support your recovery after the caesarean",
	assessment.FindPainHigh:         "ease your back",
	assessment.FindPainModerate:     "ease your back",
	assessment.FindPainLow:          "ease your back",
	assessment.FindAnteriorTilt:     "settle your pelvis into a comfortable middle position",
	assessment.FindPosteriorTilt:    "settle your pelvis into a comfortable middle position",
	assessment.FindShortHipFlexors:  "loosen the front of your hips",
	assessment.FindShortRectus:      "loosen the front of your thighs",
	assessment.FindTFLTightness:     "loosen the outside of your hip",
	assessment.FindGluteMedWeak:     "strengthen the side of your hip that keeps your pelvis level",
	assessment.FindGluteMaxWeak:     "strengthen your buttocks, so your back does less of the lifting",
	assessment.FindGluteAsymmetry:   "even out your two sides",
	assessment.FindHingePoor:        "build the habit of bending from the hips when you pick up your baby",
	assessment.FindHingeFair:        "build the habit of bending from the hips when you pick up your baby",
	assessment.FindHingePain:        "make bending comfortable again",
	assessment.FindHingeSquatting:   "practise sending your hips back when you bend",
	assessment.FindHingeLumbarFlex:  "practise keeping your back long when you bend",
	assessment.FindThoracicMobility: "free up your upper back",
	assessment.FindForwardHead:      "bring your head and shoulders up tall",
	assessment.FindRoundedShoulders: "open your chest and strengthen your upper back",
	assessment.FindKyphosis:         "straighten up your upper back",
	assessment.FindLongSitting:      "ease your back after long hours of sitting",
	assessment.FindFrequentLifting:  "make lifting and carrying your child easier",
}

// feelWords say how an exercise should feel, by family.
func feelWords(family string) string {
	switch family {
	case assessment.FamilyBreathing:
		return "calm and easy; ribs widen, tummy and pelvic floor lift gently as you breathe out."
	case assessment.FamilyCore:
		return "a gentle, steady effort deep in your tummy; back still, tummy flat."
	case assessment.FamilyGlutes:
		return "warm and working in your buttock or the side of your hip, not your lower back."
	case assessment.FamilyHinge:
		return "a stretch behind your thighs and work in your buttocks; back long and easy."
	case assessment.FamilyUpperBack:
		return "work between your shoulder blades; neck relaxed."
	case assessment.FamilyHipMobility:
		return "a gentle stretch you could hold while chatting; never sharp."
	case assessment.FamilyPelvicTilt:
		return "a small, easy movement in your low back and pelvis; never sharp."
	case assessment.FamilyChest:
		return "a comfortable opening across your chest or upper back."
	case assessment.FamilyLegs:
		return "work in your thighs and buttocks; knees and back comfortable."
	case assessment.FamilyConditioning:
		return "warm and a little out of breath, but you can still talk."
	}
	return "a steady effort you could keep up; nothing sharp."
}

// stopWords say when to stop an exercise, by family (domain.md §6). Pain
// points to the stop rule at the top of the session page, the programme's
// one rule, so no card holds a number of its own. A client who already
// leaks stops for more leaking than usual, not for her usual leaks.
func stopWords(family string, leaks bool) string {
	const pain = "pain past your stop rule"
	leak := "leaking"
	if leaks {
		leak = "more leaking than usual"
	}
	switch family {
	case assessment.FamilyCore, assessment.FamilyBreathing:
		return "a ridge along the middle of your tummy, " + leak + ", heaviness low down, or " + pain + "."
	case assessment.FamilyHinge, assessment.FamilyLegs, assessment.FamilyConditioning:
		return leak + ", heaviness low down, pain or tingling down a leg, or " + pain + "."
	case assessment.FamilyChest, assessment.FamilyUpperBack:
		return "pins and needles in your arm or hand, or " + pain + "."
	}
	return "sharp pain, or " + pain + "."
}

// outOfTen words "5/10" as "5 out of 10", as the rest of the handout does.
var outOfTen = regexp.MustCompile(`\b(\d+)/10\b`)

// stopRule is the programme's stop rule in her words, the same on every
// page that names one. A programme without one gets the strictest rule:
// stop for any pain the exercise brings on.
func stopRule(p *assessment.Programme) string {
	t := ""
	if p != nil {
		t = clean(p.StopRule, maxStopRunes)
	}
	if t == "" {
		return "Stop any exercise that brings on pain or makes it worse than before you started, and tell me."
	}
	t = outOfTen.ReplaceAllString(t, "$1 out of 10")
	t = herVoice(t)
	t = strings.ReplaceAll(t, "fewer reps", "fewer repetitions")
	return t
}

// stopRuleFor is the stop rule as she reads it everywhere: the
// programme's, with the pelvic-floor signs she already lives with (leaks,
// urges, heaviness) read as "more than usual", as her stop list says.
func stopRuleFor(r *assessment.Record, p *assessment.Programme) string {
	t := stopRule(p)
	pf := pelvicFloor(r)
	if pf.Leakage {
		t = strings.Replace(t, "if you leak,", "if you leak more than usual,", 1)
	}
	if pf.Urgency {
		t = strings.Replace(t, "feel a sudden urge to pass urine", "feel a stronger urge to pass urine than usual", 1)
	}
	if pf.Heaviness {
		t = strings.Replace(t, "or feel heaviness or dragging in the pelvis", "or feel more heaviness or dragging in the pelvis than usual", 1)
	}
	return t
}

// pelvicFloor is her pelvic-floor answers, none when not recorded: what
// she already has is then unknown, and every sign stops the exercise.
func pelvicFloor(r *assessment.Record) assessment.PelvicFloor {
	if r == nil || r.PelvicFloor == nil {
		return assessment.PelvicFloor{}
	}
	return *r.PelvicFloor
}

// herVoice words the library's "tell your coach" as the coach speaks on
// the handout: "tell me".
func herVoice(t string) string {
	t = strings.ReplaceAll(t, "tell your coach", "tell me")
	t = strings.ReplaceAll(t, "as soon as your coach records", "as soon as I record")
	t = strings.ReplaceAll(t, "Your coach will", "I will")
	return strings.ReplaceAll(t, "ask your coach", "ask me")
}

// equipmentNames give each piece of equipment with a home stand-in.
var equipmentNames = map[string]string{
	assessment.EquipMat:        "a mat (a folded blanket or a rug will do)",
	assessment.EquipBand:       "a resistance band",
	assessment.EquipDowel:      "a dowel (a broom handle works)",
	assessment.EquipKettlebell: "a kettlebell (a full shopping bag to start)",
	assessment.EquipDumbbell:   "a dumbbell (a full water bottle to start)",
	assessment.EquipBench:      "a bench (a sturdy sofa or worktop)",
	assessment.EquipBox:        "a step (the bottom stair or a sturdy chair)",
	assessment.EquipWall:       "a clear wall or door frame",
	assessment.EquipCable:      "a cable machine at the gym (a band tied to a door handle at home)",
	assessment.EquipBarbell:    "a barbell at the gym",
	assessment.EquipFoamRoller: "a foam roller (a rolled towel at a pinch)",
}

// nothingNeeded is the equipment line of an exercise that needs none.
const nothingNeeded = "Nothing: just you and a bit of floor."

func equipmentList(eq []string) string {
	var out []string
	for _, e := range eq {
		if t, ok := equipmentNames[e]; ok && !contains(out, t) {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return nothingNeeded
	}
	s := joinAnd(out) + "."
	return strings.ToUpper(s[:1]) + s[1:]
}

// shortSideWords is extraSideWords for the fridge page and the
// week-by-week amounts, where room is short; the session page says it in
// full.
func shortSideWords(id, side string) string {
	switch id {
	case "clamshell", "clamshell_banded", "side_lying_abduction", "side_lying_abduction_banded":
		return fmt.Sprintf("with your %s leg on top", side)
	case "side_plank", "side_plank_knees", "side_bridge_clam":
		return fmt.Sprintf("on your %s forearm", side)
	case "open_book":
		return fmt.Sprintf("opening your %s arm", side)
	case "foam_roll_outer_hip":
		return fmt.Sprintf("rolling your %s hip", side)
	case "half_kneeling_hf":
		return fmt.Sprintf("with your %s knee down", side)
	}
	return fmt.Sprintf("for your %s side", side)
}

// extraSideWords says which limb does the extra round of a one-sided
// exercise. "On your right side" reads, for a side-lying exercise, as lying
// on the right side, which works the left hip: so the words name the
// working limb and, lying down, the side she lies on.
func extraSideWords(id, side string) string {
	other := "left"
	if side == assessment.SideLeft {
		other = "right"
	}
	switch id {
	case "clamshell", "clamshell_banded", "side_lying_abduction", "side_lying_abduction_banded":
		return fmt.Sprintf("with your %s leg working (lying on your %s side, %s leg on top)", side, other, side)
	case "side_plank", "side_plank_knees", "side_bridge_clam":
		return fmt.Sprintf("with your %s side working (lying on your %s side, propped on your %s forearm)", side, side, side)
	case "open_book":
		return fmt.Sprintf("opening your %s arm (lying on your %s side)", side, other)
	case "half_kneeling_hf":
		return fmt.Sprintf("with your %s knee down (the stretch is at the front of your %s hip)", side, side)
	case "foam_roll_outer_hip":
		return fmt.Sprintf("rolling your %s hip (lying on your %s side)", side, side)
	}
	return fmt.Sprintf("with your %s side working", side)
}

// plainNames replace the library's gym names that mean nothing to her
// ("prone", "posterior tilt", "glute", "RDL", "Pallof", "90/90", "dead
// bug") with what she does; a name a coach may say aloud stays in
// brackets, so the two of them can talk about it.
var plainNames = map[string]string{
	"prone_ytw":                    "Arm raises in Y, T and W shapes, lying face down",
	"hip_flexor_stretch":           "Kneeling stretch for the front of the hip, tail tucked under",
	"exhale_on_effort_lift":        "Lifting practice: breathe out as you lift",
	"breathing_360":                "Deep breathing into your back and sides (360° breathing)",
	"breathing_deep_core":          "Breathing with a gentle tummy lift",
	"glute_bridge":                 "Bridge: lift your hips, squeezing your buttocks",
	"prone_hip_extension":          "Leg lift lying face down, squeezing your buttock",
	"dead_bug_toe_tap":             "Toe taps lying on your back, knees up (dead bug)",
	"dead_bug_bent_knee":           "Opposite arm and leg reach, lying on your back (dead bug)",
	"dead_bug_long_lever":          "Straight-leg reach, lying on your back (dead bug)",
	"bird_dog_leg_slide":           "Leg slide back on hands and knees",
	"bird_dog":                     "Opposite arm and leg reach on hands and knees (bird dog)",
	"pallof_press_kneeling":        "Band push-out without twisting, on one knee (Pallof press)",
	"pallof_press_standing":        "Band push-out without twisting, standing (Pallof press)",
	"suitcase_carry":               "Walk carrying a weight in one hand (suitcase carry)",
	"farmer_carry":                 "Walk carrying a heavy weight in each hand",
	"hip_thrust":                   "Hip lift with a dumbbell, shoulders on a bench",
	"hip_thrust_barbell":           "Heavy hip lift with a barbell, shoulders on a bench",
	"quadruped_hip_extension":      "Leg lift back on hands and knees",
	"quadruped_hip_extension_band": "Leg lift back on hands and knees, with a band",
	"side_bridge_clam":             "Side plank from the knees, opening the top knee",
	"side_lying_abduction":         "Leg lift to the side, lying on your side",
	"side_lying_abduction_banded":  "Leg lift to the side with a band, lying on your side",
	"lateral_walk_banded":          "Side steps with a band round your legs",
	"lateral_walk_low":             "Low side steps with a band round your feet",
	"goblet_squat":                 "Squat holding a weight at your chest",
	"hinge_hands_on_hips":          "Bend from the hips, hands in the hip crease",
	"wall_tap_hinge":               "Bend from the hips to tap your bottom on a wall",
	"dowel_hinge":                  "Bend from the hips with a stick along your back",
	"kb_deadlift_elevated":         "Lift a kettlebell from a box, bending from the hips",
	"kb_rdl":                       "Bend from the hips holding kettlebells (Romanian deadlift)",
	"barbell_deadlift_heavy":       "Heavy barbell lift from the floor (deadlift)",
	"kickstand_rdl":                "Bend from the hips, one foot a little behind (Romanian deadlift)",
	"single_leg_rdl":               "Bend from the hips on one leg (Romanian deadlift)",
	"db_row_supported":             "Dumbbell row, chest resting on a bench",
	"db_row_bent":                  "Dumbbell row, leaning forward",
	"band_pull_apart":              "Band pull-apart: stretch the band across your chest",
	"band_pulldown_kneeling":       "Band pull-down, kneeling on one knee",
	"wall_angel":                   "Arm slides up a wall (wall angel)",
	"chin_tuck":                    "Chin tuck: draw your chin straight back",
	"hip_90_90":                    "Seated hip switch: both knees bent, tip them side to side (90/90)",
	"couch_stretch":                "Stretch for the front of the thigh, back foot up on a sofa",
	"figure_four_stretch":          "Buttock stretch lying down, ankle over the other knee (figure 4)",
	"pigeon_stretch":               "Buttock stretch, front leg folded in front of you (pigeon)",
	"foam_roll_outer_hip":          "Roll the outer hip on a foam roller",
	"adductor_rockback":            "Inner-thigh stretch, rocking back on hands and knees",
	"cat_cow":                      "Round and arch your back on hands and knees (cat-cow)",
	"thread_the_needle":            "Upper-back twist on hands and knees (thread the needle)",
	"thoracic_extension_roller":    "Upper-back bend back over a foam roller",
	"run_walk_intervals":           "Run-walk: short easy runs between walks",
	"open_book":                    "Open book: lying on your side, open your top arm like a book",
}

// ExerciseName is an exercise's name as she reads it on the handout: a
// plain name for the few gym names that need one, else the library's.
func ExerciseName(ex *assessment.Exercise) string {
	if ex == nil {
		return ""
	}
	if n, ok := plainNames[ex.ID]; ok && !ex.Custom {
		return n
	}
	return clean(ex.Name, maxNameRunes)
}
