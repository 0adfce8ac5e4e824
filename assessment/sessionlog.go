package assessment

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// SessionLog is the coach's note of one session of an issued programme:
// whether the client did it, how much it hurt while she did it (0–10) and
// whether her belly domed. The pain and doming feed the traffic light
// (domain.md §7 [84]) that tells the coach to carry on, hold progression or
// regress; the statuses feed adherence.
type SessionLog struct {
	ID       int64 `json:"id,omitempty"`
	ClientID int64 `json:"client_id,omitempty"` // set by storage from the programme
	// ProgrammeID is the programme version the session belongs to.
	ProgrammeID int64  `json:"programme_id"`
	Date        Date   `json:"date"`
	Status      string `json:"status"` // SessionDone, SessionPartial, SessionMissed
	// Pain is the pain during the session, 0–10. A missed session has none;
	// its Pain is ignored.
	Pain   int    `json:"pain"`
	Doming bool   `json:"doming"` // doming or coning seen during the session
	Note   string `json:"note,omitempty"`

	CreatedAt time.Time `json:"created_at,omitzero"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
}

// Session statuses.
const (
	SessionDone    = "done"
	SessionPartial = "partial"
	SessionMissed  = "missed"
)

// SessionStatuses lists the statuses in display order.
var SessionStatuses = []string{SessionDone, SessionPartial, SessionMissed}

// Fields of a session log's validation errors.
const (
	FieldSessionProgramme = "programme_id"
	FieldSessionDate      = "date"
	FieldSessionStatus    = "status"
	FieldSessionPain      = "pain"
	FieldSessionNote      = "note"
)

// Validate checks the log as of day today (a zero today skips the
// future-date check) and returns every problem at once.
func (l *SessionLog) Validate(today Date) error {
	if l == nil {
		return Errorf(EINVALID, "There is no session to save.")
	}
	var v ValidationErrors
	if l.ProgrammeID == 0 {
		v.Add(FieldSessionProgramme, "Choose the programme this session belongs to.")
	}
	switch {
	case l.Date.IsZero():
		v.Add(FieldSessionDate, "Enter the date of the session.")
	case l.Date.Time().Year() < MinRecordYear || l.Date.Time().Year() > MaxRecordYear:
		v.Add(FieldSessionDate, "Check the year of the session date.")
	case !today.IsZero() && l.Date.After(today):
		v.Add(FieldSessionDate, "The session date is in the future.")
	}
	if !slices.Contains(SessionStatuses, l.Status) {
		v.Add(FieldSessionStatus, "Choose done, partly done or missed.")
	}
	if l.Pain < 0 || l.Pain > MaxNPRS {
		v.Add(FieldSessionPain, "Enter the pain during the session from 0 (none) to 10.")
	}
	if utf8.RuneCountInString(l.Note) > MaxNotesLen {
		v.Add(FieldSessionNote, "Keep the note under %d characters.", MaxNotesLen)
	}
	if !validText(l.Note) {
		v.Add(FieldSessionNote, "The note contains characters that cannot be stored.")
	}
	return v.Err()
}

// SessionLogFilter narrows a listing of session logs. Zero fields match any.
type SessionLogFilter struct {
	ClientID    int64
	ProgrammeID int64
}

// SessionLogService stores session logs. The SQLite package implements it.
type SessionLogService interface {
	// CreateSessionLog validates l, stores it against its programme (which
	// must be issued) and sets ID, ClientID and times. Errors: EINVALID,
	// ENOTFOUND (no such programme), ECONFLICT (the programme is a draft,
	// has been replaced by a newer version, or is not Blocked but its
	// assessment now blocks every programme).
	CreateSessionLog(ctx context.Context, l *SessionLog) error
	// UpdateSessionLog replaces a stored log's date, status, pain, doming and
	// note. Errors: EINVALID, ENOTFOUND.
	UpdateSessionLog(ctx context.Context, l *SessionLog) error
	// FindSessionLogs returns the matching logs, oldest first (by date, then
	// by when they were logged).
	FindSessionLogs(ctx context.Context, f SessionLogFilter) ([]*SessionLog, error)
	// DeleteSessionLog removes one log. Errors: ENOTFOUND.
	DeleteSessionLog(ctx context.Context, id int64) error
}

// Light is the pain traffic light of one session (domain.md §7 [84]).
type Light string

// Traffic lights. LightNone is a missed session: nothing to read.
const (
	LightNone  Light = ""
	LightGreen Light = "green" // pain 0–3, no doming: carry on
	LightAmber Light = "amber" // pain 4–5: hold progression
	LightRed   Light = "red"   // pain 6 or more, or doming: regress
)

// Light reads the session's traffic light: red for pain of 6 or more or
// doming seen, amber for 4–5, green for 0–3, none for a missed session.
func (l *SessionLog) Light() Light {
	switch {
	case l == nil || l.Status == SessionMissed:
		return LightNone
	case l.Pain >= PainStopMin || l.Doming:
		return LightRed
	case l.Pain >= SessionPainAmberMin:
		return LightAmber
	}
	return LightGreen
}

// SortSessionLogs orders logs oldest first: by date, then by ID (the order
// they were logged in).
func SortSessionLogs(logs []*SessionLog) {
	slices.SortStableFunc(logs, func(a, b *SessionLog) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
	})
}

// WeekAdherence is how much of one programme week the client did, up to a
// given day: planned sessions so far, and how many were logged done,
// partly done or missed.
type WeekAdherence struct {
	Week  int    `json:"week"`
	Phase string `json:"phase"`
	Start Date   `json:"start"`
	// Planned is the sessions the week holds; PlannedSoFar those dated on
	// or before the day asked about.
	Planned      int `json:"planned"`
	PlannedSoFar int `json:"planned_so_far"`
	Done         int `json:"done"`
	Partial      int `json:"partial"`
	Missed       int `json:"missed"`
	// Percent is done sessions (a partial one counts half) out of those
	// planned so far, 0–100; −1 when none were planned yet.
	Percent int `json:"percent"`
}

// weekStart is the first day of week wk of p: its own start, else counted
// from the plan's start. ok is false when the plan has no dates.
func weekStart(p *Programme, wk Week) (Date, bool) {
	switch {
	case !wk.Start.IsZero():
		return wk.Start, true
	case !p.Options.Start.IsZero():
		return p.Options.Start.AddDays(7 * (wk.Week - 1)), true
	}
	return Date{}, false
}

// Adherence counts, for each week of p that has begun by today, the
// sessions planned and the sessions logged (any version's logs may be
// passed: weeks are matched by date). Logs outside the plan's dates are
// not counted. A week's percent is capped at 100 (an extra session does
// not make up for a missed one in another week).
func Adherence(p *Programme, logs []*SessionLog, today Date) []WeekAdherence {
	if p == nil {
		return nil
	}
	var out []WeekAdherence
	for _, wk := range p.Weeks {
		start, ok := weekStart(p, wk)
		if !ok || (!today.IsZero() && start.After(today)) {
			continue
		}
		a := WeekAdherence{Week: wk.Week, Phase: wk.Phase, Start: start}
		for _, d := range wk.Days {
			if len(d.Exercises) == 0 {
				continue
			}
			a.Planned++
			if day, ok := dayDate(start, d.Day); ok && (today.IsZero() || !day.After(today)) {
				a.PlannedSoFar++
			}
		}
		end := start.AddDays(7)
		for _, l := range logs {
			if l == nil || l.Date.Before(start) || !l.Date.Before(end) {
				continue
			}
			switch l.Status {
			case SessionDone:
				a.Done++
			case SessionPartial:
				a.Partial++
			case SessionMissed:
				a.Missed++
			}
		}
		a.Percent = -1
		if a.PlannedSoFar > 0 {
			credit := float64(a.Done) + PartialSessionCredit*float64(a.Partial)
			a.Percent = min(100, int(math.Round(100*credit/float64(a.PlannedSoFar))))
		}
		out = append(out, a)
	}
	return out
}

// OverallAdherence is the share of sessions planned so far that were done
// (partial ones count half) across the weeks given, 0–100, and false when
// none were planned yet.
func OverallAdherence(weeks []WeekAdherence) (int, bool) {
	planned, credit := 0, 0.0
	for _, w := range weeks {
		planned += w.PlannedSoFar
		credit += min(float64(w.PlannedSoFar), float64(w.Done)+PartialSessionCredit*float64(w.Partial))
	}
	if planned == 0 {
		return 0, false
	}
	return int(math.Round(100 * credit / float64(planned))), true
}

// dayDate is the date of day name ("mon") in the week starting on start
// (which may be any weekday).
func dayDate(start Date, day string) (Date, bool) {
	for k := range 7 {
		d := start.AddDays(k)
		if DayName(d.Weekday()) == day {
			return d, true
		}
	}
	return Date{}, false
}

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

// Apply makes the new version of p that prop describes: a copy of p with
// every change made from its week to the end of the plan, session
// lengths re-estimated and Note saying why. The copy has no ID and the
// same Lineage and Status as p, so ProgrammeService.CreateProgramme stores
// it as the next version and keeps p, marked superseded.
//
// Each line is changed at most once, by the change for the exercise it
// held in p, so a line swapped for its easier variation is never regressed
// again by that variation's own change. Every swap is checked again
// against r, the assessment the programme was made from, and the plan's
// equipment, as Propose checks it.
//
// Errors: EINVALID when there is nothing to apply; ECONFLICT when prop was
// made for another programme version or a swap it names is no longer safe
// or possible for her; ENOTFOUND when a swap names an exercise no longer in
// the library.
func Apply(r *Record, p *Programme, prop *Proposal, lib *Library) (*Programme, error) {
	if p == nil || prop == nil {
		return nil, Errorf(EINVALID, "There is no proposal to apply.")
	}
	if prop.ProgrammeID != p.ID {
		return nil, Errorf(ECONFLICT, "This proposal was made for another version of the programme. Open the current version and check the sessions again.")
	}
	if len(prop.Changes) == 0 {
		return nil, Errorf(EINVALID, "This proposal does not change the plan, so there is nothing to apply.")
	}
	rules := newRegressionRules(r, p)
	changes := make(map[string]PlanChange, len(prop.Changes)) // by the exercise a line holds in p
	to := make(map[string]*Exercise, len(prop.Changes))
	for _, c := range prop.Changes {
		if _, dup := changes[c.ExerciseID]; dup {
			continue
		}
		changes[c.ExerciseID] = c
		if c.ToID == "" {
			continue
		}
		e, ok := lib.getOK(c.ToID)
		if !ok {
			return nil, Errorf(ENOTFOUND, "The exercise %s is no longer in the library. Check the sessions again.", c.ToName)
		}
		if why := rules.unfit(e); why != "" {
			return nil, Errorf(ECONFLICT, "%s cannot replace %s for her: %s. Check the sessions again.", e.Name, c.Name, why)
		}
		to[c.ExerciseID] = e
	}
	np := cloneProgramme(p)
	// Version names the version this one is built on, so the store can
	// refuse it if a newer one was saved meanwhile; it renumbers on save.
	np.ID, np.Version = 0, p.Version
	np.CreatedAt, np.UpdatedAt = time.Time{}, time.Time{}
	if np.Lineage == 0 {
		np.Lineage = p.ID
	}
	var touched []Slot
	for wi := range np.Weeks {
		wk := &np.Weeks[wi]
		for di := range wk.Days {
			d := &wk.Days[di]
			swapped := make([]bool, len(d.Exercises))
			hit := false
			for k := range d.Exercises {
				line := &d.Exercises[k]
				c, ok := changes[line.ExerciseID]
				if !ok || wk.Week < c.FromWeek {
					continue
				}
				hit = true
				e := to[line.ExerciseID]
				if e == nil {
					reduceDose(line)
					line.Reason = c.Reason
					continue
				}
				dose := doseFor(e, wk.Phase)
				*line = Prescription{ExerciseID: e.ID, Name: e.Name, Sets: dose.Sets, Reps: dose.Reps,
					HoldSeconds: dose.HoldSeconds, Side: line.Side, PerSide: dose.PerSide, Reason: c.Reason,
					Findings: line.Findings}
				swapped[k] = true
			}
			if !hit {
				continue
			}
			d.Exercises = dropRepeats(d.Exercises, swapped)
			touched = append(touched, Slot{Week: wk.Week, Day: d.Day})
		}
	}
	np.recomputeMinutes(lib, touched...)
	np.Note = prop.Title + ": " + prop.Reason
	return np, nil
}

// dropRepeats removes a swapped-in line whose exercise the session already
// holds (a line that was already that exercise, or an earlier swap to it),
// rather than list it twice. Lines that were not swapped are all kept.
func dropRepeats(lines []Prescription, swapped []bool) []Prescription {
	out := make([]Prescription, 0, len(lines))
	for k, l := range lines {
		repeat := false
		for j, o := range lines {
			if j != k && swapped[k] && o.ExerciseID == l.ExerciseID && (!swapped[j] || j < k) {
				repeat = true
				break
			}
		}
		if !repeat {
			out = append(out, l)
		}
	}
	return out
}

// reduceDose lowers a line's dose for a regression with no easier
// variation: one set fewer (never below one) and two thirds of the reps and
// hold (never below one).
func reduceDose(l *Prescription) {
	if l.Sets > 1 {
		l.Sets--
	}
	cut := func(n int) int {
		if n <= 0 {
			return n
		}
		return max(1, int(math.Round(float64(n)*RegressDoseFraction)))
	}
	l.Reps, l.HoldSeconds = cut(l.Reps), cut(l.HoldSeconds)
}

// cloneProgramme copies p deeply, so a change to the copy never reaches p.
func cloneProgramme(p *Programme) *Programme {
	np := *p
	np.Options.Equipment = slices.Clone(p.Options.Equipment)
	np.Referrals = slices.Clone(p.Referrals)
	np.Focus = slices.Clone(p.Focus)
	np.Phases = slices.Clone(p.Phases)
	np.Excluded = slices.Clone(p.Excluded)
	np.Overrides = slices.Clone(p.Overrides)
	np.Weeks = slices.Clone(p.Weeks)
	for wi := range np.Weeks {
		np.Weeks[wi].Days = slices.Clone(np.Weeks[wi].Days)
		for di := range np.Weeks[wi].Days {
			d := &np.Weeks[wi].Days[di]
			d.Exercises = slices.Clone(d.Exercises)
			for k := range d.Exercises {
				d.Exercises[k].Findings = slices.Clone(d.Exercises[k].Findings)
			}
		}
	}
	return &np
}
