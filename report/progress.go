package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/keel-coach/keel/assessment"
)

// Thresholds for calling a change "real" on the progress page. Below them a
// difference may be measurement noise or a good or bad day, and the page
// says nothing more than the numbers.
const (
	// painMeaningfulPoints: a 2-point change on the 0–10 pain scale is
	// clinically meaningful in low back pain (Childs 2005, domain.md §7 [73]).
	painMeaningfulPoints = 2
	// painMeaningfulFraction: a 30% improvement from baseline also counts
	// (Ostelo 2008, domain.md §7 [74]).
	painMeaningfulFraction = 0.30
	// fingerMeaningful: a change of one finger width or more (domain.md
	// "Reassessment deltas", (H)); finger size varies, so smaller changes
	// are not read.
	fingerMeaningful = 1.0
	// mmMeaningful: a change of about 1 cm or more exceeds the smallest
	// detectable change for the gap at the sites above and below the belly
	// button (MDC 0.64–1.97 cm, domain.md §1 [8]); 10 mm is the lower end.
	mmMeaningful = 10
	// gradeMeaningful: one whole grade on the 0–5 muscle scale (H).
	gradeMeaningful = 1.0
	// bridgeMeaningfulReps: 5 more or fewer single-leg bridges (H: about a
	// quarter of the 20-rep return-to-running benchmark, domain.md §6 [46]).
	bridgeMeaningfulReps = 5
	// bridgeBenchmarkReps: 20 single-leg bridges a side is the postnatal
	// return-to-running benchmark (domain.md §6 [46]).
	bridgeBenchmarkReps = 20
	// activityMeaningfulPoints: 2 points on a 0–10 activity rating (H, the
	// same size as the pain scale's meaningful change [73]).
	activityMeaningfulPoints = 2
)

const notMeasured = "not measured"

// buildProgress compares baseline with now. Only measures recorded at least
// once appear; a measure recorded only once shows "not measured" on the
// other side and no change.
func buildProgress(base, now *assessment.Record, unit string) *ProgressTable {
	t := &ProgressTable{BaselineDate: longDate(base.Date), NowDate: longDate(now.Date)}
	add := func(row ProgressRow, ok bool) {
		if ok {
			t.Rows = append(t.Rows, row)
		}
	}
	add(painRow("Pain today (0 = none, 10 = worst)", painNow(base), painNow(now)))
	add(painRow("Worst pain in the past week (0–10)", painWorst(base), painWorst(now)))

	sites := []struct {
		label string
		get   func(*assessment.Diastasis) *assessment.DiastasisSite
	}{
		{"above the belly button", func(d *assessment.Diastasis) *assessment.DiastasisSite { return d.Above }},
		{"at the belly button", func(d *assessment.Diastasis) *assessment.DiastasisSite { return d.At }},
		{"below the belly button", func(d *assessment.Diastasis) *assessment.DiastasisSite { return d.Below }},
	}
	mixed := false
	for _, s := range sites {
		row, ok, mix := gapRow("Tummy gap "+s.label, siteOf(base, s.get), siteOf(now, s.get), unit)
		mixed = mixed || mix
		add(row, ok)
	}

	muscles := []struct {
		label string
		get   func(*assessment.GluteSide) assessment.Grade
	}{
		{"Buttock strength (big glute)", func(g *assessment.GluteSide) assessment.Grade { return g.MaxGrade }},
		{"Side-hip strength (glute medius)", func(g *assessment.GluteSide) assessment.Grade { return g.MedGrade }},
	}
	for _, m := range muscles {
		for _, side := range []string{assessment.SideLeft, assessment.SideRight} {
			add(gradeRow(m.label+", "+side, gradeOf(base, side, m.get), gradeOf(now, side, m.get)))
		}
	}
	for _, side := range []string{assessment.SideLeft, assessment.SideRight} {
		add(bridgeRow("Single-leg bridges, "+side, bridgeOf(base, side), bridgeOf(now, side)))
	}
	add(hingeRow(hingeOf(base), hingeOf(now)))
	for _, a := range activityPairs(base, now) {
		add(activityRow(a.name, a.base, a.now))
	}

	t.Notes = append(t.Notes,
		"\"Real change\" marks a difference bigger than the day-to-day and measuring variation for that test. Smaller changes may still be the start of a trend.")
	if mixed {
		t.Notes = append(t.Notes, "The gap was measured in different ways at the two sessions (finger widths and millimetres). Finger size varies, so those two are not compared.")
	}
	if len(t.Rows) == 0 {
		t.Notes = append([]string{"None of the measures were recorded at both assessments, so there is nothing to compare yet."}, t.Notes...)
	}
	return t
}

// opt is a measurement that may be missing.
type opt[T any] struct {
	v  T
	ok bool
}

func some[T any](v T) opt[T] { return opt[T]{v, true} }

func painNow(r *assessment.Record) opt[int] {
	if r.Pain != nil && r.Pain.Now != nil {
		return some(*r.Pain.Now)
	}
	return opt[int]{}
}

func painWorst(r *assessment.Record) opt[int] {
	if r.Pain != nil && r.Pain.WorstWeek != nil {
		return some(*r.Pain.WorstWeek)
	}
	return opt[int]{}
}

func painRow(label string, b, n opt[int]) (ProgressRow, bool) {
	if !b.ok && !n.ok {
		return ProgressRow{}, false
	}
	row := ProgressRow{Measure: label, Baseline: optInt(b, " of 10"), Now: optInt(n, " of 10"), Change: "–"}
	if b.ok && n.ok {
		d := n.v - b.v
		row.Change = pointsChange(d, "lower", "higher")
		if d < 0 {
			frac := float64(-d) / float64(max(b.v, 1))
			row.Meaningful = -d >= painMeaningfulPoints || frac >= painMeaningfulFraction
		} else {
			row.Meaningful = d >= painMeaningfulPoints
		}
		row.Change = withReal(row.Change, row.Meaningful && d != 0)
	}
	return row, true
}

func optInt(o opt[int], unit string) string {
	if !o.ok {
		return notMeasured
	}
	return strconv.Itoa(o.v) + unit
}

// pointsChange words a difference in points: "3 points lower".
func pointsChange(d int, down, up string) string {
	switch {
	case d == 0:
		return "no change"
	case d < 0:
		return plural(-d, "point", "points") + " " + down
	}
	return plural(d, "point", "points") + " " + up
}

func withReal(change string, real bool) string {
	if real {
		return change + " (real change)"
	}
	return change
}

func siteOf(r *assessment.Record, get func(*assessment.Diastasis) *assessment.DiastasisSite) *assessment.DiastasisSite {
	if r.Diastasis == nil {
		return nil
	}
	return get(r.Diastasis)
}

// gapText words a gap in its own unit, or in the preferred one when both are
// recorded. Finger widths are never converted to millimetres: finger size
// varies too much for a fixed factor (domain.md §1 [14]).
func gapText(s *assessment.DiastasisSite, unit string) (text string, val float64, u string, ok bool) {
	if s == nil {
		return "", 0, "", false
	}
	fingers := func() (string, float64, string, bool) {
		f := *s.WidthFingers
		return fingerWords(f), f, UnitFingers, true
	}
	mm := func() (string, float64, string, bool) {
		return fmt.Sprintf("%d mm", *s.WidthMM), float64(*s.WidthMM), UnitMM, true
	}
	switch {
	case s.WidthFingers != nil && s.WidthMM != nil:
		if unit == UnitMM {
			return mm()
		}
		return fingers()
	case s.WidthFingers != nil:
		return fingers()
	case s.WidthMM != nil:
		return mm()
	}
	return "", 0, "", false
}

func fingerWords(f float64) string {
	n := strconv.FormatFloat(f, 'f', -1, 64)
	if f == 1 {
		return "1 finger width"
	}
	return n + " finger widths"
}

func gapRow(label string, b, n *assessment.DiastasisSite, unit string) (row ProgressRow, ok, mixed bool) {
	bt, bv, bu, bok := gapText(b, unit)
	nt, nv, nu, nok := gapText(n, unit)
	if !bok && !nok {
		return ProgressRow{}, false, false
	}
	// When both sessions have both units, compare in the preferred one.
	if bok && nok && bu != nu {
		if b.WidthMM != nil && n.WidthMM != nil {
			bt, bv, _, _ = gapText(&assessment.DiastasisSite{WidthMM: b.WidthMM}, UnitMM)
			nt, nv, _, _ = gapText(&assessment.DiastasisSite{WidthMM: n.WidthMM}, UnitMM)
			bu, nu = UnitMM, UnitMM
		} else if b.WidthFingers != nil && n.WidthFingers != nil {
			bt, bv, _, _ = gapText(&assessment.DiastasisSite{WidthFingers: b.WidthFingers}, UnitFingers)
			nt, nv, _, _ = gapText(&assessment.DiastasisSite{WidthFingers: n.WidthFingers}, UnitFingers)
			bu, nu = UnitFingers, UnitFingers
		}
	}
	row = ProgressRow{Measure: label, Baseline: orNot(bt, bok), Now: orNot(nt, nok), Change: "–"}
	if !bok || !nok {
		return row, true, false
	}
	if bu != nu {
		row.Change = "measured differently"
		return row, true, true
	}
	d := nv - bv
	switch {
	case d == 0:
		row.Change = "no change"
	case bu == UnitMM:
		row.Change = fmt.Sprintf("%d mm %s", int(math.Abs(d)), narrowerWider(d))
		row.Meaningful = math.Abs(d) >= mmMeaningful
	default:
		row.Change = strings.TrimSuffix(fingerWords(math.Abs(d)), "") + " " + narrowerWider(d)
		row.Meaningful = math.Abs(d) >= fingerMeaningful
	}
	row.Change = withReal(row.Change, row.Meaningful)
	return row, true, false
}

func narrowerWider(d float64) string {
	if d < 0 {
		return "narrower"
	}
	return "wider"
}

func orNot(s string, ok bool) string {
	if !ok {
		return notMeasured
	}
	return s
}

func glute(r *assessment.Record, side string) *assessment.GluteSide {
	if r.Glutes == nil {
		return nil
	}
	if side == assessment.SideLeft {
		return r.Glutes.Left
	}
	return r.Glutes.Right
}

func gradeOf(r *assessment.Record, side string, get func(*assessment.GluteSide) assessment.Grade) assessment.Grade {
	g := glute(r, side)
	if g == nil {
		return ""
	}
	if x := get(g); x.Valid() {
		return x
	}
	return ""
}

func gradeRow(label string, b, n assessment.Grade) (ProgressRow, bool) {
	if b == "" && n == "" {
		return ProgressRow{}, false
	}
	text := func(g assessment.Grade) string {
		if g == "" {
			return notMeasured
		}
		return string(g) + " of 5"
	}
	row := ProgressRow{Measure: label, Baseline: text(b), Now: text(n), Change: "–"}
	if b == "" || n == "" {
		return row, true
	}
	steps := n.Rank() - b.Rank()
	switch {
	case steps == 0:
		row.Change = "no change"
	case steps > 0:
		row.Change = "stronger by " + plural(steps, "step", "steps")
	default:
		row.Change = "weaker by " + plural(-steps, "step", "steps")
	}
	row.Meaningful = math.Abs(n.Value()-b.Value()) >= gradeMeaningful-1e-9
	row.Change = withReal(row.Change, row.Meaningful)
	return row, true
}

func bridgeOf(r *assessment.Record, side string) opt[int] {
	if g := glute(r, side); g != nil && g.SingleLegBridgeReps != nil {
		return some(*g.SingleLegBridgeReps)
	}
	return opt[int]{}
}

func bridgeRow(label string, b, n opt[int]) (ProgressRow, bool) {
	if !b.ok && !n.ok {
		return ProgressRow{}, false
	}
	row := ProgressRow{Measure: label, Baseline: optInt(b, " reps"), Now: optInt(n, " reps"), Change: "–"}
	if b.ok && n.ok {
		d := n.v - b.v
		switch {
		case d == 0:
			row.Change = "no change"
		case d > 0:
			row.Change = fmt.Sprintf("%d more", d)
		default:
			row.Change = fmt.Sprintf("%d fewer", -d)
		}
		row.Meaningful = d >= bridgeMeaningfulReps || -d >= bridgeMeaningfulReps
		row.Change = withReal(row.Change, row.Meaningful)
		if b.v < bridgeBenchmarkReps && n.v >= bridgeBenchmarkReps {
			row.Change += fmt.Sprintf("; %d reached", bridgeBenchmarkReps)
		}
	}
	return row, true
}

func hingeOf(r *assessment.Record) opt[int] {
	if r.Hinge != nil && r.Hinge.Score != nil {
		return some(*r.Hinge.Score)
	}
	return opt[int]{}
}

func hingeRow(b, n opt[int]) (ProgressRow, bool) {
	if !b.ok && !n.ok {
		return ProgressRow{}, false
	}
	row := ProgressRow{Measure: "Bending from the hips (0–3, 3 = clean)", Baseline: optInt(b, " of 3"), Now: optInt(n, " of 3"), Change: "–"}
	if b.ok && n.ok {
		d := n.v - b.v
		// Each step of the 0–3 movement score is a different quality level,
		// so any step counts (domain.md §5 [54]).
		row.Change = withReal(pointsChange(d, "lower", "higher"), d != 0)
		row.Meaningful = d != 0
	}
	return row, true
}

type activityPair struct {
	name      string
	base, now opt[int]
}

// activityPairs matches her activities by name (ignoring case and accents)
// so "Carrying the car seat" at both sessions becomes one row.
func activityPairs(base, now *assessment.Record) []activityPair {
	var out []activityPair
	idx := map[string]int{}
	add := func(r *assessment.Record, isNow bool) {
		if r.Context == nil {
			return
		}
		for i, a := range r.Context.Activities {
			if i == assessment.MaxActivities {
				break
			}
			name := clean(a.Name, maxNameRunes)
			key := assessment.Fold(name)
			if key == "" {
				continue
			}
			j, ok := idx[key]
			if !ok {
				j = len(out)
				idx[key] = j
				out = append(out, activityPair{name: name})
			}
			v := some(min(max(a.Rating, 0), 10))
			if isNow {
				out[j].now = v
			} else {
				out[j].base = v
			}
		}
	}
	add(base, false)
	add(now, true)
	return out
}

func activityRow(name string, b, n opt[int]) (ProgressRow, bool) {
	row := ProgressRow{Measure: name + " (0–10, 10 = as before)", Baseline: optInt(b, " of 10"), Now: optInt(n, " of 10"), Change: "–"}
	if b.ok && n.ok {
		d := n.v - b.v
		row.Meaningful = d >= activityMeaningfulPoints || -d >= activityMeaningfulPoints
		row.Change = withReal(pointsChange(d, "lower", "higher"), row.Meaningful)
	}
	return row, true
}
