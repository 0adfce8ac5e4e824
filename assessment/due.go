package assessment

import (
	"context"
	"fmt"
	"slices"
	"strings"
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

// DueService reads what the due list needs for every active client. The
// SQLite package implements it with one query, so the list stays fast
// with thousands of clients.
type DueService interface {
	// FindDueInputs returns one DueInput per client who is not archived and
	// has at least one assessment.
	FindDueInputs(ctx context.Context) ([]DueInput, error)
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
	last := in.LastAssessment
	if last.IsZero() {
		return Date{}, "", false
	}
	latest := last.AddDays(7 * ReassessMaxWeeks)
	if !in.ProgrammeStart.IsZero() {
		for i, ph := range in.Phases {
			end := in.ProgrammeStart.AddDays(7*ph.LastWeek - 1)
			if end.Before(last.AddDays(ReassessMinGapDays)) {
				continue
			}
			if end.After(latest) {
				break
			}
			title := ph.Title
			if title == "" {
				title = upperFirst(ph.Name)
			}
			if i == len(in.Phases)-1 {
				return end, fmt.Sprintf("End of the programme (%s, weeks %d–%d)", strings.ToLower(title), ph.FirstWeek, ph.LastWeek), true
			}
			return end, fmt.Sprintf("End of the %s phase (weeks %d–%d)", strings.ToLower(title), ph.FirstWeek, ph.LastWeek), true
		}
	}
	return last.AddDays(7 * ReassessMinWeeks), fmt.Sprintf("%d weeks since her last assessment", ReassessMinWeeks), true
}

// DueForReassessment lists the clients due for reassessment on or before
// today plus DueLookaheadDays, most overdue first (then by name).
func DueForReassessment(inputs []DueInput, today Date) []Due {
	horizon := today.AddDays(DueLookaheadDays)
	type keyed struct {
		Due
		fold string
	}
	var due []keyed
	for _, in := range inputs {
		d, why, ok := NextReassessment(in)
		if !ok || d.After(horizon) {
			continue
		}
		due = append(due, keyed{Due{ClientID: in.ClientID, Name: in.Name, Date: d, Reason: why,
			LastAssessment: in.LastAssessment, Overdue: d.Before(today)}, Fold(in.Name)})
	}
	slices.SortFunc(due, func(a, b keyed) int {
		switch {
		case a.Date.Before(b.Date):
			return -1
		case a.Date.After(b.Date):
			return 1
		}
		if c := strings.Compare(a.fold, b.fold); c != 0 {
			return c
		}
		return cmpInt64(a.ClientID, b.ClientID)
	})
	out := make([]Due, len(due))
	for i, d := range due {
		out[i] = d.Due
	}
	return out
}
