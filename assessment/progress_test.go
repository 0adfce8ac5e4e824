package assessment_test

import (
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// progDay is day n of the progress tests' calendar.
func progDay(n int) assessment.Date { return assessment.NewDate(2026, 1, 5).AddDays(n) }

// rowOf finds the row with key, failing the test when there is none.
func rowOf(t *testing.T, c assessment.Comparison, key string) assessment.MeasureChange {
	t.Helper()
	for _, r := range c.Rows {
		if r.Key == key {
			return r
		}
	}
	var keys []string
	for _, r := range c.Rows {
		keys = append(keys, r.Key)
	}
	t.Fatalf("no row %q; rows: %s", key, strings.Join(keys, ", "))
	return assessment.MeasureChange{}
}

func hasRow(c assessment.Comparison, key string) bool {
	for _, r := range c.Rows {
		if r.Key == key {
			return true
		}
	}
	return false
}

// progRec is an intake on day 0 with edit applied (nil: nothing recorded).
func progRec(edit func(r *assessment.Record)) *assessment.Record {
	r := &assessment.Record{Date: progDay(0), Kind: assessment.KindIntake}
	if edit != nil {
		edit(r)
	}
	return r
}

func TestCompare(t *testing.T) {
	pain := func(now int) func(*assessment.Record) {
		return func(r *assessment.Record) { r.Pain = &assessment.Pain{Now: ip(now)} }
	}
	fingers := func(above float64) func(*assessment.Record) {
		return func(r *assessment.Record) {
			r.Diastasis = &assessment.Diastasis{Above: &assessment.DiastasisSite{WidthFingers: fp(above)}}
		}
	}
	mm := func(above int) func(*assessment.Record) {
		return func(r *assessment.Record) {
			r.Diastasis = &assessment.Diastasis{Above: &assessment.DiastasisSite{WidthMM: ip(above)}}
		}
	}
	tilt := func(l, r float64) func(*assessment.Record) {
		return func(x *assessment.Record) { x.PelvicTilt = &assessment.PelvicTilt{LeftDeg: fp(l), RightDeg: fp(r)} }
	}
	glutes := func(medL, medR assessment.Grade) func(*assessment.Record) {
		return func(r *assessment.Record) {
			r.Glutes = &assessment.Glutes{Left: &assessment.GluteSide{MedGrade: medL}, Right: &assessment.GluteSide{MedGrade: medR}}
		}
	}
	hinge := func(score int) func(*assessment.Record) {
		return func(r *assessment.Record) { r.Hinge = &assessment.Hinge{Score: ip(score)} }
	}
	activity := func(name string, rating int) func(*assessment.Record) {
		return func(r *assessment.Record) {
			r.Context = &assessment.Context{Activities: []assessment.Activity{{Name: name, Rating: rating}}}
		}
	}
	bridges := func(l, r int) func(*assessment.Record) {
		return func(x *assessment.Record) {
			x.Glutes = &assessment.Glutes{Left: &assessment.GluteSide{SingleLegBridgeReps: ip(l)}, Right: &assessment.GluteSide{SingleLegBridgeReps: ip(r)}}
		}
	}

	tests := []struct {
		name       string
		before     func(*assessment.Record)
		after      func(*assessment.Record)
		key        string
		dir        assessment.Direction
		meaningful bool
		change     string
		only       string
	}{
		// Pain: 2 points either way, or a 30% improvement [73][74].
		{"PainDown2", pain(6), pain(4), "pain.now", assessment.DirectionBetter, true, "−2", ""},
		{"PainDown1", pain(6), pain(5), "pain.now", assessment.DirectionBetter, false, "−1", ""},
		{"PainDown30Percent", pain(3), pain(2), "pain.now", assessment.DirectionBetter, true, "−1", ""},
		{"PainDownUnder30Percent", pain(4), pain(3), "pain.now", assessment.DirectionBetter, false, "−1", ""},
		{"PainUp2", pain(2), pain(4), "pain.now", assessment.DirectionWorse, true, "+2", ""},
		{"PainUp1FromLow", pain(1), pain(2), "pain.now", assessment.DirectionWorse, false, "+1", ""},
		{"PainSame", pain(3), pain(3), "pain.now", assessment.DirectionSame, false, "no change", ""},
		{"PainFromZero", pain(0), pain(1), "pain.now", assessment.DirectionWorse, false, "+1", ""},
		// Measures missing on one side.
		{"PainOnlyEarlier", pain(5), nil, "pain.now", assessment.DirectionNone, false, "", assessment.OnlyEarlier},
		{"PainOnlyLater", nil, pain(5), "pain.now", assessment.DirectionNone, false, "", assessment.OnlyLater},
		{"GapOnlyLater", nil, fingers(2), "diastasis.above.width", assessment.DirectionNone, false, "", assessment.OnlyLater},
		// Diastasis: one finger width (H), or 10 mm [8].
		{"GapNarrower1Finger", fingers(3), fingers(2), "diastasis.above.width", assessment.DirectionBetter, true, "−1 finger width", ""},
		{"GapNarrowerHalfFinger", fingers(2.5), fingers(2), "diastasis.above.width", assessment.DirectionBetter, false, "−0.5 finger widths", ""},
		{"GapWider1Finger", fingers(1), fingers(2), "diastasis.above.width", assessment.DirectionWorse, true, "+1 finger width", ""},
		{"GapNarrower10mm", mm(30), mm(20), "diastasis.above.width", assessment.DirectionBetter, true, "−10 mm", ""},
		{"GapNarrower9mm", mm(30), mm(21), "diastasis.above.width", assessment.DirectionBetter, false, "−9 mm", ""},
		{"GapMixedUnits", fingers(3), mm(20), "diastasis.above.width", assessment.DirectionNone, false, "", ""},
		// Tilt: more than 4° [26]; neither direction is better.
		{"TiltMoved5", tilt(15, 15), tilt(10, 15), "pelvic_tilt.left_deg", assessment.DirectionChanged, true, "−5°", ""},
		{"TiltMoved4", tilt(15, 15), tilt(11, 15), "pelvic_tilt.left_deg", assessment.DirectionChanged, false, "−4°", ""},
		// Left–right asymmetry closing and opening.
		{"TiltGapCloses", tilt(18, 12), tilt(15, 13), "pelvic_tilt.asymmetry", assessment.DirectionBetter, true, "closing (6° to 2°)", ""},
		{"TiltGapOpens", tilt(14, 12), tilt(17, 12), "pelvic_tilt.asymmetry", assessment.DirectionWorse, true, "opening (2° to 5°)", ""},
		{"TiltGapSmallMove", tilt(14, 12), tilt(15, 12), "pelvic_tilt.asymmetry", assessment.DirectionWorse, false, "opening (2° to 3°)", ""},
		{"GluteGapCloses", glutes("3", "4"), glutes("4-", "4"), "glutes.med_grade.asymmetry", assessment.DirectionBetter, true, "closing (1 grade to 1 step)", ""},
		{"GluteGapOpens", glutes("4", "4"), glutes("3", "4"), "glutes.med_grade.asymmetry", assessment.DirectionWorse, true, "opening (none to 1 grade)", ""},
		{"GluteGapSmall", glutes("4", "4"), glutes("4-", "4"), "glutes.med_grade.asymmetry", assessment.DirectionWorse, false, "opening (none to 1 step)", ""},
		{"BridgeGapCloses", bridges(10, 20), bridges(18, 20), "glutes.single_leg_bridge.asymmetry", assessment.DirectionBetter, true, "closing (50% to 10%)", ""},
		// Glute grades: any step.
		{"GradeOneStep", glutes("3", "4"), glutes("3+", "4"), "glutes.left.med_grade", assessment.DirectionBetter, true, "+1 step", ""},
		{"GradeDown", glutes("4", "4"), glutes("3", "4"), "glutes.left.med_grade", assessment.DirectionWorse, true, "−3 steps", ""},
		{"GradeSame", glutes("4", "4"), glutes("4", "3"), "glutes.left.med_grade", assessment.DirectionSame, false, "no change", ""},
		// Bridges: 5 reps (H).
		{"Bridges5More", bridges(10, 10), bridges(15, 10), "glutes.left.single_leg_bridge_reps", assessment.DirectionBetter, true, "+5 reps", ""},
		{"Bridges4More", bridges(10, 10), bridges(14, 10), "glutes.left.single_leg_bridge_reps", assessment.DirectionBetter, false, "+4 reps", ""},
		// Hinge score: any step [54].
		{"HingeUp", hinge(1), hinge(2), "hinge.score", assessment.DirectionBetter, true, "+1", ""},
		{"HingeDown", hinge(3), hinge(2), "hinge.score", assessment.DirectionWorse, true, "−1", ""},
		// Her own activity ratings: 2 points (H), matched by name.
		{"ActivityUp2", activity("Lifting the car seat", 3), activity("lifting the  CAR seat", 5), "activity:lifting the car seat", assessment.DirectionBetter, true, "+2", ""},
		{"ActivityUp1", activity("Lifting the car seat", 3), activity("Lifting the car seat", 4), "activity:lifting the car seat", assessment.DirectionBetter, false, "+1", ""},
		{"ActivityAccents", activity("Zoë's pram", 3), activity("zoe's pram", 8), "activity:zoe's pram", assessment.DirectionBetter, true, "+5", ""},
		{"ActivityOnlyEarlier", activity("Running", 3), activity("Swimming", 4), "activity:running", assessment.DirectionNone, false, "", assessment.OnlyEarlier},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := progRec(tt.before)
			b := progRec(tt.after)
			b.Date = progDay(42)
			c := assessment.Compare(a, b)
			row := rowOf(t, c, tt.key)
			if row.Direction != tt.dir || row.Meaningful != tt.meaningful || row.ChangeText != tt.change || row.Only != tt.only {
				t.Errorf("row %s: direction %q meaningful %v change %q only %q\nwant direction %q meaningful %v change %q only %q",
					tt.key, row.Direction, row.Meaningful, row.ChangeText, row.Only, tt.dir, tt.meaningful, tt.change, tt.only)
			}
			if row.Only != "" && (row.Change != nil || row.Note == "") {
				t.Errorf("one-sided row has change %v and note %q; want no change and a note", row.Change, row.Note)
			}
			if row.Compared() && row.Rule == "" {
				t.Error("compared row has no rule")
			}
		})
	}
}

func TestCompare_MixedUnitsSaySo(t *testing.T) {
	a := progRec(func(r *assessment.Record) {
		r.Diastasis = &assessment.Diastasis{Above: &assessment.DiastasisSite{WidthFingers: fp(3)}}
	})
	b := progRec(func(r *assessment.Record) {
		r.Diastasis = &assessment.Diastasis{Above: &assessment.DiastasisSite{WidthMM: ip(20)}}
	})
	row := rowOf(t, assessment.Compare(a, b), "diastasis.above.width")
	if row.BeforeText != "3 finger widths" || row.AfterText != "20 mm" || row.Compared() || !strings.Contains(row.Note, "not compared") {
		t.Errorf("row %+v; want each side in its own unit, not compared, with a note", row)
	}
}

func TestCompare_Empty(t *testing.T) {
	t.Run("NothingRecorded", func(t *testing.T) {
		c := assessment.Compare(progRec(nil), progRec(nil))
		if len(c.Rows) != 0 {
			t.Errorf("%d rows for two empty assessments; want 0", len(c.Rows))
		}
	})
	t.Run("NilRecords", func(t *testing.T) {
		c := assessment.Compare(nil, progRec(func(r *assessment.Record) { r.Pain = &assessment.Pain{Now: ip(3)} }))
		if row := rowOf(t, c, "pain.now"); row.Only != assessment.OnlyLater {
			t.Errorf("row %+v; want recorded only in the later", row)
		}
	})
	t.Run("UntestedSectionsHaveNoRow", func(t *testing.T) {
		c := assessment.Compare(progRec(func(r *assessment.Record) { r.Pain = &assessment.Pain{Now: ip(3)} }),
			progRec(func(r *assessment.Record) { r.Pain = &assessment.Pain{Now: ip(2)} }))
		for _, k := range []string{"hinge.score", "diastasis.doming", "glutes.left.med_grade", "pain.worst_week"} {
			if hasRow(c, k) {
				t.Errorf("row %q for a measure neither assessment recorded", k)
			}
		}
	})
}

func TestCompare_Order(t *testing.T) {
	full := func(r *assessment.Record) {
		r.Pain = &assessment.Pain{Now: ip(5)}
		r.Context = &assessment.Context{Activities: []assessment.Activity{{Name: "Carrying", Rating: 3}}}
		r.Hinge = &assessment.Hinge{Score: ip(2)}
		r.Glutes = &assessment.Glutes{Left: &assessment.GluteSide{MaxGrade: "4"}}
		r.Posture = &assessment.Posture{ForwardHead: assessment.SeverityMild}
	}
	c := assessment.Compare(progRec(full), progRec(full))
	var groups []string
	for _, r := range c.Rows {
		if len(groups) == 0 || groups[len(groups)-1] != r.Group {
			groups = append(groups, r.Group)
		}
	}
	want := []string{assessment.GroupPain, assessment.GroupActivities, assessment.GroupGlutes, assessment.GroupHinge, assessment.GroupPosture}
	if strings.Join(groups, "|") != strings.Join(want, "|") {
		t.Errorf("groups in order %q; want %q", groups, want)
	}
}

func TestCompare_HingeSuggestedScore(t *testing.T) {
	// With no score set, the suggested one (from faults and contacts)
	// counts, as everywhere else in Keel.
	a := progRec(func(r *assessment.Record) {
		r.Hinge = &assessment.Hinge{Faults: []string{assessment.HingeLumbarFlexion, assessment.HingeSquatting, assessment.HingeKneesForward}}
	})
	b := progRec(func(r *assessment.Record) {
		r.Hinge = &assessment.Hinge{HeadContact: true, ThoracicContact: true, SacrumContact: true}
	})
	row := rowOf(t, assessment.Compare(a, b), "hinge.score")
	if row.BeforeText != "1 of 3" || row.AfterText != "3 of 3" || !row.Meaningful {
		t.Errorf("row %+v; want 1 to 3, meaningful", row)
	}
}

func TestCompare_CarriedOver(t *testing.T) {
	// A reassessment that copied the pain section from the intake and did
	// not re-test it: the copy is not a new measurement.
	a := progRec(func(r *assessment.Record) {
		r.Pain = &assessment.Pain{Now: ip(6)}
		r.Hinge = &assessment.Hinge{Score: ip(1)}
	})
	b := progRec(func(r *assessment.Record) {
		r.Date = progDay(42)
		r.Pain = &assessment.Pain{Now: ip(6)}
		r.Hinge = &assessment.Hinge{Score: ip(2)}
		r.CarriedOver = []string{assessment.SectionPain}
	})
	c := assessment.Compare(a, b)
	pain := rowOf(t, c, "pain.now")
	if pain.Compared() || pain.Direction != assessment.DirectionNone || pain.AfterText != "carried over, not re-tested" || !strings.Contains(pain.Note, "Carried over") {
		t.Errorf("carried pain row %+v; want not compared, saying it was carried over", pain)
	}
	if h := rowOf(t, c, "hinge.score"); !h.Compared() || h.Direction != assessment.DirectionBetter {
		t.Errorf("re-tested hinge row %+v; want compared", h)
	}
	ts := assessment.Trends([]*assessment.Record{a, b})
	if pt, _ := trendOf(ts, assessment.TrendPain); len(pt.Series) != 1 || len(pt.Series[0].Points) != 1 {
		t.Errorf("pain trend %+v; want only the intake's point", pt)
	}
}
