package report

// Measuring, wrapping and flowing text on the handout's pages. Only pdf.go
// imports gofpdf; these methods reach it through the renderer.

import (
	"image/color"
	"slices"
	"strings"
	"unicode/utf8"
)

// strWidth measures s in the current font, in mm.
func (r *renderer) strWidth(s string) float64 {
	if f := r.face(); f != nil {
		return float64(f.width(s)) * r.fontSize * ptToMM / 1000
	}
	return r.pdf.GetStringWidth(s)
}

// face is the widths of the face font() or measure() chose last; nil when
// the fonts are not shared (then gofpdf measures in the document's font).
func (r *renderer) face() *faceWidths {
	if r.faces == nil {
		return nil
	}
	if r.fontBold {
		return r.faces["B"]
	}
	return r.faces[""]
}

// measure chooses the font that strWidth and wrap measure in, without
// writing a font change into the page: layout measures far more often than
// it draws.
func (r *renderer) measure(bold bool, size float64) {
	if r.faces == nil || r.faces["B"] == nil || r.faces[""] == nil {
		r.font(bold, size)
		return
	}
	r.fontBold, r.fontSize = bold, size
}

// wrap breaks text into lines no wider than w in the current font. It
// measures real glyph widths (gofpdf's SplitLines counts bytes, which
// breaks accented text early), honours newlines, breaks only at spaces, and
// splits a word longer than a line (a long name, a URL) between letters.
func (r *renderer) wrap(text string, w float64) []string {
	// The same text is wrapped at the same width many times while a card
	// or a table finds its shape: each answer is kept for the handout.
	k := wrapKey{text: text, w: w, bold: r.fontBold, size: r.fontSize}
	if lines, ok := r.wraps[k]; ok {
		return lines
	}
	lines := slices.Clip(r.wrapNow(text, w))
	if r.wraps == nil {
		r.wraps = map[wrapKey][]string{}
	}
	r.wraps[k] = lines
	return lines
}

// wrapKey is a wrapped text, its width and its font.
type wrapKey struct {
	text string
	w    float64
	bold bool
	size float64
}

// wrapNow does wrap's work.
func (r *renderer) wrapNow(text string, w float64) []string {
	var out []string
	space := r.strWidth(" ")
	for _, para := range strings.Split(text, "\n") {
		line, lineW := "", 0.0
		for _, word := range strings.Fields(para) {
			ww := r.strWidth(word)
			if line != "" && lineW+space+ww <= w {
				line += " " + word
				lineW += space + ww
				continue
			}
			if line != "" {
				out = append(out, line)
				line, lineW = "", 0
			}
			for ww > w {
				head, rest := r.splitWord(word, w)
				out = append(out, head)
				word = rest
				ww = r.strWidth(word)
			}
			line, lineW = word, ww
		}
		out = append(out, line)
	}
	for len(out) > 1 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// splitWord returns the longest prefix of word (at least one rune) that
// fits w, and the rest.
func (r *renderer) splitWord(word string, w float64) (string, string) {
	acc := 0.0
	for i, ru := range word {
		cw := r.strWidth(string(ru))
		if acc+cw > w && i > 0 {
			return word[:i], word[i:]
		}
		acc += cw
	}
	_, n := utf8.DecodeRuneInString(word)
	return word[:n], word[n:]
}

// fit shortens s with an ellipsis until it fits w on one line.
func (r *renderer) fit(s string, w float64) string {
	if r.strWidth(s) <= w {
		return s
	}
	rs := []rune(s)
	for n := len(rs) - 1; n > 0; n-- {
		c := strings.TrimSpace(string(rs[:n])) + "…"
		if r.strWidth(c) <= w {
			return c
		}
	}
	return "…"
}

// clampLines keeps at most n lines, marking the cut with an ellipsis that
// still fits the width.
func (r *renderer) clampLines(lines []string, n int, w float64) []string {
	if len(lines) <= n {
		return lines
	}
	lines = slices.Clone(lines[:n]) // never the wrap cache's own slice
	lines[n-1] = r.fit(lines[n-1]+"…", w)
	return lines
}

// para draws a paragraph, breaking across pages line by line.
func (r *renderer) para(text string, size float64, bold bool, indent float64, c color.RGBA) {
	r.font(bold, size)
	lh := lineHeight(size)
	for _, ln := range r.wrap(text, r.width-indent) {
		r.need(lh)
		r.font(bold, size)
		r.text(c)
		r.cell(r.left+indent, r.y, r.width-indent, lh, ln, "L")
		r.y += lh
	}
}

// The space a heading takes above it (below other text) and below it:
// what measures a heading before drawing it counts the same.
const (
	headingAbove = 2.0
	headingBelow = 2.5
)

// heading draws a section heading kept with at least `with` mm of what
// follows it.
func (r *renderer) heading(text string, with float64) {
	r.font(true, sizeHeading)
	lines := r.wrap(text, r.width)
	lh := lineHeight(sizeHeading)
	r.need(float64(len(lines))*lh + headingBelow + with)
	if r.y > marginTop+12 {
		r.y += headingAbove
	}
	r.font(true, sizeHeading)
	r.text(colInk)
	for _, ln := range lines {
		r.cell(r.left, r.y, r.width, lh, ln, "L")
		r.y += lh
	}
	r.draw(r.accent)
	r.pdf.SetLineWidth(0.6)
	r.pdf.Line(r.left, r.y+0.3, r.left+18, r.y+0.3)
	r.y += headingBelow
}

// bullets draws a bulleted list.
func (r *renderer) bullets(items []string, size float64) { r.list(items, size, false, "•") }

// list draws items with a hanging mark; each item stays whole unless it is
// longer than a page.
func (r *renderer) list(items []string, size float64, bold bool, mark string) {
	lh := lineHeight(size)
	indent := 5.0
	for _, it := range items {
		r.font(bold, size)
		lines := r.wrap(it, r.width-indent)
		if h := float64(len(lines)) * lh; h <= r.pageRoom() {
			r.need(h + 1)
		}
		for i, ln := range lines {
			r.need(lh)
			r.font(bold, size)
			r.text(colInk)
			if i == 0 {
				r.cell(r.left+1, r.y, indent, lh, mark, "L")
			}
			r.cell(r.left+indent, r.y, r.width-indent, lh, ln, "L")
			r.y += lh
		}
		r.y += 1
	}
}

// leadLines wraps a list item that opens with a bold lead ("Foundations:")
// and runs on in regular type on the same line: the first line holds the
// lead and as many words as fit after it. It returns the regular text's
// lines (the first one to follow the lead) and the lead's width.
func (r *renderer) leadLines(lead, text string, size, w float64) (lines []string, leadW float64) {
	r.measure(true, size)
	leadW = r.strWidth(lead + " ")
	if text == "" {
		return nil, leadW
	}
	r.measure(false, size)
	words := strings.Fields(text)
	first := ""
	i := 0
	for ; i < len(words); i++ {
		try := strings.TrimSpace(first + " " + words[i])
		if r.strWidth(try) > w-leadW {
			break
		}
		first = try
	}
	lines = append(lines, first)
	if i < len(words) {
		lines = append(lines, r.wrap(strings.Join(words[i:], " "), w)...)
	}
	return lines, leadW
}

// leadItem draws a numbered item with its bold lead and regular text
// (leadLines), kept whole on a page.
func (r *renderer) leadItem(mark, lead, text string, size float64) {
	lh := lineHeight(size)
	indent := 5.0
	lines, leadW := r.leadLines(lead, text, size, r.width-indent)
	n := max(1, len(lines))
	r.need(float64(n)*lh + 1)
	r.font(true, size)
	r.text(colInk)
	r.cell(r.left+1, r.y, indent, lh, mark, "L")
	r.cell(r.left+indent, r.y, leadW, lh, lead, "L")
	r.font(false, size)
	for i, ln := range lines {
		x := r.left + indent
		if i == 0 {
			x += leadW
		}
		r.cell(x, r.y, r.left+r.width-x, lh, ln, "L")
		r.y += lh
	}
	if len(lines) == 0 {
		r.y += lh
	}
	r.y += 1
}
