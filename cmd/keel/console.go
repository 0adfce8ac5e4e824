package main

import "strings"

// isSubcommand reports whether args (without the program name) ask for a
// command-line subcommand (keel backup ...) rather than the window (keel,
// keel -db FILE).
func isSubcommand(args []string) bool {
	return len(args) > 0 && !strings.HasPrefix(args[0], "-")
}
