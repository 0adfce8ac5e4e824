package ui

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/vector"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/report"
	"github.com/keel-coach/keel/report/figure"
)

// figurePalette maps the figure tones to screen colours: the theme's text
// colour for the body, its primary colour for the working region and the
// arrows, and its background for the edge between near and far parts.
type figurePalette struct{ ink, accent, paper, tint color.Color }

func currentPalette() figurePalette {
	fg := theme.Color(theme.ColorNameForeground)
	bg := theme.Color(theme.ColorNameBackground)
	return figurePalette{ink: fg, accent: theme.Color(theme.ColorNamePrimary), paper: bg, tint: blend(fg, bg, 0.18)}
}

func blend(a, b color.Color, k float64) color.Color {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	f := func(x, y uint32) uint8 { return uint8((float64(x)*k + float64(y)*(1-k)) / 257) }
	return color.NRGBA{R: f(ar, br), G: f(ag, bg), B: f(ab, bb), A: 255}
}

func (p figurePalette) of(t figure.Tone) color.Color {
	switch t {
	case figure.Accent:
		return p.accent
	case figure.Paper:
		return p.paper
	case figure.Tint:
		return p.tint
	}
	return p.ink
}

// paintPrims is the screen painter of a figure (report/figure): it fills
// each primitive into img with anti-aliased edges, strokes as round-capped
// capsules, the same shapes the PDF painter draws.
func paintPrims(img *image.RGBA, prims []figure.Prim, off figure.Pt, pal figurePalette) {
	b := img.Bounds()
	z := vector.NewRasterizer(b.Dx(), b.Dy())
	for _, q := range prims {
		var shapes [][]figure.Pt
		switch q.Kind {
		case figure.Dot:
			shapes = append(shapes, ring(q.Pts[0], q.R, 18))
		case figure.Fill:
			shapes = append(shapes, q.Pts)
		default:
			pts := q.Pts
			if q.Closed && len(pts) > 1 {
				pts = append(append([]figure.Pt(nil), pts...), pts[0])
			}
			if len(pts) == 1 {
				pts = []figure.Pt{pts[0], pts[0]}
			}
			for i := 0; i+1 < len(pts); i++ {
				shapes = append(shapes, capsule(pts[i], pts[i+1], q.W/2))
			}
		}
		x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, sh := range shapes {
			for _, p := range sh {
				x0, x1 = math.Min(x0, p.X+off.X), math.Max(x1, p.X+off.X)
				y0, y1 = math.Min(y0, p.Y+off.Y), math.Max(y1, p.Y+off.Y)
			}
		}
		if math.IsInf(x0, 0) {
			continue
		}
		r := image.Rect(int(math.Floor(x0))-1, int(math.Floor(y0))-1, int(math.Ceil(x1))+1, int(math.Ceil(y1))+1).Intersect(b)
		if r.Empty() {
			continue
		}
		// The rasterizer covers the primitive's box only; its (0,0) is
		// r.Min on the image.
		z.Reset(r.Dx(), r.Dy())
		ox, oy := off.X-float64(r.Min.X), off.Y-float64(r.Min.Y)
		for _, sh := range shapes {
			if len(sh) < 3 {
				continue
			}
			sh = ccw(sh)
			z.MoveTo(float32(sh[0].X+ox), float32(sh[0].Y+oy))
			for _, p := range sh[1:] {
				z.LineTo(float32(p.X+ox), float32(p.Y+oy))
			}
			z.ClosePath()
		}
		z.DrawOp = draw.Over
		z.Draw(img, r, image.NewUniform(pal.of(q.Tone)), image.Point{})
	}
}

// ccw orders a closed outline anticlockwise, so overlapping outlines of
// one primitive add up instead of cancelling.
func ccw(s []figure.Pt) []figure.Pt {
	a := 0.0
	for i := range s {
		j := (i + 1) % len(s)
		a += s[i].X*s[j].Y - s[j].X*s[i].Y
	}
	if a >= 0 {
		return s
	}
	out := make([]figure.Pt, len(s))
	for i, p := range s {
		out[len(s)-1-i] = p
	}
	return out
}

func ring(c figure.Pt, r float64, n int) []figure.Pt {
	out := make([]figure.Pt, n)
	for i := range out {
		s, co := math.Sincos(2 * math.Pi * float64(i) / float64(n))
		out[i] = figure.Pt{X: c.X + r*co, Y: c.Y + r*s}
	}
	return out
}

// capsule outlines a stroke segment with round ends.
func capsule(a, b figure.Pt, r float64) []figure.Pt {
	ang := math.Atan2(b.Y-a.Y, b.X-a.X)
	const n = 6
	out := make([]figure.Pt, 0, 2*n+2)
	for i := 0; i <= n; i++ {
		t := ang + math.Pi/2 + math.Pi*float64(i)/n
		out = append(out, figure.Pt{X: a.X + r*math.Cos(t), Y: a.Y + r*math.Sin(t)})
	}
	for i := 0; i <= n; i++ {
		t := ang - math.Pi/2 + math.Pi*float64(i)/n
		out = append(out, figure.Pt{X: b.X + r*math.Cos(t), Y: b.Y + r*math.Sin(t)})
	}
	return out
}

// figureStrip draws poses left to right at one scale into a w by h image.
func figureStrip(poses []figure.Pose, w, h int, pal figurePalette) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	if len(poses) == 0 || w < 4 || h < 4 {
		return img
	}
	gap := float64(w) * 0.03
	bw := (float64(w) - gap*float64(len(poses)-1)) / float64(len(poses))
	for i, prims := range figure.DrawSet(poses, bw, float64(h)) {
		paintPrims(img, prims, figure.Pt{X: float64(i) * (bw + gap)}, pal)
	}
	return img
}

// figureCache keeps drawn figures by exercise and pixel size, so a list
// that scrolls back to a row shows the image it drew before instead of
// drawing it again.
var figureCache = struct {
	sync.Mutex
	m     map[figureKey]image.Image
	draws int // figures drawn (not taken from the cache), for tests
}{m: map[figureKey]image.Image{}}

type figureKey struct {
	key  string
	w, h int
	pal  figurePalette
}

const figureCacheMax = 600

func cachedFigure(key string, poses []figure.Pose, w, h int) image.Image {
	k := figureKey{key, w, h, currentPalette()}
	figureCache.Lock()
	img, ok := figureCache.m[k]
	figureCache.Unlock()
	if ok {
		return img
	}
	img = figureStrip(poses, w, h, k.pal)
	figureCache.Lock()
	if len(figureCache.m) >= figureCacheMax {
		figureCache.m = map[figureKey]image.Image{}
	}
	figureCache.m[k] = img
	figureCache.draws++
	figureCache.Unlock()
	return img
}

// figureKeyOf names an exercise's figure for the cache: a built-in one by
// id, a coach's own by what she saved (so an edit draws afresh).
func figureKeyOf(e *assessment.Exercise) string {
	if len(e.Figure) > 0 || e.Custom {
		return "own:" + e.ID + ":" + string(e.Figure)
	}
	return "builtin:" + e.ID
}

// newExerciseFigure shows an exercise's poses side by side, drawn once per
// size and kept. An exercise without a figure shows nothing (size zero).
func newExerciseFigure(e *assessment.Exercise, minSize fyne.Size) *canvas.Raster {
	poses, _, err := report.FigureOf(e)
	if err != nil {
		poses = nil
	}
	key := figureKeyOf(e)
	r := canvas.NewRaster(func(w, h int) image.Image {
		if len(poses) == 0 {
			return image.NewRGBA(image.Rect(0, 0, 1, 1))
		}
		return cachedFigure(key, poses, w, h)
	})
	if len(poses) > 0 {
		r.SetMinSize(minSize)
	}
	return r
}
