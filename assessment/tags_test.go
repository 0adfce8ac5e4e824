package assessment_test

import (
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// TestLibraryTags pins every built-in exercise's demand tags, so a tag
// change is a reviewed change: edit assets/library.json (with the reason
// beside the tag) and this table together. The safety gates and the oracle
// read nothing else about an exercise but its family and these tags.
func TestLibraryTags(t *testing.T) {
	want := []struct{ id, tags string }{
		{"breathing_360", ""},
		{"breathing_deep_core", ""},
		{"exhale_on_effort_lift", "loaded_hinge external_load hinge_pattern"},
		{"pelvic_floor_contraction", ""},
		{"pelvic_floor_knack", ""},
		{"heel_slide", ""},
		{"dead_bug_toe_tap", ""},
		{"dead_bug_bent_knee", ""},
		{"dead_bug_long_lever", "long_lever_core"},
		{"bird_dog_leg_slide", "floor_work"},
		{"bird_dog", "floor_work"},
		{"side_plank_knees", ""},
		{"side_plank", "long_lever_core"},
		{"pallof_press_kneeling", ""},
		{"pallof_press_standing", ""},
		{"suitcase_carry", "loaded_hinge external_load floor_lift"},
		{"farmer_carry", "high_pressure heavy_load loaded_hinge external_load floor_lift"},
		{"head_lift_exhale", "trunk_curl"},
		{"curl_up", "loaded_flexion trunk_curl"},
		{"crunch", "loaded_flexion high_pressure trunk_curl"},
		{"plank_incline", ""},
		{"plank_kneeling", ""},
		{"plank_front", "high_pressure long_lever_core"},
		{"glute_bridge", ""},
		{"single_leg_bridge", ""},
		{"hip_thrust", "external_load"},
		{"hip_thrust_barbell", "high_pressure heavy_load external_load"},
		{"prone_hip_extension", "prone_lying"},
		{"quadruped_hip_extension", "floor_work"},
		{"quadruped_hip_extension_band", "floor_work"},
		{"clamshell", ""},
		{"clamshell_banded", ""},
		{"side_bridge_clam", ""},
		{"side_lying_abduction", ""},
		{"side_lying_abduction_banded", ""},
		{"wall_hip_press", "uneven_pelvis_load"},
		{"lateral_walk_banded", "uneven_pelvis_load"},
		{"lateral_walk_low", "uneven_pelvis_load"},
		{"sit_to_stand", ""},
		{"bodyweight_squat", ""},
		{"goblet_squat", "loaded_hinge external_load floor_lift"},
		{"jump_squat", "impact"},
		{"split_squat", "uneven_pelvis_load"},
		{"step_up", "single_leg_load uneven_pelvis_load"},
		{"hinge_hands_on_hips", "hinge_pattern"},
		{"wall_tap_hinge", "hinge_pattern"},
		{"dowel_hinge", "hinge_pattern"},
		{"kb_deadlift_elevated", "loaded_hinge external_load hinge_pattern"},
		{"kb_rdl", "loaded_hinge external_load rdl_pattern hinge_pattern"},
		{"barbell_deadlift_heavy", "high_pressure heavy_load loaded_hinge external_load rdl_pattern hinge_pattern floor_lift"},
		{"kickstand_rdl", "loaded_hinge external_load rdl_pattern hinge_pattern uneven_pelvis_load"},
		{"single_leg_rdl", "loaded_hinge single_leg_load external_load rdl_pattern hinge_pattern uneven_pelvis_load"},
		{"band_row", ""},
		{"db_row_supported", "external_load prone_lying"},
		{"db_row_bent", "loaded_hinge external_load rdl_pattern hinge_pattern"},
		{"prone_ytw", "prone_lying"},
		{"band_pull_apart", ""},
		{"band_face_pull", ""},
		{"cable_face_pull", "external_load"},
		{"band_pulldown_kneeling", ""},
		{"doorway_pec_stretch", ""},
		{"open_book", "belly_stretch"},
		{"thread_the_needle", "floor_work belly_stretch"},
		{"thoracic_extension_roller", "floor_work"},
		{"wall_angel", ""},
		{"chin_tuck", ""},
		{"hip_90_90", "floor_work"},
		{"hip_flexor_stretch", "belly_stretch uneven_pelvis_load"},
		{"couch_stretch", "deep_stretch belly_stretch uneven_pelvis_load"},
		{"figure_four_stretch", ""},
		{"pigeon_stretch", "prone_lying deep_stretch floor_work"},
		{"foam_roll_outer_hip", "floor_work"},
		{"adductor_rockback", "floor_work uneven_pelvis_load"},
		{"pelvic_tilt_supine", ""},
		{"pelvic_tilt_wall", ""},
		{"cat_cow", "floor_work belly_stretch"},
		{"heel_slide_small", ""},
		{"easy_walk", ""},
		{"brisk_walk", ""},
		{"run_walk_intervals", "impact"},
	}
	lib := pgLib(t)
	if len(want) != len(lib.Exercises) {
		t.Errorf("%d exercises in the table, %d in the library", len(want), len(lib.Exercises))
	}
	for _, w := range want {
		e, ok := lib.Get(w.id)
		if !ok {
			t.Errorf("%s: not in the library", w.id)
			continue
		}
		if got := strings.Join(e.Demands, " "); got != w.tags {
			t.Errorf("%s: tags %q, want %q", w.id, got, w.tags)
		}
		for _, d := range e.Demands {
			if strings.TrimSpace(e.DemandReasons[d]) == "" {
				t.Errorf("%s: tag %s has no reason in the library data", w.id, d)
			}
		}
	}
}

// TestLibraryTagRules checks the audit's rules over the whole library:
// anything with a weight is external load; a heavy lift or carry is
// high-pressure; anything lifting a weight from low down is a loaded hinge;
// an RDL pattern is a hinge pattern; nothing in the gentle families holds
// a weight.
func TestLibraryTagRules(t *testing.T) {
	for _, e := range pgLib(t).Exercises {
		has := func(d string) bool {
			for _, x := range e.Demands {
				if x == d {
					return true
				}
			}
			return false
		}
		for _, q := range e.Equipment {
			if (q == assessment.EquipKettlebell || q == assessment.EquipDumbbell || q == assessment.EquipBarbell || q == assessment.EquipCable) && !has(assessment.DemandExternalLoad) {
				t.Errorf("%s uses %s but is not tagged external_load", e.ID, q)
			}
		}
		if has(assessment.DemandHeavyLoad) && !has(assessment.DemandHighPressure) {
			t.Errorf("%s is heavy but not tagged high_pressure", e.ID)
		}
		if has(assessment.DemandRDLPattern) && (!has(assessment.DemandLoadedHinge) || !has(assessment.DemandHingePattern)) {
			t.Errorf("%s is an RDL pattern but not a loaded hinge pattern", e.ID)
		}
		if e.Family == assessment.FamilyHinge && !has(assessment.DemandHingePattern) {
			t.Errorf("%s is in the hinge family but not tagged hinge_pattern", e.ID)
		}
		// A plank starts face down but holds the belly off the floor.
		if e.Position == assessment.PosProne && e.Family != assessment.FamilyCore && !has(assessment.DemandProneLying) {
			t.Errorf("%s starts face down but is not tagged prone_lying", e.ID)
		}
	}
}
