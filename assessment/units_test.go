package assessment_test

import (
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func TestRecord_DiastasisUnit(t *testing.T) {
	for _, tt := range []struct {
		name   string
		d      *assessment.Diastasis
		want   string
		wantOK bool
	}{
		{"None", nil, "", false},
		{"Fingers", &assessment.Diastasis{At: &assessment.DiastasisSite{WidthFingers: new(float64)}}, assessment.UnitFingers, true},
		{"AnyMM", &assessment.Diastasis{At: &assessment.DiastasisSite{WidthFingers: new(float64)}, Below: &assessment.DiastasisSite{WidthMM: wfInt(12)}}, assessment.UnitMM, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			u, ok := (&assessment.Record{Diastasis: tt.d}).DiastasisUnit()
			if u != tt.want || ok != tt.wantOK {
				t.Errorf("= %q, %v; want %q, %v", u, ok, tt.want, tt.wantOK)
			}
		})
	}
}
