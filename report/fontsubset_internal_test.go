package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
)

// TestSubsetFonts: the smaller Latin fonts exist, have the whole fonts'
// widths (loadedSubset checks every character), are chosen only for a
// handout whose every character they hold, and give the same text, pages
// and layout as the whole fonts.
func TestSubsetFonts(t *testing.T) {
	sub := loadedSubset(newFontTemplate)
	if sub == nil {
		t.Fatal("no smaller fonts: every handout subsets the whole font files")
	}
	h := &Handout{Title: "Your plan", ClientName: "Zoë Ólafsdóttir-Łukasiewicz, Nguyễn Thị Hồng", Date: "2 March 2026",
		Summary: Summary{PlanLine: "8 weeks – “about 20 minutes” • 3 × 8 … 360°"}, Words: englishWords}
	if !fitsSubset(reflect.ValueOf(h)) {
		t.Fatal("a handout in Latin letters does not fit the smaller fonts")
	}
	greek := *h
	greek.ClientName = "Ελένη Παπαδοπούλου"
	if fitsSubset(reflect.ValueOf(&greek)) {
		t.Fatal("a Greek name fits the smaller Latin fonts")
	}
	r, err := newRenderer(&greek, RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r.fontTpl == sub {
		t.Error("a handout with a Greek name got the smaller fonts")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	write := func(whole bool) (string, int) {
		r, err := newRenderer(h, RenderOptions{wholeFonts: whole})
		if err != nil {
			t.Fatal(err)
		}
		if (r.fontTpl == sub) == whole {
			t.Fatalf("wholeFonts %v: got the other fonts", whole)
		}
		r.newPage()
		r.para(h.ClientName+" "+h.Summary.PlanLine, sizeBody, false, 0, colInk)
		r.para(h.ClientName, sizeTitle, true, 0, colInk)
		r.footers()
		var buf bytes.Buffer
		if err := r.pdf.Output(&buf); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "x.pdf")
		if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-layout", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return string(out), buf.Len()
	}
	wholeText, wholeSize := write(true)
	subText, subSize := write(false)
	if wholeText != subText {
		t.Errorf("the text differs:\nwhole fonts:\n%s\nsmaller fonts:\n%s", wholeText, subText)
	}
	t.Logf("PDF %d bytes with the whole fonts, %d with the smaller", wholeSize, subSize)
}
