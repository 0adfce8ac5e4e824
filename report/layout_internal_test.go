package report

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestLogoReadableAnyShape: a tall, a square and a very wide logo all keep
// a readable size in the header (H: at least 12 mm on the short side or
// 300 mm² of area), and none leaves the header's box.
func TestLogoReadableAnyShape(t *testing.T) {
	for _, tt := range []struct {
		name string
		w, h int
	}{{"Tall", 200, 400}, {"Square", 300, 300}, {"Wide", 900, 150}, {"Banner", 1200, 100}} {
		t.Run(tt.name, func(t *testing.T) {
			img := image.NewRGBA(image.Rect(0, 0, tt.w, tt.h))
			for i := range img.Pix {
				img.Pix[i] = 0x80
			}
			img.Set(0, 0, color.Black)
			var buf bytes.Buffer
			if err := png.Encode(&buf, img); err != nil {
				t.Fatal(err)
			}
			logo, perr := prepareLogo(buf.Bytes())
			if perr != nil {
				t.Fatal(perr)
			}
			r, err := newRenderer(&Handout{Title: "t", ClientName: "c", Paper: PaperA4, Logo: logo}, RenderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if r.logoW > logoMaxW+1e-9 || r.logoH > logoMaxH+1e-9 {
				t.Errorf("logo %.1f × %.1f mm leaves the header box %.0f × %.0f", r.logoW, r.logoH, logoMaxW, logoMaxH)
			}
			if min(r.logoW, r.logoH) < 12 && r.logoW*r.logoH < 300 {
				t.Errorf("logo %.1f × %.1f mm: too small to read", r.logoW, r.logoH)
			}
		})
	}
}

// TestBodyTypeSizes pins the layout rule: body text at least 10.5 pt, text
// in cards and tables at least 10 pt.
func TestBodyTypeSizes(t *testing.T) {
	if sizeBody < 10.5 || sizeCard < 10 {
		t.Errorf("body %.1f pt, cards %.1f pt; want at least 10.5 and 10", sizeBody, sizeCard)
	}
}

// TestFigureSlot: with pictures, the session card and the fridge page
// draw them in their slot; without, nothing is drawn and no gap is left.
func TestFigureSlot(t *testing.T) {
	saved := figureHook
	defer func() { figureHook = saved }()
	var drawn []string
	figureHook = func(r *renderer, id string, x, y, w, h float64, draw bool) bool {
		if draw {
			drawn = append(drawn, id)
		}
		return id == "glute_bridge"
	}
	h := &Handout{Title: "t", ClientName: "c", Paper: PaperA4, Words: englishWords}
	h.Parts = []PlanPart{{Title: "Weeks 1–2", Fridge: FridgePage{Heading: "Your week"},
		Sessions: []SessionPage{{Heading: "Monday: A", Exercises: []ExerciseBlock{
			{ExerciseID: "glute_bridge", Name: "Glute bridge", Dose: "2 rounds of 10", Full: true, Cues: []string{"Push through your heels."}},
			{ExerciseID: "bird_dog", Name: "Bird dog", Dose: "2 rounds of 6", Full: true, Cues: []string{"Reach long."}},
		}}}}}
	h.Parts[0].Fridge.Days[0] = FridgeDay{Day: "Monday", Session: "A", Items: []FridgeItem{{ExerciseID: "glute_bridge", Name: "Glute bridge"}, {ExerciseID: "bird_dog", Name: "Bird dog"}}}
	for i := 1; i < 7; i++ {
		h.Parts[0].Fridge.Days[i] = FridgeDay{Day: "Day", Rest: true}
	}
	var buf bytes.Buffer
	if err := Render(h, &buf, RenderOptions{}); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(drawn, ","), "glute_bridge,glute_bridge"; got != want {
		t.Errorf("pictures drawn for %q, want %q (the fridge and the card, none for bird dog)", got, want)
	}
	with := func(id string) float64 {
		r, _ := newRenderer(h, RenderOptions{})
		return r.layoutCard(ExerciseBlock{ExerciseID: id, Name: "X", Dose: "1", Full: true, Cues: []string{"c"}}).h
	}
	// the pictures may sit beside the steps, but the card holds them
	if got := with("glute_bridge"); got < cardFigH+2*cardPad || got < with("bird_dog") {
		t.Errorf("a card with pictures is %.1f mm tall, under its pictures (%.1f mm) or the card without; the slot is missing", got, cardFigH)
	}
}

// TestTableHeaderRepeats: a table that reaches the page end goes on under
// its title marked continued and its header again, and a label row (a
// tracking sheet's week) is never the last row of a page.
func TestTableHeaderRepeats(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	h := &Handout{Title: "t", ClientName: "c", Paper: PaperA4, Words: englishWords}
	r, err := newRenderer(h, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r.newPage()
	tb := table{title: "Sheet", widths: []float64{40, 40}, header: []tcell{tinyHead("Head")}, minRow: 7}
	tb.header[0].span = 2
	for i := range 80 {
		text := fmt.Sprintf("row%d", i)
		if i%6 == 0 {
			text = fmt.Sprintf("label%d", i)
		}
		tb.rows = append(tb.rows, []tcell{{spans: []span{{text: text}}}, {box: boxTick}})
		tb.label = append(tb.label, i%6 == 0)
	}
	r.drawTable(tb)
	var buf bytes.Buffer
	if err := r.pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) < 3 {
		t.Fatalf("80 rows of 7 mm on %d pages; want a table over at least two", len(pages)-1)
	}
	for i, p := range pages[1 : len(pages)-1] {
		if !strings.Contains(p, "Sheet (continued)") || !strings.Contains(p, "Head") {
			t.Errorf("page %d: no continued title and header", i+2)
		}
	}
	for i, p := range pages[:len(pages)-2] {
		f := strings.Fields(p)
		if len(f) > 0 && strings.HasPrefix(f[len(f)-1], "label") {
			t.Errorf("page %d ends with the label row %s", i+1, f[len(f)-1])
		}
	}
}
