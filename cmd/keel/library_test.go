package main

import (
	"bytes"
	"fmt"
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
		lib, err := builtinLibrary()
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("(%d exercises)", len(lib.Exercises)); !strings.Contains(stdout.String(), want) {
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

// TestLibrarySheetFlagLikeName: "--sheet -h" is not a file named "-h"; the
// help names both forms of the command.
func TestLibrarySheetFlagLikeName(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	if code := run([]string{"library", "--sheet", "-h"}, &stdout, &stderr); code == 0 {
		t.Fatalf("library --sheet -h exited 0: %s", stdout.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "-h")); err == nil {
		t.Fatal("a file named -h was written")
	}
	stderr.Reset()
	if code := run([]string{"library", "-h"}, &stdout, &stderr); code != 0 || !strings.Contains(stderr.String(), "--sheet") {
		t.Fatalf("library -h: code %d, help %q does not name --sheet", code, stderr.String())
	}
}

// TestOutputsRefuseOtherDatabase: --force does not let a handout replace
// another database; a backup may replace an older backup.
func TestOutputsRefuseOtherDatabase(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "clients-2025.db")
	if err := os.WriteFile(other, []byte("SQLite format 3\x00archived clients"), 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"library", "--sheet", other, "--force"}, &stdout, &stderr); code == 0 {
		t.Fatalf("library sheet replaced another database: %s", stdout.String())
	}
	b, err := os.ReadFile(other)
	if err != nil || !strings.HasPrefix(string(b), "SQLite format 3") {
		t.Fatalf("the other database changed: %q %v", b, err)
	}
	if !strings.Contains(stderr.String(), other) {
		t.Errorf("message %q does not name the file", stderr.String())
	}
}
