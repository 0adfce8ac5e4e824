package ui

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
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

// The studio database option: an address with a password is refused in
// words and not kept; a connection test says what the test found; "Use on
// this computer" keeps the address and the name in the preferences (never
// in the data file).
func TestSettingsStudioDatabase(t *testing.T) {
	tu := newTestUI(t)
	var tested []string
	tu.svc.Studio = &StudioActions{
		Current: "the file " + tu.db.Path,
		Check: func(addr string) error {
			if strings.Contains(addr, ":pw@") {
				return assessment.Errorf(assessment.EINVALID, "Leave the password out of the address: put it in your .pgpass file.")
			}
			return nil
		},
		Test: func(_ context.Context, addr string) error {
			tested = append(tested, addr)
			if strings.Contains(addr, "away") {
				return assessment.Errorf(assessment.EINTERNAL, "Keel could not reach the studio database server (away:5432, database \"keel\").")
			}
			return nil
		},
	}
	s := tu.openSettings()
	if s.studioURL == nil {
		t.Fatal("no studio database option")
	}
	wait := func() {
		t.Helper()
		select {
		case <-s.studioDone:
		case <-time.After(10 * time.Second):
			t.Fatal("the connection test did not end")
		}
	}

	s.studioURL.SetText("postgres://sam:pw@studio:5432/keel")
	test.Tap(s.studioUse)
	if !strings.Contains(s.studioStatus.Text, ".pgpass") || tu.prefs.StudioURL() != "" {
		t.Fatalf("address with a password: status %q, kept %q", s.studioStatus.Text, tu.prefs.StudioURL())
	}

	s.studioURL.SetText("postgres://sam@away:5432/keel")
	test.Tap(s.studioTest)
	wait()
	if !strings.Contains(s.studioStatus.Text, "away:5432") || s.studioStatus.Importance != widget.DangerImportance {
		t.Fatalf("unreachable: %q", s.studioStatus.Text)
	}

	s.studioURL.SetText("postgres://sam@studio:5432/keel")
	test.Type(s.studioName, "Sam")
	test.Tap(s.studioTest)
	wait()
	if !strings.HasPrefix(s.studioStatus.Text, "Connected") {
		t.Fatalf("reachable: %q", s.studioStatus.Text)
	}
	test.Tap(s.studioUse)
	if tu.prefs.StudioURL() != "postgres://sam@studio:5432/keel" || tu.prefs.StudioName() != "Sam" {
		t.Fatalf("kept %q as %q", tu.prefs.StudioURL(), tu.prefs.StudioName())
	}
	if !strings.Contains(s.studioStatus.Text, "next time it starts") {
		t.Fatalf("after Use: %q", s.studioStatus.Text)
	}
	if len(tested) != 2 {
		t.Fatalf("tested %v", tested)
	}
	tu.capture(t, "settings-studio")
}
