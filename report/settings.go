package report

import (
	"image/color"
	"strings"

	"github.com/keel-coach/keel/assessment"
)

// The coach's handout settings: name, business, contact, logo, colour,
// paper and the unit for the tummy gap.

// Settings is the coach's brand and print preferences. The app stores them;
// the handout receives them as a value. The zero value is usable: every
// empty field takes its default.
type Settings struct {
	CoachName string
	Business  string
	Contact   string // one line: phone, email, website
	// Logo is a PNG or JPEG of any size; it is scaled to fit the header.
	Logo []byte
	// Accent is the brand colour as "#RRGGBB" (DefaultAccent when empty).
	Accent string
	// Paper is PaperA4 (default) or PaperLetter.
	Paper string
	// DiastasisUnit is UnitFingers (default) or UnitMM: the unit the
	// progress page prefers for the gap width.
	DiastasisUnit string
}

// Field names for Settings validation errors.
const (
	FieldAccent        = assessment.FieldAccent
	FieldPaper         = assessment.FieldPaper
	FieldDiastasisUnit = assessment.FieldDiastasisUnit
	FieldLogo          = "logo"
	FieldBusiness      = assessment.FieldBusiness
	FieldCoachName     = assessment.FieldCoachName
	FieldContact       = assessment.FieldContact
)

// DefaultSettings returns the settings a new install uses.
func DefaultSettings() Settings {
	return Settings{Accent: DefaultAccent, Paper: PaperA4, DiastasisUnit: UnitFingers}
}

// WithDefaults returns s with every empty choice filled in.
func (s Settings) WithDefaults() Settings {
	if strings.TrimSpace(s.Accent) == "" {
		s.Accent = DefaultAccent
	}
	if s.Paper == "" {
		s.Paper = PaperA4
	}
	if s.DiastasisUnit == "" {
		s.DiastasisUnit = UnitFingers
	}
	return s
}

// Validate checks the settings (after defaults) and returns every problem as
// assessment.ValidationErrors, so a settings form can show each one beside
// its field.
func (s Settings) Validate() error {
	v := s.validateText()
	if len(s.Logo) > 0 {
		if _, err := prepareLogo(s.Logo); err != nil {
			v = append(v, err)
		}
	}
	return v.Err()
}

// validateText checks every setting but the logo, which Build checks while
// preparing it (decoding it twice would double the cost).
func (s Settings) validateText() assessment.ValidationErrors {
	s = s.WithDefaults()
	err := assessment.Profile{CoachName: s.CoachName, Business: s.Business, Contact: s.Contact,
		Accent: s.Accent, Paper: s.Paper, DiastasisUnit: s.DiastasisUnit}.Validate()
	return assessment.FieldErrors(err)
}

// ParseAccent reads a "#RRGGBB" (or "RRGGBB") colour.
func ParseAccent(s string) (color.RGBA, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return color.RGBA{}, false
	}
	var rgb [3]uint8
	for i := range rgb {
		hi, ok1 := hexDigit(s[2*i])
		lo, ok2 := hexDigit(s[2*i+1])
		if !ok1 || !ok2 {
			return color.RGBA{}, false
		}
		rgb[i] = hi<<4 | lo
	}
	return color.RGBA{R: rgb[0], G: rgb[1], B: rgb[2], A: 255}, true
}

func hexDigit(c byte) (uint8, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
