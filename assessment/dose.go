package assessment

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// DoseEdit is the whole dose of one line as the coach sets it by hand.
type DoseEdit struct {
	Sets, Reps, HoldSeconds int
	Tempo                   string
	RestSeconds             int
	HowHard                 string
	RepsInReserve           *int // nil: not set
	Note                    string
}

// Limits of the hand-set dose (H: a rest above ten minutes or more than
// five reps in reserve is a typo in a corrective programme; a note is a
// line or two, not a letter).
const (
	MaxEditRest    = 600 // seconds
	MaxEditRIR     = 5
	MaxEditNote    = 300 // characters
	MaxEditHowHard = 300 // the generator's own words run to about 140
)

// Fields of the full dose.
const (
	FieldTempo   = "tempo"
	FieldRest    = "rest_seconds"
	FieldHowHard = "how_hard"
	FieldRIR     = "reps_in_reserve"
	FieldNote    = "note"
)

var tempoPattern = regexp.MustCompile(`^[0-9xX](-[0-9xX]){2,3}$`)

// EditFullDose sets every part of a line's dose: sets, reps and hold as
// EditDose does, and tempo, rest, how hard and a note to her. Nothing
// changes unless everything is valid. Errors: EINVALID with field errors,
// ENOTFOUND.
func EditFullDose(p *Programme, lib *Library, s Slot, d DoseEdit, phaseWide bool) error {
	var v ValidationErrors
	tempo := strings.TrimSpace(d.Tempo)
	if tempo != "" && !tempoPattern.MatchString(tempo) {
		v.Add(FieldTempo, "Write the tempo as three or four counts with dashes, such as 3-1-1 (down, pause, up).")
	}
	if d.RestSeconds < 0 || d.RestSeconds > MaxEditRest {
		v.Add(FieldRest, "Enter a rest from 0 to %d seconds.", MaxEditRest)
	}
	if d.RepsInReserve != nil && (*d.RepsInReserve < 0 || *d.RepsInReserve > MaxEditRIR) {
		v.Add(FieldRIR, "Enter from 0 to %d reps in reserve, or leave it empty.", MaxEditRIR)
	}
	if utf8.RuneCountInString(strings.TrimSpace(d.HowHard)) > MaxEditHowHard {
		v.Add(FieldHowHard, "Keep how hard to %d characters.", MaxEditHowHard)
	}
	if utf8.RuneCountInString(strings.TrimSpace(d.Note)) > MaxEditNote {
		v.Add(FieldNote, "Keep the note to %d characters.", MaxEditNote)
	}
	if len(v) > 0 {
		// Report the sets, reps and hold problems too, on a copy.
		if err := EditDose(p.Clone(), lib, s, d.Sets, d.Reps, d.HoldSeconds, phaseWide); err != nil {
			v = append(v, FieldErrors(err)...)
		}
		return v.Err()
	}
	slots, err := p.slots(s, phaseWide)
	if err != nil {
		return err
	}
	if err := EditDose(p, lib, s, d.Sets, d.Reps, d.HoldSeconds, phaseWide); err != nil {
		return err
	}
	for _, x := range slots {
		_, dd, _ := p.line(x)
		l := &dd.Exercises[x.Index]
		l.Tempo, l.RestSeconds, l.HowHard, l.Note = tempo, d.RestSeconds, strings.TrimSpace(d.HowHard), strings.TrimSpace(d.Note)
		l.RepsInReserve = nil
		if d.RepsInReserve != nil {
			n := *d.RepsInReserve
			l.RepsInReserve = &n
		}
	}
	return nil
}

// MaxEditTimedHold is the longest "hold" a coach may set by hand on a timed
// activity such as a walk, whose hold is its length: an hour, the library's
// own limit (MaxHoldSeconds). The library prescribes walks of 20 to 30
// minutes, beyond the ten minutes (MaxEditHold) that catch a typo on a held
// position.
const MaxEditTimedHold = MaxHoldSeconds

// timedActivity reports whether e's hold is the length of an activity (a
// walk, run-walk intervals) rather than a position held still.
func timedActivity(e *Exercise) bool {
	return e != nil && e.Family == FamilyConditioning
}

// checkHold adds a field error when hold is outside what line s may take:
// up to MaxEditTimedHold for a timed activity, said in minutes, and up to
// MaxEditHold for any other exercise. A line whose exercise the library no
// longer holds gets the stricter limit.
func checkHold(v *ValidationErrors, p *Programme, lib *Library, s Slot, hold int) {
	var e *Exercise
	if p != nil {
		if _, d, err := p.line(s); err == nil {
			e, _ = lib.getOK(d.Exercises[s.Index].ExerciseID)
		}
	}
	if timedActivity(e) {
		if hold < 0 || hold > MaxEditTimedHold {
			v.Add(FieldHold, "Enter how long %s lasts, from 0 to %d minutes (%d seconds).", e.Name, MaxEditTimedHold/60, MaxEditTimedHold)
		}
		return
	}
	if hold < 0 || hold > MaxEditHold {
		v.Add(FieldHold, "Enter a hold from 0 to %d seconds.", MaxEditHold)
	}
}

// DoseDetails says the rest of a line's dose in words, after DoseText:
// "tempo 3-1-1 · rest 60 s · 2 reps in reserve". Empty when none is set.
func DoseDetails(l Prescription) string {
	var parts []string
	if l.Tempo != "" {
		parts = append(parts, "tempo "+l.Tempo)
	}
	if l.RestSeconds > 0 {
		parts = append(parts, "rest "+strconv.Itoa(l.RestSeconds)+" s")
	}
	if l.RepsInReserve != nil {
		switch n := *l.RepsInReserve; n {
		case 0:
			parts = append(parts, "to the last good rep")
		case 1:
			parts = append(parts, "1 rep in reserve")
		default:
			parts = append(parts, strconv.Itoa(n)+" reps in reserve")
		}
	}
	return strings.Join(parts, " · ")
}
