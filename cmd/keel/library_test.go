package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLibrarySheet(t *testing.T) {
	dir := t.TempDir()
	t.Run("OK", func(t *testing.T) {
		out := filepath.Join(dir, "library.pdf")
		var stdout, stderr bytes.Buffer
		if code := run([]string{"library", "--sheet", out, "--paper", "letter"}, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		b, err := os.ReadFile(out)
		if err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
			t.Fatalf("no PDF written: %v", err)
		}
		if !strings.Contains(stdout.String(), "77 exercises") {
			t.Errorf("stdout %q", stdout.String())
		}
		// The same library gives the same bytes.
		again := filepath.Join(dir, "again.pdf")
		if code := run([]string{"library", "--sheet", again, "--paper", "letter"}, &stdout, &stderr); code != 0 {
			t.Fatal(stderr.String())
		}
		if b2, _ := os.ReadFile(again); !bytes.Equal(b, b2) {
			t.Error("two sheets of the same library differ")
		}
	})
	t.Run("ErrPaper", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"library", "--sheet", filepath.Join(dir, "x.pdf"), "--paper", "a5"}, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "a4 or letter") {
			t.Fatalf("exit %d: %q", code, stderr.String())
		}
	})
	t.Run("WithDB", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		db := filepath.Join(dir, "keel.db")
		if code := run([]string{"library", "--sheet", filepath.Join(dir, "own.pdf"), "-db", db}, &stdout, &stderr); code != 1 {
			t.Fatalf("a missing database: exit %d; want 1 (only the window, demo and imports create one)", code)
		}
		if code := run([]string{"demo", "-db", db}, &stdout, &stderr); code != 0 {
			t.Fatal(stderr.String())
		}
		if code := run([]string{"library", "--sheet", filepath.Join(dir, "own.pdf"), "-db", db}, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
	})
	t.Run("ListStillWorks", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"library"}, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "glute_bridge") {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
	})
}
