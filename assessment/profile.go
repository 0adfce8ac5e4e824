package assessment

import (
	"context"
	"strings"
	"unicode/utf8"
)

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
	// SaveProfile validates p (Profile.Validate) and replaces the stored
	// profile. Errors: EINVALID.
	SaveProfile(ctx context.Context, p Profile) error
}

// Paper sizes a coach can print on.
const (
	PaperA4     = "A4"
	PaperLetter = "Letter"
)

// MaxProfileTextLen bounds the business name, coach name and contact line,
// in characters, so each fits the handout's page header.
const MaxProfileTextLen = 120

// Profile field names used in validation errors.
const (
	FieldAccent        = "accent"
	FieldPaper         = "paper"
	FieldDiastasisUnit = "diastasis_unit"
	FieldBusiness      = "business"
	FieldCoachName     = "coach_name"
	FieldContact       = "contact"
)

// Validate checks every choice of the profile but the logo (whose pictures
// the handout decodes) and returns every problem at once as
// ValidationErrors. An empty choice means the default and is fine.
func (p Profile) Validate() error {
	var v ValidationErrors
	if a := strings.TrimSpace(p.Accent); a != "" && !ValidAccent(a) {
		v.Add(FieldAccent, "Write the colour as # and six hex digits, e.g. #2F6F6B.")
	}
	if p.Paper != "" && p.Paper != PaperA4 && p.Paper != PaperLetter {
		v.Add(FieldPaper, "Choose A4 or Letter paper.")
	}
	if p.DiastasisUnit != "" && p.DiastasisUnit != UnitFingers && p.DiastasisUnit != UnitMM {
		v.Add(FieldDiastasisUnit, "Choose finger widths or millimetres.")
	}
	for _, f := range []struct{ field, value, what string }{
		{FieldBusiness, p.Business, "business name"},
		{FieldCoachName, p.CoachName, "coach name"},
		{FieldContact, p.Contact, "contact line"},
	} {
		if utf8.RuneCountInString(f.value) > MaxProfileTextLen {
			v.Add(f.field, "Keep the %s under %d characters so it fits the page header.", f.what, MaxProfileTextLen)
		}
	}
	return v.Err()
}

// ValidAccent reports whether s is a colour written "#RRGGBB" (the # may be
// left out).
func ValidAccent(s string) bool {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}
