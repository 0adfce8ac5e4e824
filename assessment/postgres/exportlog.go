package postgres

import (
	"context"
	"database/sql"
	"strings"

	"github.com/keel-coach/keel/assessment"
)

// ExportLog remembers the files exported for each client (handouts, CSV
// measures). The paths are those of the computer that exported them.
type ExportLog struct {
	db *DB
}

var _ assessment.ExportLog = (*ExportLog)(nil)

// NewExportLog returns the export log of db.
func NewExportLog(db *DB) *ExportLog { return &ExportLog{db: db} }

// AddExport records e in one transaction and sets its ID and time.
func (l *ExportLog) AddExport(ctx context.Context, e *assessment.ExportedFile) error {
	if e == nil || strings.TrimSpace(e.Path) == "" {
		return assessment.FieldErrorf(assessment.EINVALID, "path", "The exported file has no name.")
	}
	return l.db.write(ctx, "remember the export", func(tx *writeTx) error {
		if err := clientExists(ctx, tx, e.ClientID); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO exports (client_id, path, kind, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
			e.ClientID, e.Path, e.Kind, tx.now).Scan(&e.ID); err != nil {
			return tx.db.mapError("remember the export", err)
		}
		e.CreatedAt = tx.now
		return nil
	})
}

// FindExports returns a client's exports, newest first.
func (l *ExportLog) FindExports(ctx context.Context, clientID int64) ([]*assessment.ExportedFile, error) {
	const op = "list the exports"
	out := []*assessment.ExportedFile{}
	err := l.db.read(ctx, op, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, client_id, path, kind, created_at FROM exports WHERE client_id = $1 ORDER BY id DESC`, clientID)
		if err != nil {
			return l.db.mapError(op, err)
		}
		defer rows.Close()
		for rows.Next() {
			var e assessment.ExportedFile
			if err := rows.Scan(&e.ID, &e.ClientID, &e.Path, &e.Kind, &e.CreatedAt); err != nil {
				return l.db.mapError(op, err)
			}
			e.CreatedAt = e.CreatedAt.UTC()
			out = append(out, &e)
		}
		return l.db.mapError(op, rows.Err())
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
