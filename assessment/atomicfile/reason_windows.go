package atomicfile

import (
	"errors"
	"syscall"
)

// systemReason words the Windows errors that Reason's portable cases would
// misname.
func systemReason(err error) string {
	var en syscall.Errno
	if !errors.As(err, &en) {
		return ""
	}
	return windowsReason(uintptr(en))
}
