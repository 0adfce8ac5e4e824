// Package ui is Keel's desktop interface, built with Fyne. It depends only on
// the domain (package assessment) through the Services struct, so tests can
// hand it a real temporary database or fakes.
package ui

import (
	"context"
	"log"
	"reflect"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// Services are the domain services the screens use.
type Services struct {
	Clients    assessment.ClientService
	Records    assessment.RecordService
	Programmes assessment.ProgrammeService
	Exercises  assessment.ExerciseService
	Profiles   assessment.ProfileService
	// Library is the built-in exercise library.
	Library *assessment.Library
	// LoadSamples fills the database with sample clients (the empty state's
	// "Load sample clients"). Optional.
	LoadSamples func(ctx context.Context) error
	// DBPath is shown in the window title and the About box.
	DBPath string
	// Data backs up, restores, exports and imports the data file (the
	// "Your data" screen, ui/data.go). Optional.
	Data *DataActions
	// SessionLogs, Exports and Due serve the progress screens (timeline,
	// session log, due list). Optional: a nil service hides what needs it.
	SessionLogs assessment.SessionLogService
	Exports     assessment.ExportLog
	Due         assessment.DueService
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Studio tests a studio database address for the settings screen and
	// says which database is open (ui/settings.go). Optional.
	Studio *StudioActions
}

func (s Services) today() assessment.Date {
	if s.Now != nil {
		return assessment.DateOf(s.Now())
	}
	return assessment.DateOf(time.Now())
}

// UI is Keel's main window and its screens.
type UI struct {
	app   fyne.App
	win   fyne.Window
	svc   Services
	prefs Prefs

	home *homeScreen
	// clientSections build the panels shown under a client's details (her
	// assessments, programmes); each screen registers its own.
	clientSections []func(*assessment.Client) fyne.CanvasObject
	// openProgramme opens the programme editor for a saved assessment.
	openProgramme func(*assessment.Client, *assessment.Record)

	// screens is the navigation stack: the home screen at the bottom, the
	// screen the coach sees on top. editors runs beside it: the screen's
	// unsaved-changes handler, or nil where the screen edits nothing.
	screens []fyne.CanvasObject
	editors []editor
	// current is the open assessment screen, if any (tests reach it here).
	current *assessmentScreen
	// programme is the programme screen on top, if any, for Ctrl+P.
	programme *programmeScreen
	// settings is the open settings screen, for tests.
	settings *settingsScreen
	// revealed is the field revealFocus last scrolled into view.
	revealed fyne.Focusable
}

// StartSize is the main window's size when it first opens.
var StartSize = fyne.NewSize(1000, 660)

// New builds the main window. Call ShowAndRun on the result's Window, or
// Run.
func New(a fyne.App, svc Services) *UI {
	u := &UI{app: a, svc: svc, prefs: NewPrefs(a.Preferences())}
	a.Settings().SetTheme(newThemeFor(u.prefs.Appearance()))
	u.win = a.NewWindow(lang.L("Keel"))
	// The first size fits the smallest screen Keel is laid out for
	// (1024×700, a small laptop): opened larger there, the right-hand
	// buttons and fields started off-screen.
	u.win.Resize(StartSize)
	u.win.SetMaster()
	u.home = newHomeScreen(u)
	u.clientSections = append(u.clientSections, u.assessmentList, u.programmeList, u.phaseSection)
	u.openProgramme = u.onCreateProgramme
	u.pushScreen(u.home.content())
	u.addShortcuts()
	u.win.SetCloseIntercept(u.onClose)
	// The desktop app, not the test driver (tests call revealFocus
	// themselves, so no timer races them).
	if _, desktopApp := a.(desktop.App); desktopApp {
		u.watchFocus()
	}
	return u
}

// revealEvery is how often the window checks that the focused field is
// in view: Fyne has no focus-change event, and Tab moves the focus inside
// the driver, so the check runs on a short timer (a comparison of two
// pointers until the focus moves).
const revealEvery = 50 * time.Millisecond

// watchFocus keeps the focused field in view until the app quits.
func (u *UI) watchFocus() {
	go func() {
		t := time.NewTicker(revealEvery)
		defer t.Stop()
		for range t.C {
			fyne.DoAndWait(u.revealFocus)
		}
	}()
}

// revealFocus scrolls the form the coach sees so that the focused field
// is inside its view: tabbing through a long form never leaves the cursor
// off-screen.
func (u *UI) revealFocus() {
	f := u.win.Canvas().Focused()
	if f == u.revealed {
		return
	}
	u.revealed = f
	o, ok := f.(fyne.CanvasObject)
	if !ok || f == nil {
		return
	}
	for _, sc := range u.formScrolls() {
		if revealIn(sc, o) {
			return
		}
	}
}

// formScrolls are the scrolling forms of the screen the coach sees.
func (u *UI) formScrolls() []*container.Scroll {
	switch {
	case len(u.win.Canvas().Overlays().List()) > 0:
		return nil // a dialog has the keyboard
	case u.atHome():
		return []*container.Scroll{u.home.detail.scroll}
	case u.onAssessment() != nil:
		return []*container.Scroll{u.current.scroll}
	case u.programmeOnTop() != nil:
		p := u.programmeOnTop()
		return []*container.Scroll{p.daysScroll, p.sideScroll}
	}
	return nil
}

// revealIn scrolls sc so that o, when it lies in sc's content, is inside
// the view with a margin, and reports whether o was in sc.
func revealIn(sc *container.Scroll, o fyne.CanvasObject) bool {
	if sc == nil || sc.Content == nil || !sc.Visible() {
		return false
	}
	if !inContent(sc, o) {
		return false
	}
	d := fyne.CurrentApp().Driver()
	content := d.AbsolutePositionForObject(sc.Content)
	pos := d.AbsolutePositionForObject(o)
	size := o.Size()
	margin := theme.Padding() * 4
	top := pos.Y - content.Y // o's place in the content
	h := sc.Size().Height
	off := sc.Offset.Y
	if top >= off && top+size.Height <= off+h {
		return true // wholly in view (a field clicked near the edge stays put)
	}
	switch {
	case top-margin < off:
		off = top - margin
	case top+size.Height+margin > off+h:
		off = top + size.Height + margin - h
		if size.Height+2*margin > h {
			off = top - margin // taller than the view: show its start
		}
	default:
		return true
	}
	sc.ScrollToOffset(fyne.NewPos(sc.Offset.X, max(off, 0)))
	return true
}

// inContent reports whether o lies in sc's content: whether it moves when
// the content moves. (A field inside a widget, such as one answer of a
// radio group, cannot be found by walking containers, and the header above
// a scrolled form overlaps the content's scrolled-away part.)
func inContent(sc *container.Scroll, o fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	before := d.AbsolutePositionForObject(o)
	at := sc.Content.Position()
	sc.Content.Move(at.AddXY(0, 1))
	after := d.AbsolutePositionForObject(o)
	sc.Content.Move(at)
	return after.Y != before.Y
}

// Window returns the main window.
func (u *UI) Window() fyne.Window { return u.win }

// Run shows the window and runs the app until it quits.
func (u *UI) Run() { u.win.ShowAndRun() }

// editor is a screen that can hold changes the coach has not saved yet:
// Ctrl+S saves it, and leaving or closing the window asks first.
type editor interface {
	dirty() bool
	onSave() bool
}

func (u *UI) atHome() bool { return len(u.screens) <= 1 }

// topEditor is the editor of the screen the coach sees (the client form on
// the home screen), or nil.
func (u *UI) topEditor() editor {
	if u.atHome() {
		return u.home.detail
	}
	return u.editors[len(u.editors)-1]
}

// shortcut is one keyboard shortcut of the window and what it does.
type shortcut struct {
	label string
	key   fyne.KeyName
	do    func()
}

// shortcuts are the window's shortcuts. New client and search act on the
// home screen only: underneath another screen they would change what the
// coach cannot see.
func (u *UI) shortcuts() []shortcut {
	return []shortcut{
		{lang.L("New client"), fyne.KeyN, func() {
			if u.atHome() {
				u.home.onNew()
			}
		}},
		{lang.L("Find a client"), fyne.KeyF, func() {
			if u.atHome() {
				u.home.focusSearch()
			}
		}},
		{lang.L("Save"), fyne.KeyS, u.onSaveShortcut},
		{lang.L("Next section of the assessment"), fyne.KeyPageDown, func() {
			if s := u.onAssessment(); s != nil {
				s.nextSection()
			}
		}},
		{lang.L("Previous section of the assessment"), fyne.KeyPageUp, func() {
			if s := u.onAssessment(); s != nil {
				s.previousSection()
			}
		}},
		{lang.L("Print the handout (PDF)"), fyne.KeyP, func() {
			if u.programme != nil && !u.atHome() && u.screens[len(u.screens)-1] == u.programme.root {
				u.programme.onExport()
			}
		}},
	}
}

// onAssessment is the assessment screen the coach sees, or nil.
func (u *UI) onAssessment() *assessmentScreen {
	if u.current == nil || u.atHome() || u.screens[len(u.screens)-1] != u.current.root {
		return nil
	}
	return u.current
}

// addShortcuts registers the shortcuts twice: in the window's menu, which
// the desktop driver consults before the focused widget, so they work while
// the coach is typing in any field; and on the canvas, for when nothing has
// focus. A shortcut is ignored while a dialog is open over the window.
func (u *UI) addShortcuts() {
	c := u.win.Canvas()
	var items []*fyne.MenuItem
	for _, sc := range u.shortcuts() {
		do := sc.do
		guarded := func() {
			if len(c.Overlays().List()) == 0 {
				do()
			}
		}
		key := &desktop.CustomShortcut{KeyName: sc.key, Modifier: fyne.KeyModifierShortcutDefault}
		it := fyne.NewMenuItem(sc.label, guarded)
		it.Shortcut = key
		items = append(items, it)
		c.AddShortcut(key, func(fyne.Shortcut) { guarded() })
	}
	items = append(items, fyne.NewMenuItemSeparator())
	items = append(items, u.undoMenuItems()...)
	u.win.SetMainMenu(fyne.NewMainMenu(fyne.NewMenu(lang.L("Keel"), items...)))
	c.SetOnTypedKey(u.onTypedKey)
}

// undoMenuItems are Undo and Redo in the window's menu, acting on the
// programme the coach sees. The menu answers Ctrl+Z before any field, so
// when no programme is on top, or a dialog is open over it, the key goes
// on to the focused field, whose own typing it undoes.
func (u *UI) undoMenuItems() []*fyne.MenuItem {
	c := u.win.Canvas()
	act := func(sc fyne.Shortcut, step func(*programmeScreen), other func(undoer)) func() {
		return func() {
			if p := u.programmeOnTop(); p != nil && len(c.Overlays().List()) == 0 {
				step(p)
				return
			}
			if un := u.undoerOnTop(); un != nil {
				other(un)
				return
			}
			if f, ok := c.Focused().(fyne.Shortcutable); ok {
				f.TypedShortcut(sc)
			}
		}
	}
	undo := fyne.NewMenuItem(lang.L("Undo the last edit"), act(&fyne.ShortcutUndo{}, (*programmeScreen).onUndo, undoer.onUndo))
	undo.Shortcut = &fyne.ShortcutUndo{}
	redoKey := &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	redo := fyne.NewMenuItem(lang.L("Redo the edit"), act(redoKey, (*programmeScreen).onRedo, undoer.onRedo))
	redo.Shortcut = redoKey
	return []*fyne.MenuItem{undo, redo}
}

// programmeOnTop is the programme screen the coach sees, or nil.
func (u *UI) programmeOnTop() *programmeScreen {
	if u.programme != nil && !u.atHome() && u.screens[len(u.screens)-1] == u.programme.root {
		return u.programme
	}
	return nil
}

// onTypedKey gets the keys no widget took: Enter confirms and Escape
// cancels the dialog on top.
func (u *UI) onTypedKey(ev *fyne.KeyEvent) {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		if ev.Name == fyne.KeyEscape && !u.atHome() {
			u.pressBack() // Escape goes back, as the screen's Back button does
		}
		return
	}
	var buttons []*widget.Button
	collectButtons(top, &buttons)
	var pick *widget.Button
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		for _, b := range buttons {
			if b.Importance == widget.HighImportance && !b.Disabled() && b.Visible() {
				pick = b
			}
		}
	case fyne.KeyEscape:
		for _, b := range buttons {
			switch b.Text {
			case lang.L("Cancel"), lang.L("No"), lang.L("Close"), lang.L("Back"):
				pick = b
			}
		}
	default:
		return
	}
	if pick == nil && len(buttons) == 1 {
		pick = buttons[0] // a message with one button: OK
	}
	if pick != nil && pick.OnTapped != nil && !pick.Disabled() {
		pick.OnTapped()
	}
}

// pressBack presses the Back button of the screen on top, so Escape asks
// about unsaved changes exactly as Back does.
func (u *UI) pressBack() {
	var buttons []*widget.Button
	collectButtons(u.screens[len(u.screens)-1], &buttons)
	for _, b := range buttons {
		switch b.Text {
		case lang.L("Back"), lang.L("Back to client"):
			if b.OnTapped != nil && !b.Disabled() {
				b.OnTapped()
			}
			return
		}
	}
}

// collectButtons gathers the visible buttons under o.
func collectButtons(o fyne.CanvasObject, out *[]*widget.Button) {
	if o == nil || !o.Visible() {
		return
	}
	switch w := o.(type) {
	case *widget.Button:
		*out = append(*out, w)
		return
	case *fyne.Container:
		for _, c := range w.Objects {
			collectButtons(c, out)
		}
		return
	case *widget.PopUp:
		collectButtons(w.Content, out)
	default:
		// The overlay holding a dialog is one of Fyne's internal widgets;
		// like a pop-up it keeps what it shows in its Content field.
		v := reflect.ValueOf(o)
		if v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
			if f := v.Elem().FieldByName("Content"); f.IsValid() && f.CanInterface() {
				if c, ok := f.Interface().(fyne.CanvasObject); ok {
					collectButtons(c, out)
				}
			}
		}
	}
}

// onClose asks before closing when any open screen holds unsaved changes.
func (u *UI) onClose() {
	var dirty []editor
	for _, e := range append([]editor{u.home.detail}, u.editors...) {
		if e != nil && e.dirty() {
			dirty = append(dirty, e)
		}
	}
	if len(dirty) == 0 {
		u.win.Close()
		return
	}
	u.askUnsaved(lang.L("Some changes are not saved yet."), func(save bool) {
		for _, e := range dirty {
			if save && !e.onSave() {
				return // the messages are on screen; the window stays open
			}
		}
		u.win.Close()
	}, nil)
}

// confirmDiscard asks what to do with the client form's unsaved changes:
// then(true) to save first, then(false) to discard. Cancel calls nothing.
func (u *UI) confirmDiscard(then func(save bool)) {
	u.askUnsaved(lang.L("This client has changes that are not saved yet."), then, nil)
}

// askUnsaved is the one unsaved-changes question: Cancel (calls cancel, if
// any), Discard changes (then(false)) or Save (then(true)).
func (u *UI) askUnsaved(msg string, then func(save bool), cancel func()) {
	d := dialog.NewCustomWithoutButtons(lang.L("Unsaved changes"), newWrapLabel(msg), u.win)
	d.SetButtons([]fyne.CanvasObject{
		newButton(lang.L("Cancel"), nil, func() {
			d.Hide()
			if cancel != nil {
				cancel()
			}
		}),
		newButton(lang.L("Discard changes"), nil, func() { d.Hide(); then(false) }),
		newImportantButton(lang.L("Save"), func() { d.Hide(); then(true) }),
	})
	d.Show()
}

// showError shows a domain error in words. Internal causes go to the log,
// never to the coach.
func (u *UI) showError(title string, err error) {
	if err == nil {
		return
	}
	if assessment.ErrorCode(err) == assessment.EINTERNAL {
		log.Printf("keel: %s: %v", title, err)
	}
	dialog.NewInformation(title, assessment.MessageInWords(err), u.win).Show()
}

func ctx() context.Context { return context.Background() }

// pushScreen shows a screen on top of the current one; ed, if given, is
// the screen's unsaved-changes handler.
func (u *UI) pushScreen(o fyne.CanvasObject, ed ...editor) {
	var e editor
	if len(ed) > 0 {
		e = ed[0]
	}
	u.screens = append(u.screens, o)
	u.editors = append(u.editors, e)
	u.win.SetContent(container.NewPadded(o))
	// A screen with a first field gets the keyboard there, so the coach
	// can type (or Tab on) at once without reaching for the mouse.
	if f, ok := e.(interface{ firstField() fyne.Focusable }); ok {
		u.win.Canvas().Focus(f.firstField())
	}
}

// leaveScreen goes back from the screen on top, asking first when it holds
// unsaved changes (Save, Discard, or Cancel to stay): Back never loses a
// half-filled form.
func (u *UI) leaveScreen() {
	e := u.editors[len(u.editors)-1]
	if e == nil || !e.dirty() {
		u.popScreen()
		return
	}
	u.askUnsaved(lang.L("This screen has changes that are not saved yet."), func(save bool) {
		if save && !e.onSave() {
			return // the messages are on screen; the coach stays
		}
		u.popScreen()
	}, nil)
}

// saveFailedReload is saveFailed for a save refused because someone else
// (another coach, another window) saved the same record after it was
// opened: the message names who and when, the coach's edits stay on screen,
// and "Reload the saved version" replaces them with the stored copy when
// she chooses to. Any other error goes to saveFailed.
func (u *UI) saveFailedReload(err error, title string, showFields func(assessment.ValidationErrors), reload func()) bool {
	if assessment.ConflictReason(err) != assessment.ReasonChanged || reload == nil {
		return u.saveFailed(err, title, showFields)
	}
	d := dialog.NewCustomWithoutButtons(title, newWrapLabel(assessment.MessageInWords(err)), u.win)
	d.SetButtons([]fyne.CanvasObject{
		newButton(lang.L("Keep my edits on screen"), nil, func() { d.Hide() }),
		newImportantButton(lang.L("Reload the saved version"), func() { d.Hide(); reload() }),
	})
	d.Show()
	return true
}

// popScreen goes back to the previous screen.
func (u *UI) popScreen() {
	if len(u.screens) > 1 {
		u.screens = u.screens[:len(u.screens)-1]
		u.editors = u.editors[:len(u.editors)-1]
	}
	u.win.SetContent(container.NewPadded(u.screens[len(u.screens)-1]))
	if u.atHome() {
		u.home.detail.reloadSections()
	}
}

// onSaveShortcut saves the screen the coach sees (Ctrl+S).
func (u *UI) onSaveShortcut() {
	if e := u.topEditor(); e != nil {
		e.onSave()
	}
}

// saveFailed shows why a save failed: field messages beside their fields,
// anything else in a dialog titled title. It reports whether err is a
// failure at all.
func (u *UI) saveFailed(err error, title string, showFields func(assessment.ValidationErrors)) bool {
	if err == nil {
		return false
	}
	if fe := assessment.FieldErrors(err); len(fe) > 0 {
		showFields(fe)
		return true
	}
	u.showError(title, err)
	return true
}
