package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/report"
)

// chartWidget is the Fyne painter of a progress chart. The chart is laid
// out by report.LayoutChart, the same model the PDF painter draws, for the
// widget's current size; this widget only turns its marks into canvas
// lines, circles and text.
type chartWidget struct {
	widget.BaseWidget
	trend assessment.Trend
	min   fyne.Size
	// laid is the layout last drawn, for tests.
	laid *report.Chart
}

// chartMinSize keeps a chart readable: room for six ticks and a legend.
var chartMinSize = fyne.NewSize(340, 210)

func newChart(t assessment.Trend) *chartWidget {
	c := &chartWidget{trend: t, min: chartMinSize}
	c.ExtendBaseWidget(c)
	return c
}

func (c *chartWidget) CreateRenderer() fyne.WidgetRenderer { return &chartRenderer{c: c} }

type chartRenderer struct {
	c       *chartWidget
	size    fyne.Size
	objects []fyne.CanvasObject
}

func (r *chartRenderer) Layout(s fyne.Size) {
	r.size = s
	r.build()
}

func (r *chartRenderer) MinSize() fyne.Size { return r.c.min }

func (r *chartRenderer) Refresh() {
	r.build()
	canvas.Refresh(r.c)
}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *chartRenderer) Destroy() {}

// chartStyle sizes the chart in pixels from the theme's caption text.
func chartStyle() report.ChartStyle {
	fs := float64(theme.CaptionTextSize()) + 1
	return report.ChartStyle{FontSize: fs, Stroke: 2, PointRadius: 4, Pad: fs * 0.6}
}

func (r *chartRenderer) build() {
	if r.size.Width <= 0 || r.size.Height <= 0 {
		r.objects = nil
		return
	}
	ch := report.LayoutChart(r.c.trend, float64(r.size.Width), float64(r.size.Height), chartStyle())
	r.c.laid = ch
	bg := theme.Color(theme.ColorNameBackground)
	dark := luminance(bg) < 0.5
	objs := make([]fyne.CanvasObject, 0, len(ch.Marks))
	for _, m := range ch.Marks {
		col := markColor(m, dark)
		switch m.Kind {
		case report.MarkLine:
			l := canvas.NewLine(col)
			l.StrokeWidth = float32(m.Stroke)
			l.Position1 = fyne.NewPos(float32(m.X1), float32(m.Y1))
			l.Position2 = fyne.NewPos(float32(m.X2), float32(m.Y2))
			objs = append(objs, l)
		case report.MarkCircle:
			fill := bg
			if m.Filled {
				fill = col
			}
			c := canvas.NewCircle(fill)
			c.StrokeColor, c.StrokeWidth = col, float32(m.Stroke)
			c.Position1 = fyne.NewPos(float32(m.X1-m.R), float32(m.Y1-m.R))
			c.Position2 = fyne.NewPos(float32(m.X1+m.R), float32(m.Y1+m.R))
			objs = append(objs, c)
		case report.MarkText:
			t := canvas.NewText(m.Text, col)
			t.TextSize = float32(m.Size)
			t.TextStyle.Bold = m.Bold
			sz := fyne.MeasureText(m.Text, t.TextSize, t.TextStyle)
			x := float32(m.X1)
			switch m.Align {
			case report.AlignCenter:
				x -= sz.Width / 2
			case report.AlignRight:
				x -= sz.Width
			}
			t.Move(fyne.NewPos(x, float32(m.Y1)-sz.Height/2))
			t.Resize(sz)
			objs = append(objs, t)
		}
	}
	r.objects = objs
}

// markColor maps a mark's ink to the theme, and series to the shared
// palette (lightened on a dark background so the lines stay visible).
func markColor(m report.Mark, dark bool) color.Color {
	switch m.Ink {
	case report.InkMuted:
		return theme.Color(theme.ColorNamePlaceHolder)
	case report.InkGrid:
		return theme.Color(theme.ColorNameSeparator)
	case report.InkAxis:
		return theme.Color(theme.ColorNameDisabled)
	case report.InkSeries:
		c := report.SeriesColor(m.Series)
		if dark {
			return lighten(c, 0.35)
		}
		return c
	}
	return theme.Color(theme.ColorNameForeground)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	return (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xffff
}

func lighten(c color.RGBA, k float64) color.RGBA {
	f := func(x uint8) uint8 { return uint8(float64(x) + (255-float64(x))*k + 0.5) }
	return color.RGBA{R: f(c.R), G: f(c.G), B: f(c.B), A: c.A}
}

// chartWords are a chart's title in words and a line under it that says
// how to read its scale, by trend key. A chart not listed keeps its own
// title.
var chartWords = map[string]struct{ title, scale string }{
	assessment.TrendPain: {"Her pain (0–10)",
		"0 is no pain, 10 the worst pain she can imagine. A change of 2 points or more is meaningful."},
	assessment.TrendDiastasisFingers: {"Gap between her tummy muscles (finger widths)",
		"Measured with her fingers at each level; lower is narrower."},
	assessment.TrendDiastasisMM: {"Gap between her tummy muscles (millimetres)",
		"Measured at each level; lower is narrower."},
	assessment.TrendGlutes: {"Glute strength, graded 0 to 5",
		"0 no contraction · 1 a flicker · 2 moves with gravity taken away · 3 moves against gravity · 4 holds against some push · 5 holds against a strong push. A + or − is a little more or less."},
	assessment.TrendHinge: {"Hip hinge, scored 0 to 3",
		"0 painful · 1 cannot do it, or three faults or more · 2 done with one or two faults · 3 clean."},
	assessment.TrendActivities: {"Her activities: how well she can do them (0–10)",
		"Her own rating of each activity that matters to her: 10 is as well as before the birth."},
	assessment.TrendSessionPain: {"Pain during her sessions (0–10)",
		"The highest pain she gave in each session. 0–3 carry on, 4–5 hold, 6 or more regress."},
	assessment.TrendSessionAdherence: {"How much of each session she did",
		"100% is every exercise of the planned session; a missed session is 0%."},
}

// chartCard is a chart with its title in words and, under it, how to read
// its scale.
func chartCard(t assessment.Trend) fyne.CanvasObject {
	w, ok := chartWords[t.Key]
	if !ok {
		t.Title = lang.L(t.Title)
		return newChart(t)
	}
	t.Title = lang.L(w.title)
	scale := widget.NewLabel(lang.L(w.scale))
	scale.Wrapping = fyne.TextWrapWord
	scale.Importance = widget.LowImportance
	scale.SizeName = theme.SizeNameCaptionText
	return container.NewVBox(newChart(t), scale)
}
