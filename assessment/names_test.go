package assessment_test

import (
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func TestClientName_VisibleLetterNoBidi(t *testing.T) {
	today := assessment.NewDate(2026, 3, 2)
	for _, tt := range []struct {
		name string
		ok   bool
	}{
		{"Zoë Ó Briain", true},
		{"محمد", true},
		{"می\u200cخواهم", true}, // a zero-width non-joiner inside a Persian word
		{"\u200b", false},
		{"\u200b\u200b-", false},
		{"...", false},
		{"Ana \u202eaosuoS", false},
		{"Ana\u2067 Sousa", false},
		{"Ana\u200f", false},
	} {
		c := &assessment.Client{Name: tt.name}
		c.Normalize()
		err := c.Validate(today)
		if (err == nil) != tt.ok {
			t.Errorf("%q: %v; want ok=%v", tt.name, err, tt.ok)
		}
	}
	c := &assessment.Client{Name: "Ana", PreferredName: "\u202eAna"}
	if err := c.Validate(today); err == nil {
		t.Error("a direction control in the preferred name was accepted")
	}
}
