package report

import (
	"fmt"
	"regexp"
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
	Days    [7]FridgeDay
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
	f.Intro = "Put this page on the fridge. Each day shows its exercises in order, with the first week's amounts; a grey day is a rest day. " +
		"The pages after it show each session in full. You can move a session to another day: leave a day between the longer ones."
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
	sp := SessionPage{Days: joinAnd(names), Weeks: weeks, Minutes: max(g.d.Minutes, 0), Stop: stopRule(pb.p)}
	sp.Heading = sp.Days + ": " + sessionTitle(g.d, pb.lib)
	if weeks != "" {
		sp.Heading += " (" + strings.ToLower(weeks[:1]) + weeks[1:] + ")"
	}
	if len(g.d.Exercises) == 0 {
		sp.Intro = fmt.Sprintf("About %d minutes at an easy pace: you can talk in full sentences the whole way. A walk with the pram counts.", max(g.d.Minutes, 10))
		return sp
	}
	if sp.Minutes > 0 {
		sp.Intro = fmt.Sprintf("About %d minutes. Do the exercises in this order.", sp.Minutes)
	} else {
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

// fill adds the full description of an exercise to b.
func (pb *partBuilder) fill(b *ExerciseBlock, ln line, phase string) {
	b.Full = true
	ex := pb.lib[ln.id]
	if ex != nil {
		for _, cue := range ex.Cues {
			if len(b.Cues) == maxCuesPerBlock {
				break
			}
			if t := clean(cue, maxCueRunes); t != "" {
				b.Cues = append(b.Cues, t)
			}
		}
	}
	if len(b.Cues) == 0 {
		b.Cues = []string{"We will go through this one together in your session; ask me if anything feels unclear."}
	}
	family := ""
	if ex != nil {
		family = ex.Family
	}
	b.Feel = feelWords(family)
	b.StopIf = stopWords(family, knownLeaks(pb.r))
	if ex != nil {
		if e := pb.lib[ex.Regression]; e != nil {
			b.Easier = ExerciseName(e)
		}
		if e := pb.lib[ex.Progression]; e != nil {
			b.Harder = ExerciseName(e)
		}
		b.Equipment = equipmentList(ex.Equipment)
	} else {
		b.Equipment = "ask me what you need for this one."
	}
	if b.Easier == "" {
		b.Easier = "fewer, or a smaller movement."
		if family == assessment.FamilyConditioning {
			b.Easier = "a shorter, slower walk."
		}
	}
	if family == assessment.FamilyConditioning && strings.HasPrefix(b.Equipment, "Nothing") {
		b.Equipment = "Comfortable shoes; the pram is welcome."
	}
	// "Nothing: just you and a bit of floor" is said on the first card
	// that needs nothing; the cards after it leave the line out, as the
	// session's list of equipment does.
	if b.Equipment == nothingNeeded {
		if pb.nothingSaid {
			b.Equipment = ""
		}
		pb.nothingSaid = true
	}
	if b.Harder == "" {
		b.Harder = "none yet; we choose one at a check-in."
	}
	// A reason already given on an earlier card ("It helps your breathing,
	// deep core and everyday strength") is not repeated: it saves a few
	// lines on most cards, and pages with them.
	if why := pb.why(ln); !pb.whySeen[why] {
		pb.whySeen[why] = true
		b.Why = why
	}
	b.Change = changeWords(ln.rx.Reason)
}

// maxCuesPerBlock: two or three cues are what anyone reads with a baby on
// her hip.
const maxCuesPerBlock = 3

// why words the reason an exercise is in her plan from the findings it
// answers, in her words: the prescription's own reason is written for the
// coach (grades, scores) and never reaches her.
func (pb *partBuilder) why(ln line) string {
	var parts []string
	seen := map[string]bool{}
	add := func(codes []string) {
		for _, c := range codes {
			if t, ok := whyWords[c]; ok && !seen[t] {
				seen[t] = true
				parts = append(parts, t)
			}
		}
	}
	ex := pb.lib[ln.id]
	add(ln.rx.Findings)
	if len(parts) == 0 && ex != nil {
		add(ex.Targets)
	}
	// The general reason (breathing, deep core) fits breathing and core
	// work; for a row or a hip stretch it is wrong, so the exercise's own
	// kind of work says why.
	if ex != nil && len(parts) == 1 && parts[0] == whyWords[assessment.FindGeneral] {
		if t, ok := familyWhy[ex.Family]; ok {
			parts = []string{t}
		}
	}
	if len(parts) > 2 {
		parts = parts[:2]
	}
	s := "It builds the strength and control your plan is working on."
	if len(parts) > 0 {
		s = "It helps " + joinAnd(parts) + "."
	}
	if len(ln.extra) > 0 {
		s += " " + sideWords(ln.extra[0].Side)
	}
	return s
}

func sideWords(side string) string {
	return fmt.Sprintf("Your %s side gets one extra round because it tested weaker; start each round on that side.", side)
}

// whyWords say, for each finding an exercise answers, what it helps with.
// familyWhy is the reason for an exercise chosen for the general
// foundations, by its kind of work.
var familyWhy = map[string]string{
	assessment.FamilyUpperBack:    "strengthen your upper back, so carrying and feeding sit easier on your shoulders",
	assessment.FamilyChest:        "open your chest and let your upper back move",
	assessment.FamilyHipMobility:  "your hips move freely",
	assessment.FamilyPelvicTilt:   "your back and pelvis move gently and comfortably",
	assessment.FamilyGlutes:       "strengthen your buttocks, so your back does less of the lifting",
	assessment.FamilyHinge:        "you bend from the hips when you pick up your baby",
	assessment.FamilyLegs:         "your legs carry you and your baby up and down all day",
	assessment.FamilyConditioning: "your fitness, your energy and your mood",
}

var whyWords = map[string]string{
	assessment.FindGeneral:          "your breathing, deep core and everyday strength",
	assessment.FindDiastasis:        "the gap down the middle of your tummy",
	assessment.FindDiastasisSoft:    "firm up the middle of your tummy",
	assessment.FindDoming:           "your tummy stay flat under effort",
	assessment.FindPelvicFloor:      "your pelvic floor",
	assessment.FindEarlyPostpartum:  "your recovery in the first weeks after the birth",
	assessment.FindUnder12Weeks:     "your recovery after the birth",
	assessment.FindRecentCaesarean:  "your recovery after the caesarean",
	assessment.FindScarConcern:      "your recovery after the caesarean",
	assessment.FindPainHigh:         "your back feel easier",
	assessment.FindPainModerate:     "your back feel easier",
	assessment.FindPainLow:          "your back feel easier",
	assessment.FindAnteriorTilt:     "your pelvis sit in a comfortable middle position",
	assessment.FindPosteriorTilt:    "your pelvis sit in a comfortable middle position",
	assessment.FindShortHipFlexors:  "loosen the front of your hips",
	assessment.FindShortRectus:      "loosen the front of your thighs",
	assessment.FindTFLTightness:     "loosen the outside of your hip",
	assessment.FindGluteMedWeak:     "strengthen the side of your hip that keeps your pelvis level",
	assessment.FindGluteMaxWeak:     "strengthen your buttocks, so your back does less of the lifting",
	assessment.FindGluteAsymmetry:   "even out your two sides",
	assessment.FindHingePoor:        "you bend from the hips when you pick up your baby",
	assessment.FindHingeFair:        "you bend from the hips when you pick up your baby",
	assessment.FindHingePain:        "you bend comfortably",
	assessment.FindHingeSquatting:   "you send your hips back when you bend",
	assessment.FindHingeLumbarFlex:  "you keep your back long when you bend",
	assessment.FindThoracicMobility: "your upper back move more freely",
	assessment.FindForwardHead:      "your head and shoulders sit tall",
	assessment.FindRoundedShoulders: "open your chest and strengthen your upper back",
	assessment.FindKyphosis:         "your upper back stand taller",
	assessment.FindLongSitting:      "your back after long hours of sitting",
	assessment.FindFrequentLifting:  "you lift and carry your child with less strain",
}

// feelWords say how an exercise should feel, by family.
func feelWords(family string) string {
	switch family {
	case assessment.FamilyBreathing:
		return "calm and easy; ribs widen, tummy and pelvic floor lift gently as you breathe out."
	case assessment.FamilyCore:
		return "a gentle, steady effort deep in your tummy; back still, tummy flat."
	case assessment.FamilyGlutes:
		return "warm and working in your buttock or the side of your hip, not your lower back."
	case assessment.FamilyHinge:
		return "a stretch behind your thighs and work in your buttocks; back long and easy."
	case assessment.FamilyUpperBack:
		return "work between your shoulder blades; neck relaxed."
	case assessment.FamilyHipMobility, assessment.FamilyPelvicTilt:
		return "a gentle stretch you could hold while chatting; never sharp."
	case assessment.FamilyChest:
		return "a comfortable opening across your chest or upper back."
	case assessment.FamilyLegs:
		return "work in your thighs and buttocks; knees and back comfortable."
	case assessment.FamilyConditioning:
		return "warm and a little out of breath, but you can still talk."
	}
	return "a steady effort you could keep up; nothing sharp."
}

// stopWords say when to stop an exercise, by family (domain.md §6). Pain
// points to the stop rule at the top of the session page, the programme's
// one rule, so no card holds a number of its own. A client who already
// leaks stops for more leaking than usual, not for her usual leaks.
func stopWords(family string, leaks bool) string {
	const pain = "pain past your stop rule"
	leak := "leaking"
	if leaks {
		leak = "more leaking than usual"
	}
	switch family {
	case assessment.FamilyCore, assessment.FamilyBreathing:
		return "a ridge along the middle of your tummy, " + leak + ", heaviness low down, or " + pain + "."
	case assessment.FamilyHinge, assessment.FamilyLegs, assessment.FamilyConditioning:
		return leak + ", heaviness low down, pain or tingling down a leg, or " + pain + "."
	case assessment.FamilyChest, assessment.FamilyUpperBack:
		return "pins and needles in your arm or hand, or " + pain + "."
	}
	return "sharp pain, or " + pain + "."
}

// knownLeaks reports whether she told us she leaks: leaking is then her
// starting point, and only more than usual is a reason to stop.
func knownLeaks(r *assessment.Record) bool {
	return r != nil && r.PelvicFloor != nil && (r.PelvicFloor.Leakage || r.PelvicFloor.Urgency)
}

// outOfTen words "5/10" as "5 out of 10", as the rest of the handout does.
var outOfTen = regexp.MustCompile(`\b(\d+)/10\b`)

// stopRule is the programme's stop rule in her words, the same on every
// page that names one. A programme without one gets the strictest rule:
// stop for any pain the exercise brings on.
func stopRule(p *assessment.Programme) string {
	t := ""
	if p != nil {
		t = clean(p.StopRule, maxStopRunes)
	}
	if t == "" {
		return "Stop any exercise that brings on pain or makes it worse than before you started, and tell me."
	}
	t = outOfTen.ReplaceAllString(t, "$1 out of 10")
	t = strings.ReplaceAll(t, "tell your coach", "tell me")
	t = strings.ReplaceAll(t, "fewer reps", "fewer repetitions")
	return t
}

// equipmentNames give each piece of equipment with a home stand-in.
var equipmentNames = map[string]string{
	assessment.EquipMat:        "a mat (a folded blanket or a rug will do)",
	assessment.EquipBand:       "a resistance band",
	assessment.EquipDowel:      "a dowel (a broom handle works)",
	assessment.EquipKettlebell: "a kettlebell (a full shopping bag to start)",
	assessment.EquipDumbbell:   "a dumbbell (a full water bottle to start)",
	assessment.EquipBench:      "a bench (a sturdy sofa or worktop)",
	assessment.EquipBox:        "a step (the bottom stair or a sturdy chair)",
	assessment.EquipWall:       "a clear wall or door frame",
	assessment.EquipCable:      "a cable machine at the gym (a band tied to a door handle at home)",
	assessment.EquipBarbell:    "a barbell at the gym",
	assessment.EquipFoamRoller: "a foam roller (a rolled towel at a pinch)",
}

// nothingNeeded is the equipment line of an exercise that needs none.
const nothingNeeded = "Nothing: just you and a bit of floor."

func equipmentList(eq []string) string {
	var out []string
	for _, e := range eq {
		if t, ok := equipmentNames[e]; ok && !contains(out, t) {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return nothingNeeded
	}
	s := joinAnd(out) + "."
	return strings.ToUpper(s[:1]) + s[1:]
}

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
		how = append(how, fmt.Sprintf("about %d seconds for each repetition", secs))
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
	rx := ln.rx
	if ex := pb.lib[ln.id]; rx.Sets == 0 && rx.Reps == 0 && rx.HoldSeconds == 0 && ex != nil {
		d := ex.Dosage[phase]
		rx.Sets, rx.Reps, rx.HoldSeconds = d.Sets, d.Reps, d.HoldSeconds
	}
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
		once("tempo", "“About 5 seconds for each repetition” means: move slowly and smoothly; count the seconds in your head.")
	}
	if rx.PerSide || ln.extra != nil {
		once("side", "“Each side” means: do the full number on one side, then on the other.")
	}
	if len(out) > 0 && !pb.explain["effort"] {
		pb.explain["effort"] = true
		out = append(out, "Every round should feel like you could do 2 or 3 more with good form. If the last few are a struggle, do fewer; if they feel easy for two sessions in a row, tell me.")
	}
	return out
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
		n := PhaseNote{Title: weeksLabel(ph.First, ph.Last) + " · " + ph.Title, Text: ph.Aim}
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
			n.CheckIn = "We check these together around " + d.AddDays(-1).Time().Format("Monday 2 January") + "."
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

// minutesFrom is the time, in seconds, from which a prescribed "hold" is
// worded as minutes: nobody holds a position for two minutes; it is a walk
// or a flow.
const minutesFrom = 120

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

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
		// between: "week 1: 8 · week 2: 10 · week 3: 12".
		all := append([]change{{g.first, first, ln.rx}}, changes...)
		repsOnly, holdOnly := true, true
		for _, c := range all[1:] {
			repsOnly = repsOnly && c.rx.Sets == ln.rx.Sets && c.rx.HoldSeconds == ln.rx.HoldSeconds && c.rx.Reps > 0
			holdOnly = holdOnly && c.rx.Sets == ln.rx.Sets && c.rx.Reps == ln.rx.Reps && c.rx.HoldSeconds > 0
		}
		var weeks []string
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
			switch {
			case repsOnly:
				weeks = append(weeks, fmt.Sprintf("%s: %d", label, c.rx.Reps))
			case holdOnly && c.rx.HoldSeconds >= minutesFrom:
				weeks = append(weeks, fmt.Sprintf("%s: %s", label, plural((c.rx.HoldSeconds+30)/60, "minute", "minutes")))
			case holdOnly:
				weeks = append(weeks, fmt.Sprintf("%s: %d seconds", label, c.rx.HoldSeconds))
			default:
				weeks = append(weeks, fmt.Sprintf("%s: %s", label, lowerFirst(c.dose)))
			}
		}
		lead := "A little more each week"
		switch {
		case repsOnly:
			lead += ", the number in each round"
		case holdOnly && ln.rx.HoldSeconds >= minutesFrom:
			lead = "A little longer each week"
		case holdOnly:
			lead += ", the length of each hold"
		}
		text += ". " + lead + ": " + strings.Join(weeks, " · ")
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

func lowerFirst(s string) string {
	if s == "" || strings.HasPrefix(s, "I ") {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
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

// shortSideWords is extraSideWords for the fridge page and the
// week-by-week amounts, where room is short; the session page says it in
// full.
func shortSideWords(id, side string) string {
	switch id {
	case "clamshell", "clamshell_banded", "side_lying_abduction", "side_lying_abduction_banded":
		return fmt.Sprintf("with your %s leg on top", side)
	case "side_plank", "side_plank_knees", "side_bridge_clam":
		return fmt.Sprintf("on your %s forearm", side)
	case "open_book":
		return fmt.Sprintf("opening your %s arm", side)
	case "foam_roll_outer_hip":
		return fmt.Sprintf("rolling your %s hip", side)
	case "half_kneeling_hf":
		return fmt.Sprintf("with your %s knee down", side)
	}
	return fmt.Sprintf("for your %s side", side)
}

// extraSideWords says which limb does the extra round of a one-sided
// exercise. "On your right side" reads, for a side-lying exercise, as lying
// on the right side, which works the left hip: so the words name the
// working limb and, lying down, the side she lies on.
func extraSideWords(id, side string) string {
	other := "left"
	if side == assessment.SideLeft {
		other = "right"
	}
	switch id {
	case "clamshell", "clamshell_banded", "side_lying_abduction", "side_lying_abduction_banded":
		return fmt.Sprintf("with your %s leg working (lying on your %s side, %s leg on top)", side, other, side)
	case "side_plank", "side_plank_knees", "side_bridge_clam":
		return fmt.Sprintf("with your %s side working (lying on your %s side, propped on your %s forearm)", side, side, side)
	case "open_book":
		return fmt.Sprintf("opening your %s arm (lying on your %s side)", side, other)
	case "half_kneeling_hf":
		return fmt.Sprintf("with your %s knee down (the stretch is at the front of your %s hip)", side, side)
	case "foam_roll_outer_hip":
		return fmt.Sprintf("rolling your %s hip (lying on your %s side)", side, side)
	}
	return fmt.Sprintf("with your %s side working", side)
}

// plainNames replace the library's gym names that mean nothing to her
// ("prone", "posterior tilt", "glute", "RDL", "Pallof", "90/90", "dead
// bug") with what she does; a name a coach may say aloud stays in
// brackets, so the two of them can talk about it.
var plainNames = map[string]string{
	"prone_ytw":                    "Arm raises in Y, T and W shapes, lying face down",
	"hip_flexor_stretch":           "Kneeling stretch for the front of the hip, tail tucked under",
	"exhale_on_effort_lift":        "Lifting practice: breathe out as you lift",
	"breathing_360":                "Deep breathing into your back and sides (360° breathing)",
	"glute_bridge":                 "Bridge: lift your hips, squeezing your buttocks",
	"prone_hip_extension":          "Leg lift lying face down, squeezing your buttock",
	"dead_bug_toe_tap":             "Toe taps lying on your back, knees up (dead bug)",
	"dead_bug_bent_knee":           "Opposite arm and leg reach, lying on your back (dead bug)",
	"dead_bug_long_lever":          "Straight-leg reach, lying on your back (dead bug)",
	"bird_dog_leg_slide":           "Leg slide back on hands and knees",
	"bird_dog":                     "Opposite arm and leg reach on hands and knees (bird dog)",
	"pallof_press_kneeling":        "Band push-out without twisting, on one knee (Pallof press)",
	"pallof_press_standing":        "Band push-out without twisting, standing (Pallof press)",
	"suitcase_carry":               "Walk carrying a weight in one hand (suitcase carry)",
	"farmer_carry":                 "Walk carrying a heavy weight in each hand",
	"hip_thrust":                   "Hip lift with a dumbbell, shoulders on a bench",
	"hip_thrust_barbell":           "Heavy hip lift with a barbell, shoulders on a bench",
	"quadruped_hip_extension":      "Leg lift back on hands and knees",
	"quadruped_hip_extension_band": "Leg lift back on hands and knees, with a band",
	"side_bridge_clam":             "Side plank from the knees, opening the top knee",
	"side_lying_abduction":         "Leg lift to the side, lying on your side",
	"side_lying_abduction_banded":  "Leg lift to the side with a band, lying on your side",
	"lateral_walk_banded":          "Side steps with a band round your legs",
	"lateral_walk_low":             "Low side steps with a band round your feet",
	"goblet_squat":                 "Squat holding a weight at your chest",
	"hinge_hands_on_hips":          "Bend from the hips, hands in the hip crease",
	"wall_tap_hinge":               "Bend from the hips to tap your bottom on a wall",
	"dowel_hinge":                  "Bend from the hips with a stick along your back",
	"kb_deadlift_elevated":         "Lift a kettlebell from a box, bending from the hips",
	"kb_rdl":                       "Bend from the hips holding kettlebells (Romanian deadlift)",
	"barbell_deadlift_heavy":       "Heavy barbell lift from the floor (deadlift)",
	"kickstand_rdl":                "Bend from the hips, one foot a little behind (Romanian deadlift)",
	"single_leg_rdl":               "Bend from the hips on one leg (Romanian deadlift)",
	"db_row_supported":             "Dumbbell row, chest resting on a bench",
	"db_row_bent":                  "Dumbbell row, leaning forward",
	"band_pull_apart":              "Band pull-apart: stretch the band across your chest",
	"band_pulldown_kneeling":       "Band pull-down, kneeling on one knee",
	"wall_angel":                   "Arm slides up a wall (wall angel)",
	"chin_tuck":                    "Chin tuck: draw your chin straight back",
	"hip_90_90":                    "Seated hip switch: both knees bent, tip them side to side (90/90)",
	"couch_stretch":                "Stretch for the front of the thigh, back foot up on a sofa",
	"figure_four_stretch":          "Buttock stretch lying down, ankle over the other knee (figure 4)",
	"pigeon_stretch":               "Buttock stretch, front leg folded in front of you (pigeon)",
	"foam_roll_outer_hip":          "Roll the outer hip on a foam roller",
	"adductor_rockback":            "Inner-thigh stretch, rocking back on hands and knees",
	"cat_cow":                      "Round and arch your back on hands and knees (cat-cow)",
	"thread_the_needle":            "Upper-back twist on hands and knees (thread the needle)",
	"thoracic_extension_roller":    "Upper-back bend back over a foam roller",
	"run_walk_intervals":           "Run-walk: short easy runs between walks",
	"open_book":                    "Open book: lying on your side, open your top arm like a book",
}

// ExerciseName is an exercise's name as she reads it on the handout: a
// plain name for the few gym names that need one, else the library's.
func ExerciseName(ex *assessment.Exercise) string {
	if ex == nil {
		return ""
	}
	if n, ok := plainNames[ex.ID]; ok && !ex.Custom {
		return n
	}
	return clean(ex.Name, maxNameRunes)
}
