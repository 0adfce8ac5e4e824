// Package figure draws Keel's exercise figures: a simple jointed body set by
// joint angles, seen from the side, the front or above, with the props an
// exercise uses, the working region and arrows for the movement.
//
// The package is pure: a Pose becomes a list of drawing primitives (Prim)
// in millimetres that any painter (the PDF writer, the Fyne canvas) draws
// the same way. Joint limits are part of the model, so a pose a body cannot
// take is refused when it is read and clamped when a coach edits one.
package figure

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// View is the direction a figure is seen from.
type View string

// The views. Side shows the body's right side with the figure facing the
// right of the page; Front faces the reader; Above looks down on a body
// lying on the floor.
const (
	Side  View = "side"
	Front View = "front"
	Above View = "above"
)

// Views lists the views in the order an editor offers them.
var Views = []View{Side, Front, Above}

// DOF names one degree of freedom of the body: a joint angle in degrees.
//
// pitch, roll and yaw orient the pelvis in the room (pitch 90 lies face
// down, -90 face up; roll 90 lies on the right side). The rest are joint
// angles relative to the parent segment: flex is forward bend (knee and
// ankle: bend and pointing the toes), abd takes the limb out to its side,
// rot turns it inwards about its long axis (negative turns it out).
type DOF string

// Limit is the range a joint can take, in degrees.
type Limit struct{ Min, Max float64 }

// limits are the joint ranges of an ordinary adult (a little short of the
// extremes, so nothing looks forced).
var limits = map[DOF]Limit{
	"pitch": {-180, 180}, "roll": {-180, 180}, "yaw": {-180, 180},
	"spine_flex": {-30, 50}, "spine_side": {-35, 35}, "spine_twist": {-50, 50},
	"neck_flex":       {-45, 60},
	"shoulder_l_flex": {-60, 180}, "shoulder_l_abd": {-40, 180}, "shoulder_l_rot": {-90, 90}, "elbow_l": {0, 150},
	"shoulder_r_flex": {-60, 180}, "shoulder_r_abd": {-40, 180}, "shoulder_r_rot": {-90, 90}, "elbow_r": {0, 150},
	"hip_l_flex": {-30, 135}, "hip_l_abd": {-30, 60}, "hip_l_rot": {-60, 50}, "knee_l": {0, 155}, "ankle_l": {-40, 60},
	"hip_r_flex": {-30, 135}, "hip_r_abd": {-30, 60}, "hip_r_rot": {-60, 50}, "knee_r": {0, 155}, "ankle_r": {-40, 60},
}

// DOFs lists every degree of freedom in a fixed order (root, spine, neck,
// then the right and left limbs).
var DOFs = []DOF{
	"pitch", "roll", "yaw", "spine_flex", "spine_side", "spine_twist", "neck_flex",
	"shoulder_r_flex", "shoulder_r_abd", "shoulder_r_rot", "elbow_r",
	"shoulder_l_flex", "shoulder_l_abd", "shoulder_l_rot", "elbow_l",
	"hip_r_flex", "hip_r_abd", "hip_r_rot", "knee_r", "ankle_r",
	"hip_l_flex", "hip_l_abd", "hip_l_rot", "knee_l", "ankle_l",
}

// LimitOf returns the range of d and whether d is a known joint.
func LimitOf(d DOF) (Limit, bool) {
	l, ok := limits[d]
	return l, ok
}

// Angles are a body's joint angles in degrees; a joint not set is 0
// (standing tall, arms by the sides).
type Angles map[DOF]float64

// Set puts v on d, clamped into its limits, and returns the value kept.
// An unknown joint is ignored and returns 0.
func (a Angles) Set(d DOF, v float64) float64 {
	l, ok := limits[d]
	if !ok {
		return 0
	}
	v = math.Max(l.Min, math.Min(l.Max, v))
	a[d] = v
	return v
}

// Clone returns a copy of a.
func (a Angles) Clone() Angles {
	out := make(Angles, len(a))
	for k, v := range a {
		out[k] = v
	}
	return out
}

// Check returns an error naming every joint outside its limits or unknown.
func (a Angles) Check() error {
	var bad []string
	keys := make([]string, 0, len(a))
	for k := range a {
		keys = append(keys, string(k))
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := a[DOF(k)]
		l, ok := limits[DOF(k)]
		switch {
		case !ok:
			bad = append(bad, fmt.Sprintf("%s is not a joint", k))
		case math.IsNaN(v) || v < l.Min || v > l.Max:
			bad = append(bad, fmt.Sprintf("%s %.0f° is outside %.0f° to %.0f°", k, v, l.Min, l.Max))
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("%s", strings.Join(bad, "; "))
	}
	return nil
}

// PropKind names a piece of equipment or furniture drawn with the body.
type PropKind string

// The props.
const (
	Floor      PropKind = "floor"
	Mat        PropKind = "mat"
	Wall       PropKind = "wall"
	Doorway    PropKind = "doorway"
	Dowel      PropKind = "dowel"
	Band       PropKind = "band"
	Cable      PropKind = "cable"
	Bench      PropKind = "bench"
	Box        PropKind = "box"
	Kettlebell PropKind = "kettlebell"
	Dumbbell   PropKind = "dumbbell"
	Barbell    PropKind = "barbell"
	FoamRoller PropKind = "foam_roller"
	Cushion    PropKind = "cushion"
	// Basket is a laundry basket or shopping bag held in both hands.
	Basket PropKind = "basket"
)

// PropKinds lists the props in the order an editor offers them.
var PropKinds = []PropKind{Mat, Wall, Doorway, Dowel, Band, Cable, Bench, Box, Kettlebell, Dumbbell, Barbell, FoamRoller, Cushion, Basket}

// Prop is a piece of equipment placed relative to the body. At names the
// body point it touches (see Points); To is a second body point for props
// held or looped between two (a band between the hands, a dowel along the
// back from head to pelvis). DX and DY move it in metres on the page (DY
// up); for a band or cable they place the anchor relative to At.
type Prop struct {
	Kind PropKind `json:"kind"`
	At   string   `json:"at,omitempty"`
	To   string   `json:"to,omitempty"`
	// Ref, when set, is the body point DX and DY are measured from, so a
	// prop (a band's anchor, a box) stays put while the body moves.
	Ref string  `json:"ref,omitempty"`
	DX  float64 `json:"dx,omitempty"`
	DY  float64 `json:"dy,omitempty"`
	// W is a width or length in metres where the prop has one to choose
	// (bench, box, mat); 0 takes the usual size.
	W float64 `json:"w,omitempty"`
}

// Arrow shows a movement: from body point At (moved by OX, OY) along
// DX, DY (metres on the page, Y up), bowed by Bend (a fraction of its
// length, + to the left of the direction of travel).
type Arrow struct {
	At   string  `json:"at"`
	OX   float64 `json:"ox,omitempty"`
	OY   float64 `json:"oy,omitempty"`
	DX   float64 `json:"dx"`
	DY   float64 `json:"dy"`
	Bend float64 `json:"bend,omitempty"`
}

// Pose is one position of an exercise as it is drawn.
type Pose struct {
	// Name is "start", "middle", "end" or the coach's own word.
	Name   string `json:"name"`
	View   View   `json:"view"`
	Angles Angles `json:"angles"`
	// Tilt raises the camera this many degrees above the horizon (0 to
	// 60), looking down a little: a bend towards the camera, such as the
	// knees of a body lying on its side, then shows.
	Tilt float64 `json:"tilt,omitempty"`
	// Lift raises the body off the floor (metres): airborne in a jump, or
	// standing on a box.
	Lift  float64 `json:"lift,omitempty"`
	Props []Prop  `json:"props,omitempty"`
	// Region lists the body parts working, drawn in the accent colour
	// (see Regions).
	Region []string `json:"region,omitempty"`
	Arrows []Arrow  `json:"arrows,omitempty"`
	// Rest names two body points that rest on the floor (a knee and a
	// hand on all fours, a forearm and a knee in a side plank): the whole
	// body turns in the picture's plane until both touch it. Empty lets
	// only the lowest point touch.
	Rest []string `json:"rest,omitempty"`
	// NoFloor leaves the floor line out (a figure seen from above has a
	// mat instead).
	NoFloor bool `json:"no_floor,omitempty"`
}

// Clone returns a deep copy of p.
func (p Pose) Clone() Pose {
	q := p
	q.Angles = p.Angles.Clone()
	q.Props = append([]Prop(nil), p.Props...)
	q.Region = append([]string(nil), p.Region...)
	q.Arrows = append([]Arrow(nil), p.Arrows...)
	q.Rest = append([]string(nil), p.Rest...)
	return q
}

// Check returns an error when p cannot be drawn as given: an unknown view,
// a joint outside its limits, an unknown prop, body point or region.
func (p Pose) Check() error {
	var bad []string
	switch p.View {
	case Side, Front, Above:
	default:
		bad = append(bad, fmt.Sprintf("view %q is not side, front or above", p.View))
	}
	if err := p.Angles.Check(); err != nil {
		bad = append(bad, err.Error())
	}
	for _, pr := range p.Props {
		if !knownProp(pr.Kind) {
			bad = append(bad, fmt.Sprintf("prop %q is not known", pr.Kind))
		}
		for _, at := range []string{pr.At, pr.To, pr.Ref} {
			if at != "" && !knownPoint(at) {
				bad = append(bad, fmt.Sprintf("prop %s: body point %q is not known", pr.Kind, at))
			}
		}
	}
	for _, r := range p.Region {
		if _, ok := regions[r]; !ok {
			bad = append(bad, fmt.Sprintf("region %q is not known", r))
		}
	}
	for _, a := range p.Arrows {
		if !knownPoint(a.At) {
			bad = append(bad, fmt.Sprintf("arrow: body point %q is not known", a.At))
		}
	}
	if len(p.Rest) != 0 && len(p.Rest) != 2 {
		bad = append(bad, "rest names two body points or none")
	}
	for _, r := range p.Rest {
		if !knownPoint(r) {
			bad = append(bad, fmt.Sprintf("rest: body point %q is not known", r))
		}
	}
	if math.IsNaN(p.Tilt) || p.Tilt < 0 || p.Tilt > 60 {
		bad = append(bad, "tilt must be 0° to 60°")
	}
	if math.IsNaN(p.Lift) || p.Lift < 0 || p.Lift > 1.5 {
		bad = append(bad, "lift must be 0 to 1.5 m")
	}
	if len(bad) > 0 {
		return fmt.Errorf("pose %q: %s", p.Name, strings.Join(bad, "; "))
	}
	return nil
}

func knownProp(k PropKind) bool {
	if k == Floor {
		return true
	}
	for _, x := range PropKinds {
		if x == k {
			return true
		}
	}
	return false
}
