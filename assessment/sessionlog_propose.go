package assessment

import (
	"fmt"
	"slices"
	"strings"
)

// Traffic-light actions.
const (
	ActionNone    = "none"     // nothing logged against this version yet
	ActionCarryOn = "carry_on" // green
	ActionHold    = "hold"     // amber, or red outside the plan
	ActionRegress = "regress"  // red, with the exercises that hurt known
	ActionAsk     = "ask"      // red, but the log does not say which exercise hurt
)

// Proposal is what Keel suggests after the latest logged session of a
// programme version, and why. Only a regression changes the plan; the
// coach applies it with Apply and stores the result as a new version.
type Proposal struct {
	ProgrammeID int64        `json:"programme_id"`
	Action      string       `json:"action"` // ActionNone, ActionCarryOn, ActionHold, ActionRegress, ActionAsk
	Light       Light        `json:"light,omitempty"`
	Log         *SessionLog  `json:"log,omitempty"` // the session the light was read from
	Title       string       `json:"title"`
	Reason      string       `json:"reason"`
	Changes     []PlanChange `json:"changes,omitempty"`
	// Ask lists the exercises of the logged session when the log does not
	// say which of them hurt (ActionAsk): the coach asks her and marks them.
	Ask []ExerciseOutcome `json:"ask,omitempty"`
	// Refer is set when the pain has been 6 or more in the last
	// PersistentRedSessions sessions: persistent pain is referred, not
	// coached through (rule 13 [84]).
	Refer       bool   `json:"refer,omitempty"`
	ReferReason string `json:"refer_reason,omitempty"`
}

// PlanChange is one exercise a regression changes, from week FromWeek to
// the end of the plan: swapped for its easier variation (To set), or kept
// with a smaller dose when the library has nothing easier.
type PlanChange struct {
	FromWeek   int    `json:"from_week"`
	ExerciseID string `json:"exercise_id"`
	Name       string `json:"name"`
	ToID       string `json:"to_exercise_id,omitempty"`
	ToName     string `json:"to_name,omitempty"`
	Reason     string `json:"reason"`
}

// Propose reads the traffic light of the latest session logged against p
// (logs may hold every version's logs; the others count towards the runs
// of green and of persistent pain) and proposes what to do:
//
//   - green (pain 0–3, no doming, nothing hurt): carry on;
//   - amber (pain 4–5): hold progression, no change to the plan;
//   - red (pain 6 or more, doming, or an exercise that hurt): regress the
//     exercises that hurt, and only those, from the week of that session to
//     the end of the plan (from the first week when the plan has no dates).
//
// The exercises that hurt are those the log marks hurt, or with pain of 6
// or more or doming during them (SessionLog.HurtExercises). When a red log
// does not say which hurt, Keel does not guess: the proposal asks the coach
// (ActionAsk) and lists the session's exercises. A red session during
// another activity (SessionOther) changes nothing in the plan: hold.
//
// Each exercise that hurt is swapped for the first easier variation down
// its regression chain that is safe for her and possible with the plan's
// equipment: no gate of r (the assessment the programme was made from)
// forbids it, and its equipment is in p.Options.Equipment, the generator's
// own rules. An exercise with no such variation keeps its place with a
// smaller dose (a set fewer, and two thirds of the reps or hold:
// RegressDoseFraction). A nil r is treated as blocking: nothing can be
// checked against it, so no exercise is swapped and each one that hurt has
// its dose reduced.
//
// Errors: EINVALID when p is nil.
func Propose(r *Record, p *Programme, logs []*SessionLog, lib *Library) (*Proposal, error) {
	if p == nil {
		return nil, Errorf(EINVALID, "There is no programme to check the sessions against.")
	}
	every := make([]*SessionLog, 0, len(logs))
	for _, l := range logs {
		if l != nil {
			every = append(every, l)
		}
	}
	SortSessionLogs(every)
	all := make([]*SessionLog, 0, len(every))
	for _, l := range every {
		if l.Status != SessionMissed {
			all = append(all, l)
		}
	}
	var last *SessionLog
	for i := len(all) - 1; i >= 0; i-- {
		if p.ID == 0 || all[i].ProgrammeID == p.ID {
			last = all[i]
			break
		}
	}
	prop := &Proposal{ProgrammeID: p.ID}
	if last == nil {
		prop.Action = ActionNone
		prop.Title = "No session logged yet"
		prop.Reason = "Log a session of this plan and Keel will read its pain traffic light."
		if n := len(all); n > 0 {
			// The sessions so far were logged against an earlier version,
			// such as the one a regression replaced.
			prop.Title = "No session logged on this version yet"
			prop.Reason = fmt.Sprintf("Her last session, on %s, was logged against an earlier version of this plan. Log her next session and Keel will read its pain traffic light.", all[n-1].Date)
		}
		return prop, nil
	}
	cp := last.Clone()
	prop.Log, prop.Light = cp, last.Light()
	when := last.Date.String()
	switch prop.Light {
	case LightGreen:
		prop.Action = ActionCarryOn
		prop.Title = "Carry on"
		prop.Reason = fmt.Sprintf("Pain %d/10 during the session on %s, with no doming, is in the green zone (0–3): carry on with the plan.", last.Pain, when)
		if n := GreenRun(p, every); n >= GreenSessionsToProgress {
			prop.Reason += fmt.Sprintf(" %d green sessions in a row: she may progress an exercise once she reaches the top of its rep range with good form.", n)
		}
	case LightAmber:
		prop.Action = ActionHold
		prop.Title = "Hold progression"
		prop.Reason = fmt.Sprintf("Pain %d/10 during the session on %s is in the amber zone (4–5): keep the same exercises and loads, do not progress, and reduce the load if the pain lingers or is worse the next day.", sessionPain(last), when)
	case LightRed:
		proposeRed(prop, r, p, last, lib)
	}
	if n := trailing(all, func(l *SessionLog) bool { return sessionPain(l) >= PainStopMin }); n >= PersistentRedSessions {
		prop.Refer = true
		prop.ReferReason = fmt.Sprintf("Her pain has been %d/10 or more in the last %d sessions. Persistent pain at that level needs a health professional's opinion (GP or physiotherapist) before she trains on.", PainStopMin, n)
	}
	return prop, nil
}

// proposeRed fills prop for a red session l: regress what hurt, ask which
// hurt, or hold for an activity outside the plan.
func proposeRed(prop *Proposal, r *Record, p *Programme, l *SessionLog, lib *Library) {
	hurt := l.HurtExercises()
	switch {
	case l.Session == SessionOther:
		prop.Action = ActionHold
		prop.Title = "Hold progression"
		prop.Reason = fmt.Sprintf("On %s she did another activity, not a session of her plan, and it hurt (%s): nothing in the plan is changed. Hold progression, and check how she feels before her next session.", l.Date, lightWords(l))
		return
	case len(hurt) == 0:
		prop.Action = ActionAsk
		prop.Title = "Which exercise hurt?"
		prop.Reason = fmt.Sprintf("The session on %s had %s, but the log does not say which exercise hurt. Keel changes only the exercises that hurt: ask her, then mark them in the log.", l.Date, lightWords(l))
		prop.Ask = askList(p, l)
		return
	}
	prop.Action = ActionRegress
	prop.Title = "Regress"
	names := make([]string, len(hurt))
	for i, x := range hurt {
		names[i] = x.Name
	}
	prop.Reason = fmt.Sprintf("The session on %s had %s: go back to the easier variation of what hurt (%s) and keep the rest of the plan as it is.", l.Date, lightWords(l), joinAnd(names))
	wi, dated := logWeek(p, l.Date)
	prop.Changes = regressions(r, p, l, lib)
	switch {
	case len(p.Weeks) == 0:
		prop.Reason += " The plan has no weeks, so there is nothing to change: reassess her."
	case !dated:
		prop.Reason += fmt.Sprintf(" The plan has no dates, so Keel cannot tell which week the session was: the change runs from week %d.", p.Weeks[0].Week)
	case wi < 0:
		prop.Reason += " The session is after the end of this plan, so there is nothing left to change: reassess her."
	}
}

// askList is what the coach chooses from when a red log does not say
// which exercise hurt: the exercises the log lists, else those of the
// session it names or of the one planned on its day; none on a rest day
// with no session named.
func askList(p *Programme, l *SessionLog) []ExerciseOutcome {
	if len(l.Exercises) > 0 {
		return slices.Clone(l.Exercises)
	}
	sessions, onDay := SessionsAround(p, l.Date)
	if l.Session != "" {
		onDay = nil
		for i := range sessions {
			if sessions[i].Day == l.Session {
				onDay = &sessions[i]
			}
		}
	}
	return NewOutcomes(onDay, SessionPartial)
}

// sessionPain is the highest pain the log holds: the session's, or an
// exercise's when that is higher.
func sessionPain(l *SessionLog) int {
	if top, ok := l.maxExercisePain(); ok && top > l.Pain {
		return top
	}
	return l.Pain
}

// trailing counts the logs at the end of logs that satisfy ok.
func trailing(logs []*SessionLog, ok func(*SessionLog) bool) int {
	n := 0
	for i := len(logs) - 1; i >= 0 && ok(logs[i]); i-- {
		n++
	}
	return n
}

// GreenRun counts the green sessions in a row at the end of logs (any
// order; every version's logs of p may be passed). The run stops at a
// session that was not green, at one logged as missed, and at a session
// planned between two logged ones that has no log: a missed planned
// session breaks the run whether or not the coach logged it as missed. A
// session done on another day than planned covers its planned day when
// the log names it.
func GreenRun(p *Programme, logs []*SessionLog) int {
	sorted := make([]*SessionLog, 0, len(logs))
	for _, l := range logs {
		if l != nil {
			sorted = append(sorted, l)
		}
	}
	SortSessionLogs(sorted)
	covered := map[Date]bool{}
	for _, l := range sorted {
		covered[l.Date] = true
		if d, ok := namedDay(p, l); ok {
			covered[d] = true
		}
	}
	planned := plannedDates(p)
	n := 0
	for i := len(sorted) - 1; i >= 0; i-- {
		l := sorted[i]
		if l.Light() != LightGreen {
			break
		}
		n++
		if i == 0 {
			break
		}
		prev := sorted[i-1]
		if slices.ContainsFunc(planned, func(d Date) bool { return d.After(prev.Date) && d.Before(l.Date) && !covered[d] }) {
			break
		}
	}
	return n
}

// namedDay is the date of the planned session log l names, in the week
// l falls in.
func namedDay(p *Programme, l *SessionLog) (Date, bool) {
	if p == nil || l.Session == "" || l.Session == SessionOther {
		return Date{}, false
	}
	wi, dated := logWeek(p, l.Date)
	if !dated || wi < 0 {
		return Date{}, false
	}
	start, _ := weekStart(p, p.Weeks[wi])
	return dayDate(start, l.Session)
}

// plannedDates lists the date of every session of p (a day with
// exercises), in order; none when the plan has no dates.
func plannedDates(p *Programme) []Date {
	if p == nil {
		return nil
	}
	var out []Date
	for _, wk := range p.Weeks {
		start, ok := weekStart(p, wk)
		if !ok {
			return nil
		}
		for _, d := range wk.Days {
			if !isSession(d) {
				continue
			}
			if day, ok := dayDate(start, d.Day); ok {
				out = append(out, day)
			}
		}
	}
	slices.SortFunc(out, Date.Compare)
	return out
}

// logWeek returns the index in p.Weeks of the week the log falls in: the
// first week when it is before the plan, −1 when after it. dated is false
// when a week of the plan has no date (neither its own start nor the
// plan's), so no week can be told.
func logWeek(p *Programme, d Date) (wi int, dated bool) {
	wi = -1
	for i, wk := range p.Weeks {
		start, ok := weekStart(p, wk)
		if !ok {
			return -1, false
		}
		switch {
		case wi >= 0:
		case i == 0 && d.Before(start):
			wi = 0
		case !d.Before(start) && d.Before(start.AddDays(7)):
			wi = i
		}
	}
	return wi, true
}

// regressionRules is what an easier variation must pass to be swapped in:
// the gates of her assessment and the plan's equipment.
type regressionRules struct {
	r     *Record
	gates []Gate
	avail map[string]bool
}

func newRegressionRules(r *Record, p *Programme) regressionRules {
	avail, err := availableEquipment(p.Options.Equipment)
	if err != nil {
		// An equipment list Keel does not know cannot be trusted to hold
		// anything: assume bodyweight only, the strictest reading.
		avail = map[string]bool{EquipNone: true}
	}
	return regressionRules{r: r, gates: Gates(r), avail: avail}
}

// unfit says why x cannot be swapped in for her, or "" when it can.
func (rr regressionRules) unfit(x *Exercise) string {
	if gs := GatesForbidding(rr.gates, x); len(gs) > 0 {
		if rr.r == nil {
			return "there is no assessment to check it against"
		}
		return "ruled out by " + gateTitle(gs[0])
	}
	if miss := missingEquipment(x, rr.avail); len(miss) > 0 {
		for i := range miss {
			miss[i] = choiceWord(miss[i])
		}
		return "needs " + joinAnd(miss) + ", which is not in this plan's equipment"
	}
	return ""
}

// easier walks down e's regression chain and returns the first variation
// that fits, with the words for each one passed over; nil when none fits
// or there is none. A loop in a hand-built library ends the walk.
func (rr regressionRules) easier(e *Exercise, lib *Library) (*Exercise, []string) {
	var passed []string
	seen := map[string]bool{e.ID: true}
	for cur := e; ; {
		next, ok := lib.getOK(cur.Regression)
		if !ok || seen[next.ID] {
			return nil, passed
		}
		seen[next.ID] = true
		why := rr.unfit(next)
		if why == "" {
			return next, passed
		}
		passed = append(passed, next.Name+" ("+why+")")
		cur = next
	}
}

func regressions(r *Record, p *Programme, l *SessionLog, lib *Library) []PlanChange {
	if len(p.Weeks) == 0 {
		return nil
	}
	wi, dated := logWeek(p, l.Date)
	if dated && wi < 0 {
		return nil
	}
	var ids []string
	for _, x := range l.HurtExercises() {
		ids = append(ids, x.ExerciseID)
	}
	from := p.Weeks[0].Week
	if wi >= 0 {
		from = p.Weeks[wi].Week
	}
	rules := newRegressionRules(r, p)
	out := make([]PlanChange, 0, len(ids))
	hurt := l.HurtExercises()
	for k, id := range ids {
		c := PlanChange{FromWeek: from, ExerciseID: id, Name: lineName(p, id)}
		if c.Name == id && hurt[k].Name != "" {
			c.Name = hurt[k].Name
		}
		words := hurtWords(hurt[k])
		var passed []string
		if e, ok := lib.getOK(id); ok {
			c.Name = e.Name
			var to *Exercise
			if to, passed = rules.easier(e, lib); to != nil {
				c.ToID, c.ToName = to.ID, to.Name
			}
		}
		switch {
		case c.ToID != "" && len(passed) > 0:
			c.Reason = fmt.Sprintf("Regressed from %s to %s after the session on %s (%s); passed over %s.", c.Name, c.ToName, l.Date, words, strings.Join(passed, "; "))
		case c.ToID != "":
			c.Reason = fmt.Sprintf("Regressed from %s to %s after the session on %s (%s).", c.Name, c.ToName, l.Date, words)
		case len(passed) > 0:
			c.Reason = fmt.Sprintf("No easier variation of %s suits her (%s): dose reduced after the session on %s (%s).", c.Name, strings.Join(passed, "; "), l.Date, words)
		default:
			c.Reason = fmt.Sprintf("No easier variation of %s: dose reduced after the session on %s (%s).", c.Name, l.Date, words)
		}
		out = append(out, c)
	}
	return out
}

func lightWords(l *SessionLog) string {
	var why []string
	if pain := sessionPain(l); pain > 0 {
		why = append(why, fmt.Sprintf("pain %d/10", pain))
	}
	domed := l.Doming
	var hurt []string
	for _, x := range l.HurtExercises() {
		if x.Doming != nil && *x.Doming {
			domed = true
		}
		if x.Outcome == OutcomeHurt {
			hurt = append(hurt, x.Name)
		}
	}
	if domed {
		why = append(why, "doming")
	}
	if len(hurt) > 0 {
		why = append(why, joinAnd(hurt)+" marked as hurting")
	}
	if len(why) == 0 {
		return "pain 0/10"
	}
	return strings.Join(why, " and ")
}

// hurtWords says how one exercise hurt her, for its change's reason.
func hurtWords(x ExerciseOutcome) string {
	var why []string
	if x.Outcome == OutcomeHurt {
		why = append(why, "it hurt")
	}
	if x.Pain != nil && *x.Pain >= PainStopMin {
		why = append(why, fmt.Sprintf("pain %d/10 during it", *x.Pain))
	}
	if x.Doming != nil && *x.Doming {
		why = append(why, "doming during it")
	}
	return strings.Join(why, ", ")
}

// lineName is the name the plan gives an exercise id.
func lineName(p *Programme, id string) string {
	for _, wk := range p.Weeks {
		for _, d := range wk.Days {
			for _, l := range d.Exercises {
				if l.ExerciseID == id {
					return l.Name
				}
			}
		}
	}
	return id
}

// getOK is Get that tolerates a nil library and an empty id.
func (l *Library) getOK(id string) (*Exercise, bool) {
	if l == nil || id == "" {
		return nil, false
	}
	return l.Get(id)
}
