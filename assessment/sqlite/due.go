package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/keel-coach/keel/assessment"
)

// DueService reads what the "due for reassessment" list needs for every
// active client in one query: her latest assessment date and the schedule
// of her latest issued programme. The schedule comes from the start_date
// and phases columns that migration 0002 keeps beside each programme's
// document, so no plan is parsed.
type DueService struct {
	db *DB
}

var _ assessment.DueService = (*DueService)(nil)

// NewDueService returns the due-list reader of db.
func NewDueService(db *DB) *DueService { return &DueService{db: db} }

// FindDueInputs returns one input per client who is not archived and has at
// least one assessment, in no particular order.
func (s *DueService) FindDueInputs(ctx context.Context) ([]assessment.DueInput, error) {
	const query = `
		WITH last AS (
			SELECT client_id, max(date) AS date FROM assessments GROUP BY client_id
		), prog AS (
			SELECT client_id, max(id) AS id FROM programmes WHERE status = 'issued' GROUP BY client_id
		)
		SELECT c.id, c.name, last.date, p.start_date, p.phases
		FROM clients AS c
		JOIN last ON last.client_id = c.id
		LEFT JOIN prog ON prog.client_id = c.id
		LEFT JOIN programmes AS p ON p.id = prog.id
		WHERE c.archived = 0`
	rows, err := s.db.rdb.QueryContext(ctx, query)
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
		if in.LastAssessment, err = assessment.ParseDate(last); err != nil {
			return nil, assessment.Internal("list the clients due for reassessment", err)
		}
		if in.ProgrammeStart, err = parseNullDate(start); err != nil {
			return nil, assessment.Internal("list the clients due for reassessment", err)
		}
		if phases.Valid && phases.String != "" {
			if err := json.Unmarshal([]byte(phases.String), &in.Phases); err != nil {
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
