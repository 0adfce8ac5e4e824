package report

// Tables that run over pages (the tracking sheet, the progress table) and
// the pen boxes she fills in.

import (
	"image/color"
	"strconv"
)

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
	// divide is the column before which a heavier rule runs down the
	// table (the tracking sheet's second week); 0 for none.
	divide int
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

// drawRowDivided draws one row at the cursor: every border and pen box of
// the row as one block of path operators (gofpdf formats each rectangle
// and each change of pen through fmt, which cost a tenth of a handout),
// then the text; a heavier rule runs before column divide (0: none).
func (r *renderer) drawRowDivided(cells []tcell, lines [][]drawLine, widths []float64, h float64, header bool, divide int) {
	cw := cellWidths(cells, widths)
	k := r.pdf.GetConversionRatio()
	b := r.ops[:0]
	b = append(b, "q "...)
	b = appendNum(b, 0.2*k)
	b = append(b, " w "...)
	b = appendRGB(b, colRule, " RG\n")
	// Borders: every cell the same rule, shaded cells filled.
	x := r.left
	for i, c := range cells {
		if header || c.shaded {
			fill := r.tint
			if !header {
				fill = colShade
			}
			b = appendRGB(b, fill, " rg ")
			b = r.appendRect(b, k, x, r.y, cw[i], h)
			b = append(b, "B\n"...)
		} else {
			b = r.appendRect(b, k, x, r.y, cw[i], h)
			b = append(b, "S\n"...)
		}
		x += cw[i]
	}
	// Pen boxes: a square to tick, or a wider box for a pain score
	// followed by "/10", centred in the cell.
	size := penSize(h)
	by := r.y + (h-size)/2
	r.measure(false, sizeTiny)
	ow := r.strWidth(painOf)
	var labels []float64 // x of each "/10"
	pen := false
	x = r.left
	for i, c := range cells {
		if c.box != "" {
			if !pen {
				b = append(b, ' ')
				b = appendNum(b, 0.3*k)
				b = append(b, " w "...)
				b = appendRGB(b, colInk, " RG\n")
				pen = true
			}
			if c.box == boxTick {
				b = r.appendRect(b, k, x+(cw[i]-size)/2, by, size, size)
			} else {
				bw := size * 1.6
				bx := x + (cw[i]-bw-ow-0.8)/2
				b = r.appendRect(b, k, bx, by, bw, size)
				labels = append(labels, bx+bw+0.8)
			}
			b = append(b, "S\n"...)
		}
		x += cw[i]
	}
	if divide > 0 && divide < len(widths) {
		dx := r.left
		for _, w := range widths[:divide] {
			dx += w
		}
		b = append(b, ' ')
		b = appendNum(b, 0.7*k)
		b = append(b, " w "...)
		b = appendRGB(b, colInk, " RG ")
		b = appendNum(b, dx*k)
		b = append(b, ' ')
		b = appendNum(b, (r.pageH-r.y)*k)
		b = append(b, " m "...)
		b = appendNum(b, dx*k)
		b = append(b, ' ')
		b = appendNum(b, (r.pageH-r.y-h)*k)
		b = append(b, " l S\n"...)
	}
	b = append(b, "Q\n"...)
	r.ops = b
	r.rawOps(b)
	// a row taller than its text (a pen box, a taller neighbour)
	// centres the text, in line with the boxes
	x = r.left
	for i := range cells {
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
			r.cell(x+cellPad, y, cw[i]-2*cellPad, d.h, d.text, "L")
			y += d.h
		}
		x += cw[i]
	}
	if len(labels) > 0 {
		r.font(false, sizeTiny)
		r.text(colMuted)
		lh := lineHeight(sizeTiny)
		for _, lx := range labels {
			r.cell(lx, by+(size-lh)/2, ow, lh, painOf, "L")
		}
	}
	r.y += h
}

// painOf follows the pain box: a score out of ten.
const painOf = "/10"

// colShade fills a table cell with nothing to write in.
var colShade = color.RGBA{R: 242, G: 242, B: 242, A: 255}

// appendRect appends a rectangle path (x, y, w, h in mm from the top left)
// in points from the bottom left, k points to the mm.
func (r *renderer) appendRect(b []byte, k, x, y, w, h float64) []byte {
	b = appendNum(b, x*k)
	b = append(b, ' ')
	b = appendNum(b, (r.pageH-y)*k)
	b = append(b, ' ')
	b = appendNum(b, w*k)
	b = append(b, ' ')
	b = appendNum(b, -h*k)
	return append(b, " re "...)
}

// appendRGB appends a colour operator ("RG" for lines, "rg" for fills).
func appendRGB(b []byte, c color.RGBA, op string) []byte {
	for i, v := range []uint8{c.R, c.G, c.B} {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendNum3(b, float64(v)/255)
	}
	return append(b, op...)
}

func appendNum(b []byte, v float64) []byte  { return strconv.AppendFloat(b, v, 'f', 2, 64) }
func appendNum3(b []byte, v float64) []byte { return strconv.AppendFloat(b, v, 'f', 3, 64) }

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
	r.drawRowDivided(t.header, hl, t.widths, hh, true, t.divide)
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
			r.drawRowDivided(t.header, hl, t.widths, hh, true, t.divide)
		}
		r.drawRowDivided(t.rows[i], row.lines, t.widths, row.h, t.isLabel(i), t.divide)
	}
	r.y += 3
}

// minPenSize is the smallest pen box: about the size of a printed form's
// tick box, still easy to hit with a pen.
const minPenSize = 4.0

// penSize is the pen box for a row h high: 5 mm, smaller in a tight row,
// never under minPenSize, with at least 0.65 mm above and below.
func penSize(h float64) float64 { return max(minPenSize, min(boxSize, h-1.3)) }
