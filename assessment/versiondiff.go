package assessment

import (
	"fmt"
	"slices"
	"strings"
)

// VersionChanges says in words what changed from one version of a
// programme to the next, week by week and day by day: exercises added,
// removed, swapped (one out and one in at the same place) and doses
// changed. Empty when nothing did.
func VersionChanges(old, cur *Programme) []string {
	if old == nil || cur == nil {
		return nil
	}
	var out []string
	for _, w := range cur.Weeks {
		ow := weekOf(old, w.Week)
		for _, d := range w.Days {
			var before []Prescription
			if ow != nil {
				if od := dayOf(ow, d.Day); od != nil {
					before = od.Exercises
				}
			}
			where := fmt.Sprintf("week %d, %s", w.Week, dayName(d.Day))
			out = append(out, dayChanges(before, d.Exercises, where)...)
		}
	}
	if ow := len(old.Weeks); ow > len(cur.Weeks) {
		out = append(out, fmt.Sprintf("The plan is %d weeks shorter.", ow-len(cur.Weeks)))
	}
	return out
}

func dayChanges(before, after []Prescription, where string) []string {
	var out []string
	ids := func(ls []Prescription) []string {
		var s []string
		for _, l := range ls {
			s = append(s, lineKey(l))
		}
		return s
	}
	bi, ai := ids(before), ids(after)
	// A line that went and one that came at the same place is a swap.
	var gone, came []Prescription
	for i, l := range before {
		if slices.Contains(ai, lineKey(l)) {
			continue
		}
		if i < len(after) && !slices.Contains(bi, lineKey(after[i])) {
			out = append(out, fmt.Sprintf("%s: %s swapped for %s.", where, l.Name, after[i].Name))
			continue
		}
		gone = append(gone, l)
	}
	for i, l := range after {
		if slices.Contains(bi, lineKey(l)) {
			continue
		}
		if i < len(before) && !slices.Contains(ai, lineKey(before[i])) {
			continue // said as a swap above
		}
		came = append(came, l)
	}
	for _, l := range gone {
		out = append(out, fmt.Sprintf("%s: %s removed.", where, l.Name))
	}
	for _, l := range came {
		out = append(out, fmt.Sprintf("%s: %s added.", where, l.Name))
	}
	for _, a := range after {
		i := slices.IndexFunc(before, func(b Prescription) bool { return lineKey(b) == lineKey(a) })
		if i < 0 {
			continue
		}
		if was, now := fullDose(before[i]), fullDose(a); was != now {
			out = append(out, fmt.Sprintf("%s: %s from %s to %s.", where, a.Name, was, now))
		}
	}
	return out
}

// fullDose is a line's dose in words, with its details.
func fullDose(l Prescription) string {
	parts := []string{DoseText(l)}
	if d := DoseDetails(l); d != "" {
		parts = append(parts, d)
	}
	return strings.Join(parts, ", ")
}

func weekOf(p *Programme, n int) *Week {
	for i := range p.Weeks {
		if p.Weeks[i].Week == n {
			return &p.Weeks[i]
		}
	}
	return nil
}

func dayOf(w *Week, name string) *Day {
	for i := range w.Days {
		if w.Days[i].Day == name {
			return &w.Days[i]
		}
	}
	return nil
}

var dayNamesLong = map[string]string{"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}

func dayName(d string) string {
	if n, ok := dayNamesLong[d]; ok {
		return n
	}
	return d
}

// lineKey tells lines of a day apart: one exercise may be there once for
// each side.
func lineKey(l Prescription) string { return l.ExerciseID + "|" + l.Side }
