package report

import (
	"math/rand"
	"strings"
	"testing"
)

// TestWrapFits checks the wrapper's two promises on awkward text: no line is
// wider than the box, and no letter is lost or reordered.
func TestWrapFits(t *testing.T) {
	r, err := newRenderer(&Handout{Title: "t", ClientName: "c", Paper: PaperA4}, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pieces := []string{"Zoë", "Ólafsdóttir-Łukasiewicz", "a", " ", "  ", "\n", "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", "—", "Дышите", "Ελένη", "…", "iiiiiiiiiiii", "3×10", "\u0301"}
	rng := rand.New(rand.NewSource(5))
	for _, size := range []float64{sizeTiny, sizeBody, sizeTitle} {
		for _, width := range []float64{3, 12, 21.7, 60, 178} {
			for n := 0; n < 60; n++ {
				var b strings.Builder
				for k := rng.Intn(40); k >= 0; k-- {
					b.WriteString(pieces[rng.Intn(len(pieces))])
				}
				text := b.String()
				r.font(n%2 == 0, size)
				lines := r.wrap(text, width)
				for _, ln := range lines {
					// a single glyph wider than the box is the one allowed overflow
					if w := r.strWidth(ln); w > width+1e-9 && len([]rune(ln)) > 1 {
						t.Fatalf("size %.1f width %.1f: line %q is %.2f mm wide (text %q)", size, width, ln, w, text)
					}
				}
				if got, want := strings.Join(strings.Fields(strings.Join(lines, "")), ""), strings.Join(strings.Fields(text), ""); got != want {
					t.Fatalf("wrap lost or moved letters:\n got %q\nwant %q", got, want)
				}
			}
		}
	}
}

// TestFitAndClamp checks the one-line and line-limit helpers keep to width.
func TestFitAndClamp(t *testing.T) {
	r, err := newRenderer(&Handout{Title: "t", ClientName: "c", Paper: PaperA4}, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r.font(true, sizeBody)
	long := strings.Repeat("Łukasiewicz ", 30)
	if got := r.fit(long, 40); r.strWidth(got) > 40 || !strings.HasSuffix(got, "…") {
		t.Errorf("fit = %q (%.1f mm), want under 40 mm ending in …", got, r.strWidth(got))
	}
	lines := r.clampLines(r.wrap(long, 40), 3, 40)
	if len(lines) != 3 || !strings.HasSuffix(lines[2], "…") || r.strWidth(lines[2]) > 40 {
		t.Errorf("clampLines = %q, want 3 lines under 40 mm, the last ending in …", lines)
	}
}

// TestBoxSplitsAcrossPages draws a box far taller than a page: it must
// continue on new pages and never run past the bottom margin.
func TestBoxSplitsAcrossPages(t *testing.T) {
	r, err := newRenderer(&Handout{Title: "t", ClientName: "c", Paper: PaperLetter}, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r.newPage()
	var lines []boxLine
	for i := 0; i < 150; i++ {
		lines = append(lines, boxLine{text: strings.Repeat("cue ", 20), prefix: "•", gap: 1})
	}
	r.box(boxStyle{border: colRule, lineWidth: 0.3, bar: true}, lines)
	if got := r.pdf.PageNo(); got < 3 {
		t.Errorf("a 150-line box used %d pages, want at least 3", got)
	}
	if r.y > r.bottom+3 {
		t.Errorf("cursor at %.1f mm, below the content bottom %.1f mm", r.y, r.bottom)
	}
	if err := r.pdf.Error(); err != nil {
		t.Fatal(err)
	}
}
