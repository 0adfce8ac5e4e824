package assessment

import (
	"math"
	"strconv"
	"strings"
)

// Direction says whether a change between two assessments is for the
// better. The coach reads it with the meaningful flag: "better" alone may
// still be noise.
type Direction string

// Directions of a change.
const (
	DirectionNone    Direction = ""        // not compared: recorded on one side only, or in different units
	DirectionSame    Direction = "same"    // no change
	DirectionBetter  Direction = "better"  // moved the way that means less pain, more strength or control
	DirectionWorse   Direction = "worse"   // moved the other way
	DirectionChanged Direction = "changed" // moved, but neither way is better (a tilt angle)
)

// Where a measure was recorded when only one assessment has it.
const (
	OnlyEarlier = "earlier"
	OnlyLater   = "later"
)

// MeasureChange is one measure of two assessments side by side: both
// values, the change, whether it is better or worse, and whether it is
// large enough to be more than noise (Meaningful, with the Rule that says
// so). A measure recorded in only one of the two has Only set and no
// change.
type MeasureChange struct {
	// Key names the measure across assessments and in the JSON of keel
	// progress: the record's JSON path ("pain.now",
	// "glutes.left.med_grade"), a derived name ("glutes.med_grade.asymmetry")
	// or "activity:" and her activity's folded name.
	Key     string `json:"key"`
	Group   string `json:"group"`
	Measure string `json:"measure"`
	Unit    string `json:"unit,omitempty"`
	// Before and After are the numbers behind the texts (a grade as its
	// Value, a category as its rank); nil when not recorded.
	Before     *float64  `json:"before,omitempty"`
	After      *float64  `json:"after,omitempty"`
	BeforeText string    `json:"before_text"`
	AfterText  string    `json:"after_text"`
	Change     *float64  `json:"change,omitempty"` // After − Before, when compared
	ChangeText string    `json:"change_text,omitempty"`
	Direction  Direction `json:"direction,omitempty"`
	Meaningful bool      `json:"meaningful"`
	Rule       string    `json:"rule,omitempty"` // what counts as a meaningful change here
	Only       string    `json:"only,omitempty"` // OnlyEarlier or OnlyLater
	Note       string    `json:"note,omitempty"`
}

// Compared reports whether both assessments gave the measure in a form
// that can be compared.
func (m MeasureChange) Compared() bool { return m.Change != nil }

// RecordRef identifies one side of a comparison.
type RecordRef struct {
	ID   int64  `json:"id,omitempty"`
	Date Date   `json:"date"`
	Kind string `json:"kind,omitempty"`
}

// Comparison is two assessments of one client side by side: every measure
// either recorded, in a fixed order (pain, her activities, pelvic floor,
// diastasis, pelvic tilt, Thomas test, glutes, hinge, posture).
type Comparison struct {
	Before RecordRef       `json:"before"`
	After  RecordRef       `json:"after"`
	Rows   []MeasureChange `json:"rows"`
}

// Meaningful returns the rows with a meaningful change.
func (c Comparison) Meaningful() []MeasureChange {
	var out []MeasureChange
	for _, r := range c.Rows {
		if r.Meaningful {
			out = append(out, r)
		}
	}
	return out
}

// Compare puts assessment a (the earlier) next to b (the later) and
// returns a row for every measure recorded in either. The rules for a
// meaningful change are the thresholds of domain.md §7 and its
// "Reassessment deltas" (see thresholds.go): pain 2 points or a 30%
// improvement [73][74]; a diastasis gap of one finger width (H) or 10 mm
// [8]; tilt over 4° [26]; any glute grade step; a left–right gap that
// closes or opens across its asymmetry threshold; any hinge score step;
// 2 points on her own activity ratings (H). Gaps measured in finger widths
// on one day and millimetres on the other are shown, not compared: finger
// size varies too much to convert [14]. Either record may be nil (nothing
// recorded).
func Compare(a, b *Record) Comparison {
	if a == nil {
		a = &Record{}
	}
	if b == nil {
		b = &Record{}
	}
	c := Comparison{Before: RecordRef{a.ID, a.Date, a.Kind}, After: RecordRef{b.ID, b.Date, b.Kind}}
	for _, m := range measuresFor(a, b) {
		if row, ok := m.compare(a, b); ok {
			c.Rows = append(c.Rows, row)
		}
	}
	return c
}

// value is one measure read from one record.
type value struct {
	ok      bool
	carried bool    // the section was carried over, not re-tested
	v       float64 // the number compared and charted
	rank    int     // for grades: position on the scale
	text    string  // as the coach reads it
	unit    string  // set when the unit depends on the record (gap widths)
	csv     string  // the spreadsheet cell; text when empty
}

// measure is one row of a comparison and one column of the CSV.
type measure struct {
	key, group, name, unit string
	get                    func(*Record) value
	// better is +1 when higher is better, −1 when lower is, 0 when neither.
	better int
	// judge says whether a compared change is meaningful, and the rule.
	judge func(b, a value) (bool, string)
	// change words a compared change; nil means a signed number and unit.
	change func(b, a value) string
}

func num(v float64, text string) value { return value{ok: true, v: v, text: text} }

func intVal(p *int, suffix string) value {
	if p == nil {
		return value{}
	}
	return num(float64(*p), strconv.Itoa(*p)+suffix)
}

func floatVal(p *float64, suffix string) value {
	if p == nil || math.IsNaN(*p) {
		return value{}
	}
	return num(*p, fmtNum1(*p)+suffix)
}

// rankVal reads a category on an ordered scale (lowest first).
func rankVal(v string, scale []string, words map[string]string) value {
	for i, s := range scale {
		if s == v {
			w := words[v]
			if w == "" {
				w = choiceWord(v)
			}
			return value{ok: true, v: float64(i), rank: i, text: w, csv: v}
		}
	}
	return value{}
}

func boolVal(ok, v bool, yes, no string) value {
	if !ok {
		return value{}
	}
	if v {
		return value{ok: true, v: 1, rank: 1, text: yes, csv: "yes"}
	}
	return value{ok: true, v: 0, text: no, csv: "no"}
}

// fmtNum1 writes a number with at most one decimal.
func fmtNum1(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

// signed writes d with an explicit + or − (a typographic minus).
func signed(d float64) string {
	s := fmtNum1(math.Abs(d))
	switch {
	case math.Round(d*10) == 0:
		return "0"
	case d < 0:
		return "−" + s
	}
	return "+" + s
}

// measured reads m from r, or nothing when r only carries the section
// over from an earlier assessment: a copied value is not a new
// measurement, so it must not show as "no change".
func (m measure) measured(r *Record) value {
	if r.carriedOver(sectionOfKey(m.key)) {
		if v := m.get(r); v.ok {
			return value{carried: true}
		}
		return value{}
	}
	return m.get(r)
}

// carriedOver reports whether section is carried over, not re-tested.
func (r *Record) carriedOver(section string) bool {
	for _, s := range r.CarriedOver {
		if s == section {
			return true
		}
	}
	return false
}

// sectionOfKey is the record section a measure key reads.
func sectionOfKey(key string) string {
	if strings.HasPrefix(key, "activity:") {
		return SectionContext
	}
	if i := strings.IndexByte(key, '.'); i > 0 {
		return key[:i]
	}
	return key
}

func (m measure) compare(a, b *Record) (MeasureChange, bool) {
	bv, av := m.measured(a), m.measured(b)
	if !bv.ok && !av.ok && !bv.carried && !av.carried {
		return MeasureChange{}, false
	}
	unit := m.unit
	if bv.unit != "" {
		unit = bv.unit
	} else if av.unit != "" {
		unit = av.unit
	}
	row := MeasureChange{Key: m.key, Group: m.group, Measure: m.name, Unit: unit,
		BeforeText: orNotRecorded(bv), AfterText: orNotRecorded(av)}
	if bv.ok {
		row.Before = ptrTo(bv.v)
	}
	if av.ok {
		row.After = ptrTo(av.v)
	}
	switch {
	case bv.carried || av.carried:
		row.Note = "Carried over from an earlier assessment and not re-tested: not compared."
		switch {
		case av.ok:
			row.Only = OnlyLater
		case bv.ok:
			row.Only = OnlyEarlier
		}
		return row, true
	case !av.ok:
		row.Only, row.Note = OnlyEarlier, "Recorded only in the earlier assessment."
		return row, true
	case !bv.ok:
		row.Only, row.Note = OnlyLater, "Recorded only in the later assessment."
		return row, true
	case bv.unit != av.unit:
		row.Unit = ""
		row.Note = "Measured in finger widths one day and in millimetres the other: not compared, since finger size varies too much to convert."
		return row, true
	}
	d := av.v - bv.v
	row.Change = ptrTo(d)
	row.Meaningful, row.Rule = m.judge(bv, av)
	switch {
	case math.Abs(d) < 1e-9 && bv.text == av.text:
		row.Direction = DirectionSame
		row.Meaningful = false
	case math.Abs(d) < 1e-9 || m.better == 0:
		row.Direction = DirectionChanged
	case (d > 0) == (m.better > 0):
		row.Direction = DirectionBetter
	default:
		row.Direction = DirectionWorse
	}
	if m.change != nil {
		row.ChangeText = m.change(bv, av)
	} else {
		row.ChangeText = strings.TrimSpace(signed(d) + unitSuffix(unit, d))
	}
	if row.Direction == DirectionSame {
		row.ChangeText = "no change"
	}
	return row, true
}

// unitSuffix is the unit after a change of d: none for scores and counts
// (their measure names them), "1 finger width" in the singular.
func unitSuffix(u string, d float64) string {
	switch u {
	case "", unitNPRS, unitScore3, unitCount:
		return ""
	case unitDeg, unitPercent:
		return u
	case unitFingers:
		if math.Abs(math.Abs(d)-1) < 1e-9 {
			return " finger width"
		}
	}
	return " " + u
}

func orNotRecorded(v value) string {
	if v.carried {
		return "carried over, not re-tested"
	}
	if !v.ok {
		return "not recorded"
	}
	return v.text
}

func ptrTo(v float64) *float64 { return &v }

// Judges: each returns whether a compared change is meaningful and the
// rule in words.

func judgeNPRS(b, a value) (bool, string) {
	d := a.v - b.v
	frac := 0.0
	if b.v > 0 {
		frac = -d / b.v
	}
	return math.Abs(d) >= NPRSChangePoints || (d < 0 && frac >= NPRSChangeFraction-1e-9),
		"2 points or more, or 30% better [73][74]"
}

func judgeAtLeast(step float64, rule string) func(b, a value) (bool, string) {
	return func(b, a value) (bool, string) { return math.Abs(a.v-b.v) >= step-1e-9, rule }
}

func judgeOver(limit float64, rule string) func(b, a value) (bool, string) {
	return func(b, a value) (bool, string) { return math.Abs(a.v-b.v) > limit+1e-9, rule }
}

func judgeAnyStep(rule string) func(b, a value) (bool, string) {
	return func(b, a value) (bool, string) { return a.rank != b.rank, rule }
}

func judgeWidth(b, a value) (bool, string) {
	if b.unit == unitMM {
		return math.Abs(a.v-b.v) >= DiastasisChangeMM-1e-9, "10 mm or more [8]"
	}
	return math.Abs(a.v-b.v) >= DiastasisChangeFingers-1e-9, "1 finger width or more (H)"
}

// judgeGap judges a left–right gap: meaningful when it crosses its
// asymmetry threshold (closing or opening) or changes by step or more.
func judgeGap(threshold, step float64, rule string) func(b, a value) (bool, string) {
	return func(b, a value) (bool, string) {
		crossed := (b.v > threshold+1e-9) != (a.v > threshold+1e-9)
		return crossed || math.Abs(a.v-b.v) >= step-1e-9, rule
	}
}

func gapChange(b, a value) string {
	d := a.v - b.v
	switch {
	case math.Abs(d) < 1e-9:
		return "no change"
	case d < 0:
		return "closing (" + b.text + " to " + a.text + ")"
	}
	return "opening (" + b.text + " to " + a.text + ")"
}

func arrowChange(b, a value) string { return b.text + " to " + a.text }

func stepsChange(b, a value) string {
	d := a.rank - b.rank
	switch {
	case d == 0:
		return "no change"
	case d == 1:
		return "+1 step"
	case d == -1:
		return "−1 step"
	case d > 0:
		return "+" + strconv.Itoa(d) + " steps"
	}
	return "−" + strconv.Itoa(-d) + " steps"
}

// Units of the measures.
const (
	unitNPRS    = "/10"
	unitFingers = "finger widths"
	unitMM      = "mm"
	unitDeg     = "°"
	unitGrade   = "grade"
	unitReps    = "reps"
	unitScore3  = "score 0–3"
	unitCount   = "count"
	unitPercent = "%"
)

// Groups of the measures, in display order.
const (
	GroupPain        = "Pain"
	GroupActivities  = "Her activities"
	GroupPelvicFloor = "Pelvic floor"
	GroupDiastasis   = "Diastasis"
	GroupTilt        = "Pelvic tilt"
	GroupThomas      = "Thomas test"
	GroupGlutes      = "Glutes"
	GroupHinge       = "Hip hinge"
	GroupPosture     = "Posture"
)

var (
	domingScale  = []string{DomingNone, DomingMild, DomingMarked}
	tensionScale = []string{TensionSoft, TensionModerate, TensionFirm}
	depthScale   = []string{DepthShallow, DepthModerate, DepthDeep}
	postureScale = []string{SeverityNone, SeverityMild, SeverityModerate, SeverityMarked}
	tiltScale    = []string{TiltPosterior, TiltNeutral, TiltAnterior}
	trendScale   = []string{TrendelenburgNegative, TrendelenburgPositive}
	sideNames    = []string{SideLeft, SideRight}
	siteNames    = []string{"above", "at", "below"}
	siteWords    = map[string]string{"above": "above the navel", "at": "at the navel", "below": "below the navel"}
	trendWords   = map[string]string{TrendelenburgNegative: "negative", TrendelenburgPositive: "positive"}
)

// pheVal orders prone hip extension patterns from best (glute-led) to
// worst (no glute felt); hamstring- and lumbar-dominant share a rank.
func pheVal(v string) value {
	ranks := map[string]int{PHEGluteLed: 0, PHESimultaneous: 1, PHEHamstringDominant: 2, PHELumbarDominant: 2, PHENoGlute: 3}
	r, ok := ranks[v]
	if !ok {
		return value{}
	}
	return value{ok: true, v: float64(r), rank: r, text: choiceWord(v), csv: v}
}

func gradeVal(g Grade) value {
	if g == "" || g.Rank() < 0 {
		return value{}
	}
	return value{ok: true, v: g.Value(), rank: g.Rank(), text: string(g), csv: string(g)}
}

func (r *Record) glute(side string) *GluteSide {
	if r.Glutes == nil {
		return nil
	}
	if side == SideLeft {
		return r.Glutes.Left
	}
	return r.Glutes.Right
}

func (r *Record) thomasSide(side string) *ThomasSide {
	if r.Thomas == nil {
		return nil
	}
	if side == SideLeft {
		return r.Thomas.Left
	}
	return r.Thomas.Right
}

func (r *Record) diastasisSite(site string) *DiastasisSite {
	if r.Diastasis == nil {
		return nil
	}
	switch site {
	case "above":
		return r.Diastasis.Above
	case "at":
		return r.Diastasis.At
	}
	return r.Diastasis.Below
}

func widthVal(s *DiastasisSite) value {
	switch {
	case s == nil:
		return value{}
	case s.WidthFingers != nil:
		v := *s.WidthFingers
		t := fmtNum1(v) + " finger widths"
		if v == 1 {
			t = "1 finger width"
		}
		return value{ok: true, v: v, text: t, unit: unitFingers, csv: fmtNum1(v)}
	case s.WidthMM != nil:
		return value{ok: true, v: float64(*s.WidthMM), text: strconv.Itoa(*s.WidthMM) + " mm", unit: unitMM, csv: strconv.Itoa(*s.WidthMM)}
	}
	return value{}
}

func sideWord(side string) string {
	if side == SideLeft {
		return "left"
	}
	return "right"
}

// fixedMeasures is the catalogue of measures every record may hold, in
// display order, without her activities (which depend on the records).
var fixedMeasures = buildMeasures()

func buildMeasures() []measure {
	painRule := judgeNPRS
	ms := []measure{
		{key: "pain.now", group: GroupPain, name: "Pain now", unit: unitNPRS, better: -1, judge: painRule,
			get: func(r *Record) value {
				if r.Pain == nil {
					return value{}
				}
				return intVal(r.Pain.Now, "/10")
			}},
		{key: "pain.worst_week", group: GroupPain, name: "Worst pain in the past week", unit: unitNPRS, better: -1, judge: painRule,
			get: func(r *Record) value {
				if r.Pain == nil {
					return value{}
				}
				return intVal(r.Pain.WorstWeek, "/10")
			}},
	}
	ms = append(ms, measure{key: "pelvic_floor.symptoms", group: GroupPelvicFloor, name: "Pelvic-floor symptoms", unit: unitCount, better: -1,
		judge: judgeAnyStep("any change: each symptom is a reason to refer [64][68]"),
		get: func(r *Record) value {
			if r.PelvicFloor == nil {
				return value{}
			}
			n := len(pelvicSymptomsOf(r.PelvicFloor))
			return value{ok: true, v: float64(n), rank: n, text: plural(n, "symptom")}
		}})
	for _, site := range siteNames {
		ms = append(ms,
			measure{key: "diastasis." + site + ".width", group: GroupDiastasis, name: "Gap " + siteWords[site], better: -1, judge: judgeWidth,
				get: func(r *Record) value { return widthVal(r.diastasisSite(site)) }},
			measure{key: "diastasis." + site + ".tension", group: GroupDiastasis, name: "Linea alba tension " + siteWords[site], better: +1,
				judge: judgeAnyStep("any step: a firmer midline is more favourable [14]"),
				get: func(r *Record) value {
					if s := r.diastasisSite(site); s != nil {
						return rankVal(s.Tension, tensionScale, nil)
					}
					return value{}
				}, change: arrowChange},
			measure{key: "diastasis." + site + ".depth", group: GroupDiastasis, name: "Gap depth " + siteWords[site], better: -1,
				judge: judgeAnyStep("any step (H)"),
				get: func(r *Record) value {
					if s := r.diastasisSite(site); s != nil {
						return rankVal(s.Depth, depthScale, nil)
					}
					return value{}
				}, change: arrowChange})
	}
	ms = append(ms, measure{key: "diastasis.doming", group: GroupDiastasis, name: "Doming on curl-up", better: -1,
		judge: judgeAnyStep("any step: doming means the exercise is regressed [15]"),
		get: func(r *Record) value {
			if r.Diastasis == nil {
				return value{}
			}
			return rankVal(r.Diastasis.Doming, domingScale, nil)
		}, change: arrowChange})

	ms = append(ms, measure{key: "pelvic_tilt.visual", group: GroupTilt, name: "Tilt, as it looks",
		judge: func(value, value) (bool, string) {
			return false, "never on its own: visual ratings agree poorly between raters [26]"
		},
		get: func(r *Record) value {
			if r.PelvicTilt == nil {
				return value{}
			}
			return rankVal(r.PelvicTilt.Visual, tiltScale, nil)
		}, change: arrowChange})
	for _, side := range sideNames {
		ms = append(ms, measure{key: "pelvic_tilt." + side + "_deg", group: GroupTilt, name: "Tilt angle, " + sideWord(side), unit: unitDeg,
			judge: judgeOver(TiltChangeOverDeg, "more than 4° [26]"),
			get: func(r *Record) value {
				if r.PelvicTilt == nil {
					return value{}
				}
				if side == SideLeft {
					return floatVal(r.PelvicTilt.LeftDeg, "°")
				}
				return floatVal(r.PelvicTilt.RightDeg, "°")
			}})
	}
	ms = append(ms, measure{key: "pelvic_tilt.asymmetry", group: GroupTilt, name: "Tilt left–right difference", unit: unitDeg, better: -1,
		judge:  judgeGap(TiltAsymmetryOver, TiltChangeOverDeg+1e-6, "crosses 4° (closing or opening), or moves more than 4° [26]"),
		change: gapChange,
		get: func(r *Record) value {
			p := r.PelvicTilt
			if p == nil || p.LeftDeg == nil || p.RightDeg == nil {
				return value{}
			}
			d := math.Abs(*p.LeftDeg - *p.RightDeg)
			return num(d, fmtNum1(d)+"°")
		}})

	for _, side := range sideNames {
		ms = append(ms,
			measure{key: "thomas." + side + ".hip_angle_deg", group: GroupThomas, name: "Thomas hip angle, " + sideWord(side), unit: unitDeg, better: -1,
				judge: judgeOver(ThomasChangeOverDeg, "more than 5° (H)"),
				get: func(r *Record) value {
					if s := r.thomasSide(side); s != nil {
						return floatVal(s.HipAngleDeg, "°")
					}
					return value{}
				}},
			measure{key: "thomas." + side + ".knee_angle_deg", group: GroupThomas, name: "Thomas knee angle, " + sideWord(side), unit: unitDeg, better: +1,
				judge: judgeOver(ThomasChangeOverDeg, "more than 5° (H)"),
				get: func(r *Record) value {
					if s := r.thomasSide(side); s != nil {
						return floatVal(s.KneeAngleDeg, "°")
					}
					return value{}
				}},
			measure{key: "thomas." + side + ".abduction_drift", group: GroupThomas, name: "Thigh drifts out, " + sideWord(side), better: -1,
				judge: judgeAnyStep("any change [29]"), change: arrowChange,
				get: func(r *Record) value {
					s := r.thomasSide(side)
					return boolVal(s != nil, s != nil && s.AbductionDrift, "yes", "no")
				}})
	}

	gradeRule := judgeAnyStep("any grade step, + and − included")
	for _, side := range sideNames {
		ms = append(ms,
			measure{key: "glutes." + side + ".max_grade", group: GroupGlutes, name: "Glute max grade, " + sideWord(side), unit: unitGrade, better: +1,
				judge: gradeRule, change: stepsChange,
				get: func(r *Record) value {
					if g := r.glute(side); g != nil {
						return gradeVal(g.MaxGrade)
					}
					return value{}
				}},
			measure{key: "glutes." + side + ".med_grade", group: GroupGlutes, name: "Glute med grade, " + sideWord(side), unit: unitGrade, better: +1,
				judge: gradeRule, change: stepsChange,
				get: func(r *Record) value {
					if g := r.glute(side); g != nil {
						return gradeVal(g.MedGrade)
					}
					return value{}
				}},
			measure{key: "glutes." + side + ".single_leg_bridge_reps", group: GroupGlutes, name: "Single-leg bridges, " + sideWord(side), unit: unitReps, better: +1,
				judge: judgeAtLeast(BridgeChangeReps, "5 reps or more (H)"),
				get: func(r *Record) value {
					if g := r.glute(side); g != nil {
						return intVal(g.SingleLegBridgeReps, " reps")
					}
					return value{}
				}},
			measure{key: "glutes." + side + ".trendelenburg", group: GroupGlutes, name: "Trendelenburg, " + sideWord(side), better: -1,
				judge: judgeAnyStep("any change [40]"), change: arrowChange,
				get: func(r *Record) value {
					if g := r.glute(side); g != nil {
						return rankVal(g.Trendelenburg, trendScale, trendWords)
					}
					return value{}
				}},
			measure{key: "glutes." + side + ".prone_hip_extension", group: GroupGlutes, name: "Prone hip extension, " + sideWord(side), better: -1,
				judge: judgeAnyStep("any change of pattern [35][36]"), change: arrowChange,
				get: func(r *Record) value {
					if g := r.glute(side); g != nil {
						return pheVal(g.ProneHipExtension)
					}
					return value{}
				}},
			measure{key: "glutes." + side + ".side_lying_abduction_score", group: GroupGlutes, name: "Side-lying abduction score, " + sideWord(side), unit: unitScore3, better: -1,
				judge: judgeAnyStep("any step [39]"),
				get: func(r *Record) value {
					if g := r.glute(side); g != nil && g.SideLyingAbdScore != nil {
						n := *g.SideLyingAbdScore
						return value{ok: true, v: float64(n), rank: n, text: strconv.Itoa(n) + " of 3"}
					}
					return value{}
				}})
	}
	for _, mus := range []struct{ key, name string }{{"max_grade", "Glute max"}, {"med_grade", "Glute med"}} {
		ms = append(ms, measure{key: "glutes." + mus.key + ".asymmetry", group: GroupGlutes, name: mus.name + " left–right gap", unit: unitGrade, better: -1,
			judge:  judgeGap(GluteAsymmetryGrades-1e-6, GluteAsymmetryGrades, "crosses one whole grade (closing or opening), or moves a whole grade (H)"),
			change: gapChange,
			get: func(r *Record) value {
				l, rr := r.glute(SideLeft), r.glute(SideRight)
				if l == nil || rr == nil {
					return value{}
				}
				gl, gr := l.MaxGrade, rr.MaxGrade
				if mus.key == "med_grade" {
					gl, gr = l.MedGrade, rr.MedGrade
				}
				if gradeVal(gl).ok && gradeVal(gr).ok {
					d := math.Abs(gl.Value() - gr.Value())
					return num(d, gradeGapText(d))
				}
				return value{}
			}})
	}
	ms = append(ms, measure{key: "glutes.single_leg_bridge.asymmetry", group: GroupGlutes, name: "Single-leg bridge left–right gap", unit: unitPercent, better: -1,
		judge:  judgeGap(100*BridgeGapOver, 100*BridgeGapOver, "crosses 15% (closing or opening), or moves 15 points (H)"),
		change: gapChange,
		get: func(r *Record) value {
			l, rr := r.glute(SideLeft), r.glute(SideRight)
			if l == nil || rr == nil || l.SingleLegBridgeReps == nil || rr.SingleLegBridgeReps == nil {
				return value{}
			}
			a, b := float64(*l.SingleLegBridgeReps), float64(*rr.SingleLegBridgeReps)
			gap := 0.0
			if hi := math.Max(a, b); hi > 0 {
				gap = 100 * (hi - math.Min(a, b)) / hi
			}
			gap = math.Round(gap)
			return num(gap, fmtNum1(gap)+"%")
		}})

	ms = append(ms,
		measure{key: "hinge.score", group: GroupHinge, name: "Hinge score", unit: unitScore3, better: +1,
			judge: judgeAnyStep("any step: each is a different quality level [54]"),
			get: func(r *Record) value {
				if r.Hinge == nil {
					return value{}
				}
				n := r.Hinge.HingeScore()
				if n < 0 {
					return value{}
				}
				return value{ok: true, v: float64(n), rank: n, text: strconv.Itoa(n) + " of 3"}
			}},
		measure{key: "hinge.faults", group: GroupHinge, name: "Hinge faults", unit: unitCount, better: -1,
			judge: judgeAnyStep("any change (H)"),
			get: func(r *Record) value {
				if r.Hinge == nil {
					return value{}
				}
				n := len(r.Hinge.Faults)
				return value{ok: true, v: float64(n), rank: n, text: plural(n, "fault")}
			}})
	for _, p := range []struct {
		key, name string
		get       func(*Posture) string
	}{
		{"forward_head", "Forward head", func(p *Posture) string { return p.ForwardHead }},
		{"rounded_shoulders", "Rounded shoulders", func(p *Posture) string { return p.RoundedShoulders }},
		{"thoracic_kyphosis", "Thoracic kyphosis", func(p *Posture) string { return p.ThoracicKyphosis }},
	} {
		ms = append(ms, measure{key: "posture." + p.key, group: GroupPosture, name: p.name, better: -1,
			judge: judgeAnyStep("any step (H)"), change: arrowChange,
			get: func(r *Record) value {
				if r.Posture == nil {
					return value{}
				}
				return rankVal(p.get(r.Posture), postureScale, nil)
			}})
	}
	return ms
}

func gradeGapText(d float64) string {
	// Grades move in thirds (3, 3+, 4-, 4): say the gap the way a coach
	// counts it.
	steps := int(math.Round(d * 3))
	switch {
	case steps == 0:
		return "none"
	case steps%3 == 0:
		return plural(steps/3, "grade")
	case steps == 1:
		return "1 step"
	}
	return strconv.Itoa(steps) + " steps"
}

func pelvicSymptomsOf(p *PelvicFloor) []string {
	var out []string
	for _, s := range []struct {
		on   bool
		name string
	}{{p.Leakage, "leakage"}, {p.Urgency, "urgency"}, {p.Heaviness, "heaviness"}, {p.BowelControl, "bowel control"},
		{p.PainWithSex, "pain with sex"}, {p.BleedingAfter8Weeks, "bleeding after 8 weeks"}, {p.ScarConcern, "scar concern"}} {
		if s.on {
			out = append(out, s.name)
		}
	}
	return out
}

// activityNames lists her activities across records, matched by name
// ignoring case and accents, in the order they first appear; the label is
// the latest spelling.
func activityNames(recs ...*Record) (keys, labels []string) {
	idx := map[string]int{}
	for _, r := range recs {
		if r == nil || r.Context == nil {
			continue
		}
		for _, a := range r.Context.Activities {
			name := strings.Join(strings.Fields(a.Name), " ")
			k := Fold(name)
			if k == "" {
				continue
			}
			if i, ok := idx[k]; ok {
				labels[i] = name
				continue
			}
			idx[k] = len(keys)
			keys = append(keys, k)
			labels = append(labels, name)
		}
	}
	return keys, labels
}

func activityMeasure(key, label string) measure {
	return measure{key: "activity:" + key, group: GroupActivities, name: label, unit: unitNPRS, better: +1,
		judge: judgeAtLeast(ActivityChangePoints, "2 points or more (H)"),
		get: func(r *Record) value {
			if r.Context == nil {
				return value{}
			}
			for _, a := range r.Context.Activities {
				if Fold(strings.Join(strings.Fields(a.Name), " ")) == key {
					return num(float64(a.Rating), strconv.Itoa(a.Rating)+"/10")
				}
			}
			return value{}
		}}
}

// measuresFor is the catalogue with the activities of recs inserted after
// pain.
func measuresFor(recs ...*Record) []measure {
	keys, labels := activityNames(recs...)
	out := make([]measure, 0, len(fixedMeasures)+len(keys))
	out = append(out, fixedMeasures[:2]...)
	for i, k := range keys {
		out = append(out, activityMeasure(k, labels[i]))
	}
	return append(out, fixedMeasures[2:]...)
}
