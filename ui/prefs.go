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
	prefStudioURL     = "studio.url"
	prefStudioName    = "studio.coach_name"
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

// StudioURL is the studio database this computer opens when no -db or
// KEEL_DB is given ("" for the local file). It never holds a password.
func (p Prefs) StudioURL() string { return p.p.String(prefStudioURL) }

// SetStudioURL stores the studio database address.
func (p Prefs) SetStudioURL(v string) { p.p.SetString(prefStudioURL, v) }

// StudioName is the coach's name in the studio, recorded with what she
// saves; "" means the name in the profile.
func (p Prefs) StudioName() string { return p.p.String(prefStudioName) }

// SetStudioName stores the coach's name in the studio.
func (p Prefs) SetStudioName(v string) { p.p.SetString(prefStudioName, v) }
