package figure

import "math"

// vec is a point or direction in the room, in metres: x the way the body
// faces when standing, y up, z to its right.
type vec struct{ x, y, z float64 }

func (a vec) add(b vec) vec        { return vec{a.x + b.x, a.y + b.y, a.z + b.z} }
func (a vec) sub(b vec) vec        { return vec{a.x - b.x, a.y - b.y, a.z - b.z} }
func (a vec) mul(k float64) vec    { return vec{a.x * k, a.y * k, a.z * k} }
func lerp(a, b vec, k float64) vec { return a.add(b.sub(a).mul(k)) }

// mat is a rotation; columns are the frame's axes.
type mat [3][3]float64

func (m mat) apply(v vec) vec {
	return vec{
		m[0][0]*v.x + m[0][1]*v.y + m[0][2]*v.z,
		m[1][0]*v.x + m[1][1]*v.y + m[1][2]*v.z,
		m[2][0]*v.x + m[2][1]*v.y + m[2][2]*v.z,
	}
}

func (m mat) dot(n mat) mat {
	var o mat
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			for k := 0; k < 3; k++ {
				o[i][j] += m[i][k] * n[k][j]
			}
		}
	}
	return o
}

func rad(d float64) float64 { return d * math.Pi / 180 }

func rx(d float64) mat {
	s, c := math.Sincos(rad(d))
	return mat{{1, 0, 0}, {0, c, -s}, {0, s, c}}
}

func ry(d float64) mat {
	s, c := math.Sincos(rad(d))
	return mat{{c, 0, s}, {0, 1, 0}, {-s, 0, c}}
}

func rz(d float64) mat {
	s, c := math.Sincos(rad(d))
	return mat{{c, -s, 0}, {s, c, 0}, {0, 0, 1}}
}

// Body proportions in metres (an adult of about 1.65 m).
const (
	lenLowTrunk = 0.22
	lenChest    = 0.30
	lenNeck     = 0.09
	headR       = 0.105
	lenUpperArm = 0.29
	lenForearm  = 0.25
	lenHand     = 0.08
	lenThigh    = 0.42
	lenShin     = 0.41
	hipHalf     = 0.085
	shoulderOut = 0.15
)

// Stroke widths in metres: the thickness each part is drawn with.
const (
	wTrunk   = 0.22
	wSide    = 0.12 // the outline of the trunk's front face
	wNeck    = 0.09
	wUpper   = 0.095
	wFore    = 0.08
	wHand    = 0.065
	wThigh   = 0.14
	wShin    = 0.105
	wFoot    = 0.07
	wHalo    = 0.028 // paper-coloured edge that separates near parts from far
	wProp    = 0.025
	wArrow   = 0.032
	wFloor   = 0.02
	wFarEdge = 0.022 // the ink edge of a far limb, drawn hollow
	arrowTip = 0.085
)

// skeleton is the posed body: named points in the room.
type skeleton struct {
	pt map[string]vec
	// forward and back are the chest's facing direction, for the face
	// marker and a dowel along the back.
	face vec
	up   vec
}

// limbSide is -1 for the left and +1 for the right (the z axis runs to the
// body's right).
var limbSides = []struct {
	s     float64
	names limbNames
}{{+1, namesFor("_r")}, {-1, namesFor("_l")}}

// limbNames are a side's joint and point names, built once.
type limbNames struct {
	shFlex, shAbd, shRot, elbow, hipFlex, hipAbd, hipRot, knee, ankle DOF
	pts                                                               [9]string
}

func namesFor(x string) limbNames {
	n := limbNames{
		shFlex: DOF("shoulder" + x + "_flex"), shAbd: DOF("shoulder" + x + "_abd"), shRot: DOF("shoulder" + x + "_rot"),
		elbow: DOF("elbow" + x), hipFlex: DOF("hip" + x + "_flex"), hipAbd: DOF("hip" + x + "_abd"), hipRot: DOF("hip" + x + "_rot"),
		knee: DOF("knee" + x), ankle: DOF("ankle" + x),
	}
	for i, p := range []string{"shoulder", "elbow", "wrist", "hand", "hip", "knee", "ankle", "heel", "toe"} {
		n.pts[i] = p + x
	}
	return n
}

func pose3D(a Angles) skeleton {
	g := func(d string) float64 { return a[DOF(d)] }
	sk := skeleton{pt: make(map[string]vec, 40)}
	pelvisF := ry(g("yaw")).dot(rz(-g("pitch"))).dot(rx(g("roll")))
	pelvis := vec{}
	waist := pelvis.add(pelvisF.apply(vec{0, lenLowTrunk, 0}))
	chestF := pelvisF.dot(rz(-g("spine_flex"))).dot(rx(g("spine_side"))).dot(ry(g("spine_twist")))
	neckBase := waist.add(chestF.apply(vec{0, lenChest, 0}))
	neckF := chestF.dot(rz(-g("neck_flex")))
	neckTop := neckBase.add(neckF.apply(vec{0, lenNeck, 0}))
	head := neckTop.add(neckF.apply(vec{0.015, headR * 0.9, 0}))
	sk.pt["pelvis"] = pelvis
	sk.pt["waist"] = waist
	sk.pt["chest"] = lerp(waist, neckBase, 0.6)
	sk.pt["neck"] = neckBase
	sk.pt["head"] = head
	sk.pt["face"] = head.add(neckF.apply(vec{headR, 0, 0}))
	sk.face = chestF.apply(vec{1, 0, 0})
	sk.up = chestF.apply(vec{0, 1, 0})
	for _, ls := range limbSides {
		s, n := ls.s, ls.names
		sh := neckBase.add(chestF.apply(vec{0, -0.05, s * shoulderOut}))
		armF := chestF.dot(rz(a[n.shFlex])).dot(rx(-s * a[n.shAbd])).dot(ry(s * a[n.shRot]))
		elbow := sh.add(armF.apply(vec{0, -lenUpperArm, 0}))
		foreF := armF.dot(rz(a[n.elbow]))
		wrist := elbow.add(foreF.apply(vec{0, -lenForearm, 0}))
		hand := wrist.add(foreF.apply(vec{0, -lenHand, 0}))
		hip := pelvis.add(pelvisF.apply(vec{0, -0.05, s * hipHalf}))
		thighF := pelvisF.dot(rz(a[n.hipFlex])).dot(rx(-s * a[n.hipAbd])).dot(ry(s * a[n.hipRot]))
		knee := hip.add(thighF.apply(vec{0, -lenThigh, 0}))
		shinF := thighF.dot(rz(-a[n.knee]))
		ankle := knee.add(shinF.apply(vec{0, -lenShin, 0}))
		footF := shinF.dot(rz(-a[n.ankle]))
		heel := ankle.add(footF.apply(vec{-0.05, -0.055, 0}))
		toe := ankle.add(footF.apply(vec{0.16, -0.06, 0}))
		sk.pt[n.pts[0]] = sh
		sk.pt[n.pts[1]] = elbow
		sk.pt[n.pts[2]] = wrist
		sk.pt[n.pts[3]] = hand
		sk.pt[n.pts[4]] = hip
		sk.pt[n.pts[5]] = knee
		sk.pt[n.pts[6]] = ankle
		sk.pt[n.pts[7]] = heel
		sk.pt[n.pts[8]] = toe
	}
	sk.pt["hands"] = lerp(sk.pt["hand_l"], sk.pt["hand_r"], 0.5)
	sk.pt["knees"] = lerp(sk.pt["knee_l"], sk.pt["knee_r"], 0.5)
	sk.pt["feet"] = lerp(sk.pt["ankle_l"], sk.pt["ankle_r"], 0.5)
	sk.pt["back"] = sk.pt["chest"].add(sk.face.mul(-wTrunk / 2))
	sk.pt["sacrum"] = pelvis.add(sk.face.mul(-wTrunk / 2))
	return sk
}

// pointNames lists the body points props and arrows can refer to.
var pointNames = map[string]bool{
	"pelvis": true, "waist": true, "chest": true, "neck": true, "head": true, "face": true,
	"hands": true, "knees": true, "feet": true, "back": true, "sacrum": true,
}

func init() {
	for _, p := range []string{"shoulder", "elbow", "wrist", "hand", "hip", "knee", "ankle", "heel", "toe"} {
		pointNames[p+"_l"] = true
		pointNames[p+"_r"] = true
	}
}

func knownPoint(n string) bool { return pointNames[n] }

// Points returns the body points a prop or arrow can name, sorted.
func Points() []string {
	out := make([]string, 0, len(pointNames))
	for k := range pointNames {
		out = append(out, k)
	}
	sortStrings(out)
	return out
}
