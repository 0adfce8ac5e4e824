package report

import (
	"image/color"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/keel-coach/keel/assessment"
)

// A chart is laid out once, here, as a list of marks (lines, circles and
// text) in a box of any unit with y pointing down. The PDF painter
// (pdf.go) and the Fyne painter (ui/chart.go) only draw those marks, so a
// chart looks the same on screen and on paper and no chart is drawn by two
// different codes.

// MarkKind is what a mark draws.
type MarkKind int

// Mark kinds.
const (
	MarkLine   MarkKind = iota // from (X1, Y1) to (X2, Y2)
	MarkCircle                 // centred on (X1, Y1) with radius R
	MarkText                   // Text anchored at X1 (by Align), centred vertically on Y1
)

// Align is how a text mark sits on its anchor.
type Align int

// Text alignments.
const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// Ink is the colour role of a mark; each painter maps roles to its own
// colours (a dark screen theme, a black-and-white printer), and series to
// SeriesColor.
type Ink int

// Inks.
const (
	InkText   Ink = iota // titles, value labels
	InkMuted             // tick labels, legend text
	InkGrid              // grid lines
	InkAxis              // the axis lines
	InkSeries            // a series' colour (Mark.Series)
)

// Mark is one thing to draw.
type Mark struct {
	Kind           MarkKind
	X1, Y1, X2, Y2 float64
	R              float64 // circle radius
	Stroke         float64 // line width; a circle's outline
	Ink            Ink
	Series         int  // which series, for InkSeries
	Filled         bool // a filled circle (else an outline with a light centre)
	// Dash is a series line's dash pattern (on, off, … in the chart's
	// unit); nil is a solid line. Grey print turns colours into near
	// greys, so the series also differ by dash and by filled or open
	// points.
	Dash  []float64
	Text  string
	Size  float64 // text height
	Align Align
	Bold  bool
}

// ChartStyle sizes a chart in the painter's unit (millimetres for the PDF,
// pixels on screen).
type ChartStyle struct {
	FontSize    float64 // height of tick labels and legend text
	Stroke      float64 // series line width
	PointRadius float64
	Pad         float64 // space between parts
	// Ends, when set, labels the scale in words at its bottom and top
	// ("weaker", "stronger") instead of numbers, and no point says its
	// value: for a coach's grade or score, which means nothing to her as
	// a number.
	Ends [2]string
}

// Scale is a nice linear scale: Min and Max are multiples of Step, and
// Ticks run from Min to Max by Step.
type Scale struct {
	Min, Max, Step float64
	Ticks          []float64
}

// Rect is a rectangle in the chart's box.
type Rect struct{ X, Y, W, H float64 }

// ChartPoint is one value placed in the box.
type ChartPoint struct {
	X, Y  float64
	Date  assessment.Date
	Value float64
	Text  string
}

// ChartSeries is one series placed in the box.
type ChartSeries struct {
	Label  string
	Points []ChartPoint
}

// Chart is a Trend laid out in a Width × Height box.
type Chart struct {
	Key, Title, Unit string
	Width, Height    float64
	Plot             Rect
	Y                Scale
	XTicks           []ChartTick
	Series           []ChartSeries
	// Marks are drawn in order: grid, axes, labels, series lines, points,
	// legend.
	Marks []Mark
}

// ChartTick is one labelled position on the time axis.
type ChartTick struct {
	X     float64
	Date  assessment.Date
	Label string
}

// seriesColors are strong, distinct hues that stay apart in greyscale too
// (dark teal, orange, violet, olive, crimson); series alternate filled and
// hollow points so a black-and-white copy still tells them apart.
var seriesColors = []color.RGBA{
	{R: 0x0f, G: 0x6e, B: 0x6e, A: 0xff},
	{R: 0xd9, G: 0x6c, B: 0x06, A: 0xff},
	{R: 0x6a, G: 0x3d, B: 0x9a, A: 0xff},
	{R: 0x5b, G: 0x7a, B: 0x1a, A: 0xff},
	{R: 0xb0, G: 0x1e, B: 0x3c, A: 0xff},
}

// SeriesDash is the dash pattern of series i for lines of width stroke:
// solid, dashed, dotted, dash-dot, long dashes.
func SeriesDash(i int, stroke float64) []float64 {
	patterns := [][]float64{nil, {5, 2.5}, {0.8, 2}, {5, 2, 0.8, 2}, {9, 3}}
	p := patterns[((i%len(patterns))+len(patterns))%len(patterns)]
	if p == nil {
		return nil
	}
	out := make([]float64, len(p))
	for k, v := range p {
		out[k] = v * stroke
	}
	return out
}

// SeriesColor is the colour of series i.
func SeriesColor(i int) color.RGBA {
	return seriesColors[((i%len(seriesColors))+len(seriesColors))%len(seriesColors)]
}

// maxTicks bounds the labels on an axis so they never crowd (H).
const maxTicks = 6

// NiceScale returns a scale covering lo..hi with at most n ticks, on round
// steps (1, 2, 2.5 or 5 times a power of ten). A single value or equal
// values get a range around them; a range at zero becomes 0..1; NaN and
// infinite bounds are treated as 0..1.
func NiceScale(lo, hi float64, n int) Scale {
	if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		lo, hi = 0, 1
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	if n < 2 {
		n = 2
	}
	if hi-lo < 1e-9 {
		pad := math.Abs(lo) * 0.1
		if pad < 1 {
			pad = 1
		}
		if lo >= 0 && lo-pad < 0 {
			lo, hi = 0, lo+pad // keep a scale of non-negative values from going below zero
		} else {
			lo, hi = lo-pad, hi+pad
		}
	}
	step := niceStep((hi - lo) / float64(n-1))
	for {
		min := math.Floor(lo/step+1e-9) * step
		max := math.Ceil(hi/step-1e-9) * step
		if count := int(math.Round((max-min)/step)) + 1; count <= n {
			s := Scale{Min: min, Max: max, Step: step}
			for i := 0; i < count; i++ {
				v := min + float64(i)*step
				if math.Abs(v) < step*1e-9 {
					v = 0
				}
				s.Ticks = append(s.Ticks, v)
			}
			return s
		}
		step = niceStep(step * 1.01)
	}
}

// niceStep rounds x up to 1, 2, 2.5 or 5 times a power of ten.
func niceStep(x float64) float64 {
	if x <= 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if x <= m*p*(1+1e-9) {
			return m * p
		}
	}
	return 10 * p
}

// Pos maps v onto a pixel range from a (at Min) to b (at Max).
func (s Scale) Pos(v, a, b float64) float64 {
	if s.Max-s.Min < 1e-12 {
		return (a + b) / 2
	}
	return a + (v-s.Min)/(s.Max-s.Min)*(b-a)
}

// textWidth estimates the width of s at size: Noto Sans averages a little
// over half an em per character (H); layout only needs to keep labels
// apart, not to measure exactly.
func textWidth(s string, size float64) float64 {
	return float64(utf8.RuneCountInString(s)) * size * 0.56
}

// LayoutChart lays out trend t in a w × h box. It never fails: a trend
// with no points gives an empty plot with its title.
func LayoutChart(t assessment.Trend, w, h float64, st ChartStyle) *Chart {
	if st.FontSize <= 0 {
		st.FontSize = h / 18
	}
	if st.Pad <= 0 {
		st.Pad = st.FontSize * 0.6
	}
	if st.PointRadius <= 0 {
		st.PointRadius = st.FontSize * 0.3
	}
	if st.Stroke <= 0 {
		st.Stroke = st.FontSize * 0.12
	}
	c := &Chart{Key: t.Key, Title: t.Title, Unit: t.Unit, Width: w, Height: h}
	fs := st.FontSize
	titleSize := fs * 1.15

	// Data ranges.
	lo, hi := math.Inf(1), math.Inf(-1)
	var first, last int64
	has := false
	for _, s := range t.Series {
		for _, p := range s.Points {
			lo, hi = math.Min(lo, p.Value), math.Max(hi, p.Value)
			d := dayNum(p.Date)
			if !has || d < first {
				first = d
			}
			if !has || d > last {
				last = d
			}
			has = true
		}
	}
	if t.Max > t.Min {
		lo, hi = math.Min(lo, t.Min), math.Max(hi, t.Max)
	} else if !has {
		lo, hi = 0, 1
	} else if lo > 0 && lo < hi*0.5 {
		lo = 0 // a fitted scale of positive values starts at zero when that costs little
	}

	// Legend rows under the plot.
	legend := legendLayout(t.Series, w, fs, st.Pad)
	legendH := float64(len(legend)) * fs * 1.5

	top := titleSize*1.4 + st.Pad*0.5
	bottom := h - legendH - fs*1.8 - st.Pad*0.5
	plotH := bottom - top
	nY := int(math.Floor(plotH / (fs * 2.2)))
	nY = max(2, min(nY, maxTicks))
	c.Y = NiceScale(lo, hi, nY)
	if t.Max > t.Min && t.Max == math.Trunc(t.Max) && t.Min == math.Trunc(t.Min) && c.Y.Step != math.Trunc(c.Y.Step) {
		// A scale of whole numbers (pain 0–10, grades 0–5) reads best in
		// whole steps, even if that takes a tick or two more.
		if s := NiceScale(lo, hi, maxTicks); s.Step == math.Trunc(s.Step) {
			c.Y = s
		}
	}
	if n := int(t.Max-t.Min) + 1; t.Max > t.Min && t.Min == math.Trunc(t.Min) && t.Max == math.Trunc(t.Max) &&
		lo == t.Min && hi == t.Max && c.Y.Max > t.Max && n <= maxTicks {
		// A short scale of whole numbers (grades 0–5, a score 0–3) shows
		// each one and ends at its top, not at a grade that does not exist.
		c.Y = Scale{Min: t.Min, Max: t.Max, Step: 1}
		for v := t.Min; v <= t.Max; v++ {
			c.Y.Ticks = append(c.Y.Ticks, v)
		}
	}
	tickLabel := func(i int, v float64) string {
		if st.Ends[0] == "" {
			return fmtTick(v, c.Y.Step)
		}
		switch i {
		case 0:
			return st.Ends[0]
		case len(c.Y.Ticks) - 1:
			return st.Ends[1]
		}
		return ""
	}
	labelW := 0.0
	for i, v := range c.Y.Ticks {
		labelW = math.Max(labelW, textWidth(tickLabel(i, v), fs))
	}
	left := labelW + st.Pad
	right := w - st.Pad - st.PointRadius
	c.Plot = Rect{X: left, Y: top, W: math.Max(right-left, 1), H: math.Max(plotH, 1)}
	px0, px1 := c.Plot.X+st.PointRadius*2, c.Plot.X+c.Plot.W-st.PointRadius*2
	py0, py1 := c.Plot.Y+c.Plot.H, c.Plot.Y // y grows down

	// Title, with the unit.
	title := t.Title
	c.Marks = append(c.Marks, Mark{Kind: MarkText, X1: 0, Y1: titleSize * 0.7, Text: title, Size: titleSize, Ink: InkText, Bold: true})

	// Grid and y labels.
	for i, v := range c.Y.Ticks {
		y := c.Y.Pos(v, py0, py1)
		c.Marks = append(c.Marks, Mark{Kind: MarkLine, X1: c.Plot.X, Y1: y, X2: c.Plot.X + c.Plot.W, Y2: y, Stroke: st.Stroke * 0.4, Ink: InkGrid})
		if l := tickLabel(i, v); l != "" {
			c.Marks = append(c.Marks, Mark{Kind: MarkText, X1: c.Plot.X - st.Pad*0.5, Y1: y, Text: l, Size: fs, Ink: InkMuted, Align: AlignRight})
		}
	}
	c.Marks = append(c.Marks, Mark{Kind: MarkLine, X1: c.Plot.X, Y1: py0, X2: c.Plot.X + c.Plot.W, Y2: py0, Stroke: st.Stroke * 0.6, Ink: InkAxis})

	// Time axis.
	span := last - first
	xOf := func(d int64) float64 {
		if span == 0 {
			return (px0 + px1) / 2
		}
		return px0 + float64(d-first)/float64(span)*(px1-px0)
	}
	if has {
		c.XTicks = timeTicks(first, last, xOf, px1-px0, fs)
		for _, tk := range c.XTicks {
			// A label at either end stays inside the box.
			x, al := tk.X, AlignCenter
			if half := textWidth(tk.Label, fs) / 2; x+half > w {
				x, al = w, AlignRight
			} else if x-half < 0 {
				x, al = 0, AlignLeft
			}
			c.Marks = append(c.Marks,
				Mark{Kind: MarkLine, X1: tk.X, Y1: py0, X2: tk.X, Y2: py0 + fs*0.3, Stroke: st.Stroke * 0.6, Ink: InkAxis},
				Mark{Kind: MarkText, X1: x, Y1: py0 + fs*1.1, Text: tk.Label, Size: fs, Ink: InkMuted, Align: al})
		}
	} else {
		c.Marks = append(c.Marks, Mark{Kind: MarkText, X1: c.Plot.X + c.Plot.W/2, Y1: c.Plot.Y + c.Plot.H/2,
			Text: "Nothing recorded yet", Size: fs, Ink: InkMuted, Align: AlignCenter})
	}

	// Series: lines first, then points on top, then the latest value.
	// A point that falls exactly on an earlier series' point is nudged
	// up by a marker's width for each series already there, so a line is
	// never hidden under another (two sides with the same grade).
	taken := map[[2]float64]int{}
	for i, s := range t.Series {
		cs := ChartSeries{Label: s.Label}
		for _, p := range s.Points {
			x, y := xOf(dayNum(p.Date)), c.Y.Pos(p.Value, py0, py1)
			key := [2]float64{math.Round(x*100) / 100, math.Round(y*100) / 100}
			if off := float64(taken[key]) * st.PointRadius * 1.6; y-off >= c.Plot.Y {
				y -= off
			} else {
				y += off // at the top of the plot: nudge down instead
			}
			taken[key]++
			cs.Points = append(cs.Points, ChartPoint{X: x, Y: y, Date: p.Date, Value: p.Value, Text: p.Text})
		}
		c.Series = append(c.Series, cs)
		for k := 1; k < len(cs.Points); k++ {
			a, b := cs.Points[k-1], cs.Points[k]
			c.Marks = append(c.Marks, Mark{Kind: MarkLine, X1: a.X, Y1: a.Y, X2: b.X, Y2: b.Y, Stroke: st.Stroke, Ink: InkSeries, Series: i, Dash: SeriesDash(i, st.Stroke)})
		}
	}
	for i, cs := range c.Series {
		for _, p := range cs.Points {
			c.Marks = append(c.Marks, Mark{Kind: MarkCircle, X1: p.X, Y1: p.Y, R: st.PointRadius, Stroke: st.Stroke, Ink: InkSeries, Series: i, Filled: i%2 == 0})
		}
	}
	if len(c.Series) == 1 && len(c.Series[0].Points) > 0 && st.Ends[0] == "" {
		// One series: say its latest value beside the last point.
		p := c.Series[0].Points[len(c.Series[0].Points)-1]
		y := p.Y - st.PointRadius - fs*0.7
		if y < c.Plot.Y+fs*0.5 {
			y = p.Y + st.PointRadius + fs*0.7
		}
		x, al := p.X, AlignCenter
		if x+textWidth(p.Text, fs)/2 > w {
			x, al = w, AlignRight
		}
		c.Marks = append(c.Marks, Mark{Kind: MarkText, X1: x, Y1: y, Text: p.Text, Size: fs, Ink: InkText, Align: al, Bold: true})
	}

	// Legend.
	ly := h - legendH + fs*0.75
	for _, row := range legend {
		for _, it := range row {
			sw := fs * 2.6 // long enough to show the dash pattern
			c.Marks = append(c.Marks,
				Mark{Kind: MarkLine, X1: it.x, Y1: ly, X2: it.x + sw, Y2: ly, Stroke: st.Stroke, Ink: InkSeries, Series: it.series, Dash: SeriesDash(it.series, st.Stroke)},
				Mark{Kind: MarkCircle, X1: it.x + sw/2, Y1: ly, R: st.PointRadius, Stroke: st.Stroke, Ink: InkSeries, Series: it.series, Filled: it.series%2 == 0},
				Mark{Kind: MarkText, X1: it.x + sw + fs*0.4, Y1: ly, Text: it.label, Size: fs, Ink: InkMuted})
		}
		ly += fs * 1.5
	}
	return c
}

type legendItem struct {
	x      float64
	series int
	label  string
}

// legendLayout flows the series labels into rows that fit width w. A
// single series needs no legend: the title names it.
func legendLayout(series []assessment.Series, w, fs, pad float64) [][]legendItem {
	if len(series) < 2 {
		return nil
	}
	var rows [][]legendItem
	var row []legendItem
	x := 0.0
	for i, s := range series {
		label := s.Label
		itemW := fs*3 + textWidth(label, fs) + pad
		if x > 0 && x+itemW > w {
			rows = append(rows, row)
			row, x = nil, 0
		}
		row = append(row, legendItem{x: x, series: i, label: label})
		x += itemW + pad
	}
	return append(rows, row)
}

// fmtTick writes a tick value with no more decimals than its step needs.
func fmtTick(v, step float64) string {
	dec := 0
	for s := step; dec < 3 && math.Abs(s-math.Round(s)) > 1e-9; s *= 10 {
		dec++
	}
	out := strconv.FormatFloat(v, 'f', dec, 64)
	if strings.HasPrefix(out, "-") {
		out = "−" + out[1:]
	}
	return out
}

func dayNum(d assessment.Date) int64 { return d.Time().Unix() / 86400 }

func dateOfDay(n int64) assessment.Date { return assessment.DateOf(time.Unix(n*86400, 0).UTC()) }

// timeTicks labels the time axis: each assessment day when there are few
// and they are far enough apart, otherwise the first of every month (or
// every 2, 3, 6 or 12 months) in range; a span under three months gets
// weekly ticks. At most maxTicks labels, never overlapping.
func timeTicks(first, last int64, xOf func(int64) float64, width, fs float64) []ChartTick {
	fits := func(n int, label string) bool {
		return n <= 1 || float64(n)*(textWidth(label, fs)+fs) <= width
	}
	if first == last {
		d := dateOfDay(first)
		return []ChartTick{{X: xOf(first), Date: d, Label: shortDay(d)}}
	}
	span := last - first
	var out []ChartTick
	if span <= 92 {
		for _, step := range []int64{7, 14, 28, 42} {
			n := int(span/step) + 1
			if n <= maxTicks && fits(n, "30 Sep") {
				for d := first; d <= last; d += step {
					out = append(out, ChartTick{X: xOf(d), Date: dateOfDay(d), Label: shortDay(dateOfDay(d))})
				}
				return out
			}
		}
	}
	f, l := dateOfDay(first).Time(), dateOfDay(last).Time()
	months := (l.Year()-f.Year())*12 + int(l.Month()-f.Month())
	for _, step := range []int{1, 2, 3, 6, 12, 24, 60} {
		var ticks []ChartTick
		m := time.Date(f.Year(), f.Month(), 1, 0, 0, 0, 0, time.UTC)
		if m.Before(f) {
			m = m.AddDate(0, 1, 0)
		}
		// Align multi-month steps to the calendar (Jan, Apr, Jul, Oct).
		for step > 1 && (int(m.Month())-1)%step != 0 {
			m = m.AddDate(0, 1, 0)
		}
		for ; !m.After(l); m = m.AddDate(0, step, 0) {
			d := assessment.DateOf(m)
			ticks = append(ticks, ChartTick{X: xOf(dayNum(d)), Date: d, Label: monthLabel(m, step, len(ticks) == 0)})
		}
		if len(ticks) <= maxTicks && fits(len(ticks), "Sep 2026") && (len(ticks) >= 2 || step >= months) {
			if len(ticks) == 0 {
				break
			}
			return ticks
		}
	}
	// Fall back on the two ends.
	a, b := dateOfDay(first), dateOfDay(last)
	return []ChartTick{{X: xOf(first), Date: a, Label: shortDay(a)}, {X: xOf(last), Date: b, Label: shortDay(b)}}
}

var monthNames = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

func shortDay(d assessment.Date) string {
	t := d.Time()
	return strconv.Itoa(t.Day()) + " " + monthNames[t.Month()-1]
}

// monthLabel names a month tick; the first tick, every January and
// yearly ticks carry the year.
func monthLabel(m time.Time, step int, first bool) string {
	if first || step >= 12 || m.Month() == time.January {
		return monthNames[m.Month()-1] + " " + strconv.Itoa(m.Year())
	}
	return monthNames[m.Month()-1]
}
