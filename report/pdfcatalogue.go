package report

// The library sheet: every exercise with its figure, for the coach.

import (
	"fmt"
	"io"
	"time"

	"github.com/keel-coach/keel/assessment"
)

// Catalogue geometry, in millimetres: one exercise per row, its figures on
// the left (each at least 35 mm wide, the size the figures are drawn to
// stay legible) and its words on the right.
const (
	catFigW   = 37.0
	catFigH   = 30.0
	catFigGap = 2.0
	catRowGap = 4.0
)

// RenderCatalogue draws the library sheet as a PDF to w.
func RenderCatalogue(c *Catalogue, w io.Writer, opt RenderOptions) error {
	if c == nil {
		return assessment.Errorf(assessment.EINVALID, "There is no library to print.")
	}
	// The sheet carries no date, and its file dates are fixed unless asked
	// otherwise: the same library always gives the same bytes.
	if opt.Fixed.IsZero() {
		opt.Fixed = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	accent, _ := ParseAccent(DefaultAccent)
	h := &Handout{Title: c.Title, ClientName: fmt.Sprintf("%d exercises", len(c.Entries)), Paper: c.Paper, Accent: accent}
	opt.wholeFonts = true // the names and cues are not in h
	r, err := newRenderer(h, opt)
	if err != nil {
		return err
	}
	r.pdf.SetSubject("Exercise library", true)
	r.pdf.SetTitle(c.Title, true)
	r.newPage()
	r.font(true, sizeTitle)
	r.text(colInk)
	r.cell(r.left, r.y, r.width, lineHeight(sizeTitle), c.Title, "L")
	r.y += lineHeight(sizeTitle) + 1
	r.para(fmt.Sprintf("%d exercises. Each row shows the positions in order, left to right; the coloured arrows show the movement and the coloured parts are the ones working.", len(c.Entries)), sizeSmall, false, 0, colMuted)
	r.y += 3
	for _, e := range c.Entries {
		r.catalogueRow(e)
	}
	r.footers()
	if err := r.pdf.Error(); err != nil {
		return assessment.Internal("draw the library sheet", err)
	}
	if err := r.pdf.Output(w); err != nil {
		return assessment.Internal("write the library sheet", err)
	}
	return nil
}

func (r *renderer) catalogueRow(e CatalogueEntry) {
	n := max(len(e.Poses), 2)
	figsW := float64(n)*catFigW + float64(n-1)*catFigGap
	textX := r.left + figsW + 5
	textW := r.right - textX
	r.font(false, sizeSmall)
	var cueLines []string
	for _, c := range e.Cues {
		for i, l := range r.wrap(c, textW-3) {
			if i == 0 {
				l = "• " + l
			} else {
				l = "  " + l
			}
			cueLines = append(cueLines, l)
		}
	}
	r.font(true, sizeBody)
	nameLines := r.wrap(e.Name, textW)
	textH := float64(len(nameLines))*lineHeight(sizeBody) + lineHeight(sizeSmall)*float64(len(cueLines)+2)
	rowH := max(catFigH+lineHeight(sizeTiny)+1, textH)
	r.need(rowH + catRowGap)
	y := r.y
	if len(e.Poses) == 0 {
		r.draw(colRule)
		r.pdf.SetLineWidth(0.3)
		r.pdf.SetDashPattern([]float64{1, 1}, 0)
		r.pdf.Rect(r.left, y, figsW, catFigH, "D")
		r.pdf.SetDashPattern(nil, 0)
		r.font(false, sizeSmall)
		r.text(colMuted)
		for i, l := range r.wrap(e.Missing, figsW-6) {
			r.cell(r.left+3, y+4+float64(i)*lineHeight(sizeSmall), figsW-6, lineHeight(sizeSmall), l, "L")
		}
	}
	drawFigures(r.pdf, r.left, y, catFigW, catFigH, catFigGap, e.Poses, r.accent)
	for i, p := range e.Poses {
		x := r.left + float64(i)*(catFigW+catFigGap)
		r.font(false, sizeTiny)
		r.text(colMuted)
		r.cell(x, y+catFigH+0.5, catFigW, lineHeight(sizeTiny), poseLabel(i, len(e.Poses), p), "C")
	}
	ty := y
	r.font(true, sizeBody)
	r.text(colInk)
	for _, l := range nameLines {
		r.cell(textX, ty, textW, lineHeight(sizeBody), l, "L")
		ty += lineHeight(sizeBody)
	}
	r.font(false, sizeSmall)
	r.text(colMuted)
	meta := e.Equipment
	if e.Custom {
		meta += " · your exercise"
	}
	r.cell(textX, ty, textW, lineHeight(sizeSmall), r.fit(meta, textW), "L")
	ty += lineHeight(sizeSmall)
	if s := figureSideNote(e.Side); s != "" {
		r.cell(textX, ty, textW, lineHeight(sizeSmall), r.fit(s, textW), "L")
		ty += lineHeight(sizeSmall)
	}
	r.text(colInk)
	for _, l := range cueLines {
		r.cell(textX, ty, textW, lineHeight(sizeSmall), l, "L")
		ty += lineHeight(sizeSmall)
	}
	r.y = y + max(rowH, ty-y) + catRowGap/2
	r.draw(colRule)
	r.pdf.SetLineWidth(0.2)
	r.pdf.Line(r.left, r.y, r.right, r.y)
	r.y += catRowGap / 2
}
