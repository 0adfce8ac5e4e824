package report

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/atomicfile"
	"github.com/keel-coach/keel/report/figure"
)

// RenderOptions tune the PDF writer.
type RenderOptions struct {
	// Compress deflates the page streams: the file shrinks to about a
	// quarter (64 KB instead of 247 KB for a 12-week plan) but gofpdf builds
	// a fresh zlib compressor of about 1.2 MB for every page, which breaks
	// the 20 MB-per-handout allocation budget. Uncompressed (the default)
	// also keeps a golden hash independent of the zlib implementation. The
	// embedded font subsets are compressed either way.
	Compress bool
	// Fixed is the creation and modification date written into the file;
	// zero means now. Fix it for byte-identical output.
	Fixed time.Time
}

// Page geometry and type sizes, in millimetres and points. The margins are
// wider than most printers' unprintable border (about 5 mm), so nothing is
// clipped on a cheap printer (H).
const (
	marginSide   = 16.0
	marginTop    = 14.0
	footerGap    = 11.0 // footer baseline area height above the page edge
	contentGapB  = 17.0 // content stops this far above the page edge
	ptToMM       = 25.4 / 72
	leading      = 1.17 // line height as a multiple of the type size
	sizeBody     = 10.5 // body text: never smaller (layout rule)
	sizeCard     = 10.0 // text in exercise boxes and tables: never smaller
	sizeSmall    = 9.0  // running header and labels, never her instructions
	sizeTiny     = 8.0
	sizeHeading  = 14.0
	sizeTitle    = 21.0
	sizeCardName = 12.0
	boxPad       = 2.7
	cardBar      = 2.2   // width of the accent bar on a card
	logoArea     = 700.0 // mm²: a logo keeps this area whatever its shape
	logoMaxW     = 70.0
	logoMaxH     = 30.0
	maxCellLines = 6 // a table cell never grows past this many lines
)

const fontFamily = "noto"

// Print tones: text is near-black and every tint light, so the handout
// reads the same on a black-and-white printer as in colour.
var (
	colInk   = color.RGBA{R: 30, G: 30, B: 30, A: 255}
	colMuted = color.RGBA{R: 85, G: 85, B: 85, A: 255}
	colRule  = color.RGBA{R: 165, G: 165, B: 165, A: 255}
	colWhite = color.RGBA{R: 255, G: 255, B: 255, A: 255}
)

// Render draws the handout as a PDF to w. It returns a domain error when the
// handout is nil and an EINTERNAL error when the PDF writer fails.
func Render(h *Handout, w io.Writer, opt RenderOptions) error {
	if h == nil {
		return assessment.Errorf(assessment.EINVALID, "There is no handout to print.")
	}
	r, err := newRenderer(h, opt)
	if err != nil {
		return err
	}
	if h.Blocked {
		for i := range h.Referrals {
			r.referralSheet(&h.Referrals[i], i == 0)
		}
		if len(h.Referrals) == 0 {
			r.referralSheet(&ReferralPage{Heading: "Before we start training"}, true)
		}
	} else {
		r.summary()
		r.explainFirst()
		// The later phases follow the first pages' overview when they fit
		// the page it ends on; otherwise they follow the last session.
		// Either way the tracking sheet can have a page of its own.
		if len(h.Later) > 0 && r.y+r.laterHeight() <= r.bottom {
			r.later()
		}
		for i := range h.Parts {
			r.part(&h.Parts[i])
		}
		if !r.laterDone {
			r.later()
		}
		r.tracking()
		if h.Progress != nil {
			r.progress()
		}
		for i := range h.Referrals {
			r.referralSheet(&h.Referrals[i], false)
		}
	}
	r.footers()
	if err := r.pdf.Error(); err != nil {
		return assessment.Internal("draw the handout", err)
	}
	var buf bytes.Buffer
	if err := r.pdf.Output(&buf); err != nil {
		return assessment.Internal("write the handout", err)
	}
	releaseFonts(r.pdf)
	if _, err := w.Write(withLang(buf.Bytes(), h.Words.Lang)); err != nil {
		return assessment.Internal("write the handout", err)
	}
	return nil
}

// layoutMark is what the catalog says for the single-page layout the
// renderer asks gofpdf for. gofpdf cannot write the document language, so
// withLang puts /Lang in its place, padded with spaces to the same length:
// the byte offsets in the cross-reference table stay right.
const layoutMark = "/PageLayout /SinglePage"

// withLang writes the document language (a BCP 47 tag such as en-GB) into
// the catalog, so a screen reader reads the handout in the right voice.
func withLang(pdf []byte, lang string) []byte {
	if lang == "" || len(lang) > len(layoutMark)-len("/Lang ()") || strings.Trim(lang, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-") != "" {
		return pdf
	}
	cat := bytes.Index(pdf, []byte("/Type /Catalog"))
	if cat < 0 {
		return pdf
	}
	i := bytes.Index(pdf[cat:], []byte(layoutMark))
	if i < 0 || i > 400 {
		return pdf
	}
	tag := "/Lang (" + lang + ")"
	copy(pdf[cat+i:], tag+strings.Repeat(" ", len(layoutMark)-len(tag)))
	return pdf
}

// WritePDF builds the handout from in and writes it to path. The file
// appears complete or not at all: it is written to a temporary file in the
// same folder and renamed over path, with mode 0600 because it holds health
// information.
func WritePDF(in Input, path string) error {
	h, err := Build(in)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := Render(h, &buf, RenderOptions{}); err != nil {
		return err
	}
	if err := atomicfile.Write(path, buf.Bytes(), handoutMode); err != nil {
		return saveError(path, err)
	}
	return nil
}

// handoutMode keeps the handout private to the coach's account: it holds
// her client's health details.
const handoutMode = 0o600

// saveError words a file-system failure for the coach and keeps the cause.
func saveError(path string, err error) error {
	return &assessment.Error{Code: assessment.EINTERNAL, Err: err,
		Message: "Keel could not save the handout to " + path + ": " + atomicfile.Reason(err) + "."}
}

// renderer holds the document and a cursor; content flows down the page and
// onto new pages through need().
type renderer struct {
	pdf        *gofpdf.Fpdf
	h          *Handout
	pageW      float64
	pageH      float64
	left       float64
	right      float64
	width      float64 // content width
	bottom     float64 // lowest y content may reach
	y          float64
	accent     color.RGBA
	tint       color.RGBA
	logoName   string
	logoW      float64
	logoH      float64
	spaceWidth map[float64]float64
	// pendingExplain is the key to the doses when the fridge page had no
	// room for it: the first session page takes it.
	pendingExplain []boxLine
	// poses counts each exercise's figure poses (0: no figure), looked up
	// once per handout.
	poses map[string]int
	// laterDone is set once the later phases are drawn.
	laterDone bool
	// stopPage is the page that gives the stop rule in full (the box
	// "Coaching, not medical advice"); session pages point to it.
	stopPage int
	// rowPad, when set, is the space above and below table text.
	rowPad float64
	// fontBold and fontSize are the font last set through font(); wraps
	// keeps every wrap() answer (the wrapped text is read, never changed).
	fontBold bool
	fontSize float64
	wraps    map[wrapKey][]string
	faces    map[string]*faceWidths // by style: the template fonts' widths
	// reminded is the last page that reminded her of the stop rule.
	reminded int
	// explained is the run of weeks whose key to the doses the first
	// pages gave.
	explained *PlanPart
}

func newRenderer(h *Handout, opt RenderOptions) (*renderer, error) {
	size := gofpdf.SizeType{Wd: 210, Ht: 297}
	if h.Paper == PaperLetter {
		size = gofpdf.SizeType{Wd: 215.9, Ht: 279.4}
	}
	pdf := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: size})
	pdf.SetCompression(opt.Compress)
	when := opt.Fixed
	if when.IsZero() {
		when = time.Now()
	}
	pdf.SetCreationDate(when)
	pdf.SetModificationDate(when)
	pdf.SetCatalogSort(true)
	pdf.SetDisplayMode("default", "single") // replaced by /Lang in Render (withLang)
	// No page-count alias: footers() writes "Page x of y" on every page
	// once the count is known, which spares gofpdf's search-and-replace
	// through every page stream at close (a copy of each page).
	addFonts(pdf, newFontTemplate) // parsed once per process: fonts.go
	pdf.SetTitle(h.Title+" – "+h.ClientName, true)
	pdf.SetAuthor(firstNonEmpty(h.CoachName, h.Business, "Keel"), true)
	pdf.SetCreator("Keel", true)
	pdf.SetProducer("Keel", true)
	pdf.SetSubject("Exercise handout", true)
	pdf.SetMargins(marginSide, marginTop, marginSide)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(0)

	r := &renderer{
		pdf:        pdf,
		h:          h,
		pageW:      size.Wd,
		pageH:      size.Ht,
		left:       marginSide,
		right:      size.Wd - marginSide,
		width:      size.Wd - 2*marginSide,
		bottom:     size.Ht - contentGapB,
		accent:     printableAccent(h.Accent),
		spaceWidth: map[float64]float64{},
	}
	r.tint = mix(r.accent, colWhite, 0.14)
	if t := fontsHeld; t != nil {
		r.faces = t.widths
	}
	if len(h.Logo) > 0 {
		pw, ph, err := logoSize(h.Logo)
		if err != nil {
			return nil, assessment.Internal("read the logo", err)
		}
		r.logoName = "logo"
		info := pdf.RegisterImageOptionsReader(r.logoName, gofpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(h.Logo))
		if info == nil || pdf.Error() != nil {
			return nil, assessment.Internal("read the logo", pdf.Error())
		}
		// Scale by area, not by the tighter side, so a tall or a very wide
		// logo stays as readable as a square one; the caps keep it in the
		// header.
		scale := math.Sqrt(logoArea / (float64(pw) * float64(ph)))
		scale = min(scale, logoMaxW/float64(pw), logoMaxH/float64(ph))
		r.logoW, r.logoH = float64(pw)*scale, float64(ph)*scale
	}
	if err := pdf.Error(); err != nil {
		return nil, assessment.Internal("load the handout fonts", err)
	}
	return r, nil
}

// newFontTemplate is the document fonts.go loads the fonts into once.
func newFontTemplate() fontDoc {
	return gofpdf.New("P", "mm", "A4", "")
}

func firstNonEmpty(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}

// printableAccent darkens a pale brand colour until it would print as a
// visible grey (relative luminance at most 0.55, H): a yellow accent would
// otherwise vanish on a black-and-white printer.
func printableAccent(c color.RGBA) color.RGBA {
	const maxLum = 0.55
	lum := (0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)) / 255
	if lum <= maxLum {
		return c
	}
	return mix(c, color.RGBA{A: 255}, maxLum/lum)
}

// mix returns a·k + b·(1−k).
func mix(a, b color.RGBA, k float64) color.RGBA {
	f := func(x, y uint8) uint8 { return uint8(float64(x)*k + float64(y)*(1-k) + 0.5) }
	return color.RGBA{R: f(a.R, b.R), G: f(a.G, b.G), B: f(a.B, b.B), A: 255}
}

func (r *renderer) text(c color.RGBA) { r.pdf.SetTextColor(int(c.R), int(c.G), int(c.B)) }
func (r *renderer) fill(c color.RGBA) { r.pdf.SetFillColor(int(c.R), int(c.G), int(c.B)) }
func (r *renderer) draw(c color.RGBA) { r.pdf.SetDrawColor(int(c.R), int(c.G), int(c.B)) }
func lineHeight(size float64) float64 { return size * ptToMM * leading }
func (r *renderer) font(bold bool, size float64) {
	r.fontBold, r.fontSize = bold, size
	style := ""
	if bold {
		style = "B"
	}
	r.pdf.SetFont(fontFamily, style, size)
}

// --- pages, header and footer ---------------------------------------------------

// newPage starts a page; pages after the first carry a slim running header
// so a loose sheet still says whose plan it is.
func (r *renderer) newPage() {
	r.pdf.AddPage()
	r.y = marginTop
	if r.pdf.PageNo() == 1 {
		return
	}
	r.font(true, sizeSmall)
	r.text(colMuted)
	lh := lineHeight(sizeSmall)
	left := r.fit(firstNonEmpty(r.h.Business, r.h.CoachName), r.width*0.5)
	r.cell(r.left, r.y, r.width*0.5, lh, left, "L")
	r.font(false, sizeSmall)
	right := r.fit(r.h.Title+" · "+r.h.ClientName, r.width*0.48)
	r.cell(r.left+r.width*0.52, r.y, r.width*0.48, lh, right, "R")
	r.y += lh + 1
	r.draw(r.accent)
	r.pdf.SetLineWidth(0.5)
	r.pdf.Line(r.left, r.y, r.right, r.y)
	r.y += 5
}

// footers prints "Page x of y", the client's name and the date at the
// foot of every page, once the pages are drawn and their number known.
func (r *renderer) footers() {
	n := r.pdf.PageCount()
	for i := 1; i <= n; i++ {
		r.pdf.SetPage(i)
		r.footer(i, n)
	}
}

// footer draws one page's footer. Every state it uses (line, font and
// colours) is set here, as the page's stream may end in any state.
func (r *renderer) footer(page, pages int) {
	y := r.pageH - footerGap - 3
	r.fill(colWhite)
	r.draw(colRule)
	r.pdf.SetLineWidth(0.2)
	r.pdf.Line(r.left, y, r.right, y)
	r.font(false, sizeTiny)
	r.text(colMuted)
	lh := lineHeight(sizeTiny)
	third := r.width / 3
	r.cell(r.left, y+1.5, third, lh, "Page "+strconv.Itoa(page)+" of "+strconv.Itoa(pages), "L")
	r.cell(r.left+third, y+1.5, third, lh, r.fit(r.h.ClientName, third-2), "C")
	r.cell(r.left+2*third, y+1.5, third, lh, r.fit(r.h.Date, third), "R")
}

// need starts a new page unless height h fits below the cursor.
func (r *renderer) need(h float64) {
	if r.pdf.PageNo() == 0 || r.y+h > r.bottom {
		r.newPage()
	}
}

// pageRoom is the height available on a fresh continuation page.
func (r *renderer) pageRoom() float64 {
	return r.bottom - marginTop - lineHeight(sizeSmall) - 6
}

func (r *renderer) cell(x, y, w, h float64, s, align string) {
	r.pdf.SetXY(x, y)
	r.pdf.CellFormat(w, h, s, "", 0, align, false, 0, "")
}

// --- measuring and wrapping -----------------------------------------------------

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

// --- flowing text --------------------------------------------------------------

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

// heading draws a section heading kept with at least `with` mm of what
// follows it.
func (r *renderer) heading(text string, with float64) {
	r.font(true, sizeHeading)
	lines := r.wrap(text, r.width)
	lh := lineHeight(sizeHeading)
	r.need(float64(len(lines))*lh + 2.5 + with)
	if r.y > marginTop+12 {
		r.y += 3
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
	r.y += 2.5
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

// --- boxes -------------------------------------------------------------------------

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

// --- tables ---------------------------------------------------------------------------

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
}

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
	for i, c := range cells {
		var ch float64
		all[i], ch = r.cellLines(c, widths[i])
		h = max(h, ch)
	}
	return all, h
}

// drawRow draws one row at the cursor.
func (r *renderer) drawRow(cells []tcell, lines [][]drawLine, widths []float64, h float64, header bool) {
	x := r.left
	for i, c := range cells {
		w := widths[i]
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
		rows[i].lines, rows[i].h = r.rowHeight(row, t.widths, t.minRow)
	}
	first := hh
	if len(rows) > 0 {
		first += rows[0].h
	}
	r.need(first)
	r.drawRow(t.header, hl, t.widths, hh, true)
	for i, row := range rows {
		if r.y+row.h > r.bottom {
			r.newPage()
			if t.title != "" {
				r.para(t.title+" (continued)", sizeSmall, true, 0, colMuted)
				r.y += 1
			}
			r.drawRow(t.header, hl, t.widths, hh, true)
		}
		r.drawRow(t.rows[i], row.lines, t.widths, row.h, false)
	}
	r.y += 3
}

// --- the pages ---------------------------------------------------------------------------

// brand draws the first page's header: logo, business, coach and contact.
func (r *renderer) brand() {
	r.newPage()
	x := r.left
	top := r.y
	h := 0.0
	if r.logoName != "" {
		r.pdf.ImageOptions(r.logoName, x, top, r.logoW, r.logoH, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
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

	if s.Goals != "" || len(s.Activities) > 0 {
		r.heading(w.Matters, 2*body)
		if s.Goals != "" {
			r.para(s.Goals, sizeBody, true, 0, colInk)
			r.y += 1.5
		}
		if len(s.Activities) > 0 {
			r.need(3 * body)
			r.para(w.Activities, sizeBody, true, 0, colInk)
			r.bullets(s.Activities, sizeBody)
		}
	}
	if len(s.Focus) > 0 {
		// A numbered list is never broken: with its heading it moves whole
		// to the next page when it fits one; a longer one keeps each item
		// with its reason.
		total := 0.0
		for _, f := range s.Focus {
			r.font(false, sizeBody)
			total += body*float64(1+len(r.wrap(f.Reason, r.width-5))) + 2.5
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
			title := f.Title
			if title == "" {
				title = "…"
			}
			r.font(false, sizeBody)
			r.need(body*float64(1+len(r.wrap(f.Reason, r.width-5))) + 2)
			r.list([]string{title}, sizeBody, true, fmt.Sprintf("%d.", i+1))
			if f.Reason != "" {
				r.y -= 1
				r.para(f.Reason, sizeBody, false, 5, colInk)
				r.y += 1.5
			}
		}
	}

	r.y += 2
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
	st := boxStyle{border: r.accent, lineWidth: 0.6}
	if h := r.boxHeight(st, lines) - 3; h <= r.pageRoom() {
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

func (r *renderer) progress() {
	p := r.h.Progress
	r.newPage()
	r.bookmark(r.h.Words.ProgressHead, 0)
	r.heading(r.h.Words.ProgressHead, 0)
	r.para(fmt.Sprintf(r.h.Words.ProgressIntro, p.BaselineDate, p.NowDate), sizeBody, false, 0, colMuted)
	r.y += 2
	if len(p.Rows) > 0 {
		widths := []float64{r.width * 0.38, r.width * 0.17, r.width * 0.17, r.width * 0.28}
		header := []tcell{
			{spans: []span{{text: "What we measured", bold: true}}},
			{spans: []span{{text: "First", bold: true}, {text: p.BaselineDate, size: sizeTiny, muted: true}}},
			{spans: []span{{text: "Now", bold: true}, {text: p.NowDate, size: sizeTiny, muted: true}}},
			{spans: []span{{text: "Change", bold: true}}},
		}
		t := table{title: r.h.Words.ProgressHead, widths: widths, header: header}
		for _, row := range p.Rows {
			t.rows = append(t.rows, []tcell{
				{spans: []span{{text: row.Measure}}},
				{spans: []span{{text: row.Baseline}}},
				{spans: []span{{text: row.Now}}},
				{spans: []span{{text: row.Change, bold: row.Meaningful}}},
			})
		}
		r.drawTable(t)
	}
	for _, n := range p.Notes {
		r.para(n, sizeSmall, false, 0, colMuted)
		r.y += 1
	}
	if len(p.Charts) == 0 {
		return
	}
	r.y += 3
	r.need(lineHeight(sizeHeading) + 4 + p.Charts[0].Height)
	r.heading(r.h.Words.OverTime, 0)
	for i := 0; i < len(p.Charts); i += 2 {
		h := p.Charts[i].Height
		if i+1 < len(p.Charts) {
			h = max(h, p.Charts[i+1].Height)
		}
		r.need(h)
		r.chart(p.Charts[i], r.left, r.y)
		if i+1 < len(p.Charts) {
			r.chart(p.Charts[i+1], r.right-p.Charts[i+1].Width, r.y)
		}
		r.y += h + 5
	}
}

// Chart inks on paper: light grid and muted labels, so the series stand
// out on a black-and-white printer too.
var (
	colChartGrid = color.RGBA{R: 222, G: 222, B: 222, A: 255}
	colChartAxis = color.RGBA{R: 140, G: 140, B: 140, A: 255}
)

func (r *renderer) ink(m Mark) color.RGBA {
	switch m.Ink {
	case InkMuted:
		return colMuted
	case InkGrid:
		return colChartGrid
	case InkAxis:
		return colChartAxis
	case InkSeries:
		return SeriesColor(m.Series)
	}
	return colInk
}

// chart is the PDF painter of a chart laid out by LayoutChart (chart.go):
// it draws the marks in order, at (x, y), in millimetres. The Fyne painter
// (ui/chart.go) draws the same marks on screen.
func (r *renderer) chart(c *Chart, x, y float64) {
	for _, m := range c.Marks {
		col := r.ink(m)
		switch m.Kind {
		case MarkLine:
			r.draw(col)
			r.pdf.SetLineWidth(m.Stroke)
			r.pdf.SetLineCapStyle("round")
			r.pdf.SetDashPattern(m.Dash, 0)
			r.pdf.Line(x+m.X1, y+m.Y1, x+m.X2, y+m.Y2)
			r.pdf.SetDashPattern(nil, 0)
		case MarkCircle:
			r.draw(col)
			r.pdf.SetLineWidth(m.Stroke)
			if m.Filled {
				r.fill(col)
			} else {
				r.fill(colWhite)
			}
			r.pdf.Circle(x+m.X1, y+m.Y1, m.R, "FD")
		case MarkText:
			size := m.Size / ptToMM
			r.font(m.Bold, size)
			r.text(col)
			tx := x + m.X1
			switch w := r.strWidth(m.Text); m.Align {
			case AlignCenter:
				tx -= w / 2
			case AlignRight:
				tx -= w
			}
			// Y1 is the middle of the text; the baseline sits about a third
			// of the size below it for Noto Sans.
			r.pdf.Text(tx, y+m.Y1+m.Size*0.36, m.Text)
		}
	}
	r.pdf.SetLineCapStyle("butt")
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

// --- figures --------------------------------------------------------------------

// colFigureTint fills props (bench, box, roller) lightly, so they read as
// things without competing with the body on a black-and-white print.
var colFigureTint = color.RGBA{R: 222, G: 222, B: 222, A: 255}

// drawFigure is the PDF painter of an exercise figure (report/figure): it
// draws pose as vectors into the box at (x, y), w by h millimetres, the
// body in ink and the working region and arrows in accent.
func drawFigure(pdf *gofpdf.Fpdf, x, y, w, h float64, pose figure.Pose, accent color.RGBA) {
	paintFigure(pdf, x, y, figure.Draw(pose, w, h), accent)
}

// drawFigures draws the poses of one exercise side by side at one scale,
// each in a w by h box, gap apart, starting at (x, y). It returns the
// width used.
func drawFigures(pdf *gofpdf.Fpdf, x, y, w, h, gap float64, poses []figure.Pose, accent color.RGBA) float64 {
	for i, prims := range figure.DrawSet(poses, w, h) {
		paintFigure(pdf, x+float64(i)*(w+gap), y, prims, accent)
	}
	if len(poses) == 0 {
		return 0
	}
	return float64(len(poses))*(w+gap) - gap
}

// drawExerciseFigure draws an exercise's figure (every pose, left to
// right, one scale) at (x, y), each pose in a w by h box, gap apart, and
// returns the width used; 0 when the exercise has no figure to draw.
// Built-in figures are laid out, and their operators written, once per run
// and reused.
func drawExerciseFigure(pdf *gofpdf.Fpdf, x, y, w, h, gap float64, e *assessment.Exercise, accent color.RGBA) float64 {
	var sets [][]figure.Prim
	if len(e.Figure) == 0 && !e.Custom {
		sets, _ = figure.DrawBuiltin(e.ID, w, h)
		k := pdf.GetConversionRatio()
		for i, prims := range sets {
			key := builtinOpsKey{e.ID, w, h, i, accent, k}
			ops, ok := builtinOps.Load(key)
			if !ok {
				ops, _ = builtinOps.LoadOrStore(key, figureOps(prims, accent, k))
			}
			paintOps(pdf, x+float64(i)*(w+gap), y, ops.([]byte))
		}
		if len(sets) == 0 {
			return 0
		}
		return float64(len(sets))*(w+gap) - gap
	} else if poses, _, err := FigureOf(e); err == nil {
		sets = figure.DrawSet(poses, w, h)
	}
	for i, prims := range sets {
		paintFigure(pdf, x+float64(i)*(w+gap), y, prims, accent)
	}
	if len(sets) == 0 {
		return 0
	}
	return float64(len(sets))*(w+gap) - gap
}

// paintFigure draws the primitives with their top left corner at (x, y).
func paintFigure(pdf *gofpdf.Fpdf, x, y float64, prims []figure.Prim, accent color.RGBA) {
	paintOps(pdf, x, y, figureOps(prims, accent, pdf.GetConversionRatio()))
}

// paintOps writes a figure's operators (figureOps, drawn about the origin)
// with the origin moved to (x, y) on the page.
func paintOps(pdf *gofpdf.Fpdf, x, y float64, ops []byte) {
	k := pdf.GetConversionRatio()
	_, pageH := pdf.GetPageSize()
	b := make([]byte, 0, len(ops)+48)
	b = append(b, "q 1 0 0 1 "...)
	b = strconv.AppendFloat(b, x*k, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (pageH-y)*k, 'f', 2, 64)
	b = append(b, " cm\n"...)
	b = append(b, ops...)
	b = append(b, "Q\n"...)
	pdf.RawWriteBuf(bytes.NewReader(b))
}

// builtinOps keeps the operators of every built-in figure drawn so far
// (they never change), by exercise, box, pose and accent colour: a
// handout draws the same figures on the fridge and the session pages, and
// the next handout draws them again.
var builtinOps sync.Map // builtinOpsKey -> []byte

type builtinOpsKey struct {
	id     string
	w, h   float64
	pose   int
	accent color.RGBA
	k      float64
}

// figureOps writes the primitives as PDF path operators about the origin
// (y up, in points), in one block with the graphics state saved and
// restored around it. gofpdf formats every operator through fmt, which
// made forty figure pairs cost tens of milliseconds; strconv into one
// buffer costs a fraction of that.
func figureOps(prims []figure.Prim, accent color.RGBA, k float64) []byte {
	b := make([]byte, 0, 64*len(prims))
	// Coordinates to a tenth of a point (0.035 mm): finer than print.
	num := func(v float64) {
		b = strconv.AppendFloat(b, v, 'f', 1, 64)
		b = append(b, ' ')
	}
	pt := func(p figure.Pt) {
		num(p.X * k)
		num(-p.Y * k)
	}
	rgb := func(c color.RGBA, op string) {
		for _, v := range []uint8{c.R, c.G, c.B} {
			b = strconv.AppendFloat(b, float64(v)/255, 'f', 3, 64)
			b = append(b, ' ')
		}
		b = append(b, op...)
	}
	b = append(b, "q 1 J 1 j\n"...)
	var fill, stroke color.RGBA
	width := -1.0
	for _, q := range prims {
		c := colInk
		switch q.Tone {
		case figure.Accent:
			c = accent
		case figure.Paper:
			c = colWhite
		case figure.Tint:
			c = colFigureTint
		}
		c.A = 255
		if len(q.Pts) == 0 {
			continue
		}
		switch q.Kind {
		case figure.Dot:
			if c != fill {
				rgb(c, "rg\n")
				fill = c
			}
			circlePath(&b, q.Pts[0], q.R, pt)
			b = append(b, "f\n"...)
		case figure.Fill:
			if c != fill {
				rgb(c, "rg\n")
				fill = c
			}
			polyPath(&b, q.Pts, pt)
			b = append(b, "h f\n"...)
		default:
			if c != stroke {
				rgb(c, "RG\n")
				stroke = c
			}
			if q.W != width {
				num(q.W * k)
				b = append(b, "w\n"...)
				width = q.W
			}
			pts := q.Pts
			if len(pts) == 1 {
				pts = []figure.Pt{pts[0], pts[0]}
			}
			polyPath(&b, pts, pt)
			if q.Closed {
				b = append(b, "h "...)
			}
			b = append(b, "S\n"...)
		}
	}
	b = append(b, "Q\n"...)
	return b
}

func polyPath(b *[]byte, pts []figure.Pt, pt func(figure.Pt)) {
	for i, p := range pts {
		pt(p)
		if i == 0 {
			*b = append(*b, "m "...)
		} else {
			*b = append(*b, "l "...)
		}
	}
}

// circlePath is a circle as four Bézier arcs.
func circlePath(b *[]byte, c figure.Pt, r float64, pt func(figure.Pt)) {
	const m = 0.5523 // control-point distance for a quarter circle
	pt(figure.Pt{X: c.X + r, Y: c.Y})
	*b = append(*b, "m "...)
	quads := [4][3]figure.Pt{
		{{X: c.X + r, Y: c.Y + m*r}, {X: c.X + m*r, Y: c.Y + r}, {X: c.X, Y: c.Y + r}},
		{{X: c.X - m*r, Y: c.Y + r}, {X: c.X - r, Y: c.Y + m*r}, {X: c.X - r, Y: c.Y}},
		{{X: c.X - r, Y: c.Y - m*r}, {X: c.X - m*r, Y: c.Y - r}, {X: c.X, Y: c.Y - r}},
		{{X: c.X + m*r, Y: c.Y - r}, {X: c.X + r, Y: c.Y - m*r}, {X: c.X + r, Y: c.Y}},
	}
	for _, q := range quads {
		pt(q[0])
		pt(q[1])
		pt(q[2])
		*b = append(*b, "c "...)
	}
}

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
