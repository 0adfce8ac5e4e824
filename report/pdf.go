package report

import (
	"bytes"
	"image/color"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

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
	// wholeFonts embeds subsets of the whole fonts even when the smaller
	// Latin ones would do: for documents whose text is not all in the
	// Handout (the library sheet).
	wholeFonts bool
}

// Page geometry and type sizes, in millimetres and points. The margins are
// wider than most printers' unprintable border (about 5 mm), so nothing is
// clipped on a cheap printer (H).
const (
	marginSide   = 13.0
	marginTop    = 11.0
	footerGap    = 9.0  // footer baseline area height above the page edge
	contentGapB  = 14.5 // content stops this far above the page edge
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
		r.coaching()
		r.frontSheets()
		r.explainFirst()
		// The later phases follow the first pages' overview when they fit
		// the page it ends on, unless they would push the tracking sheet
		// off it: the sheet she fills in after every session comes first,
		// and what comes after this phase can follow the last session.
		if !r.laterDone && len(h.Later) > 0 && r.y+r.laterHeight() <= r.bottom &&
			(r.trackingFitsFrom(r.y+r.laterHeight()) || !r.trackingFitsFrom(r.y)) {
			r.later()
		}
		// The tracking sheet follows the overview when it fits whole in
		// what is left of its page; otherwise it follows the sessions.
		r.tracking(true)
		for i := range h.Parts {
			r.part(&h.Parts[i])
		}
		if !r.laterDone {
			r.later()
		}
		r.tracking(false)
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
	releaseFonts(r.pdf, r.fontTpl)
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
	// trackingDone is set once the tracking sheet is drawn.
	trackingDone bool
	// stopPage is the page that gives the stop rule in full (the box
	// "Coaching, not medical advice"); session pages point to it.
	stopPage int
	// ops is the buffer drawRow writes a row's operators into.
	ops []byte
	// rowPad, when set, is the space above and below table text.
	rowPad float64
	// fontBold and fontSize are the font last set through font(); wraps
	// keeps every wrap() answer (the wrapped text is read, never changed).
	fontBold bool
	fontSize float64
	wraps    map[wrapKey][]string
	faces    map[string]*faceWidths // by style: the template fonts' widths
	fontTpl  *fontTemplate          // the template the document's fonts came from
	// reminded is the last page that reminded her of the stop rule.
	reminded int
	// sheetsPage is the page frontSheets started for the key, the later
	// phases and the tracking sheet together: the sheet goes on it however
	// little of it the key uses
	sheetsPage int
	// session is the heading of the session being drawn: a page its
	// cards run on to names it again, so a loose page says which day
	inSession string
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
	// Fonts parsed once per process (fonts.go); the smaller Latin ones
	// when every character of the handout is among theirs (fontsubset.go).
	tpl := loadedFonts(newFontTemplate)
	if !opt.wholeFonts && fitsSubset(reflect.ValueOf(h)) {
		if sub := loadedSubset(newFontTemplate); sub != nil {
			tpl = sub
		}
	}
	tpl = addFontsFrom(pdf, tpl)
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
	r.fontTpl = tpl
	if t := fontsHeld; t != nil {
		r.faces = t.widths // the same as the smaller fonts' for their characters
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

// newPage starts a page. A loose sheet still says whose plan it is and
// from whom: the footer names both (a running header would take a line
// from every page's exercises).
func (r *renderer) newPage() {
	r.pdf.AddPage()
	r.y = marginTop
}

// footers prints "Page x of y", whose plan it is and the coach's business
// with the date at the foot of every page, once the pages are drawn and
// their number known.
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
	side, mid := r.width*0.2, r.width*0.4
	r.cell(r.left, y+1.5, side, lh, "Page "+strconv.Itoa(page)+" of "+strconv.Itoa(pages), "L")
	who := r.h.ClientName
	if r.h.Title != "" {
		who = r.h.Title + " · " + who
	}
	r.cell(r.left+side, y+1.5, mid, lh, r.fit(who, mid-2), "C")
	from := joinDot(firstNonEmpty(r.h.Business, r.h.CoachName), r.h.Date)
	r.cell(r.left+side+mid, y+1.5, mid, lh, r.fit(from, mid), "R")
}

// need starts a new page unless height h fits below the cursor.
func (r *renderer) need(h float64) {
	if r.pdf.PageNo() == 0 || r.y+h > r.bottom {
		r.newPage()
	}
}

// pageRoom is the height available on a fresh continuation page.
func (r *renderer) pageRoom() float64 {
	return r.bottom - marginTop
}

func (r *renderer) cell(x, y, w, h float64, s, align string) {
	r.pdf.SetXY(x, y)
	r.pdf.CellFormat(w, h, s, "", 0, align, false, 0, "")
}

// rawOps writes PDF operators into the page as they are.
func (r *renderer) rawOps(b []byte) { r.pdf.RawWriteBuf(bytes.NewReader(b)) }

// pngImage draws a registered PNG image at (x, y), w by h.
func (r *renderer) pngImage(name string, x, y, w, h float64) {
	r.pdf.ImageOptions(name, x, y, w, h, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
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
