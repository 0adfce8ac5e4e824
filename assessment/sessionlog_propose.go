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
	ActionHold    = "hold"     // amber
	ActionRegress = "regress"  // red
)

// Proposal is what Keel suggests after the latest logged session of a
// programme version, and why. Only a regression changes the plan; the
// coach applies it with Apply and stores the result as a new version.
type Proposal struct {
	ProgrammeID int64        `json:"programme_id"`
	Action      string       `json:"action"` // ActionNone, ActionCarryOn, ActionHold, ActionRegress
	Light       Light        `json:"light,omitempty"`
	Log         *SessionLog  `json:"log,omitempty"` // the session the light was read from
	Title       string       `json:"title"`
	Reason      string       `json:"reason"`
	Changes     []PlanChange `json:"changes,omitempty"`
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
// (logs may hold every version's logs; the others only count towards
// persistent pain) and proposes what to do:
//
//   - green (pain 0–3, no doming): carry on;
//   - amber (pain 4–5): hold progression, no change to the plan;
//   - red (pain 6 or more, or doming seen): regress the exercises
//     concerned, from the week of that session to the end of the plan.
//
// The exercises concerned are those of the logged session: the exercises
// prescribed on that weekday in the week the session falls in (the plan
// says which exercises she was doing when it hurt or domed). When that day
// has no session (she trained on a rest day) every exercise of that week is
// concerned, since Keel cannot tell which she did. When the plan has no
// dates Keel cannot tell the week either, so every exercise of the plan is
// concerned, from its first week.
//
// Each is swapped for the first easier variation down its regression
// chain that is safe for her and possible with the plan's equipment: no
// gate of r (the assessment the programme was made from) forbids it, and
// its equipment is in p.Options.Equipment, the generator's own rules. An
// exercise with no such variation keeps its place with a smaller dose (a set
// fewer, and two thirds of the reps or hold: RegressDoseFraction). A nil r
// is treated as blocking: nothing can be checked against it, so no
// exercise is swapped and every one concerned has its dose reduced.
//
// Errors: EINVALID when p is nil.
func Propose(r *Record, p *Programme, logs []*SessionLog, lib *Library) (*Proposal, error) {
	if p == nil {
		return nil, Errorf(EINVALID, "There is no programme to check the sessions against.")
	}
	all := make([]*SessionLog, 0, len(logs))
	for _, l := range logs {
		if l != nil && l.Status != SessionMissed {
			all = append(all, l)
		}
	}
	SortSessionLogs(all)
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
		return prop, nil
	}
	cp := *last
	prop.Log, prop.Light = &cp, last.Light()
	when := last.Date.String()
	switch prop.Light {
	case LightGreen:
		prop.Action = ActionCarryOn
		prop.Title = "Carry on"
		prop.Reason = fmt.Sprintf("Pain %d/10 during the session on %s, with no doming, is in the green zone (0–3): carry on with the plan.", last.Pain, when)
		if n := trailing(all, func(l *SessionLog) bool { return l.Light() == LightGreen }); n >= GreenSessionsToProgress {
			prop.Reason += fmt.Sprintf(" %d green sessions in a row: she may progress an exercise once she reaches the top of its rep range with good form.", n)
		}
	case LightAmber:
		prop.Action = ActionHold
		prop.Title = "Hold progression"
		prop.Reason = fmt.Sprintf("Pain %d/10 during the session on %s is in the amber zone (4–5): keep the same exercises and loads, do not progress, and reduce the load if the pain lingers or is worse the next day.", last.Pain, when)
	case LightRed:
		prop.Action = ActionRegress
		prop.Title = "Regress"
		prop.Reason = redReason(last)
		wi, dated := logWeek(p, last.Date)
		prop.Changes = regressions(r, p, last, lib)
		switch {
		case len(p.Weeks) == 0:
			prop.Reason += " The plan has no weeks, so there is nothing to change: reassess her."
		case !dated:
			prop.Reason += fmt.Sprintf(" The plan has no dates, so Keel cannot tell which week or day the session was: every exercise of the plan is concerned, from week %d.", p.Weeks[0].Week)
		case wi < 0:
			prop.Reason += " The session is after the end of this plan, so there is nothing left to change: reassess her."
		}
	}
	if n := trailing(all, func(l *SessionLog) bool { return l.Pain >= PainStopMin }); n >= PersistentRedSessions {
		prop.Refer = true
		prop.ReferReason = fmt.Sprintf("Her pain has been %d/10 or more in the last %d sessions. Persistent pain at that level needs a health professional's opinion (GP or physiotherapist) before she trains on.", PainStopMin, n)
	}
	return prop, nil
}

// trailing counts the logs at the end of logs that satisfy ok.
func trailing(logs []*SessionLog, ok func(*SessionLog) bool) int {
	n := 0
	for i := len(logs) - 1; i >= 0 && ok(logs[i]); i-- {
		n++
	}
	return n
}

func redReason(l *SessionLog) string {
	var why []string
	if l.Pain >= PainStopMin {
		why = append(why, fmt.Sprintf("pain %d/10 (red zone: 6 or more)", l.Pain))
	}
	if l.Doming {
		why = append(why, "doming seen")
	}
	return fmt.Sprintf("The session on %s had %s: stop progressing and go back to the easier variation of the exercises she did that day.", l.Date, strings.Join(why, " and "))
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

// concerned lists, in plan order and once each, the exercise ids of the
// logged session (see Propose). wi < 0 means the whole plan.
func concerned(p *Programme, wi int, d Date) []string {
	var ids []string
	add := func(day Day) {
		for _, l := range day.Exercises {
			if !slices.Contains(ids, l.ExerciseID) {
				ids = append(ids, l.ExerciseID)
			}
		}
	}
	if wi < 0 {
		for _, wk := range p.Weeks {
			for _, day := range wk.Days {
				add(day)
			}
		}
		return ids
	}
	wk := p.Weeks[wi]
	name := DayName(d.Weekday())
	for _, day := range wk.Days {
		if day.Day == name {
			add(day)
		}
	}
	if len(ids) == 0 {
		for _, day := range wk.Days {
			add(day)
		}
	}
	return ids
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
	ids := concerned(p, wi, l.Date)
	from := p.Weeks[0].Week
	if wi >= 0 {
		from = p.Weeks[wi].Week
	}
	rules := newRegressionRules(r, p)
	out := make([]PlanChange, 0, len(ids))
	for _, id := range ids {
		c := PlanChange{FromWeek: from, ExerciseID: id, Name: lineName(p, id)}
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
			c.Reason = fmt.Sprintf("Regressed from %s to %s after the session on %s (%s); passed over %s.", c.Name, c.ToName, l.Date, lightWords(l), strings.Join(passed, "; "))
		case c.ToID != "":
			c.Reason = fmt.Sprintf("Regressed from %s to %s after the session on %s (%s).", c.Name, c.ToName, l.Date, lightWords(l))
		case len(passed) > 0:
			c.Reason = fmt.Sprintf("No easier variation of %s suits her (%s): dose reduced after the session on %s (%s).", c.Name, strings.Join(passed, "; "), l.Date, lightWords(l))
		default:
			c.Reason = fmt.Sprintf("No easier variation of %s: dose reduced after the session on %s (%s).", c.Name, l.Date, lightWords(l))
		}
		out = append(out, c)
	}
	return out
}

func lightWords(l *SessionLog) string {
	switch {
	case l.Pain >= PainStopMin && l.Doming:
		return fmt.Sprintf("pain %d/10 and doming", l.Pain)
	case l.Doming:
		return "doming"
	}
	return fmt.Sprintf("pain %d/10", l.Pain)
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
