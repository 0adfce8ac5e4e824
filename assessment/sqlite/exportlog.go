package sqlite

import (
	"context"

	"github.com/keel-coach/keel/assessment"
)

// ExportLog remembers the files exported for each client, in the exports
// table (see (*DB).AddExport). Deleting the client forgets them.
type ExportLog struct {
	db *DB
}

var _ assessment.ExportLog = (*ExportLog)(nil)

// NewExportLog returns the export log of db.
func NewExportLog(db *DB) *ExportLog { return &ExportLog{db: db} }

// AddExport records e in one transaction and sets its ID and time.
func (l *ExportLog) AddExport(ctx context.Context, e *assessment.ExportedFile) error {
	if e == nil {
		return assessment.FieldErrorf(assessment.EINVALID, "path", "The exported file has no name.")
	}
	x := &Export{ClientID: e.ClientID, Path: e.Path, Kind: e.Kind}
	if err := l.db.AddExport(ctx, x); err != nil {
		return err
	}
	e.ID, e.CreatedAt = x.ID, x.CreatedAt
	return nil
}

// FindExports returns a client's exports, newest first.
func (l *ExportLog) FindExports(ctx context.Context, clientID int64) ([]*assessment.ExportedFile, error) {
	xs, err := l.db.FindExports(ctx, clientID)
	if err != nil {
		return nil, err
	}
	out := make([]*assessment.ExportedFile, len(xs))
	for i, x := range xs {
		out[i] = &assessment.ExportedFile{ID: x.ID, ClientID: x.ClientID, Path: x.Path, Kind: x.Kind, CreatedAt: x.CreatedAt}
	}
	return out, nil
}
