package ui

import (
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// TestExerciseLabels: every code of the exercise vocabulary has words a
// coach reads, so none appears raw on screen.
func TestExerciseLabels(t *testing.T) {
	for _, c := range []struct {
		name   string
		codes  []string
		labels map[string]string
	}{
		{"families", assessment.Families, familyLabels},
		{"targets", assessment.ExerciseTargets(), targetLabels},
		{"equipment", assessment.EquipmentNames, equipmentLabels},
		{"positions", assessment.Positions, positionLabels},
		{"phases", assessment.PhaseNames, phaseLabels},
	} {
		for _, code := range c.codes {
			if c.labels[code] == "" {
				t.Errorf("%s: no label for %q", c.name, code)
			}
		}
	}
	for _, d := range assessment.Demands {
		if assessment.DemandLabel(d) == d || demandMeanings[d] == "" {
			t.Errorf("demands: no name or explanation for %q", d)
		}
	}
}
