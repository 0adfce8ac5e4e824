// Package assets holds Keel's embedded data: the built-in exercise library,
// the handout fonts and the app icon.
package assets

import (
	_ "embed"
)

// LibraryJSON is the built-in exercise library (see docs/PROGRAMME.md).
//
//go:embed library.json
var LibraryJSON []byte

// FontRegular and FontBold are Noto Sans (SIL Open Font License, see
// fonts/OFL.txt): the face Fyne uses on screen, so the handout matches.
//
//go:embed fonts/NotoSans-Regular.ttf
var FontRegular []byte

// FontBold is the bold face of FontRegular.
//
//go:embed fonts/NotoSans-Bold.ttf
var FontBold []byte

// Icon is the app icon, a 512×512 PNG.
//
//go:embed icon.png
var Icon []byte

// FiguresJSON holds the drawn figure of every built-in exercise: poses set
// by joint angles, with props, working region and movement arrows (read by
// report/figure).
//
//go:embed figures.json
var FiguresJSON []byte
