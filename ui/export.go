package ui

import (
	"context"
	"fmt"
	"log"
	"path/filepath"
	"runtime/debug"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/report"
)

// handoutFileName is the default file name of a handout: the client's name
// and the date.
func handoutFileName(client string, d assessment.Date) string {
	return fmt.Sprintf("%s %s handout.pdf", clientFilePart(client), d)
}

// clientFilePart is a client's name as part of a file name: every
// character a file system may refuse becomes a space, runs of them one.
func clientFilePart(client string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.TrimSpace(client) {
		bad := unicode.IsControl(r) || strings.ContainsRune(`/\:*?"<>|`, r) || unicode.IsSpace(r)
		if bad {
			if !dash && b.Len() > 0 {
				b.WriteByte(' ')
			}
			dash = true
			continue
		}
		dash = false
		b.WriteRune(r)
	}
	name := strings.TrimSpace(b.String())
	if name == "" || name == "." || name == ".." {
		name = "client"
	}
	if len(name) > 80 {
		name = strings.ToValidUTF8(name[:80], "")
	}
	return name
}

// sources are the stored data the handout is drawn from.
func (u *UI) sources() report.Sources {
	return report.Sources{Clients: u.svc.Clients, Records: u.svc.Records, Programmes: u.svc.Programmes, Profiles: u.svc.Profiles,
		Library: func(context.Context) (*assessment.Library, error) { return u.library() }}
}

// onExport asks where to save the handout, then writes it.
func (s *programmeScreen) onExport() {
	s.ui.askSaveFile(handoutFileName(s.client.Name, s.ui.svc.today()), []string{".pdf"},
		lang.L("Could not export the handout"), func(path string) { s.exportTo(path, nil) })
}

// exportTo writes the handout to path off the UI goroutine, with a
// progress dialog, then offers to open it. done, if set, gets the result.
func (s *programmeScreen) exportTo(path string, done func(error)) {
	bar := widget.NewProgressBarInfinite()
	prog := dialog.NewCustomWithoutButtons(lang.L("Exporting handout"), container.NewVBox(widget.NewLabel(filepath.Base(path)), bar), s.ui.win)
	prog.Show()
	p := s.p
	go func() {
		var err error
		defer func() {
			// A bug in drawing must not take the coach's window down with it.
			if r := recover(); r != nil {
				log.Printf("keel: drawing the handout %s: %v\n%s", path, r, debug.Stack())
				err = assessment.Errorf(assessment.EINTERNAL, "Keel could not draw this handout, so nothing was saved under %s. Please tell Keel's makers; the details are in Keel's log.", filepath.Base(path))
				fyne.Do(func() {
					prog.Hide()
					if done != nil {
						done(err)
					}
					s.ui.showError(lang.L("Could not export the handout"), err)
				})
			}
		}()
		in, err := report.InputForProgramme(ctx(), s.ui.sources(), p)
		if err == nil {
			err = report.WritePDF(in, path)
		}
		if err == nil {
			// The timeline lists the handout so the coach can open it again.
			s.ui.recordExport(s.client.ID, path, assessment.ExportKindHandout)
		}
		fyne.Do(func() {
			prog.Hide()
			if done != nil {
				done(err)
			}
			if err != nil {
				s.ui.showError(lang.L("Could not export the handout"), err)
				return
			}
			s.status.SetText(lang.L("Handout saved"))
			msg := newWrapLabel(fmt.Sprintf(lang.L("Saved %s"), path))
			// A wrapping label has no width of its own: give the path room.
			box := container.NewGridWrap(fyne.NewSize(460, msg.MinSize().Height*3), msg)
			saved := dialog.NewCustomWithoutButtons(lang.L("Handout exported"), box, s.ui.win)
			saved.SetButtons([]fyne.CanvasObject{
				newButton(lang.L("Close"), nil, func() { saved.Hide() }),
				newButton(lang.L("Print"), theme.DocumentPrintIcon(), func() { saved.Hide(); s.ui.printSaved(path) }),
				newImportantButton(lang.L("Open"), func() { saved.Hide(); s.ui.openInViewer(path) }),
			})
			saved.Show()
		})
	}()
}
