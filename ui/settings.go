package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/report"
)

// profile returns the coach's stored profile (the zero one when there is
// no profile service or nothing stored yet).
func (u *UI) profile() assessment.Profile {
	if u.svc.Profiles == nil {
		return assessment.Profile{}
	}
	p, err := u.svc.Profiles.Profile(ctx())
	if err != nil {
		u.showError(lang.L("Could not read your profile"), err)
	}
	return p
}

// diastasisUnit is the unit new diastasis widths are entered in.
func (u *UI) diastasisUnit() string {
	if u.profile().DiastasisUnit == UnitMM {
		return UnitMM
	}
	return UnitFingers
}

// settingsScreen edits the coach's profile: her name and brand on every
// handout, the paper size, and how she measures a diastasis.
type settingsScreen struct {
	ui *UI

	coach, business, contact, accent *widget.Entry
	paper, unit, appearance          *widget.Select
	logo                             []byte
	logoView                         *fyne.Container
	swatch                           *canvas.Rectangle
	errs                             map[string]fieldError
	status                           *widget.Label
	orig                             string
	save                             *widget.Button
	root                             fyne.CanvasObject

	// The studio database option, kept on this computer (prefs).
	studioURL, studioName *widget.Entry
	studioTest, studioUse *widget.Button
	studioStatus          *widget.Label
	studioDone            chan struct{} // closed when a connection test ends (tests wait on it)
}

var (
	paperLabels = []string{"A4", "US Letter"}
	unitLabels  = []string{"Finger widths", "Millimetres"}
)

func (u *UI) openSettings() *settingsScreen {
	s := &settingsScreen{ui: u, errs: map[string]fieldError{}}
	p := u.profile()
	entry := func(text, placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		e.SetPlaceHolder(placeholder)
		e.OnSubmitted = func(string) { s.onSave() }
		return e
	}
	s.coach = entry(p.CoachName, lang.L("Your name"))
	s.business = entry(p.Business, lang.L("e.g. Strong Mama Coaching"))
	s.contact = entry(p.Contact, lang.L("Phone, email or website, on one line"))
	s.accent = entry(p.Accent, report.DefaultAccent)
	s.swatch = canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	s.swatch.SetMinSize(fyne.NewSize(36, 36))
	s.swatch.CornerRadius = 4
	s.accent.OnChanged = func(string) { s.updateSwatch() }
	s.paper = widget.NewSelect(paperLabels, nil)
	s.paper.SetSelected(paperLabels[0])
	if p.Paper == report.PaperLetter {
		s.paper.SetSelected(paperLabels[1])
	}
	s.unit = widget.NewSelect(unitLabels, nil)
	s.unit.SetSelected(unitLabels[0])
	if p.DiastasisUnit == UnitMM {
		s.unit.SetSelected(unitLabels[1])
	}
	// The appearance applies at once and is kept on this computer, not in
	// the data file: it is not part of what Save stores.
	appearances := []string{AppearanceSystem, AppearanceLight, AppearanceDark}
	appearanceLabels := []string{lang.L("As the system (light or dark)"), lang.L("Light"), lang.L("Dark")}
	s.appearance = widget.NewSelect(appearanceLabels, func(l string) {
		for i, al := range appearanceLabels {
			if l == al && u.prefs.Appearance() != appearances[i] {
				u.prefs.SetAppearance(appearances[i])
				u.app.Settings().SetTheme(newThemeFor(appearances[i]))
			}
		}
	})
	for i, a := range appearances {
		if u.prefs.Appearance() == a {
			s.appearance.SetSelected(appearanceLabels[i])
		}
	}
	s.logo = p.Logo
	s.logoView = container.NewStack()
	for _, f := range []string{report.FieldCoachName, report.FieldBusiness, report.FieldContact, report.FieldAccent, report.FieldPaper, report.FieldDiastasisUnit, report.FieldLogo} {
		s.errs[f] = newFieldError()
	}
	chooseLogo := newButton(lang.L("Choose logo…"), theme.FileImageIcon(), s.onChooseLogo)
	removeLogo := newButton(lang.L("Remove logo"), theme.DeleteIcon(), func() { s.setLogo(nil) })
	s.status = widget.NewLabel("")
	s.save = newImportantButton(lang.L("Save"), func() { s.onSave() })
	back := newButton(lang.L("Back"), theme.NavigateBackIcon(), s.onBack)

	form := formGrid(
		append(append(append(append(append(append(append(append([]fyne.CanvasObject{},
			fieldRow(lang.L("Coach name"), s.coach, s.errs[report.FieldCoachName])...),
			fieldRow(lang.L("Business name"), s.business, s.errs[report.FieldBusiness])...),
			fieldRow(lang.L("Contact line"), s.contact, s.errs[report.FieldContact])...),
			fieldRow(lang.L("Logo (PNG or JPEG)"), container.NewVBox(container.NewHBox(chooseLogo, removeLogo), s.logoView), s.errs[report.FieldLogo])...),
			fieldRow(lang.L("Accent colour"), container.NewBorder(nil, nil, nil, s.swatch, s.accent), s.errs[report.FieldAccent])...),
			fieldRow(lang.L("Paper size"), s.paper, s.errs[report.FieldPaper])...),
			fieldRow(lang.L("Diastasis width in"), s.unit, s.errs[report.FieldDiastasisUnit])...),
			fieldRow(lang.L("Appearance (this computer)"), s.appearance, newFieldError())...)...)
	if u.svc.Studio != nil {
		form.Add(widget.NewSeparator())
		form.Add(widget.NewSeparator())
		form.Objects = append(form.Objects, s.studioRows()...)
	}
	intro := newWrapLabel(lang.L("These appear on every handout you print. They are kept in your Keel data file, so they move with it."))
	if u.svc.Studio != nil && u.svc.Studio.Shared {
		intro.SetText(lang.L("These appear on every handout printed in your studio. They are kept in the studio database, shared by its coaches."))
	}
	right := container.NewHBox(s.status, s.save)
	if u.svc.Data != nil {
		right.Objects = append([]fyne.CanvasObject{newButton(lang.L("Your data: backups, export…"), theme.StorageIcon(), func() { u.openData() })}, right.Objects...)
	}
	header := container.NewBorder(nil, nil, back, right, newHeading(lang.L("Your profile and handout settings")))
	s.root = container.NewBorder(container.NewVBox(header, intro), nil, nil, nil, container.NewVScroll(form))
	s.updateSwatch()
	s.setLogo(p.Logo)
	s.orig = s.snapshot()
	u.settings = s
	u.pushScreen(s.root, s)
	return s
}

// snapshot is the form as JSON, to tell whether anything changed.
func (s *settingsScreen) snapshot() string {
	b, _ := json.Marshal(s.collect())
	return string(b)
}

func (s *settingsScreen) dirty() bool { return s.snapshot() != s.orig }

// onBack leaves settings, asking first about unsaved changes.
func (s *settingsScreen) onBack() {
	if !s.dirty() {
		s.ui.popScreen()
		return
	}
	s.ui.askUnsaved(lang.L("Your settings have changes that are not saved yet."), func(save bool) {
		if !save || s.onSave() {
			s.ui.popScreen()
		}
	}, nil)
}

func (s *settingsScreen) updateSwatch() {
	txt := strings.TrimSpace(s.accent.Text)
	if txt == "" {
		txt = report.DefaultAccent
	}
	if c, ok := report.ParseAccent(txt); ok {
		s.swatch.FillColor = c
		s.swatch.Refresh()
	}
}

// setLogo shows a preview of the logo, scaled to fit.
func (s *settingsScreen) setLogo(b []byte) {
	s.logo = b
	s.logoView.Objects = nil
	if len(b) > 0 {
		img, _, err := image.Decode(bytes.NewReader(b))
		if err == nil {
			ci := canvas.NewImageFromImage(img)
			ci.FillMode = canvas.ImageFillContain
			ci.SetMinSize(fyne.NewSize(200, 80))
			s.logoView.Add(ci)
		} else {
			s.logoView.Add(widget.NewLabel(lang.L("The file is not an image Keel can read.")))
		}
	} else {
		l := widget.NewLabel(lang.L("No logo: the business name stands alone."))
		l.Importance = widget.LowImportance
		s.logoView.Add(l)
	}
	s.logoView.Refresh()
}

func (s *settingsScreen) onChooseLogo() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, 20<<20))
		if err != nil {
			s.errs[report.FieldLogo].set(lang.L("Keel could not read that file."))
			return
		}
		s.setLogo(b)
		s.errs[report.FieldLogo].set("")
	}, s.ui.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg", ".PNG", ".JPG", ".JPEG"}))
	// Fyne's file dialog builds its content in Show: resizing it first
	// dereferences nil and takes the window down.
	d.Show()
	d.Resize(fyne.NewSize(800, 560))
}

// collect reads the form into a profile.
func (s *settingsScreen) collect() assessment.Profile {
	p := assessment.Profile{
		CoachName: strings.TrimSpace(s.coach.Text), Business: strings.TrimSpace(s.business.Text),
		Contact: strings.TrimSpace(s.contact.Text), Accent: strings.TrimSpace(s.accent.Text), Logo: s.logo,
		Paper: report.PaperA4, DiastasisUnit: UnitFingers,
	}
	if s.paper.Selected == paperLabels[1] {
		p.Paper = report.PaperLetter
	}
	if s.unit.Selected == unitLabels[1] {
		p.DiastasisUnit = UnitMM
	}
	return p
}

// onSave checks the profile as a handout would use it and stores it.
func (s *settingsScreen) onSave() bool {
	p := s.collect()
	err := report.SettingsFrom(p).Validate()
	fe := assessment.FieldErrors(err)
	for f, e := range s.errs {
		e.set(fe.For(f))
	}
	s.root.Refresh()
	if err != nil {
		s.status.SetText("")
		return false
	}
	if s.ui.svc.Profiles == nil {
		s.ui.showError(lang.L("Could not save your profile"), assessment.Errorf(assessment.EINTERNAL, "There is no data file open to keep your profile in."))
		return false
	}
	if err := s.ui.svc.Profiles.SaveProfile(ctx(), p); err != nil {
		s.ui.showError(lang.L("Could not save your profile"), err)
		return false
	}
	s.orig = s.snapshot()
	s.status.Importance = widget.SuccessImportance
	s.status.SetText(lang.L("Saved"))
	return true
}

// StudioActions connect the settings screen's "Studio database" option to
// the storage packages; cmd wires them. The address and the coach's name
// are kept on this computer, never a password.
type StudioActions struct {
	// Current names, in words, the database this window has open.
	Current string
	// Shared is set when that is the studio database: the profile is
	// then the studio's, shared by its coaches.
	Shared bool
	// Check refuses an address Keel must not keep (one with a password
	// in it), saying why; nil when it may be kept.
	Check func(address string) error
	// Test connects to the studio database at address and reports, in
	// words, why it could not (nil: Keel can use it).
	Test func(ctx context.Context, address string) error
}

// studioRows are the form rows of the studio database option.
func (s *settingsScreen) studioRows() []fyne.CanvasObject {
	u := s.ui
	s.studioURL = widget.NewEntry()
	s.studioURL.SetPlaceHolder("postgres://sam@studio-server:5432/keel")
	s.studioURL.SetText(u.prefs.StudioURL())
	s.studioName = widget.NewEntry()
	s.studioName.SetPlaceHolder(lang.L("As in your profile"))
	s.studioName.SetText(u.prefs.StudioName())
	s.studioStatus = newWrapLabel("")
	s.studioTest = newButton(lang.L("Test connection"), theme.ViewRefreshIcon(), s.onStudioTest)
	s.studioUse = newButton(lang.L("Use on this computer"), theme.ConfirmIcon(), s.onStudioUse)
	about := newWrapLabel(lang.L("Several coaches can share one client list through a PostgreSQL database your studio runs on its own network; nothing is sent anywhere else. "+
		"Leave the address empty to keep using the file on this computer. If the server asks for a password, put it in your .pgpass file: Keel does not keep passwords.") +
		"\n" + fmt.Sprintf(lang.L("Open now: %s"), u.svc.Studio.Current))
	return append(append(append([]fyne.CanvasObject{
		newHeading(lang.L("Studio database")), about},
		fieldRow(lang.L("Studio database address"), s.studioURL, newFieldError())...),
		fieldRow(lang.L("Your name in the studio"), s.studioName, newFieldError())...),
		widget.NewLabel(""), container.NewVBox(container.NewHBox(s.studioTest, s.studioUse), s.studioStatus))
}

// studioSay shows msg under the studio buttons, marked as good news or not.
func (s *settingsScreen) studioSay(msg string, ok bool) {
	s.studioStatus.Importance = widget.DangerImportance
	if ok {
		s.studioStatus.Importance = widget.SuccessImportance
	}
	s.studioStatus.SetText(msg)
}

// onStudioTest connects to the address off the window's goroutine and
// says, in words, whether Keel can use it.
func (s *settingsScreen) onStudioTest() {
	addr := strings.TrimSpace(s.studioURL.Text)
	done := make(chan struct{})
	s.studioDone = done
	if addr == "" {
		s.studioSay(lang.L("Write the studio database address first (it starts with postgres://)."), false)
		close(done)
		return
	}
	if err := s.ui.svc.Studio.Check(addr); err != nil {
		s.studioSay(assessment.ErrorMessage(err), false)
		close(done)
		return
	}
	s.studioSay(lang.L("Connecting…"), true)
	s.studioTest.Disable()
	go func() {
		err := s.ui.svc.Studio.Test(ctx(), addr)
		fyne.Do(func() {
			defer close(done)
			s.studioTest.Enable()
			if err != nil {
				s.studioSay(assessment.ErrorMessage(err), false)
				return
			}
			s.studioSay(lang.L("Connected: Keel can use this studio database."), true)
		})
	}()
}

// onStudioUse keeps the address and name on this computer; the next start
// opens the studio database (or, with no address, the local file).
func (s *settingsScreen) onStudioUse() {
	addr := strings.TrimSpace(s.studioURL.Text)
	if addr != "" {
		if err := s.ui.svc.Studio.Check(addr); err != nil {
			s.studioSay(assessment.ErrorMessage(err), false)
			return
		}
	}
	s.ui.prefs.SetStudioURL(addr)
	s.ui.prefs.SetStudioName(strings.TrimSpace(s.studioName.Text))
	if addr == "" {
		s.studioSay(lang.L("Saved. Keel will open the file on this computer the next time it starts."), true)
		return
	}
	s.studioSay(lang.L("Saved. Keel will open the studio database the next time it starts; the file on this computer stays as it is."), true)
}
