package figure

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/keel-coach/keel/assets"
)

// Set is the figure of one exercise: its poses in order (start, a middle
// one where the movement needs it, end).
type Set struct {
	// Side is "left" or "right" for one-sided work: the side the figure
	// works (the near side in a side view); empty when both sides work.
	Side  string `json:"side,omitempty"`
	Poses []Pose `json:"poses"`
}

// authored is the asset file's form of a pose: a base (a preset, or
// "@name" for an earlier pose of the same exercise) with changes.
type authored struct {
	Name    string             `json:"name"`
	Base    string             `json:"base"`
	View    View               `json:"view"`
	Angles  map[string]float64 `json:"angles"`
	Lift    *float64           `json:"lift"`
	Tilt    *float64           `json:"tilt"`
	Props   *[]Prop            `json:"props"`
	AddProp []Prop             `json:"add_props"`
	Region  *[]string          `json:"region"`
	Arrows  []Arrow            `json:"arrows"`
	NoFloor *bool              `json:"no_floor"`
	Rest    *[]string          `json:"rest"`
}

type authoredSet struct {
	Side  string     `json:"side"`
	Moves []string   `json:"moves"`
	Poses []authored `json:"poses"`
}

type assetFile struct {
	Presets   map[string]authored    `json:"presets"`
	Exercises map[string]authoredSet `json:"exercises"`
}

// shorthand keys set both sides at once: "knee" sets knee_l and knee_r.
func expand(k string) []DOF {
	if _, ok := limits[DOF(k)]; ok {
		return []DOF{DOF(k)}
	}
	for _, j := range []string{"shoulder", "hip", "elbow", "knee", "ankle"} {
		if rest, ok := strings.CutPrefix(k, j); ok && (rest == "" || rest[0] == '_') {
			l, r := DOF(j+"_l"+rest), DOF(j+"_r"+rest)
			if _, ok := limits[l]; ok {
				return []DOF{l, r}
			}
		}
	}
	return nil
}

func (f *assetFile) resolve(a authored, done map[string]Pose, depth int) (Pose, error) {
	if depth > 8 {
		return Pose{}, fmt.Errorf("pose %q: bases nest too deep", a.Name)
	}
	var p Pose
	switch {
	case strings.HasPrefix(a.Base, "@"):
		b, ok := done[a.Base[1:]]
		if !ok {
			return Pose{}, fmt.Errorf("pose %q: no earlier pose %q", a.Name, a.Base[1:])
		}
		p = b.Clone()
		p.Arrows = nil
	case a.Base != "":
		pr, ok := f.Presets[a.Base]
		if !ok {
			return Pose{}, fmt.Errorf("pose %q: no preset %q", a.Name, a.Base)
		}
		b, err := f.resolve(pr, done, depth+1)
		if err != nil {
			return Pose{}, err
		}
		p = b
	default:
		p = Pose{View: Side, Angles: Angles{}}
	}
	p.Name = a.Name
	if a.View != "" {
		p.View = a.View
	}
	keys := make([]string, 0, len(a.Angles))
	for k := range a.Angles {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		ds := expand(k)
		if ds == nil {
			return Pose{}, fmt.Errorf("pose %q: %q is not a joint", a.Name, k)
		}
		for _, d := range ds {
			p.Angles[d] = a.Angles[k]
		}
	}
	if a.Lift != nil {
		p.Lift = *a.Lift
	}
	if a.Tilt != nil {
		p.Tilt = *a.Tilt
	}
	if a.Props != nil {
		p.Props = append([]Prop(nil), (*a.Props)...)
	}
	p.Props = append(p.Props, a.AddProp...)
	if a.Region != nil {
		p.Region = append([]string(nil), (*a.Region)...)
	}
	p.Arrows = append(p.Arrows, a.Arrows...)
	if a.NoFloor != nil {
		p.NoFloor = *a.NoFloor
	}
	if a.Rest != nil {
		p.Rest = append([]string(nil), (*a.Rest)...)
	}
	return p, nil
}

// Parse reads a figure asset file: presets and, per exercise id, its
// poses. Every pose is checked (joint limits, known props and points).
func Parse(data []byte) (map[string]Set, error) {
	var f assetFile
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("figures: %w", err)
	}
	out := make(map[string]Set, len(f.Exercises))
	ids := make([]string, 0, len(f.Exercises))
	for id := range f.Exercises {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		as := f.Exercises[id]
		done := map[string]Pose{}
		set := Set{Side: as.Side}
		for _, a := range as.Poses {
			p, err := f.resolve(a, done, 0)
			if err != nil {
				return nil, fmt.Errorf("figures: %s: %w", id, err)
			}
			if err := p.Check(); err != nil {
				return nil, fmt.Errorf("figures: %s: %w", id, err)
			}
			done[p.Name] = p
			set.Poses = append(set.Poses, p)
		}
		Link(set.Poses, as.Moves)
		out[id] = set
	}
	return out, nil
}

// Link adds an arrow to each pose but the last for every moving body
// point named in moves, from where it is to where the next pose has it.
// A name may end in "-" to bow the arrow the other way or "=" to keep it
// straight.
func Link(poses []Pose, moves []string) {
	for i := 0; i+1 < len(poses); i++ {
		a, b := placed(poses[i]), placed(poses[i+1])
		for _, m := range moves {
			bend := 0.2
			switch {
			case strings.HasSuffix(m, "-"):
				m, bend = m[:len(m)-1], -0.2
			case strings.HasSuffix(m, "="):
				m, bend = m[:len(m)-1], 0
			}
			pa, ok1 := a[m]
			pb, ok2 := b[m]
			if !ok1 || !ok2 || dist(pa, pb) < 0.06 {
				continue
			}
			d := Pt{pb.X - pa.X, pb.Y - pa.Y}
			o := Pt{d.X * 0.12, d.Y * 0.12}
			poses[i].Arrows = append(poses[i].Arrows, Arrow{At: m, OX: round3(o.X), OY: round3(o.Y),
				DX: round3(d.X * 0.76), DY: round3(d.Y * 0.76), Bend: bend})
		}
	}
}

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }

// placed returns the body points of p on the page, in metres, after the
// body is set on the floor.
func placed(p Pose) map[string]Pt {
	return newScene(p).p2
}

var (
	libOnce sync.Once
	lib     map[string]Set
	libErr  error
)

// Builtin returns the figures of the built-in exercises, read once from
// the embedded asset.
func Builtin() (map[string]Set, error) {
	libOnce.Do(func() { lib, libErr = Parse(assets.FiguresJSON) })
	return lib, libErr
}

// ForExercise returns the poses of a built-in exercise (copies, safe to
// change) and whether it has any.
func ForExercise(id string) ([]Pose, bool) {
	l, err := Builtin()
	if err != nil {
		return nil, false
	}
	s, ok := l[id]
	if !ok || len(s.Poses) == 0 {
		return nil, false
	}
	out := make([]Pose, len(s.Poses))
	for i, p := range s.Poses {
		out[i] = p.Clone()
	}
	return out, true
}

// SideOf returns the side a built-in exercise's figure works ("left",
// "right" or "" for both).
func SideOf(id string) string {
	l, _ := Builtin()
	return l[id].Side
}

// Encode writes a coach's poses in the form stored with her exercise.
func Encode(poses []Pose) ([]byte, error) {
	for _, p := range poses {
		if err := p.Check(); err != nil {
			return nil, err
		}
	}
	return json.Marshal(Set{Poses: poses})
}

// Decode reads poses written by Encode and checks each one.
func Decode(data []byte) ([]Pose, error) {
	var s Set
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("figure: %w", err)
	}
	for i := range s.Poses {
		if s.Poses[i].Angles == nil {
			s.Poses[i].Angles = Angles{}
		}
		if err := s.Poses[i].Check(); err != nil {
			return nil, err
		}
	}
	return s.Poses, nil
}

// Neutral returns a starting figure for a coach's own exercise: "standing",
// "kneeling" (on hands and knees) or "lying" (on the back, knees bent).
func Neutral(kind string) Pose {
	switch kind {
	case "kneeling":
		return Pose{Name: "start", View: Side, Angles: Angles{"pitch": 90, "hip_l_flex": 90, "hip_r_flex": 90,
			"knee_l": 90, "knee_r": 90, "shoulder_l_flex": 90, "shoulder_r_flex": 90, "ankle_l": 40, "ankle_r": 40, "neck_flex": -20}}
	case "lying":
		return Pose{Name: "start", View: Side, Angles: Angles{"pitch": -90, "hip_l_flex": 60, "hip_r_flex": 60,
			"knee_l": 110, "knee_r": 110, "ankle_l": 20, "ankle_r": 20, "neck_flex": 10}}
	default:
		return Pose{Name: "start", View: Side, Angles: Angles{"elbow_l": 5, "elbow_r": 5, "knee_l": 3, "knee_r": 3}}
	}
}

type drawKey struct {
	id   string
	w, h float64
}

var drawn sync.Map // drawKey -> [][]Prim

// DrawBuiltin is DrawSet for a built-in exercise's poses, remembered per
// exercise and box size: the built-in figures never change, so a handout
// or a list draws each one once per run. The result is shared; do not
// change it.
func DrawBuiltin(id string, w, h float64) ([][]Prim, bool) {
	k := drawKey{id, w, h}
	if v, ok := drawn.Load(k); ok {
		return v.([][]Prim), true
	}
	l, err := Builtin()
	if err != nil {
		return nil, false
	}
	s, ok := l[id]
	if !ok || len(s.Poses) == 0 {
		return nil, false
	}
	v, _ := drawn.LoadOrStore(k, DrawSet(s.Poses, w, h))
	return v.([][]Prim), true
}
