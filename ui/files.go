package ui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
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
