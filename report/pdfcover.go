package report

// The first pages: the coach's header, her name, the overview and the box
// with the stop rule in full.

import (
	"fmt"
	"strings"
)

// brand draws the first page's header: logo, business, coach and contact.
func (r *renderer) brand() {
	r.newPage()
	x := r.left
	top := r.y
	h := 0.0
	if r.logoName != "" {
		r.pngImage(r.logoName, x, top, r.logoW, r.logoH)
		x += r.logoW + 5
		h = r.logoH
	}
	w := r.right - x
	y := top
	// The business name is the brand; a coach without one brands with her
	// own name.
	brand, coach := r.h.Business, coachLine(r.h.CoachName)
	if brand == "" {
		brand, coach = r.h.CoachName, ""
	}
	if brand != "" {
		r.font(true, 13)
		r.text(colInk)
		lh := lineHeight(13)
		for _, ln := range r.clampLines(r.wrap(brand, w), 2, w) {
			r.cell(x, y, w, lh, ln, "L")
			y += lh
		}
	}
	r.font(false, 9)
	r.text(colMuted)
	lh := lineHeight(9)
	for _, s := range []string{coach, r.h.Contact} {
		if s == "" {
			continue
		}
		r.cell(x, y, w, lh, r.fit(s, w), "L")
		y += lh
	}
	r.y = max(top+h, y) + 2.5
	r.fill(r.accent)
	r.pdf.Rect(r.left, r.y, r.width, 1.1, "F")
	r.y += 6
}

func coachLine(name string) string {
	if name == "" {
		return ""
	}
	return "Coach: " + name
}

// titleBlock draws the page title, her name and the date.
func (r *renderer) titleBlock(kicker string) {
	r.font(true, sizeSmall+0.5)
	r.text(colMuted)
	lh := lineHeight(sizeSmall + 0.5)
	r.cell(r.left, r.y, r.width, lh, strings.ToUpper(kicker), "L")
	r.y += lh + 0.5
	r.font(true, sizeTitle)
	r.text(colInk)
	lt := lineHeight(sizeTitle)
	for _, ln := range r.clampLines(r.wrap(r.h.ClientName, r.width), 5, r.width) {
		r.cell(r.left, r.y, r.width, lt, ln, "L")
		r.y += lt
	}
	meta := r.h.Date
	if r.h.CoachName != "" {
		meta = joinDot(meta, "Prepared by "+r.h.CoachName)
	}
	r.para(meta, 9.5, false, 0, colMuted)
	r.y += 3
}

func joinDot(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return a + " · " + b
}

func (r *renderer) strongBox() boxStyle {
	f := r.tint
	return boxStyle{border: colInk, lineWidth: 0.7, fill: &f}
}

func (r *renderer) summary() {
	s := r.h.Summary
	w := r.h.Words
	r.brand()
	r.bookmark(r.h.Title, 0)
	r.titleBlock(r.h.Title)
	if s.PlanLine != "" {
		r.para(s.PlanLine, sizeBody, false, 0, colInk)
	}
	if r.h.CheckIn != "" {
		r.para(r.h.CheckIn, sizeBody, false, 0, colInk)
	}
	// her goal opens the page, under what the plan is
	if s.Goals != "" {
		r.y += 1
		r.para(s.Goals, sizeBody, true, 0, colInk)
	}
	r.y += 2
	if len(s.Safety) > 0 {
		lines := []boxLine{{text: w.ReadFirst, bold: true, size: 11.5}}
		for _, t := range s.Safety {
			lines = append(lines, boxLine{text: t, prefix: "!", gap: 1.5, bold: false})
		}
		r.box(r.strongBox(), lines)
	}
	body := lineHeight(sizeBody)
	r.heading(w.Found, 2*body)
	r.bullets(s.Found, sizeBody)

	if len(s.Activities) > 0 {
		r.heading(w.Matters, 2*body)
		r.para(w.Activities, sizeBody, true, 0, colInk)
		r.bullets(s.Activities, sizeBody)
	}
	if len(s.Focus) > 0 {
		// A numbered list is never broken: with its heading it moves whole
		// to the next page when it fits one; a longer one keeps each item
		// with its reason.
		total := 0.0
		for _, f := range s.Focus {
			// as drawn below: the item's title and its reason run on
			lines, _ := r.leadLines(focusLead(f), f.Reason, sizeBody, r.width-5)
			total += body*float64(max(1, len(lines))) + 1
		}
		same := false
		for _, f := range s.Focus {
			same = same || f.Reason == ""
		}
		if same {
			r.font(false, sizeBody)
			total += body*float64(len(r.wrap(w.WorksOnSame, r.width))) + 1
		}
		with := 2 * body
		if total <= r.pageRoom()-lineHeight(sizeHeading)-6 {
			with = total
		}
		r.heading(w.WorksOn, with)
		if same {
			// the reasons were the finding sentences above
			r.para(w.WorksOnSame, sizeBody, false, 0, colInk)
			r.y += 1
		}
		for i, f := range s.Focus {
			r.leadItem(fmt.Sprintf("%d.", i+1), focusLead(f), f.Reason, sizeBody)
		}
	}

}

// focusLead is a focus item's title as it opens its line: followed by a
// colon when its reason runs on after it.
func focusLead(f FocusItem) string {
	t := f.Title
	if t == "" {
		t = "…"
	}
	if f.Reason != "" {
		t += ":"
	}
	return t
}

// coachingLines words the box that says this is coaching and when to stop.
func (r *renderer) coachingLines() []boxLine {
	s, w := r.h.Summary, r.h.Words
	lines := []boxLine{
		{text: w.NotAdvice, bold: true, size: 11.5},
		{text: s.Disclaimer, gap: 1},
		{text: w.StopIntro, bold: true, gap: 2},
	}
	for _, t := range s.StopFor {
		lines = append(lines, boxLine{text: t, prefix: "•", gap: 0.8})
	}
	if r.h.Contact != "" {
		lines = append(lines, boxLine{text: w.Questions + r.h.Contact, gap: 2, muted: true})
	}
	return lines
}

// coaching draws the coaching box with the stop rule, whole, on the next
// page when it does not fit this one. When it moves, the key to the doses
// and the later phases fill the first page first if they fit there, so the
// first page is not left part empty.
func (r *renderer) coaching() {
	lines := r.coachingLines()
	st := boxStyle{border: r.accent, lineWidth: 0.6}
	h := r.boxHeight(st, lines) - 3
	gap := 2.0
	if r.y+gap+h > r.bottom && r.y+0.5+h <= r.bottom {
		gap = 0.5 // it fits on this page with less space above
	}
	if r.y+gap+h > r.bottom {
		r.explainFirst()
		if len(r.h.Later) > 0 && r.y+r.laterHeight() <= r.bottom {
			r.later()
		}
	}
	r.y += gap
	if h <= r.pageRoom() {
		r.need(h)
	}
	r.stopPage = r.pdf.PageNo()
	r.box(st, lines)
}

// bookmark adds an outline entry at the cursor, so a PDF viewer lists the
// handout's sections.
func (r *renderer) bookmark(title string, level int) {
	if title != "" {
		r.pdf.Bookmark(title, level, r.y)
	}
}
