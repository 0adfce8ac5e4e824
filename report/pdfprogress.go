package report

// The progress pages: the table of first and latest measures and the
// charts over time.

import (
	"fmt"
	"image/color"
)

func (r *renderer) progress() {
	p := r.h.Progress
	r.newPage()
	r.bookmark(r.h.Words.ProgressHead, 0)
	r.heading(r.h.Words.ProgressHead, 0)
	r.para(fmt.Sprintf(r.h.Words.ProgressIntro, p.BaselineDate, p.NowDate), sizeBody, false, 0, colMuted)
	r.y += 2
	if len(p.Rows) > 0 {
		widths := []float64{r.width * 0.38, r.width * 0.17, r.width * 0.17, r.width * 0.28}
		header := []tcell{
			{spans: []span{{text: "What we measured", bold: true}}},
			{spans: []span{{text: "First", bold: true}, {text: p.BaselineDate, size: sizeTiny, muted: true}}},
			{spans: []span{{text: "Now", bold: true}, {text: p.NowDate, size: sizeTiny, muted: true}}},
			{spans: []span{{text: "Change", bold: true}}},
		}
		t := table{title: r.h.Words.ProgressHead, widths: widths, header: header}
		for _, row := range p.Rows {
			t.rows = append(t.rows, []tcell{
				{spans: []span{{text: row.Measure}}},
				{spans: []span{{text: row.Baseline}}},
				{spans: []span{{text: row.Now}}},
				{spans: []span{{text: row.Change, bold: row.Meaningful}}},
			})
		}
		r.drawTable(t)
	}
	for _, n := range p.Notes {
		r.para(n, sizeSmall, false, 0, colMuted)
		r.y += 1
	}
	if len(p.Charts) == 0 {
		return
	}
	r.y += 3
	r.need(lineHeight(sizeHeading) + 4 + p.Charts[0].Height)
	r.heading(r.h.Words.OverTime, 0)
	for i := 0; i < len(p.Charts); i += 2 {
		h := p.Charts[i].Height
		if i+1 < len(p.Charts) {
			h = max(h, p.Charts[i+1].Height)
		}
		r.need(h)
		r.chart(p.Charts[i], r.left, r.y)
		if i+1 < len(p.Charts) {
			r.chart(p.Charts[i+1], r.right-p.Charts[i+1].Width, r.y)
		}
		r.y += h + 5
	}
}

// Chart inks on paper: light grid and muted labels, so the series stand
// out on a black-and-white printer too.
var (
	colChartGrid = color.RGBA{R: 222, G: 222, B: 222, A: 255}
	colChartAxis = color.RGBA{R: 140, G: 140, B: 140, A: 255}
)

func (r *renderer) ink(m Mark) color.RGBA {
	switch m.Ink {
	case InkMuted:
		return colMuted
	case InkGrid:
		return colChartGrid
	case InkAxis:
		return colChartAxis
	case InkSeries:
		return SeriesColor(m.Series)
	}
	return colInk
}

// chart is the PDF painter of a chart laid out by LayoutChart (chart.go):
// it draws the marks in order, at (x, y), in millimetres. The Fyne painter
// (ui/chart.go) draws the same marks on screen.
func (r *renderer) chart(c *Chart, x, y float64) {
	for _, m := range c.Marks {
		col := r.ink(m)
		switch m.Kind {
		case MarkLine:
			r.draw(col)
			r.pdf.SetLineWidth(m.Stroke)
			r.pdf.SetLineCapStyle("round")
			r.pdf.SetDashPattern(m.Dash, 0)
			r.pdf.Line(x+m.X1, y+m.Y1, x+m.X2, y+m.Y2)
			r.pdf.SetDashPattern(nil, 0)
		case MarkCircle:
			r.draw(col)
			r.pdf.SetLineWidth(m.Stroke)
			if m.Filled {
				r.fill(col)
			} else {
				r.fill(colWhite)
			}
			r.pdf.Circle(x+m.X1, y+m.Y1, m.R, "FD")
		case MarkText:
			size := m.Size / ptToMM
			r.font(m.Bold, size)
			r.text(col)
			tx := x + m.X1
			switch w := r.strWidth(m.Text); m.Align {
			case AlignCenter:
				tx -= w / 2
			case AlignRight:
				tx -= w
			}
			// Y1 is the middle of the text; the baseline sits about a third
			// of the size below it for Noto Sans.
			r.pdf.Text(tx, y+m.Y1+m.Size*0.36, m.Text)
		}
	}
	r.pdf.SetLineCapStyle("butt")
}
