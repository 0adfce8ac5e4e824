package report

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"github.com/keel-coach/keel/assessment"
)

// Printer sends a saved handout to the system's default printer. The zero
// value uses the system's command (`lp` on Linux and macOS, the shell's
// print verb on Windows); tests swap Command.
type Printer struct {
	// Command returns the program and arguments that print path; nil
	// means the system's own (see printCommand).
	Command func(path string) (string, []string)
	// Timeout bounds how long the print command may take (default 30 s):
	// a hung print spooler must not hang the app.
	Timeout time.Duration
}

// printCommand is the system's way to print a PDF without a dialog.
func printCommand(path string) (string, []string) {
	if runtime.GOOS == "windows" {
		return "powershell", []string{"-NoProfile", "-Command", "Start-Process", "-FilePath", path, "-Verb", "Print"}
	}
	return "lp", []string{"--", path}
}

// Print sends the PDF at path to the default printer. The handout is
// already saved, so a failure never loses it: the error says what went
// wrong and that the file is there to print from a PDF viewer.
// Errors: EINVALID when there is no printer or print command; EINTERNAL
// when the print command fails for another reason.
func (p Printer) Print(ctx context.Context, path string) error {
	cmdFn := p.Command
	if cmdFn == nil {
		cmdFn = printCommand
	}
	timeout := p.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	name, args := cmdFn(path)
	if _, err := exec.LookPath(name); err != nil {
		return &assessment.Error{Code: assessment.EINVALID, Err: err,
			Message: "This computer has no print command (" + name + "), so Keel cannot print directly. The handout is saved at " + path + ": open it and print it from your PDF viewer."}
	}
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(out.String())
		if noPrinter(msg) {
			return &assessment.Error{Code: assessment.EINVALID, Err: err,
				Message: "No printer is set up on this computer. The handout is saved at " + path + ": add a printer, or open the file and print it from your PDF viewer."}
		}
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return &assessment.Error{Code: assessment.EINTERNAL, Err: err,
				Message: "The printer did not answer. The handout is saved at " + path + "; check the printer and try again."}
		}
		return &assessment.Error{Code: assessment.EINTERNAL, Err: errors.Join(err, errors.New(msg)),
			Message: "Printing failed. The handout is saved at " + path + "; open it and print it from your PDF viewer."}
	}
	return nil
}

// noPrinter recognises the print system's "no printer" answers (CUPS:
// "lp: Error - No default destination", "scheduler not responding").
func noPrinter(msg string) bool {
	m := strings.ToLower(msg)
	return strings.Contains(m, "no default destination") || strings.Contains(m, "scheduler not responding") ||
		strings.Contains(m, "no such file or directory") || strings.Contains(m, "not connected")
}
