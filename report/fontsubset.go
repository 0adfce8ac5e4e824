package report

import (
	"bytes"
	"compress/zlib"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"sync"
)

// Smaller fonts for the handouts that need only Latin letters.
//
// At the end of every document gofpdf rebuilds each font subset from the
// whole font file it was given: it reads the file's character map, widths
// and glyph index for every glyph (Noto Sans has a few thousand: Latin,
// Greek, Cyrillic) to keep the few hundred the handout used. Most of that
// work follows the size of the file, not of the handout. So once per
// process, gofpdf itself cuts each face down to the characters of the
// Latin scripts and the punctuation a handout uses (subsetRanges; about
// 80 KB instead of 455 KB), and a handout whose every character is among
// them is written with those. Any other handout (a name in Greek or
// Cyrillic, say) gets the whole fonts, as before. The widths are checked
// to be the same as the whole font's, glyph by glyph, so a handout lays out
// the same with either; TestSubsetFonts holds the text and the widths to
// the whole fonts'.

// subsetRanges are the characters the smaller fonts keep: Basic Latin,
// Latin-1, Latin Extended-A and -B, combining accents, Latin Extended
// Additional (Vietnamese, Welsh), general punctuation (dashes, quotes,
// bullets, the ellipsis), super- and subscripts, the euro, ™, arrows,
// minus and ≤ ≥.
var subsetRanges = [][2]rune{
	{0x20, 0x7E}, {0xA0, 0x24F}, {0x300, 0x36F}, {0x1E00, 0x1EFF},
	{0x2010, 0x203A}, {0x2070, 0x209F}, {0x20AC, 0x20AC}, {0x2122, 0x2122},
	{0x2190, 0x2199}, {0x2212, 0x2212}, {0x2264, 0x2265},
}

// inSubset reports whether the smaller fonts hold r (control characters,
// which are never drawn, count as held).
func inSubset(r rune) bool {
	if r < 0x20 {
		return true
	}
	for _, g := range subsetRanges {
		if r >= g[0] && r <= g[1] {
			return true
		}
	}
	return false
}

// subsetDoc is what cutting a font needs of a *gofpdf.Fpdf.
type subsetDoc interface {
	fontDoc
	AddPage()
	SetFont(familyStr, styleStr string, size float64)
	Text(x, y float64, txtStr string)
	Output(w io.Writer) error
}

var (
	subsetOnce sync.Once
	subsetHeld *fontTemplate
)

// loadedSubset returns the template of the smaller fonts, made once with
// newDoc; nil when they cannot be made or differ from the whole fonts in
// any width.
func loadedSubset(newDoc func() fontDoc) *fontTemplate {
	subsetOnce.Do(func() { subsetHeld = loadSubset(newDoc) })
	return subsetHeld
}

func loadSubset(newDoc func() fontDoc) *fontTemplate {
	full := loadedFonts(newDoc)
	if full == nil {
		return nil
	}
	faces := make([][]byte, len(fontFaces))
	for i, f := range fontFaces {
		fw := full.widths[f.style]
		if fw == nil {
			return nil
		}
		b, ok := cutFont(newDoc, f.style, *f.data, fw)
		if !ok {
			return nil
		}
		faces[i] = b
	}
	t := loadTemplateFrom(newDoc(), faces)
	if t == nil {
		return nil
	}
	for _, f := range fontFaces {
		a, b := full.widths[f.style], t.widths[f.style]
		if b == nil || b.missing != a.missing {
			return nil
		}
		for _, g := range subsetRanges {
			for r := g[0]; r <= g[1]; r++ {
				if a.width(string(r)) != b.width(string(r)) {
					return nil
				}
			}
		}
	}
	return t
}

// fontFileStream finds the embedded font file in a PDF gofpdf wrote.
var fontFileStream = regexp.MustCompile(`<</Length (\d+)\n/Filter /FlateDecode\n/Length1 (\d+)\n>>\nstream\n`)

// cutFont has gofpdf write a document with one face and every character of
// subsetRanges the face has, and returns the font subset it embedded: a
// TrueType file of those characters only.
func cutFont(newDoc func() fontDoc, style string, data []byte, fw *faceWidths) ([]byte, bool) {
	d, ok := newDoc().(subsetDoc)
	if !ok {
		return nil, false
	}
	d.AddUTF8FontFromBytes(fontFamily, style, data)
	d.AddPage()
	d.SetFont(fontFamily, style, 10)
	var line []rune
	y := 10.0
	flush := func() {
		if len(line) > 0 {
			d.Text(10, y, string(line))
			line, y = line[:0], y+4
		}
	}
	for _, g := range subsetRanges {
		for r := g[0]; r <= g[1]; r++ {
			if int(r) < len(fw.cw) && fw.cw[r] > 0 {
				line = append(line, r)
				if len(line) == 80 {
					flush()
				}
			}
		}
	}
	flush()
	var buf bytes.Buffer
	if d.Output(&buf) != nil {
		return nil, false
	}
	m := fontFileStream.FindSubmatchIndex(buf.Bytes())
	if m == nil || fontFileStream.FindIndex(buf.Bytes()[m[1]:]) != nil {
		return nil, false // none, or more than the one face
	}
	n, err := strconv.Atoi(string(buf.Bytes()[m[2]:m[3]]))
	if err != nil || m[1]+n > buf.Len() {
		return nil, false
	}
	zr, err := zlib.NewReader(bytes.NewReader(buf.Bytes()[m[1] : m[1]+n]))
	if err != nil {
		return nil, false
	}
	out, err := io.ReadAll(zr)
	if err != nil || len(out) == 0 {
		return nil, false
	}
	return out, true
}

// fitsSubset reports whether every character of every string in v (a
// handout and what it points to) is one the smaller fonts hold.
func fitsSubset(v reflect.Value) bool {
	seen := map[uintptr]bool{}
	var walk func(v reflect.Value) bool
	walk = func(v reflect.Value) bool {
		switch v.Kind() {
		case reflect.String:
			for _, r := range v.String() {
				if !inSubset(r) {
					return false
				}
			}
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return true
			}
			seen[v.Pointer()] = true
			return walk(v.Elem())
		case reflect.Interface:
			return v.IsNil() || walk(v.Elem())
		case reflect.Struct:
			for i := range v.NumField() {
				if !walk(v.Field(i)) {
					return false
				}
			}
		case reflect.Slice, reflect.Array:
			if v.Type().Elem().Kind() == reflect.Uint8 {
				return true // bytes (a logo), not text
			}
			for i := range v.Len() {
				if !walk(v.Index(i)) {
					return false
				}
			}
		case reflect.Map:
			it := v.MapRange()
			for it.Next() {
				if !walk(it.Key()) || !walk(it.Value()) {
					return false
				}
			}
		}
		return true
	}
	return walk(v)
}
