package figure_test

import (
	"os/exec"
	"strings"
	"testing"
)

// The figure model is standard library only (plus the embedded asset
// file): any painter can draw it, and it tests without cgo or a display.
func TestFigureIsPure(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list -deps returned too little to trust: %q", deps)
	}
	for _, d := range deps {
		if strings.Contains(d, ".") && !strings.HasPrefix(d, "github.com/keel-coach/keel/assets") &&
			!strings.HasPrefix(d, "github.com/keel-coach/keel/report/figure") && !strings.HasPrefix(d, "vendor/") {
			t.Errorf("report/figure depends on %s", d)
		}
	}
}
