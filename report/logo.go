package report

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // the coach's logo may be a JPEG
	"image/png"
	"sync"

	"github.com/keel-coach/keel/assessment"
)

// logoMaxSide is the longest side, in pixels, of the logo embedded in the
// handout. The header prints it at most 40 mm wide, so 480 px gives about
// 300 dpi, as sharp as a printer can show, while a 4000 px photo would add
// megabytes to every file (H).
const logoMaxSide = 480

// logoSamples is how many source pixels per axis are averaged into each
// output pixel when shrinking: enough to smooth edges, bounded so a huge
// logo costs the same as a modest one.
const logoSamples = 4

// prepareLogo checks that b is a PNG or JPEG, shrinks it to fit
// logoMaxSide, flattens any transparency onto white (paper is white; gofpdf
// would otherwise need a soft mask) and re-encodes it as an 8-bit opaque
// PNG, the one image form the PDF writer handles in every case (it refuses
// interlaced and 16-bit PNGs). The result is deterministic for given input.
func prepareLogo(b []byte) ([]byte, *assessment.Error) {
	key := sha256.Sum256(b)
	logoCache.Lock()
	if logoCache.ok && logoCache.key == key {
		out := bytes.Clone(logoCache.png)
		logoCache.Unlock()
		return out, nil
	}
	logoCache.Unlock()
	out, err := shrinkLogo(b)
	if err != nil {
		return nil, err
	}
	logoCache.Lock()
	logoCache.key, logoCache.png, logoCache.ok = key, out, true
	logoCache.Unlock()
	return bytes.Clone(out), nil
}

// logoCache remembers the last prepared logo: a coach has one logo, and
// decoding and shrinking it took most of Build's time.
var logoCache struct {
	sync.Mutex
	key [sha256.Size]byte
	png []byte
	ok  bool
}

// shrinkLogo does the work of prepareLogo.
func shrinkLogo(b []byte) ([]byte, *assessment.Error) {
	bad := assessment.FieldErrorf(assessment.EINVALID, FieldLogo, "The logo must be a PNG or JPEG picture. Choose another file in Settings.")
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil || (format != "png" && format != "jpeg") {
		return nil, bad
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, bad
	}
	if float64(cfg.Width)*float64(cfg.Height) > maxLogoPixels {
		return nil, assessment.FieldErrorf(assessment.EINVALID, FieldLogo,
			"The logo is %d×%d pixels, too large to print. Use a copy under 5000 pixels on each side.", cfg.Width, cfg.Height)
	}
	src, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, bad
	}
	sb := src.Bounds()
	sw, sh := sb.Dx(), sb.Dy()
	dw, dh := sw, sh
	if sw > logoMaxSide || sh > logoMaxSide {
		if sw >= sh {
			dw, dh = logoMaxSide, max(1, sh*logoMaxSide/sw)
		} else {
			dw, dh = max(1, sw*logoMaxSide/sh), logoMaxSide
		}
	}
	// Average about one sample per source pixel covered, up to
	// logoSamples per axis: a 2× shrink needs 2×2, a 10× shrink gets 4×4.
	samples := min(max((sw+dw-1)/dw, (sh+dh-1)/dh, 1), logoSamples)
	at := pixelReader(src)
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < dh; y++ {
		for x := 0; x < dw; x++ {
			var r, g, bl, n uint32
			for sy := 0; sy < samples; sy++ {
				// centre of sub-sample sy of output row y, in source pixels
				py := sb.Min.Y + min(((2*(y*samples+sy)+1)*sh)/(2*samples*dh), sh-1)
				for sx := 0; sx < samples; sx++ {
					px := sb.Min.X + min(((2*(x*samples+sx)+1)*sw)/(2*samples*dw), sw-1)
					cr, cg, cb, ca := at(px, py)
					// premultiplied colour laid over white paper
					r += cr + 0xffff - ca
					g += cg + 0xffff - ca
					bl += cb + 0xffff - ca
					n++
				}
			}
			dst.SetRGBA(x, y, color.RGBA{R: uint8((r / n) >> 8), G: uint8((g / n) >> 8), B: uint8((bl / n) >> 8), A: 255})
		}
	}
	var out bytes.Buffer
	if err := png.Encode(&out, dst); err != nil {
		return nil, assessment.FieldErrorf(assessment.EINVALID, FieldLogo, "The logo could not be prepared for printing (%v).", err)
	}
	return out.Bytes(), nil
}

// pixelReader returns a function giving the premultiplied 16-bit colour of
// a pixel. The common decoded types are read from their pixel slices: going
// through image.Image.At allocates a color.Color per call, which made a
// large logo cost more than drawing the whole PDF.
func pixelReader(src image.Image) func(x, y int) (r, g, b, a uint32) {
	switch m := src.(type) {
	case *image.NRGBA:
		return func(x, y int) (uint32, uint32, uint32, uint32) {
			i := m.PixOffset(x, y)
			return color.NRGBA{R: m.Pix[i], G: m.Pix[i+1], B: m.Pix[i+2], A: m.Pix[i+3]}.RGBA()
		}
	case *image.RGBA:
		return func(x, y int) (uint32, uint32, uint32, uint32) {
			i := m.PixOffset(x, y)
			return color.RGBA{R: m.Pix[i], G: m.Pix[i+1], B: m.Pix[i+2], A: m.Pix[i+3]}.RGBA()
		}
	case *image.YCbCr:
		return func(x, y int) (uint32, uint32, uint32, uint32) { return m.YCbCrAt(x, y).RGBA() }
	case *image.Gray:
		return func(x, y int) (uint32, uint32, uint32, uint32) { return m.GrayAt(x, y).RGBA() }
	case *image.Paletted:
		pal := make([][4]uint32, len(m.Palette))
		for i, c := range m.Palette {
			r, g, b, a := c.RGBA()
			pal[i] = [4]uint32{r, g, b, a}
		}
		return func(x, y int) (uint32, uint32, uint32, uint32) {
			i := int(m.Pix[m.PixOffset(x, y)])
			if i >= len(pal) {
				return 0, 0, 0, 0xffff
			}
			return pal[i][0], pal[i][1], pal[i][2], pal[i][3]
		}
	}
	return func(x, y int) (uint32, uint32, uint32, uint32) { return src.At(x, y).RGBA() }
}

// logoSize returns the pixel size of a prepared logo, for layout.
func logoSize(b []byte) (w, h int, err error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return 0, 0, fmt.Errorf("logo: %w", err)
	}
	return cfg.Width, cfg.Height, nil
}
