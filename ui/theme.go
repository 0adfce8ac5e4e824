package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// keelTheme wraps the default theme and changes the brand colour and the
// text colours that read too faintly. It follows the system's light or
// dark setting unless the coach chose one (Settings, Appearance).
type keelTheme struct {
	fyne.Theme
	forced  bool
	variant fyne.ThemeVariant
}

func newTheme() fyne.Theme { return keelTheme{Theme: theme.DefaultTheme()} }

// newThemeFor is the theme for an appearance choice.
func newThemeFor(appearance string) fyne.Theme {
	switch appearance {
	case AppearanceLight:
		return keelTheme{Theme: theme.DefaultTheme(), forced: true, variant: theme.VariantLight}
	case AppearanceDark:
		return keelTheme{Theme: theme.DefaultTheme(), forced: true, variant: theme.VariantDark}
	}
	return newTheme()
}

var (
	brandLight = color.NRGBA{R: 0x0f, G: 0x6e, B: 0x6e, A: 0xff}
	brandDark  = color.NRGBA{R: 0x4f, G: 0xb3, B: 0xaf, A: 0xff}
)

func (t keelTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.forced {
		v = t.variant
	}
	switch n {
	case theme.ColorNameFocus:
		// A tint, not a fill: the words on a focused button or select
		// must still read at 4.5:1 (a solid teal left them at 2.3:1).
		if v == theme.VariantDark {
			return color.NRGBA{R: 0x4f, G: 0xb3, B: 0xaf, A: 0x50}
		}
		return color.NRGBA{R: 0x0f, G: 0x6e, B: 0x6e, A: 0x40}
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		if v == theme.VariantDark {
			return brandDark
		}
		return brandLight
	}
	if c, ok := readable[v][n]; ok {
		return c
	}
	return t.Theme.Color(n, v)
}

// readable are text colours chosen to read at 4.5:1 or better on the
// background and on input fields (TestThemeTextContrast): the defaults for
// faint text, placeholders and the warning, error and success words are
// too pale on a light background, and faint text too dark on a dark one.
var readable = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		// Her words near-black, and the example text in an empty field
		// clearly lighter: a coach read a grey placeholder phone number
		// as one typed in (Fyne's #565656 text beside a #5c5c5c hint).
		theme.ColorNameForeground:  color.NRGBA{R: 0x1c, G: 0x1c, B: 0x1c, A: 0xff},
		theme.ColorNameDisabled:    color.NRGBA{R: 0x5c, G: 0x5c, B: 0x5c, A: 0xff},
		theme.ColorNamePlaceHolder: color.NRGBA{R: 0x6b, G: 0x6b, B: 0x6b, A: 0xff},
		theme.ColorNameError:       color.NRGBA{R: 0xb7, G: 0x1c, B: 0x1c, A: 0xff},
		theme.ColorNameWarning:     color.NRGBA{R: 0x8a, G: 0x4b, B: 0x00, A: 0xff},
		theme.ColorNameSuccess:     color.NRGBA{R: 0x1e, G: 0x6b, B: 0x24, A: 0xff},
	},
	theme.VariantDark: {
		theme.ColorNameDisabled: color.NRGBA{R: 0x9e, G: 0x9e, B: 0x9e, A: 0xff},
		theme.ColorNameError:    color.NRGBA{R: 0xff, G: 0x6f, B: 0x66, A: 0xff},
		// White on the light teal of the dark theme read at 2.5:1 on Save
		// and Create: dark words instead.
		theme.ColorNameForegroundOnPrimary: color.NRGBA{R: 0x0b, G: 0x1f, B: 0x1f, A: 0xff},
	},
}

// captionSize is the small text (evidence lines, hints, counts): the
// default 11 was too small to read at arm's length on a laptop beside the
// mat.
const captionSize = 12

// Size changes only the small text.
func (t keelTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameCaptionText {
		return captionSize
	}
	return t.Theme.Size(n)
}
