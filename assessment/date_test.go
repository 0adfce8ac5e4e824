package assessment_test

import (
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func TestDateCompare(t *testing.T) {
	d := assessment.NewDate(2026, 3, 4)
	tests := []struct {
		name string
		a, b assessment.Date
		want int
	}{
		{"Before", d.AddDays(-1), d, -1},
		{"Same", d, assessment.NewDate(2026, 3, 4), 0},
		{"After", d.AddDays(1), d, 1},
		{"ZeroFirst", assessment.Date{}, d, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Compare(tt.b); got != tt.want {
				t.Errorf("%s.Compare(%s) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
		})
	}
}
