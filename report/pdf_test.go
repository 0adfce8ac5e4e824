package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in report/testdata from the current output")

// fixedTime is the creation date written into test PDFs.
var fixedTime = time.Date(2026, time.March, 2, 9, 0, 0, 0, time.UTC)

// render builds and renders in, failing the test on any error.
func render(tb testing.TB, in report.Input, opt report.RenderOptions) []byte {
	tb.Helper()
	h, err := report.Build(in)
	if err != nil {
		tb.Fatalf("Build: %v", err)
	}
	var buf bytes.Buffer
	if err := report.Render(h, &buf, opt); err != nil {
		tb.Fatalf("Render: %v", err)
	}
	return buf.Bytes()
}

// needTool skips the test when a poppler tool is missing. The test command
// installs poppler-utils, so in CI this never skips.
func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not found: install poppler-utils (apt-get install poppler-utils) to run the PDF checks", name)
	}
}

// writeTemp writes pdf to a file in the test's temp dir. Set
// KEEL_KEEP_PDF to a folder to keep a copy of every test PDF for viewing.
func writeTemp(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "handout.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("KEEL_KEEP_PDF"); dir != "" {
		name := strings.NewReplacer("/", "_", " ", "_").Replace(t.Name()) + ".pdf"
		if err := os.WriteFile(filepath.Join(dir, name), pdf, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("%s %v: %v %s", name, args, err, stderr)
	}
	return string(out)
}

// pageCount asks pdfinfo how many pages the file has.
func pageCount(t *testing.T, path string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(run(t, "pdfinfo", path))
	if m == nil {
		t.Fatal("pdfinfo printed no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestRenderText(t *testing.T) {
	needTool(t, "pdftotext")
	needTool(t, "pdfinfo")
	in := fixtureInput(t, 12)
	in.Print = report.PrintRange{All: true}
	path := writeTemp(t, render(t, in, report.RenderOptions{Fixed: fixedTime}))
	text := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	flat := collapse(text)
	n := pageCount(t, path)
	if n < 5 {
		t.Errorf("%d pages; want at least summary, week, sessions, tracking and progress", n)
	}

	t.Run("ClientName", func(t *testing.T) {
		if got := strings.Count(text, fixtureName); got < n {
			t.Errorf("client name appears %d times; want at least once per page (%d pages)", got, n)
		}
	})
	t.Run("ExerciseNames", func(t *testing.T) {
		for _, name := range fixtureNames() {
			if !strings.Contains(flat, name) {
				t.Errorf("exercise %q is missing from the PDF text", name)
			}
		}
	})
	t.Run("PageNumbers", func(t *testing.T) {
		for i := 1; i <= n; i++ {
			if want := fmt.Sprintf("Page %d of %d", i, n); !strings.Contains(text, want) {
				t.Errorf("%q missing: the page-count alias was not replaced (pdfinfo says %d pages)", want, n)
			}
		}
		if strings.Contains(text, "{nb}") {
			t.Error("the literal alias {nb} is in the text")
		}
	})
	t.Run("Sections", func(t *testing.T) {
		for _, want := range []string{"What we found", "What matters to you", "What your plan works on", "When to stop an exercise",
			"Your week", "Weeks 1–4 · Build control", "How it should feel", "How to do it", "Tracking sheet",
			"Your progress", "3 points lower (real change)", "Strong Mothers Coaching", "coaching, not medical advice"} {
			if !strings.Contains(flat, want) {
				t.Errorf("%q missing from the PDF text", want)
			}
		}
	})
}

func TestRenderBlocked(t *testing.T) {
	needTool(t, "pdftotext")
	needTool(t, "pdfinfo")
	path := writeTemp(t, render(t, fixtureBlocked(t), report.RenderOptions{Fixed: fixedTime}))
	flat := collapse(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	if got := pageCount(t, path); got != 2 {
		t.Errorf("%d pages; want the urgent sheet and the ordinary referral sheet", got)
	}
	for _, want := range []string{"PLEASE GET MEDICAL HELP TODAY", "What you told me", "a new change in bladder or bowel control",
		"Why I am asking you to get checked", "back pain at night", "a pelvic-health physiotherapist", "If things get worse",
		"Sam Rivera", fixtureName, "Page 1 of 2", "Page 2 of 2"} {
		if !strings.Contains(flat, want) {
			t.Errorf("%q missing from the blocked handout", want)
		}
	}
	for _, name := range append(fixtureNames(), "How to do it", "Tracking sheet", "Your week") {
		if strings.Contains(flat, name) {
			t.Errorf("blocked handout contains %q; want no exercise card or plan", name)
		}
	}
}

// TestRenderNotBlank renders every page to a PNG and checks each has ink.
func TestRenderNotBlank(t *testing.T) {
	needTool(t, "pdftoppm")
	for name, in := range map[string]report.Input{"full": fixtureInput(t, 12), "blocked": fixtureBlocked(t)} {
		t.Run(name, func(t *testing.T) {
			path := writeTemp(t, render(t, in, report.RenderOptions{Fixed: fixedTime}))
			prefix := filepath.Join(filepath.Dir(path), "page")
			run(t, "pdftoppm", "-png", "-r", "40", path, prefix)
			pngs, _ := filepath.Glob(prefix + "*.png")
			if len(pngs) == 0 {
				t.Fatal("pdftoppm wrote no pages")
			}
			for _, p := range pngs {
				f, err := os.Open(p)
				if err != nil {
					t.Fatal(err)
				}
				img, err := png.Decode(f)
				f.Close()
				if err != nil {
					t.Fatalf("%s: %v", p, err)
				}
				b := img.Bounds()
				ink := 0
				for y := b.Min.Y; y < b.Max.Y; y++ {
					for x := b.Min.X; x < b.Max.X; x++ {
						r, g, bl, _ := img.At(x, y).RGBA()
						if r < 0xE000 || g < 0xE000 || bl < 0xE000 {
							ink++
						}
					}
				}
				// 1% of the page: more than a footer alone (about 0.3%).
				if min := b.Dx() * b.Dy() / 100; ink < min {
					t.Errorf("%s: %d inked pixels, want at least %d: the page looks blank", filepath.Base(p), ink, min)
				}
			}
		})
	}
}

// TestRenderGolden pins what the fixture handout says: the handout model
// as JSON and the text pdftotext reads from the PDF, both readable in a
// diff. Run `go test ./report -run Golden -update` after a deliberate
// change, and read the diff before committing it.
func TestRenderGolden(t *testing.T) {
	needTool(t, "pdftotext")
	opt := report.RenderOptions{Fixed: fixedTime}
	in := fixtureInput(t, 12)
	in.Interpretation = fixtureInterpretation()
	a := render(t, in, opt)
	if b := render(t, in, opt); !bytes.Equal(a, b) {
		t.Fatal("two renders of the same handout differ: output is not deterministic")
	}
	h, err := report.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	h.Logo = nil // bytes, not words; TestBuild checks it is there
	model, err := json.MarshalIndent(h, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	text := run(t, "pdftotext", "-layout", "-enc", "UTF-8", writeTemp(t, a), "-")
	for _, g := range []struct{ file, got string }{
		{"handout.json", string(model) + "\n"},
		{"handout.txt", trimLines(text)},
	} {
		path := filepath.Join("testdata", g.file)
		if *update {
			if err := os.WriteFile(path, []byte(g.got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./report -run Golden -update to create it)", err)
		}
		if string(want) != g.got {
			t.Errorf("%s differs from the golden file:\n%s\nlook at the handout, then run go test ./report -run Golden -update", g.file, firstDiff(string(want), g.got))
		}
	}
}

// trimLines drops trailing spaces, which pdftotext -layout pads lines with.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// firstDiff shows the first differing line of two texts, with its number.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d\n want %q\n  got %q", i+1, a, b)
		}
	}
	return "(no line differs)"
}

// TestRenderFontSubset checks both faces are embedded as subsets: the full
// Noto Sans files are 455 KB each.
func TestRenderFontSubset(t *testing.T) {
	pdf := render(t, fixtureInput(t, 12), report.RenderOptions{Fixed: fixedTime})
	ms := regexp.MustCompile(`/Length1 (\d+)`).FindAllSubmatch(pdf, -1)
	if len(ms) != 2 {
		t.Fatalf("%d embedded font files, want 2 (regular and bold)", len(ms))
	}
	for _, m := range ms {
		if n, _ := strconv.Atoi(string(m[1])); n > 150_000 {
			t.Errorf("embedded font is %d bytes: not subset", n)
		}
	}
	if got, max := len(pdf), 500_000; got > max {
		t.Errorf("handout is %d bytes, want under %d", got, max)
	}
	if bytes.Contains(pdf, []byte("/BaseFont /Helvetica")) || bytes.Contains(pdf, []byte("/BaseFont /Times")) {
		t.Error("a core (cp1252) font is used")
	}
}

func TestRenderCompressed(t *testing.T) {
	needTool(t, "pdftotext")
	plain := render(t, fixtureInput(t, 12), report.RenderOptions{Fixed: fixedTime})
	small := render(t, fixtureInput(t, 12), report.RenderOptions{Compress: true, Fixed: fixedTime})
	if len(small)*2 > len(plain) {
		t.Errorf("compressed %d bytes, uncompressed %d: want less than half", len(small), len(plain))
	}
	if !strings.Contains(run(t, "pdftotext", "-enc", "UTF-8", writeTemp(t, small), "-"), fixtureName) {
		t.Error("the compressed PDF does not read back")
	}
}

func TestRenderPaper(t *testing.T) {
	needTool(t, "pdfinfo")
	tests := []struct{ paper, size string }{
		{report.PaperA4, "595.28 x 841.89 pts (A4)"},
		{report.PaperLetter, "612 x 792 pts (letter)"},
	}
	for _, tt := range tests {
		t.Run(tt.paper, func(t *testing.T) {
			in := fixtureInput(t, 4)
			in.Settings.Paper = tt.paper
			info := run(t, "pdfinfo", writeTemp(t, render(t, in, report.RenderOptions{})))
			if !strings.Contains(info, tt.size) {
				t.Errorf("pdfinfo page size not %q:\n%s", tt.size, info)
			}
		})
	}
}

// TestRenderHostileText feeds characters the font lacks, control
// characters and unbreakable runs of letters through every text field, then
// checks the PDF has no word outside the printable area.
func TestRenderHostileText(t *testing.T) {
	needTool(t, "pdftotext")
	long := strings.Repeat("Łukasiewicz", 12) // 132 letters, no space
	in := fixtureInput(t, 8)
	in.Client.Name = "Zoë 💪 王芳 فاطمة \x00\x1b " + long
	in.Settings.Business = "Körper & Kraft — " + string([]rune(long)[:100])
	in.Settings.Contact = "\u202e" + string([]rune(long)[:110])
	in.Settings.Paper = report.PaperLetter
	in.Record.Context.Goals = strings.Repeat("Carry my son up four flights of stairs without pain. ", 20) + long
	in.Record.Context.Activities = append(in.Record.Context.Activities, assessment.Activity{Name: long, Rating: 99})
	in.Programme.Focus = append(in.Programme.Focus, assessment.Focus{Title: long, Reason: long + " " + long})
	for i := range in.Programme.Weeks {
		in.Programme.Weeks[i].Days[0].Session = long
	}
	in.Library.Exercises[0].Name = long + " " + long
	in.Library.Exercises[0].Cues = []string{long + long + long, "Ελένη: αναπνοή — Дышите 🫁", "\t\t\r\n", strings.Repeat("word ", 200)}
	pdf := render(t, in, report.RenderOptions{Fixed: fixedTime})
	path := writeTemp(t, pdf)
	text := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	if !strings.Contains(text, "Zoë \uFFFD") {
		t.Error("the emoji did not become U+FFFD in the client name")
	}
	if !strings.Contains(text, "Дышите") {
		t.Error("Cyrillic text is missing")
	}
	checkInsideMargins(t, path, 13)
}

// checkInsideMargins uses pdftotext's word boxes to check that no word
// crosses the side margins or drops below the footer line.
func checkInsideMargins(t *testing.T, path string, marginMM float64) {
	t.Helper()
	out := run(t, "pdftotext", "-bbox", path, "-")
	const slack = 1.0 // points: glyph side bearings
	margin := marginMM / 25.4 * 72
	pageRe := regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordRe := regexp.MustCompile(`<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</word>`)
	pages := pageRe.FindAllStringSubmatchIndex(out, -1)
	if len(pages) == 0 {
		t.Fatal("pdftotext -bbox found no pages")
	}
	words := 0
	for i, pg := range pages {
		end := len(out)
		if i+1 < len(pages) {
			end = pages[i+1][0]
		}
		w, _ := strconv.ParseFloat(out[pg[2]:pg[3]], 64)
		h, _ := strconv.ParseFloat(out[pg[4]:pg[5]], 64)
		for _, m := range wordRe.FindAllStringSubmatch(out[pg[1]:end], -1) {
			words++
			x0, _ := strconv.ParseFloat(m[1], 64)
			x1, _ := strconv.ParseFloat(m[3], 64)
			y1, _ := strconv.ParseFloat(m[4], 64)
			if x0 < margin-slack || x1 > w-margin+slack || y1 > h-margin/2 {
				t.Errorf("page %d: word %q at x %.1f–%.1f, bottom %.1f lies outside the printable area (page %.0f×%.0f pt)", i+1, m[5], x0, x1, y1, w, h)
			}
		}
	}
	if words == 0 {
		t.Error("no words found")
	}
}

func TestWritePDF(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "Zoë handout.pdf")
		if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := report.WritePDF(fixtureInput(t, 4), path); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
			t.Error("the file is not a complete PDF")
		}
		fi, _ := os.Stat(path)
		if got := fi.Mode().Perm(); got != 0o600 {
			t.Errorf("mode = %v, want 0600 (the handout holds health details)", got)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			t.Errorf("%d files in the folder, want 1: a temporary file was left behind", len(entries))
		}
	})
	t.Run("ErrFolderMissing", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "no-such-folder", "out.pdf")
		err := report.WritePDF(fixtureInput(t, 4), path)
		if err == nil {
			t.Fatal("WritePDF into a missing folder succeeded")
		}
		if !strings.Contains(assessment.ErrorMessage(err), "could not save the handout") {
			t.Errorf("message %q does not tell the coach what failed", assessment.ErrorMessage(err))
		}
	})
	t.Run("ErrInvalidLeavesNoFile", func(t *testing.T) {
		dir := t.TempDir()
		in := fixtureInput(t, 4)
		in.Programme = nil
		if err := report.WritePDF(in, filepath.Join(dir, "out.pdf")); assessment.ErrorCode(err) != assessment.EINVALID {
			t.Fatalf("err = %v, want EINVALID", err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%d files left after a failed export, want none", len(entries))
		}
	})
	t.Run("ErrReadOnlyFolderLeavesNoTemp", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root can write to a read-only folder")
		}
		dir := t.TempDir()
		if err := os.Chmod(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(dir, 0o700)
		if err := report.WritePDF(fixtureInput(t, 4), filepath.Join(dir, "out.pdf")); err == nil {
			t.Fatal("WritePDF into a read-only folder succeeded")
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%d files left, want none", len(entries))
		}
	})
}

// FuzzRenderText puts arbitrary text where a coach or client can type it
// (client name, goals, a custom cue, an exercise name) and checks the
// handout still renders: no panic, no error.
func FuzzRenderText(f *testing.F) {
	for _, s := range []string{"Zoë Ólafsdóttir-Łukasiewicz", "💪王ف\x00\u202e", "\xff\xfe\xfd", strings.Repeat("W", 300), "a\r\n\tb", ""} {
		f.Add(s)
	}
	base := fixtureInput(f, 4)
	f.Fuzz(func(t *testing.T, s string) {
		in := base
		in.Client = &assessment.Client{Name: "Zoë " + s}
		rec := *in.Record
		ctx := *rec.Context
		ctx.Goals = s
		rec.Context = &ctx
		in.Record = &rec
		lib := *in.Library
		lib.Exercises = append([]*assessment.Exercise(nil), lib.Exercises...)
		ex := *lib.Exercises[0]
		ex.Name, ex.Cues = s, []string{s, s + s}
		lib.Exercises[0] = &ex
		in.Library = &lib
		h, err := report.Build(in)
		if err != nil {
			t.Fatalf("Build: %v", err)
		}
		if err := report.Render(h, io.Discard, report.RenderOptions{Fixed: fixedTime}); err != nil {
			t.Fatalf("Render: %v", err)
		}
	})
}

func TestRenderNil(t *testing.T) {
	if err := report.Render(nil, &bytes.Buffer{}, report.RenderOptions{}); assessment.ErrorCode(err) != assessment.EINVALID {
		t.Errorf("Render(nil) = %v, want EINVALID", err)
	}
}
