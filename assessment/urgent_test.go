package assessment_test

import (
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func TestNeedsCareToday(t *testing.T) {
	cleared := &assessment.Clearance{Date: assessment.NewDate(2026, 3, 6), By: "Dr Patel"}
	for _, tt := range []struct {
		name  string
		flags *assessment.RedFlags
		clear *assessment.Clearance
		want  bool
	}{
		{"NotAsked", nil, nil, false},
		{"AllNo", &assessment.RedFlags{SaddleAnaesthesia: assessment.TriNo}, nil, false},
		{"Saddle", &assessment.RedFlags{SaddleAnaesthesia: assessment.TriYes}, nil, true},
		{"BladderUnsure", &assessment.RedFlags{BladderBowelChange: assessment.TriUnsure}, nil, true},
		{"Neuro", &assessment.RedFlags{ProgressiveNeuro: assessment.TriYes}, nil, true},
		// A clearance unblocks the programme; it does not make an
		// emergency routine.
		{"SaddleCleared", &assessment.RedFlags{SaddleAnaesthesia: assessment.TriYes}, cleared, true},
		{"OtherFlagOnly", &assessment.RedFlags{NightPain: assessment.TriYes, FeverUnwell: assessment.TriYes}, nil, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := wfRecord()
			r.RedFlags, r.MedicalClearance = tt.flags, tt.clear
			if got := assessment.NeedsCareToday(r); got != tt.want {
				t.Errorf("= %v; want %v", got, tt.want)
			}
		})
	}
	if assessment.NeedsCareToday(nil) {
		t.Error("no record needs care today")
	}
}
