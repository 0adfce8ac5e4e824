package ui

import (
	"os"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/storage/repository"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/atomicfile"
)

// locatable is a file dialog that can start in a folder.
type locatable interface{ SetLocation(fyne.ListableURI) }

// startIn opens a file dialog in the folder the coach last saved to.
func (u *UI) startIn(d locatable) {
	if dir := u.prefs.LastExportDir(); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
}

// askSaveFile asks where to save a file (suggesting name, showing only
// exts), remembers the folder, and calls then with the chosen path. Keel
// writes every file whole under a temporary name and renames it, so the
// empty file the dialog creates is removed first: nothing half-written or
// empty is ever left under the chosen name, and the final file gets Keel's
// own mode rather than the dialog's. errTitle titles the message shown
// when the dialog itself fails.
func (u *UI) askSaveFile(name string, exts []string, errTitle string, then func(path string)) {
	guardDatabase(u.svc.DBPath)
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(errTitle, err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := localPath(w.URI())
		_ = w.Close()
		if err := atomicfile.CheckTarget(path, u.svc.DBPath, true); err != nil {
			u.showError(errTitle, assessment.Errorf(assessment.EINVALID, "%s", err))
			return
		}
		_ = os.Remove(path)
		u.prefs.SetLastExportDir(filepath.Dir(path))
		then(path)
	}, u.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	u.startIn(d)
	// Fyne's file dialog builds its content in Show: resizing it first
	// dereferences nil and takes the window down.
	d.Show()
	d.Resize(fyne.NewSize(800, 560))
}

// Fyne's save dialog opens the chosen file for writing, emptying it, before
// Keel hears which file it is: choosing the database (or its -wal or -shm,
// or a link to them) would destroy it before any check in the callback
// could run. So Keel wraps the file storage the dialogs write through, and
// a write to the database is refused there, naming the file; the dialog
// then reports the refusal to the callback as an error.
var (
	guardMu sync.Mutex
	guardDB string
)

// guardDatabase makes Fyne's file storage refuse to open dbPath, or a file
// beside it, for writing. Calling it again only updates the path.
func guardDatabase(dbPath string) {
	guardMu.Lock()
	guardDB = dbPath
	guardMu.Unlock()
	r, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, done := r.(*guardedFiles); done {
		return
	}
	inner, ok := r.(fileRepository)
	if !ok {
		return
	}
	repository.Register("file", &guardedFiles{fileRepository: inner})
}

// fileRepository is what Fyne's own file storage offers.
type fileRepository interface {
	repository.Repository
	repository.WritableRepository
	repository.AppendableRepository
	repository.HierarchicalRepository
	repository.ListableRepository
	repository.DeleteAllRepository
	repository.CopyableRepository
	repository.MovableRepository
}

// guardedFiles is Fyne's file storage with writes to the database refused.
type guardedFiles struct{ fileRepository }

func (g *guardedFiles) check(u fyne.URI) error {
	guardMu.Lock()
	db := guardDB
	guardMu.Unlock()
	if db == "" {
		return nil
	}
	if _, bad := atomicfile.IsDatabaseFile(u.Path(), db); bad {
		// Only the database rule: the dialog has asked about replacing.
		return assessment.Errorf(assessment.EINVALID, "%s", atomicfile.CheckTarget(u.Path(), db, true))
	}
	return nil
}

// Writer refuses the database before anything is opened.
func (g *guardedFiles) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	if err := g.check(u); err != nil {
		return nil, err
	}
	return g.fileRepository.Writer(u)
}

// Appender refuses the database before anything is opened.
func (g *guardedFiles) Appender(u fyne.URI) (fyne.URIWriteCloser, error) {
	if err := g.check(u); err != nil {
		return nil, err
	}
	return g.fileRepository.Appender(u)
}

// Delete refuses the database.
func (g *guardedFiles) Delete(u fyne.URI) error {
	if err := g.check(u); err != nil {
		return err
	}
	return g.fileRepository.Delete(u)
}
