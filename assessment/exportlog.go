package assessment

import (
	"context"
	"time"
)

// ExportedFile is a file Keel wrote for a client, such as a handout PDF,
// remembered so the coach can find it again on the client's timeline. The
// file itself stays wherever the coach saved it; Keel keeps only its path.
type ExportedFile struct {
	ID        int64     `json:"id,omitempty"`
	ClientID  int64     `json:"client_id"`
	Path      string    `json:"path"`
	Kind      string    `json:"kind,omitempty"` // ExportKindHandout, ExportKindCSV
	CreatedAt time.Time `json:"created_at,omitzero"`
}

// Kinds of export.
const (
	ExportKindHandout = "handout"
	ExportKindCSV     = "csv"
)

// ExportLog remembers the files exported for each client. The SQLite
// package implements it.
type ExportLog interface {
	// AddExport records an export and sets its ID and time. Errors:
	// EINVALID (no path), ENOTFOUND (no such client).
	AddExport(ctx context.Context, e *ExportedFile) error
	// FindExports returns a client's exports, newest first.
	FindExports(ctx context.Context, clientID int64) ([]*ExportedFile, error)
}
