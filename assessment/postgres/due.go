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
	// At 50,000 clients the window holds about 15,000 of them; read as
	// 15,000 rows the driver's per-row and per-column work cost more than
	// the query, so they come back as one text, one entry per client
	// ("id|latest|start|phases|name length|name"; only the name may hold a
	// '|', and it comes last with its length in bytes), as in the SQLite
	// store.
	var (
		n      int
		joined sql.NullString
	)
	err := s.db.read(ctx, op, func(tx *sql.Tx) error {
		return s.db.mapError(op, tx.QueryRowContext(ctx, `SELECT count(*), string_agg(id || '|' || last_assessment || '|' ||
			coalesce(programme_start, '') || '|' || coalesce(programme_phases, '') || '|' || octet_length(name) || '|' || name, '')
			FROM clients WHERE NOT archived AND last_assessment BETWEEN $1 AND $2`, from.String(), to.String()).Scan(&n, &joined))
	})
	if err != nil {
		return nil, err
	}
	out, err := parseDueInputs(joined.String, n)
	if err != nil {
		return nil, assessment.Internal(op, err)
	}
	return out, nil
}

// parseDueInputs reads the n entries FindDueInputs joins. Clients on the
// same programme share one phases slice (the list only reads it).
func parseDueInputs(s string, n int) ([]assessment.DueInput, error) {
	out := make([]assessment.DueInput, 0, n)
	phases := map[string][]assessment.Phase{}
	field := func() (string, error) {
		i := strings.IndexByte(s, '|')
		if i < 0 {
			return "", fmt.Errorf("due entry %d of %d: missing field", len(out)+1, n)
		}
		f := s[:i]
		s = s[i+1:]
		return f, nil
	}
	for len(s) > 0 {
		var (
			in  assessment.DueInput
			f   [5]string
			err error
		)
		for k := range f {
			if f[k], err = field(); err != nil {
				return nil, err
			}
		}
		if in.ClientID, err = strconv.ParseInt(f[0], 10, 64); err != nil {
			return nil, fmt.Errorf("due entry id %q", f[0])
		}
		if in.LastAssessment, err = assessment.ParseDate(f[1]); err != nil {
			return nil, err
		}
		if f[2] != "" {
			if in.ProgrammeStart, err = assessment.ParseDate(f[2]); err != nil {
				return nil, err
			}
		}
		if f[3] != "" {
			var ok bool
			if in.Phases, ok = phases[f[3]]; !ok {
				if in.Phases, err = parsePhases(f[3]); err != nil {
					return nil, err
				}
				phases[f[3]] = in.Phases
			}
		}
		size, err := strconv.Atoi(f[4])
		if err != nil || size < 0 || size > len(s) {
			return nil, fmt.Errorf("due entry name length %q", f[4])
		}
		in.Name, s = s[:size], s[size:]
		out = append(out, in)
	}
	if len(out) != n {
		return nil, fmt.Errorf("due entries: read %d of %d", len(out), n)
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
