//go:build !windows

package atomicfile

// systemReason has nothing to add outside Windows.
func systemReason(error) string { return "" }
