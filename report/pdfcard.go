package report

import (
	"fmt"
	"strings"
)

// Exercise cards: the name, dose and pictures across the top, then how to
// do it beside how it should feel, when to stop and the easier and harder
// options; a card is never split between pages.

// cardParts words one exercise card: the top (name, dose, change) across
// the card, then two columns: how to do it and why on the left; how it
// should feel, when to stop, easier and harder and what she needs on the
// right, under the pictures when there are any.
func (r *renderer) cardParts(b ExerciseBlock) (top, left, right []boxLine) {
	w := r.h.Words
	if !b.Full {
		// An exercise described on an earlier page: its name with where
		// to find how to do it, then today's dose, in a slim card.
		name := stepName(b.Step, b.Name)
		if b.SeeAlso != "" {
			name += " · " + lowerFirst(strings.TrimSuffix(b.SeeAlso, "."))
		}
		top = []boxLine{
			{text: name, bold: true, size: sizeCard},
			{text: b.Dose, size: sizeCard, gap: 0.5},
		}
		if b.Change != "" {
			top = append(top, boxLine{text: w.Changed + ": " + b.Change, size: sizeCard, gap: 1})
		}
		return top, nil, nil
	}
	top = []boxLine{
		{text: stepName(b.Step, b.Name), bold: true, size: sizeCardName},
		{text: b.Dose, bold: true, size: sizeCard, gap: 0.8},
	}
	if b.Change != "" {
		top = append(top, boxLine{text: w.Changed + ": " + b.Change, size: sizeCard, gap: 1})
	}
	left = append(left, boxLine{text: w.Cues, bold: true, size: sizeCard})
	for i, c := range b.Cues {
		left = append(left, boxLine{text: c, prefix: fmt.Sprintf("%d.", i+1), size: sizeCard, gap: 0.5})
	}

	pair := func(label, text string) {
		if text != "" {
			right = append(right, boxLine{text: label + ": " + text, size: sizeCard, gap: 0.6})
		}
	}
	pair(w.Feel, b.Feel)
	pair(w.StopIf, b.StopIf)
	pair(w.Easier, b.Easier)
	pair(w.Harder, b.Harder)
	pair(w.Equipment, b.Equipment)
	pair(w.Why, b.Why)
	if len(right) > 0 {
		right[0].gap = 0
	}
	return top, left, right
}

// linesHeight is the height layoutLines gives lines at width w.
// It only counts lines: a card tries many splits before it keeps one.
func (r *renderer) linesHeight(lines []boxLine, w float64) float64 {
	h := 0.0
	for _, l := range lines {
		size := l.size
		if size == 0 {
			size = sizeBody
		}
		ind := 0.0
		if l.prefix != "" {
			ind = 5
		}
		r.measure(l.bold, size)
		if n := len(r.wrap(l.text, w-ind)); n > 0 {
			h += float64(n)*lineHeight(size) + l.gap
		}
	}
	return h
}

// layoutLines wraps box lines to width w.
func (r *renderer) layoutLines(lines []boxLine, w float64) ([]drawLine, float64) {
	var dl []drawLine
	h := 0.0
	for _, l := range lines {
		size := l.size
		if size == 0 {
			size = sizeBody
		}
		ind := 0.0
		if l.prefix != "" {
			ind = 5
		}
		r.measure(l.bold, size)
		for i, t := range r.wrap(l.text, w-ind) {
			d := drawLine{text: t, bold: l.bold, muted: l.muted, size: size, h: lineHeight(size), indent: ind}
			if i == 0 {
				d.prefix, d.gap = l.prefix, l.gap
			}
			dl = append(dl, d)
			h += d.h + d.gap
		}
	}
	return dl, h
}

// placeLines draws laid-out lines from (x, y) and returns the y below them.
func (r *renderer) placeLines(dl []drawLine, x, y, w float64) float64 {
	for _, d := range dl {
		y += d.gap
		r.font(d.bold, d.size)
		r.text(colInk)
		if d.muted {
			r.text(colMuted)
		}
		if d.prefix != "" {
			r.cell(x, y, d.indent, d.h, d.prefix, "L")
		}
		r.cell(x+d.indent, y, w-d.indent, d.h, d.text, "L")
		y += d.h
	}
	return y
}

// cardLayout is an exercise card ready to draw.
type cardLayout struct {
	top, left, right []drawLine
	topH, bodyH, h   float64
	leftW, rightW    float64
	// rightDown is how far below the left column the right one starts:
	// the pictures reach further down than the name and dose, and the
	// steps start under the name while the notes start under the pictures.
	rightDown float64
	fig       bool // the pictures sit at the card's top right
	figOver   bool // …or at the top of the notes column
}

const (
	cardGap  = 4.0  // between the columns
	cardFigW = 54.0 // the pictures at a card's top right, beside the name and dose
	cardFigH = 17.0
	// A card's white space: inside its border, between the top and the
	// columns, and between two cards. Tight, as every millimetre of it
	// repeats a dozen times in a handout.
	cardPad      = 1.9
	cardInnerGap = 1.2
	cardSpace    = 1.6
)

// layoutCard lays a card out: the name and dose across the top, the
// pictures beside them at the right, then two columns: how to do it on the
// left, how it should feel, when to stop, easier, harder and what she
// needs on the right. The last notes move under the steps while that makes
// the card shorter.
func (r *renderer) layoutCard(b ExerciseBlock) cardLayout {
	inner := r.width - 2*boxPad - cardBar
	top, left, right := r.cardParts(b)
	if len(left) == 0 || !r.hasFigure(b.ExerciseID) {
		var c cardLayout
		c.top, c.topH = r.layoutLines(top, inner)
		r.layoutBody(&c, left, right, inner)
		return c
	}
	// With pictures, two shapes; the shorter is kept. Beside: the pictures
	// at the top right, the name and dose beside them; the steps start
	// under the name and dose, the notes under the pictures. Over the
	// notes: the name and dose across the whole card, the pictures at the
	// top of the notes column (a long dose then takes fewer lines).
	beside := cardLayout{fig: true}
	beside.top, beside.topH = r.layoutLines(top, inner-cardFigW-cardGap)
	beside.rightDown = max(0, cardFigH-beside.topH)
	r.layoutBody(&beside, left, right, inner)
	over := cardLayout{fig: true, figOver: true}
	over.top, over.topH = r.layoutLines(top, inner)
	over.rightDown = cardFigH + cardInnerGap
	r.layoutBody(&over, left, right, inner)
	if over.h < beside.h-0.01 {
		return over
	}
	return beside
}

// layoutBody splits a card's columns: the split (half, 55% or 60% for the
// steps) that makes the card shortest, the last notes moving under the
// steps while that makes it shorter still.
func (r *renderer) layoutBody(c *cardLayout, left, right []boxLine, inner float64) {
	if len(left) > 0 {
		best := -1.0
		var bestL, bestR []boxLine
		for _, frac := range []float64{0.4, 0.45, 0.5, 0.55, 0.6} {
			lw := inner * frac
			rw := inner - lw - cardGap
			if c.figOver && rw < cardFigW {
				continue
			}
			l, rt := left, right
			lh, rh := r.linesHeight(l, lw), r.linesHeight(rt, rw)+c.rightDown
			for len(rt) > 1 {
				moved := append(append([]boxLine(nil), l...), rt[len(rt)-1])
				moved[len(moved)-1].gap = 1.5
				l2, r2 := r.linesHeight(moved, lw), r.linesHeight(rt[:len(rt)-1], rw)+c.rightDown
				if max(l2, r2) >= max(lh, rh) {
					break
				}
				l, rt, lh, rh = moved, rt[:len(rt)-1], l2, r2
			}
			if h := max(lh, rh); best < 0 || h < best-0.01 {
				best = h
				c.leftW, c.rightW = lw, rw
				bestL, bestR = l, rt
			}
		}
		c.left, _ = r.layoutLines(bestL, c.leftW)
		c.right, _ = r.layoutLines(bestR, c.rightW)
		c.bodyH = best + cardInnerGap
	}
	c.h = c.topH + c.bodyH + 2*cardPad
}

// card draws a laid-out exercise card whole, on a new page when it does
// not fit.
func (r *renderer) card(b ExerciseBlock, c cardLayout) {
	if r.pdf.PageNo() == 0 || r.y+c.h > r.bottom {
		r.newPage()
		if r.inSession != "" {
			// in the top margin (from 7.4 mm, clear of the quarter inch
			// many home printers cannot reach): the label costs the page
			// no room
			r.font(true, sizeTiny)
			r.text(colMuted)
			r.cell(r.left, marginTop-lineHeight(sizeTiny)-0.3, r.width, lineHeight(sizeTiny), r.fit(r.inSession+" (continued)", r.width), "L")
		}
	}
	r.draw(colRule)
	r.pdf.SetLineWidth(0.3)
	r.pdf.Rect(r.left, r.y, r.width, c.h, "D")
	r.fill(r.accent)
	r.pdf.Rect(r.left, r.y, cardBar, c.h, "F")
	x := r.left + cardBar + boxPad
	inner := r.width - 2*boxPad - cardBar
	r.placeLines(c.top, x, r.y+cardPad, inner)
	y := r.y + cardPad + c.topH + cardInnerGap
	switch {
	case c.figOver:
		figureHook(r, b.ExerciseID, x+c.leftW+cardGap, y, cardFigW, cardFigH, true)
	case c.fig:
		figureHook(r, b.ExerciseID, x+inner-cardFigW, r.y+cardPad, cardFigW, cardFigH, true)
	}
	r.placeLines(c.left, x, y, c.leftW)
	r.placeLines(c.right, x+c.leftW+cardGap, y+c.rightDown, c.rightW)
	r.y += c.h + cardSpace
}

// boxHeight measures a box the way box() lays it out.
func (r *renderer) boxHeight(st boxStyle, lines []boxLine) float64 {
	inner := r.width - 2*boxPad
	if st.bar {
		inner -= cardBar
	}
	_, h := r.layoutLines(lines, inner)
	return h + 2*boxPad + 3
}

// figureGap is the space between two poses of one exercise, in mm.
const figureGap = 1.5

// exerciseFigure draws an exercise's poses (start, end, and a middle one
// when the figure has it) side by side in the box, through the figure
// painter (drawExerciseFigure). It reports false for an exercise with no
// figure, or one the library does not hold.
func exerciseFigure(r *renderer, id string, x, y, w, h float64, draw bool) bool {
	e := r.h.exercises[id]
	if e == nil {
		return false
	}
	if r.poses == nil {
		r.poses = map[string]int{}
	}
	n, ok := r.poses[id]
	if !ok {
		poses, _, err := FigureOf(e)
		if err == nil {
			n = len(poses)
		}
		r.poses[id] = n
	}
	if n == 0 {
		return false
	}
	if draw {
		pw := (w - figureGap*float64(n-1)) / float64(n)
		drawExerciseFigure(r.pdf, x, y, pw, h, figureGap, e, r.accent)
	}
	return true
}

// stepName numbers an exercise by its place in the session ("2. Band
// row"), the same on the fridge and on the session page.
func stepName(step int, name string) string {
	if step <= 0 {
		return name
	}
	return fmt.Sprintf("%d. %s", step, name)
}
