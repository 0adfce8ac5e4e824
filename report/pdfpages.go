package report

import (
	"fmt"
	"image/color"
)

// The plan pages: the fridge week and the session pages (their cards are
// in pdfcard.go; the later phases, tracking and referral sheets in
// pdfsheets.go). Only the drawing is here; every word comes from the model
// (session.go, dose.go, cardwords.go, referral.go, words.go).

var colRest = color.RGBA{R: 240, G: 240, B: 240, A: 255}

// part draws one run of weeks: its fridge page, then its sessions.
func (r *renderer) part(p *PlanPart) {
	r.fridge(p)
	if len(r.h.Parts) == 1 {
		r.trackingOn(true, true)
	}
	first := true
	for i := range p.Sessions {
		r.session(&p.Sessions[i], first)
		first = false
	}
}

// fridgeDayLayout is one day's box on the fridge page.
type fridgeDayLayout struct {
	figs   bool    // small pictures beside the exercises
	dayCol float64 // width of the day name and session column
	head   []drawLine
	items  [][]drawLine // per item: the name and dose lines
	cols   int
	h      float64
}

const (
	fridgeDayCol     = 38.0 // day name and session column
	fridgeDayColWide = 50.0 // …when the page is short
	fridgeSize       = sizeCard
	// a small picture beside each exercise on the fridge page
	fridgeFigW = 14.0
	fridgeFigH = 9.0
)

// layoutFridgeDay wraps one day for a given number of item columns.
func (r *renderer) layoutFridgeDay(d FridgeDay, cols int, figs bool, dayCol float64) fridgeDayLayout {
	l := fridgeDayLayout{cols: cols, figs: figs, dayCol: dayCol}
	lh := lineHeight(fridgeSize)
	r.measure(true, sizeBody)
	for _, t := range r.wrap(d.Day, dayCol-2*cellPad) {
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
	for _, t := range r.wrap(sub, dayCol-2*cellPad) {
		l.head = append(l.head, drawLine{text: t, size: fridgeSize, h: lh, muted: true})
	}
	headH := 0.0
	for _, d := range l.head {
		headH += d.h
	}
	colW := (r.width - dayCol - 2*cellPad) / float64(cols)
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
		for _, t := range r.wrap(d.Note, r.width-dayCol-2*cellPad) {
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
	introH := func(t string) float64 {
		r.measure(false, sizeBody)
		return float64(len(r.wrap(t, r.width)))*lineHeight(sizeBody) + 2
	}
	// One week on one page: one column of exercises a day, else two or
	// three; with small pictures when they fit, without when they do not.
	// Then a wider day column: a long session name then takes fewer
	// lines beside a short day (US Letter is 18 mm shorter than A4); last,
	// a shorter intro.
	var days [7]fridgeDayLayout
	type fridgeTry struct {
		figs   bool
		dayCol float64
		intro  string
	}
	tries := []fridgeTry{{true, fridgeDayCol, f.Intro}, {false, fridgeDayCol, f.Intro}, {false, fridgeDayColWide, f.Intro}}
	if f.ShortIntro != "" {
		tries = append(tries, fridgeTry{false, fridgeDayCol, f.ShortIntro}, fridgeTry{false, fridgeDayColWide, f.ShortIntro})
	}
	// When none fits, the shortest is drawn and the week runs on.
	var best [7]fridgeDayLayout
	bestH, bestIntro := -1.0, f.Intro
	for _, try := range tries {
		fits := false
		for cols := 1; cols <= 3 && !fits; cols++ {
			total := introH(try.intro)
			for i, d := range f.Days {
				c := cols
				if len(d.Items) <= 2 && cols < 3 {
					c = 1
				}
				days[i] = r.layoutFridgeDay(d, c, try.figs, try.dayCol)
				total += days[i].h
			}
			fits = r.y+total <= r.bottom
			if fits || bestH < 0 || total < bestH {
				best, bestH, bestIntro = days, total, try.intro
			}
		}
		if fits {
			break
		}
	}
	days, intro := best, bestIntro
	r.para(intro, sizeBody, false, 0, colMuted)
	r.y += 2
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
			r.drawLine(ln, r.left+cellPad+1, y, l.dayCol-2*cellPad)
			y += ln.h
		}
		colW := (r.width - l.dayCol - 2*cellPad) / float64(l.cols)
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
			x := r.left + l.dayCol + float64(c)*colW + cellPad
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
				r.drawLine(ln, r.left+l.dayCol+cellPad, y, r.width-l.dayCol-2*cellPad)
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
		explain = append(explain, boxLine{text: f.Equipment, bold: true, size: sizeCard})
	}
	if len(f.Explain) > 0 {
		gap := 0.0
		if len(explain) > 0 {
			gap = 2.5 // apart from what she needs, without a blank line
		}
		explain = append(explain, boxLine{text: r.h.Words.DosesHeading, bold: true, size: sizeCard, gap: gap})
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
	if len(r.h.Parts) != 1 || r.explained != nil {
		return
	}
	p := &r.h.Parts[0]
	explain := r.explainLines(p)
	st := boxStyle{border: r.accent, lineWidth: 0.4}
	// the box's height without the space after it (boxHeight counts it)
	if len(explain) == 0 || r.y+2+r.boxHeight(st, explain)-3 > r.bottom {
		return
	}
	r.y += 2
	r.box(st, explain)
	r.explained = p
}

// frontSheets starts a page for the key to the doses, the later phases and
// the tracking sheet when the key does not fit the first pages' last page
// but all three fit a page together: the session pages then keep their
// room for the exercises, and nothing is left for a page of its own.
func (r *renderer) frontSheets() {
	if len(r.h.Parts) != 1 || r.explained != nil || len(r.h.Tracking) == 0 {
		return
	}
	explain := r.explainLines(&r.h.Parts[0])
	if len(explain) == 0 {
		return
	}
	eh := 2 + r.boxHeight(boxStyle{border: r.accent, lineWidth: 0.4}, explain)
	if r.y+eh-3 <= r.bottom {
		return // it fits where it is
	}
	need := eh + 4 + r.trackingLayout().height(tightestRow)
	if len(r.h.Later) > 0 && !r.laterDone {
		need += r.laterHeight()
	}
	if need <= r.pageRoom() {
		r.newPage()
		r.sheetsPage = r.pdf.PageNo()
	}
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

// session draws one session below the one before, its cards each whole;
// the first session of a run of weeks starts a page.
func (r *renderer) session(s *SessionPage, firstOfPart bool) {
	// the height above the first card, as heading() and the lines below
	// it place them (2 mm after the stop line)
	r.measure(true, sizeHeading)
	headH := float64(len(r.wrap(s.Heading, r.width)))*lineHeight(sizeHeading) + headingBelow + 2
	if !firstOfPart {
		headH += headingAbove
	}
	r.measure(false, sizeBody)
	if s.Intro != "" {
		headH += float64(len(r.wrap(s.Intro, r.width))) * lineHeight(sizeBody)
	}
	stop := r.stopLine(s)
	stopH := 0.0
	if stop != "" {
		r.measure(true, sizeBody)
		stopH = 1 + float64(len(r.wrap(stop, r.width)))*lineHeight(sizeBody)
	}
	// the reminder of the stop rule is said once a page: a session
	// starting on a page that has it needs no room for it
	if r.reminded != r.pdf.PageNo() || r.stopPage == 0 {
		headH += stopH
	}
	explain := r.pendingExplain
	r.pendingExplain = nil
	if len(explain) > 0 {
		eh := r.boxHeight(boxStyle{border: r.accent, lineWidth: 0.4}, explain)
		headH += eh
	}
	cards := make([]cardLayout, len(s.Exercises))
	for i, b := range s.Exercises {
		cards[i] = r.layoutCard(b)
	}
	// the heading stays with its first card, and with the next when the
	// first only points to another page
	var firstH float64
	if len(cards) > 0 {
		firstH = cards[0].h
	}
	if len(cards) > 1 && !s.Exercises[0].Full {
		firstH += cardSpace + cards[1].h
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
	if s.Intro != "" {
		r.para(s.Intro, sizeBody, false, 0, colInk)
	}
	if stop != "" {
		r.y += 1
		r.para(stop, sizeBody, true, 0, colInk)
	}
	r.y += 2
	if len(explain) > 0 {
		r.box(boxStyle{border: r.accent, lineWidth: 0.4}, explain)
	}
	r.inSession = s.Heading
	for i, b := range s.Exercises {
		r.card(b, cards[i])
	}
	r.inSession = ""
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
