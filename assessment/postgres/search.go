package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/keel-coach/keel/assessment"
)

// searchIndex is the client list's folded search keys, in list order (by
// sort key, then id), held in memory by this Keel, as the SQLite store
// does: a keystroke tests every key in Go and asks the server only for the
// page it shows. The copy is checked against client_list_version, which a
// trigger changes whenever any coach adds, renames, archives, restores or
// deletes a client, read in the same snapshot as the page, so a search
// never shows a list older than the database it reads.
//
// Matching in SQL instead (LIKE on the folded key, served by the trigram
// index) cost 4–5 ms a keystroke at 50,000 clients (median) but 60–100 ms
// for one- and two-letter queries, which the trigram index cannot narrow
// and whose count reads most of the table (docs/PERFORMANCE.md).
type searchIndex struct {
	mu      sync.Mutex
	loaded  bool
	token   int64
	entries []searchEntry
}

type searchEntry struct {
	id       int64
	archived bool
	key      string
}

// matches returns the ids of the page f asks for and the number of
// matches, refreshing the keys first if the list changed. q is the read
// transaction the page will be read in.
func (s *searchIndex) matches(ctx context.Context, q querier, f assessment.ClientFilter) ([]int64, int, error) {
	var token int64
	if err := q.QueryRowContext(ctx, `SELECT token FROM client_list_version WHERE id = 1`).Scan(&token); err != nil {
		return nil, 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.loaded || token != s.token {
		entries, err := loadSearchEntries(ctx, q)
		if err != nil {
			return nil, 0, err
		}
		s.entries, s.token, s.loaded = entries, token, true
	}
	words := strings.Fields(assessment.Fold(f.Query))
	offset := max(f.Offset, 0)
	end := -1
	if f.Limit > 0 {
		end = offset + f.Limit
	}
	var page []int64
	total := 0
next:
	for i := range s.entries {
		e := &s.entries[i]
		if e.archived && !f.IncludeArchived {
			continue
		}
		for _, w := range words {
			if !strings.Contains(e.key, w) {
				continue next
			}
		}
		if total >= offset && (end < 0 || total < end) {
			page = append(page, e.id)
		}
		total++
	}
	return page, total, nil
}

// loadSearchEntries reads every client's id, archived flag and search key
// in list order as one joined text (one line a client: "id archived key";
// a folded key holds no line break): one row instead of 50,000.
func loadSearchEntries(ctx context.Context, q querier) ([]searchEntry, error) {
	var (
		n      int
		joined sql.NullString
	)
	if err := q.QueryRowContext(ctx, `SELECT count(*), string_agg(id || ' ' || CASE WHEN archived THEN '1' ELSE '0' END || ' ' || search_key, E'\n' ORDER BY sort_key, id)
		FROM clients`).Scan(&n, &joined); err != nil {
		return nil, err
	}
	entries := make([]searchEntry, 0, n)
	rest := joined.String
	for rest != "" {
		line, tail, _ := strings.Cut(rest, "\n")
		rest = tail
		id, line, ok1 := strings.Cut(line, " ")
		archived, key, ok2 := strings.Cut(line, " ")
		n, err := strconv.ParseInt(id, 10, 64)
		if !ok1 || !ok2 || err != nil || (archived != "0" && archived != "1") {
			return nil, fmt.Errorf("search key line %d", len(entries)+1)
		}
		entries = append(entries, searchEntry{id: n, archived: archived == "1", key: key})
	}
	if len(entries) != n {
		return nil, fmt.Errorf("search keys: read %d of %d", len(entries), n)
	}
	return entries, nil
}

// readPage reads the clients ids, in the order of ids.
func readPage(ctx context.Context, db *DB, q querier, ids []int64) ([]*assessment.Client, error) {
	const op = "list the clients"
	byID := make(map[int64]*assessment.Client, len(ids))
	if len(ids) > 0 {
		rows, err := q.QueryContext(ctx, `SELECT `+clientColumns+` FROM clients WHERE id = ANY($1)`, ids)
		if err != nil {
			return nil, db.mapError(op, err)
		}
		defer rows.Close()
		for rows.Next() {
			c, err := scanClient(rows)
			if err != nil {
				return nil, db.mapError(op, err)
			}
			byID[c.ID] = c
		}
		if err := rows.Err(); err != nil {
			return nil, db.mapError(op, err)
		}
	}
	out := make([]*assessment.Client, 0, len(ids))
	for _, id := range ids {
		c, ok := byID[id]
		if !ok {
			return nil, assessment.Internal(op, fmt.Errorf("client %d of the page was not read", id))
		}
		out = append(out, c)
	}
	return out, nil
}
