package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// keelTheme wraps the default theme (which follows the system's light or
// dark setting) and changes only the brand colour.
type keelTheme struct{ fyne.Theme }

func newTheme() fyne.Theme { return keelTheme{theme.DefaultTheme()} }

var (
	brandLight = color.NRGBA{R: 0x0f, G: 0x6e, B: 0x6e, A: 0xff}
	brandDark  = color.NRGBA{R: 0x4f, G: 0xb3, B: 0xaf, A: 0xff}
)

func (t keelTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameFocus, theme.ColorNameHyperlink:
		if v == theme.VariantDark {
			return brandDark
		}
		if n == theme.ColorNameFocus {
			return color.NRGBA{R: 0x0f, G: 0x6e, B: 0x6e, A: 0x80}
		}
		return brandLight
	}
	return t.Theme.Color(n, v)
}
