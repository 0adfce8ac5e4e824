package assessment

import (
	"encoding/json"
	"slices"
	"strconv"
	"unicode/utf8"
)

// ExerciseOutcome is how one exercise of a logged session went: done,
// skipped or hurt, with the pain during it and whether her belly domed
// where the coach asked. An answer left out is nil or empty, never zero:
// an unanswered pain is not "no pain".
type ExerciseOutcome struct {
	ExerciseID string `json:"exercise_id"`
	Name       string `json:"name"`
	Outcome    string `json:"outcome"`          // OutcomeDone, OutcomeSkipped, OutcomeHurt
	Pain       *int   `json:"pain,omitempty"`   // 0–10; nil: not answered
	Doming     *bool  `json:"doming,omitempty"` // nil: not asked (it does not apply) or not answered
}

// Outcomes of one exercise.
const (
	OutcomeDone    = "done"
	OutcomeSkipped = "skipped"
	OutcomeHurt    = "hurt"
)

// ExerciseOutcomes lists the outcomes in display order.
var ExerciseOutcomes = []string{OutcomeDone, OutcomeSkipped, OutcomeHurt}

// SessionOther is the Session of a log for an activity that is not a
// session of her plan (a swim, a long walk with the buggy).
const SessionOther = "other"

// MaxSessionExercises is the most exercises one log holds (H: a session
// of the plan holds at most a dozen; more is a damaged file).
const MaxSessionExercises = 40

// Fields of a session log's validation errors, beyond those of the log.
const (
	FieldSessionSession   = "session"
	FieldSessionExercises = "exercises"
)

// FieldSessionExercise is the field of the i-th exercise outcome, as in
// "exercises.2".
func FieldSessionExercise(i int) string { return FieldSessionExercises + "." + strconv.Itoa(i) }

// validateOutcomes checks the session named and the outcome of each
// exercise. A missed session has no outcomes.
func (l *SessionLog) validateOutcomes(v *ValidationErrors) {
	if l.Session != "" && l.Session != SessionOther && !slices.Contains(dayNames[:], l.Session) {
		v.Add(FieldSessionSession, "Choose which session of her plan she did, or another activity.")
	}
	if len(l.Exercises) > MaxSessionExercises {
		v.Add(FieldSessionExercises, "A session holds at most %d exercises.", MaxSessionExercises)
		return
	}
	if len(l.Exercises) > 0 && l.Status == SessionMissed {
		v.Add(FieldSessionExercises, "A missed session has no exercises to mark: choose done or partly done, or clear them.")
		return
	}
	for i, x := range l.Exercises {
		f := FieldSessionExercise(i)
		name := x.Name
		if name == "" {
			name = "this exercise"
		}
		switch {
		case x.ExerciseID == "" || utf8.RuneCountInString(x.ExerciseID) > 100 || utf8.RuneCountInString(x.Name) > 200 || !validText(x.Name):
			v.Add(f, "Exercise %d of the session is not one Keel can store.", i+1)
		case !slices.Contains(ExerciseOutcomes, x.Outcome):
			v.Add(f, "Say whether she did %s, skipped it, or it hurt.", name)
		case x.Pain != nil && (*x.Pain < 0 || *x.Pain > MaxNPRS):
			v.Add(f, "Enter the pain during %s from 0 (none) to 10, or leave it unanswered.", name)
		case x.Outcome == OutcomeSkipped && (x.Pain != nil || x.Doming != nil):
			v.Add(f, "She skipped %s: it has no pain or doming to record.", name)
		}
	}
}

// hurtBy reports whether the outcome says the exercise hurt her: marked
// hurt, pain of 6 or more during it, or doming seen during it.
func (x ExerciseOutcome) hurtBy() bool {
	return x.Outcome == OutcomeHurt || (x.Pain != nil && *x.Pain >= PainStopMin) || (x.Doming != nil && *x.Doming)
}

// HurtExercises lists, in log order and once each, the exercises the log
// says hurt her: marked hurt, with pain of 6 or more, or with doming seen.
// These, and only these, a red session regresses.
func (l *SessionLog) HurtExercises() []ExerciseOutcome {
	if l == nil || l.Status == SessionMissed {
		return nil
	}
	var out []ExerciseOutcome
	for _, x := range l.Exercises {
		if x.hurtBy() && !slices.ContainsFunc(out, func(o ExerciseOutcome) bool { return o.ExerciseID == x.ExerciseID }) {
			out = append(out, x)
		}
	}
	return out
}

// maxExercisePain is the highest pain answered for an exercise of the
// log, and false when none was answered.
func (l *SessionLog) maxExercisePain() (int, bool) {
	top, ok := 0, false
	for _, x := range l.Exercises {
		if x.Pain != nil && (!ok || *x.Pain > top) {
			top, ok = *x.Pain, true
		}
	}
	return top, ok
}

// SessionAdherence is how much of one logged session she did, 0–100: the
// share of its exercises done (hurt ones were done too) when the coach
// marked them, else 100 for done, half for partly done; 0 for missed.
func (l *SessionLog) SessionAdherence() int {
	switch {
	case l == nil || l.Status == SessionMissed:
		return 0
	case len(l.Exercises) > 0:
		did := 0
		for _, x := range l.Exercises {
			if x.Outcome == OutcomeDone || x.Outcome == OutcomeHurt {
				did++
			}
		}
		return (100*did + len(l.Exercises)/2) / len(l.Exercises)
	case l.Status == SessionPartial:
		return int(100 * PartialSessionCredit)
	}
	return 100
}

// PlannedSession is one session of the plan a log can name: the week it is
// in, its day, its date when the plan has dates, and its exercises.
type PlannedSession struct {
	Week      int
	Day       string // "mon" … "sun"
	Date      Date   // zero when the plan has no dates
	Title     string // the plan's name for it, e.g. "Session A"
	Exercises []Prescription
}

// SessionsAround returns the sessions of the week of p that day d falls
// in (the first week for a day before the plan or a plan without dates,
// the last for a day after it), in day order, and the one planned on d
// itself: nil on a rest day, when the coach must say which session she
// did or that it was another activity.
func SessionsAround(p *Programme, d Date) (sessions []PlannedSession, onDay *PlannedSession) {
	if p == nil || len(p.Weeks) == 0 {
		return nil, nil
	}
	wi, dated := logWeek(p, d)
	if wi < 0 {
		wi = 0
		if dated {
			wi = len(p.Weeks) - 1
		}
	}
	wk := p.Weeks[wi]
	start, hasStart := weekStart(p, wk)
	for _, name := range dayNames {
		for _, day := range wk.Days {
			if day.Day != name || !isSession(day) {
				continue
			}
			ps := PlannedSession{Week: wk.Week, Day: day.Day, Title: day.Session, Exercises: day.Exercises}
			if hasStart {
				ps.Date, _ = dayDate(start, day.Day)
			}
			sessions = append(sessions, ps)
		}
	}
	// Monday first, as the plan reads.
	slices.SortStableFunc(sessions, func(a, b PlannedSession) int { return weekdayIndex(a.Day) - weekdayIndex(b.Day) })
	for i := range sessions {
		if dated && sessions[i].Date == d {
			onDay = &sessions[i]
		}
	}
	return sessions, onDay
}

// isSession reports whether day d holds a training session: exercises,
// and not a rest day (whose short habit or easy walk is optional).
func isSession(d Day) bool { return len(d.Exercises) > 0 && !d.Rest }

// weekdayIndex counts from Monday (0) to Sunday (6).
func weekdayIndex(day string) int {
	i := slices.Index(dayNames[:], day)
	return (i + 6) % 7
}

// NewOutcomes lists one unanswered outcome for each exercise of session
// ps, once each, in plan order. When she did the whole session (status
// SessionDone) each is marked done; otherwise the coach marks each.
func NewOutcomes(ps *PlannedSession, status string) []ExerciseOutcome {
	if ps == nil || status == SessionMissed {
		return nil
	}
	var out []ExerciseOutcome
	for _, l := range ps.Exercises {
		if slices.ContainsFunc(out, func(o ExerciseOutcome) bool { return o.ExerciseID == l.ExerciseID }) {
			continue
		}
		x := ExerciseOutcome{ExerciseID: l.ExerciseID, Name: l.Name}
		if status == SessionDone {
			x.Outcome = OutcomeDone
		}
		out = append(out, x)
	}
	return out
}

// domingDemands are the demands that raise the pressure inside her belly
// enough for doming to show (H: domain.md §1 names crunches, sit-ups, full
// planks and heavy breath-held lifts).
var domingDemands = []string{DemandLoadedFlexion, DemandHighPressure, DemandLongLeverCore, DemandTrunkCurl, DemandHeavyLoad}

// DomingApplies reports whether the coach is asked about doming during e:
// a core exercise, or one whose demands raise the pressure in her belly.
// An exercise the library no longer holds is asked about (the strict case).
func DomingApplies(e *Exercise) bool {
	if e == nil || e.Family == FamilyCore {
		return true
	}
	for _, d := range e.Demands {
		if slices.Contains(domingDemands, d) {
			return true
		}
	}
	return false
}

// FillPlannedSession names in l the session of p planned on l's date and
// lists its exercises, each unanswered unless l.Status says she did the
// whole session (NewOutcomes). It reports false, changing nothing, on a
// rest day: then the coach must say which session she did.
func (l *SessionLog) FillPlannedSession(p *Programme) bool {
	_, onDay := SessionsAround(p, l.Date)
	if l == nil || onDay == nil {
		return false
	}
	l.Session, l.Exercises = onDay.Day, NewOutcomes(onDay, l.Status)
	return true
}

// OutcomesJSON is how stores keep a log's exercise outcomes: a JSON array,
// "[]" for none.
func OutcomesJSON(xs []ExerciseOutcome) (string, error) {
	if len(xs) == 0 {
		return "[]", nil
	}
	b, err := json.Marshal(xs)
	if err != nil {
		return "", Internal("save the session", err)
	}
	return string(b), nil
}

// ParseOutcomesJSON reads what OutcomesJSON wrote: nil for none.
func ParseOutcomesJSON(s string) ([]ExerciseOutcome, error) {
	var xs []ExerciseOutcome
	if err := json.Unmarshal([]byte(s), &xs); err != nil {
		return nil, err
	}
	if len(xs) == 0 {
		return nil, nil
	}
	return xs, nil
}
