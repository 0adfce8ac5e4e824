package report

// Tables that run over pages (the tracking sheet, the progress table) and
// the pen boxes she fills in.

import "image/color"

// span is a run of text in a table cell.
type span struct {
	text  string
	bold  bool
	size  float64
	muted bool
}

// tcell is one table cell: spans stacked top to bottom, or a box to fill
// in with a pen (the tracking sheet).
type tcell struct {
	spans  []span
	box    string // "", boxTick or boxPain
	shaded bool
	// span is how many columns the cell covers (0 or 1: its own).
	span int
}

// cellWidths is the width of each cell of a row, a spanning cell taking
// the columns it covers.
func cellWidths(cells []tcell, widths []float64) []float64 {
	out := make([]float64, len(cells))
	col := 0
	for i, c := range cells {
		n := max(1, c.span)
		for k := 0; k < n && col < len(widths); k++ {
			out[i] += widths[col]
			col++
		}
	}
	return out
}

// Boxes to fill in by hand: big enough to hit with a pen, and never closer
// than a cell's width apart (H: 6 mm is a comfortable tick target).
const (
	boxTick = "tick"
	boxPain = "pain"
	boxSize = 5.0 // a pen box, at most; rows under 6.4 mm take smaller ones (penSize)
)

// table describes a table that may run over several pages.
type table struct {
	title  string // repeated as "… (continued)" on a new page
	widths []float64
	header []tcell
	rows   [][]tcell
	// minRow is a minimum row height (the tracking sheet needs room to
	// write).
	minRow float64
	// label marks rows that name what follows (the tracking sheet's
	// weeks): drawn like the header, never at a page's foot, and not
	// stretched to minRow.
	label []bool
}

// isLabel reports whether row i is a label row.
func (t table) isLabel(i int) bool { return i < len(t.label) && t.label[i] }

const cellPad = 1.6

// padY is the space above and below a table cell's text: cellPad, or the
// tighter rowPad the tracking sheet sets while it lays out its rows.
func (r *renderer) padY() float64 {
	if r.rowPad > 0 {
		return r.rowPad
	}
	return cellPad
}

// cellLines wraps a cell's spans to its width.
func (r *renderer) cellLines(c tcell, w float64) ([]drawLine, float64) {
	var out []drawLine
	h := 2 * r.padY()
	for _, s := range c.spans {
		size := s.size
		if size == 0 {
			size = sizeSmall
		}
		r.measure(s.bold, size)
		lines := r.clampLines(r.wrap(s.text, w-2*cellPad), maxCellLines, w-2*cellPad)
		for _, t := range lines {
			d := drawLine{text: t, bold: s.bold, muted: s.muted, size: size, h: lineHeight(size)}
			out = append(out, d)
			h += d.h
		}
	}
	if c.box != "" {
		h = max(h, minPenSize+1.3)
	}
	return out, h
}

func (r *renderer) rowHeight(cells []tcell, widths []float64, min float64) ([][]drawLine, float64) {
	all := make([][]drawLine, len(cells))
	h := min
	cw := cellWidths(cells, widths)
	for i, c := range cells {
		var ch float64
		all[i], ch = r.cellLines(c, cw[i])
		h = max(h, ch)
	}
	return all, h
}

// drawRow draws one row at the cursor.
func (r *renderer) drawRow(cells []tcell, lines [][]drawLine, widths []float64, h float64, header bool) {
	x := r.left
	cw := cellWidths(cells, widths)
	for i, c := range cells {
		w := cw[i]
		// Set per cell: a cell's boxes change the pen, and every border
		// must look the same.
		r.pdf.SetLineWidth(0.2)
		r.draw(colRule)
		style := "D"
		if header || c.shaded {
			r.fill(r.tint)
			if !header {
				r.fill(color.RGBA{R: 242, G: 242, B: 242, A: 255})
			}
			style = "FD"
		}
		r.pdf.Rect(x, r.y, w, h, style)
		// a row taller than its text (a pen box, a taller neighbour)
		// centres the text, in line with the boxes
		textH := 0.0
		for _, d := range lines[i] {
			textH += d.h
		}
		y := r.y + max(r.padY(), (h-textH)/2)
		for _, d := range lines[i] {
			r.font(d.bold, d.size)
			r.text(colInk)
			if d.muted {
				r.text(colMuted)
			}
			r.cell(x+cellPad, y, w-2*cellPad, d.h, d.text, "L")
			y += d.h
		}
		if c.box != "" {
			r.penBox(c.box, x, r.y, w, h)
		}
		x += w
	}
	r.y += h
}

// drawTable draws t, repeating its title and header on every page it
// reaches. lead is the height of anything the caller draws just before the
// table that must stay with its first row.
func (r *renderer) drawTable(t table) {
	hl, hh := r.rowHeight(t.header, t.widths, 0)
	type prepared struct {
		lines [][]drawLine
		h     float64
	}
	rows := make([]prepared, len(t.rows))
	for i, row := range t.rows {
		min := t.minRow
		if t.isLabel(i) {
			min = 0
		}
		rows[i].lines, rows[i].h = r.rowHeight(row, t.widths, min)
	}
	first := hh
	if len(rows) > 0 {
		first += rows[0].h
	}
	r.need(first)
	r.drawRow(t.header, hl, t.widths, hh, true)
	for i, row := range rows {
		need := row.h
		if t.isLabel(i) && i+1 < len(rows) {
			need += rows[i+1].h // a week's name stays with its first row
		}
		if r.y+need > r.bottom {
			r.newPage()
			if t.title != "" {
				r.para(t.title+" (continued)", sizeSmall, true, 0, colMuted)
				r.y += 1
			}
			r.drawRow(t.header, hl, t.widths, hh, true)
		}
		r.drawRow(t.rows[i], row.lines, t.widths, row.h, t.isLabel(i))
	}
	r.y += 3
}

// penBox draws a box to fill in, centred in the cell (x, y, w, h): a
// square to tick, or a wider box for a pain score followed by "/10".
// minPenSize is the smallest pen box: about the size of a printed form's
// tick box, still easy to hit with a pen.
const minPenSize = 4.0

// penSize is the pen box for a row h high: 5 mm, smaller in a tight row,
// never under minPenSize, with at least 0.65 mm above and below.
func penSize(h float64) float64 { return max(minPenSize, min(boxSize, h-1.3)) }

func (r *renderer) penBox(kind string, x, y, w, h float64) {
	r.draw(colInk)
	r.pdf.SetLineWidth(0.3)
	size := penSize(h)
	by := y + (h-size)/2
	if kind == boxTick {
		r.pdf.Rect(x+(w-size)/2, by, size, size, "D")
		return
	}
	r.font(false, sizeTiny)
	r.text(colMuted)
	of := "/10"
	ow := r.strWidth(of)
	bw := size * 1.6
	bx := x + (w-bw-ow-0.8)/2
	r.pdf.Rect(bx, by, bw, size, "D")
	lh := lineHeight(sizeTiny)
	r.cell(bx+bw+0.8, by+(size-lh)/2, ow, lh, of, "L")
}
