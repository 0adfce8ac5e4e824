package assessment

import "context"

// Profile is the coach's brand and print preferences: what every handout
// carries in its header, and how she likes to measure.
type Profile struct {
	CoachName string `json:"coach_name,omitempty"`
	Business  string `json:"business,omitempty"`
	Contact   string `json:"contact,omitempty"` // one line: phone, email, website
	// Logo is a PNG or JPEG of any size, kept in the database so handouts
	// keep their logo when the data moves to another computer.
	Logo []byte `json:"logo,omitempty"`
	// Accent is the brand colour as "#RRGGBB"; empty means Keel's teal.
	Accent string `json:"accent,omitempty"`
	// Paper is "A4" (default) or "Letter".
	Paper string `json:"paper,omitempty"`
	// DiastasisUnit is "fingers" (default) or "mm": the unit new diastasis
	// measurements are entered in.
	DiastasisUnit string `json:"diastasis_unit,omitempty"`
}

// ProfileService stores the coach's profile. The SQLite package implements it.
type ProfileService interface {
	// Profile returns the stored profile (the zero Profile before the coach
	// has saved one).
	Profile(ctx context.Context) (Profile, error)
	// SaveProfile replaces the profile. The caller validates it first.
	SaveProfile(ctx context.Context, p Profile) error
}
