package sqlite

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
// sort key, then id), held in memory: a search keystroke tests every key
// in Go (about 25 ns each, a millisecond for 50,000 clients) and reads
// from SQLite only the page it shows. The copy is checked against
// client_list_version (migration 0006), a token triggers change with every
// client added, renamed, archived, restored or deleted, read in the same
// transaction as the page, so a search never shows a list older than the
// database it reads.
//
// Walking the covering index in SQL instead cost 7.5–15 ms a keystroke at
// 50,000 clients on the test machine (docs/PERFORMANCE.md), most of it
// SQLite evaluating instr() on every key.
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

func (db *DB) searchIndex() *searchIndex { return &db.search }

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
	end := -1 // no limit
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
// in list order, as one joined text (one line a client: "id archived key";
// a folded key holds no line break) rather than 50,000 rows: the driver's
// per-row cost would be most of the load.
func loadSearchEntries(ctx context.Context, q querier) ([]searchEntry, error) {
	var (
		n      int
		joined sql.NullString
	)
	if err := q.QueryRowContext(ctx, `SELECT count(*), group_concat(id || ' ' || archived || ' ' || search_key, char(10) ORDER BY sort_key, id)
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

// readPage reads the rows of the clients ids, selecting columns and
// handing each row to scan, in no particular order.
func readPage(ctx context.Context, q querier, ids []int64, columns string, scan func(*sql.Rows) error) error {
	// A page is 50 clients; `keel clients` reads them all, in chunks
	// under SQLite's limit on bound parameters.
	const chunk = 500
	for len(ids) > 0 {
		n := min(len(ids), chunk)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		ids = ids[n:]
		if err := readRows(ctx, q, `SELECT `+columns+` FROM clients WHERE id IN (?`+strings.Repeat(", ?", n-1)+`)`, args, scan); err != nil {
			return err
		}
	}
	return nil
}

func readRows(ctx context.Context, q querier, query string, args []any, scan func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// inOrder puts the values read for ids back in the order of ids; a value
// missing means the list changed under the read, which the shared
// transaction rules out, so it is an internal error.
func inOrder[T any](ids []int64, byID map[int64]T) ([]T, error) {
	out := make([]T, 0, len(ids))
	for _, id := range ids {
		v, ok := byID[id]
		if !ok {
			return nil, fmt.Errorf("client %d of the page was not read", id)
		}
		out = append(out, v)
	}
	return out, nil
}
