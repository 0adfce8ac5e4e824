package assessment_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assets"
)

// TestBuiltinLibrary checks the shipped library with its own, independent
// structural checks (not ValidateLibrary's), so a bug there cannot hide a
// broken library.
func TestBuiltinLibrary(t *testing.T) {
	lib := pgLib(t)
	ex := lib.Exercises
	if len(ex) < 45 {
		t.Fatalf("%d exercises, want at least 45", len(ex))
	}
	byID := map[string]*assessment.Exercise{}
	for _, e := range ex {
		if byID[e.ID] != nil {
			t.Errorf("duplicate id %s", e.ID)
		}
		byID[e.ID] = e
	}
	demandsUsed := map[string]bool{}
	for _, e := range ex {
		t.Run(e.ID, func(t *testing.T) {
			for _, ref := range []string{e.Regression, e.Progression} {
				if ref != "" && byID[ref] == nil {
					t.Errorf("reference %q does not resolve", ref)
				}
			}
			if p := byID[e.Progression]; p != nil && p.Regression != e.ID {
				t.Errorf("progression %s names %q as its regression", p.ID, p.Regression)
			}
			// No regression cycles, and the chain reaches a root.
			seen := map[string]bool{}
			for cur := e; cur != nil; cur = byID[cur.Regression] {
				if seen[cur.ID] {
					t.Fatalf("regression cycle through %s", cur.ID)
				}
				seen[cur.ID] = true
			}
			// Reachable: on its root's main line, or a branch directly off it.
			root, steps := e, 0
			for root.Regression != "" {
				root = byID[root.Regression]
				steps++
			}
			line := []string{root.ID}
			for cur := root; cur.Progression != ""; cur = byID[cur.Progression] {
				line = append(line, cur.Progression)
			}
			if !slices.Contains(line, e.ID) && !slices.Contains(line, e.Regression) {
				t.Errorf("not reachable from %s's main line %v", root.ID, line)
			}
			for _, d := range e.Demands {
				if !slices.Contains(assessment.Demands, d) {
					t.Errorf("unknown demand %q", d)
				}
				demandsUsed[d] = true
			}
			if n := len(e.Cues); n < 2 || n > 4 {
				t.Errorf("%d cues", n)
			}
			for _, c := range e.Cues {
				if utf8.RuneCountInString(c) < 15 {
					t.Errorf("cue too short to teach anything: %q", c)
				}
			}
			for _, ph := range assessment.PhaseNames {
				d, ok := e.Dosage[ph]
				if !ok {
					t.Errorf("no %s dose", ph)
					continue
				}
				if d.Sets < 1 || (d.Reps == 0 && d.HoldSeconds == 0) {
					t.Errorf("%s dose %+v", ph, d)
				}
			}
			// Strength asks at least as many sets as activation (domain.md §8).
			if a, s := e.Dosage[assessment.PhaseActivation], e.Dosage[assessment.PhaseStrength]; s.Sets < a.Sets {
				t.Errorf("strength %d sets < activation %d", s.Sets, a.Sets)
			}
		})
	}
	for _, d := range []string{assessment.DemandImpact, assessment.DemandLoadedFlexion, assessment.DemandHighPressure, assessment.DemandHeavyLoad, assessment.DemandLoadedHinge} {
		if !demandsUsed[d] {
			t.Errorf("no exercise makes demand %s, so its gate refuses nothing", d)
		}
	}
	// The exercises the issue names, including those some clients must not get.
	for _, id := range []string{"glute_bridge", "single_leg_bridge", "hip_thrust", "clamshell", "side_lying_abduction", "lateral_walk_banded", "side_bridge_clam",
		"dowel_hinge", "wall_tap_hinge", "kb_deadlift_elevated", "kb_rdl", "band_row", "band_pull_apart", "band_face_pull",
		"breathing_deep_core", "heel_slide", "dead_bug_toe_tap", "bird_dog", "side_plank_knees", "pallof_press_kneeling", "suitcase_carry", "curl_up",
		"hip_90_90", "hip_flexor_stretch", "pigeon_stretch", "couch_stretch", "doorway_pec_stretch", "open_book", "pelvic_tilt_supine",
		"crunch", "plank_front", "jump_squat", "barbell_deadlift_heavy"} {
		if byID[id] == nil {
			t.Errorf("library lacks %s", id)
		}
	}
	for _, f := range assessment.Families {
		var n int
		for _, e := range ex {
			if e.Family == f {
				n++
			}
		}
		if n == 0 {
			t.Errorf("family %s is empty", f)
		}
	}
}

// pgExercise is a valid exercise for edits.
func pgExercise(id string, edits ...func(*assessment.Exercise)) *assessment.Exercise {
	e := &assessment.Exercise{
		ID: id, Name: "Exercise " + id, Family: assessment.FamilyGlutes, Targets: []string{assessment.FindGeneral},
		Demands: []string{}, Equipment: []string{assessment.EquipNone}, Position: assessment.PosSupine,
		Cues:   []string{"Breathe out as you lift.", "Lower slowly."},
		Dosage: map[string]assessment.Dose{assessment.PhaseActivation: {Sets: 2, Reps: 10, Tempo: "2-1-2", RestSeconds: 30}},
	}
	for _, ed := range edits {
		ed(e)
	}
	return e
}

func TestExerciseValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(*assessment.Exercise)
		field string // "" for valid
	}{
		{"OK", func(*assessment.Exercise) {}, ""},
		{"OKRepsOfHolds", func(e *assessment.Exercise) {
			e.Dosage["strength"] = assessment.Dose{Sets: 3, Reps: 6, HoldSeconds: 10}
		}, ""},
		{"ErrIDRequired", func(e *assessment.Exercise) { e.ID = "" }, "id"},
		{"ErrIDFormat", func(e *assessment.Exercise) { e.ID = "Glute Bridge" }, "id"},
		{"ErrIDLeadingDigit", func(e *assessment.Exercise) { e.ID = "9bridge" }, "id"},
		{"ErrIDTooLong", func(e *assessment.Exercise) { e.ID = strings.Repeat("a", 61) }, "id"},
		{"ErrNameRequired", func(e *assessment.Exercise) { e.Name = "  " }, "name"},
		{"ErrNameControl", func(e *assessment.Exercise) { e.Name = "Bridge\x00" }, "name"},
		{"ErrFamily", func(e *assessment.Exercise) { e.Family = "cardio" }, "family"},
		{"ErrTargetsRequired", func(e *assessment.Exercise) { e.Targets = nil }, "targets"},
		{"ErrTargetUnknown", func(e *assessment.Exercise) { e.Targets = []string{"sore_back"} }, "targets[0]"},
		{"ErrTargetRedFlag", func(e *assessment.Exercise) { e.Targets = []string{assessment.FindRedFlag} }, "targets[0]"},
		{"ErrDemandUnknown", func(e *assessment.Exercise) { e.Demands = []string{"spicy"} }, "demands[0]"},
		{"ErrDemandRepeated", func(e *assessment.Exercise) { e.Demands = []string{"impact", "impact"} }, "demands[1]"},
		{"ErrEquipmentRequired", func(e *assessment.Exercise) { e.Equipment = nil }, "equipment"},
		{"ErrEquipmentUnknown", func(e *assessment.Exercise) { e.Equipment = []string{"trampoline"} }, "equipment[0]"},
		{"ErrEquipmentNoneCombined", func(e *assessment.Exercise) { e.Equipment = []string{"none", "band"} }, "equipment"},
		{"ErrPosition", func(e *assessment.Exercise) { e.Position = "upside_down" }, "position"},
		{"ErrTooFewCues", func(e *assessment.Exercise) { e.Cues = e.Cues[:1] }, "cues"},
		{"ErrTooManyCues", func(e *assessment.Exercise) { e.Cues = []string{"a cue", "b cue", "c cue", "d cue", "e cue"} }, "cues"},
		{"ErrCueEmpty", func(e *assessment.Exercise) { e.Cues[1] = " " }, "cues[1]"},
		{"ErrCueTooLong", func(e *assessment.Exercise) { e.Cues[0] = strings.Repeat("x", 201) }, "cues[0]"},
		{"ErrNoDosage", func(e *assessment.Exercise) { e.Dosage = nil }, "dosage"},
		{"ErrUnknownPhase", func(e *assessment.Exercise) { e.Dosage["power"] = assessment.Dose{Sets: 1, Reps: 1} }, "dosage.power"},
		{"ErrSets", func(e *assessment.Exercise) { e.Dosage["activation"] = assessment.Dose{Sets: 0, Reps: 10} }, "dosage.activation.sets"},
		{"ErrTooManySets", func(e *assessment.Exercise) { e.Dosage["strength"] = assessment.Dose{Sets: 11, Reps: 10} }, "dosage.strength.sets"},
		{"ErrNoRepsNoHold", func(e *assessment.Exercise) { e.Dosage["activation"] = assessment.Dose{Sets: 2} }, "dosage.activation.reps"},
		{"ErrNegativeHold", func(e *assessment.Exercise) {
			e.Dosage["activation"] = assessment.Dose{Sets: 2, Reps: 5, HoldSeconds: -1}
		}, "dosage.activation.hold_seconds"},
		{"ErrRest", func(e *assessment.Exercise) {
			e.Dosage["activation"] = assessment.Dose{Sets: 2, Reps: 5, RestSeconds: 601}
		}, "dosage.activation.rest_seconds"},
		{"ErrTempo", func(e *assessment.Exercise) {
			e.Dosage["activation"] = assessment.Dose{Sets: 2, Reps: 5, Tempo: "slow"}
		}, "dosage.activation.tempo"},
		{"ErrTempoOnePart", func(e *assessment.Exercise) { e.Dosage["activation"] = assessment.Dose{Sets: 2, Reps: 5, Tempo: "3"} }, "dosage.activation.tempo"},
		{"ErrOwnRegression", func(e *assessment.Exercise) { e.Regression = e.ID }, "regression"},
		{"ErrOwnProgression", func(e *assessment.Exercise) { e.Progression = e.ID }, "progression"},
		{"ErrSameEasierAndHarder", func(e *assessment.Exercise) { e.Regression, e.Progression = "x", "x" }, "progression"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := pgExercise("bridge", tt.edit)
			err := e.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			if assessment.ErrorCode(err) != assessment.EINVALID {
				t.Fatalf("Validate = %v, want EINVALID", err)
			}
			if msg := assessment.FieldErrors(err).For(tt.field); msg == "" {
				t.Errorf("no message for %q in %v", tt.field, err)
			}
		})
	}
	var nilEx *assessment.Exercise
	if nilEx.Validate() == nil {
		t.Error("a nil exercise validates")
	}
}

func TestValidateLibrary(t *testing.T) {
	chain := func(edits ...func(map[string]*assessment.Exercise)) []*assessment.Exercise {
		a := pgExercise("a", func(e *assessment.Exercise) { e.Progression = "b" })
		b := pgExercise("b", func(e *assessment.Exercise) { e.Regression = "a"; e.Progression = "c" })
		c := pgExercise("c", func(e *assessment.Exercise) { e.Regression = "b" })
		m := map[string]*assessment.Exercise{"a": a, "b": b, "c": c}
		for _, ed := range edits {
			ed(m)
		}
		out := []*assessment.Exercise{a, b, c}
		for _, id := range []string{"d", "e", "f", "g"} {
			if m[id] != nil {
				out = append(out, m[id])
			}
		}
		return out
	}
	tests := []struct {
		name  string
		ex    []*assessment.Exercise
		field string
	}{
		{"OK", chain(), ""},
		{"OKBranchOffMainLine", chain(func(m map[string]*assessment.Exercise) {
			m["d"] = pgExercise("d", func(e *assessment.Exercise) { e.Regression = "a" })
		}), ""},
		{"ErrFieldPrefixedWithID", chain(func(m map[string]*assessment.Exercise) { m["b"].Cues = nil }), "b.cues"},
		{"ErrNilEntry", append(chain(), nil), "exercises[3]"},
		{"ErrDuplicateID", append(chain(), pgExercise("a")), "exercises[3].id"},
		{"ErrUnknownRegression", chain(func(m map[string]*assessment.Exercise) { m["c"].Regression = "zz" }), "c.regression"},
		{"ErrUnknownProgression", chain(func(m map[string]*assessment.Exercise) { m["c"].Progression = "zz" }), "c.progression"},
		{"ErrCrossFamily", chain(func(m map[string]*assessment.Exercise) { m["c"].Family = assessment.FamilyCore }), "c.regression"},
		{"OKRegressionAsksLess", chain(func(m map[string]*assessment.Exercise) {
			m["b"].Demands = []string{assessment.DemandLoadedHinge}
			m["c"].Demands = []string{assessment.DemandLoadedHinge, assessment.DemandHeavyLoad}
		}), ""},
		// A "regression" that asks for a demand its harder exercise does not
		// could bring back what a gate forbids when a session hurts.
		{"ErrRegressionAsksMore", chain(func(m map[string]*assessment.Exercise) {
			m["b"].Demands = []string{assessment.DemandHeavyLoad}
		}), "c.regression"},
		{"ErrBranchRegressionAsksMore", chain(func(m map[string]*assessment.Exercise) {
			m["a"].Demands = []string{assessment.DemandImpact}
			m["d"] = pgExercise("d", func(e *assessment.Exercise) { e.Regression = "a" })
		}), "d.regression"},
		{"ErrProgressionMismatch", chain(func(m map[string]*assessment.Exercise) {
			m["d"] = pgExercise("d", func(e *assessment.Exercise) { e.Regression = "a" })
			m["a"].Progression = "c"
		}), "a.progression"},
		{"ErrCycle", chain(func(m map[string]*assessment.Exercise) {
			m["a"].Regression = "c"
			m["c"].Progression = "a"
		}), "a.regression"},
		{"ErrBranchOfBranch", chain(func(m map[string]*assessment.Exercise) {
			m["d"] = pgExercise("d", func(e *assessment.Exercise) { e.Regression = "a" })
			m["e"] = pgExercise("e", func(e *assessment.Exercise) { e.Regression = "d" })
		}), "e.regression"},
		{"ErrTooDeep", chain(func(m map[string]*assessment.Exercise) {
			// glutes reach 3 steps from the root: a→b→c→d→e puts e at 4.
			m["c"].Progression = "d"
			m["d"] = pgExercise("d", func(e *assessment.Exercise) { e.Regression = "c"; e.Progression = "e" })
			m["e"] = pgExercise("e", func(e *assessment.Exercise) { e.Regression = "d" })
		}), "e.regression"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := assessment.ValidateLibrary(tt.ex)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("ValidateLibrary: %v", err)
				}
				if _, err := assessment.NewLibrary(tt.ex); err != nil {
					t.Fatalf("NewLibrary: %v", err)
				}
				return
			}
			if msg := assessment.FieldErrors(err).For(tt.field); msg == "" {
				t.Fatalf("no message for %q in %v", tt.field, err)
			}
			if _, err := assessment.NewLibrary(tt.ex); err == nil {
				t.Error("NewLibrary accepted an invalid library")
			}
		})
	}
}

func TestParseLibrary(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"ErrEmpty", "", "empty"},
		{"ErrNotJSON", "[{", "cut off"},
		{"ErrSyntax", "[}", "not valid JSON"},
		{"ErrNotList", `{"id":"a"}`, "list of exercises"},
		{"ErrUnknownKey", `[{"id":"a","colour":"red"}]`, `"colour"`},
		{"ErrWrongType", `[{"id":"a","cues":"one"}]`, "must be a"},
		{"ErrTrailing", `[] []`, "extra content"},
		{"ErrInvalidExercise", `[{"id":"a"}]`, "a.name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lib, err := assessment.ParseLibrary([]byte(tt.data))
			if lib != nil || assessment.ErrorCode(err) != assessment.EINVALID {
				t.Fatalf("ParseLibrary = %v, %v; want EINVALID", lib, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q lacks %q", err, tt.want)
			}
		})
	}
}

func TestLibraryWith(t *testing.T) {
	lib := pgLib(t)
	custom := pgExercise("banded_glute_bridge", func(e *assessment.Exercise) {
		e.Regression = "glute_bridge" // a branch off the bridge chain
		e.Equipment = []string{assessment.EquipBand}
	})
	all, err := lib.With([]*assessment.Exercise{custom})
	if err != nil {
		t.Fatalf("With: %v", err)
	}
	got, ok := all.Get("banded_glute_bridge")
	if !ok || !got.Custom {
		t.Fatalf("custom exercise = %+v, %v", got, ok)
	}
	if custom.Custom {
		t.Error("With changed the caller's exercise")
	}
	if len(all.Exercises) != len(lib.Exercises)+1 || len(lib.Exercises) != len(pgLib(t).Exercises) {
		t.Error("With changed the built-in library")
	}
	if n, _ := all.Level("banded_glute_bridge"); n != 1 {
		t.Errorf("level = %d, want 1", n)
	}

	_, err = lib.With([]*assessment.Exercise{pgExercise("glute_bridge")})
	if assessment.ErrorCode(err) != assessment.ECONFLICT {
		t.Errorf("clashing id: %v, want ECONFLICT", err)
	}
	_, err = lib.With([]*assessment.Exercise{pgExercise("my_crunch_variant", func(e *assessment.Exercise) {
		e.Family, e.Regression = assessment.FamilyCore, "crunch" // crunch is itself a branch
	})})
	if assessment.FieldErrors(err).For("my_crunch_variant.regression") == "" {
		t.Errorf("branch of a branch: %v", err)
	}
	// A custom library can be extended again without the old custom ones clashing.
	again, err := all.With([]*assessment.Exercise{pgExercise("banded_glute_bridge")})
	if err != nil || len(again.Exercises) != len(all.Exercises) {
		t.Errorf("re-adding custom exercises: %v (%d exercises)", err, len(again.Exercises))
	}
}

func TestAlternatives(t *testing.T) {
	lib := pgLib(t)
	diastasis := pgRecord(pgDiastasis(2.5, assessment.TensionSoft, assessment.DomingMild))
	ids := func(ex []*assessment.Exercise) []string {
		out := make([]string, len(ex))
		for i, e := range ex {
			out[i] = e.ID
		}
		return out
	}
	alts, err := assessment.Alternatives(lib, diastasis, "dead_bug_bent_knee", assessment.ProgrammeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := ids(alts)
	for _, bad := range []string{"dead_bug_bent_knee", "crunch", "plank_front", "curl_up"} {
		if slices.Contains(got, bad) {
			t.Errorf("alternatives include %s: %v", bad, got)
		}
	}
	for _, want := range []string{"heel_slide", "dead_bug_toe_tap", "bird_dog"} {
		if !slices.Contains(got, want) {
			t.Errorf("alternatives lack %s: %v", want, got)
		}
	}
	// Same family first, nearest difficulty first within it.
	if e, _ := lib.Get(got[0]); e.Family != assessment.FamilyCore || got[0] != "dead_bug_toe_tap" {
		t.Errorf("first alternative %s", got[0])
	}
	var sawOther bool
	for _, id := range got {
		e, _ := lib.Get(id)
		if e.Family != assessment.FamilyCore {
			sawOther = true
		} else if sawOther {
			t.Errorf("core exercise %s after another family: %v", id, got)
		}
	}
	// Equipment filter.
	alts, _ = assessment.Alternatives(lib, pgRecord(), "clamshell", assessment.ProgrammeOptions{Equipment: []string{assessment.EquipNone}})
	for _, e := range alts {
		if !slices.Equal(e.Equipment, []string{assessment.EquipNone}) {
			t.Errorf("%s needs %v", e.ID, e.Equipment)
		}
	}
	if !slices.Contains(ids(alts), "side_lying_abduction") {
		t.Errorf("clamshell alternatives lack side-lying abduction: %v", ids(alts))
	}
	if _, err := assessment.Alternatives(lib, pgRecord(), "nope", assessment.ProgrammeOptions{}); assessment.ErrorCode(err) != assessment.ENOTFOUND {
		t.Errorf("unknown id: %v", err)
	}
	if alts, _ := assessment.Alternatives(lib, pgRecord(pgRedFlag(assessment.TriYes)), "clamshell", assessment.ProgrammeOptions{}); len(alts) != 0 {
		t.Errorf("a blocked client has alternatives: %v", ids(alts))
	}
}

func TestLibraryJSON(t *testing.T) {
	b, err := assessment.LibraryJSON(pgLib(t))
	if err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(pgLib(t).Exercises) {
		t.Fatalf("%d entries", len(got))
	}
	for _, e := range got {
		for _, k := range []string{"id", "name", "family", "demands", "targets", "equipment", "cues", "regression", "progression"} {
			if _, ok := e[k]; !ok {
				t.Errorf("%v lacks %q", e["id"], k)
			}
		}
		for _, k := range []string{"demands", "targets", "equipment", "cues"} {
			if _, ok := e[k].([]any); !ok {
				t.Errorf("%v: %s is %T, want a list", e["id"], k, e[k])
			}
		}
	}
	if got[0]["id"] != "breathing_360" || got[0]["regression"] != nil || got[0]["progression"] != "breathing_deep_core" {
		t.Errorf("first entry %v", got[0])
	}
	// The JSON form reads back as a library.
	var back []*assessment.Exercise
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if _, err := assessment.NewLibrary(back); err != nil {
		t.Errorf("round trip: %v", err)
	}
}

func BenchmarkParseLibrary(b *testing.B) {
	for b.Loop() {
		if _, err := assessment.ParseLibrary(assets.LibraryJSON); err != nil {
			b.Fatal(err)
		}
	}
}
