package main

import "testing"

// The window and the subcommands split on the first argument; on Windows
// only a subcommand writes to the console of the shell that started it
// (console_windows.go).
func TestIsSubcommand(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"-db", `C:\Users\Ana Kim\keel.db`}, false},
		{[]string{"--db=x.db"}, false},
		{[]string{"backup", "--out", `D:\keel backup.db`}, true},
		{[]string{"help"}, true},
		{[]string{"version"}, true},
	} {
		if got := isSubcommand(tc.args); got != tc.want {
			t.Errorf("isSubcommand(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}
