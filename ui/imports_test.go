package ui_test

import (
	"os/exec"
	"strings"
	"testing"
)

// Screens depend on the domain's interfaces, never on storage: the ui
// package must not reach database/sql or the SQLite driver, even
// indirectly, so any store (or a fake) can stand behind it.
func TestUINeverReachesStorage(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 50 || !strings.Contains(string(out), "fyne.io/fyne/v2") {
		t.Fatalf("go list -deps returned too little to trust: %d packages", len(deps))
	}
	for _, d := range deps {
		for _, banned := range []string{"database/sql", "sqlite3", "keel/assessment/sqlite"} {
			if strings.Contains(d, banned) {
				t.Errorf("ui depends on %s (matches %q)", d, banned)
			}
		}
	}
}
