package assessment_test

import (
	"strings"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
)

func TestErrChanged(t *testing.T) {
	at := time.Date(2026, 12, 2, 10, 42, 0, 0, time.Local)
	err := assessment.ErrChanged("this client", "Priya", at)
	if got := assessment.ConflictReason(err); got != assessment.ReasonChanged {
		t.Fatalf("reason %q", got)
	}
	msg := assessment.ErrorMessage(err)
	for _, want := range []string{"Priya saved this client", "10:42", "Wednesday 2 December", "Reload"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if msg := assessment.ErrorMessage(assessment.ErrChanged("this assessment", " ", time.Time{})); !strings.HasPrefix(msg, "Someone else saved this assessment, after") {
		t.Errorf("unnamed: %q", msg)
	}
}
