package sqlite

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/keel-coach/keel/assessment/atomicfile"
)

// tempPattern is the os.CreateTemp pattern for a temporary file for base:
// hidden, named after it, and carrying Keel's mark and this process's id
// (atomicfile.TempPattern), so the start-up sweep can tell a leftover of a
// killed Keel from a file another Keel is still writing.
func tempPattern(base string) string { return atomicfile.TempPattern(base) }

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

// ownLeftover reports whether e, in the database's folder or its backup
// folder, is a temporary file Keel made and no running process owns.
func ownLeftover(e os.DirEntry, dbPath string) bool {
	name := e.Name()
	// Keel's mark with a process id: made by Keel, whatever it was for (a
	// backup, a restore's copy of the backup, an export).
	if strings.Contains(name, atomicfile.Mark) {
		return atomicfile.IsLeftover(name)
	}
	// An earlier Keel's name for the database or a backup:
	// ".NAME.DIGITS.tmp" (and SQLite's journal beside it), swept once old.
	if !strings.HasPrefix(name, ".") {
		return false
	}
	stem := strings.TrimSuffix(name, "-journal")
	stem, ok := strings.CutSuffix(stem, ".tmp")
	if !ok {
		return false
	}
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
