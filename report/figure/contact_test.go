package figure_test

import (
	"strings"
	"testing"

	"github.com/keel-coach/keel/report/figure"
)

// onFloor is how close (metres) a body surface must be to the floor line
// to count as resting on it.
const onFloor = 0.025

func builtinPoses(t *testing.T, id string) []figure.Pose {
	t.Helper()
	poses, ok := figure.ForExercise(id)
	if !ok {
		t.Fatalf("%s has no figure", id)
	}
	return poses
}

func wantOnFloor(t *testing.T, id string, p figure.Pose, points ...string) {
	t.Helper()
	for _, n := range points {
		if g := figure.FloorGap(p, n); g < 0 || g > onFloor {
			t.Errorf("%s/%s: %s is %.2f m above the floor, want it resting on it", id, p.Name, n, g)
		}
	}
}

func wantOffFloor(t *testing.T, id string, p figure.Pose, points ...string) {
	t.Helper()
	for _, n := range points {
		if g := figure.FloorGap(p, n); g < 0.05 {
			t.Errorf("%s/%s: %s is %.2f m above the floor, want it clearly lifted", id, p.Name, n, g)
		}
	}
}

// On all fours the knees and hands rest on the floor: in the start both
// knees and both hands, and while one leg or arm moves, the supporting
// knee and hand stay down.
func TestAllFoursRestOnKneesAndHands(t *testing.T) {
	for _, id := range []string{"bird_dog", "bird_dog_leg_slide", "quadruped_hip_extension", "quadruped_hip_extension_band", "cat_cow"} {
		for i, p := range builtinPoses(t, id) {
			if i == 0 || id == "cat_cow" {
				wantOnFloor(t, id, p, "knee_l", "knee_r", "hand_l", "hand_r")
				continue
			}
			wantOnFloor(t, id, p, "knee_l", "hand_r")
		}
	}
	// The sliding leg's toes stay on the floor; the lifted ones do not.
	wantOnFloor(t, "bird_dog_leg_slide", builtinPoses(t, "bird_dog_leg_slide")[1], "toe_r")
	wantOffFloor(t, "bird_dog", builtinPoses(t, "bird_dog")[1], "hand_l", "knee_r")
	wantOffFloor(t, "quadruped_hip_extension", builtinPoses(t, "quadruped_hip_extension")[1], "knee_r")
}

// Feet that should be on the floor are: flat feet in a lying pelvic tilt,
// the back toes of a split squat (heel raised) and a kickstand deadlift,
// the back toes of half-kneeling work.
func TestFeetOnTheFloor(t *testing.T) {
	for _, p := range builtinPoses(t, "pelvic_tilt_supine") {
		wantOnFloor(t, "pelvic_tilt_supine", p, "heel_r", "toe_r", "heel_l", "toe_l")
	}
	ss := builtinPoses(t, "split_squat")[0]
	wantOnFloor(t, "split_squat", ss, "toe_l", "heel_r", "toe_r")
	wantOffFloor(t, "split_squat", ss, "heel_l")
	wantOnFloor(t, "kickstand_rdl", builtinPoses(t, "kickstand_rdl")[1], "toe_l", "heel_r")
	for _, id := range []string{"band_pulldown_kneeling", "hip_flexor_stretch"} {
		for _, p := range builtinPoses(t, id) {
			wantOnFloor(t, id, p, "knee_r", "toe_r")
		}
	}
}

// A side plank starts on the hip, propped on the elbow, and ends with the
// hips lifted on the elbow and the knee or feet.
func TestSidePlanksStartOnTheHip(t *testing.T) {
	for id, support := range map[string]string{"side_plank": "toe_r", "side_plank_knees": "knee_r"} {
		poses := builtinPoses(t, id)
		wantOnFloor(t, id, poses[0], "elbow_r", "hip_r", support)
		wantOnFloor(t, id, poses[len(poses)-1], "elbow_r", support)
		wantOffFloor(t, id, poses[len(poses)-1], "hip_r")
	}
}

// Rest turns the body until both named points touch the floor, whatever
// the angles left floating.
func TestRestPutsBothPointsOnTheFloor(t *testing.T) {
	p := figure.Neutral("kneeling") // arms longer than thighs: the knees float
	p.Angles["ankle_l"], p.Angles["ankle_r"], p.Angles["knee_l"], p.Angles["knee_r"] = 60, 60, 110, 110
	if g := figure.FloorGap(p, "knee_l"); g < 0.05 {
		t.Fatalf("the neutral kneeling figure already has its knee down (%.2f m); the test proves nothing", g)
	}
	p.Rest = []string{"knee_l", "hand_l"}
	wantOnFloor(t, "neutral kneeling", p, "knee_l", "hand_l")
	for _, v := range []figure.View{figure.Side, figure.Front} {
		q := figure.Neutral("lying")
		q.View = v
		q.Rest = []string{"head", "toe_r"}
		if err := q.Check(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRestIsChecked(t *testing.T) {
	for _, rest := range [][]string{{"knee_l"}, {"knee_l", "elbow"}, {"a", "b", "c"}} {
		p := figure.Neutral("kneeling")
		p.Rest = rest
		if err := p.Check(); err == nil || !strings.Contains(err.Error(), "rest") {
			t.Errorf("rest %q: want an error naming rest, got %v", rest, err)
		}
	}
}

// Seen from the side, the far arm and leg are drawn hollow (a light core
// in an ink edge) so left and right can be told apart; facing the reader
// neither side is.
func TestFarLimbsAreHollow(t *testing.T) {
	count := func(p figure.Pose) int {
		n := 0
		for _, q := range figure.Draw(p, 60, 40) {
			if q.Kind == figure.Stroke && q.Tone == figure.Tint {
				n++
			}
		}
		return n
	}
	side := figure.Neutral("standing")
	if n := count(side); n != 6 {
		t.Errorf("side view: %d hollow limb parts, want 6 (far upper arm, forearm, hand, thigh, shin, foot)", n)
	}
	front := side.Clone()
	front.View = figure.Front
	if n := count(front); n != 0 {
		t.Errorf("front view: %d hollow limb parts, want none", n)
	}
}

// Equipment named in the cues is drawn: a kettlebell in each hand for the
// farmer carry, the basket in both frames of the lift practice, a band
// around the thighs in both frames of the banded clamshell.
func TestEquipmentMatchesTheCues(t *testing.T) {
	count := func(p figure.Pose, k figure.PropKind) int {
		n := 0
		for _, pr := range p.Props {
			if pr.Kind == k {
				n++
			}
		}
		return n
	}
	for _, p := range builtinPoses(t, "farmer_carry") {
		if n := count(p, figure.Kettlebell); n != 2 {
			t.Errorf("farmer_carry/%s: %d kettlebells, want 2", p.Name, n)
		}
	}
	if v := builtinPoses(t, "farmer_carry")[1].View; v != figure.Front {
		t.Errorf("farmer_carry walk seen %s: the two weights overlap from the side", v)
	}
	for _, p := range builtinPoses(t, "exhale_on_effort_lift") {
		if count(p, figure.Basket) != 1 {
			t.Errorf("exhale_on_effort_lift/%s: no basket", p.Name)
		}
	}
	for _, id := range []string{"clamshell_banded", "side_lying_abduction_banded", "quadruped_hip_extension_band"} {
		for _, p := range builtinPoses(t, id) {
			if count(p, figure.Band) != 1 {
				t.Errorf("%s/%s: no band", id, p.Name)
			}
		}
	}
}

// The two frames of a walk are not the same picture: the other leg leads.
func TestWalksChangeLegs(t *testing.T) {
	for _, id := range []string{"easy_walk", "brisk_walk"} {
		poses := builtinPoses(t, id)
		a, b := poses[0].Angles, poses[1].Angles
		if (a["hip_r_flex"] > a["hip_l_flex"]) == (b["hip_r_flex"] > b["hip_l_flex"]) {
			t.Errorf("%s: the same leg leads in both frames", id)
		}
	}
}

// Planks rest on the forearms: the elbows and hands are down, with the
// toes (front plank) or the knees (kneeling plank); bridges keep the
// feet flat while the hips rise.
func TestPlanksAndBridgesKeepTheirContacts(t *testing.T) {
	fp := builtinPoses(t, "plank_front")
	wantOnFloor(t, "plank_front", fp[len(fp)-1], "elbow_r", "hand_r", "toe_r")
	wantOffFloor(t, "plank_front", fp[len(fp)-1], "knee_r", "pelvis")
	kp := builtinPoses(t, "plank_kneeling")
	wantOnFloor(t, "plank_kneeling", kp[len(kp)-1], "elbow_r", "knee_r")
	for _, id := range []string{"glute_bridge", "single_leg_bridge"} {
		poses := builtinPoses(t, id)
		end := poses[len(poses)-1]
		wantOnFloor(t, id, end, "head", "heel_r", "toe_r")
		wantOffFloor(t, id, end, "pelvis")
	}
}
