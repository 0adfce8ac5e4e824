package ui

import "fyne.io/fyne/v2"

// Preference keys. Every preference Keel keeps is named here, and read and
// written only through Prefs.
const (
	prefShowArchived  = "clients.show_archived"
	prefDiastasisUnit = "assessment.diastasis_unit"
	prefCoachName     = "coach.name"
	prefBusiness      = "coach.business"
	prefContact       = "coach.contact"
	prefLogoPath      = "coach.logo_path"
	prefAccent        = "coach.accent"
	prefPaper         = "handout.paper"
	prefLastExportDir = "handout.last_dir"
)

// Diastasis width units.
const (
	UnitFingers = "fingers"
	UnitMM      = "mm"
)

// Prefs is the typed wrapper over Fyne's preferences.
type Prefs struct{ p fyne.Preferences }

// NewPrefs wraps p.
func NewPrefs(p fyne.Preferences) Prefs { return Prefs{p} }

// ShowArchived reports whether archived clients are listed.
func (p Prefs) ShowArchived() bool { return p.p.BoolWithFallback(prefShowArchived, false) }

// SetShowArchived stores the archived toggle.
func (p Prefs) SetShowArchived(v bool) { p.p.SetBool(prefShowArchived, v) }

// DiastasisUnit is "fingers" (default) or "mm".
func (p Prefs) DiastasisUnit() string {
	if p.p.StringWithFallback(prefDiastasisUnit, UnitFingers) == UnitMM {
		return UnitMM
	}
	return UnitFingers
}

// SetDiastasisUnit stores the unit for new diastasis measurements.
func (p Prefs) SetDiastasisUnit(v string) { p.p.SetString(prefDiastasisUnit, v) }

// CoachName is the coach's name on handouts.
func (p Prefs) CoachName() string { return p.p.String(prefCoachName) }

// SetCoachName stores the coach's name.
func (p Prefs) SetCoachName(v string) { p.p.SetString(prefCoachName, v) }

// Business is the business name on handouts.
func (p Prefs) Business() string { return p.p.String(prefBusiness) }

// SetBusiness stores the business name.
func (p Prefs) SetBusiness(v string) { p.p.SetString(prefBusiness, v) }

// Contact is the contact line on handouts.
func (p Prefs) Contact() string { return p.p.String(prefContact) }

// SetContact stores the contact line.
func (p Prefs) SetContact(v string) { p.p.SetString(prefContact, v) }

// LogoPath is the file of the coach's logo, or "".
func (p Prefs) LogoPath() string { return p.p.String(prefLogoPath) }

// SetLogoPath stores the logo's file.
func (p Prefs) SetLogoPath(v string) { p.p.SetString(prefLogoPath, v) }

// Accent is the handout accent colour as #rrggbb.
func (p Prefs) Accent() string { return p.p.StringWithFallback(prefAccent, "#0f6e6e") }

// SetAccent stores the accent colour.
func (p Prefs) SetAccent(v string) { p.p.SetString(prefAccent, v) }

// Paper is "A4" (default) or "Letter".
func (p Prefs) Paper() string {
	if p.p.StringWithFallback(prefPaper, "A4") == "Letter" {
		return "Letter"
	}
	return "A4"
}

// SetPaper stores the paper size.
func (p Prefs) SetPaper(v string) { p.p.SetString(prefPaper, v) }

// LastExportDir is the folder the last handout was saved in.
func (p Prefs) LastExportDir() string { return p.p.String(prefLastExportDir) }

// SetLastExportDir stores the export folder.
func (p Prefs) SetLastExportDir(v string) { p.p.SetString(prefLastExportDir, v) }
