package report

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// TestLogoReadableAnyShape: a tall, a square and a very wide logo all keep
// a readable size in the header (H: at least 12 mm on the short side or
// 300 mm² of area), and none leaves the header's box.
func TestLogoReadableAnyShape(t *testing.T) {
	for _, tt := range []struct {
		name string
		w, h int
	}{{"Tall", 200, 400}, {"Square", 300, 300}, {"Wide", 900, 150}, {"Banner", 1200, 100}} {
		t.Run(tt.name, func(t *testing.T) {
			img := image.NewRGBA(image.Rect(0, 0, tt.w, tt.h))
			for i := range img.Pix {
				img.Pix[i] = 0x80
			}
			img.Set(0, 0, color.Black)
			var buf bytes.Buffer
			if err := png.Encode(&buf, img); err != nil {
				t.Fatal(err)
			}
			logo, perr := prepareLogo(buf.Bytes())
			if perr != nil {
				t.Fatal(perr)
			}
			r, err := newRenderer(&Handout{Title: "t", ClientName: "c", Paper: PaperA4, Logo: logo}, RenderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if r.logoW > logoMaxW+1e-9 || r.logoH > logoMaxH+1e-9 {
				t.Errorf("logo %.1f × %.1f mm leaves the header box %.0f × %.0f", r.logoW, r.logoH, logoMaxW, logoMaxH)
			}
			if min(r.logoW, r.logoH) < 12 && r.logoW*r.logoH < 300 {
				t.Errorf("logo %.1f × %.1f mm: too small to read", r.logoW, r.logoH)
			}
		})
	}
}

// TestBodyTypeSizes pins the layout rule: body text at least 10.5 pt, text
// in cards and tables at least 10 pt.
func TestBodyTypeSizes(t *testing.T) {
	if sizeBody < 10.5 || sizeCard < 10 {
		t.Errorf("body %.1f pt, cards %.1f pt; want at least 10.5 and 10", sizeBody, sizeCard)
	}
}
