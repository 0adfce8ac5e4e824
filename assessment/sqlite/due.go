package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/keel-coach/keel/assessment"
)

// DueService reads what the "due for reassessment" list needs for every
// active client in one query: her latest assessment date and the schedule
// of her current programme. Both rules are the domain's, written in SQL so
// the list stays fast: the current programme is assessment.CurrentProgramme
// (the issued one with the highest id), and the schedule is
// assessment.Programme.Schedule (week 1's start, else the chosen start),
// kept in the programme_schedules table by migration 0002's triggers, so no
// plan is parsed or even read. The storage contract (assessment/storetest)
// holds the SQL and the domain to the same answer.
type DueService struct {
	db *DB
}

var _ assessment.DueService = (*DueService)(nil)

// NewDueService returns the due-list reader of db.
func NewDueService(db *DB) *DueService { return &DueService{db: db} }

// FindDueInputs returns one input per client who is not archived and whose
// latest assessment falls within assessment.DueWindow(today), in no
// particular order.
func (s *DueService) FindDueInputs(ctx context.Context, today assessment.Date) ([]assessment.DueInput, error) {
	from, to := assessment.DueWindow(today)
	// The clients whose latest assessment (kept on the clients row by
	// triggers, migration 0003) falls in the window are an index range;
	// each then needs one seek for her latest issued programme.
	const query = `
		SELECT c.id, c.name, c.last_assessment, s.start_date, s.phases
		FROM clients AS c
		LEFT JOIN programme_schedules AS s ON s.programme_id =
			(SELECT max(p.id) FROM programmes AS p WHERE p.client_id = c.id AND p.status = 'issued')
		WHERE c.archived = 0 AND c.last_assessment BETWEEN ? AND ?`
	rows, err := s.db.rdb.QueryContext(ctx, query, from.String(), to.String())
	if err != nil {
		return nil, mapError("list the clients due for reassessment", err)
	}
	defer rows.Close()
	var out []assessment.DueInput
	for rows.Next() {
		var (
			in            assessment.DueInput
			last          string
			start, phases sql.NullString
		)
		if err := rows.Scan(&in.ClientID, &in.Name, &last, &start, &phases); err != nil {
			return nil, mapError("list the clients due for reassessment", err)
		}
		if in.LastAssessment, err = fastDate(last); err != nil {
			return nil, assessment.Internal("list the clients due for reassessment", err)
		}
		if start.Valid {
			if in.ProgrammeStart, err = fastDate(start.String); err != nil {
				return nil, assessment.Internal("list the clients due for reassessment", err)
			}
		}
		if phases.Valid && phases.String != "" {
			if in.Phases, err = parsePhases(phases.String); err != nil {
				return nil, assessment.Internal("list the clients due for reassessment", err)
			}
		}
		out = append(out, in)
	}
	if err := rows.Err(); err != nil {
		return nil, mapError("list the clients due for reassessment", err)
	}
	return out, nil
}

// parsePhases reads the schedule's "name,first_week,last_week;..." text.
func parsePhases(s string) ([]assessment.Phase, error) {
	parts := strings.Split(s, ";")
	out := make([]assessment.Phase, 0, len(parts))
	for _, p := range parts {
		name, rest, ok1 := strings.Cut(p, ",")
		first, last, ok2 := strings.Cut(rest, ",")
		f, err1 := strconv.Atoi(first)
		l, err2 := strconv.Atoi(last)
		if !ok1 || !ok2 || err1 != nil || err2 != nil {
			return nil, fmt.Errorf("stored phases %q", s)
		}
		out = append(out, assessment.Phase{Name: name, FirstWeek: f, LastWeek: l})
	}
	return out, nil
}

// fastDate reads a stored YYYY-MM-DD date without time.Parse's layout
// matching; the due list reads two per client.
func fastDate(s string) (assessment.Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return assessment.Date{}, fmt.Errorf("stored date %q", s)
	}
	y, e1 := strconv.Atoi(s[:4])
	m, e2 := strconv.Atoi(s[5:7])
	d, e3 := strconv.Atoi(s[8:])
	if e1 != nil || e2 != nil || e3 != nil || m < 1 || m > 12 || d < 1 || d > 31 {
		return assessment.Date{}, fmt.Errorf("stored date %q", s)
	}
	return assessment.NewDate(y, time.Month(m), d), nil
}
