package atomicfile

import (
	"strings"
	"testing"
)

// The Windows wording is a pure function of the error code, so it is
// checked here on any system; reason_windows.go only picks the code out.
func TestWindowsReason(t *testing.T) {
	for _, tc := range []struct {
		code uintptr
		want string
	}{
		{winSharingViolation, "another program has the file open"},
		{winLockViolation, "another program has the file open"},
		{winUserMappedFile, "another program has the file open"},
		{winAccessDenied, "if the file is open in another program"},
		{2, ""}, // file not found: Reason's own words
		{112, ""},
	} {
		got := windowsReason(tc.code)
		if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
			t.Errorf("windowsReason(%d) = %q, want %q", tc.code, got, tc.want)
		}
	}
}
