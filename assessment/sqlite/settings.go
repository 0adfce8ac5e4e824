package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/keel-coach/keel/assessment"
)

// GetSetting returns the stored value of key and whether it was set.
// Settings hold small things that belong with the data rather than the
// computer, such as the coach's profile printed on handouts.
func (db *DB) GetSetting(ctx context.Context, key string) (string, bool, error) {
	var v string
	err := db.rdb.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if err == sql.ErrNoRows {
		return "", false, nil
	} else if err != nil {
		return "", false, mapError("read the settings", err)
	}
	return v, true, nil
}

// SetSetting stores value under key, replacing any earlier value.
func (db *DB) SetSetting(ctx context.Context, key, value string) error {
	if strings.TrimSpace(key) == "" {
		return assessment.FieldErrorf(assessment.EINVALID, "key", "A setting needs a name.")
	}
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
		key, value, formatTime(tx.now)); err != nil {
		return mapError("save the settings", err)
	}
	return tx.commit("save the settings")
}

// Export is a handout or file Keel wrote for a client, remembered so the
// coach can find it again. Deleting the client forgets her exports (the
// files themselves stay where the coach saved them).
type Export struct {
	ID        int64
	ClientID  int64
	Path      string
	Kind      string // e.g. "handout"
	CreatedAt time.Time
}

// AddExport records an export and sets its ID and time.
func (db *DB) AddExport(ctx context.Context, e *Export) error {
	if e == nil || strings.TrimSpace(e.Path) == "" {
		return assessment.FieldErrorf(assessment.EINVALID, "path", "The exported file has no name.")
	}
	tx, err := db.beginWrite(ctx)
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
	if e.ID, err = res.LastInsertId(); err != nil {
		return mapError("remember the export", err)
	}
	e.CreatedAt = tx.now
	return tx.commit("remember the export")
}

// FindExports returns a client's exports, newest first.
func (db *DB) FindExports(ctx context.Context, clientID int64) ([]*Export, error) {
	rows, err := db.rdb.QueryContext(ctx, `SELECT id, client_id, path, kind, created_at FROM exports
		WHERE client_id = ? ORDER BY id DESC`, clientID)
	if err != nil {
		return nil, mapError("list the exports", err)
	}
	defer rows.Close()
	out := []*Export{}
	for rows.Next() {
		var e Export
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
