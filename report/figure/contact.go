package figure

// FloorGap returns how far the surface of body point name lies above the
// floor in p (metres; 0 when it rests on the floor). It answers for a
// side or front view without a tilted camera, where the floor is a line;
// a point it does not know, or a view from above, returns -1.
func FloorGap(p Pose, name string) float64 {
	return floorGap(p, name)
}

func floorGap(p Pose, name string) float64 {
	if !knownPoint(name) || p.View == Above || p.Tilt > 0 {
		return -1
	}
	sc := newScene(p)
	q, ok := sc.p2[name]
	if !ok {
		return -1
	}
	r := sc.surface(name)
	g := q.Y - r - p.Lift
	if g < 0 {
		g = 0
	}
	return g
}
