package figure_test

import (
	"testing"

	"github.com/keel-coach/keel/report/figure"
)

// BenchmarkDrawSet lays out 40 start/end pairs: the figure model's share
// of a 12-week handout.
func BenchmarkDrawSet(b *testing.B) {
	figs, err := figure.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	var sets [][]figure.Pose
	for _, id := range []string{"glute_bridge", "dead_bug_toe_tap", "bird_dog", "clamshell", "goblet_squat", "band_row", "kb_rdl", "side_plank",
		"step_up", "hip_thrust"} {
		sets = append(sets, figs[id].Poses[:2])
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := 0; i < 4; i++ {
			for _, s := range sets {
				figure.DrawSet(s, 37, 30)
			}
		}
	}
}
