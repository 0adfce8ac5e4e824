package figure

import "math"

// plateR is a barbell plate's radius: a small bumper plate, so the legs
// behind it still show and the bar sits about mid-shin.
const plateR = 0.175

func rect(x0, y0, x1, y1 float64) []Pt {
	return []Pt{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}
}

// solid is a prop shape: a light fill with an ink outline.
func solid(pts []Pt) []Prim {
	return []Prim{{Kind: Fill, Tone: Tint, Pts: pts}, {Kind: Stroke, Tone: Ink, Pts: pts, Closed: true, W: wProp}}
}

func circle(c Pt, r float64) []Pt {
	const n = 20
	out := make([]Pt, n)
	for i := range out {
		s, co := math.Sincos(2 * math.Pi * float64(i) / n)
		out[i] = Pt{c.X + r*co, c.Y + r*s}
	}
	return out
}

// wavy is an elastic band: a line with a gentle wave, so it never reads
// as a stick.
func wavy(a, b Pt) Prim {
	l := dist(a, b)
	n := int(math.Max(8, l/0.03))
	pts := make([]Pt, 0, n+1)
	nx, ny := 0.0, 0.0
	if l > 0 {
		nx, ny = -(b.Y-a.Y)/l, (b.X-a.X)/l
	}
	waves := math.Max(1, math.Round(l/0.12))
	for i := 0; i <= n; i++ {
		t := float64(i) / float64(n)
		o := 0.014 * math.Sin(t*waves*2*math.Pi)
		pts = append(pts, Pt{a.X + (b.X-a.X)*t + nx*o, a.Y + (b.Y-a.Y)*t + ny*o})
	}
	return Prim{Kind: Stroke, Tone: Ink, Pts: pts, W: 0.02}
}

// capsule is a loop around two points (a band around both knees).
func capsule(a, b Pt, r float64) []Pt {
	ang := math.Atan2(b.Y-a.Y, b.X-a.X)
	var out []Pt
	const n = 10
	for i := 0; i <= n; i++ {
		t := ang + math.Pi/2 + math.Pi*float64(i)/n
		out = append(out, Pt{a.X + r*math.Cos(t), a.Y + r*math.Sin(t)})
	}
	for i := 0; i <= n; i++ {
		t := ang - math.Pi/2 + math.Pi*float64(i)/n
		out = append(out, Pt{b.X + r*math.Cos(t), b.Y + r*math.Sin(t)})
	}
	return out
}

func isHand(n string) bool {
	t := trimSide(n)
	return t == "hand" || t == "hands" || t == "wrist"
}

// propAt returns where a prop sits: its body point (or the middle of its
// two) moved by DX, DY.
func (sc *scene) propAt(pr Prop) Pt {
	p, ok := sc.p2[pr.At]
	if q, ok2 := sc.p2[pr.Ref]; ok2 {
		return Pt{q.X + pr.DX, q.Y + pr.DY}
	}
	if !ok {
		p = sc.p2["pelvis"]
	}
	if q, ok := sc.p2[pr.To]; ok && pr.Kind != Band && pr.Kind != Dowel && pr.Kind != Cable {
		p = lerp2(p, q, 0.5)
	}
	return Pt{p.X + pr.DX, p.Y + pr.DY}
}

func (sc *scene) props(p Pose) {
	for _, pr := range p.Props {
		sc.prop(pr)
	}
}

// held adds a weight in the hands. It is drawn over the body even in a
// far hand: hidden behind a leg it would not say what to hold.
func (sc *scene) held(_ Prop, prims []Prim) {
	sc.pieces = append(sc.pieces, piece{depth: 1e3, order: 9, ink: prims})
}

func (sc *scene) prop(pr Prop) {
	at := sc.propAt(pr)
	r := radius(pr.At)
	if pr.Ref != "" {
		r = 0
	}
	switch pr.Kind {
	case Floor:
		sc.floor = true
	case Mat:
		sc.mat = true
		if sc.view == Above {
			x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
			for _, q := range sc.p2 {
				x0, x1 = math.Min(x0, q.X), math.Max(x1, q.X)
				y0, y1 = math.Min(y0, q.Y), math.Max(y1, q.Y)
			}
			sc.back = append(sc.back, solid(rect(x0-0.2, y0-0.2, x1+0.2, y1+0.2))...)
		}
	case Wall, Doorway:
		x := at.X
		top := 2.0
		for _, q := range sc.p2 {
			top = math.Max(top, q.Y+0.25)
		}
		if pr.Kind == Doorway {
			sc.back = append(sc.back, solid(rect(x-0.05, 0, x+0.05, top))...)
			sc.back = append(sc.back, seg(Pt{x - 0.05, top}, Pt{x + 0.35, top}, wProp*2, Ink))
			break
		}
		if sc.view != Side && pr.DX == 0 {
			// A wall right behind her, seen from the front: a panel.
			x0, x1 := math.Inf(1), math.Inf(-1)
			for _, q := range sc.p2 {
				x0, x1 = math.Min(x0, q.X), math.Max(x1, q.X)
			}
			sc.back = append(sc.back, solid(rect(x0-0.25, 0, x1+0.25, top))...)
			break
		}
		s := 1.0
		if pr.DX < 0 {
			s = -1
		}
		sc.back = append(sc.back, seg(Pt{x, 0}, Pt{x, top}, 0.035, Ink))
		for y := 0.15; y < top; y += 0.2 {
			sc.back = append(sc.back, seg(Pt{x + s*0.02, y}, Pt{x + s*0.1, y + 0.08}, wProp*0.8, Ink))
		}
	case Bench, Box, Cushion:
		if pr.Kind == Bench && pr.To != "" {
			sc.inclineBench(pr)
			break
		}
		w := pr.W
		if w == 0 {
			w = map[PropKind]float64{Bench: 0.45, Box: 0.42, Cushion: 0.28}[pr.Kind]
		}
		top := at.Y - r
		if pr.Kind == Cushion && sc.view == Above {
			// Seen from above: a folded towel under the body point, pale
			// on the grey mat and striped by its folds so it reads as a
			// towel, not a mark on the mat.
			pts := rect(at.X-w/2, at.Y-0.17, at.X+w/2, at.Y+0.17)
			sc.back = append(sc.back, Prim{Kind: Fill, Tone: Paper, Pts: pts}, Prim{Kind: Stroke, Tone: Ink, Pts: pts, Closed: true, W: wProp})
			for _, f := range []float64{-0.09, 0.09} {
				sc.back = append(sc.back, seg(Pt{at.X - w/2, at.Y + f}, Pt{at.X + w/2, at.Y + f}, wProp*0.6, Ink))
			}
			break
		}
		if pr.Kind == Cushion {
			top = math.Max(top, 0.05)
			sc.back = append(sc.back, solid(rect(at.X-w/2, 0, at.X+w/2, top))...)
			break
		}
		if pr.Kind == Box || top < 0.15 {
			sc.back = append(sc.back, solid(rect(at.X-w/2, 0, at.X+w/2, math.Max(top, 0.05)))...)
			break
		}
		sc.back = append(sc.back, solid(rect(at.X-w/2, top-0.06, at.X+w/2, top))...)
		sc.back = append(sc.back, seg(Pt{at.X - w/2 + 0.05, 0}, Pt{at.X - w/2 + 0.05, top - 0.06}, 0.035, Ink),
			seg(Pt{at.X + w/2 - 0.05, 0}, Pt{at.X + w/2 - 0.05, top - 0.06}, 0.035, Ink))
	case FoamRoller:
		// The roller lies on the floor under the body point, its size
		// chosen (within a roller's usual range) so it touches both.
		rr := 0.075
		if pr.At != "" && pr.Ref == "" && sc.view != Above {
			rr = math.Max(0.06, math.Min(0.1, (at.Y-sc.surface(pr.At))/2))
		}
		if sc.view != Above {
			c := Pt{at.X, rr}
			sc.back = append(sc.back, solid(circle(c, rr))...)
			sc.back = append(sc.back, Prim{Kind: Dot, Tone: Ink, Pts: []Pt{c}, R: 0.015})
			break
		}
		sc.back = append(sc.back, solid(rect(at.X-0.45, 0, at.X+0.45, 2*rr))...)
	case Kettlebell:
		bell := Pt{at.X, at.Y - 0.13}
		handle := []Pt{{at.X - 0.05, at.Y - 0.08}, {at.X - 0.045, at.Y + 0.01}, {at.X + 0.045, at.Y + 0.01}, {at.X + 0.05, at.Y - 0.08}}
		sc.held(pr, []Prim{
			{Kind: Dot, Tone: Paper, Pts: []Pt{bell}, R: 0.09 + wHalo},
			{Kind: Stroke, Tone: Ink, Pts: handle, W: 0.025},
			{Kind: Dot, Tone: Ink, Pts: []Pt{bell}, R: 0.09},
		})
	case Basket:
		// An open basket hanging from its handles in the hands.
		const bw, bh = 0.4, 0.24
		top := at.Y - 0.05
		body := []Pt{{at.X - bw/2, top}, {at.X - bw/2 + 0.03, top - bh}, {at.X + bw/2 - 0.03, top - bh}, {at.X + bw/2, top}}
		sc.held(pr, []Prim{
			{Kind: Fill, Tone: Tint, Pts: body},
			{Kind: Stroke, Tone: Ink, Pts: body, Closed: true, W: wProp},
			seg(Pt{at.X - bw/2, top - bh/2}, Pt{at.X + bw/2, top - bh/2}, wProp*0.8, Ink),
			{Kind: Stroke, Tone: Ink, Pts: []Pt{{at.X - bw/2 + 0.05, top}, {at.X, at.Y + 0.03}, {at.X + bw/2 - 0.05, top}}, W: wProp},
		})
	case Dumbbell:
		if sc.view == Side {
			sc.held(pr, []Prim{{Kind: Dot, Tone: Paper, Pts: []Pt{at}, R: 0.06 + wHalo}, {Kind: Dot, Tone: Ink, Pts: []Pt{at}, R: 0.06}})
			break
		}
		sc.held(pr, []Prim{
			seg(Pt{at.X - 0.12, at.Y}, Pt{at.X + 0.12, at.Y}, 0.03, Ink),
			{Kind: Fill, Tone: Ink, Pts: rect(at.X-0.16, at.Y-0.06, at.X-0.1, at.Y+0.06)},
			{Kind: Fill, Tone: Ink, Pts: rect(at.X+0.1, at.Y-0.06, at.X+0.16, at.Y+0.06)},
		})
	case Barbell:
		if sc.view == Side {
			// The plate is an open ring, so the legs behind it still show.
			plate := circle(at, plateR)
			sc.held(pr, []Prim{
				{Kind: Stroke, Tone: Paper, Pts: plate, Closed: true, W: 0.035 + 2*wHalo},
				{Kind: Stroke, Tone: Ink, Pts: plate, Closed: true, W: 0.035},
				{Kind: Dot, Tone: Ink, Pts: []Pt{at}, R: 0.03},
			})
			break
		}
		sc.held(pr, []Prim{
			seg(Pt{at.X - 0.8, at.Y}, Pt{at.X + 0.8, at.Y}, 0.03, Ink),
			{Kind: Fill, Tone: Ink, Pts: rect(at.X-0.75, at.Y-0.22, at.X-0.68, at.Y+0.22)},
			{Kind: Fill, Tone: Ink, Pts: rect(at.X+0.68, at.Y-0.22, at.X+0.75, at.Y+0.22)},
		})
	case Dowel:
		a, b := sc.dowelEnds(pr)
		d := dist(a, b)
		if d == 0 {
			break
		}
		ex := Pt{(b.X - a.X) / d * 0.12, (b.Y - a.Y) / d * 0.12}
		line := seg(Pt{a.X - ex.X, a.Y - ex.Y}, Pt{b.X + ex.X, b.Y + ex.Y}, 0.03, Ink)
		sc.pieces = append(sc.pieces, piece{depth: -1e3, order: 0, ink: []Prim{line}})
	case Band, Cable:
		from := sc.p2[pr.At]
		if to, ok := sc.p2[pr.To]; ok {
			if isHand(pr.At) || isHand(pr.To) || pr.Kind == Cable {
				sc.front = append(sc.front, wavy(from, to))
			} else {
				sc.front = append(sc.front, Prim{Kind: Stroke, Tone: Ink, Pts: capsule(from, to, radius(pr.At)+0.02), Closed: true, W: 0.02})
			}
			break
		}
		anchor := at
		if pr.Kind == Cable {
			sc.back = append(sc.back, solid(rect(anchor.X-0.08, 0, anchor.X+0.08, math.Max(2.0, anchor.Y+0.2)))...)
			sc.front = append(sc.front, seg(from, anchor, 0.015, Ink))
			sc.front = append(sc.front, Prim{Kind: Dot, Tone: Ink, Pts: []Pt{anchor}, R: 0.035})
			break
		}
		// The anchor: a post from the floor with a fixing point.
		sc.back = append(sc.back, seg(Pt{anchor.X, 0}, Pt{anchor.X, math.Max(anchor.Y+0.25, 0.3)}, 0.05, Ink))
		sc.front = append(sc.front, wavy(from, anchor))
		sc.front = append(sc.front, Prim{Kind: Fill, Tone: Ink, Pts: rect(anchor.X-0.04, anchor.Y-0.04, anchor.X+0.04, anchor.Y+0.04)})
	}
}

// dowelEnds returns the ends of a dowel between two body points: in the
// hands it passes through them; along the body it lies on the back.
func (sc *scene) dowelEnds(pr Prop) (Pt, Pt) {
	a, b := sc.p2[pr.At], sc.p2[pr.To]
	if isHand(pr.At) && isHand(pr.To) {
		return a, b
	}
	back, _ := sc.project(sc.sk.face.mul(-1))
	l := math.Hypot(back.X, back.Y)
	if l > 0 {
		back = Pt{back.X / l, back.Y / l}
	}
	off := func(n string, p Pt) Pt {
		r := radius(n) + 0.015
		if isHand(n) {
			r = 0
		}
		return Pt{p.X + back.X*r, p.Y + back.Y*r}
	}
	return off(pr.At, a), off(pr.To, b)
}

// attachment reports where a prop meets the body in p, in room metres on
// the page: the body point and the prop point it should touch. Tests use
// it to prove hands hold the dowel and bands run to their anchor.
func (sc *scene) dowelDistance(pr Prop, hand string) float64 {
	a, b := sc.dowelEnds(pr)
	h := sc.p2[hand]
	return segDist(h, a, b)
}

func segDist(p, a, b Pt) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return dist(p, a)
	}
	t := math.Max(0, math.Min(1, ((p.X-a.X)*dx+(p.Y-a.Y)*dy)/l2))
	return dist(p, Pt{a.X + t*dx, a.Y + t*dy})
}

// inclineBench is a bench set at an angle: its pad runs along the front of
// the body from At to To, on legs down to the floor.
func (sc *scene) inclineBench(pr Prop) {
	a, b := sc.p2[pr.At], sc.p2[pr.To]
	front, _ := sc.project(sc.sk.face)
	l := math.Hypot(front.X, front.Y)
	if l == 0 {
		return
	}
	front = Pt{front.X / l, front.Y / l}
	off := func(p Pt, n string) Pt {
		r := radius(n) + 0.03
		return Pt{p.X + front.X*r, p.Y + front.Y*r}
	}
	a, b = off(a, pr.At), off(b, pr.To)
	if d := dist(a, b); d > 0 {
		u := Pt{(b.X - a.X) / d, (b.Y - a.Y) / d}
		a, b = Pt{a.X - u.X*0.25, a.Y - u.Y*0.25}, Pt{b.X + u.X*0.08, b.Y + u.Y*0.08}
	}
	pad := []Pt{a, b, {b.X + front.X*0.06, b.Y + front.Y*0.06}, {a.X + front.X*0.06, a.Y + front.Y*0.06}}
	sc.back = append(sc.back, solid(pad)...)
	// A post under the low end and a brace from the high end back down
	// to its foot, with a foot along the floor: an incline bench, not a
	// stand.
	lo, hi := pad[3], pad[2]
	if hi.Y < lo.Y {
		lo, hi = hi, lo
	}
	if lo.Y > 0.05 {
		sc.back = append(sc.back, seg(lo, Pt{lo.X, 0}, 0.035, Ink))
	}
	if hi.Y > 0.05 {
		sc.back = append(sc.back, seg(hi, Pt{lo.X, 0}, 0.035, Ink),
			seg(Pt{lo.X, 0.02}, Pt{hi.X, 0.02}, 0.035, Ink))
	}
}
