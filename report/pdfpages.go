package report

import (
	"fmt"
	"image/color"
)

// The plan pages: fridge week, sessions, later phases, tracking sheet and
// referral sheets. Only the drawing is here; every word comes from the
// model (session.go, referral.go, words.go).

var colRest = color.RGBA{R: 240, G: 240, B: 240, A: 255}

// part draws one run of weeks: its fridge page, then its sessions.
func (r *renderer) part(p *PlanPart) {
	r.fridge(p)
	first := true
	for i := range p.Sessions {
		r.session(&p.Sessions[i], first)
		first = false
	}
}

// fridgeDayLayout is one day's box on the fridge page.
type fridgeDayLayout struct {
	figs  bool // small pictures beside the exercises
	head  []drawLine
	items [][]drawLine // per item: the name and dose lines
	cols  int
	h     float64
}

const (
	fridgeDayCol = 38.0 // day name and session column
	fridgeSize   = sizeCard
	// a small picture beside each exercise on the fridge page
	fridgeFigW = 14.0
	fridgeFigH = 9.0
)

// layoutFridgeDay wraps one day for a given number of item columns.
func (r *renderer) layoutFridgeDay(d FridgeDay, cols int, figs bool) fridgeDayLayout {
	l := fridgeDayLayout{cols: cols, figs: figs}
	lh := lineHeight(fridgeSize)
	r.measure(true, sizeBody)
	for _, t := range r.wrap(d.Day, fridgeDayCol-2*cellPad) {
		l.head = append(l.head, drawLine{text: t, bold: true, size: sizeBody, h: lineHeight(sizeBody)})
	}
	sub := r.h.Words.RestDay
	if !d.Rest || d.Session != "" {
		sub = d.Session
		if d.Minutes > 0 {
			sub += " · " + fmt.Sprintf(r.h.Words.AboutMinutes, d.Minutes)
		}
	}
	r.measure(false, fridgeSize)
	for _, t := range r.wrap(sub, fridgeDayCol-2*cellPad) {
		l.head = append(l.head, drawLine{text: t, size: fridgeSize, h: lh, muted: true})
	}
	headH := 0.0
	for _, d := range l.head {
		headH += d.h
	}
	colW := (r.width - fridgeDayCol - 2*cellPad) / float64(cols)
	var colH = make([]float64, cols)
	items := d.Items
	restText := d.Rest && len(d.Items) == 0
	if restText {
		items = []FridgeItem{{Name: r.h.Words.RestDayText}}
	}
	for i, it := range items {
		var lines []drawLine
		tw := colW - 2*cellPad
		fig := figs && r.hasFigure(it.ExerciseID)
		if fig {
			tw -= fridgeFigW + 1.5
		}
		r.measure(true, fridgeSize)
		for _, t := range r.wrap(stepName(it.Step, it.Name), tw) {
			lines = append(lines, drawLine{text: t, bold: !restText, size: fridgeSize, h: lh})
		}
		if it.Dose != "" {
			r.measure(false, fridgeSize)
			for _, t := range r.wrap(it.Dose, tw) {
				lines = append(lines, drawLine{text: t, size: fridgeSize, h: lh})
			}
		}
		l.items = append(l.items, lines)
		h := 0.0
		for _, ln := range lines {
			h += ln.h
		}
		if fig {
			h = max(h, fridgeFigH)
		}
		colH[colOf(i, len(items), cols)] += h + 1
	}
	if d.Note != "" {
		r.measure(false, sizeTiny)
		var lines []drawLine
		for _, t := range r.wrap(d.Note, r.width-fridgeDayCol-2*cellPad) {
			lines = append(lines, drawLine{text: t, size: sizeTiny, h: lineHeight(sizeTiny), muted: true})
		}
		l.items = append(l.items, lines)
	}
	itemsH := 0.0
	for _, h := range colH {
		itemsH = max(itemsH, h)
	}
	if d.Note != "" {
		for _, ln := range l.items[len(l.items)-1] {
			itemsH += ln.h
		}
	}
	l.h = max(headH, itemsH) + 2*cellPad
	return l
}

// colOf is the column of item k of n in cols columns, filled top to
// bottom and then left to right, so the numbers run down each column
// (1, 2, 3 | 4, 5, 6), the way she reads.
func colOf(k, n, cols int) int {
	per := (n + cols - 1) / cols
	if per == 0 {
		return 0
	}
	return k / per
}

// fridge draws one week on one page: a band per day, Monday to Sunday.
// Days with many exercises go to two columns when one column would run
// off the page.
func (r *renderer) fridge(p *PlanPart) {
	f := p.Fridge
	r.newPage()
	r.bookmark(p.Title, 0)
	r.bookmark(f.Heading, 1)
	r.heading(f.Heading+" · "+p.Title, 0)
	if p.Dates != "" {
		r.para(p.Dates, sizeBody, true, 0, colInk)
	}
	r.para(f.Intro, sizeBody, false, 0, colMuted)
	r.y += 2
	// One week on one page: one column of exercises a day, else two or
	// three; with small pictures when they fit, without when they do not.
	var days [7]fridgeDayLayout
	fits := false
	for _, figs := range []bool{true, false} {
		for cols := 1; cols <= 3 && !fits; cols++ {
			total := 0.0
			for i, d := range f.Days {
				c := cols
				if len(d.Items) <= 2 && cols < 3 {
					c = 1
				}
				days[i] = r.layoutFridgeDay(d, c, figs)
				total += days[i].h
			}
			fits = r.y+total <= r.bottom
		}
		if fits {
			break
		}
	}
	for i, d := range f.Days {
		l := days[i]
		r.need(l.h)
		fill := colWhite
		if d.Rest {
			fill = colRest
		}
		r.fill(fill)
		r.draw(colRule)
		r.pdf.SetLineWidth(0.25)
		r.pdf.Rect(r.left, r.y, r.width, l.h, "FD")
		r.fill(r.accent)
		if !d.Rest {
			r.pdf.Rect(r.left, r.y, 1.4, l.h, "F")
		}
		y := r.y + cellPad
		for _, ln := range l.head {
			r.drawLine(ln, r.left+cellPad+1, y, fridgeDayCol-2*cellPad)
			y += ln.h
		}
		colW := (r.width - fridgeDayCol - 2*cellPad) / float64(l.cols)
		ys := make([]float64, l.cols)
		for c := range ys {
			ys[c] = r.y + cellPad
		}
		n := len(d.Items)
		if d.Rest && n == 0 {
			n = 1
		}
		for k := 0; k < n && k < len(l.items); k++ {
			c := colOf(k, n, l.cols)
			x := r.left + fridgeDayCol + float64(c)*colW + cellPad
			w := colW - 2*cellPad
			top := ys[c]
			fig := l.figs && len(d.Items) > k && r.hasFigure(d.Items[k].ExerciseID)
			if fig {
				figureHook(r, d.Items[k].ExerciseID, x, top, fridgeFigW, fridgeFigH, true)
				x += fridgeFigW + 1.5
				w -= fridgeFigW + 1.5
			}
			for _, ln := range l.items[k] {
				r.drawLine(ln, x, ys[c], w)
				ys[c] += ln.h
			}
			if fig {
				ys[c] = max(ys[c], top+fridgeFigH)
			}
			ys[c] += 1
		}
		if d.Note != "" {
			y := 0.0
			for _, v := range ys {
				y = max(y, v)
			}
			for _, ln := range l.items[len(l.items)-1] {
				r.drawLine(ln, r.left+fridgeDayCol+cellPad, y, r.width-fridgeDayCol-2*cellPad)
				y += ln.h
			}
		}
		r.y += l.h
	}
	r.y += 3
	// The key to the doses goes under the week when it fits (unless the
	// first pages gave it), else on top of the first session.
	if r.explained == p {
		return
	}
	if explain := r.explainLines(p); len(explain) > 0 {
		st := boxStyle{border: r.accent, lineWidth: 0.4}
		if r.y+r.boxHeight(st, explain) <= r.bottom {
			r.box(st, explain)
		} else {
			r.pendingExplain = explain
		}
	}
}

// explainLines are the key to the doses of a run of weeks and the
// equipment it needs, as box lines; nil when there is neither.
func (r *renderer) explainLines(p *PlanPart) []boxLine {
	f := p.Fridge
	var explain []boxLine
	if f.Equipment != "" {
		explain = append(explain, boxLine{text: f.Equipment, bold: true, size: sizeCard}, boxLine{gap: 1})
	}
	if len(f.Explain) > 0 {
		explain = append(explain, boxLine{text: r.h.Words.DosesHeading, bold: true, size: sizeCard})
	}
	for _, e := range f.Explain {
		explain = append(explain, boxLine{text: e, prefix: "•", size: sizeCard, gap: 0.8})
	}
	return explain
}

// explainFirst draws the key to the doses of the only run of weeks on the
// first pages, under the stop rule, when it fits the page they end on:
// the session pages then keep their room for the exercises.
func (r *renderer) explainFirst() {
	if len(r.h.Parts) != 1 {
		return
	}
	p := &r.h.Parts[0]
	explain := r.explainLines(p)
	st := boxStyle{border: r.accent, lineWidth: 0.4}
	if len(explain) == 0 || r.y+2+r.boxHeight(st, explain) > r.bottom {
		return
	}
	r.y += 2
	r.box(st, explain)
	r.explained = p
}

// drawLine draws one wrapped line at (x, y).
func (r *renderer) drawLine(d drawLine, x, y, w float64) {
	r.font(d.bold, d.size)
	r.text(colInk)
	if d.muted {
		r.text(colMuted)
	}
	r.cell(x, y, w, d.h, d.text, "L")
}

// cardParts words one exercise card: the top (name, dose, change) across
// the card, then two columns: how to do it and why on the left; how it
// should feel, when to stop, easier and harder and what she needs on the
// right, under the pictures when there are any.
func (r *renderer) cardParts(b ExerciseBlock) (top, left, right []boxLine) {
	w := r.h.Words
	top = []boxLine{
		{text: stepName(b.Step, b.Name), bold: true, size: sizeCardName},
		{text: b.Dose, bold: true, size: sizeCard, gap: 0.8},
	}
	if b.Change != "" {
		top = append(top, boxLine{text: w.Changed + ": " + b.Change, size: sizeCard, gap: 1})
	}
	if !b.Full {
		if b.SeeAlso != "" {
			top = append(top, boxLine{text: b.SeeAlso, size: sizeCard, gap: 0.8, muted: true})
		}
		return top, nil, nil
	}
	left = append(left, boxLine{text: w.Cues, bold: true, size: sizeCard})
	for i, c := range b.Cues {
		left = append(left, boxLine{text: c, prefix: fmt.Sprintf("%d.", i+1), size: sizeCard, gap: 0.5})
	}

	pair := func(label, text string) {
		if text != "" {
			right = append(right, boxLine{text: label + ": " + text, size: sizeCard, gap: 1})
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
func (r *renderer) linesHeight(lines []boxLine, w float64) float64 {
	_, h := r.layoutLines(lines, w)
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
	fig              bool // the pictures sit at the card's top right
}

const (
	cardGap  = 4.0  // between the columns
	cardFigW = 54.0 // the pictures at a card's top right, beside the name and dose
	cardFigH = 17.0
	// A card's white space: inside its border, between the top and the
	// columns, and between two cards. Tight, as every millimetre of it
	// repeats a dozen times in a handout.
	cardPad      = 2.2
	cardInnerGap = 1.2
	cardSpace    = 2.0
)

// layoutCard lays a card out: the name and dose across the top, the
// pictures beside them at the right, then two columns: how to do it on the
// left, how it should feel, when to stop, easier, harder and what she
// needs on the right. The last notes move under the steps while that makes
// the card shorter.
func (r *renderer) layoutCard(b ExerciseBlock) cardLayout {
	inner := r.width - 2*boxPad - cardBar
	top, left, right := r.cardParts(b)
	var c cardLayout
	topW := inner
	if len(left) > 0 && r.hasFigure(b.ExerciseID) {
		c.fig = true
		topW = inner - cardFigW - cardGap
	}
	c.top, c.topH = r.layoutLines(top, topW)
	if c.fig {
		c.topH = max(c.topH, cardFigH)
	}
	if len(left) > 0 {
		// The column split that makes the card shortest: the steps often
		// need more width than the notes.
		best := -1.0
		for _, frac := range []float64{0.5, 0.55, 0.6} {
			lw := inner * frac
			rw := inner - lw - cardGap
			l, rt := left, right
			lh, rh := r.linesHeight(l, lw), r.linesHeight(rt, rw)
			for len(rt) > 1 {
				moved := append(append([]boxLine(nil), l...), rt[len(rt)-1])
				moved[len(moved)-1].gap = 1.5
				l2, r2 := r.linesHeight(moved, lw), r.linesHeight(rt[:len(rt)-1], rw)
				if max(l2, r2) >= max(lh, rh) {
					break
				}
				l, rt, lh, rh = moved, rt[:len(rt)-1], l2, r2
			}
			if h := max(lh, rh); best < 0 || h < best-0.01 {
				best = h
				c.leftW, c.rightW = lw, rw
				c.left, _ = r.layoutLines(l, lw)
				c.right, _ = r.layoutLines(rt, rw)
			}
		}
		c.bodyH = best + cardInnerGap
	}
	c.h = c.topH + c.bodyH + 2*cardPad
	return c
}

// card draws a laid-out exercise card whole, on a new page when it does
// not fit.
func (r *renderer) card(b ExerciseBlock, c cardLayout) {
	r.need(c.h)
	r.draw(colRule)
	r.pdf.SetLineWidth(0.3)
	r.pdf.Rect(r.left, r.y, r.width, c.h, "D")
	r.fill(r.accent)
	r.pdf.Rect(r.left, r.y, cardBar, c.h, "F")
	x := r.left + cardBar + boxPad
	inner := r.width - 2*boxPad - cardBar
	r.placeLines(c.top, x, r.y+cardPad, inner)
	if c.fig {
		figureHook(r, b.ExerciseID, x+inner-cardFigW, r.y+cardPad, cardFigW, cardFigH, true)
	}
	y := r.y + cardPad + c.topH + cardInnerGap
	r.placeLines(c.left, x, y, c.leftW)
	r.placeLines(c.right, x+c.leftW+cardGap, y, c.rightW)
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

// session draws one session below the one before, its cards each whole;
// the first session of a run of weeks starts a page.
func (r *renderer) session(s *SessionPage, firstOfPart bool) {
	r.measure(true, sizeHeading)
	headH := float64(len(r.wrap(s.Heading, r.width)))*lineHeight(sizeHeading) + 8
	r.measure(false, sizeBody)
	headH += float64(len(r.wrap(s.Intro, r.width))) * lineHeight(sizeBody)
	stop := r.stopLine(s)
	if stop != "" {
		r.measure(true, sizeBody)
		headH += 1 + float64(len(r.wrap(stop, r.width)))*lineHeight(sizeBody)
	}
	explain := r.pendingExplain
	r.pendingExplain = nil
	if len(explain) > 0 {
		eh := r.boxHeight(boxStyle{border: r.accent, lineWidth: 0.4}, explain)
		headH += eh
	}
	var firstH float64
	cards := make([]cardLayout, len(s.Exercises))
	for i, b := range s.Exercises {
		cards[i] = r.layoutCard(b)
		h := cards[i].h + cardSpace
		if i == 0 {
			firstH = h
		}
	}
	// Sessions share pages: a session starts below the one before when
	// its heading and first card fit there, and its cards flow on, each
	// card whole. That keeps a one-phase handout to a few pages and no
	// page half empty.
	if firstOfPart || r.y+headH+firstH > r.bottom {
		r.newPage()
	}
	// the reminder of the stop rule is said once a page
	if r.reminded == r.pdf.PageNo() && r.stopPage > 0 {
		stop = ""
	}
	r.reminded = r.pdf.PageNo()
	r.bookmark(s.Heading, 1)
	r.heading(s.Heading, lineHeight(sizeBody)+firstH)
	r.para(s.Intro, sizeBody, false, 0, colInk)
	if stop != "" {
		r.y += 1
		r.para(stop, sizeBody, true, 0, colInk)
	}
	r.y += 2
	if len(explain) > 0 {
		r.box(boxStyle{border: r.accent, lineWidth: 0.4}, explain)
	}
	for i, b := range s.Exercises {
		r.card(b, cards[i])
	}
}

// stopLine is what a session page says of the stop rule: one line that
// points to the page giving it in full, or the rule itself when no page
// gives it.
func (r *renderer) stopLine(s *SessionPage) string {
	if s.Stop == "" {
		return ""
	}
	if r.stopPage > 0 && r.h.Words.StopReminder != "" {
		return fmt.Sprintf(r.h.Words.StopReminder, r.stopPage)
	}
	return r.h.Words.StopRule + ": " + lowerFirst(s.Stop)
}

// later draws the phases after the printed weeks, a paragraph each.
func (r *renderer) later() {
	if len(r.h.Later) == 0 {
		return
	}
	w := r.h.Words
	body := lineHeight(sizeBody)
	r.need(lineHeight(sizeHeading) + 12*body)
	r.laterDone = true
	r.bookmark(w.LaterHeading, 0)
	r.heading(w.LaterHeading, 3*body)
	r.para(w.LaterIntro, sizeBody, false, 0, colInk)
	r.y += 2
	for _, lines := range r.laterBoxes() {
		r.box(boxStyle{border: colRule, lineWidth: 0.3}, lines)
	}
}

// laterHeight is the height the later phases take, heading to last box.
func (r *renderer) laterHeight() float64 {
	w := r.h.Words
	r.measure(false, sizeBody)
	h := lineHeight(sizeHeading) + 8 + float64(len(r.wrap(w.LaterIntro, r.width)))*lineHeight(sizeBody) + 2
	for _, lines := range r.laterBoxes() {
		h += r.boxHeight(boxStyle{border: colRule, lineWidth: 0.3}, lines)
	}
	return h
}

// laterBoxes is one box of lines per later phase.
func (r *renderer) laterBoxes() [][]boxLine {
	w := r.h.Words
	var out [][]boxLine
	for _, n := range r.h.Later {
		lines := []boxLine{{text: n.Title, bold: true, size: 11.5}}
		if n.Text != "" {
			lines = append(lines, boxLine{text: n.Text, gap: 1})
		}
		lines = append(lines, boxLine{text: w.MoveOnWhen, bold: true, gap: 1.5})
		for _, c := range n.Criteria {
			lines = append(lines, boxLine{text: c, prefix: "•", gap: 0.6})
		}
		if n.CheckIn != "" {
			lines = append(lines, boxLine{text: n.CheckIn, gap: 1.2, muted: true})
		}
		out = append(out, lines)
	}
	return out
}

// tracking draws the sheet to fill in with a pen: one row per planned
// session, the key above it on the same page.
func (r *renderer) tracking() {
	if len(r.h.Tracking) == 0 {
		return
	}
	w := r.h.Words
	// Box columns just wider than their heading; the session name gets
	// the room so it stays on one line and rows stay even.
	box := 12.5
	widths := []float64{34, 0, box, 18, box, box, box, 16}
	fixed := 0.0
	for _, x := range widths {
		fixed += x
	}
	widths[1] = r.width - fixed
	head := func(s string) tcell { return tcell{spans: []span{{text: s, bold: true, size: sizeTiny}}} }
	var header []tcell
	for _, c := range w.TrackColumns {
		header = append(header, head(c))
	}
	t := table{title: w.TrackHeading, widths: widths, header: header, minRow: 7.2}
	for _, tw := range r.h.Tracking {
		for i, s := range tw.Sessions {
			day := firstNonEmpty(s.Date, s.Day)
			if i == 0 {
				// the week's first row names the week, on the same line
				day = joinDot(tw.Label, day)
			}
			when := []span{{text: day, size: sizeTiny, bold: i == 0}}
			t.rows = append(t.rows, []tcell{
				{spans: when}, {spans: []span{{text: s.Name, size: sizeTiny}}},
				{box: boxTick}, {box: boxPain}, {box: boxTick}, {box: boxTick}, {box: boxTick}, {},
			})
		}
	}
	// Its rows hold one line of text: a tighter margin above and below it
	// lets them shrink to the pen boxes.
	r.rowPad = 1.0
	defer func() { r.rowPad = 0 }()
	// The sheet's height: heading, intro, key and every row.
	body := lineHeight(sizeBody)
	headH := lineHeight(sizeHeading) + 5.5
	r.measure(false, sizeBody)
	headH += float64(len(r.wrap(w.TrackIntro, r.width)))*body + 3
	r.measure(false, sizeCard)
	for _, k := range w.TrackKey {
		headH += float64(len(r.wrap(k, r.width))) * lineHeight(sizeCard)
	}
	_, hh := r.rowHeight(t.header, t.widths, 0)
	headH += hh
	// each row's own height (its text and pen boxes), measured once
	own := make([]float64, len(t.rows))
	for i, rw := range t.rows {
		_, own[i] = r.rowHeight(rw, t.widths, 0)
	}
	sheetH := func(row float64) float64 {
		h := headH
		for _, o := range own {
			h += max(o, row)
		}
		return h
	}
	// Rows are 7.2 mm, tighter (down to 5.3 mm, with 4 mm pen boxes)
	// when that keeps the sheet whole: on the page so far, else on a page
	// of its own. A sheet that fits a page whole is never split.
	rows := []float64{7.2, 6.9, 6.6, 6.2, 5.9, 5.6, 5.3}
	here := r.pdf.PageNo() > 0 && r.bottom-r.y >= 0.3*r.pageRoom()
	placed := false
	// A page holding only the end of the sessions (less than a third
	// used) is not left that short: the sheet starts below it and runs on.
	topOfPage := r.bottom - r.pageRoom()
	short := r.pdf.PageNo() > 0 && r.y-topOfPage < 0.3*r.pageRoom()
	for _, where := range []bool{true, false} {
		if !where && short {
			break
		}
		if where && !here {
			continue
		}
		room := r.pageRoom()
		if where {
			room = r.bottom - r.y - 4
		}
		for _, h := range rows {
			if sheetH(h) <= room {
				t.minRow, placed = h, true
				break
			}
		}
		if placed {
			if where {
				r.y += 4
			} else {
				r.newPage()
			}
			break
		}
	}
	if !placed {
		// longer than a page: it runs on, starting here when two-fifths
		// of the page is left (the key and the first weeks' rows)
		if r.pdf.PageNo() == 0 || r.bottom-r.y < 0.4*r.pageRoom() {
			r.newPage()
		} else {
			r.y += 4
		}
	}
	r.bookmark(w.TrackHeading, 0)
	r.heading(w.TrackHeading, 0)
	r.para(w.TrackIntro, sizeBody, false, 0, colInk)
	r.y += 1
	for _, k := range w.TrackKey {
		r.para(k, sizeCard, false, 0, colMuted)
	}
	r.y += 2
	// Rows may shrink a little (never below a pen box and its margin) so
	// the last page is not left with a row or two.
	for _, h := range []float64{6.9, 6.6} {
		if placed {
			break
		}
		if n := r.lastPageRows(t); n == 0 || n >= minLastRows {
			break
		}
		t.minRow = h
	}
	r.drawTable(t)
}

// minLastRows is the fewest rows the last page of a table should hold.
const minLastRows = 6

// lastPageRows simulates drawTable's page breaks and returns how many rows
// land on the table's last page, or 0 when the table fits where it starts.
func (r *renderer) lastPageRows(t table) int {
	_, hh := r.rowHeight(t.header, t.widths, 0)
	y, pages, n := r.y+hh, 0, 0
	for _, row := range t.rows {
		_, h := r.rowHeight(row, t.widths, t.minRow)
		if y+h > r.bottom {
			pages++
			y, n = r.bottom-r.pageRoom()+lineHeight(sizeSmall)+1+hh, 0
		}
		y += h
		n++
	}
	if pages == 0 {
		return 0
	}
	return n
}

// referralSheet draws a sheet for a doctor or physiotherapist. The first
// page of a blocked handout carries the brand.
func (r *renderer) referralSheet(rp *ReferralPage, first bool) {
	if first {
		r.brand()
		r.titleBlock(rp.Heading)
	} else {
		r.newPage()
		r.heading(rp.Heading, 0)
	}
	r.bookmark(rp.Heading, 0)
	w := r.h.Words
	body := lineHeight(sizeBody)
	if rp.Urgent {
		lines := []boxLine{{text: rp.HowSoon, bold: true, size: 12}}
		for _, t := range rp.IfWorse {
			lines = append(lines, boxLine{text: t, bold: true, gap: 1.5})
		}
		r.box(boxStyle{border: colInk, lineWidth: 1.2, fill: &colWhite}, lines)
		r.para(rp.Intro, sizeBody, false, 0, colInk)
		r.y += 2
		if len(rp.Answers) > 0 {
			r.heading(w.ToldMe, 2*body)
			r.bullets(rp.Answers, sizeBody)
		}
	} else {
		if rp.Intro != "" {
			r.para(rp.Intro, sizeBody, false, 0, colInk)
			r.y += 2
		}
		lines := []boxLine{{text: w.ReferralWhy, bold: true, size: 11.5}}
		for _, t := range rp.Answers {
			lines = append(lines, boxLine{text: t, prefix: "•", gap: 1.2})
		}
		for _, t := range rp.Reasons {
			lines = append(lines, boxLine{text: t, prefix: "•", gap: 1.2})
		}
		r.box(r.strongBox(), lines)
		if rp.SeeWho != "" || rp.HowSoon != "" {
			r.heading(w.SeeWhoHead, 2*body)
			r.para(joinSentences(rp.SeeWho, rp.HowSoon), sizeBody, false, 0, colInk)
		}
		if len(rp.IfWorse) > 0 {
			r.heading(w.IfWorseHead, 2*body)
			r.bullets(rp.IfWorse, sizeBody)
		}
		if len(rp.Limited) > 0 {
			r.heading(w.PlanLimited, 2*body)
			r.bullets(rp.Limited, sizeBody)
		}
		if len(rp.Next) > 0 {
			r.heading(w.NextHead, 2*body)
			r.bullets(rp.Next, sizeBody)
		}
	}
	r.y += 2
	r.para(rp.From, sizeBody, false, 0, colInk)
	r.y += 2
	r.para(rp.Disclaimer, sizeCard, false, 0, colMuted)
}

func joinSentences(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
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
