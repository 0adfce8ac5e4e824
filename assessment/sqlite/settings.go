package sqlite

import (
	"context"
	"database/sql"
	"strings"

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
