package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// Keel.exe is built as a Windows GUI program (-H windowsgui), so opening
// the window shows no console. Such a program has no console output
// either: run from Command Prompt or PowerShell, `Keel.exe backup ...`
// would print nothing, not even its errors. For a subcommand Keel
// therefore writes to the console of the shell that started it, when
// there is one and the output is not already going to a file or a pipe.
// (The shell does not wait for a GUI program, so the output may follow its
// next prompt; the exit code is kept.)
func init() {
	if !isSubcommand(os.Args[1:]) {
		return
	}
	if h, err := windows.GetStdHandle(windows.STD_OUTPUT_HANDLE); err == nil && h != 0 && h != windows.InvalidHandle {
		return // redirected: keep it
	}
	attach := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return // started from Explorer or a shortcut: no console to use
	}
	if out, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
		os.Stdout, os.Stderr = out, out
	}
	if in, err := os.OpenFile("CONIN$", os.O_RDONLY, 0); err == nil {
		os.Stdin = in
	}
}
