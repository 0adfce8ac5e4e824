package report

// Boxes of text: the stop-rule box, the key to the doses, the later
// phases; a box moves whole to the next page when it fits one.

import (
	"image/color"
	"slices"
)

// boxStyle is how a box looks: a strong box (referrals) has a thick dark
// border and a tint; a card has a thin border and an accent bar.
type boxStyle struct {
	border    color.RGBA
	lineWidth float64
	fill      *color.RGBA
	bar       bool
	// figure is the exercise whose pictures sit at the box's top right;
	// the text beside and below them narrows to make room.
	figure string
}

// Figure box on an exercise card, in mm: start and end side by side.
const (
	figW = 44.0
	figH = 20.0
)

// figureHook draws the start and end pictures of an exercise in the box
// (x, y, w, h) and reports whether there are any; with draw false it only
// reports. exerciseFigure (pdfpages.go) draws the figures of report/figure;
// a test may swap it; nil draws no picture and the layout leaves no gap.
var figureHook = exerciseFigure

// hasFigure reports whether the exercise has pictures to draw.
func (r *renderer) hasFigure(id string) bool {
	return id != "" && figureHook != nil && figureHook(r, id, 0, 0, figW, figH, false)
}

// boxLine is one paragraph inside a box.
type boxLine struct {
	text   string
	bold   bool
	size   float64
	prefix string  // "•" or "1." hanging before the text
	gap    float64 // space above
	muted  bool
}

// drawLine is one wrapped line ready to place.
type drawLine struct {
	text, prefix string
	bold, muted  bool
	size, h, gap float64
	indent       float64
}

// box draws lines inside a bordered box. The box moves whole to a new page
// when it fits a page; a box taller than a page (which the text limits in
// Build make unlikely) continues on the next page as a second box.
func (r *renderer) box(st boxStyle, lines []boxLine) {
	inner := r.width - 2*boxPad
	if st.bar {
		inner -= cardBar
	}
	fig := r.hasFigure(st.figure)
	if fig {
		inner -= figW + 3
	}
	dl, h := r.layoutLines(lines, inner)
	total := 2*boxPad + h
	if fig {
		total = max(total, figH+2*boxPad)
	}
	if total <= r.pageRoom() {
		r.need(total)
	}
	for len(dl) > 0 {
		// how many lines fit below the cursor
		room := r.bottom - r.y - 2*boxPad
		n, h := 0, 0.0
		for n < len(dl) {
			g := dl[n].gap
			if n == 0 {
				g = 0
			}
			if h+g+dl[n].h > room {
				break
			}
			h += g + dl[n].h
			n++
		}
		if n == 0 {
			if r.y <= r.bottom-r.pageRoom()+0.01 {
				// a fresh page and still no room: cannot happen at these
				// type sizes, but never loop; draw the line and move on
				n, h = 1, dl[0].h
			} else {
				r.newPage()
				continue
			}
		}
		x0 := r.left
		bh := h + 2*boxPad
		if fig {
			bh = max(bh, figH+2*boxPad)
		}
		style := "D"
		if st.fill != nil {
			r.fill(*st.fill)
			style = "FD"
		}
		r.draw(st.border)
		r.pdf.SetLineWidth(st.lineWidth)
		r.pdf.Rect(x0, r.y, r.width, bh, style)
		tx := x0 + boxPad
		if st.bar {
			r.fill(r.accent)
			r.pdf.Rect(x0, r.y, cardBar, bh, "F")
			tx += cardBar
		}
		// A page's first line sits at the top of its box, without its gap.
		chunk := slices.Clone(dl[:n])
		chunk[0].gap = 0
		r.placeLines(chunk, tx, r.y+boxPad, inner)
		if fig {
			figureHook(r, st.figure, r.right-boxPad-figW, r.y+boxPad, figW, figH, true)
			fig = false // the pictures go with the start of the box
		}
		r.y += bh + 3
		dl = dl[n:]
		if len(dl) > 0 {
			r.newPage()
		}
	}
}
