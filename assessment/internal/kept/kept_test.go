package kept

import (
	"errors"
	"testing"
)

func TestValue(t *testing.T) {
	var c Value[int64, string]
	loads := 0
	load := func(s string) func() (string, error) {
		return func() (string, error) { loads++; return s, nil }
	}
	if v, _ := c.Get(1, load("a")); v != "a" || loads != 1 {
		t.Fatalf("first read: %q after %d loads", v, loads)
	}
	if v, _ := c.Get(1, load("b")); v != "a" || loads != 1 {
		t.Fatalf("same key: %q after %d loads; want the kept a", v, loads)
	}
	if v, _ := c.Get(2, load("c")); v != "c" || loads != 2 {
		t.Fatalf("key moved: %q after %d loads", v, loads)
	}
	boom := errors.New("boom")
	if _, err := c.Get(3, func() (string, error) { return "", boom }); err != boom {
		t.Fatalf("failed load: %v", err)
	}
	if v, _ := c.Get(2, load("d")); v != "c" {
		t.Fatalf("after a failed load the kept value is %q; want c", v)
	}
}
