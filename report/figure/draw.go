package figure

import (
	"math"
	"sort"
)

// Tone is the role of a primitive's colour; each painter maps the four
// roles to its own colours (the ink and accent of the handout).
type Tone int

// The tones.
const (
	Ink    Tone = iota // the body and the outlines of props
	Accent             // the working region and the arrows
	Paper              // the background: an edge that separates near parts from far
	Tint               // a light fill inside props
)

// Kind is the shape of a primitive.
type Kind int

// The shapes.
const (
	// Stroke is a polyline of width W with round caps and joins; Closed
	// joins the last point to the first.
	Stroke Kind = iota
	// Dot is a filled circle at Pts[0] with radius R.
	Dot
	// Fill is a filled polygon.
	Fill
)

// Pt is a point on the page, in the units of the box given to Draw, y down.
type Pt struct{ X, Y float64 }

// Prim is one drawing primitive. Painters draw them in order.
type Prim struct {
	Kind   Kind
	Tone   Tone
	Pts    []Pt
	W      float64 // stroke width
	R      float64 // dot radius
	Closed bool
}

// piece is a group of primitives at one depth (a limb, the trunk, a
// weight in a hand), in room metres with y up.
type piece struct {
	depth float64
	order int
	halo  []Prim // drawn in Paper first, one for the whole group
	ink   []Prim
}

type scene struct {
	view   View
	sk     skeleton
	p2     map[string]Pt // projected, grounded body points (y up)
	depth  map[string]float64
	pieces []piece
	back   []Prim // props behind the body
	front  []Prim // arrows and bands on top
	floor  bool
	mat    bool
	// tiltSin and tiltCos turn the camera down by the pose's tilt.
	tiltSin, tiltCos float64
}

func (sc *scene) project(v vec) (Pt, float64) {
	s, c := sc.tiltSin, sc.tiltCos
	switch sc.view {
	case Front:
		return Pt{-v.z, v.y*c - v.x*s}, v.x*c + v.y*s
	case Above:
		return Pt{v.x, -v.z}, v.y
	default:
		return Pt{v.x, v.y*c - v.z*s}, v.z*c + v.y*s
	}
}

// radius is how far the body surface lies from a point, for props that
// touch it.
func radius(name string) float64 {
	switch trimSide(name) {
	case "hand", "wrist", "toe", "heel", "ankle", "hands", "feet":
		return wHand / 2
	case "knee", "knees", "elbow":
		return wShin / 2
	case "head", "face":
		return headR
	case "shoulder":
		return wUpper / 2
	default:
		return wTrunk / 2
	}
}

func trimSide(n string) string {
	if len(n) > 2 && (n[len(n)-2:] == "_l" || n[len(n)-2:] == "_r") {
		return n[:len(n)-2]
	}
	return n
}

func seg(a, b Pt, w float64, t Tone) Prim {
	return Prim{Kind: Stroke, Tone: t, Pts: []Pt{a, b}, W: w}
}

// build turns a pose into primitives in room metres, y up.
func build(p Pose) []Prim {
	sc := newScene(p)
	sc.body(p)
	sc.props(p)
	sc.arrows(p)
	return sc.assemble()
}

// newScene poses the body of p, projects it into p's view and sets it on
// the floor.
func newScene(p Pose) *scene {
	sc := &scene{view: p.View, sk: pose3D(p.Angles), p2: make(map[string]Pt, 40), depth: make(map[string]float64, 40), tiltCos: 1}
	if p.Tilt > 0 {
		sc.tiltSin, sc.tiltCos = math.Sincos(rad(p.Tilt))
	}
	if sc.view == "" {
		sc.view = Side
	}
	if len(p.Rest) == 2 && p.Tilt == 0 && sc.view != Above {
		sc.rest(p.Rest[0], p.Rest[1])
	}
	if p.Tilt > 0 && sc.view != Above {
		sc.groundPlane(p)
	}
	for n, v := range sc.sk.pt {
		sc.p2[n], sc.depth[n] = sc.project(v)
	}
	if p.Tilt == 0 || sc.view == Above {
		sc.ground(p)
	}
	return sc
}

// surface is how far below body point n its drawn outline reaches in this
// view: the trunk is drawn narrower when not seen from the side.
func (sc *scene) surface(n string) float64 {
	switch trimSide(n) {
	case "pelvis", "waist", "chest", "neck", "hip":
		if sc.view != Side {
			return wSide / 2
		}
		return wTrunk / 2
	}
	return radius(n)
}

// rest turns the whole body in the picture's plane, about point a, until
// the surfaces of a and b lie at one height: both then rest on the floor
// when the body is grounded (so long as nothing else lies lower).
func (sc *scene) rest(a, b string) {
	pa, _ := sc.project(sc.sk.pt[a])
	pb, _ := sc.project(sc.sk.pt[b])
	dx, dy := pb.X-pa.X, pb.Y-pa.Y
	l := math.Hypot(dx, dy)
	want := (sc.surface(b) - sc.surface(a)) / l
	if l < 1e-6 || math.Abs(want) >= 1 {
		return
	}
	phi := math.Asin(want) - math.Atan2(dy, dx)
	if dx < 0 {
		phi = math.Pi - math.Asin(want) - math.Atan2(dy, dx)
	}
	deg := phi * 180 / math.Pi
	var m mat
	if sc.view == Front {
		m = rx(deg)
	} else {
		m = rz(deg)
	}
	o := sc.sk.pt[a]
	for n, v := range sc.sk.pt {
		sc.sk.pt[n] = o.add(m.apply(v.sub(o)))
	}
	sc.sk.face, sc.sk.up = m.apply(sc.sk.face), m.apply(sc.sk.up)
}

// groundPlane sets the body on the floor in the room (not on the page)
// when the camera looks down: the lowest part of the body at height 0
// plus the lift. The floor is then drawn as a plane under her instead of
// a line.
func (sc *scene) groundPlane(p Pose) {
	low, high := math.Inf(1), math.Inf(-1)
	x0, x1, z0, z1 := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for n, v := range sc.sk.pt {
		if n == "face" || n == "back" || n == "sacrum" {
			continue
		}
		r := radius(n)
		switch trimSide(n) {
		case "pelvis", "waist", "chest", "neck", "hip":
			r = wSide / 2
		}
		low, high = math.Min(low, v.y-r), math.Max(high, v.y)
		x0, x1 = math.Min(x0, v.x), math.Max(x1, v.x)
		z0, z1 = math.Min(z0, v.z), math.Max(z1, v.z)
	}
	for n, v := range sc.sk.pt {
		sc.sk.pt[n] = vec{v.x, v.y - low + p.Lift, v.z}
	}
	sc.floor = false
	if p.NoFloor {
		return
	}
	if high-low >= 1 {
		// Standing or kneeling tall: a patch the size of her footprint
		// reads as a low box she stands on, so the floor is a soft shadow
		// under the parts that touch it instead, wide and flat.
		sc.back = append(sc.back, sc.shadow())
		return
	}
	// A mat on the floor with its edge drawn, reaching well behind her so
	// it reads as the floor she lies on, not a block she lies across.
	const m = 0.2
	var quad []Pt
	for _, c := range []vec{{x0 - 2*m, 0, z0 - m}, {x1 + m, 0, z0 - m}, {x1 + m, 0, z1 + m}, {x0 - 2*m, 0, z1 + m}} {
		q, _ := sc.project(c)
		quad = append(quad, q)
	}
	sc.back = append(sc.back, Prim{Kind: Fill, Tone: Tint, Pts: quad})
	// Lying or kneeling low: the mat's edge says where the floor is.
	sc.back = append(sc.back, Prim{Kind: Stroke, Tone: Ink, Pts: quad, Closed: true, W: wFloor})
}

// shadow is an ellipse on the floor (in the room) around the parts of the
// body that touch it, seen through the tilted camera.
func (sc *scene) shadow() Prim {
	x0, x1, z0, z1 := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for n, v := range sc.sk.pt {
		if n == "face" || n == "back" || n == "sacrum" || v.y > 0.15 {
			continue
		}
		x0, x1 = math.Min(x0, v.x), math.Max(x1, v.x)
		z0, z1 = math.Min(z0, v.z), math.Max(z1, v.z)
	}
	cx, cz := (x0+x1)/2, (z0+z1)/2
	rx, rz := (x1-x0)/2+0.3, (z1-z0)/2+0.3
	pts := make([]Pt, 0, 24)
	for i := 0; i < 24; i++ {
		s, c := math.Sincos(2 * math.Pi * float64(i) / 24)
		q, _ := sc.project(vec{cx + rx*c, 0, cz + rz*s})
		pts = append(pts, q)
	}
	return Prim{Kind: Fill, Tone: Tint, Pts: pts}
}

// ground puts the lowest part of the body on the floor (y = 0), raised by
// the pose's lift. Seen from above there is no floor to stand on.
func (sc *scene) ground(p Pose) {
	sc.floor = !p.NoFloor && sc.view != Above && p.Tilt == 0
	if sc.view == Above {
		return
	}
	low := math.Inf(1)
	for n, q := range sc.p2 {
		if n == "face" || n == "back" || n == "sacrum" {
			continue
		}
		low = math.Min(low, q.Y-sc.surface(n))
	}
	for n, q := range sc.p2 {
		sc.p2[n] = Pt{q.X, q.Y - low + p.Lift}
	}
}

var limbOrder = map[string]int{"arm_r": 1, "leg_r": 2, "trunk": 3, "leg_l": 4, "arm_l": 5}

func (sc *scene) body(p Pose) {
	pt := sc.p2
	reg := map[string]bool{}
	for _, r := range p.Region {
		for _, x := range regions[r] {
			reg[x] = true
		}
	}
	add := func(name string, d float64, parts []Prim, accents []Prim) {
		pc := piece{depth: d, order: limbOrder[name]}
		for i, q := range parts {
			h := q
			if i == 0 && name != "trunk" {
				// A limb's edge stops short of the joint it hangs from, so
				// it does not cut a white ring into the trunk.
				h.Pts = []Pt{lerp2(q.Pts[0], q.Pts[1], 0.35), q.Pts[1]}
			}
			h.Tone = Paper
			if h.Kind == Dot {
				h.R += wHalo
			} else {
				h.W += 2 * wHalo
			}
			if h.Kind == Fill {
				h.Kind = Stroke
				h.Closed = true
				h.W = 2 * wHalo
			}
			pc.halo = append(pc.halo, h)
		}
		pc.ink = append(parts, accents...)
		sc.pieces = append(sc.pieces, pc)
	}
	accent := func(key string, a, b Pt, w float64) []Prim {
		if !reg[key] {
			return nil
		}
		return []Prim{seg(lerp2(a, b, 0.12), lerp2(a, b, 0.88), w*0.45, Accent)}
	}
	// Trunk, neck and head.
	var tr []Prim
	tr = append(tr, Prim{Kind: Stroke, Tone: Ink, Pts: []Pt{pt["pelvis"], pt["waist"], pt["neck"]}, W: wTrunk})
	quad := []Pt{pt["hip_l"], pt["hip_r"], pt["shoulder_r"], pt["shoulder_l"]}
	if area(quad) > 0.004 {
		tr = append(tr, Prim{Kind: Fill, Tone: Ink, Pts: quad}, Prim{Kind: Stroke, Tone: Ink, Pts: quad, Closed: true, W: wSide})
	}
	tr = append(tr, seg(pt["neck"], pt["head"], wNeck, Ink), Prim{Kind: Dot, Tone: Ink, Pts: []Pt{pt["head"]}, R: headR})
	if d := dist(pt["face"], pt["head"]); d > headR*0.6 {
		// A nose tells which way she faces (on her back or her front).
		tip := lerp2(pt["head"], pt["face"], 1.25)
		tr = append(tr, seg(lerp2(pt["head"], pt["face"], 0.7), tip, 0.05, Ink))
	}
	var ta []Prim
	ta = append(ta, accent("low_trunk", pt["pelvis"], pt["waist"], wTrunk)...)
	ta = append(ta, accent("chest", pt["waist"], pt["neck"], wTrunk)...)
	ta = append(ta, accent("neck", pt["neck"], pt["head"], wNeck*1.6)...)
	if reg["glutes"] {
		g := lerp2(pt["pelvis"], pt["sacrum"], 0.5)
		if sc.view != Side {
			g = lerp2(pt["hip_l"], pt["hip_r"], 0.5)
		}
		ta = append(ta, Prim{Kind: Dot, Tone: Accent, Pts: []Pt{g}, R: 0.055})
	}
	add("trunk", (sc.depth["pelvis"]+sc.depth["neck"])/2, tr, ta)
	far := sc.farSide()
	for _, x := range []string{"_r", "_l"} {
		limb := func(parts []Prim) []Prim {
			if x != far {
				return parts
			}
			return hollow(parts)
		}
		sh, el, wr, ha := pt["shoulder"+x], pt["elbow"+x], pt["wrist"+x], pt["hand"+x]
		arm := limb([]Prim{seg(sh, el, wUpper, Ink), seg(el, wr, wFore, Ink), seg(wr, ha, wHand, Ink)})
		aa := append(accent("upper_arm"+x, sh, el, wUpper), accent("forearm"+x, el, wr, wFore)...)
		add("arm"+x, (sc.depth["elbow"+x]+sc.depth["wrist"+x])/2, arm, aa)
		hp, kn, an, he, to := pt["hip"+x], pt["knee"+x], pt["ankle"+x], pt["heel"+x], pt["toe"+x]
		leg := limb([]Prim{seg(hp, kn, wThigh, Ink), seg(kn, an, wShin, Ink), seg(he, to, wFoot, Ink)})
		la := append(accent("thigh"+x, hp, kn, wThigh), accent("shin"+x, kn, an, wShin)...)
		if reg["hip"+x] {
			la = append(la, Prim{Kind: Dot, Tone: Accent, Pts: []Pt{hp}, R: 0.045})
		}
		add("leg"+x, (sc.depth["knee"+x]+sc.depth["hip"+x])/2, leg, la)
	}
}

// farSide returns "_l" or "_r" for the side of the body turned away from
// the reader (its shoulder and hip lie clearly further back), or "" when
// neither is (a body facing the reader). The far limbs are drawn hollow,
// a light tone inside an ink edge, so left and right can be told apart in
// black and white.
func (sc *scene) farSide() string {
	d := func(x string) float64 { return sc.depth["shoulder"+x] + sc.depth["hip"+x] }
	switch diff := d("_r") - d("_l"); {
	case diff > farGap:
		return "_l"
	case diff < -farGap:
		return "_r"
	}
	return ""
}

// farGap is how much further back (metres, shoulder and hip together)
// one side must lie to count as the far side.
const farGap = 0.1

// hollow turns the strokes of a far limb into an ink edge around a light
// core: the first primitive keeps its place for the halo.
func hollow(parts []Prim) []Prim {
	out := make([]Prim, 0, 2*len(parts))
	out = append(out, parts...)
	for _, q := range parts {
		c := q
		c.Tone = Tint
		c.W = q.W - 2*wFarEdge
		out = append(out, c)
	}
	return out
}

// regions maps a region name to the parts it colours.
var regions = map[string][]string{
	"glutes": {"glutes"}, "low_trunk": {"low_trunk"}, "chest": {"chest"}, "neck": {"neck"},
	"trunk":  {"low_trunk", "chest"},
	"thighs": {"thigh_l", "thigh_r"}, "shins": {"shin_l", "shin_r"},
	"upper_arms": {"upper_arm_l", "upper_arm_r"}, "forearms": {"forearm_l", "forearm_r"},
	"hips": {"hip_l", "hip_r"},
}

func init() {
	for _, x := range []string{"_l", "_r"} {
		for _, p := range []string{"thigh", "shin", "upper_arm", "forearm", "hip"} {
			regions[p+x] = []string{p + x}
		}
	}
}

// Regions returns the names a pose's Region may hold, sorted.
func Regions() []string {
	out := make([]string, 0, len(regions))
	for k := range regions {
		out = append(out, k)
	}
	sortStrings(out)
	return out
}

func sortStrings(s []string) { sort.Strings(s) }

func (sc *scene) assemble() []Prim {
	sort.SliceStable(sc.pieces, func(i, j int) bool {
		a, b := sc.pieces[i], sc.pieces[j]
		if math.Abs(a.depth-b.depth) > 1e-6 {
			return a.depth < b.depth
		}
		return a.order < b.order
	})
	n := len(sc.back) + len(sc.front) + 2
	for _, pc := range sc.pieces {
		n += len(pc.halo) + len(pc.ink)
	}
	out := make([]Prim, 0, n)
	out = append(out, sc.back...)
	for _, pc := range sc.pieces {
		out = append(out, pc.halo...)
		out = append(out, pc.ink...)
	}
	out = append(out, sc.front...)
	if sc.floor {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, q := range out {
			for _, p := range q.Pts {
				lo, hi = math.Min(lo, p.X-q.R-q.W/2), math.Max(hi, p.X+q.R+q.W/2)
			}
		}
		fl := seg(Pt{lo - 0.1, -wFloor / 2}, Pt{hi + 0.1, -wFloor / 2}, wFloor, Ink)
		out = append([]Prim{fl}, out...)
		if sc.mat {
			out = append([]Prim{{Kind: Fill, Tone: Tint, Pts: []Pt{{lo, -0.05}, {hi, -0.05}, {hi, 0}, {lo, 0}}}}, out...)
		}
	}
	return out
}

func (sc *scene) arrows(p Pose) {
	for _, a := range p.Arrows {
		o, ok := sc.p2[a.At]
		if !ok {
			continue
		}
		from := Pt{o.X + a.OX, o.Y + a.OY}
		to := Pt{from.X + a.DX, from.Y + a.DY}
		sc.front = append(sc.front, arrowPrims(from, to, a.Bend)...)
	}
}

// arrowPrims draws a bowed arrow from a to b with a filled head at b, on a
// paper edge so it reads over the body.
func arrowPrims(a, b Pt, bend float64) []Prim {
	l := dist(a, b)
	if l < 1e-6 {
		return nil
	}
	nx, ny := -(b.Y-a.Y)/l, (b.X-a.X)/l
	c := Pt{(a.X+b.X)/2 + nx*bend*l, (a.Y+b.Y)/2 + ny*bend*l}
	const n = 12
	pts := make([]Pt, 0, n+1)
	for i := 0; i <= n; i++ {
		t := float64(i) / n
		u := 1 - t
		pts = append(pts, Pt{u*u*a.X + 2*u*t*c.X + t*t*b.X, u*u*a.Y + 2*u*t*c.Y + t*t*b.Y})
	}
	// Head along the last piece of the curve; the shaft stops short of it.
	d := Pt{b.X - pts[n-1].X, b.Y - pts[n-1].Y}
	dl := math.Hypot(d.X, d.Y)
	if dl < 1e-9 {
		return nil
	}
	d = Pt{d.X / dl, d.Y / dl}
	tip := arrowTip
	if tip > l*0.6 {
		tip = l * 0.6
	}
	base := Pt{b.X - d.X*tip, b.Y - d.Y*tip}
	head := []Pt{b, {base.X - d.Y*tip*0.55, base.Y + d.X*tip*0.55}, {base.X + d.Y*tip*0.55, base.Y - d.X*tip*0.55}}
	shaft := append([]Pt(nil), pts[:n]...)
	shaft = append(shaft, base)
	return []Prim{
		{Kind: Stroke, Tone: Paper, Pts: shaft, W: wArrow + 2*wHalo*0.7},
		{Kind: Fill, Tone: Paper, Pts: grow(head, wHalo*0.7)},
		{Kind: Stroke, Tone: Accent, Pts: shaft, W: wArrow},
		{Kind: Fill, Tone: Accent, Pts: head},
	}
}

func grow(tri []Pt, k float64) []Pt {
	cx, cy := (tri[0].X+tri[1].X+tri[2].X)/3, (tri[0].Y+tri[1].Y+tri[2].Y)/3
	out := make([]Pt, len(tri))
	for i, p := range tri {
		dx, dy := p.X-cx, p.Y-cy
		l := math.Hypot(dx, dy)
		out[i] = Pt{p.X + dx/l*k*2, p.Y + dy/l*k*2}
	}
	return out
}

func lerp2(a, b Pt, k float64) Pt { return Pt{a.X + (b.X-a.X)*k, a.Y + (b.Y-a.Y)*k} }
func dist(a, b Pt) float64        { return math.Hypot(a.X-b.X, a.Y-b.Y) }

func area(p []Pt) float64 {
	s := 0.0
	for i := range p {
		j := (i + 1) % len(p)
		s += p[i].X*p[j].Y - p[j].X*p[i].Y
	}
	return math.Abs(s) / 2
}

// Draw returns the primitives of p fitted into a box w wide and h high
// (any unit; the PDF painter uses millimetres), y down from the box's
// top-left corner, standing on its bottom edge and centred across. Stroke
// widths scale with the figure.
func Draw(p Pose, w, h float64) []Prim {
	return DrawSet([]Pose{p}, w, h)[0]
}

// DrawSet draws the poses of one exercise, each into its own w by h box,
// at one scale, so the body keeps its size from start to end.
func DrawSet(poses []Pose, w, h float64) [][]Prim {
	out := make([][]Prim, len(poses))
	if w <= 0 || h <= 0 {
		return out
	}
	built := make([][]Prim, len(poses))
	s := math.Inf(1)
	for i, p := range poses {
		built[i] = build(p)
		x0, y0, x1, y1 := bounds(built[i])
		bw, bh := math.Max(x1-x0, 0.1), math.Max(y1-y0, 0.1)
		s = math.Min(s, math.Min(w/bw, h/bh))
	}
	for i, b := range built {
		out[i] = fit(b, w, h, s)
	}
	return out
}

// bounds returns the extent of prims including stroke widths.
func bounds(prims []Prim) (x0, y0, x1, y1 float64) {
	x0, y0, x1, y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	if len(prims) == 0 {
		return 0, 0, 0, 0
	}
	for _, q := range prims {
		e := q.R + q.W/2
		for _, p := range q.Pts {
			x0, x1 = math.Min(x0, p.X-e), math.Max(x1, p.X+e)
			y0, y1 = math.Min(y0, p.Y-e), math.Max(y1, p.Y+e)
		}
	}
	return
}

func fit(prims []Prim, w, h, s float64) []Prim {
	if len(prims) == 0 {
		return nil
	}
	x0, y0, x1, _ := bounds(prims)
	bw := x1 - x0
	ox := (w - bw*s) / 2
	oy := h // the lowest point (the floor) sits on the box's bottom edge
	out := make([]Prim, len(prims))
	n := 0
	for _, q := range prims {
		n += len(q.Pts)
	}
	all := make([]Pt, n) // one backing array for every primitive's points
	for i, q := range prims {
		c := q
		c.Pts, all = all[:len(q.Pts):len(q.Pts)], all[len(q.Pts):]
		for j, p := range q.Pts {
			c.Pts[j] = Pt{ox + (p.X-x0)*s, oy - (p.Y-y0)*s}
		}
		c.W *= s
		c.R *= s
		out[i] = c
	}
	return out
}
