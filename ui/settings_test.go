package ui

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/keel-coach/keel/report"
)

func TestSettingsScreen(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		tu := newTestUI(t)
		s := tu.openSettings()
		test.Type(s.coach, "Kara Lindqvist")
		test.Type(s.business, "Strong Mama Coaching")
		test.Type(s.contact, "+44 7700 900123 · kara@example.com")
		s.accent.SetText("#AA3366")
		s.paper.SetSelected("US Letter")
		s.unit.SetSelected("Millimetres")
		img := image.NewRGBA(image.Rect(0, 0, 300, 100))
		for x := 0; x < 300; x++ {
			img.Set(x, 50, color.Black)
		}
		var b bytes.Buffer
		_ = png.Encode(&b, img)
		s.setLogo(b.Bytes())
		tu.capture(t, "settings")
		if !s.onSave() {
			t.Fatal("valid settings refused")
		}
		p, err := tu.svc.Profiles.Profile(ctx())
		if err != nil {
			t.Fatal(err)
		}
		if p.CoachName != "Kara Lindqvist" || p.Paper != report.PaperLetter || p.DiastasisUnit != UnitMM || len(p.Logo) == 0 || p.Accent != "#AA3366" {
			t.Fatalf("stored profile = %+v", p)
		}
		if got := tu.diastasisUnit(); got != UnitMM {
			t.Fatalf("assessment unit = %q after choosing millimetres", got)
		}
	})
	t.Run("ErrAccent", func(t *testing.T) {
		tu := newTestUI(t)
		s := tu.openSettings()
		s.accent.SetText("teal")
		s.setLogo([]byte("not an image"))
		if s.onSave() {
			t.Fatal("bad accent and logo saved")
		}
		if !s.errs[report.FieldAccent].Visible() || !s.errs[report.FieldLogo].Visible() {
			t.Fatal("no message next to the accent colour or logo")
		}
		tu.capture(t, "settings-invalid")
		if p, _ := tu.svc.Profiles.Profile(ctx()); p.Accent != "" {
			t.Fatalf("refused settings stored: %+v", p)
		}
	})
}
