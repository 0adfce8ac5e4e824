package report

import (
	"bytes"
	"io"
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
