package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"github.com/keel-coach/keel/assessment"
)

// GetSetting returns the stored value of key and whether it was set.
// Settings here are the studio's, shared by its coaches (the profile
// printed on handouts); each coach's own choices stay on her computer.
func (db *DB) GetSetting(ctx context.Context, key string) (string, bool, error) {
	var v string
	err := db.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = $1`, key).Scan(&v)
	if err == sql.ErrNoRows {
		return "", false, nil
	} else if err != nil {
		return "", false, db.mapError("read the settings", err)
	}
	return v, true, nil
}

// SetSetting stores value under key, replacing any earlier value.
func (db *DB) SetSetting(ctx context.Context, key, value string) error {
	if strings.TrimSpace(key) == "" {
		return assessment.FieldErrorf(assessment.EINVALID, "key", "A setting needs a name.")
	}
	return db.write(ctx, "save the settings", func(tx *writeTx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
			key, value, tx.now); err != nil {
			return tx.db.mapError("save the settings", err)
		}
		return nil
	})
}

// profileKey is the settings key of the profile, as in the SQLite store.
const profileKey = "coach.profile"

// ProfileService implements assessment.ProfileService on the settings
// table: the studio's name, contact and handout look.
type ProfileService struct{ db *DB }

var _ assessment.ProfileService = (*ProfileService)(nil)

// NewProfileService returns the profile store of db.
func NewProfileService(db *DB) *ProfileService { return &ProfileService{db: db} }

// Profile returns the stored profile, or the zero Profile.
func (s *ProfileService) Profile(ctx context.Context) (assessment.Profile, error) {
	var p assessment.Profile
	v, ok, err := s.db.GetSetting(ctx, profileKey)
	if err != nil || !ok {
		return p, err
	}
	if err := json.Unmarshal([]byte(v), &p); err != nil {
		return assessment.Profile{}, assessment.Internal("read the coach profile", err)
	}
	return p, nil
}

// SaveProfile replaces the stored profile in one transaction.
func (s *ProfileService) SaveProfile(ctx context.Context, p assessment.Profile) error {
	if err := p.Validate(); err != nil {
		return err
	}
	b, err := json.Marshal(p)
	if err != nil {
		return assessment.Internal("save the coach profile", err)
	}
	return s.db.SetSetting(ctx, profileKey, string(b))
}
