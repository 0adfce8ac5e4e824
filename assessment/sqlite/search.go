package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/internal/kept"
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
	keys kept.Value[int64, assessment.SearchKeys] // by client_list_version's token
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
	keys, err := s.keys.Get(token, func() (assessment.SearchKeys, error) { return loadSearchKeys(ctx, q) })
	if err != nil {
		return nil, 0, err
	}
	page, total := keys.Match(f)
	return page, total, nil
}

// loadSearchKeys reads every client's id, archived flag and search key
// in list order, as one joined text (one line a client: "id archived key";
// a folded key holds no line break) rather than 50,000 rows: the driver's
// per-row cost would be most of the load.
func loadSearchKeys(ctx context.Context, q querier) (assessment.SearchKeys, error) {
	var (
		n      int
		joined sql.NullString
	)
	if err := q.QueryRowContext(ctx, `SELECT count(*), group_concat(id || ' ' || archived || ' ' || search_key, char(10) ORDER BY sort_key, id)
		FROM clients`).Scan(&n, &joined); err != nil {
		return assessment.SearchKeys{}, err
	}
	return assessment.ParseSearchKeys(joined.String, n)
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
