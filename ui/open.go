package ui

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/platform"
)

// openInViewer opens a file Keel saved (a handout, her measures) with the
// program the computer uses for that type, and says so when there is none.
// platform.OpenFile has the per-system way (ShellExecute on Windows).
func (u *UI) openInViewer(path string) {
	if err := platform.OpenFile(path, fyne.CurrentApp().OpenURL); err != nil {
		u.showError(lang.L("Could not open the file"), &assessment.Error{
			Code:    assessment.EINVALID,
			Message: fmt.Sprintf(lang.L("Keel saved %s, but this computer could not open it (%v). Open it from its folder instead."), path, err),
			Err:     err,
		})
	}
}

// localPath is the file a file dialog's URI names, written the system's way:
// Fyne's URIs use forward slashes, so on Windows C:/Users/Ana/x.pdf becomes
// C:\Users\Ana\x.pdf before it is shown, stored or opened.
func localPath(u fyne.URI) string {
	return filepath.FromSlash(u.Path())
}
