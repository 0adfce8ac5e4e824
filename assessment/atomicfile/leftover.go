package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
)

// Mark is in the name of every temporary file Keel writes, followed by the
// id of the process that made it: ".clients.json.keel-4711-123456.tmp". A
// file so named whose process has ended is a leftover of a Keel that was
// stopped half-way (IsLeftover), and Keel may remove it.
const Mark = ".keel-"

// TempPattern is the os.CreateTemp pattern for a temporary file written
// on the way to base: hidden, named after the target, and carrying Mark and
// this process's id.
func TempPattern(base string) string {
	return "." + base + Mark + strconv.Itoa(os.Getpid()) + "-*.tmp"
}

// IsLeftover reports whether name (a file name, no folder) is a temporary
// file made with TempPattern, or a journal, log or shared-memory file
// SQLite kept beside one, whose process has ended.
func IsLeftover(name string) bool {
	if !strings.HasPrefix(name, ".") {
		return false
	}
	stem := name
	for _, side := range []string{"-journal", "-wal", "-shm"} {
		if s, ok := strings.CutSuffix(stem, side); ok {
			stem = s
			break
		}
	}
	stem, ok := strings.CutSuffix(stem, ".tmp")
	if !ok {
		return false
	}
	i := strings.LastIndex(stem, Mark)
	if i < 0 {
		return false
	}
	pid, rest, ok := strings.Cut(stem[i+len(Mark):], "-")
	n, err := strconv.Atoi(pid)
	if !ok || err != nil || !isDigits(rest) {
		return false
	}
	return !processAlive(n)
}

// SweepFor removes, from path's folder, the leftovers (IsLeftover) of
// earlier writes to path itself: a Keel stopped while writing the same file
// left them. Nothing else in the folder is touched.
func SweepFor(path string) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + base + Mark
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) && e.Type().IsRegular() && IsLeftover(e.Name()) {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// processAlive reports whether the process pid may still be running. When
// unsure it says yes: a file kept one start too long costs nothing, one
// removed under a running write costs that write.
func processAlive(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false // Windows: no such process
	}
	defer p.Release()
	if runtime.GOOS == "windows" {
		return true // FindProcess found it
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EPERM)
}
