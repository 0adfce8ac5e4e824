package report

import (
	"strings"
	"unicode"
)

// The pages after the sessions: the later phases, the tracking sheet she
// fills in with a pen, and the referral sheets.

// later draws the phases after the printed weeks, a short paragraph each
// under its title, each kept whole; the heading stays with the first.
func (r *renderer) later() {
	if len(r.h.Later) == 0 {
		return
	}
	w := r.h.Words
	phases := r.laterPhases()
	r.need(lineHeight(sizeHeading) + headingAbove + headingBelow + phases[0].h)
	r.laterDone = true
	r.bookmark(w.LaterHeading, 0)
	r.heading(w.LaterHeading, phases[0].h)
	for i, ph := range phases {
		if i > 0 {
			r.y += laterGap
		}
		r.need(ph.h)
		r.y = r.placeLines(ph.lines, r.left, r.y, r.width)
	}
}

// laterGap is the space between two later phases.
const laterGap = 2.5

// laterPhase is one later phase laid out: its lines and their height.
type laterPhase struct {
	lines []drawLine
	h     float64
}

func (r *renderer) laterPhases() []laterPhase {
	var out []laterPhase
	for _, lines := range r.laterLines() {
		dl, h := r.layoutLines(lines, r.width)
		out = append(out, laterPhase{dl, h})
	}
	return out
}

// laterHeight is the height the later phases take, heading to last line.
func (r *renderer) laterHeight() float64 {
	h := lineHeight(sizeHeading) + headingAbove + headingBelow
	for i, ph := range r.laterPhases() {
		if i > 0 {
			h += laterGap
		}
		h += ph.h
	}
	return h
}

// runIn joins what must be true into one sentence: "your back pain stays
// at 3 out of 10 or less; you can bend from the hips …; and …".
func runIn(items []string) string {
	parts := make([]string, 0, len(items))
	for _, it := range items {
		it = strings.TrimRight(strings.TrimSpace(it), ".")
		if it == "" {
			continue
		}
		if rs := []rune(it); len(rs) < 2 || !unicode.IsUpper(rs[1]) {
			it = lowerFirst(it)
		}
		parts = append(parts, it)
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0] + "."
	}
	return strings.Join(parts[:len(parts)-1], "; ") + "; and " + parts[len(parts)-1] + "."
}

// laterLines is the lines of each later phase: its title, its aim, and
// what must be true to move on with the check-in, in one paragraph.
func (r *renderer) laterLines() [][]boxLine {
	w := r.h.Words
	var out [][]boxLine
	for i, n := range r.h.Later {
		lines := []boxLine{{text: n.Title, bold: true, size: 11.5}}
		if n.Text != "" {
			lines = append(lines, boxLine{text: n.Text, gap: 0.5})
		}
		// what must be true and when we look at it: one short paragraph
		var para []string
		if len(n.Criteria) > 0 {
			lead := w.MoveOnWhen
			if i > 0 && w.MoveOnAgain != "" {
				lead = w.MoveOnAgain
			}
			para = append(para, lead+" "+runIn(n.Criteria))
		}
		if n.CheckIn != "" {
			para = append(para, n.CheckIn)
		}
		if len(para) > 0 {
			lines = append(lines, boxLine{text: strings.Join(para, " "), gap: 0.8})
		}
		out = append(out, lines)
	}
	return out
}

// tracking draws the sheet to fill in with a pen: one row per planned
// session, the key above it on the same page. Two weeks sit side by side
// (trackingPaired) when that makes the sheet shorter; otherwise each week's
// sessions follow each other (trackingSingle). early asks for the sheet
// only if it fits whole in what is left of the page (at least a third of
// it used already; on the fridge page, however little of it is used).
func (r *renderer) tracking(early bool) {
	r.trackingOn(early, false)
}

// earlySpot says where an early sheet could start at y: here (a third of
// the page or more left below y) and short (less than a third of the page
// used above y; a page holding only the end of the sessions is not left
// that short). The fridge page and the page started for the sheets are
// never short.
func (r *renderer) earlySpot(y float64, onFridge bool) (here, short bool) {
	started := r.pdf.PageNo() > 0
	room := r.pageRoom()
	here = started && r.bottom-y >= 0.3*room
	short = started && y-(r.bottom-room) < 0.3*room && !onFridge && r.pdf.PageNo() != r.sheetsPage
	return here, short
}

// trackingFitsFrom reports whether the sheet, asked for early, would fit
// whole below y on the page, as trackingOn places it.
func (r *renderer) trackingFitsFrom(y float64) bool {
	if len(r.h.Tracking) == 0 || r.trackingDone {
		return false
	}
	if here, short := r.earlySpot(y, false); !here || short {
		return false
	}
	r.rowPad = 1.0
	defer func() { r.rowPad = 0 }()
	return r.trackingLayout().height(tightestRow) <= r.bottom-y-4
}

// trackingOn is tracking; onFridge lets an early sheet follow a fridge
// page that leaves room for it, however short: the week and the sheet she
// ticks after each session then hang on the fridge together.
func (r *renderer) trackingOn(early, onFridge bool) {
	if len(r.h.Tracking) == 0 || r.trackingDone {
		return
	}
	w := r.h.Words
	// Its rows hold one line of text: a tighter margin above and below it
	// lets them shrink to the pen boxes.
	r.rowPad = 1.0
	defer func() { r.rowPad = 0 }()
	l := r.trackingLayout()
	sheetH := func(l trackLayout, row float64) float64 { return l.height(row) }
	t := l.t
	// Rows are 7.2 mm, tighter (down to 5.3 mm, with 4 mm pen boxes)
	// when that keeps the sheet whole: on the page so far, else on a page
	// of its own. A sheet that fits a page whole is never split.
	rows := []float64{7.2, 6.9, 6.6, 6.2, 5.9, 5.6, tightestRow}
	here, short := r.earlySpot(r.y, onFridge)
	placed := false
	if early && short {
		return
	}
	for _, where := range []bool{true, false} {
		if !where && (short || early) {
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
			if sheetH(l, h) <= room {
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
	if early && !placed {
		return
	}
	r.trackingDone = true
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
	for _, k := range l.key {
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

// trackLayout is the tracking sheet chosen and measured: its table, its
// key, the height of everything above the rows and each row's own height
// (its text and pen boxes).
type trackLayout struct {
	t     table
	key   []string
	headH float64
	own   []float64
}

// tightestRow is the lowest a tracking row goes: a 4 mm pen box and its
// margins.
const tightestRow = 5.3

// height is the sheet's height, heading to last row, with rows at least
// row high.
func (l trackLayout) height(row float64) float64 {
	h := l.headH
	for i, o := range l.own {
		if l.t.isLabel(i) {
			h += o
		} else {
			h += max(o, row)
		}
	}
	return h
}

// trackingLayout measures both shapes of the sheet and keeps the shorter.
// It measures with the tracking rows' tighter margins.
func (r *renderer) trackingLayout() trackLayout {
	if r.rowPad == 0 {
		r.rowPad = 1.0
		defer func() { r.rowPad = 0 }()
	}
	w := r.h.Words
	body := lineHeight(sizeBody)
	introH := lineHeight(sizeHeading) + 5.5
	r.measure(false, sizeBody)
	introH += float64(len(r.wrap(w.TrackIntro, r.width)))*body + 3
	measure := func(t table, key []string) trackLayout {
		l := trackLayout{t: t, key: key, headH: introH}
		r.measure(false, sizeCard)
		for _, k := range key {
			l.headH += float64(len(r.wrap(k, r.width))) * lineHeight(sizeCard)
		}
		_, hh := r.rowHeight(t.header, t.widths, 0)
		l.headH += hh
		l.own = make([]float64, len(t.rows))
		for i, rw := range t.rows {
			_, l.own[i] = r.rowHeight(rw, t.widths, 0)
		}
		return l
	}
	l := measure(r.trackingSingle(), w.TrackKey)
	if t, sessions, ok := r.trackingPaired(); ok {
		p := measure(t, append(append([]string(nil), w.TrackKey...), sessions...))
		if p.height(tightestRow) < l.height(tightestRow) {
			l = p
		}
	}
	return l
}

// minLastRows is the fewest rows the last page of a table should hold.
const minLastRows = 6

// lastPageRows simulates drawTable's page breaks and returns how many rows
// land on the table's last page, or 0 when the table fits where it starts.
func (r *renderer) lastPageRows(t table) int {
	_, hh := r.rowHeight(t.header, t.widths, 0)
	y, pages, n := r.y+hh, 0, 0
	for i, row := range t.rows {
		min := t.minRow
		if t.isLabel(i) {
			min = 0
		}
		_, h := r.rowHeight(row, t.widths, min)
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
