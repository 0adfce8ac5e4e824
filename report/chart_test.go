package report_test

import (
	"math"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/report"
)

func TestNiceScale(t *testing.T) {
	tests := []struct {
		name           string
		lo, hi         float64
		n              int
		min, max, step float64
	}{
		{"Pain", 0, 10, 6, 0, 10, 2},
		{"Grades", 0, 5, 6, 0, 5, 1},
		{"Hinge", 0, 3, 4, 0, 3, 1},
		{"Fitted", 12, 37, 6, 10, 40, 10},
		{"Fractions", 0.2, 0.9, 5, 0.2, 1, 0.2},
		{"Negative", -17, -3, 5, -20, 0, 5},
		{"AcrossZero", -4, 12, 5, -5, 15, 5},
		{"Reversed", 10, 0, 6, 0, 10, 2},
		{"OneValue", 3, 3, 6, 2, 4, 0.5},
		{"EqualNegative", -3, -3, 6, -4, -2, 0.5},
		{"EqualLarge", 150, 150, 6, 130, 170, 10},
		{"ZeroRange", 0, 0, 6, 0, 1, 0.2},
		{"NaN", math.NaN(), 5, 6, 0, 1, 0.2},
		{"Inf", 0, math.Inf(1), 6, 0, 1, 0.2},
		{"TwoTicks", 0, 10, 1, 0, 10, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := report.NiceScale(tt.lo, tt.hi, tt.n)
			if !near(s.Min, tt.min) || !near(s.Max, tt.max) || !near(s.Step, tt.step) {
				t.Errorf("NiceScale(%v, %v, %d) = %v..%v step %v; want %v..%v step %v", tt.lo, tt.hi, tt.n, s.Min, s.Max, s.Step, tt.min, tt.max, tt.step)
			}
			n := max(tt.n, 2)
			if len(s.Ticks) < 2 || len(s.Ticks) > n {
				t.Errorf("%d ticks; want 2 to %d", len(s.Ticks), n)
			}
			if len(s.Ticks) > 0 && (!near(s.Ticks[0], s.Min) || !near(s.Ticks[len(s.Ticks)-1], s.Max)) {
				t.Errorf("ticks %v do not run from Min to Max", s.Ticks)
			}
			lo, hi := math.Min(tt.lo, tt.hi), math.Max(tt.lo, tt.hi)
			if !math.IsNaN(lo) && !math.IsInf(hi, 0) && (s.Min > lo || s.Max < hi) {
				t.Errorf("scale %v..%v does not cover %v..%v", s.Min, s.Max, lo, hi)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

var chartStyle = report.ChartStyle{FontSize: 2.6, Stroke: 0.35, PointRadius: 0.8, Pad: 1.5}

func trend(values ...float64) assessment.Trend {
	s := assessment.Series{Key: "pain.now", Label: "Now"}
	for i, v := range values {
		s.Points = append(s.Points, assessment.Point{Date: assessment.NewDate(2026, 1, 5).AddDays(28 * i), Value: v, Text: "x"})
	}
	return assessment.Trend{Key: "t", Title: "Pain", Series: []assessment.Series{s}}
}

// checkMarks: every mark is a finite number inside the box.
func checkMarks(t *testing.T, c *report.Chart) {
	t.Helper()
	for i, m := range c.Marks {
		for _, v := range []float64{m.X1, m.Y1, m.X2, m.Y2, m.R, m.Size} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("mark %d %+v has a non-finite number", i, m)
			}
		}
		xs, ys := []float64{m.X1}, []float64{m.Y1}
		if m.Kind == report.MarkLine {
			xs, ys = append(xs, m.X2), append(ys, m.Y2)
		}
		for _, x := range xs {
			if x < -0.01 || x > c.Width+0.01 {
				t.Errorf("mark %d %+v is outside the box width %v", i, m, c.Width)
			}
		}
		for _, y := range ys {
			if y < -0.01 || y > c.Height+0.01 {
				t.Errorf("mark %d %+v is outside the box height %v", i, m, c.Height)
			}
		}
	}
}

func pointsOf(c *report.Chart) []report.ChartPoint {
	var out []report.ChartPoint
	for _, s := range c.Series {
		out = append(out, s.Points...)
	}
	return out
}

func TestLayoutChart(t *testing.T) {
	t.Run("Fixed", func(t *testing.T) {
		tr := trend(7, 4, 2)
		tr.Min, tr.Max = 0, 10
		c := report.LayoutChart(tr, 85, 55, chartStyle)
		checkMarks(t, c)
		if c.Y.Min != 0 || c.Y.Max != 10 {
			t.Errorf("scale %v..%v; want the pain scale 0..10", c.Y.Min, c.Y.Max)
		}
		p := pointsOf(c)
		if len(p) != 3 || !(p[0].X < p[1].X && p[1].X < p[2].X) || !(p[0].Y < p[1].Y && p[1].Y < p[2].Y) {
			t.Errorf("points %+v; want left to right, falling pain lower on the page", p)
		}
		bottom := c.Plot.Y + c.Plot.H
		if want := bottom - 0.7*c.Plot.H; math.Abs(p[0].Y-want) > 1e-6 {
			t.Errorf("pain 7 at y %v; want %v (70%% up the plot)", p[0].Y, want)
		}
	})
	t.Run("WholeSteps", func(t *testing.T) {
		// A short chart of a 0–10 scale still ticks in whole numbers.
		for _, h := range []float64{30, 40, 55, 80} {
			tr := trend(7, 4)
			tr.Min, tr.Max = 0, 10
			c := report.LayoutChart(tr, 85, h, chartStyle)
			if c.Y.Step != math.Trunc(c.Y.Step) || c.Y.Min != 0 || c.Y.Max != 10 {
				t.Errorf("height %v: scale %v..%v step %v; want 0..10 in whole steps", h, c.Y.Min, c.Y.Max, c.Y.Step)
			}
		}
	})
	t.Run("LabelsInside", func(t *testing.T) {
		c := report.LayoutChart(trend(1, 2, 3), 40, 55, chartStyle)
		for _, m := range c.Marks {
			if m.Kind != report.MarkText {
				continue
			}
			w := float64(len([]rune(m.Text))) * m.Size * 0.56
			left := m.X1
			switch m.Align {
			case report.AlignCenter:
				left -= w / 2
			case report.AlignRight:
				left -= w
			}
			if left < -0.01 || left+w > c.Width+0.01 {
				t.Errorf("label %q spans %v..%v, outside 0..%v", m.Text, left, left+w, c.Width)
			}
		}
	})
	t.Run("OnePoint", func(t *testing.T) {
		c := report.LayoutChart(trend(5), 85, 55, chartStyle)
		checkMarks(t, c)
		p := pointsOf(c)
		if len(p) != 1 || math.Abs(p[0].X-(c.Plot.X+c.Plot.W/2)) > 1e-6 {
			t.Fatalf("one point at %+v; want it centred in the plot (x %v)", p, c.Plot.X+c.Plot.W/2)
		}
		if p[0].Y <= c.Plot.Y || p[0].Y >= c.Plot.Y+c.Plot.H {
			t.Errorf("one point at y %v; want it inside the plot, not on an edge", p[0].Y)
		}
		if len(c.XTicks) != 1 || c.XTicks[0].Label != "5 Jan" {
			t.Errorf("ticks %+v; want its day", c.XTicks)
		}
	})
	t.Run("EqualValues", func(t *testing.T) {
		c := report.LayoutChart(trend(3, 3, 3, 3), 85, 55, chartStyle)
		checkMarks(t, c)
		if c.Y.Max <= c.Y.Min {
			t.Fatalf("flat scale %v..%v", c.Y.Min, c.Y.Max)
		}
		for _, p := range pointsOf(c) {
			if p.Y <= c.Plot.Y || p.Y >= c.Plot.Y+c.Plot.H {
				t.Errorf("equal values drawn on the plot's edge at %v", p.Y)
			}
		}
	})
	t.Run("Negative", func(t *testing.T) {
		c := report.LayoutChart(trend(-8, -3, 4), 85, 55, chartStyle)
		checkMarks(t, c)
		if c.Y.Min > -8 || c.Y.Max < 4 {
			t.Errorf("scale %v..%v does not cover −8..4", c.Y.Min, c.Y.Max)
		}
		found := false
		for _, m := range c.Marks {
			found = found || (m.Kind == report.MarkText && m.Text == "−5")
		}
		if !found {
			t.Error("no \"−5\" tick label (negative ticks with a real minus sign)")
		}
	})
	t.Run("ZeroRange", func(t *testing.T) {
		c := report.LayoutChart(trend(0, 0), 85, 55, chartStyle)
		checkMarks(t, c)
		if c.Y.Min != 0 || c.Y.Max <= 0 {
			t.Errorf("scale %v..%v; want 0 up to something above 0", c.Y.Min, c.Y.Max)
		}
	})
	t.Run("Empty", func(t *testing.T) {
		c := report.LayoutChart(assessment.Trend{Title: "Pain"}, 85, 55, chartStyle)
		checkMarks(t, c)
		if len(c.Series) != 0 || len(c.Marks) == 0 {
			t.Errorf("empty trend: %d series, %d marks; want a titled empty plot", len(c.Series), len(c.Marks))
		}
	})
	t.Run("SameDay", func(t *testing.T) {
		tr := trend(4, 6)
		tr.Series[0].Points[1].Date = tr.Series[0].Points[0].Date
		c := report.LayoutChart(tr, 85, 55, chartStyle)
		checkMarks(t, c)
	})
	t.Run("Legend", func(t *testing.T) {
		tr := trend(1, 2)
		for _, l := range []string{"Max, left", "Max, right", "Med, left", "Med, right"} {
			tr.Series = append(tr.Series, assessment.Series{Label: l, Points: tr.Series[0].Points})
		}
		c := report.LayoutChart(tr, 60, 55, chartStyle)
		checkMarks(t, c)
		var labels []string
		for _, m := range c.Marks {
			if m.Kind == report.MarkText && m.Ink == report.InkMuted && m.Y1 > c.Plot.Y+c.Plot.H+chartStyle.FontSize*1.5 {
				labels = append(labels, m.Text)
			}
		}
		if want := []string{"Now", "Max, left", "Max, right", "Med, left", "Med, right"}; !reflect.DeepEqual(labels, want) {
			t.Errorf("legend %q; want %q", labels, want)
		}
	})
	t.Run("PixelsToo", func(t *testing.T) {
		// The same model serves the screen in pixels.
		tr := trend(7, 5, 4, 2, 2, 1)
		tr.Min, tr.Max = 0, 10
		c := report.LayoutChart(tr, 360, 220, report.ChartStyle{FontSize: 12})
		checkMarks(t, c)
	})
}

func TestTimeTicks(t *testing.T) {
	at := func(days ...int) assessment.Trend {
		s := assessment.Series{Label: "Now"}
		for _, d := range days {
			s.Points = append(s.Points, assessment.Point{Date: assessment.NewDate(2026, 1, 5).AddDays(d), Value: 1})
		}
		return assessment.Trend{Series: []assessment.Series{s}}
	}
	labels := func(c *report.Chart) []string {
		var out []string
		for _, tk := range c.XTicks {
			out = append(out, tk.Label)
		}
		return out
	}
	tests := []struct {
		name string
		tr   assessment.Trend
		want []string
	}{
		{"Weeks", at(0, 14, 28), []string{"5 Jan", "12 Jan", "19 Jan", "26 Jan", "2 Feb"}},
		{"TwoMonths", at(0, 30, 60), []string{"5 Jan", "19 Jan", "2 Feb", "16 Feb", "2 Mar"}},
		{"Months", at(0, 60, 120, 170), []string{"Feb 2026", "Mar", "Apr", "May", "Jun"}},
		{"Year", at(0, 200, 390), []string{"Apr 2026", "Jul", "Oct", "Jan 2027"}},
		{"Years", at(0, 1400), []string{"Jan 2027", "Jan 2028", "Jan 2029"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := report.LayoutChart(tt.tr, 85, 55, chartStyle)
			if got := labels(c); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ticks %q; want %q", got, tt.want)
			}
			for i := 1; i < len(c.XTicks); i++ {
				if c.XTicks[i].X <= c.XTicks[i-1].X {
					t.Errorf("ticks out of order: %+v", c.XTicks)
				}
			}
		})
	}
}

// TestChartEnds: a chart of the coach's grades says "weaker" and
// "stronger" at the ends of its scale and no number anywhere on it, not
// even the latest value beside the last point.
func TestChartEnds(t *testing.T) {
	st := chartStyle
	st.Ends = [2]string{"weaker", "stronger"}
	c := report.LayoutChart(trend(3, 3.67, 4), 85, 55, st)
	var labels []string
	for _, m := range c.Marks {
		if m.Kind == report.MarkText {
			labels = append(labels, m.Text)
		}
	}
	all := strings.Join(labels, "|")
	if !strings.Contains(all, "weaker") || !strings.Contains(all, "stronger") {
		t.Errorf("labels %q; want weaker and stronger at the ends", all)
	}
	for _, l := range labels {
		if l == "x" || regexp.MustCompile(`^\d+(\.\d+)?$`).MatchString(l) {
			t.Errorf("a number %q on a chart of grades (labels %q)", l, all)
		}
	}
}
