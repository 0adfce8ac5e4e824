package figure

import (
	"testing"
)

// Props are attached where they belong: hands on a dowel along the back,
// a band either looped between two body points or running to an anchor,
// weights in the hands (or on the hips for a hip thrust), a bench or box
// under the body point that rests on it.
func TestBuiltinPropsAttached(t *testing.T) {
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for id, s := range lib {
		for _, p := range s.Poses {
			sc := newScene(p)
			for _, pr := range p.Props {
				switch pr.Kind {
				case Dowel:
					if isHand(pr.At) && isHand(pr.To) {
						continue
					}
					for _, h := range []string{"hand_l", "hand_r"} {
						if d := sc.dowelDistance(pr, h); d > 0.09 {
							t.Errorf("%s/%s: %s is %.2f m off the dowel", id, p.Name, h, d)
						}
					}
				case Band, Cable:
					if pr.At == "" {
						t.Errorf("%s/%s: a band held by nothing", id, p.Name)
					}
					if pr.To == "" && pr.Ref == "" && pr.DX == 0 && pr.DY == 0 {
						t.Errorf("%s/%s: a band with neither a second body point nor an anchor", id, p.Name)
					}
				case Kettlebell, Dumbbell:
					if !isHand(pr.At) {
						t.Errorf("%s/%s: %s not in a hand (%q)", id, p.Name, pr.Kind, pr.At)
					}
				case Barbell:
					if !isHand(pr.At) && pr.At != "pelvis" {
						t.Errorf("%s/%s: barbell neither in the hands nor on the hips (%q)", id, p.Name, pr.At)
					}
					if isHand(pr.At) {
						// On the floor or in the hands: a plate never sinks into the floor.
						if y := sc.p2[pr.At].Y; y < 0.2 {
							t.Errorf("%s/%s: barbell at %.2f m sinks into the floor", id, p.Name, y)
						}
					}
				case Bench, Box, Cushion, FoamRoller:
					if pr.At == "" && pr.Ref == "" {
						t.Errorf("%s/%s: %s placed relative to nothing", id, p.Name, pr.Kind)
					}
				}
			}
		}
	}
}

// A dowel held along the back and a hand far from it is caught.
func TestDowelDistanceCatchesLooseHand(t *testing.T) {
	p := Pose{View: Side, Angles: Angles{"shoulder_l_flex": 90, "shoulder_r_flex": 90}}
	sc := &scene{view: p.View, sk: pose3D(p.Angles), p2: map[string]Pt{}, depth: map[string]float64{}}
	for n, v := range sc.sk.pt {
		sc.p2[n], sc.depth[n] = sc.project(v)
	}
	if d := sc.dowelDistance(Prop{Kind: Dowel, At: "head", To: "sacrum"}, "hand_r"); d < 0.3 {
		t.Fatalf("a hand reaching forward is %.2f m from a dowel on the back", d)
	}
}

// The hands stay pressed into the hip crease through the hinge, and the
// bent-over row ends with the weight beside the lower ribs, not in front.
func TestHandsWhereTheCuesPutThem(t *testing.T) {
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range lib["hinge_hands_on_hips"].Poses {
		pt := placed(p)
		if d := dist(pt["hand_r"], pt["hip_r"]); d > 0.2 {
			t.Errorf("hinge_hands_on_hips/%s: hand %.2f m from the hip", p.Name, d)
		}
	}
	row := lib["db_row_bent"].Poses
	end := placed(row[len(row)-1])
	if dx := end["hand_r"].X - end["waist"].X; dx > 0.15 {
		t.Errorf("db_row_bent/end: the dumbbell is %.2f m in front of the waist", dx)
	}
}
