package assessment

import (
	"context"
	"time"
)

// FormatProgramme is the "format" value of the JSON form of a Programme.
const FormatProgramme = "keel.programme/1"

// Programme is a multi-week plan generated from one assessment. When a
// safety gate blocks loaded work, Blocked is true, Weeks is empty and
// Referrals say why and to whom. Every prescribed exercise carries the
// reason it was chosen; every exercise a finding ruled out is in Excluded.
//
// Stored programmes keep their history: a change the coach applies from the
// session log is saved as a new Version with the same Lineage, and the older
// version stays.
type Programme struct {
	ID       int64  `json:"id,omitempty"`
	ClientID int64  `json:"client_id,omitempty"`
	RecordID int64  `json:"record_id,omitempty"`
	Lineage  int64  `json:"lineage,omitempty"` // ID of version 1
	Version  int    `json:"version,omitempty"`
	Status   string `json:"status,omitempty"` // StatusDraft, StatusIssued, StatusSuperseded

	Format    string           `json:"format"`
	Options   ProgrammeOptions `json:"options"`
	Blocked   bool             `json:"blocked"`
	Referrals []Referral       `json:"referrals"`
	Focus     []Focus          `json:"focus,omitempty"`
	// Limits are the coach's reasons the plan is narrower than usual (each
	// safety gate that shaped it, in words), so her screen says why.
	Limits []string `json:"limits,omitempty"`
	// StopRule is the client's stop rule, set from her pain today (domain.md
	// §7 traffic light), never a fixed figure above it.
	StopRule string      `json:"stop_rule,omitempty"`
	Phases   []Phase     `json:"phases,omitempty"`
	Weeks    []Week      `json:"weeks"`
	Excluded []Exclusion `json:"excluded"`
	// Overrides records each time the coach chose an exercise a gate
	// forbids, with her reason.
	Overrides []Override `json:"overrides,omitempty"`
	Note      string     `json:"note,omitempty"` // why this version exists

	CreatedAt time.Time `json:"created_at,omitzero"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
	// Saved says who saved this version and checks a save against the
	// stored copy (studio.go).
	Saved
}

// Programme statuses.
const (
	StatusDraft      = "draft"
	StatusIssued     = "issued"
	StatusSuperseded = "superseded"
)

// ProgrammeOptions are the coach's choices when generating.
type ProgrammeOptions struct {
	Weeks     int      `json:"weeks"`               // 4–12, default 8
	Start     Date     `json:"start"`               // the first Monday (or day) of week 1
	Equipment []string `json:"equipment,omitempty"` // available equipment; empty = all
}

// Programme length limits (domain.md §8: ACSM minimum 6 weeks for a
// resistance programme; NICE: up to 12 weeks).
const (
	MinProgrammeWeeks     = 4
	MaxProgrammeWeeks     = 12
	DefaultProgrammeWeeks = 8
)

// Referral is a reason to send the client to someone else first.
type Referral struct {
	Code   string `json:"code"`
	Reason string `json:"reason"`
	To     string `json:"to,omitempty"` // e.g. "GP", "pelvic-health physiotherapist"
}

// Focus is one thing the plan works on, and why, in client language.
type Focus struct {
	Title  string `json:"title"`
	Reason string `json:"reason"`
}

// Phase is a block of weeks with one aim.
type Phase struct {
	Name      string `json:"name"` // PhaseActivation...
	Title     string `json:"title"`
	FirstWeek int    `json:"first_week"`
	LastWeek  int    `json:"last_week"`
	Aim       string `json:"aim"`
	// Criteria are what should hold at a reassessment before she moves
	// into this phase (rule 14), in words and as codes CheckCriteria reads.
	Criteria []Criterion `json:"criteria,omitempty"`
}

// Criterion is one entry criterion of a phase.
type Criterion struct {
	Code string `json:"code"` // Criterion... constants
	Text string `json:"text"`
}

// Week is one week of the plan.
type Week struct {
	Week  int    `json:"week"`
	Phase string `json:"phase"`
	Start Date   `json:"start"`
	Days  []Day  `json:"days"`
}

// Day is one day of a week: a session, or rest (no exercises).
type Day struct {
	Day     string `json:"day"` // "mon" … "sun"
	Session string `json:"session"`
	// Rest marks a day with no training session: at most a short daily
	// habit (HabitMaxMinutes) and an easy walk.
	Rest      bool           `json:"rest,omitempty"`
	Minutes   int            `json:"minutes"`
	Exercises []Prescription `json:"exercises"`
}

// Prescription is one exercise in one session, with its dose and reason.
type Prescription struct {
	ExerciseID  string `json:"exercise_id"`
	Name        string `json:"name"`
	Sets        int    `json:"sets"`
	Reps        int    `json:"reps,omitempty"`
	HoldSeconds int    `json:"hold_seconds,omitempty"`
	Side        string `json:"side"`               // SideBoth, SideLeft, SideRight
	PerSide     bool   `json:"per_side,omitempty"` // the dose is done on each side in turn
	// HowHard says how heavy a weight or how strong a band to use, in
	// plain words; set on every line with a weight or band.
	HowHard string `json:"how_hard,omitempty"`
	// Tempo is the count of each part of a rep, e.g. "3-1-1" (down,
	// pause, up); RestSeconds the rest between sets; RepsInReserve how
	// many more reps she could still do at the end of a set (nil: not
	// set); Note a word from the coach to her. All optional, set by hand.
	Tempo         string   `json:"tempo,omitempty"`
	RestSeconds   int      `json:"rest_seconds,omitempty"`
	RepsInReserve *int     `json:"reps_in_reserve,omitempty"`
	Note          string   `json:"note,omitempty"`
	Reason        string   `json:"reason"`
	Findings      []string `json:"findings,omitempty"` // finding codes it answers
	Overridden    bool     `json:"overridden,omitempty"`
}

// Sides.
const (
	SideBoth  = "both"
	SideLeft  = "left"
	SideRight = "right"
)

// Exclusion is an exercise a finding ruled out, and why.
type Exclusion struct {
	ExerciseID string `json:"exercise_id"`
	Name       string `json:"name,omitempty"`
	// Reason says why in words (what a coach and the handout read); Gates
	// are the codes of the gates that rule it out, for programs.
	Reason string   `json:"reason"`
	Gates  []string `json:"gates,omitempty"`
}

// Override is the coach's deliberate choice of an exercise a gate forbids.
type Override struct {
	ExerciseID string `json:"exercise_id"`
	Gate       string `json:"gate"`
	Reason     string `json:"reason"`
	Date       Date   `json:"date"`
}

// ProgrammeFilter narrows a listing of programmes.
type ProgrammeFilter struct {
	ClientID int64
	RecordID int64
	// LatestOnly keeps only the newest version of each lineage.
	LatestOnly bool
}

// ProgrammeService stores programmes. The SQLite package implements it.
type ProgrammeService interface {
	// CreateProgramme stores p as version 1 of a new lineage (or, when
	// p.Lineage is set, as the next version of it) and sets ID, Lineage and
	// Version. The earlier versions are marked superseded when the version
	// that replaces them is issued: at once for an issued p, later for a
	// draft (she keeps the version she was given until then). With Lineage
	// set, a non-zero p.Version names the version the change was made on,
	// which must be the latest. Errors: EINVALID, ENOTFOUND, ECONFLICT with a
	// Reason: ReasonStaleVersion (made on an older version),
	// ReasonRecordBlocked (issued, not Blocked, from an assessment that now
	// blocks every programme).
	CreateProgramme(ctx context.Context, p *Programme) error
	// UpdateProgramme replaces a stored draft in place (coach edits before
	// issuing, and issuing itself, which supersedes the lineage's other
	// versions). An issued programme never changes in
	// place: a change to it is a new version (Programme.Revise,
	// SaveRevision). Errors: EINVALID, ENOTFOUND, ECONFLICT with a Reason:
	// ReasonOlderVersion (a newer version exists), ReasonIssued (the stored
	// version is issued), ReasonRecordBlocked (issued, not Blocked, from an
	// assessment that now blocks every programme).
	UpdateProgramme(ctx context.Context, p *Programme) error
	// FindProgrammeByID returns one version. Errors: ENOTFOUND.
	FindProgrammeByID(ctx context.Context, id int64) (*Programme, error)
	// FindProgrammes lists programmes, newest first.
	FindProgrammes(ctx context.Context, f ProgrammeFilter) ([]*Programme, error)
	// DeleteProgramme removes one version. Errors: ENOTFOUND.
	DeleteProgramme(ctx context.Context, id int64) error
}

// WeekOn is the number of the week of p that holds day d: the week a coach
// works on when she opens the plan (a coach's swap landed in a week
// already done when the editor opened at week 1). Before the first week it
// is 1, after the last it is the last; 0 when p has no weeks.
func (p *Programme) WeekOn(d Date) int {
	if p == nil || len(p.Weeks) == 0 {
		return 0
	}
	out := p.Weeks[0].Week
	for _, w := range p.Weeks {
		if !w.Start.After(d) {
			out = w.Week
		}
	}
	return out
}
