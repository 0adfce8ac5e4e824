package ui

import (
	"fmt"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// StartupActions are what the start-up problem window offers. cmd wires
// them; each opens the main window itself when it succeeds.
type StartupActions struct {
	// LatestBackup is the newest automatic backup of the file, "" when
	// there is none; LatestBackupDate is its day.
	LatestBackup     string
	LatestBackupDate assessment.Date
	// RestoreLatest puts LatestBackup in place of the file, which is kept
	// unchanged under another name, and opens Keel on the result.
	RestoreLatest func() error
	// OpenOther opens Keel on another database file.
	OpenOther func(path string) error
}

// StartupError is the window Keel shows instead of its main window when
// its data file cannot be opened: cut off, not a database, from a newer
// Keel, or not readable by this user. It names the file and the problem,
// and offers to restore the latest automatic backup or to open another
// file. It never changes the file itself.
type StartupError struct {
	app  fyne.App
	win  fyne.Window
	path string
	act  StartupActions

	message, file, backup *widget.Label
	restore, choose, quit *widget.Button
}

// NewStartupError builds the window for the database at path that failed
// to open with err. Show it with Window().ShowAndRun().
func NewStartupError(a fyne.App, path string, err error, act StartupActions) *StartupError {
	if assessment.ErrorCode(err) == assessment.EINTERNAL {
		log.Printf("keel: opening %s: %v", path, err)
	}
	a.Settings().SetTheme(newTheme())
	s := &StartupError{app: a, path: path, act: act}
	s.win = a.NewWindow(lang.L("Keel cannot open its data file"))
	title := newHeading(lang.L("Keel cannot open its data file"))
	s.message = newWrapLabel(assessment.ErrorMessage(err))
	s.file = newWrapLabel(fmt.Sprintf(lang.L("File: %s"), path))
	s.file.Wrapping = fyne.TextWrapBreak
	s.file.TextStyle = fyne.TextStyle{Monospace: true}
	safe := newWrapLabel(lang.L("Keel has not changed or deleted this file. If you restore a backup, the file is kept as it is, under a new name in the backup folder, so nothing is lost."))

	s.restore = newImportantButton(lang.L("Restore the latest backup"), s.onRestore)
	s.restore.Icon = theme.HistoryIcon()
	s.choose = newButton(lang.L("Choose another file…"), theme.FolderOpenIcon(), s.onChoose)
	s.quit = newButton(lang.L("Quit"), nil, s.onQuit)
	s.backup = newWrapLabel("")
	if act.LatestBackup == "" || act.RestoreLatest == nil {
		s.restore.Disable()
		s.choose.Importance = widget.HighImportance
		s.backup.SetText(lang.L("There is no automatic backup of this file to restore."))
	} else {
		s.restore.SetText(fmt.Sprintf(lang.L("Restore the backup of %s"), act.LatestBackupDate.Time().Format("2 January 2006")))
		s.backup.SetText(fmt.Sprintf(lang.L("Latest automatic backup: %s"), act.LatestBackup))
		s.backup.Wrapping = fyne.TextWrapBreak
		s.backup.Importance = widget.LowImportance
	}
	if act.OpenOther == nil {
		s.choose.Disable()
	}

	body := container.NewVBox(title, s.message, s.file, widget.NewSeparator(), safe, s.backup)
	buttons := container.NewHBox(s.quit, layoutSpacer(), s.choose, s.restore)
	s.win.SetContent(container.NewPadded(container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(body))))
	s.win.Resize(fyne.NewSize(640, 380))
	return s
}

// Window returns the window.
func (s *StartupError) Window() fyne.Window { return s.win }

// onRestore restores the latest backup and, when that worked, leaves the
// stage to the main window.
func (s *StartupError) onRestore() {
	if err := s.act.RestoreLatest(); err != nil {
		s.showError(lang.L("Could not restore the backup"), err)
		return
	}
	s.win.Close()
}

func (s *StartupError) onChoose() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := localPath(r.URI())
		_ = r.Close()
		s.openPath(path)
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".sqlite", ".sqlite3"}))
	d.Show() // the file dialog builds its content in Show: resize after
	d.Resize(fyne.NewSize(620, 420))
}

// openPath opens Keel on the file at path, or says why it cannot.
func (s *StartupError) openPath(path string) {
	if err := s.act.OpenOther(path); err != nil {
		s.showError(lang.L("Keel cannot open that file either"), err)
		return
	}
	s.win.Close()
}

func (s *StartupError) onQuit() { s.app.Quit() }

func (s *StartupError) showError(title string, err error) {
	if assessment.ErrorCode(err) == assessment.EINTERNAL {
		log.Printf("keel: %s: %v", title, err)
	}
	dialog.NewInformation(title, assessment.MessageInWords(err), s.win).Show()
}

// ShowNotice shows a message in the main window, e.g. where a restore
// kept the file it replaced.
func (u *UI) ShowNotice(title, msg string) {
	d := dialog.NewCustom(title, lang.L("OK"), newWrapLabel(msg), u.win)
	d.Resize(fyne.NewSize(520, 220))
	d.Show()
}

// StudioError is the window Keel shows instead of its main window when the
// studio database cannot be opened (the server is away, the login is
// refused): the reason, naming the server, and a way to try again. Keel
// never opens the local file in its place.
type StudioError struct {
	win         fyne.Window
	message     *widget.Label
	retry, quit *widget.Button
	tryAgain    func() error
}

// NewStudioError builds the window for err; tryAgain opens the studio
// database (and the main window) or returns why it still cannot.
func NewStudioError(a fyne.App, err error, tryAgain func() error) *StudioError {
	a.Settings().SetTheme(newTheme())
	s := &StudioError{tryAgain: tryAgain}
	s.win = a.NewWindow(lang.L("Keel cannot reach the studio database"))
	title := newHeading(lang.L("Keel cannot reach the studio database"))
	s.message = newWrapLabel(assessment.ErrorMessage(err))
	hint := newWrapLabel(lang.L("Your clients are kept on the studio's server, so Keel waits for it rather than opening an empty file. " +
		"To work from the file on this computer instead, start Keel without the studio address (or clear it in Settings)."))
	s.retry = newImportantButton(lang.L("Try again"), s.onRetry)
	s.quit = newButton(lang.L("Quit"), theme.CancelIcon(), func() { a.Quit() })
	s.win.SetContent(container.NewPadded(container.NewVBox(title, s.message, hint, container.NewHBox(s.retry, s.quit))))
	s.win.Resize(fyne.NewSize(640, 320))
	return s
}

// ShowStudioError shows the window and runs the app until it quits.
func ShowStudioError(a fyne.App, err error, tryAgain func() error) {
	NewStudioError(a, err, tryAgain).win.ShowAndRun()
}

// Window returns the window.
func (s *StudioError) Window() fyne.Window { return s.win }

// Message is the reason shown, for tests.
func (s *StudioError) Message() string { return s.message.Text }

func (s *StudioError) onRetry() {
	if err := s.tryAgain(); err != nil {
		s.message.SetText(assessment.ErrorMessage(err))
		return
	}
	s.win.Close()
}
