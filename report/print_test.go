package report_test

import (
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/report"
)

func TestPrinter(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	sh := func(script string) func(string) (string, []string) {
		return func(path string) (string, []string) { return "sh", []string{"-c", script, "sh", path} }
	}
	t.Run("OK", func(t *testing.T) {
		p := report.Printer{Command: sh(`test -n "$1"`)}
		if err := p.Print(context.Background(), "/x/handout.pdf"); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ErrNoPrinter", func(t *testing.T) {
		p := report.Printer{Command: sh(`echo "lp: Error - No default destination." >&2; exit 1`)}
		err := p.Print(context.Background(), "handout.pdf")
		if assessment.ErrorCode(err) != assessment.EINVALID || !strings.Contains(assessment.ErrorMessage(err), "No printer is set up") ||
			!strings.Contains(assessment.ErrorMessage(err), "handout.pdf") {
			t.Errorf("err = %v; want EINVALID telling the coach there is no printer and where the file is", err)
		}
	})
	t.Run("ErrNoCommand", func(t *testing.T) {
		p := report.Printer{Command: func(string) (string, []string) { return "keel-no-such-print-command", nil }}
		err := p.Print(context.Background(), "handout.pdf")
		if assessment.ErrorCode(err) != assessment.EINVALID || !strings.Contains(assessment.ErrorMessage(err), "print it from your PDF viewer") {
			t.Errorf("err = %v; want EINVALID pointing at the PDF viewer", err)
		}
	})
	t.Run("ErrFailed", func(t *testing.T) {
		p := report.Printer{Command: sh(`echo "paper jam" >&2; exit 3`)}
		err := p.Print(context.Background(), "handout.pdf")
		if assessment.ErrorCode(err) != assessment.EINTERNAL || errors.Unwrap(err) == nil || !strings.Contains(errors.Unwrap(err).Error(), "paper jam") {
			t.Errorf("err = %v; want EINTERNAL keeping the printer's words for the log", err)
		}
	})
}
