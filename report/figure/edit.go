package figure

import "math"

// The pose editor draws in a fixed room rather than fitting each pose to
// its box, so the body does not jump while a joint is dragged: RoomW by
// RoomH metres, the pelvis in the middle across, the floor at the bottom.
const (
	RoomW = 2.6
	RoomH = 2.4
)

func roomMap(v View, w, h float64) func(Pt) Pt {
	s := math.Min(w/RoomW, h/RoomH)
	return func(p Pt) Pt {
		if v == Above {
			return Pt{w/2 + p.X*s, h/2 - p.Y*s}
		}
		return Pt{w/2 + p.X*s, h - (p.Y+0.1)*s}
	}
}

// DrawRoom draws p in the editor's fixed room, fitted into a w by h box.
func DrawRoom(p Pose, w, h float64) []Prim {
	m := roomMap(p.View, w, h)
	s := math.Min(w/RoomW, h/RoomH)
	prims := build(p)
	out := make([]Prim, len(prims))
	for i, q := range prims {
		c := q
		c.Pts = make([]Pt, len(q.Pts))
		for j, pt := range q.Pts {
			c.Pts[j] = m(pt)
		}
		c.W *= s
		c.R *= s
		out[i] = c
	}
	return out
}

// Handles are the joints a coach can drag in the editor, in the order
// they are offered, with the joint angle each one turns in a side view
// and in a front or top view.
var Handles = []struct {
	Point       string
	Side, Front DOF
}{
	{"head", "neck_flex", "neck_flex"},
	{"neck", "spine_flex", "spine_side"},
	{"elbow_r", "shoulder_r_flex", "shoulder_r_abd"},
	{"hand_r", "elbow_r", "elbow_r"},
	{"elbow_l", "shoulder_l_flex", "shoulder_l_abd"},
	{"hand_l", "elbow_l", "elbow_l"},
	{"knee_r", "hip_r_flex", "hip_r_abd"},
	{"ankle_r", "knee_r", "knee_r"},
	{"toe_r", "ankle_r", "ankle_r"},
	{"knee_l", "hip_l_flex", "hip_l_abd"},
	{"ankle_l", "knee_l", "knee_l"},
	{"toe_l", "ankle_l", "ankle_l"},
}

// HandlesAt returns where each draggable joint of p lies in the editor's
// w by h room.
func HandlesAt(p Pose, w, h float64) map[string]Pt {
	m := roomMap(p.View, w, h)
	pts := placed(p)
	out := make(map[string]Pt, len(Handles))
	for _, hd := range Handles {
		out[hd.Point] = m(pts[hd.Point])
	}
	return out
}

// NearestHandle returns the draggable joint of p closest to q (editor
// room coordinates) and its distance.
func NearestHandle(p Pose, q Pt, w, h float64) (string, float64) {
	best, bd := "", math.Inf(1)
	for _, hd := range Handles {
		if d := dist(HandlesAt(p, w, h)[hd.Point], q); d < bd {
			best, bd = hd.Point, d
		}
	}
	return best, bd
}

// Reach turns the joint that moves point (see Handles) so the point comes
// as close as the joint's limits allow to target, in the editor's w by h
// room. It returns the joint turned and its new angle; ok is false for a
// point no joint moves.
func Reach(p *Pose, point string, target Pt, w, h float64) (d DOF, v float64, ok bool) {
	for _, hd := range Handles {
		if hd.Point == point {
			d, ok = hd.Side, true
			if p.View != Side {
				d = hd.Front
			}
		}
	}
	if !ok {
		return "", 0, false
	}
	if p.Angles == nil {
		p.Angles = Angles{}
	}
	l := limits[d]
	m := roomMap(p.View, w, h)
	cur := p.Angles[d]
	try := p.Clone()
	best, bd := cur, math.Inf(1)
	for a := l.Min; a <= l.Max; a++ {
		try.Angles[d] = a
		dd := dist(m(placed(try)[point]), target)
		// Prefer the angle nearer the current one when two reach as well.
		dd += math.Abs(a-cur) * 1e-4
		if dd < bd {
			best, bd = a, dd
		}
	}
	p.Angles[d] = best
	return d, best, true
}
