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
// kept in the programme_schedules table by migration 0002's triggers and
// copied onto the client's row (migration 0006), so no plan is parsed or
// even read. The storage contract (assessment/storetest) holds the SQL and
// the domain to the same answer.
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
	// Everything the list reads is kept on the clients row by triggers
	// (latest assessment: migration 0003; schedule of the latest issued
	// programme: 0006) and held in the clients_due index, so this is one
	// range of one index: the clients whose latest assessment falls in the
	// window.
	//
	// At 50,000 clients that range holds about 15,000 clients, and reading
	// them as 15,000 rows of five columns cost more (about 2 µs a row in
	// the driver's per-column calls) than finding them. So the rows come
	// back joined into one text, one entry per client:
	//
	//	id|latest assessment|programme start|phases|name length|name
	//
	// Ids, dates and phases ("activation,1,4;strength,5,8") never hold a
	// '|'; the name, which might, comes last with its length in bytes.
	const query = `
		SELECT count(*), group_concat(printf('%d|%s|%s|%s|%d|%s',
			id, last_assessment, ifnull(programme_start, ''), ifnull(programme_phases, ''),
			length(CAST(name AS BLOB)), name), '')
		FROM clients
		WHERE archived = 0 AND last_assessment BETWEEN ? AND ?`
	var (
		n      int
		joined sql.NullString
	)
	if err := s.db.rdb.QueryRowContext(ctx, query, from.String(), to.String()).Scan(&n, &joined); err != nil {
		return nil, mapError(op, err)
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
			in     assessment.DueInput
			f      [5]string
			err    error
			parsed bool
		)
		for k := range f {
			if f[k], err = field(); err != nil {
				return nil, err
			}
		}
		if in.ClientID, err = strconv.ParseInt(f[0], 10, 64); err != nil {
			return nil, fmt.Errorf("due entry id %q", f[0])
		}
		if in.LastAssessment, err = fastDate(f[1]); err != nil {
			return nil, err
		}
		if f[2] != "" {
			if in.ProgrammeStart, err = fastDate(f[2]); err != nil {
				return nil, err
			}
		}
		if f[3] != "" {
			if in.Phases, parsed = phases[f[3]]; !parsed {
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
