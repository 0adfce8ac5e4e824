package report

import (
	"bytes"
	"reflect"
	"strings"
	"sync"
	"unsafe"

	"github.com/keel-coach/keel/assets"
)

// Handout fonts, parsed, measured and named once per process.
//
// gofpdf's AddUTF8FontFromBytes parses the whole TrueType file (two Noto
// Sans faces of 455 KB each) and names the font by JSON-encoding its
// 65,536-entry width table and hashing it: about 45% of a handout's time
// when done per handout (docs/PERFORMANCE.md). gofpdf has no public way to
// share a loaded font between documents, so addFonts loads the faces once
// into a template document and copies its font definitions into each new
// document. What the copy shares is only ever read (widths, metrics, the
// name); what a document changes while it is written (the set of
// characters used, the subsetting state of the font file and the file's
// bytes, which subsetting pads in place) is made fresh for each document.
//
// fonts.go works on gofpdf documents through fontDoc and reflection, so
// pdf.go stays the only file that imports gofpdf.
//
// The copy reaches into gofpdf's unexported fields, so it checks their
// shape first: with any other gofpdf (a version whose fields differ),
// addFonts falls back to loading the fonts per document, as before.
// TestFontsShared and TestFontsConcurrent (report/fonts_test.go) hold it
// to the same PDF text as the plain load and run it under the race
// detector.

// fontFaces are the handout's faces: the family's regular and bold style.
var fontFaces = []struct {
	style string
	data  *[]byte
}{
	{"", &assets.FontRegular},
	{"B", &assets.FontBold},
}

// fontDoc is what fonts.go needs of a *gofpdf.Fpdf.
type fontDoc interface {
	AddUTF8FontFromBytes(familyStr, styleStr string, utf8Bytes []byte)
	Error() error
}

var (
	fontsOnce sync.Once
	fontsHeld *fontTemplate
)

// loadedFonts returns the font definitions of a template document (made by
// newDoc, with its page-count alias set as newRenderer sets it, so every
// subset starts with the same characters), keyed as gofpdf keys them
// ("noto", "notoB"); nil when they cannot be shared.
func loadedFonts(newDoc func() fontDoc) *fontTemplate {
	fontsOnce.Do(func() { fontsHeld = loadTemplate(newDoc()) })
	return fontsHeld
}

func loadTemplate(pdf fontDoc) *fontTemplate {
	faces := make([][]byte, len(fontFaces))
	for i, f := range fontFaces {
		faces[i] = *f.data
	}
	return loadTemplateFrom(pdf, faces)
}

// loadTemplateFrom loads font files (one per fontFaces entry, in order)
// into pdf and returns its font definitions, to share.
func loadTemplateFrom(pdf fontDoc, faces [][]byte) *fontTemplate {
	for i, f := range fontFaces {
		pdf.AddUTF8FontFromBytes(fontFamily, f.style, faces[i])
	}
	if pdf.Error() != nil {
		return nil
	}
	fonts, ok := fontsMap(pdf)
	if !ok || fonts.Len() != len(fontFaces) {
		return nil
	}
	t := &fontTemplate{}
	iter := fonts.MapRange()
	for iter.Next() {
		def := iter.Value()
		if !shareable(def) {
			return nil
		}
		t.keys = append(t.keys, iter.Key())
		t.defs = append(t.defs, def)
	}
	t.spare = make([]sync.Pool, len(t.defs))
	t.widths = map[string]*faceWidths{}
	for i, key := range t.keys {
		cw, ok1 := t.defs[i].FieldByName("Cw").Interface().([]int)
		desc := t.defs[i].FieldByName("Desc")
		if !ok1 || !desc.IsValid() || desc.FieldByName("MissingWidth").Kind() != reflect.Int {
			continue
		}
		style := strings.TrimPrefix(key.String(), fontFamily)
		t.widths[style] = &faceWidths{cw: cw, missing: int(desc.FieldByName("MissingWidth").Int())}
	}
	return t
}

type fontTemplate struct {
	keys []reflect.Value
	defs []reflect.Value
	// widths are each face's glyph widths, for measuring text without
	// selecting the font in a document (faceWidths); by style ("", "B").
	widths map[string]*faceWidths
	// spare holds, per face, copies of the font file's bytes that a
	// finished document gave back unchanged (releaseFonts): the next
	// document takes one instead of copying 455 KB again.
	spare []sync.Pool
}

// faceWidths are one face's glyph widths in thousandths of the type size,
// by rune, as gofpdf measures them.
type faceWidths struct {
	cw      []int
	missing int
}

// width is s's width in thousandths of the type size, the way gofpdf's
// GetStringSymbolWidth counts it.
func (f *faceWidths) width(s string) int {
	w := 0
	for _, c := range s {
		switch i := int(c); {
		case i < len(f.cw) && f.cw[i] > 0:
			if f.cw[i] != 65535 {
				w += f.cw[i]
			}
		case f.missing != 0:
			w += f.missing
		default:
			w += 500
		}
	}
	return w
}

// addFonts gives pdf the handout's fonts: copies of the template's (the
// first call makes the template with newDoc) when they can be shared, else
// loaded from the embedded files.
func addFonts(pdf fontDoc, newDoc func() fontDoc) *fontTemplate {
	return addFontsFrom(pdf, loadedFonts(newDoc))
}

// addFontsFrom gives pdf copies of t's fonts, or loads the embedded files
// when t is nil or the fonts cannot be shared. It returns the template the
// copies came from (nil when loaded), for releaseFonts.
func addFontsFrom(pdf fontDoc, t *fontTemplate) *fontTemplate {
	fonts, ok := fontsMap(pdf)
	if t == nil || !ok {
		for _, f := range fontFaces {
			pdf.AddUTF8FontFromBytes(fontFamily, f.style, *f.data)
		}
		return nil
	}
	for i, key := range t.keys {
		fonts.SetMapIndex(key, freshCopy(t.defs[i], &t.spare[i]))
	}
	return t
}

// releaseFonts gives back the font-file bytes of a document that is
// written and will not be used again, for the next document to reuse.
// Subsetting pads tables in place, so only bytes still equal to the
// template's are kept: a copy that was changed is left to the collector.
func releaseFonts(pdf fontDoc, t *fontTemplate) {
	fonts, ok := fontsMap(pdf)
	if t == nil || !ok {
		return
	}
	for i, key := range t.keys {
		def := fonts.MapIndex(key)
		if !def.IsValid() {
			continue
		}
		data := fileBytes(def)
		orig := fileBytes(t.defs[i])
		if len(data) == len(orig) && &data[0] != &orig[0] && bytes.Equal(data, orig) {
			t.spare[i].Put(&data)
		}
	}
}

// fileBytes is the bytes a font definition's file reader reads.
func fileBytes(def reflect.Value) []byte {
	return def.FieldByName("utf8File").Elem().FieldByName("fileReader").Elem().FieldByName("array").Bytes()
}

// fontsMap is pdf's font table (Fpdf.fonts, map[string]fontDefType), made
// writable.
func fontsMap(pdf fontDoc) (reflect.Value, bool) {
	v := reflect.ValueOf(pdf)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	f := v.Elem().FieldByName("fonts")
	if !f.IsValid() || f.Kind() != reflect.Map || f.Type().Key().Kind() != reflect.String || f.Type().Elem().Kind() != reflect.Struct {
		return reflect.Value{}, false
	}
	f = writable(f)
	if f.IsNil() {
		f.Set(reflect.MakeMap(f.Type()))
	}
	return f, true
}

// shareable checks that a font definition has the fields freshCopy
// renews, of the expected kinds.
func shareable(def reflect.Value) bool {
	runes := def.FieldByName("usedRunes")
	file := def.FieldByName("utf8File")
	if !runes.IsValid() || runes.Kind() != reflect.Map || runes.Type().Key().Kind() != reflect.Int || runes.Type().Elem().Kind() != reflect.Int {
		return false
	}
	if !file.IsValid() || file.Kind() != reflect.Pointer || file.IsNil() || file.Elem().Kind() != reflect.Struct {
		return false
	}
	reader := file.Elem().FieldByName("fileReader")
	if !reader.IsValid() || reader.Kind() != reflect.Pointer || reader.IsNil() || reader.Elem().Kind() != reflect.Struct {
		return false
	}
	pos := reader.Elem().FieldByName("readerPosition")
	data := reader.Elem().FieldByName("array")
	return pos.IsValid() && pos.Kind() == reflect.Int64 &&
		data.IsValid() && data.Kind() == reflect.Slice && data.Type().Elem().Kind() == reflect.Uint8
}

// freshCopy copies a template font definition for one document: the
// widths, metrics, name and font bytes are shared; the used-character set,
// the font-file state that subsetting rewrites, its reader and the bytes
// it reads are new.
func freshCopy(def reflect.Value, spare *sync.Pool) reflect.Value {
	c := reflect.New(def.Type()).Elem()
	writable(c).Set(def)

	runes := writable(c.FieldByName("usedRunes"))
	fresh := reflect.MakeMapWithSize(runes.Type(), runes.Len())
	iter := runes.MapRange() // still the template's
	for iter.Next() {
		fresh.SetMapIndex(iter.Key(), iter.Value())
	}
	runes.Set(fresh)

	file := writable(c.FieldByName("utf8File"))
	fileCopy := reflect.New(file.Type().Elem())
	writable(fileCopy.Elem()).Set(file.Elem())
	reader := writable(fileCopy.Elem().FieldByName("fileReader"))
	readerCopy := reflect.New(reader.Type().Elem())
	writable(readerCopy.Elem()).Set(reader.Elem())
	writable(readerCopy.Elem().FieldByName("readerPosition")).SetInt(0)
	// Subsetting pads tables by appending to slices of the font file, so it
	// writes into the file's bytes: each document gets its own copy
	// (gofpdf did the same to the one embedded array in every document
	// before, a data race when two handouts are written at once).
	data := writable(readerCopy.Elem().FieldByName("array"))
	if b, ok := spare.Get().(*[]byte); ok {
		data.SetBytes(*b)
	} else {
		data.SetBytes(bytes.Clone(data.Bytes()))
	}
	reader.Set(readerCopy)
	file.Set(fileCopy)
	return c
}

// writable returns v (addressable) as a value that may be set even when it
// was reached through unexported fields.
func writable(v reflect.Value) reflect.Value {
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}
