package assessment_test

import (
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func TestProfile_Validate(t *testing.T) {
	long := strings.Repeat("x", assessment.MaxProfileTextLen+1)
	for _, tt := range []struct {
		name  string
		p     assessment.Profile
		field string
	}{
		{"Zero", assessment.Profile{}, ""},
		{"OK", assessment.Profile{CoachName: "Jo", Accent: "#2f6f6b", Paper: assessment.PaperLetter, DiastasisUnit: assessment.UnitMM}, ""},
		{"AccentNoHash", assessment.Profile{Accent: "2F6F6B"}, ""},
		{"ErrAccent", assessment.Profile{Accent: "#2F6F6"}, assessment.FieldAccent},
		{"ErrAccentHex", assessment.Profile{Accent: "#GGGGGG"}, assessment.FieldAccent},
		{"ErrPaper", assessment.Profile{Paper: "A5"}, assessment.FieldPaper},
		{"ErrUnit", assessment.Profile{DiastasisUnit: "cm"}, assessment.FieldDiastasisUnit},
		{"ErrBusiness", assessment.Profile{Business: long}, assessment.FieldBusiness},
		{"ErrCoach", assessment.Profile{CoachName: long}, assessment.FieldCoachName},
		{"ErrContact", assessment.Profile{Contact: long}, assessment.FieldContact},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if assessment.FieldErrors(err).For(tt.field) == "" {
				t.Errorf("err %v; want a message on %s", err, tt.field)
			}
		})
	}
}
