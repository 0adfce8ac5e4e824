package postgres

import (
	"context"
	"fmt"
	"slices"
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
	// The inputs read last time hold while no coach has changed anything
	// the list reads (due_list_version) and the window is the same day's:
	// one small read instead of the window's 15,000 rows at 50,000 clients.
	var token int64
	if err := s.db.db.QueryRowContext(ctx, `SELECT token FROM due_list_version WHERE id = 1`).Scan(&token); err != nil {
		return nil, s.db.mapError(op, err)
	}
	in, err := s.db.due.Get(dueKey{token, today}, func() ([]assessment.DueInput, error) { return s.readDueInputs(ctx, today) })
	if err != nil {
		return nil, err
	}
	return slices.Clone(in), nil // the caller may sort it; the kept copy stays as read
}

// dueKey is what the kept due inputs depend on: the change token and the
// day whose window they cover.
type dueKey struct {
	token int64
	day   assessment.Date
}

// readDueInputs reads the window's inputs from the server.
func (s *DueService) readDueInputs(ctx context.Context, today assessment.Date) ([]assessment.DueInput, error) {
	const op = "list the clients due for reassessment"
	from, to := assessment.DueWindow(today)
	// At 50,000 clients the window holds about 15,000 of them; read as
	// 15,000 rows the driver's per-row and per-column work cost more than
	// the query, so they come back as one text per programme schedule
	// (most clients share one of a few), one entry per client:
	// "id|latest|start|name length|name" (only the name may hold a '|',
	// and it comes last with its length in bytes). One statement, so no
	// transaction is needed for a consistent answer.
	rows, err := s.db.db.QueryContext(ctx, `SELECT coalesce(programme_phases, ''), count(*),
			string_agg(id || '|' || last_assessment || '|' || coalesce(programme_start, '') || '|' || octet_length(name) || '|' || name, '')
		FROM clients WHERE NOT archived AND last_assessment BETWEEN $1 AND $2
		GROUP BY programme_phases`, from.String(), to.String())
	if err != nil {
		return nil, s.db.mapError(op, err)
	}
	defer rows.Close()
	var out []assessment.DueInput
	for rows.Next() {
		var (
			phases, joined string
			n              int
		)
		if err := rows.Scan(&phases, &n, &joined); err != nil {
			return nil, s.db.mapError(op, err)
		}
		var ph []assessment.Phase
		if phases != "" {
			if ph, err = parsePhases(phases); err != nil {
				return nil, assessment.Internal(op, err)
			}
		}
		if out, err = parseDueInputs(out, joined, n, ph); err != nil {
			return nil, assessment.Internal(op, err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, s.db.mapError(op, err)
	}
	if out == nil {
		out = []assessment.DueInput{}
	}
	return out, nil
}

// parseDueInputs appends to out the n entries of joined, all on the
// schedule with phases (which they share: the list only reads it).
func parseDueInputs(out []assessment.DueInput, s string, n int, phases []assessment.Phase) ([]assessment.DueInput, error) {
	start := len(out)
	field := func() (string, error) {
		i := strings.IndexByte(s, '|')
		if i < 0 {
			return "", fmt.Errorf("due entry %d of %d: missing field", len(out)-start+1, n)
		}
		f := s[:i]
		s = s[i+1:]
		return f, nil
	}
	for len(s) > 0 {
		var (
			in  = assessment.DueInput{Phases: phases}
			f   [4]string
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
		size, err := strconv.Atoi(f[3])
		if err != nil || size < 0 || size > len(s) {
			return nil, fmt.Errorf("due entry name length %q", f[3])
		}
		in.Name, s = s[:size], s[size:]
		out = append(out, in)
	}
	if got := len(out) - start; got != n {
		return nil, fmt.Errorf("due entries: read %d of %d", got, n)
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
