package sqlite

import (
	"context"
	"database/sql"

	"github.com/keel-coach/keel/assessment"
)

var _ assessment.ClientOverviewService = (*ClientService)(nil)

// FindClientOverviews is FindClients with each client's latest assessment
// date (kept on her row, migration 0003) and the status of her newest
// programme (one seek in the programmes_client index), read with her row:
// `keel clients` lists 50,000 clients without a query per client.
func (s *ClientService) FindClientOverviews(ctx context.Context, f assessment.ClientFilter) ([]assessment.ClientOverview, int, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()
	ids, total, err := s.db.searchIndex().matches(ctx, tx, f)
	if err != nil {
		return nil, 0, mapError("list the clients", err)
	}
	byID := make(map[int64]assessment.ClientOverview, len(ids))
	columns := clientColumns + `, last_assessment,
		(SELECT p.status FROM programmes AS p WHERE p.client_id = clients.id ORDER BY p.id DESC LIMIT 1)`
	err = readPage(ctx, tx, ids, columns, func(rows *sql.Rows) error {
		var (
			last, status sql.NullString
			ov           assessment.ClientOverview
			err          error
		)
		ov.Client, err = scanClient(overviewScanner{rows, &last, &status})
		if err != nil {
			return err
		}
		if last.Valid {
			if ov.LastAssessment, err = fastDate(last.String); err != nil {
				return err
			}
		}
		ov.ProgrammeStatus = status.String
		byID[ov.Client.ID] = ov
		return nil
	})
	if err != nil {
		return nil, 0, mapError("list the clients", err)
	}
	out, err := inOrder(ids, byID)
	if err != nil {
		return nil, 0, assessment.Internal("list the clients", err)
	}
	return out, total, nil
}

// overviewScanner reads a client's columns, then the two overview columns
// that follow them.
type overviewScanner struct {
	rows         *sql.Rows
	last, status *sql.NullString
}

func (o overviewScanner) Scan(dest ...any) error {
	return o.rows.Scan(append(dest, o.last, o.status)...)
}
