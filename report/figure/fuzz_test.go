package figure_test

import (
	"reflect"
	"testing"

	"github.com/keel-coach/keel/report/figure"
)

// FuzzDecode: any stored figure either is refused or reads into poses
// that are inside the limits, draw without panicking and encode back to
// the same poses.
func FuzzDecode(f *testing.F) {
	poses, _ := figure.ForExercise("band_row")
	b, _ := figure.Encode(poses)
	f.Add(b)
	f.Add([]byte(`{"poses":[{"name":"a","view":"front","angles":{"knee_l":30},"tilt":20,"props":[{"kind":"band","at":"knee_l","to":"knee_r"}]}]}`))
	f.Add([]byte(`{"poses":[{"name":"a","view":"above","angles":{"pitch":1e308}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ps, err := figure.Decode(data)
		if err != nil {
			return
		}
		for _, p := range ps {
			if err := p.Check(); err != nil {
				t.Fatalf("Decode accepted a pose Check refuses: %v", err)
			}
			figure.Draw(p, 37, 30)
			figure.DrawRoom(p, 200, 180)
		}
		again, err := figure.Encode(ps)
		if err != nil {
			t.Fatal(err)
		}
		back, err := figure.Decode(again)
		if err != nil || !reflect.DeepEqual(back, ps) {
			t.Fatalf("round trip: %v", err)
		}
	})
}
