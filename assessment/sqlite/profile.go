package sqlite

import (
	"context"
	"encoding/json"

	"github.com/keel-coach/keel/assessment"
)

// profileKey is the settings key the coach's profile is stored under, as
// one JSON document so it is saved in one write.
const profileKey = "coach.profile"

// ProfileService implements assessment.ProfileService on the settings table.
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
