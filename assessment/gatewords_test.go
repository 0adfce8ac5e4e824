package assessment_test

import (
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func TestGateInWords(t *testing.T) {
	for _, code := range []string{assessment.GatePelvicFloor, assessment.GateHingePoor, "doming_marked", "some_new_gate"} {
		if w := assessment.GateInWords(code); w == "" || assessment.HasStoredKey(w) {
			t.Errorf("GateInWords(%q) = %q", code, w)
		}
	}
	if w := assessment.GateInWords(assessment.GatePelvicFloor); w != "pelvic-floor symptoms" {
		t.Errorf("pelvic floor gate reads %q", w)
	}
}
