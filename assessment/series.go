package assessment

import (
	"cmp"
	"slices"
)

// Trend is one chart of a client's progress: one or more series of values
// over her assessments, on one scale. Min and Max are the scale's natural
// bounds (0–10 for pain); when Max is not above Min the chart fits the
// data. A painter draws it; the domain only says what to draw.
type Trend struct {
	Key    string   `json:"key"`
	Title  string   `json:"title"`
	Unit   string   `json:"unit,omitempty"`
	Min    float64  `json:"min"`
	Max    float64  `json:"max"`
	Series []Series `json:"series"`
}

// Series is one line of a trend: a measure over time.
type Series struct {
	Key    string  `json:"key"`
	Label  string  `json:"label"`
	Points []Point `json:"points"`
}

// Point is one measured value on the day of an assessment.
type Point struct {
	Date     Date    `json:"date"`
	Value    float64 `json:"value"`
	Text     string  `json:"text"` // the value as the coach reads it ("3+", "2.5")
	RecordID int64   `json:"record_id,omitempty"`
}

// Trend keys.
const (
	TrendPain              = "pain"
	TrendDiastasisFingers  = "diastasis_fingers"
	TrendDiastasisMM       = "diastasis_mm"
	TrendGlutes            = "glutes"
	TrendHinge             = "hinge"
	TrendActivities        = "activities"
	trendSeriesActivityPre = "activity:"
)

// Trends returns the charts of a client's progress over records (in any
// order; they are read oldest first): pain now and worst in the week;
// the diastasis gap per site, one chart per unit measured in (finger
// widths are never converted to millimetres, as finger size varies [14]);
// glute max and med grades left and right; the hinge score; and her own
// activity ratings, matched by name. A chart or series with no point is
// left out, so the result may be empty.
func Trends(records []*Record) []Trend {
	recs := make([]*Record, 0, len(records))
	for _, r := range records {
		if r != nil {
			recs = append(recs, r)
		}
	}
	sortRecords(recs)
	series := func(key, label string, get func(*Record) value) Series {
		s := Series{Key: key, Label: label}
		for _, r := range recs {
			if r.carriedOver(sectionOfKey(key)) {
				continue // copied from an earlier assessment, not measured that day
			}
			if v := get(r); v.ok {
				s.Points = append(s.Points, Point{Date: r.Date, Value: v.v, Text: pointText(v), RecordID: r.ID})
			}
		}
		return s
	}
	byKey := map[string]measure{}
	for _, m := range fixedMeasures {
		byKey[m.key] = m
	}
	fromMeasure := func(key, label string) Series { return series(key, label, byKey[key].get) }

	var out []Trend
	add := func(t Trend) {
		kept := t.Series[:0]
		for _, s := range t.Series {
			if len(s.Points) > 0 {
				kept = append(kept, s)
			}
		}
		if t.Series = kept; len(kept) > 0 {
			out = append(out, t)
		}
	}
	add(Trend{Key: TrendPain, Title: "Pain", Unit: unitNPRS, Min: 0, Max: MaxNPRS, Series: []Series{
		fromMeasure("pain.now", "Now"),
		fromMeasure("pain.worst_week", "Worst in the week"),
	}})
	for _, u := range []struct {
		key, unit string
		max       float64
	}{{TrendDiastasisFingers, unitFingers, MaxWidthFingers}, {TrendDiastasisMM, unitMM, 0}} {
		t := Trend{Key: u.key, Title: "Diastasis gap (" + u.unit + ")", Unit: u.unit, Min: 0, Max: u.max}
		for _, site := range siteNames {
			t.Series = append(t.Series, series("diastasis."+site+".width", upperFirst(siteWords[site]), func(r *Record) value {
				if v := widthVal(r.diastasisSite(site)); v.unit == u.unit {
					return v
				}
				return value{}
			}))
		}
		add(t)
	}
	add(Trend{Key: TrendGlutes, Title: "Glute grades", Unit: unitGrade, Min: 0, Max: 5, Series: []Series{
		fromMeasure("glutes.left.max_grade", "Max, left"),
		fromMeasure("glutes.right.max_grade", "Max, right"),
		fromMeasure("glutes.left.med_grade", "Med, left"),
		fromMeasure("glutes.right.med_grade", "Med, right"),
	}})
	add(Trend{Key: TrendHinge, Title: "Hip hinge score", Unit: unitScore3, Min: HingeScorePain, Max: HingeScoreClean, Series: []Series{
		fromMeasure("hinge.score", "Score"),
	}})
	keys, labels := activityNames(recs...)
	t := Trend{Key: TrendActivities, Title: "Her activities", Unit: unitNPRS, Min: 0, Max: MaxActivityRating}
	for i, k := range keys {
		m := activityMeasure(k, labels[i])
		t.Series = append(t.Series, series(trendSeriesActivityPre+k, labels[i], m.get))
	}
	add(t)
	return out
}

// pointText is a point's value for a label: the grade itself, or the
// number.
func pointText(v value) string {
	if v.csv != "" {
		return v.csv
	}
	return fmtNum1(v.v)
}

// sortRecords orders records oldest first: by date, then by ID (the order
// they were stored in, for two on the same day).
func sortRecords(recs []*Record) {
	slices.SortStableFunc(recs, func(a, b *Record) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
	})
}
