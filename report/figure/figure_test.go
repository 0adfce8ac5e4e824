package figure_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assets"
	"github.com/keel-coach/keel/report/figure"
)

func builtinLibrary(t *testing.T) *assessment.Library {
	t.Helper()
	lib, err := assessment.ParseLibrary(assets.LibraryJSON)
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// Every built-in exercise has a start and an end position at least, and
// the figure file names no exercise the library lacks.
func TestBuiltinEveryExerciseHasPoses(t *testing.T) {
	lib := builtinLibrary(t)
	figs, err := figure.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range lib.Exercises {
		poses, ok := figure.ForExercise(e.ID)
		if !ok || len(poses) < 2 {
			t.Errorf("%s: %d poses, want at least 2", e.ID, len(poses))
		}
	}
	for id := range figs {
		if _, ok := lib.Get(id); !ok {
			t.Errorf("figures.json has %q, which is not in the library", id)
		}
	}
}

// Every built-in pose is inside the joint limits, and its body points,
// props and regions are known.
func TestBuiltinPosesInsideLimits(t *testing.T) {
	figs, err := figure.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for id, s := range figs {
		for _, p := range s.Poses {
			if err := p.Check(); err != nil {
				t.Errorf("%s: %v", id, err)
			}
			for d, v := range p.Angles {
				l, _ := figure.LimitOf(d)
				if v < l.Min || v > l.Max {
					t.Errorf("%s/%s: %s = %v outside %v", id, p.Name, d, v, l)
				}
			}
		}
	}
}

// One-sided work says which side the figure shows, and that side's limbs
// are the ones that move or work.
func TestBuiltinOneSidedShowsItsSide(t *testing.T) {
	lib := builtinLibrary(t)
	figs, _ := figure.Builtin()
	for _, e := range lib.Exercises {
		s := figs[e.ID]
		if s.Side == "" {
			continue
		}
		if s.Side != "left" && s.Side != "right" {
			t.Errorf("%s: side %q", e.ID, s.Side)
			continue
		}
		x := "_" + s.Side[:1]
		moved := false
		first, last := s.Poses[0], s.Poses[len(s.Poses)-1]
		for _, d := range figure.DOFs {
			if strings.Contains(string(d), x) && first.Angles[d] != last.Angles[d] {
				moved = true
			}
		}
		for _, p := range s.Poses {
			for _, r := range p.Region {
				if strings.HasSuffix(r, x) {
					moved = true
				}
			}
		}
		if !moved {
			t.Errorf("%s: shows the %s side but no %s joint moves or works", e.ID, s.Side, x)
		}
	}
}

func TestSetClampsToLimits(t *testing.T) {
	a := figure.Angles{}
	if got := a.Set("knee_l", 200); got != 155 {
		t.Errorf("knee_l 200 kept as %v, want 155", got)
	}
	if got := a.Set("elbow_r", -20); got != 0 {
		t.Errorf("elbow_r -20 kept as %v, want 0", got)
	}
	if got := a.Set("wing", 10); got != 0 || len(a) != 2 {
		t.Errorf("unknown joint stored: %v", a)
	}
}

func TestParse(t *testing.T) {
	t.Run("ErrOutsideLimits", func(t *testing.T) {
		_, err := figure.Parse([]byte(`{"presets":{},"exercises":{"x":{"poses":[{"name":"start","angles":{"knee":170}}]}}}`))
		if err == nil || !strings.Contains(err.Error(), "knee_l") {
			t.Fatalf("got %v, want knee_l out of limits", err)
		}
	})
	t.Run("ErrUnknownJoint", func(t *testing.T) {
		_, err := figure.Parse([]byte(`{"presets":{},"exercises":{"x":{"poses":[{"name":"start","angles":{"wing":1}}]}}}`))
		if err == nil {
			t.Fatal("an unknown joint was accepted")
		}
	})
	t.Run("ErrUnknownProp", func(t *testing.T) {
		_, err := figure.Parse([]byte(`{"presets":{},"exercises":{"x":{"poses":[{"name":"start","props":[{"kind":"trampoline"}]}]}}}`))
		if err == nil {
			t.Fatal("an unknown prop was accepted")
		}
	})
	t.Run("OK", func(t *testing.T) {
		s, err := figure.Parse([]byte(`{"presets":{"p":{"angles":{"knee":20}}},"exercises":{"x":{"moves":["ankle_r"],"poses":[
			{"name":"start","base":"p"},{"name":"end","base":"@start","angles":{"knee_r":90}}]}}}`))
		if err != nil {
			t.Fatal(err)
		}
		p := s["x"].Poses
		if p[1].Angles["knee_l"] != 20 || p[1].Angles["knee_r"] != 90 {
			t.Errorf("end angles %v", p[1].Angles)
		}
		if len(p[0].Arrows) != 1 || p[0].Arrows[0].At != "ankle_r" {
			t.Errorf("start arrows %v, want one from ankle_r", p[0].Arrows)
		}
	})
}

// The same pose always gives the same primitives.
func TestDrawDeterministic(t *testing.T) {
	figs, _ := figure.Builtin()
	for id, s := range figs {
		a := figure.DrawSet(s.Poses, 37, 30)
		b := figure.DrawSet(s.Poses, 37, 30)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: two draws differ", id)
		}
		for i, prims := range a {
			if len(prims) == 0 {
				t.Errorf("%s/%d: nothing drawn", id, i)
			}
			for _, q := range prims {
				for _, p := range q.Pts {
					if p.X < -2 || p.X > 39 || p.Y < -2 || p.Y > 32 {
						t.Fatalf("%s/%d: point %v outside the 37×30 box", id, i, p)
					}
				}
			}
		}
	}
}

func TestEncodeDecode(t *testing.T) {
	poses, _ := figure.ForExercise("glute_bridge")
	poses = append(poses, figure.Neutral("kneeling"), figure.Neutral("lying"), figure.Neutral("standing"))
	b, err := figure.Encode(poses)
	if err != nil {
		t.Fatal(err)
	}
	got, err := figure.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, poses) {
		t.Errorf("round trip changed the poses:\n got %+v\nwant %+v", got, poses)
	}
	t.Run("ErrOutsideLimits", func(t *testing.T) {
		if _, err := figure.Decode([]byte(`{"poses":[{"name":"a","view":"side","angles":{"elbow_l":170}}]}`)); err == nil {
			t.Fatal("an elbow bent past its limit was read")
		}
	})
}

// Dragging a knee towards a point turns the hip, inside its limits.
func TestReach(t *testing.T) {
	p := figure.Neutral("standing")
	const w, h = 260.0, 240.0
	at := figure.HandlesAt(p, w, h)["knee_r"]
	target := figure.Pt{X: at.X + 40, Y: at.Y - 40} // forward and up: a lifted knee
	d, v, ok := figure.Reach(&p, "knee_r", target, w, h)
	if !ok || d != "hip_r_flex" || v < 45 || v > 135 {
		t.Fatalf("Reach turned %s to %v (ok %v); want hip_r_flex lifted", d, v, ok)
	}
	if err := p.Check(); err != nil {
		t.Fatal(err)
	}
	if name, _ := figure.NearestHandle(p, figure.HandlesAt(p, w, h)["head"], w, h); name != "head" {
		t.Errorf("nearest handle to the head is %q", name)
	}
	// Past the limit the joint stops at it.
	q := figure.Neutral("standing")
	a := figure.HandlesAt(q, w, h)["ankle_r"]
	figure.Reach(&q, "ankle_r", figure.Pt{X: a.X + 200, Y: a.Y}, w, h)
	if q.Angles["knee_r"] < 0 || q.Angles["knee_r"] > 155 {
		t.Errorf("knee outside its limits: %v", q.Angles["knee_r"])
	}
}
