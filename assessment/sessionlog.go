package assessment

import (
	"cmp"
	"context"
	"slices"
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
	// Session is which session of the plan she did: the day the plan holds
	// it on ("mon"), even when she did it on another day; SessionOther for
	// an activity outside the plan; empty on a log written before Keel
	// asked, when it is not known.
	Session string `json:"session,omitempty"`
	// Exercises is how each exercise of that session went. Empty on a
	// missed session and on a log written before Keel asked.
	Exercises []ExerciseOutcome `json:"exercises,omitempty"`

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
	l.validateOutcomes(&v)
	if l.Status == SessionDone && slices.ContainsFunc(l.Exercises, func(x ExerciseOutcome) bool { return x.Outcome == OutcomeSkipped }) {
		v.Add(FieldSessionStatus, "An exercise was skipped, so the session was partly done: choose partly done.")
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
	// UpdateSessionLog replaces a stored log's date, status, pain, doming,
	// note, session and exercise outcomes. Errors: EINVALID, ENOTFOUND.
	UpdateSessionLog(ctx context.Context, l *SessionLog) error
	// FindSessionLogs returns the matching logs, oldest first (by date, then
	// by when they were logged).
	FindSessionLogs(ctx context.Context, f SessionLogFilter) ([]*SessionLog, error)
	// DeleteSessionLog removes one log. Errors: ENOTFOUND.
	DeleteSessionLog(ctx context.Context, id int64) error
}

// SessionLogRestorer is a store that can put a deleted session log back
// exactly as it was: the same ID, programme version, fields and times. The
// coach's undo of a delete uses it, since a log of a version that has been
// replaced since cannot be logged anew. A store without it only offers
// CreateSessionLog. Errors: EINVALID, ENOTFOUND (its programme is gone),
// ECONFLICT (a log with its ID exists).
type SessionLogRestorer interface {
	RestoreSessionLog(ctx context.Context, l *SessionLog) error
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
// doming seen, in the session or in any of its exercises, or an exercise
// that hurt; amber for 4–5; green for 0–3; none for a missed session.
func (l *SessionLog) Light() Light {
	if l == nil || l.Status == SessionMissed {
		return LightNone
	}
	pain := l.Pain
	if top, ok := l.maxExercisePain(); ok && top > pain {
		pain = top
	}
	switch {
	case pain >= PainStopMin || l.Doming || len(l.HurtExercises()) > 0:
		return LightRed
	case pain >= SessionPainAmberMin:
		return LightAmber
	}
	return LightGreen
}

// Clone copies l deeply, so a change to the copy never reaches l.
func (l *SessionLog) Clone() *SessionLog {
	if l == nil {
		return nil
	}
	c := *l
	c.Exercises = slices.Clone(l.Exercises)
	for i, x := range c.Exercises {
		if x.Pain != nil {
			n := *x.Pain
			c.Exercises[i].Pain = &n
		}
		if x.Doming != nil {
			b := *x.Doming
			c.Exercises[i].Doming = &b
		}
	}
	return &c
}

// SortSessionLogs orders logs oldest first: by date, then by ID (the order
// they were logged in).
func SortSessionLogs(logs []*SessionLog) {
	slices.SortStableFunc(logs, func(a, b *SessionLog) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
	})
}

// WeekAdherence is how much of one programme week the client did, up to a
