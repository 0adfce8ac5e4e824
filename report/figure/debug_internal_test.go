package figure

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestDebugPoints prints the placed body points of the poses named in
// FIGURE_DEBUG (comma-separated exercise ids); it is a drawing aid and
// does nothing otherwise.
func TestDebugPoints(t *testing.T) {
	ids := os.Getenv("FIGURE_DEBUG")
	if ids == "" {
		t.Skip("set FIGURE_DEBUG to exercise ids")
	}
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range strings.Split(ids, ",") {
		for _, p := range lib[id].Poses {
			pts := placed(p)
			keys := make([]string, 0, len(pts))
			for k := range pts {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			var b strings.Builder
			for _, k := range keys {
				fmt.Fprintf(&b, " %s=(%.2f,%.2f)", k, pts[k].X, pts[k].Y)
			}
			t.Logf("%s/%s:%s", id, p.Name, b.String())
		}
	}
}
