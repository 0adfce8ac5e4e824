package ui

import (
	"fyne.io/fyne/v2"
	"github.com/keel-coach/keel/assessment"
)

// Preference keys. Every preference Keel keeps is named here, and read and
// written only through Prefs.
const (
	prefShowArchived  = "clients.show_archived"
	prefLastExportDir = "handout.last_dir"
	prefAppearance    = "window.appearance"
)

// Appearances: follow the system's light or dark setting, or always one.
const (
	AppearanceSystem = "system"
	AppearanceLight  = "light"
	AppearanceDark   = "dark"
)

// Diastasis width units (as stored in the coach's profile): the domain's.
const (
	UnitFingers = assessment.UnitFingers
	UnitMM      = assessment.UnitMM
)

// Prefs is the typed wrapper over Fyne's preferences.
type Prefs struct{ p fyne.Preferences }

// NewPrefs wraps p.
func NewPrefs(p fyne.Preferences) Prefs { return Prefs{p} }

// ShowArchived reports whether archived clients are listed.
func (p Prefs) ShowArchived() bool { return p.p.BoolWithFallback(prefShowArchived, false) }

// SetShowArchived stores the archived toggle.
func (p Prefs) SetShowArchived(v bool) { p.p.SetBool(prefShowArchived, v) }

// Appearance is the chosen theme: AppearanceSystem unless set.
func (p Prefs) Appearance() string {
	switch v := p.p.String(prefAppearance); v {
	case AppearanceLight, AppearanceDark:
		return v
	}
	return AppearanceSystem
}

// SetAppearance stores the theme choice.
func (p Prefs) SetAppearance(v string) { p.p.SetString(prefAppearance, v) }

// LastExportDir is the folder the last handout was saved in.
func (p Prefs) LastExportDir() string { return p.p.String(prefLastExportDir) }

// SetLastExportDir stores the export folder.
func (p Prefs) SetLastExportDir(v string) { p.p.SetString(prefLastExportDir, v) }
