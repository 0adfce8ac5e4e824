//go:build !linux

package main

// networkFSType is not checked outside Linux yet: only the sync folders
// are (syncedBy).
func networkFSType(string) string { return "" }
