package sqlite

import (
	"context"
	"strings"

	"github.com/keel-coach/keel/assessment"
)

// ExportLog remembers the files exported for each client (handouts, CSV
// measures) in the exports table. Deleting the client forgets them; the
// files themselves stay where the coach saved them.
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
	tx, err := l.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := clientExists(ctx, tx, e.ClientID); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO exports (client_id, path, kind, created_at) VALUES (?, ?, ?, ?)`,
		e.ClientID, e.Path, e.Kind, formatTime(tx.now))
	if err != nil {
		return mapError("remember the export", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return mapError("remember the export", err)
	}
	if err := tx.commit("remember the export"); err != nil {
		return err
	}
	e.ID, e.CreatedAt = id, tx.now
	return nil
}

// FindExports returns a client's exports, newest first.
func (l *ExportLog) FindExports(ctx context.Context, clientID int64) ([]*assessment.ExportedFile, error) {
	rows, err := l.db.rdb.QueryContext(ctx, `SELECT id, client_id, path, kind, created_at FROM exports
		WHERE client_id = ? ORDER BY id DESC`, clientID)
	if err != nil {
		return nil, mapError("list the exports", err)
	}
	defer rows.Close()
	out := []*assessment.ExportedFile{}
	for rows.Next() {
		var e assessment.ExportedFile
		var created string
		if err := rows.Scan(&e.ID, &e.ClientID, &e.Path, &e.Kind, &created); err != nil {
			return nil, mapError("list the exports", err)
		}
		if e.CreatedAt, err = parseTime(created); err != nil {
			return nil, mapError("list the exports", err)
		}
		out = append(out, &e)
	}
	if err := rows.Err(); err != nil {
		return nil, mapError("list the exports", err)
	}
	return out, nil
}
