package assessment

import (
	"slices"
	"strings"
)

// Slot names one line of a programme: the Index-th exercise of Day in Week.
type Slot struct {
	Week  int
	Day   string // "mon" … "sun"
	Index int
}

// Dose limits a coach can set by hand (H: wide enough for any corrective
// programme, narrow enough to catch a typo such as 100 sets).
const (
	MaxEditSets = 10
	MaxEditReps = 100
	MaxEditHold = 600 // seconds
)

// Fields of the editor's validation errors.
const (
	FieldSets           = "sets"
	FieldReps           = "reps"
	FieldHold           = "hold_seconds"
	FieldOverrideReason = "override_reason"
	FieldExercise       = "exercise_id"
	FieldDay            = "day"
)

// Every edit below changes one line of one day. With phaseWide it changes
// the same line (same day, same place, same exercise) in every week of the
// phase, since a phase repeats one weekly pattern. Session minutes are
// recomputed so that every session still fits its stated length.

// line returns the week, day and prescription a slot names.
func (p *Programme) line(s Slot) (*Week, *Day, error) {
	for wi := range p.Weeks {
		w := &p.Weeks[wi]
		if w.Week != s.Week {
			continue
		}
		for di := range w.Days {
			d := &w.Days[di]
			if d.Day == s.Day {
				if s.Index < 0 || s.Index >= len(d.Exercises) {
					return nil, nil, Errorf(ENOTFOUND, "Week %d %s has no exercise number %d.", s.Week, s.Day, s.Index+1)
				}
				return w, d, nil
			}
		}
	}
	return nil, nil, Errorf(ENOTFOUND, "The programme has no %s in week %d.", s.Day, s.Week)
}

// slots returns the slot itself and, when phaseWide, the matching slots in
// the other weeks of its phase.
func (p *Programme) slots(s Slot, phaseWide bool) ([]Slot, error) {
	w, d, err := p.line(s)
	if err != nil {
		return nil, err
	}
	if !phaseWide {
		return []Slot{s}, nil
	}
	id := d.Exercises[s.Index].ExerciseID
	var out []Slot
	for _, o := range p.Weeks {
		if o.Phase != w.Phase {
			continue
		}
		for _, od := range o.Days {
			if od.Day == s.Day && s.Index < len(od.Exercises) && od.Exercises[s.Index].ExerciseID == id {
				out = append(out, Slot{o.Week, s.Day, s.Index})
			}
		}
	}
	return out, nil
}

// EditDose sets the sets, reps and hold of a line. Errors: EINVALID with
// field errors, ENOTFOUND.
func EditDose(p *Programme, lib *Library, s Slot, sets, reps, hold int, phaseWide bool) error {
	var v ValidationErrors
	if sets < 1 || sets > MaxEditSets {
		v.Add(FieldSets, "Enter from 1 to %d sets.", MaxEditSets)
	}
	if reps < 0 || reps > MaxEditReps {
		v.Add(FieldReps, "Enter from 0 to %d reps.", MaxEditReps)
	}
	checkHold(&v, p, lib, s, hold)
	if reps == 0 && hold == 0 && len(v) == 0 {
		v.Add(FieldReps, "Give reps, a hold in seconds, or both.")
	}
	if err := v.Err(); err != nil {
		return err
	}
	slots, err := p.slots(s, phaseWide)
	if err != nil {
		return err
	}
	for _, x := range slots {
		_, d, _ := p.line(x)
		l := &d.Exercises[x.Index]
		l.Sets, l.Reps, l.HoldSeconds = sets, reps, hold
	}
	p.recomputeMinutes(lib, slots...)
	return nil
}

// Session names the editor gives a day. A rest day that gets an exercise
// becomes a coach's session.
const (
	sessionRest  = "Rest"
	sessionCoach = "Coach's session"
)

// checkChoice reports the gate forbidding e for r, and refuses the choice
// unless the coach gave a reason to override it. A gate that blocks the
// whole programme (a red flag without a covering clearance, or no
// assessment) cannot be overridden at all: the answer there is the
// referral, not a reason typed into the editor.
func checkChoice(r *Record, e *Exercise, overrideReason string) (Gate, bool, error) {
	g, forbidden := WhyForbidden(r, e)
	if forbidden && g.Blocks {
		return g, true, Errorf(EINVALID,
			"No exercise can be added to this programme until the referral is dealt with: %s", g.Reason)
	}
	if forbidden && strings.TrimSpace(overrideReason) == "" {
		return g, true, FieldErrorf(EINVALID, FieldOverrideReason,
			"A safety rule leaves %s out for this client: %s To use it anyway, write down why.", e.Name, g.Reason)
	}
	return g, forbidden, nil
}

// chosenLine is the line for an exercise the coach picked by hand.
func chosenLine(e *Exercise, phase, reason string) Prescription {
	d := doseFor(e, phase)
	return Prescription{ExerciseID: e.ID, Name: e.Name, Sets: d.Sets, Reps: d.Reps, HoldSeconds: d.HoldSeconds,
		Side: SideBoth, PerSide: d.PerSide, Reason: reason, Findings: slices.Clone(e.Targets)}
}

// recordOverride notes the coach's deliberate override of a gate.
func (p *Programme) recordOverride(e *Exercise, g Gate, reason string, today Date) {
	p.Overrides = append(p.Overrides, Override{ExerciseID: e.ID, Gate: g.Code, Reason: strings.TrimSpace(reason), Date: today})
}

// SwapExercise puts exercise newID in place of the line at s. An exercise a
// safety gate forbids for r needs overrideReason, which is stored in the
// programme's Overrides with the gate and today's date, and the line is
// marked Overridden. Errors: EINVALID (field override_reason or
// exercise_id), ENOTFOUND.
func SwapExercise(p *Programme, lib *Library, r *Record, s Slot, newID, overrideReason string, today Date, phaseWide bool) error {
	e, ok := lib.Get(newID)
	if !ok {
		return FieldErrorf(EINVALID, FieldExercise, "Choose an exercise from the library.")
	}
	w, d, err := p.line(s)
	if err != nil {
		return err
	}
	g, forbidden, err := checkChoice(r, e, overrideReason)
	if err != nil {
		return err
	}
	old := d.Exercises[s.Index]
	reason := "Chosen by the coach in place of " + old.Name + ". " + old.Reason
	if forbidden {
		reason = "Chosen by the coach despite a safety rule (" + g.Reason + ") Her reason: " + strings.TrimSpace(overrideReason)
	}
	slots, err := p.slots(s, phaseWide)
	if err != nil {
		return err
	}
	for _, x := range slots {
		_, xd, _ := p.line(x)
		l := chosenLine(e, w.Phase, reason)
		l.Side = xd.Exercises[x.Index].Side
		l.Overridden = forbidden
		xd.Exercises[x.Index] = l
	}
	if forbidden {
		p.recordOverride(e, g, overrideReason, today)
	}
	p.recomputeMinutes(lib, slots...)
	return nil
}

// AddExercise adds exercise id at the end of a day, with the same override
// rule as SwapExercise. Everything is checked before anything changes, so a
// refused edit leaves p as it was. Errors: EINVALID, ENOTFOUND.
func AddExercise(p *Programme, lib *Library, r *Record, week int, day, id, overrideReason string, today Date, phaseWide bool) error {
	e, ok := lib.Get(id)
	if !ok {
		return FieldErrorf(EINVALID, FieldExercise, "Choose an exercise from the library.")
	}
	if !slices.Contains(dayNames[:], day) {
		return FieldErrorf(EINVALID, FieldDay, "Choose a day of the week.")
	}
	var target *Week
	for i := range p.Weeks {
		if p.Weeks[i].Week == week {
			target = &p.Weeks[i]
		}
	}
	if target == nil {
		return Errorf(ENOTFOUND, "The programme has no week %d.", week)
	}
	if !slices.ContainsFunc(target.Days, func(d Day) bool { return d.Day == day }) {
		return Errorf(ENOTFOUND, "The programme has no %s in week %d.", day, week)
	}
	g, forbidden, err := checkChoice(r, e, overrideReason)
	if err != nil {
		return err
	}
	reason := "Added by the coach."
	if forbidden {
		reason = "Added by the coach despite a safety rule (" + g.Reason + ") Her reason: " + strings.TrimSpace(overrideReason)
	}
	var touched []Slot
	for wi := range p.Weeks {
		w := &p.Weeks[wi]
		if w.Week != week && (!phaseWide || w.Phase != target.Phase) {
			continue
		}
		for di := range w.Days {
			if w.Days[di].Day == day {
				l := chosenLine(e, w.Phase, reason)
				l.Overridden = forbidden
				w.Days[di].Exercises = append(w.Days[di].Exercises, l)
				touched = append(touched, Slot{Week: w.Week, Day: day})
				w.Days[di].nameSession()
			}
		}
	}
	if forbidden {
		p.recordOverride(e, g, overrideReason, today)
	}
	p.recomputeMinutes(lib, touched...)
	return nil
}

// nameSession calls a day that was a rest day (or had no name) a coach's
// session once it holds an exercise.
func (d *Day) nameSession() {
	if d.Session == "" || d.Session == sessionRest {
		d.Session = sessionCoach
	}
}

// RemoveExercise deletes the line at s. Errors: ENOTFOUND.
func RemoveExercise(p *Programme, lib *Library, s Slot, phaseWide bool) error {
	slots, err := p.slots(s, phaseWide)
	if err != nil {
		return err
	}
	for _, x := range slots {
		_, d, _ := p.line(x)
		d.Exercises = slices.Delete(d.Exercises, x.Index, x.Index+1)
	}
	p.recomputeMinutes(lib, slots...)
	return nil
}

// MoveExercise moves the line at s to the end of another day of the same
// week. Every week it touches must have that day before anything moves, so
// a refused move leaves p as it was. Errors: EINVALID (field day),
// ENOTFOUND.
func MoveExercise(p *Programme, lib *Library, s Slot, toDay string, phaseWide bool) error {
	if !slices.Contains(dayNames[:], toDay) {
		return FieldErrorf(EINVALID, FieldDay, "Choose a day of the week.")
	}
	if toDay == s.Day {
		return nil
	}
	slots, err := p.slots(s, phaseWide)
	if err != nil {
		return err
	}
	targets := make([]*Day, len(slots))
	for i, x := range slots {
		targets[i] = p.day(x.Week, toDay)
		if targets[i] == nil {
			return Errorf(ENOTFOUND, "The programme has no %s in week %d.", toDay, x.Week)
		}
	}
	var touched []Slot
	for i, x := range slots {
		touched = append(touched, x, Slot{Week: x.Week, Day: toDay})
		_, d, _ := p.line(x)
		l := d.Exercises[x.Index]
		d.Exercises = slices.Delete(d.Exercises, x.Index, x.Index+1)
		targets[i].Exercises = append(targets[i].Exercises, l)
		targets[i].nameSession()
	}
	p.recomputeMinutes(lib, touched...)
	return nil
}

// day returns the named day of week number week, or nil.
func (p *Programme) day(week int, name string) *Day {
	for wi := range p.Weeks {
		if p.Weeks[wi].Week != week {
			continue
		}
		for di := range p.Weeks[wi].Days {
			if p.Weeks[wi].Days[di].Day == name {
				return &p.Weeks[wi].Days[di]
			}
		}
	}
	return nil
}

// recomputeMinutes re-estimates the length of the sessions an edit
// touched (days named by week and day), leaving the others as generated.
func (p *Programme) recomputeMinutes(lib *Library, touched ...Slot) {
	for wi := range p.Weeks {
		w := &p.Weeks[wi]
		for di := range w.Days {
			d := &w.Days[di]
			hit := false
			for _, t := range touched {
				hit = hit || (t.Week == w.Week && t.Day == d.Day)
			}
			if !hit {
				continue
			}
			d.Minutes = 0
			if len(d.Exercises) > 0 {
				d.Minutes = minutesOf(SessionSeconds(lib, w.Phase, d.Exercises))
			}
		}
	}
}
