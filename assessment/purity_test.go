package assessment_test

import (
	"os/exec"
	"strings"
	"testing"
)

// The domain is standard library only: it must never import the GUI, the
// database driver or the PDF writer, so it builds and tests without cgo and
// every rule stays testable on its own.
func TestDomainIsPure(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list -deps returned too little to trust: %q", deps)
	}
	for _, d := range deps {
		for _, banned := range []string{"fyne.io", "database/sql", "gofpdf", "sqlite3"} {
			if strings.Contains(d, banned) {
				t.Errorf("assessment depends on %s (matches %q)", d, banned)
			}
		}
	}
}
