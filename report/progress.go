package report

import (
	"math"
	"strconv"
	"strings"

	"github.com/keel-coach/keel/assessment"
)

// The progress page puts the client's first assessment next to this one
// and draws her progress over every assessment so far. Which changes are
// "real" is decided once, by assessment.Compare (domain.md §7 and its
// "Reassessment deltas"); this file only words the rows and charts for the
// client.

// bridgeBenchmarkReps: 20 single-leg bridges a side is the postnatal
// return-to-running benchmark (domain.md §6 [46]); the page says when she
// reaches it.
const bridgeBenchmarkReps = 20

const notMeasured = "not measured"

// clientRow says how one measure of the comparison appears on the page:
// its label, how a value reads and how a change reads.
type clientRow struct {
	key, label string
	value      func(v float64, text string) string
	change     func(d float64, row assessment.MeasureChange) string
}

func ofTen(v float64, _ string) string { return strconv.Itoa(int(v)) + " of 10" }

// hingeWords says how she bent from the hips, not the coach's 0–3 score
// (3 clean, 2 done with the back helping, 1 not yet, 0 painful).
func hingeWords(v float64, _ string) string {
	switch int(v) {
	case 3:
		return "smooth, back long"
	case 2:
		return "done, the back helping"
	case 1:
		return "not yet"
	}
	return "painful"
}

// gradePlain says a muscle's strength in words, not the coach's grade.
var gradePlain = map[assessment.Grade]string{
	"5": "full strength", "4+": "strong, nearly full", "4": "strong against a firm push",
	"4-": "strong against a light push", "3+": "holds against a slight push", "3": "lifts against gravity",
	"3-": "lifts part of the way", "2": "moves with the leg supported", "1": "a flicker", "0": "no movement yet",
}

func grade(_ float64, text string) string {
	if w, ok := gradePlain[assessment.Grade(strings.TrimSpace(text))]; ok {
		return w
	}
	return notMeasured
}

// stepWords words a change of the hinge score as better or worse.
func stepWords(d float64, _ assessment.MeasureChange) string {
	n := int(math.Round(d))
	switch {
	case n == 0:
		return "no change"
	case n < 0:
		return plural(-n, "step", "steps") + " worse"
	}
	return plural(n, "step", "steps") + " better"
}
func reps(v float64, _ string) string { return strconv.Itoa(int(v)) + " reps" }
func asText(_ float64, text string) string {
	return text
}

func pointsWords(d float64, _ assessment.MeasureChange) string {
	n := int(math.Round(d))
	switch {
	case n == 0:
		return "no change"
	case n < 0:
		return plural(-n, "point", "points") + " lower"
	}
	return plural(n, "point", "points") + " higher"
}

func gapWords(d float64, row assessment.MeasureChange) string {
	if math.Abs(d) < 1e-9 {
		return "no change"
	}
	dir := "wider"
	if d < 0 {
		dir = "narrower"
	}
	if row.Unit == "mm" {
		return strconv.Itoa(int(math.Round(math.Abs(d)))) + " mm " + dir
	}
	return fingerWords(math.Abs(d)) + " " + dir
}

func gradeWords(_ float64, row assessment.MeasureChange) string {
	steps := 0
	if g := assessment.Grade(strings.TrimSpace(row.AfterText)); g.Rank() >= 0 {
		steps = g.Rank() - assessment.Grade(strings.TrimSpace(row.BeforeText)).Rank()
	}
	switch {
	case steps == 0:
		return "no change"
	case steps > 0:
		return "stronger by " + plural(steps, "step", "steps")
	}
	return "weaker by " + plural(-steps, "step", "steps")
}

func bridgeWords(d float64, row assessment.MeasureChange) string {
	n := int(math.Round(d))
	var s string
	switch {
	case n == 0:
		s = "no change"
	case n > 0:
		s = strconv.Itoa(n) + " more"
	default:
		s = strconv.Itoa(-n) + " fewer"
	}
	if row.Before != nil && row.After != nil && *row.Before < bridgeBenchmarkReps && *row.After >= bridgeBenchmarkReps {
		s += "; " + strconv.Itoa(bridgeBenchmarkReps) + " reached"
	}
	return s
}

func fingerWords(f float64) string {
	if f == 1 {
		return "1 finger width"
	}
	return strconv.FormatFloat(f, 'f', -1, 64) + " finger widths"
}

// clientRows lists, in page order, the measures a client reads on her
// progress page. The coach's other measures (tilt angles, Thomas test,
// posture) stay on the coach's screens: they mean little without her.
var clientRows = []clientRow{
	{"pain.now", "Pain today (0 = none, 10 = worst)", ofTen, pointsWords},
	{"pain.worst_week", "Worst pain in the past week (0–10)", ofTen, pointsWords},
	{"diastasis.above.width", "Tummy gap above the belly button", asText, gapWords},
	{"diastasis.at.width", "Tummy gap at the belly button", asText, gapWords},
	{"diastasis.below.width", "Tummy gap below the belly button", asText, gapWords},
	{"glutes.left.max_grade", "Buttock strength, left", grade, gradeWords},
	{"glutes.right.max_grade", "Buttock strength, right", grade, gradeWords},
	{"glutes.left.med_grade", "Side-hip strength, left", grade, gradeWords},
	{"glutes.right.med_grade", "Side-hip strength, right", grade, gradeWords},
	{"glutes.left.single_leg_bridge_reps", "Single-leg bridges, left", reps, bridgeWords},
	{"glutes.right.single_leg_bridge_reps", "Single-leg bridges, right", reps, bridgeWords},
	{"hinge.score", "Bending from the hips", hingeWords, stepWords},
}

// buildProgress compares baseline with now for the client. Only measures
// recorded at least once appear; a measure recorded only once shows "not
// measured" on the other side and no change.
func buildProgress(base, now *assessment.Record, history []*assessment.Record, paper string) *ProgressTable {
	t := &ProgressTable{BaselineDate: longDate(base.Date), NowDate: longDate(now.Date)}
	cmp := assessment.Compare(base, now)
	byKey := map[string]assessment.MeasureChange{}
	var activities []assessment.MeasureChange
	for _, r := range cmp.Rows {
		byKey[r.Key] = r
		if strings.HasPrefix(r.Key, "activity:") {
			activities = append(activities, r)
		}
	}
	mixed := false
	for _, cr := range clientRows {
		row, ok := byKey[cr.key]
		if !ok {
			continue
		}
		pr, mix := wordRow(cr, row)
		mixed = mixed || mix
		t.Rows = append(t.Rows, pr)
	}
	for i, a := range activities {
		if i == assessment.MaxActivities*2 {
			break
		}
		pr, _ := wordRow(clientRow{label: clean(a.Measure, maxNameRunes) + " (0–10, 10 = as before)", value: ofTen, change: pointsWords}, a)
		t.Rows = append(t.Rows, pr)
	}

	t.Notes = append(t.Notes,
		"\"Real change\" marks a difference bigger than the day-to-day and measuring variation for that test. Smaller changes may still be the start of a trend.")
	if mixed {
		t.Notes = append(t.Notes, "The gap was measured in different ways at the two sessions (finger widths and millimetres). Finger size varies, so those two are not compared.")
	}
	if len(t.Rows) == 0 {
		t.Notes = append([]string{"None of the measures were recorded at both assessments, so there is nothing to compare yet."}, t.Notes...)
	}
	if len(history) == 0 {
		history = []*assessment.Record{base, now}
	}
	t.Charts = progressCharts(history, now, paper)
	return t
}

// wordRow words one compared measure; mixed reports gap units that differ.
func wordRow(cr clientRow, row assessment.MeasureChange) (pr ProgressRow, mixed bool) {
	side := func(v *float64, text string) string {
		if v == nil {
			return notMeasured
		}
		return cr.value(*v, text)
	}
	pr = ProgressRow{Measure: cr.label, Baseline: side(row.Before, row.BeforeText), Now: side(row.After, row.AfterText), Change: "–"}
	switch {
	case row.Compared():
		pr.Change = cr.change(*row.Change, row)
		pr.Meaningful = row.Meaningful
		if row.Meaningful {
			pr.Change += " (real change)"
		}
	case row.Only == "" && row.Before != nil && row.After != nil:
		pr.Change = "measured differently"
		mixed = true
	}
	return pr, mixed
}

// Chart size on the page, in millimetres: two charts side by side.
const (
	chartGap    = 6.0
	chartHeight = 58.0
)

// pdfChartStyle sizes chart text and lines for print: 7.5 pt labels.
var pdfChartStyle = ChartStyle{FontSize: sizeTiny * ptToMM, Stroke: 0.45, PointRadius: 0.95, Pad: 1.6}

// clientTrends words the charts for the client.
var clientTrends = map[string]struct {
	title  string
	series map[string]string
}{
	assessment.TrendPain: {"Your pain (0 = none, 10 = worst)", map[string]string{"pain.now": "On the day", "pain.worst_week": "Worst that week"}},
	assessment.TrendDiastasisFingers: {"Tummy gap (finger widths)", map[string]string{
		"diastasis.above.width": "Above the belly button", "diastasis.at.width": "At the belly button", "diastasis.below.width": "Below the belly button"}},
	assessment.TrendDiastasisMM: {"Tummy gap (mm)", map[string]string{
		"diastasis.above.width": "Above the belly button", "diastasis.at.width": "At the belly button", "diastasis.below.width": "Below the belly button"}},
	assessment.TrendGlutes: {"Buttock and side-hip strength", map[string]string{
		"glutes.left.max_grade": "Buttock, left", "glutes.right.max_grade": "Buttock, right",
		"glutes.left.med_grade": "Side hip, left", "glutes.right.med_grade": "Side hip, right"}},
	assessment.TrendHinge:      {"Bending from the hips", nil},
	assessment.TrendActivities: {"Your activities (0–10, 10 = as before)", nil},
}

// chartEnds words the scale of a chart whose numbers are the coach's
// grades or scores.
var chartEnds = map[string][2]string{
	assessment.TrendGlutes: {"weaker", "stronger"},
	assessment.TrendHinge:  {"painful", "smooth"},
}

// progressCharts lays out her trends over the assessments up to now, for
// the page width of paper. A trend is drawn only when some series has two
// points or more: one point is not a trend yet.
func progressCharts(history []*assessment.Record, now *assessment.Record, paper string) []*Chart {
	var recs []*assessment.Record
	for _, r := range history {
		if r != nil && (now.Date.IsZero() || !r.Date.After(now.Date)) {
			recs = append(recs, r)
		}
	}
	pageW := 210.0
	if paper == PaperLetter {
		pageW = 215.9
	}
	w := (pageW - 2*marginSide - chartGap) / 2
	var out []*Chart
	for _, t := range assessment.Trends(recs) {
		long := false
		for _, s := range t.Series {
			long = long || len(s.Points) >= 2
		}
		if !long {
			continue
		}
		if ct, ok := clientTrends[t.Key]; ok {
			t.Title = ct.title
			for i := range t.Series {
				if l, ok := ct.series[t.Series[i].Key]; ok {
					t.Series[i].Label = l
				}
			}
		}
		t.Title = clean(t.Title, maxNameRunes)
		for i := range t.Series {
			t.Series[i].Label = clean(t.Series[i].Label, maxNameRunes)
		}
		st := pdfChartStyle
		if ends, ok := chartEnds[t.Key]; ok {
			st.Ends = ends
		}
		out = append(out, LayoutChart(t, w, chartHeight, st))
	}
	return out
}
