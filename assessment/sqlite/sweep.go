package sqlite

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// tempMark is in the name of every temporary file Keel makes beside the
// database or in its backup folder, followed by the id of the process that
// made it: ".keel.db.keel-4711-123456.tmp". SweepLeftovers removes only
// names with this mark whose process has ended.
const tempMark = ".keel-"

// tempPattern is the os.CreateTemp pattern for a temporary file for base.
func tempPattern(base string) string {
	return "." + base + tempMark + strconv.Itoa(os.Getpid()) + "-*.tmp"
}

// oldTempAge is how old a temporary file of an earlier Keel, whose names
// carry no process id (".keel.db.123456.tmp"), must be before the sweep
// removes it: far longer than any backup or restore takes. (H)
const oldTempAge = time.Hour

// SweepLeftovers removes what a killed or crashed Keel left beside the
// database at dbPath and in its backup folder: half-written backups,
// restores and exports under temporary names, and the journals SQLite
// wrote beside them. These are full or partial copies of client data that
// nothing else would ever remove. It touches only names Keel itself makes,
// and never one a running Keel (this one included) may still be writing.
// It returns what it removed; failures are ignored (the next start tries
// again).
func SweepLeftovers(dbPath string) []string {
	var removed []string
	for _, dir := range []string{filepath.Dir(dbPath), BackupDir(dbPath)} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if !e.Type().IsRegular() || !ownLeftover(e, dbPath) {
				continue
			}
			p := filepath.Join(dir, e.Name())
			if err := os.Remove(p); err == nil || errors.Is(err, os.ErrNotExist) {
				removed = append(removed, p)
			}
		}
	}
	return removed
}

// ownLeftover reports whether e is a temporary file Keel made for the
// database dbPath (or one of its backups) and no running process owns.
func ownLeftover(e os.DirEntry, dbPath string) bool {
	name := e.Name()
	if !strings.HasPrefix(name, ".") {
		return false
	}
	// The temporary file itself, or the journal, log or shared memory
	// SQLite kept beside it.
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
	// Keel's mark with a process id: made by Keel, whatever it was for (a
	// backup, a restore's copy of the backup, an export).
	if i := strings.LastIndex(stem, tempMark); i >= 0 {
		pid, rest, ok := strings.Cut(stem[i+len(tempMark):], "-")
		n, err := strconv.Atoi(pid)
		if ok && err == nil && isDigits(rest) {
			return !processAlive(n)
		}
	}
	// An earlier Keel's name for the database or a backup:
	// ".NAME.DIGITS.tmp", swept once it is old.
	target := stem[1:]
	if !strings.HasPrefix(target, filepath.Base(dbPath)) && !strings.HasPrefix(target, backupPrefix(dbPath)) {
		return false
	}
	j := strings.LastIndexByte(stem, '.')
	if j < 0 || !isDigits(stem[j+1:]) {
		return false
	}
	info, err := e.Info()
	return err == nil && time.Since(info.ModTime()) > oldTempAge
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
// removed under a running backup costs that backup.
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
