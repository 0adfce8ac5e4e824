package assessment

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
)

// DueInput is what deciding "due for reassessment" needs to know about one
// client: her latest assessment and the schedule of her latest issued
// programme (zero when she has none).
type DueInput struct {
	ClientID       int64
	Name           string
	LastAssessment Date
	// ProgrammeStart is the first day of week 1 of her latest issued
	// programme, and Phases its phases.
	ProgrammeStart Date
	Phases         []Phase
}

// Due is a client due (or soon due) for reassessment, with the day and why.
type Due struct {
	ClientID       int64  `json:"client_id"`
	Name           string `json:"name"`
	Date           Date   `json:"date"`
	Reason         string `json:"reason"`
	LastAssessment Date   `json:"last_assessment"`
	// Overdue is set once the date has passed.
	Overdue bool `json:"overdue"`
}

// DueService reads what the due list needs. The SQLite package implements
// it with one query, so the list stays fast with thousands of clients.
type DueService interface {
	// FindDueInputs returns one DueInput per client who is not archived and
	// whose latest assessment falls within DueWindow(today): nobody outside
	// it can be listed as due that day.
	FindDueInputs(ctx context.Context, today Date) ([]DueInput, error)
}

// DueWindow is the range of latest-assessment dates that can make a client
// due on day today: a reassessment falls between ReassessMinGapDays and
// ReassessMaxWeeks after the latest assessment, the list looks
// DueLookaheadDays ahead and drops clients overdue by more than
// DueLapsedDays.
func DueWindow(today Date) (from, to Date) {
	return today.AddDays(-DueLapsedDays - 7*ReassessMaxWeeks), today.AddDays(DueLookaheadDays - ReassessMinGapDays)
}

// NextReassessment says when a client should next be assessed, and why:
//
//   - at the end of the first phase of her latest issued programme that
//     ends at least ReassessMinGapDays after her latest assessment (phases
//     change at reassessment, rule 14 [87][89][90]), unless that is more
//     than ReassessMaxWeeks after it;
//   - otherwise ReassessMinWeeks after her latest assessment (reassess
//     every 4–6 weeks [90]).
//
// ok is false when she has never been assessed (she needs an intake, not a
// reassessment).
func NextReassessment(in DueInput) (date Date, reason string, ok bool) {
	d, phase, ok := nextReassessment(in)
	if !ok {
		return Date{}, "", false
	}
	return d, dueReason(in, phase), true
}

// nextReassessment is NextReassessment without the wording: the date and
// the index of the phase whose end it is (−1 for the 4-week rule).
func nextReassessment(in DueInput) (Date, int, bool) {
	if in.LastAssessment.IsZero() {
		return Date{}, -1, false
	}
	// Whole-day arithmetic on day numbers: this runs for every client on
	// the home screen, and time.AddDate normalises a calendar each call.
	last := dayNumber(in.LastAssessment)
	if !in.ProgrammeStart.IsZero() {
		start := dayNumber(in.ProgrammeStart)
		earliest, latest := last+ReassessMinGapDays, last+7*ReassessMaxWeeks
		for i, ph := range in.Phases {
			end := start + 7*int64(ph.LastWeek) - 1
			if end < earliest {
				continue
			}
			if end > latest {
				break
			}
			return dateOfDay(end), i, true
		}
	}
	return dateOfDay(last + 7*ReassessMinWeeks), -1, true
}

// dayNumber is the number of days from 1970-01-01 to d.
func dayNumber(d Date) int64 { return d.t.Unix() / secondsPerDay }

// dateOfDay is the Date of day number n.
func dateOfDay(n int64) Date { return Date{time.Unix(n*secondsPerDay, 0).UTC()} }

const secondsPerDay = 24 * 60 * 60

func dueReason(in DueInput, phase int) string {
	if phase < 0 {
		return strconv.Itoa(ReassessMinWeeks) + " weeks since her last assessment"
	}
	ph := in.Phases[phase]
	title := ph.Title
	if title == "" {
		title = phaseInfo(ph.Name, 0, 0).Title
	}
	if title == "" {
		title = ph.Name
	}
	weeks := "weeks " + strconv.Itoa(ph.FirstWeek) + "–" + strconv.Itoa(ph.LastWeek)
	if phase == len(in.Phases)-1 {
		return "End of the programme: " + strings.ToLower(title) + ", " + weeks
	}
	return "End of the " + strings.ToLower(title) + " phase, " + weeks
}

// DueForReassessment lists the clients due for reassessment on or before
// today plus DueLookaheadDays, most overdue first (then by name). Clients
// overdue by more than DueLapsedDays are left out as lapsed.
func DueForReassessment(inputs []DueInput, today Date) []Due {
	horizon, lapsed := today.AddDays(DueLookaheadDays), today.AddDays(-DueLapsedDays)
	out := make([]Due, 0, len(inputs)/4)
	days := make([]int64, 0, len(inputs)/4)
	// Most due clients share a handful of reasons (the same phases, or the
	// 4-week rule): each is worded once per list.
	reasons := map[reasonKey]string{}
	for _, in := range inputs {
		d, phase, ok := nextReassessment(in)
		if !ok || d.After(horizon) || d.Before(lapsed) {
			continue
		}
		k := reasonKey{phase: phase}
		if phase >= 0 {
			ph := in.Phases[phase]
			k = reasonKey{phase: phase, last: phase == len(in.Phases)-1, name: ph.Name, title: ph.Title, first: ph.FirstWeek, lastWeek: ph.LastWeek}
		}
		reason, seen := reasons[k]
		if !seen {
			reason = dueReason(in, phase)
			reasons[k] = reason
		}
		out = append(out, Due{ClientID: in.ClientID, Name: in.Name, Date: d, Reason: reason,
			LastAssessment: in.LastAssessment, Overdue: d.Before(today)})
		days = append(days, dayNumber(d))
	}
	// Names are folded (accents and case ignored) only when two clients
	// fall due on the same day, and each at most once.
	folds := make([]string, len(out))
	fold := func(i int) string {
		if folds[i] == "" {
			folds[i] = Fold(out[i].Name) + "\x00"
		}
		return folds[i]
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmp.Compare(days[a], days[b]); c != 0 {
			return c
		}
		if c := strings.Compare(fold(a), fold(b)); c != 0 {
			return c
		}
		return cmp.Compare(out[a].ClientID, out[b].ClientID)
	})
	sorted := make([]Due, len(out))
	for i, j := range idx {
		sorted[i] = out[j]
	}
	return sorted
}

// reasonKey is what a due reason's wording depends on (dueReason).
type reasonKey struct {
	phase           int
	last            bool
	name, title     string
	first, lastWeek int
}
