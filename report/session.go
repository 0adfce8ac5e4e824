package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/keel-coach/keel/assessment"
)

// The plan part of the handout is built around how she uses it: a fridge
// page with one week on one sheet, then one page per session in the order
// she does them, each exercise described in full the first time it appears
// and briefly after that. Weeks whose days are the same share one fridge
// page and one set of session pages; a day that changes (a coach's edit to
// one week, a new dose from week 3) gets a session page of its own for the
// weeks it covers, so a change shows on that day only.

// PlanPart is a run of weeks printed in full: its fridge page and its
// session pages.
type PlanPart struct {
	Title    string // "Weeks 1–3 · Build control"
	Aim      string
	Dates    string // "26 Oct – 15 Nov", or "" when the plan has no start date
	First    int
	Last     int
	Fridge   FridgePage
	Sessions []SessionPage
}

// FridgePage is one week on one page, Monday to Sunday.
type FridgePage struct {
	Heading string // "Your week"
	Intro   string
	// ShortIntro is the intro when the week needs its room (a long week
	// on US Letter): what the page is and what a grey day means.
	ShortIntro string
	Days       [7]FridgeDay
	// Equipment is everything the weeks on this page need, with home
	// stand-ins ("" when bodyweight only).
	Equipment string
	// Explain holds the plain-words key to the doses (rounds, holds,
	// seconds per repetition, each side): the fridge is where she first
	// reads them, so they are explained there, once in the handout.
	Explain []string
}

// FridgeDay is one day on the fridge page. A day without a session is a
// rest day.
type FridgeDay struct {
	Day     string // "Monday"
	Session string
	Minutes int
	Rest    bool
	Items   []FridgeItem
	// Note says when the day changes later in the weeks this page covers.
	Note string
}

// FridgeItem is one exercise on the fridge page.
type FridgeItem struct {
	ExerciseID string
	// Step is the exercise's place in the session, from 1: the fridge and
	// the session page number it the same, so the order is one everywhere.
	Step int
	Name string
	Dose string
}

// SessionPage is one session: the day (or days) she does it and every
// exercise in order.
type SessionPage struct {
	Heading string // "Tuesday: Glutes"
	Days    string // "Tuesday", "Monday and Friday"
	Weeks   string // "Weeks 1–3"
	Minutes int
	Intro   string
	// Stop is her stop rule, the programme's, worded the same on every
	// session page.
	Stop      string
	Exercises []ExerciseBlock
}

// ExerciseBlock is one exercise on a session page. Full is false when the
// exercise was described in full on an earlier page: the block then has the
// name, the dose and where to find the rest.
type ExerciseBlock struct {
	ExerciseID string
	Step       int // place in the session, from 1, as on the fridge
	Name       string
	Dose       string
	Full       bool
	Cues       []string
	Feel       string
	StopIf     string
	Easier     string
	Harder     string
	Equipment  string
	Why        string
	// Change tells her the coach made this easier or swapped it, with a
	// human date.
	Change string
	// SeeAlso points a short block at the page with the full description.
	SeeAlso string
}

// PhaseNote is a later phase, in a short paragraph: what it works on, what
// must be true to move on to it, and when we check.
type PhaseNote struct {
	Title    string
	Text     string
	Criteria []string
	CheckIn  string
}

// PrintRange chooses which weeks the handout prints in full. The zero value
// prints the phase she is starting on the handout's date (the first phase
// when the date is before the plan or unknown).
type PrintRange struct {
	// Phase is the 1-based phase to print; 0 means the current one.
	Phase int
	// FromWeek and ToWeek print a span of weeks instead of a phase.
	FromWeek, ToWeek int
	// All prints every week of the plan.
	All bool
}

// printWeeks returns the first and last week to print in full.
func printWeeks(p *assessment.Programme, phases []phaseSpan, pr PrintRange, date assessment.Date) (int, int, error) {
	first, last := p.Weeks[0].Week, p.Weeks[0].Week
	for _, wk := range p.Weeks {
		first, last = min(first, wk.Week), max(last, wk.Week)
	}
	switch {
	case pr.All:
		return first, last, nil
	case pr.FromWeek > 0 || pr.ToWeek > 0:
		from, to := pr.FromWeek, pr.ToWeek
		if from == 0 {
			from = first
		}
		if to == 0 {
			to = last
		}
		if from > to || from < first || to > last {
			return 0, 0, assessment.FieldErrorf(assessment.EINVALID, FieldWeeks, "This plan has weeks %d to %d; choose weeks inside that range, the first before the last.", first, last)
		}
		return from, to, nil
	case pr.Phase > 0:
		if pr.Phase > len(phases) {
			return 0, 0, assessment.FieldErrorf(assessment.EINVALID, FieldPhase, "This plan has %s; choose a phase from 1 to %d.", plural(len(phases), "phase", "phases"), len(phases))
		}
		ph := phases[pr.Phase-1]
		return ph.First, ph.Last, nil
	}
	if len(phases) == 0 {
		return first, last, nil
	}
	cur := phases[0]
	if wk := weekOn(p, date); wk > 0 {
		for _, ph := range phases {
			if wk >= ph.First && wk <= ph.Last {
				cur = ph
			}
		}
	}
	return cur.First, cur.Last, nil
}

// Field names for print-range errors.
const (
	FieldWeeks = "weeks"
	FieldPhase = "phase"
)

// weekOn is the plan week that holds date d, or 0 when the plan has no
// dates or d is outside it.
func weekOn(p *assessment.Programme, d assessment.Date) int {
	if d.IsZero() {
		return 0
	}
	for _, wk := range p.Weeks {
		s := weekStart(p, wk)
		if s.IsZero() {
			return 0
		}
		if !d.Before(s) && d.Before(s.AddDays(7)) {
			return wk.Week
		}
	}
	return 0
}

// partBuilder carries what the session pages share: which exercises have
// been described in full, and on which page.
type partBuilder struct {
	p       *assessment.Programme
	phases  []phaseSpan
	lib     map[string]*assessment.Exercise
	r       *assessment.Record
	interp  *assessment.Interpretation
	shown   map[string]string // exercise id → the session it is described on
	explain map[string]bool   // dose words already explained
	// explained gathers the explanations a part's pages need, for its
	// fridge page.
	explained []string
	whySeen   map[string]bool
	// nothingSaid is set once a card has said she needs nothing.
	nothingSaid bool
}

// dayGroup is a weekday over a run of weeks with the same session.
type dayGroup struct {
	day         int
	first, last int
	d           assessment.Day // the first week's day
	later       []weekDay      // the same day in the group's later weeks
	phase       string
	sig         string
}

// weekDay is a day as it stands in one week.
type weekDay struct {
	week int
	d    assessment.Day
}

func buildParts(pb *partBuilder, from, to int) []PlanPart {
	var parts []PlanPart
	for i, ph := range pb.phases {
		lo, hi := max(ph.First, from), min(ph.Last, to)
		if lo > hi {
			continue
		}
		part := pb.part(i, lo, hi)
		if len(part.Sessions) > 0 || hasDays(part.Fridge) {
			parts = append(parts, part)
		}
	}
	if len(parts) == 0 && len(pb.phases) == 0 {
		parts = append(parts, pb.part(-1, from, to))
	}
	return parts
}

func hasDays(f FridgePage) bool {
	for _, d := range f.Days {
		if !d.Rest {
			return true
		}
	}
	return false
}

// part builds the pages for weeks lo..hi of phase index ph (−1: no phase).
func (pb *partBuilder) part(ph, lo, hi int) PlanPart {
	part := PlanPart{First: lo, Last: hi}
	title := "Your plan"
	if ph >= 0 {
		title = pb.phases[ph].Title
		part.Aim = pb.phases[ph].Aim
	}
	part.Title = weeksLabel(lo, hi) + " · " + title
	var weeks []assessment.Week
	for _, wk := range pb.p.Weeks {
		if wk.Week >= lo && wk.Week <= hi {
			weeks = append(weeks, wk)
		}
	}
	sort.SliceStable(weeks, func(i, j int) bool { return weeks[i].Week < weeks[j].Week })
	if len(weeks) == 0 {
		return part
	}
	if s := weekStart(pb.p, weeks[0]); !s.IsZero() {
		e := weekStart(pb.p, weeks[len(weeks)-1])
		part.Dates = s.Time().Format("2 Jan") + " – " + e.AddDays(6).Time().Format("2 Jan 2006")
	}
	// For each weekday, runs of consecutive weeks with the same session.
	var groups []*dayGroup
	byDay := [7][]*dayGroup{}
	for _, wk := range weeks {
		var days [7]assessment.Day
		for _, d := range wk.Days {
			if i := dayIndex(d.Day); i >= 0 && isSession(d) && !isSession(days[i]) {
				days[i] = d
			}
		}
		for i, d := range days {
			sig := daySig(d)
			gs := byDay[i]
			if n := len(gs); n > 0 && gs[n-1].sig == sig && gs[n-1].last == wk.Week-1 {
				gs[n-1].last = wk.Week
				gs[n-1].later = append(gs[n-1].later, weekDay{wk.Week, d})
				continue
			}
			g := &dayGroup{day: i, first: wk.Week, last: wk.Week, d: d, phase: wk.Phase, sig: sig}
			byDay[i] = append(byDay[i], g)
			groups = append(groups, g)
		}
	}
	part.Fridge = pb.fridge(byDay, lo, hi)
	// Session pages: by first week, then weekday; days with the same
	// session over the same weeks share a page.
	sort.SliceStable(groups, func(i, j int) bool {
		if groups[i].first != groups[j].first {
			return groups[i].first < groups[j].first
		}
		return groups[i].day < groups[j].day
	})
	merged := map[*dayGroup]bool{}
	for i, g := range groups {
		if merged[g] || !isSession(g.d) {
			continue
		}
		days := []int{g.day}
		for _, o := range groups[i+1:] {
			if !merged[o] && o.sig == g.sig && o.first == g.first && o.last == g.last && sameDoses(g, o) {
				merged[o] = true
				days = append(days, o.day)
			}
		}
		weeksText := ""
		if g.first != lo || g.last != hi {
			weeksText = weeksLabel(g.first, g.last)
		}
		part.Sessions = append(part.Sessions, pb.session(g, days, weeksText))
	}
	part.Fridge.Explain, pb.explained = pb.explained, nil
	var eq []string
	for _, wk := range weeks {
		for _, d := range wk.Days {
			for _, x := range d.Exercises {
				if ex := pb.lib[x.ExerciseID]; ex != nil {
					for _, e := range ex.Equipment {
						if !contains(eq, e) {
							eq = append(eq, e)
						}
					}
				}
			}
		}
	}
	sort.Strings(eq)
	if w := equipmentList(eq); !strings.HasPrefix(w, "Nothing") {
		part.Fridge.Equipment = "What you need for these weeks: " + strings.ToLower(w[:1]) + w[1:]
	}
	return part
}

// daySig is what makes two days the same session for her.
func daySig(d assessment.Day) string {
	if !isSession(d) {
		return ""
	}
	// The doses may build week by week within a phase; the session is the
	// same while its exercises are (the dose words say how it builds).
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%v", d.Session, d.Rest)
	for _, x := range d.Exercises {
		fmt.Fprintf(&b, "|%s:%s:%s:%v", x.ExerciseID, x.Name, x.Side, x.PerSide)
	}
	return b.String()
}

// fullDay is the weekday name she reads.
var fullDay = [7]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

func (pb *partBuilder) fridge(byDay [7][]*dayGroup, lo, hi int) FridgePage {
	f := FridgePage{Heading: "Your week"}
	builds := false
	for i := range f.Days {
		fd := FridgeDay{Day: fullDay[i], Rest: true}
		gs := byDay[i]
		if len(gs) > 0 {
			g := gs[0]
			if isSession(g.d) {
				fd.Rest = false
				fd.Session = sessionTitle(g.d, pb.lib)
				fd.Minutes = max(g.d.Minutes, 0)
				for k, it := range lines(g.d) {
					builds = builds || g.builds(k)
					fd.Items = append(fd.Items, FridgeItem{ExerciseID: it.id, Step: k + 1, Name: pb.name(it.id, it.name), Dose: pb.dose(it, g.phase, false)})
				}
			}
			if len(gs) > 1 {
				fd.Note = fmt.Sprintf("Changes from week %d: see the %s page for those weeks.", gs[1].first, fullDay[i])
			}
		}
		f.Days[i] = fd
	}
	// a grey day is explained only when the week has one
	rest := false
	for _, d := range f.Days {
		rest = rest || d.Rest
	}
	grey := ""
	if rest {
		grey = "; a grey day is a rest day"
	}
	f.Intro = "Put this page on the fridge. Each day shows its exercises in order, with the first week's amounts" + grey + ". " +
		"The pages after it show each session in full. You can move a session to another day: keep an easy day or a rest day between two of the longer sessions."
	f.ShortIntro = "Put this page on the fridge" + grey + ". The pages after it show each session in full."
	if builds {
		f.Intro += " The amounts grow each week: the session pages say how."
	}
	return f
}

// line is one exercise of a session, with its extra one-side work folded
// in: the generator writes "2 × 10 each side" and "1 × 10 right only" as
// two lines; she reads one exercise.
type line struct {
	id, name string
	rx       assessment.Prescription
	extra    []assessment.Prescription
}

func lines(d assessment.Day) []line {
	var out []line
	idx := map[string]int{}
	for _, x := range d.Exercises {
		key := x.ExerciseID
		if key == "" {
			key = "name:" + x.Name
		}
		if i, ok := idx[key]; ok && (x.Side == assessment.SideLeft || x.Side == assessment.SideRight) {
			out[i].extra = append(out[i].extra, x)
			continue
		}
		idx[key] = len(out)
		out = append(out, line{id: x.ExerciseID, name: x.Name, rx: x})
	}
	return out
}

// name is the exercise's name as she reads it.
func (pb *partBuilder) name(id, fallback string) string {
	if ex := pb.lib[id]; ex != nil && strings.TrimSpace(ex.Name) != "" {
		return ExerciseName(ex)
	}
	if n := clean(fallback, maxNameRunes); n != "" {
		return n
	}
	if n := clean(id, maxNameRunes); n != "" {
		return n
	}
	return "Exercise"
}

func (pb *partBuilder) session(g *dayGroup, days []int, weeks string) SessionPage {
	names := make([]string, len(days))
	for i, d := range days {
		names[i] = fullDay[d]
	}
	sp := SessionPage{Days: joinAnd(names), Weeks: weeks, Minutes: max(g.d.Minutes, 0), Stop: stopRuleFor(pb.r, pb.p)}
	sp.Heading = sp.Days + ": " + sessionTitle(g.d, pb.lib)
	if weeks != "" {
		sp.Heading += " (" + strings.ToLower(weeks[:1]) + weeks[1:] + ")"
	}
	if len(g.d.Exercises) == 0 {
		sp.Intro = fmt.Sprintf("About %d minutes at an easy pace: you can talk in full sentences the whole way. A walk with the pram counts.", max(g.d.Minutes, 10))
		return sp
	}
	switch ls := lines(g.d); {
	case len(ls) == 1 && timedLine(ls[0], pb.lib[ls[0].id], g.phase):
		// one timed exercise (a walk): its card gives the minutes week
		// by week, and there is no order to keep
	case len(ls) == 1 && sp.Minutes > 0:
		sp.Intro = fmt.Sprintf("About %d minutes.", sp.Minutes)
	case sp.Minutes > 0:
		sp.Intro = fmt.Sprintf("About %d minutes. Do the exercises in this order.", sp.Minutes)
	case len(ls) > 1:
		sp.Intro = "Do the exercises in this order."
	}
	for k, ln := range lines(g.d) {
		b := ExerciseBlock{ExerciseID: ln.id, Step: k + 1, Name: pb.name(ln.id, ln.name), Dose: pb.doseOver(g, k, ln)}
		key := ln.id
		if key == "" {
			key = "name:" + ln.name
		}
		pb.explained = append(pb.explained, pb.explainFor(ln, g.phase)...)
		if where, done := pb.shown[key]; done {
			b.SeeAlso = "How to do it: see " + where + "."
			b.Change = changeWords(ln.rx.Reason)
			sp.Exercises = append(sp.Exercises, b)
			continue
		}
		pb.shown[key] = "the " + names[0] + " page"
		pb.fill(&b, ln, g.phase)
		sp.Exercises = append(sp.Exercises, b)
	}
	return sp
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// dayDate is the date of weekday i (0 = Monday) in the week starting at
// start, which need not be a Monday; zero when either is unknown.
func dayDate(start assessment.Date, i int) assessment.Date {
	if start.IsZero() || i < 0 {
		return assessment.Date{}
	}
	wd := (int(start.Time().Weekday()) + 6) % 7 // Monday = 0
	return start.AddDays((i - wd + 7) % 7)
}

// buildLater words the phases after week `to` in a short paragraph each,
// and the next check-in: the first day after the printed weeks.
func buildLater(p *assessment.Programme, phases []phaseSpan, to int) ([]PhaseNote, string) {
	var out []PhaseNote
	for _, ph := range phases {
		if ph.First <= to {
			continue
		}
		// its aim's first sentence: how the weeks step up inside a phase
		// is for when she gets there
		n := PhaseNote{Title: weeksLabel(ph.First, ph.Last) + " · " + ph.Title, Text: firstSentence(ph.Aim)}
		n.Criteria = append(n.Criteria, ph.Criteria...)
		if len(n.Criteria) == 0 {
			n.Criteria = []string{
				fmt.Sprintf("Your back pain stays at %d out of 10 or less during and after the sessions.", painStopAbove-2),
				"No leaking, heaviness or doming in the exercises you are doing now.",
				"The last rounds of each exercise feel steady, with good form.",
			}
		}
		if d := weekStartOf(p, ph.First); !d.IsZero() {
			// The last day of the phase before, as the programme dates
			// her check-in (the end of a week), so she reads one date.
			// "the earliest": a check-in about a referral may come
			// sooner, and moving on waits until these hold
			n.CheckIn = fmt.Sprintf("The earliest we look at these together is the end of week %d, around %s.", ph.First-1, d.AddDays(-1).Time().Format("Monday 2 January"))
		} else {
			n.CheckIn = "We check these together at your next check-in."
		}
		out = append(out, n)
	}
	checkIn := ""
	if d := weekStartOf(p, to+1); !d.IsZero() {
		checkIn = "Your next check-in: around " + d.Time().Format("Monday 2 January") + ", at the end of week " + fmt.Sprint(to) + "."
	} else if d := weekStartOf(p, to); !d.IsZero() {
		checkIn = "Your next check-in: around " + d.AddDays(7).Time().Format("Monday 2 January") + ", at the end of your plan."
	} else {
		// no dates recorded: say when in plan weeks, not nothing
		checkIn = "Your next check-in: at the end of week " + fmt.Sprint(to) + "; we will agree the day together."
	}
	return out, checkIn
}

// weekStartOf is the first day of plan week n, zero when unknown.
func weekStartOf(p *assessment.Programme, n int) assessment.Date {
	for _, wk := range p.Weeks {
		if wk.Week == n {
			return weekStart(p, wk)
		}
	}
	return assessment.Date{}
}

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

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func lowerFirst(s string) string {
	if s == "" || strings.HasPrefix(s, "I ") {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// timedLine reports whether a line's dose is a time in minutes (a walk),
// which then says how long the session takes.
func timedLine(ln line, ex *assessment.Exercise, phase string) bool {
	return withLibraryDose(ln.rx, ex, phase).HoldSeconds >= minutesFrom
}

// firstSentence is s up to its first full stop followed by a space.
func firstSentence(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}
