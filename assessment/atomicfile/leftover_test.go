package atomicfile_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/keel-coach/keel/assessment/atomicfile"
)

// deadPID returns the id of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	p, err := os.StartProcess(os.Args[0], []string{os.Args[0], "-test.run=^$"}, &os.ProcAttr{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Wait(); err != nil {
		t.Fatal(err)
	}
	return p.Pid
}

// A write removes what a stopped earlier write of the same file left, and
// nothing else.
func TestWrite_SweepsItsOwnLeftovers(t *testing.T) {
	dir := t.TempDir()
	dead, mine := deadPID(t), os.Getpid()
	files := map[string]bool{ // name: removed
		fmt.Sprintf(".clients.json.keel-%d-1.tmp", dead):         true,
		fmt.Sprintf(".clients.json.keel-%d-1.tmp-journal", dead): true,
		fmt.Sprintf(".clients.json.keel-%d-2.tmp", mine):         false, // this process may be writing it
		fmt.Sprintf(".other.json.keel-%d-1.tmp", dead):           false, // another file's
		".clients.json.123.tmp":                                  false, // not marked
		"clients.json.bak":                                       false,
	}
	for n := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("Ana"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := atomicfile.Write(filepath.Join(dir, "clients.json"), []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	for n, removed := range files {
		_, err := os.Stat(filepath.Join(dir, n))
		if os.IsNotExist(err) != removed {
			t.Errorf("%s: removed %v, want %v", n, os.IsNotExist(err), removed)
		}
	}
}
