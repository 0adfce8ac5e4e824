//go:build unix

package sqlite_test

import (
	"syscall"
	"time"
)

// processCPU is the CPU time this process has used. On a shared machine
// the wall-clock medians include time spent waiting for a core; CPU time
// per operation shows the work itself.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
