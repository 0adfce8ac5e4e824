package assessment_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func TestError_Error(t *testing.T) {
	cause := errors.New("disk I/O error")
	for _, tt := range []struct {
		name string
		err  *assessment.Error
		want string
	}{
		{"Message", assessment.Errorf(assessment.ENOTFOUND, "No such client."), "No such client."},
		{"Field", assessment.FieldErrorf(assessment.EINVALID, "name", "Enter a name."), "name: Enter a name."},
		{"KeepsCause", assessment.Internal("save the client", cause), "Keel could not save the client. Your data is unchanged; please try again.: disk I/O error"},
		{"CauseSaysMessage", &assessment.Error{Code: assessment.EINTERNAL, Message: "Keel could not save the file x.", Err: errors.New("Keel could not save the file x")}, "Keel could not save the file x."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q; want %q", got, tt.want)
			}
		})
	}
	// The whole chain reaches a log; the coach reads the sentence only.
	wrapped := fmt.Errorf("open: %w", assessment.Internal("read the clients", fmt.Errorf("query: %w", cause)))
	if !strings.Contains(wrapped.Error(), "query: disk I/O error") || !errors.Is(wrapped, cause) {
		t.Errorf("chain %q lost its cause", wrapped)
	}
	if got := assessment.ErrorMessage(wrapped); strings.Contains(got, "disk") {
		t.Errorf("the coach reads %q", got)
	}
}

func TestConflictReason(t *testing.T) {
	c := assessment.Conflict(assessment.ReasonIssued, "Issued %d.", 2)
	if c.Code != assessment.ECONFLICT || c.Message != "Issued 2." {
		t.Errorf("conflict %+v", c)
	}
	for _, tt := range []struct {
		err  error
		want string
	}{
		{c, assessment.ReasonIssued},
		{fmt.Errorf("wrapped: %w", c), assessment.ReasonIssued},
		{&assessment.Error{Code: assessment.EINVALID, Reason: assessment.ReasonIssued}, ""},
		{errors.New("plain"), ""},
		{nil, ""},
	} {
		if got := assessment.ConflictReason(tt.err); got != tt.want {
			t.Errorf("ConflictReason(%v) = %q; want %q", tt.err, got, tt.want)
		}
	}
}
