package ui

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"github.com/keel-coach/keel/assessment/platform"
)

// openFile and printFile hand a saved file to the computer; tests replace
// them to inject a computer with no viewer or printer.
var (
	openFile  = systemOpen
	printFile = systemPrint
	// handOffDone, when set (tests), is called once a hand-off has ended
	// and anything it had to say is on screen.
	handOffDone func()
)

// errNoProgram is returned when the computer has nothing to do the job.
var errNoProgram = errors.New("no program for it")

// systemOpen opens path with the program the computer uses for its type.
// Where the desktop's opener (xdg-open) is used, Keel waits a moment for
// its answer, since it fails after it starts when no viewer is set up.
func systemOpen(path string) error {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return platform.OpenFile(path, fyne.CurrentApp().OpenURL)
	}
	opener, err := exec.LookPath("xdg-open")
	if err != nil {
		return errNoProgram
	}
	return runWait(opener, path)
}

// systemPrint sends path to the default printer.
func systemPrint(path string) error {
	if runtime.GOOS == "windows" {
		return fmt.Errorf("%w: print it from the PDF viewer", errNoProgram)
	}
	lp, err := exec.LookPath("lp")
	if err != nil {
		return errNoProgram
	}
	return runWait(lp, path)
}

// runWait runs a helper program and reports how it ended; one still running
// after a few seconds (a viewer that stays open) has done its job.
func runWait(prog string, arg string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, prog, arg).CombinedOutput()
	if ctx.Err() != nil {
		return nil
	}
	if err != nil {
		if msg := strings.TrimSpace(string(out)); msg != "" {
			return fmt.Errorf("%s: %s", filepath.Base(prog), msg)
		}
		return fmt.Errorf("%s: %w", filepath.Base(prog), err)
	}
	return nil
}

// openInViewer opens a file Keel saved (a handout, her measures) and, when
// the computer cannot, tells the coach and shows where the file is.
func (u *UI) openInViewer(path string) {
	u.handOff(path, openFile, lang.L("Could not open the file"),
		lang.L("This computer has no program set up to open this kind of file."))
}

// printSaved sends a saved file to the printer, saying so when there is
// none.
func (u *UI) printSaved(path string) {
	u.handOff(path, printFile, lang.L("Could not print"),
		lang.L("This computer has no printer set up for Keel to use."))
}

// handOff runs job off the UI goroutine and, if it fails, says what
// happened and where the file is, with a button to copy the path.
func (u *UI) handOff(path string, job func(string) error, title, none string) {
	done := handOffDone
	go func() {
		err := job(path)
		if err != nil {
			fyne.DoAndWait(func() { u.showSavedHere(path, title, none, err) })
		}
		if done != nil {
			done()
		}
	}()
}

// showSavedHere tells the coach the file is saved and where.
func (u *UI) showSavedHere(path, title, none string, err error) {
	why := none
	if !errors.Is(err, errNoProgram) {
		why = fmt.Sprintf(lang.L("The computer answered: %v"), err)
	}
	where := newWrapLabel(path)
	where.Selectable = true
	where.TextStyle.Monospace = true
	copyBtn := newButton(lang.L("Copy the path"), nil, func() {
		fyne.CurrentApp().Clipboard().SetContent(path)
	})
	body := container.NewVBox(
		newWrapLabel(why),
		newWrapLabel(lang.L("The file is saved here; open it from its folder:")),
		container.NewBorder(nil, nil, nil, copyBtn, where),
		newWrapLabel(fmt.Sprintf(lang.L("Folder: %s"), filepath.Dir(path))))
	d := dialog.NewCustom(title, lang.L("Close"), container.NewGridWrap(fyne.NewSize(520, 200), body), u.win)
	d.Show()
}

// localPath is the file a file dialog's URI names, written the system's way:
// Fyne's URIs use forward slashes, so on Windows C:/Users/Ana/x.pdf becomes
// C:\Users\Ana\x.pdf before it is shown, stored or opened.
func localPath(u fyne.URI) string {
	return filepath.FromSlash(u.Path())
}
