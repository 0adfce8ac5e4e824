package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/keel-coach/keel/assessment"
)

// indexLibrary maps exercise ids to exercises (the first of any duplicate
// wins, as the library loader would refuse duplicates anyway).
func indexLibrary(lib *assessment.Library) map[string]*assessment.Exercise {
	m := map[string]*assessment.Exercise{}
	if lib == nil {
		return m
	}
	for _, e := range lib.Exercises {
		if e != nil && e.ID != "" {
			if _, dup := m[e.ID]; !dup {
				m[e.ID] = e
			}
		}
	}
	return m
}

// cardAcc gathers what the programme says about one exercise.
type cardAcc struct {
	id, name string
	reasons  []string
	sides    map[string]bool
	weeks    []int            // weeks it appears in, in programme order
	parts    map[int][]string // distinct doses per week, in session order
	phase    map[int]int      // week → phase span index
	how      map[int]string   // phase span index → tempo and rest
	seenWeek map[int]bool
}

func buildCards(p *assessment.Programme, phases []phaseSpan, lib map[string]*assessment.Exercise) []Card {
	var order []*cardAcc
	byID := map[string]*cardAcc{}
	for _, wk := range p.Weeks {
		ph := phaseOf(phases, wk)
		phaseName := wk.Phase
		if ph >= 0 && phases[ph].Name != "" {
			phaseName = phases[ph].Name
		}
		for _, d := range wk.Days {
			for _, rx := range d.Exercises {
				key := rx.ExerciseID
				if key == "" {
					key = "name:" + rx.Name
				}
				acc := byID[key]
				if acc == nil {
					acc = &cardAcc{id: rx.ExerciseID, name: rx.Name, sides: map[string]bool{},
						parts: map[int][]string{}, phase: map[int]int{}, how: map[int]string{}, seenWeek: map[int]bool{}}
					byID[key] = acc
					order = append(order, acc)
				}
				if r := strings.TrimSpace(rx.Reason); r != "" && !contains(acc.reasons, r) {
					acc.reasons = append(acc.reasons, r)
				}
				if rx.Side == assessment.SideLeft || rx.Side == assessment.SideRight {
					acc.sides[rx.Side] = true
				}
				if !acc.seenWeek[wk.Week] {
					acc.seenWeek[wk.Week] = true
					acc.weeks = append(acc.weeks, wk.Week)
					acc.phase[wk.Week] = ph
				}
				ex := lib[rx.ExerciseID]
				if _, ok := acc.how[ph]; !ok {
					acc.how[ph] = doseHow(ex, phaseName)
				}
				if dose := doseBase(rx, ex, phaseName); dose != "" && !contains(acc.parts[wk.Week], dose) {
					acc.parts[wk.Week] = append(acc.parts[wk.Week], dose)
				}
			}
		}
	}
	cards := make([]Card, 0, len(order))
	for _, acc := range order {
		cards = append(cards, acc.card(phases, lib[acc.id]))
	}
	return cards
}

func (acc *cardAcc) card(phases []phaseSpan, ex *assessment.Exercise) Card {
	c := Card{ExerciseID: acc.id}
	switch {
	case ex != nil && strings.TrimSpace(ex.Name) != "":
		c.Name = clean(ex.Name, maxNameRunes)
	case strings.TrimSpace(acc.name) != "":
		c.Name = clean(acc.name, maxNameRunes)
	default:
		c.Name = clean(acc.id, maxNameRunes)
	}
	if c.Name == "" {
		c.Name = "Exercise"
	}
	c.Dosage = acc.dosage(phases)
	if ex != nil {
		for _, cue := range ex.Cues {
			if len(c.Cues) == maxCues {
				break
			}
			if t := clean(cue, maxCueRunes); t != "" {
				c.Cues = append(c.Cues, t)
			}
		}
	}
	if len(c.Cues) == 0 {
		c.Cues = []string{"We will go through this one together in your session; ask me if anything feels unclear."}
	}
	c.Why = clean(strings.Join(acc.reasons, " "), maxReasonRunes)
	if c.Why == "" {
		c.Why = "It builds the strength and control your plan is working on."
	}
	c.SideNote = sideNote(acc.sides)
	return c
}

// dosage words the dose phase by phase. Within a phase a change reads
// "from week 3: …"; phases with the same wording merge into one line, so a
// dose that never changes takes one line.
func (acc *cardAcc) dosage(phases []phaseSpan) []PhaseDose {
	type line struct {
		ph          int
		first, last int
		text        string
	}
	var lines []line
	byPhase := map[int]*line{}
	var phaseOrder []int
	sorted := append([]int(nil), acc.weeks...)
	sort.Ints(sorted)
	prev := map[int]string{}
	for _, w := range sorted {
		ph := acc.phase[w]
		text := joinWeekDoses(acc.parts[w])
		if text == "" {
			continue
		}
		l := byPhase[ph]
		if l == nil {
			l = &line{ph: ph, first: w, last: w, text: text}
			byPhase[ph] = l
			phaseOrder = append(phaseOrder, ph)
			prev[ph] = text
			continue
		}
		l.last = w
		if text != prev[ph] {
			l.text += fmt.Sprintf("; from week %d: %s", w, text)
			prev[ph] = text
		}
	}
	sort.Ints(phaseOrder)
	for _, ph := range phaseOrder {
		l := *byPhase[ph]
		if how := acc.how[ph]; how != "" {
			l.text += " · " + how
		}
		if ph >= 0 {
			l.first, l.last = phases[ph].First, phases[ph].Last
		}
		if n := len(lines); n > 0 && lines[n-1].text == l.text && lines[n-1].ph >= 0 && ph >= 0 {
			lines[n-1].last = l.last
			continue
		}
		lines = append(lines, l)
	}
	out := make([]PhaseDose, 0, len(lines))
	for _, l := range lines {
		label := weeksLabel(l.first, l.last)
		if l.ph < 0 {
			label = "Other weeks"
		}
		out = append(out, PhaseDose{Phase: label, Dose: l.text})
	}
	return out
}

// joinWeekDoses words one week's doses: an extra side-specific set reads
// "plus", two different doses read "or" (the sessions differ).
func joinWeekDoses(doses []string) string {
	var b strings.Builder
	for i, d := range doses {
		if i > 0 {
			if oneSide(d) {
				b.WriteString(", plus ")
			} else {
				b.WriteString(" or ")
			}
		}
		b.WriteString(d)
	}
	return b.String()
}

// oneSide reports whether a dose is for one side only.
func oneSide(d string) bool {
	return strings.Contains(d, " side only")
}

// sideNote explains a side-specific prescription: the generator adds work
// on the weaker side (domain.md rule 10, (H) +1 set).
func sideNote(sides map[string]bool) string {
	var one string
	switch {
	case sides[assessment.SideLeft] && sides[assessment.SideRight]:
		return "Some sessions give one side extra work: follow the side written in the dose, and start each set with that side."
	case sides[assessment.SideLeft]:
		one = "left"
	case sides[assessment.SideRight]:
		one = "right"
	default:
		return ""
	}
	return fmt.Sprintf("Your %s side gets extra work here because it tested weaker or less steady. Start each set on your %s side.", one, one)
}

// doseBase words the amount of one prescription: sets, reps or holds, and
// the side. When the prescription carries no numbers, the library's dose
// for the phase stands in.
func doseBase(rx assessment.Prescription, ex *assessment.Exercise, phase string) string {
	var ld assessment.Dose
	if ex != nil {
		ld = ex.Dosage[phase]
	}
	sets, reps, hold := max(rx.Sets, 0), max(rx.Reps, 0), max(rx.HoldSeconds, 0)
	if sets == 0 && reps == 0 && hold == 0 {
		sets, reps, hold = max(ld.Sets, 0), max(ld.Reps, 0), max(ld.HoldSeconds, 0)
	}
	var count, extra string
	switch {
	case sets > 0 && reps > 0:
		count = fmt.Sprintf("%s of %d", plural(sets, "set", "sets"), reps)
		if hold > 0 {
			extra = fmt.Sprintf(", holding each for %d seconds", hold)
		}
	case hold >= minutesFrom:
		// a walk or a long mobility flow: a duration, not a hold
		count = plural((hold+30)/60, "minute", "minutes")
		if sets > 1 {
			count += fmt.Sprintf(", %d times", sets)
		}
	case sets > 1 && hold > 0:
		count = fmt.Sprintf("hold %d seconds, %d times", hold, sets)
	case hold > 0:
		count = fmt.Sprintf("hold %d seconds", hold)
	case reps > 0:
		count = fmt.Sprintf("%d reps", reps)
	case sets > 0:
		count = plural(sets, "set", "sets")
	default:
		return ""
	}
	side := ""
	switch rx.Side {
	case assessment.SideLeft, assessment.SideRight:
		side = " on the " + rx.Side + " side only"
	default:
		if rx.PerSide || ld.PerSide {
			side = " each side"
		}
	}
	return count + side + extra
}

// minutesFrom is the time, in seconds, from which a prescribed "hold" is
// worded as minutes: nobody holds a position for two minutes; it is a walk
// or a flow.
const minutesFrom = 120

// doseHow words the tempo and rest the library gives for a phase.
func doseHow(ex *assessment.Exercise, phase string) string {
	if ex == nil {
		return ""
	}
	ld := ex.Dosage[phase]
	var parts []string
	if t := clean(ld.Tempo, 20); t != "" {
		parts = append(parts, tempoWords(t))
	}
	if ld.RestSeconds > 0 {
		parts = append(parts, fmt.Sprintf("rest %d seconds between sets", ld.RestSeconds))
	}
	return strings.Join(parts, ", ")
}

// tempoWords explains a tempo like "3-1-2" to someone who has never seen
// one: the seconds for each part of a rep, in order.
func tempoWords(t string) string {
	parts := strings.Split(t, "-")
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return "tempo " + t
		}
	}
	if len(parts) < 2 {
		return "tempo " + t
	}
	return fmt.Sprintf("count %s seconds for the %d parts of each rep", t, len(parts))
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
