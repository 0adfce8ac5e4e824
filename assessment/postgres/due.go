package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/keel-coach/keel/assessment"
)

// DueService reads what the "due for reassessment" list needs for every
// active client: her latest assessment date and the schedule of her
// current programme (assessment.CurrentProgramme: the issued version with
// the highest id). Triggers (migration 0001) keep both on her row, and the
// clients_due index holds everything the list reads, so the list is one
// index range, as in the SQLite store.
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
	const op = "list the clients due for reassessment"
	from, to := assessment.DueWindow(today)
	out := []assessment.DueInput{}
	err := s.db.read(ctx, op, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, name, last_assessment, coalesce(programme_start, ''), coalesce(programme_phases, '')
			FROM clients WHERE NOT archived AND last_assessment BETWEEN $1 AND $2`, from.String(), to.String())
		if err != nil {
			return s.db.mapError(op, err)
		}
		defer rows.Close()
		phases := map[string][]assessment.Phase{} // clients on one plan share its phases
		for rows.Next() {
			var (
				in                 assessment.DueInput
				last, start, phase string
			)
			if err := rows.Scan(&in.ClientID, &in.Name, &last, &start, &phase); err != nil {
				return s.db.mapError(op, err)
			}
			if in.LastAssessment, err = assessment.ParseDate(last); err != nil {
				return assessment.Internal(op, err)
			}
			if start != "" {
				if in.ProgrammeStart, err = assessment.ParseDate(start); err != nil {
					return assessment.Internal(op, err)
				}
			}
			if phase != "" {
				var ok bool
				if in.Phases, ok = phases[phase]; !ok {
					if in.Phases, err = parsePhases(phase); err != nil {
						return assessment.Internal(op, err)
					}
					phases[phase] = in.Phases
				}
			}
			out = append(out, in)
		}
		return s.db.mapError(op, rows.Err())
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// parsePhases reads the stored "name,first_week,last_week;..." text.
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
