package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

func relLuminance(c color.Color) float64 {
	r, g, b, _ := color.NRGBAModel.Convert(c).RGBA()
	lin := func(v uint32) float64 {
		s := float64(v>>8) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// over blends a possibly translucent colour over an opaque background.
func over(fg, bg color.Color) color.Color {
	f := color.NRGBAModel.Convert(fg).(color.NRGBA)
	b := color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(f.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(f.R, b.R), G: mix(f.G, b.G), B: mix(f.B, b.B), A: 0xff}
}

func contrast(fg, bg color.Color) float64 {
	a, b := relLuminance(over(fg, bg)), relLuminance(bg)
	if a < b {
		a, b = b, a
	}
	return (a + 0.05) / (b + 0.05)
}

// Every text colour Keel uses reads at 4.5:1 or better on every
// background it is drawn on, in the light and the dark theme.
func TestThemeTextContrast(t *testing.T) {
	th := newTheme()
	texts := []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNameDisabled, theme.ColorNamePlaceHolder,
		theme.ColorNameError, theme.ColorNameWarning, theme.ColorNameSuccess, theme.ColorNamePrimary, theme.ColorNameHyperlink}
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		bgs := map[string]color.Color{
			"background":       th.Color(theme.ColorNameBackground, v),
			"input background": over(th.Color(theme.ColorNameInputBackground, v), th.Color(theme.ColorNameBackground, v)),
		}
		for _, n := range texts {
			for bn, bg := range bgs {
				if r := contrast(th.Color(n, v), bg); r < 4.5 {
					t.Errorf("variant %d: %s on %s = %.2f:1, want 4.5:1", v, n, bn, r)
				}
			}
		}
	}
}

// The coach's light, dark or system choice applies at once and is kept.
func TestAppearanceChoice(t *testing.T) {
	tu := newTestUI(t)
	s := tu.openSettings()
	s.appearance.SetSelected("Dark")
	if tu.prefs.Appearance() != AppearanceDark {
		t.Fatalf("appearance stored as %q", tu.prefs.Appearance())
	}
	bg := tu.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight)
	if relLuminance(bg) > 0.2 {
		t.Fatal("the dark choice did not make the background dark")
	}
	s.appearance.SetSelected("Light")
	bg = tu.app.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark)
	if relLuminance(bg) < 0.8 {
		t.Fatal("the light choice did not make the background light")
	}
	if s.dirty() {
		t.Fatal("the appearance made the profile look unsaved")
	}
}

// TestPlaceholderUnlikeText: in the light theme the example text of an
// empty field is clearly lighter than typed text (a coach read a hint as a
// phone number she had typed).
func TestPlaceholderUnlikeText(t *testing.T) {
	th := newThemeFor(AppearanceLight)
	lum := func(c color.Color) float64 {
		r, g, b, _ := c.RGBA()
		return (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xffff
	}
	fg := lum(th.Color(theme.ColorNameForeground, theme.VariantLight))
	ph := lum(th.Color(theme.ColorNamePlaceHolder, theme.VariantLight))
	if ph-fg < 0.1 {
		t.Errorf("placeholder luminance %.2f is too close to text %.2f", ph, fg)
	}
}
