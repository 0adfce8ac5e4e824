package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// DataActions are what the "Your data" screen does with the database file
// itself. cmd wires them to the storage package; the screen only collects
// the coach's choices and shows the results. A nil DataActions hides the
// screen.
type DataActions struct {
	// BackupFolder is where the automatic daily backups go.
	BackupFolder string
	// Backups lists the automatic backups, newest first.
	Backups func() ([]BackupFile, error)
	// Backup writes a consistent copy of the database to dest.
	Backup func(ctx context.Context, dest string) error
	// CheckBackup checks a backup file without changing anything, so the
	// coach is asked to confirm only a restore that can work.
	CheckBackup func(ctx context.Context, path string) error
	// Restore replaces the database with the backup at path, keeping the
	// current database as a file in the backup folder (kept). The database
	// is closed for the swap, so it returns the services of the reopened
	// database whenever it could reopen it (svc.Clients not nil), even with
	// an error (the restore failed and the old database was reopened).
	Restore func(ctx context.Context, path string) (svc Services, kept string, err error)
	// Export writes one client (clientID > 0) or every client (0) to dest
	// as a keel.export/1 file.
	Export func(ctx context.Context, clientID int64, dest string) error
	// Import reads the export file at path and imports it as opts say; with
	// opts.DryRun it only reports what it would do.
	Import func(ctx context.Context, path string, opts assessment.ImportOptions) (*assessment.ImportSummary, error)
}

// BackupFile is one automatic backup, for the list on the data screen.
type BackupFile struct {
	Path string
	Date assessment.Date
	Size int64
}

// dataScreen is "Your data": where the data file is, the automatic
// backups, and backing up, restoring, exporting and importing by hand.
type dataScreen struct {
	ui  *UI
	act *DataActions

	backupNow, restore, export, importB *widget.Button
	exportWho                           *widget.Select
	lastBackup                          *widget.Label
	status                              *widget.Label
	root                                fyne.CanvasObject

	// exportIDs are the client ids behind exportWho's options (0 = all).
	exportIDs []int64
}

// openData shows the data screen.
func (u *UI) openData() *dataScreen {
	s := &dataScreen{ui: u, act: u.svc.Data}
	if s.act == nil {
		s.act = &DataActions{}
	}
	back := newButton(lang.L("Back"), theme.NavigateBackIcon(), func() { u.popScreen() })
	s.status = newWrapLabel("")
	s.lastBackup = newWrapLabel("")
	s.backupNow = newImportantButton(lang.L("Back up now…"), s.onBackup)
	s.backupNow.Icon = theme.DocumentSaveIcon()
	s.restore = newButton(lang.L("Restore from backup…"), theme.HistoryIcon(), s.onRestore)
	s.export = newButton(lang.L("Export…"), theme.UploadIcon(), s.onExport)
	s.importB = newButton(lang.L("Import clients…"), theme.DownloadIcon(), s.onImport)
	s.exportWho = widget.NewSelect(nil, nil)
	s.fillClients()

	where := newWrapLabel(fmt.Sprintf(lang.L("Your clients, their assessments, programmes and session logs, and your profile, are kept in one file on this computer:\n%s\nOnly your user account can read it. Keel never sends anything over the internet."), u.svc.DBPath))
	auto := newWrapLabel(fmt.Sprintf(lang.L("Each day you open Keel, it first saves a copy of that file in %s. It keeps the last 7 days and one copy from each of the last 4 weeks."), s.act.BackupFolder))

	section := func(title string, body ...fyne.CanvasObject) fyne.CanvasObject {
		h := widget.NewLabel(title)
		h.TextStyle = fyne.TextStyle{Bold: true}
		return container.NewVBox(append([]fyne.CanvasObject{widget.NewSeparator(), h}, body...)...)
	}
	body := container.NewVBox(
		where,
		section(lang.L("Backups"), auto, s.lastBackup,
			newWrapLabel(lang.L("Back up now writes a copy to a file you choose, such as a USB stick. Restoring puts a backup in place of your data; Keel keeps what you have now in the backup folder first.")),
			container.NewHBox(s.backupNow, s.restore)),
		section(lang.L("Move clients to another Keel"),
			newWrapLabel(lang.L("An export file holds clients with their assessments, programmes (every version), session logs and your own exercises they use. Import it into Keel on another computer. To move everything, including your profile, copy a backup instead.")),
			container.NewBorder(nil, nil, widget.NewLabel(lang.L("Export")), s.export, s.exportWho),
			container.NewHBox(s.importB)),
		s.status,
	)
	header := container.NewBorder(nil, nil, back, nil, newHeading(lang.L("Your data")))
	s.root = container.NewBorder(header, nil, nil, nil, container.NewVScroll(container.NewPadded(body)))
	s.refreshBackups()
	for _, b := range []struct {
		b  *widget.Button
		ok bool
	}{{s.backupNow, s.act.Backup != nil}, {s.restore, s.act.Restore != nil}, {s.export, s.act.Export != nil}, {s.importB, s.act.Import != nil}} {
		if !b.ok {
			b.b.Disable()
		}
	}
	u.pushScreen(s.root)
	// Wrapped paragraphs know their height only once they have a width:
	// lay out again now that they do.
	s.root.Refresh()
	return s
}

// fillClients offers "All clients" and each client for export.
func (s *dataScreen) fillClients() {
	opts := []string{lang.L("All clients")}
	s.exportIDs = []int64{0}
	if s.ui.svc.Clients != nil {
		cs, _, err := s.ui.svc.Clients.FindClients(ctx(), assessment.ClientFilter{IncludeArchived: true})
		if err != nil {
			s.ui.showError(lang.L("Could not list clients"), err)
		}
		for _, c := range cs {
			opts = append(opts, c.DisplayName())
			s.exportIDs = append(s.exportIDs, c.ID)
		}
	}
	s.exportWho.Options = opts
	s.exportWho.SetSelectedIndex(0)
}

// refreshBackups says when the latest automatic backup was made.
func (s *dataScreen) refreshBackups() {
	if s.act.Backups == nil {
		s.lastBackup.SetText("")
		return
	}
	list, err := s.act.Backups()
	switch {
	case err != nil:
		s.lastBackup.SetText(assessment.ErrorMessage(err))
	case len(list) == 0:
		s.lastBackup.SetText(lang.L("No automatic backup yet: the first is made the next time Keel starts."))
	default:
		s.lastBackup.SetText(fmt.Sprintf(lang.L("Latest automatic backup: %s (%d kept)."), list[0].Date.Time().Format("2 January 2006"), len(list)))
	}
}

func (s *dataScreen) setStatus(msg string, imp widget.Importance) {
	s.status.Importance = imp
	s.status.SetText(msg)
	s.root.Refresh()
}

// saveDialog asks for a file to write, then calls then with its path.
func (s *dataScreen) saveDialog(name string, exts []string, then func(path string)) {
	s.ui.askSaveFile(name, exts, lang.L("Could not choose the file"), then)
}

// openDialog asks for a file to read, then calls then with its path.
func (s *dataScreen) openDialog(exts []string, dir string, then func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			s.ui.showError(lang.L("Could not choose the file"), err)
			return
		}
		if r == nil {
			return
		}
		path := localPath(r.URI())
		_ = r.Close()
		then(path)
	}, s.ui.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	if dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	} else {
		s.ui.startIn(d)
	}
	// Fyne's file dialog builds its content in Show: resizing it first
	// dereferences nil and takes the window down.
	d.Show()
	d.Resize(fyne.NewSize(800, 560))
}

// run does slow work off the UI goroutine behind a progress dialog, then
// hands the result back on the UI goroutine.
func (s *dataScreen) run(title string, work func() error, then func(error)) {
	bar := widget.NewProgressBarInfinite()
	prog := dialog.NewCustomWithoutButtons(title, bar, s.ui.win)
	prog.Show()
	go func() {
		err := work()
		fyne.Do(func() {
			prog.Hide()
			then(err)
		})
	}()
}

func (s *dataScreen) onBackup() {
	name := fmt.Sprintf("Keel backup %s.db", s.ui.svc.today())
	s.saveDialog(name, []string{".db"}, func(path string) { s.backupTo(path, nil) })
}

// backupTo writes a backup to path. done, if set, gets the result (tests).
func (s *dataScreen) backupTo(path string, done func(error)) {
	s.run(lang.L("Backing up"), func() error { return s.act.Backup(ctx(), path) }, func(err error) {
		if done != nil {
			defer done(err) // after the screen is updated: tests read it next
		}
		if err != nil {
			s.ui.showError(lang.L("Could not back up"), err)
			return
		}
		s.setStatus(fmt.Sprintf(lang.L("Backed up to %s"), path), widget.SuccessImportance)
	})
}

func (s *dataScreen) onRestore() {
	s.openDialog([]string{".db", ".sqlite", ".sqlite3"}, s.act.BackupFolder, func(path string) { s.confirmRestore(path, nil) })
}

// confirmRestore checks the backup, then asks the coach to confirm; shown,
// if set, gets the dialog so a test can look at it.
func (s *dataScreen) confirmRestore(path string, shown func(d *dialog.ConfirmDialog)) {
	if s.act.CheckBackup != nil {
		if err := s.act.CheckBackup(ctx(), path); err != nil {
			s.ui.showError(lang.L("Cannot restore this file"), err)
			return
		}
	}
	msg := newWrapLabel(fmt.Sprintf(lang.L("Replace everything in Keel with the backup %s?\n\nWhat you have now is kept as a file in %s, so nothing is lost. Close any other Keel window first."), filepath.Base(path), s.act.BackupFolder))
	d := dialog.NewCustomConfirm(lang.L("Restore from backup"), lang.L("Restore"), lang.L("Cancel"), msg, func(ok bool) {
		if ok {
			s.restoreFrom(path, nil)
		}
	}, s.ui.win)
	d.Resize(fyne.NewSize(520, 260))
	d.Show()
	if shown != nil {
		shown(d)
	}
}

// restoreFrom restores the backup and reopens Keel on it.
func (s *dataScreen) restoreFrom(path string, done func(error)) {
	var (
		svc  Services
		kept string
	)
	s.run(lang.L("Restoring"), func() error {
		var err error
		svc, kept, err = s.act.Restore(ctx(), path)
		return err
	}, func(err error) {
		if done != nil {
			defer done(err)
		}
		if svc.Clients != nil {
			s.ui.reload(svc)
		}
		if err != nil {
			s.ui.showError(lang.L("Could not restore"), err)
			return
		}
		msg := lang.L("Keel now shows the data from the backup.")
		if kept != "" {
			msg += "\n\n" + fmt.Sprintf(lang.L("Your data as it was before is kept in %s."), kept)
		}
		s.ui.ShowNotice(lang.L("Backup restored"), msg)
	})
}

func (s *dataScreen) selectedClient() int64 {
	i := s.exportWho.SelectedIndex()
	if i < 0 || i >= len(s.exportIDs) {
		return 0
	}
	return s.exportIDs[i]
}

func (s *dataScreen) onExport() {
	id := s.selectedClient()
	name := fmt.Sprintf("Keel clients %s.json", s.ui.svc.today())
	if id != 0 {
		name = fmt.Sprintf("Keel %s %s.json", safeFileName(s.exportWho.Selected), s.ui.svc.today())
	}
	s.saveDialog(name, []string{".json"}, func(path string) { s.exportTo(id, path, nil) })
}

// safeFileName keeps a client's name usable in a file name.
func safeFileName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '-'
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60])
	}
	return strings.TrimSpace(s)
}

// exportTo writes the export file.
func (s *dataScreen) exportTo(clientID int64, path string, done func(error)) {
	s.run(lang.L("Exporting"), func() error { return s.act.Export(ctx(), clientID, path) }, func(err error) {
		if done != nil {
			defer done(err)
		}
		if err != nil {
			s.ui.showError(lang.L("Could not export"), err)
			return
		}
		s.setStatus(fmt.Sprintf(lang.L("Exported to %s. The file holds health information: keep it somewhere private and delete it once it is imported."), path), widget.SuccessImportance)
	})
}

func (s *dataScreen) onImport() {
	s.openDialog([]string{".json"}, "", func(path string) { s.prepareImport(path, nil) })
}

// importDialog is the choice shown before an import: what the file holds,
// how many of its clients are already here, and what to do with them.
type importDialog struct {
	d      *dialog.CustomDialog
	choice *widget.RadioGroup
	ok     *widget.Button
	path   string
}

// prepareImport reads the file and checks it against the database (a dry
// run), then asks what to do with clients already in Keel. done, if set,
// gets the choice dialog, or the error shown instead (tests).
func (s *dataScreen) prepareImport(path string, done func(*importDialog, error)) {
	var sum *assessment.ImportSummary
	s.run(lang.L("Reading the file"), func() error {
		var err error
		sum, err = s.act.Import(ctx(), path, assessment.ImportOptions{DryRun: true})
		return err
	}, func(err error) {
		if err != nil {
			s.ui.showError(fmt.Sprintf(lang.L("Cannot import %s"), filepath.Base(path)), err)
			if done != nil {
				done(nil, err)
			}
			return
		}
		id := s.showImportChoice(path, sum)
		if done != nil {
			done(id, nil)
		}
	})
}

var conflictLabels = map[assessment.ConflictPolicy]string{
	assessment.ConflictSkip:     "Skip: keep what is in Keel, import nothing about them",
	assessment.ConflictReplace:  "Replace: delete what Keel has about them and import the file's",
	assessment.ConflictKeepBoth: "Keep both: import the file's too, marked \"(imported)\"",
}

func (s *dataScreen) showImportChoice(path string, sum *assessment.ImportSummary) *importDialog {
	id := &importDialog{path: path}
	lines := []fyne.CanvasObject{newWrapLabel(sum.Text())}
	var labels []string
	for _, p := range assessment.ConflictPolicies {
		labels = append(labels, lang.L(conflictLabels[p]))
	}
	id.choice = widget.NewRadioGroup(labels, nil)
	id.choice.SetSelected(labels[0])
	if n := sum.Conflicts(); n > 0 {
		var names []string
		for _, c := range sum.Clients {
			if c.Action != assessment.ImportAdded {
				names = append(names, c.Name)
			}
		}
		if len(names) > 8 {
			names = append(names[:8], fmt.Sprintf(lang.L("and %d more"), len(names)-8))
		}
		q := fmt.Sprintf(lang.L("Already in Keel (same name and date of birth): %s. What should Keel do with them?"), strings.Join(names, ", "))
		if n == 1 {
			q = fmt.Sprintf(lang.L("Already in Keel (same name and date of birth): %s. What should Keel do with her?"), names[0])
		}
		lines = append(lines, newWrapLabel(q), id.choice)
	}
	var d *dialog.CustomDialog
	id.ok = newImportantButton(lang.L("Import"), func() {
		d.Hide()
		s.importFile(path, id.policy(), nil)
	})
	cancel := newButton(lang.L("Cancel"), nil, func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(fmt.Sprintf(lang.L("Import %s"), filepath.Base(path)), container.NewVBox(lines...), s.ui.win)
	d.SetButtons([]fyne.CanvasObject{cancel, id.ok})
	d.Resize(fyne.NewSize(620, 320))
	id.d = d
	d.Show()
	return id
}

// policy is the choice in the radio group.
func (id *importDialog) policy() assessment.ConflictPolicy {
	for i, p := range assessment.ConflictPolicies {
		if id.choice.Selected == id.choice.Options[i] {
			return p
		}
	}
	return assessment.ConflictSkip
}

// importFile imports for real and shows what happened.
func (s *dataScreen) importFile(path string, policy assessment.ConflictPolicy, done func(*assessment.ImportSummary, error)) {
	var sum *assessment.ImportSummary
	s.run(lang.L("Importing"), func() error {
		var err error
		sum, err = s.act.Import(ctx(), path, assessment.ImportOptions{OnConflict: policy})
		return err
	}, func(err error) {
		if done != nil {
			defer done(sum, err)
		}
		if err != nil {
			s.ui.showError(fmt.Sprintf(lang.L("Cannot import %s"), filepath.Base(path)), err)
			return
		}
		s.setStatus(sum.Text(), widget.SuccessImportance)
		s.fillClients()
		s.ui.home.refresh()
	})
}

// reload shows Keel on other services (after a restore reopened the
// database): every screen is rebuilt from the home screen.
func (u *UI) reload(svc Services) {
	u.svc = svc
	u.current, u.programme, u.settings = nil, nil, nil
	u.screens, u.editors = nil, nil
	u.home = newHomeScreen(u)
	u.pushScreen(u.home.content())
}
