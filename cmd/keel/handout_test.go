package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// TestHandoutFlags: the paper and print-range flags reach the PDF, and the
// coach's profile from -db is used with -in.
func TestHandoutFlags(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not found")
	}
	dir := t.TempDir()
	example := filepath.Join("..", "..", "docs", "examples", "clean.json")
	dbPath := filepath.Join(dir, "keel.db")
	db, code := createDB(dbPath, &bytes.Buffer{}, &bytes.Buffer{})
	if db == nil {
		t.Fatalf("open db: exit %d", code)
	}
	if err := newServices(db).profiles.SaveProfile(ctx(), assessment.Profile{CoachName: "Ada Coach", Business: "Strong Start", Contact: "07700 900123"}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	out := filepath.Join(dir, "h.pdf")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"handout", "-in", example, "-db", dbPath, "-out", out, "-paper", "letter", "-phase", "2"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	info, _ := exec.Command("pdfinfo", out).Output()
	if !strings.Contains(string(info), "letter") {
		t.Errorf("pdfinfo: %s; want Letter paper", info)
	}
	text, _ := exec.Command("pdftotext", out, "-").Output()
	flat := strings.Join(strings.Fields(string(text)), " ")
	for _, want := range []string{"Strong Start", "Ada Coach", "07700 900123", "Your week · Weeks"} {
		if !strings.Contains(flat, want) {
			t.Errorf("handout lacks %q", want)
		}
	}
	if strings.Contains(flat, "Your week · Weeks 1–") {
		t.Error("-phase 2 printed the first phase")
	}
	for _, args := range [][]string{
		{"handout", "-in", example, "-out", out, "-force", "-paper", "a5"},
		{"handout", "-in", example, "-out", out, "-force", "-phase", "9"},
	} {
		stderr.Reset()
		if code := run(args, &stdout, &stderr); code == 0 || !strings.Contains(stderr.String(), strings.TrimPrefix(args[len(args)-2], "-")) {
			t.Errorf("%v: exit %d, stderr %q; want a refusal with a message", args, code, stderr.String())
		}
	}
}
