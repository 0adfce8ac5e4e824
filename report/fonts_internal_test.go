package report

import (
	"bytes"
	"io"
	"math"
	"testing"
	"time"
)

// A document given the shared fonts writes the same PDF, byte for byte,
// as one that loads them itself: same font names, widths and subsets.
func TestFontsShared(t *testing.T) {
	type doc interface {
		fontDoc
		AddPage()
		SetFont(familyStr, styleStr string, size float64)
		Text(x, y float64, txtStr string)
		GetStringWidth(s string) float64
		SetCompression(compress bool)
		SetCatalogSort(flag bool)
		SetCreationDate(tm time.Time)
		SetModificationDate(tm time.Time)
		Output(w io.Writer) error
	}
	if loadedFonts(newFontTemplate) == nil {
		t.Fatal("the fonts cannot be shared with this gofpdf: every handout loads them again")
	}
	write := func(shared bool, extra string) ([]byte, float64) {
		d := newFontTemplate().(doc)
		if shared {
			addFonts(d, newFontTemplate)
		} else {
			for _, f := range fontFaces {
				d.AddUTF8FontFromBytes(fontFamily, f.style, *f.data)
			}
		}
		d.SetCompression(false)
		d.SetCatalogSort(true) // fonts in a fixed order
		d.SetCreationDate(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
		d.SetModificationDate(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
		d.AddPage()
		d.SetFont(fontFamily, "", 11)
		d.Text(20, 20, "Zoë Ólafsdóttir-Łukasiewicz, Nguyễn Thị Hồng: 12 weeks")
		w := d.GetStringWidth("Bird dog, 3 × 8 each side")
		d.SetFont(fontFamily, "B", 14)
		d.Text(20, 40, "Ḥasan — week 1")
		if extra != "" {
			d.Text(20, 60, extra)
		}
		var buf bytes.Buffer
		if err := d.Output(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes(), w
	}
	plain, plainW := write(false, "")
	// Characters the others do not use, so a copy that kept the last
	// document's characters would show it.
	write(true, "ÆØÅ ĳ þ Ŧ ẞ")
	for i := range 3 {
		shared, sharedW := write(true, "")
		if !bytes.Equal(shared, plain) || sharedW != plainW {
			t.Fatalf("document %d with shared fonts differs from one loading them (%d bytes against %d, width %v against %v)",
				i+1, len(shared), len(plain), sharedW, plainW)
		}
	}
}

// TestFaceWidths: the handout measures text with the template fonts'
// width tables (measure, strWidth) instead of selecting the font in the
// document; the width must be gofpdf's own, to the last thousandth, for
// both faces, at every size, for accented and missing characters alike.
func TestFaceWidths(t *testing.T) {
	r, err := newRenderer(&Handout{}, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r.faces == nil || r.faces[""] == nil || r.faces["B"] == nil {
		t.Fatal("no width tables: every measurement selects the font in the document")
	}
	for _, s := range []string{"", "Bird dog, 3 × 8 each side", "Zoë Ólafsdóttir-Łukasiewicz", "Nguyễn Thị Hồng — Ḥasan", "…", "😀 日本", "tab\there"} {
		for _, bold := range []bool{false, true} {
			for _, size := range []float64{8, 10, 10.5, 14, 21} {
				r.measure(bold, size)
				got := r.strWidth(s)
				style := ""
				if bold {
					style = "B"
				}
				r.pdf.SetFont(fontFamily, style, size)
				if want := r.pdf.GetStringWidth(s); math.Abs(got-want) > 1e-9 {
					t.Errorf("%q bold=%v %.1f pt: %.4f mm, gofpdf says %.4f", s, bold, size, got, want)
				}
			}
		}
	}
}
