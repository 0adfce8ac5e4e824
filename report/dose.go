package report

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/keel-coach/keel/assessment"
)

// The dose in her words: "2 rounds of 12, each side, rest 30 seconds",
// how it grows week by week, and the explanations of the words it uses.

// dose words one exercise's amount in plain words: "2 rounds of 12, each
// side, plus 1 more round on your right side · rest 30 seconds".
func (pb *partBuilder) dose(ln line, phase string, withHow bool) string {
	ex := pb.lib[ln.id]
	base := plainDose(ln.rx, ex, phase)
	for _, x := range ln.extra {
		n := max(x.Sets, 1)
		if withHow {
			base += fmt.Sprintf(", plus %s %s", plural(n, "more round", "more rounds"), extraSideWords(ln.id, x.Side))
		} else {
			base += fmt.Sprintf(", plus %s %s", plural(n, "more round", "more rounds"), shortSideWords(ln.id, x.Side))
		}
	}
	if base == "" {
		base = "as many as feel comfortable; we will set the number together"
	}
	if !withHow || ex == nil {
		return upperFirst(base)
	}
	// The coach's own tempo and rest for this line win over the
	// library's; how many she could still do and her note follow.
	ld := ex.Dosage[phase]
	tempo, rest := ld.Tempo, ld.RestSeconds
	if ln.rx.Tempo != "" {
		tempo = ln.rx.Tempo
	}
	if ln.rx.RestSeconds > 0 {
		rest = ln.rx.RestSeconds
	}
	var how []string
	if secs := tempoSeconds(tempo); secs > 0 && ln.rx.Reps > 0 {
		how = append(how, fmt.Sprintf("about %d seconds each time", secs))
	}
	if rest > 0 && max(ln.rx.Sets, 1) > 1 {
		how = append(how, fmt.Sprintf("rest %d seconds between rounds", rest))
	}
	if len(how) > 0 {
		base += "; " + strings.Join(how, ", ")
	}
	if r := ln.rx.RepsInReserve; r != nil {
		if *r == 0 {
			base += ". Finish each round when one more would be a real struggle"
		} else {
			base += fmt.Sprintf(". Finish each round when you could still do %s", plural(*r, "more", "more"))
		}
	}
	if n := strings.TrimSpace(ln.rx.Note); n != "" {
		base += ". From your coach: " + strings.TrimRight(n, ".") + "."
	}
	return upperFirst(base)
}

// plainDose words sets, repetitions and holds as she reads them.
func plainDose(rx assessment.Prescription, ex *assessment.Exercise, phase string) string {
	var ld assessment.Dose
	if ex != nil {
		ld = ex.Dosage[phase]
	}
	sets, reps, hold := max(rx.Sets, 0), max(rx.Reps, 0), max(rx.HoldSeconds, 0)
	if sets == 0 && reps == 0 && hold == 0 {
		sets, reps, hold = max(ld.Sets, 0), max(ld.Reps, 0), max(ld.HoldSeconds, 0)
	}
	var s string
	switch {
	case hold >= minutesFrom:
		s = plural((hold+30)/60, "minute", "minutes")
		if sets > 1 {
			s += fmt.Sprintf(", %d times", sets)
		}
		return s
	case sets > 0 && reps > 0 && hold > 0:
		s = fmt.Sprintf("%s of %d holds of %d seconds", plural(sets, "round", "rounds"), reps, hold)
	case sets > 0 && reps > 0:
		s = fmt.Sprintf("%s of %d", plural(sets, "round", "rounds"), reps)
	case sets > 0 && hold > 0:
		s = fmt.Sprintf("%s: hold %d seconds", plural(sets, "round", "rounds"), hold)
	case hold > 0:
		s = fmt.Sprintf("hold %d seconds", hold)
	case reps > 0:
		s = fmt.Sprintf("%d repetitions", reps)
	case sets > 0:
		s = plural(sets, "round", "rounds")
	default:
		return ""
	}
	switch {
	case rx.Side == assessment.SideLeft || rx.Side == assessment.SideRight:
		s += ", " + extraSideWords(rx.ExerciseID, rx.Side) + ", that side only"
	case rx.PerSide || ld.PerSide:
		s += ", each side"
	}
	return s
}

// tempoSeconds adds up a tempo such as "3-1-2" (lift, pause, lower): the
// seconds one repetition takes. 0 when the tempo is missing or unreadable.
func tempoSeconds(t string) int {
	total := 0
	for _, p := range strings.Split(strings.TrimSpace(t), "-") {
		n := 0
		if p == "" || len(p) > 2 {
			return 0
		}
		for _, c := range p {
			if c < '0' || c > '9' {
				return 0
			}
			n = n*10 + int(c-'0')
		}
		total += n
	}
	return total
}

// explainFor returns the dose words a line uses that have not been
// explained yet, once each in the handout.
func (pb *partBuilder) explainFor(ln line, phase string) []string {
	var out []string
	once := func(key, text string) {
		if !pb.explain[key] {
			pb.explain[key] = true
			out = append(out, text)
		}
	}
	rx := withLibraryDose(ln.rx, pb.lib[ln.id], phase)
	if rx.HoldSeconds >= minutesFrom {
		return nil
	}
	if rx.Reps > 0 {
		once("rounds", "“2 rounds of 12” means: do the movement 12 times in a row, rest, then do 12 more. Each time is one repetition; each set of 12 is one round.")
	}
	if rx.HoldSeconds > 0 {
		once("hold", "“Hold 10 seconds” means: get into the position and stay there, breathing, while you count to 10 slowly.")
	}
	if ex := pb.lib[ln.id]; ex != nil && tempoSeconds(ex.Dosage[phase].Tempo) > 0 && rx.Reps > 0 {
		once("tempo", "“About 5 seconds each time” means: move slowly and smoothly; count the seconds in your head.")
	}
	if rx.PerSide || ln.extra != nil {
		once("side", "“Each side” means: do the full number on one side, then on the other.")
	}
	if len(out) > 0 && !pb.explain["effort"] {
		pb.explain["effort"] = true
		out = append(out, "Unless a card says otherwise, every round should feel like you could do 2 or 3 more with good form. If the last few are a struggle, do fewer; if they feel easy for two sessions in a row, tell me.")
	}
	return out
}

// withLibraryDose is rx with the library's amounts for the phase when the
// line gives none of its own.
func withLibraryDose(rx assessment.Prescription, ex *assessment.Exercise, phase string) assessment.Prescription {
	if rx.Sets == 0 && rx.Reps == 0 && rx.HoldSeconds == 0 && ex != nil {
		d := ex.Dosage[phase]
		rx.Sets, rx.Reps, rx.HoldSeconds = d.Sets, d.Reps, d.HoldSeconds
	}
	return rx
}

// minutesFrom is the time, in seconds, from which a prescribed "hold" is
// worded as minutes: nobody holds a position for two minutes; it is a walk
// or a flow.
const minutesFrom = 120

// sameDoses reports whether two groups prescribe the same doses every week.
func sameDoses(a, b *dayGroup) bool {
	if len(a.later) != len(b.later) || doseSig(a.d) != doseSig(b.d) {
		return false
	}
	for i := range a.later {
		if doseSig(a.later[i].d) != doseSig(b.later[i].d) {
			return false
		}
	}
	return true
}

func doseSig(d assessment.Day) string {
	var b strings.Builder
	for _, x := range d.Exercises {
		fmt.Fprintf(&b, "|%d:%d:%d:%s", x.Sets, x.Reps, x.HoldSeconds, x.HowHard)
	}
	return b.String()
}

// lineIn returns the k-th exercise line of d, folded as lines() folds.
func lineIn(d assessment.Day, k int) (line, bool) {
	ls := lines(d)
	if k < len(ls) {
		return ls[k], true
	}
	return line{}, false
}

// builds reports whether line k's dose changes over the group's weeks.
func (g *dayGroup) builds(k int) bool {
	first, _ := lineIn(g.d, k)
	for _, wd := range g.later {
		if l, ok := lineIn(wd.d, k); ok && (l.rx.Sets != first.rx.Sets || l.rx.Reps != first.rx.Reps || l.rx.HoldSeconds != first.rx.HoldSeconds) {
			return true
		}
	}
	return false
}

// doseOver words line k's dose over the group's weeks: the first week's,
// how it builds ("from week 3: …" for one change; "building up each week
// to … by week 4" for more), and how hard a weight or band should feel.
func (pb *partBuilder) doseOver(g *dayGroup, k int, ln line) string {
	text := pb.dose(ln, g.phase, true)
	ex := pb.lib[ln.id]
	first := pb.dose(ln, g.phase, false)
	type change struct {
		week int
		dose string
		rx   assessment.Prescription
	}
	var changes []change
	prev := first
	up := true // every change adds to the dose
	prevRx := ln.rx
	lastHow := strings.TrimSpace(ln.rx.HowHard)
	howFrom := 0
	for _, wd := range g.later {
		l, ok := lineIn(wd.d, k)
		if !ok {
			continue
		}
		if d := pb.dose(l, g.phase, false); d != prev {
			changes = append(changes, change{wd.week, d, l.rx})
			prev = d
			up = up && l.rx.Sets >= prevRx.Sets && l.rx.Reps >= prevRx.Reps && l.rx.HoldSeconds >= prevRx.HoldSeconds
			prevRx = l.rx
		}
		if h := strings.TrimSpace(l.rx.HowHard); h != "" && h != lastHow {
			lastHow, howFrom = h, wd.week
		}
	}
	_ = ex
	switch {
	case len(changes) > 1 && up:
		// Every week's amount, so she never has to guess the weeks
		// between.
		all := append([]change{{g.first, first, ln.rx}}, changes...)
		repsOnly, holdOnly := true, true
		for _, c := range all[1:] {
			repsOnly = repsOnly && c.rx.Sets == ln.rx.Sets && c.rx.HoldSeconds == ln.rx.HoldSeconds && c.rx.Reps > 0
			holdOnly = holdOnly && c.rx.Sets == ln.rx.Sets && c.rx.Reps == ln.rx.Reps && c.rx.HoldSeconds > 0
		}
		// Woven into the first week's amount where it names one number:
		// "2 rounds of 12 in week 1, 14 in week 2 and 16 in weeks 3–4".
		amounts := make([]string, 0, len(all))
		for i, c := range all {
			// a dose held for more than one week says so: "weeks 3–4"
			end := g.last
			if i+1 < len(all) {
				end = all[i+1].week - 1
			}
			label := fmt.Sprintf("week %d", c.week)
			if end > c.week {
				label = fmt.Sprintf("weeks %d–%d", c.week, end)
			}
			var amount string
			switch {
			case repsOnly:
				amount = fmt.Sprint(c.rx.Reps)
			case holdOnly && c.rx.HoldSeconds >= minutesFrom:
				amount = plural((c.rx.HoldSeconds+30)/60, "minute", "minutes")
			case holdOnly:
				amount = plural(c.rx.HoldSeconds, "second", "seconds")
			default:
				amount = lowerFirst(c.dose)
			}
			amounts = append(amounts, amount+" in "+label)
		}
		weeks := joinAnd(amounts)
		var token string
		switch {
		case repsOnly && ln.rx.HoldSeconds == 0 && ln.rx.Sets > 0:
			token = fmt.Sprintf(" of %d", ln.rx.Reps)
		case holdOnly && ln.rx.HoldSeconds >= minutesFrom && ln.rx.Sets <= 1:
			token = plural((ln.rx.HoldSeconds+30)/60, "minute", "minutes")
		case holdOnly && ln.rx.HoldSeconds < minutesFrom:
			token = plural(ln.rx.HoldSeconds, "second", "seconds")
		}
		// holds that grow in number: "1 round of 5-second holds: 5 in
		// week 1, 6 in week 2 and 7 in weeks 3–8"
		holds := upperFirst(fmt.Sprintf("%s of %d holds of %d seconds", plural(ln.rx.Sets, "round", "rounds"), ln.rx.Reps, ln.rx.HoldSeconds))
		if repsOnly && ln.rx.HoldSeconds > 0 && ln.rx.Sets > 0 && strings.HasPrefix(text, holds) {
			text = upperFirst(fmt.Sprintf("%s of %d-second holds: %s", plural(ln.rx.Sets, "round", "rounds"), ln.rx.HoldSeconds, weeks)) + text[len(holds):]
		} else if i := strings.Index(text, token); token != "" && i >= 0 {
			if repsOnly {
				weeks = " of " + weeks
			}
			text = text[:i] + weeks + text[i+len(token):]
		} else {
			text += ". A little more each week: " + weeks
		}
	default:
		// a coach's change to one week, or a step back: every change, so
		// each week reads exactly
		for _, c := range changes {
			text += fmt.Sprintf(". From week %d: %s", c.week, lowerFirst(c.dose))
		}
	}
	if h := strings.TrimSpace(ln.rx.HowHard); h != "" {
		text += ". " + upperFirst(roundWords(strings.TrimSuffix(h, ".")))
		if howFrom > 0 {
			later := changedClause(roundWords(strings.TrimSuffix(h, ".")), roundWords(strings.TrimSuffix(lastHow, ".")))
			text += fmt.Sprintf(". From week %d: %s", howFrom, lowerFirst(later))
		}
	}
	return text
}

// changedClause shortens a later guidance sentence to the clause that
// changed: "A band you could pull 5 more times at the end of each round,
// with the same good form" then "… 3 more times …" gives "a band you could
// pull 3 more times at the end of each round", so she does not read the
// same words twice on one card. The sentence stays whole when the change
// runs to its end or when more than one clause changed.
func changedClause(before, after string) string {
	a, b := strings.Fields(before), strings.Fields(after)
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	q := 0
	for q < len(a)-p && q < len(b)-p && a[len(a)-1-q] == b[len(b)-1-q] {
		q++
	}
	if p == len(b) || q == 0 {
		return after
	}
	// the end of the clause holding the last changed word
	last := len(b) - q - 1
	for i := max(last, 0); i < len(b)-1; i++ {
		if strings.HasSuffix(b[i], ",") || strings.HasSuffix(b[i], ";") {
			// an earlier clause boundary inside the change: several clauses
			// changed; keep the whole sentence
			for j := p; j < last; j++ {
				if strings.HasSuffix(b[j], ",") || strings.HasSuffix(b[j], ";") {
					return after
				}
			}
			return strings.TrimRight(strings.Join(b[:i+1], " "), ",;")
		}
	}
	return after
}

// setWords finds "set" and "sets" in the programme's load guidance.
var setWords = regexp.MustCompile(`\bsets?\b`)

// roundWords says "round" where the load guidance says "set": the
// handout calls a set a round everywhere, and explains it once.
func roundWords(s string) string {
	return setWords.ReplaceAllStringFunc(s, func(w string) string {
		if w == "sets" {
			return "rounds"
		}
		return "round"
	})
}
