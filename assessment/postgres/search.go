package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/internal/kept"
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
	keys kept.Value[int64, assessment.SearchKeys] // by client_list_version's token
}

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
// in list order as one joined text (one line a client: "id archived key";
// a folded key holds no line break): one row instead of 50,000.
func loadSearchKeys(ctx context.Context, q querier) (assessment.SearchKeys, error) {
	var (
		n      int
		joined sql.NullString
	)
	if err := q.QueryRowContext(ctx, `SELECT count(*), string_agg(id || ' ' || CASE WHEN archived THEN '1' ELSE '0' END || ' ' || search_key, E'\n' ORDER BY sort_key, id)
		FROM clients`).Scan(&n, &joined); err != nil {
		return assessment.SearchKeys{}, err
	}
	return assessment.ParseSearchKeys(joined.String, n)
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
