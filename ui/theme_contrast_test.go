package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The places a coach found text hard to read: words on the tinted strips
// (referral banner, carried-over and re-tested strips), words on buttons
// and menus, and the small caption text. Each pair reads at 4.5:1 or
// better in the light and the dark theme, with the light or dark choice
// forced as in Settings.
func TestThemeContrastWhereTextSits(t *testing.T) {
	for _, appearance := range []string{AppearanceLight, AppearanceDark} {
		th := newThemeFor(appearance)
		v := theme.VariantLight // ignored: the choice is forced
		col := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
		bg := col(theme.ColorNameBackground)
		tint := func(n fyne.ThemeColorName, a uint8) color.Color { return over(withAlpha(col(n), a), bg) }
		pairs := []struct {
			what     string
			text, on color.Color
		}{
			{"referral banner words", col(theme.ColorNameError), tint(theme.ColorNameError, 0x30)},
			{"carried-over strip words", col(theme.ColorNameWarning), tint(theme.ColorNameWarning, 0x30)},
			{"carried-over strip, plain words", col(theme.ColorNameForeground), tint(theme.ColorNameWarning, 0x30)},
			{"re-tested strip words", col(theme.ColorNameSuccess), tint(theme.ColorNameSuccess, 0x20)},
			{"faint words on the background", col(theme.ColorNameDisabled), bg},
			{"faint words on a field", col(theme.ColorNameDisabled), col(theme.ColorNameInputBackground)},
			{"placeholder in a field", col(theme.ColorNamePlaceHolder), col(theme.ColorNameInputBackground)},
			{"words on a plain button", col(theme.ColorNameForeground), over(col(theme.ColorNameButton), bg)},
			{"words on the important button", col(theme.ColorNameForegroundOnPrimary), col(theme.ColorNamePrimary)},
			{"words on a red button", col(theme.ColorNameForegroundOnError), col(theme.ColorNameError)},
			{"words on a menu", col(theme.ColorNameForeground), over(col(theme.ColorNameMenuBackground), bg)},
			{"words in a dialog", col(theme.ColorNameForeground), over(col(theme.ColorNameOverlayBackground), bg)},
			{"disabled button words", col(theme.ColorNameDisabled), over(col(theme.ColorNameDisabledButton), bg)},
			{"words on a focused field or button", col(theme.ColorNameForeground), over(col(theme.ColorNameFocus), over(col(theme.ColorNameButton), bg))},
			{"words on a selected list row", col(theme.ColorNameForeground), over(col(theme.ColorNameSelection), bg)},
			{"words on a hovered row", col(theme.ColorNameForeground), over(col(theme.ColorNameHover), bg)},
		}
		for _, p := range pairs {
			if r := contrast(p.text, p.on); r < 4.5 {
				t.Errorf("%s theme: %s at %.2f:1, want 4.5:1", appearance, p.what, r)
			}
		}
		if s := th.Size(theme.SizeNameCaptionText); s < 12 {
			t.Errorf("%s theme: small text is %v, too small to read at arm's length; want at least 12", appearance, s)
		}
	}
}
