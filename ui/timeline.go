package ui

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/atomicfile"
)

// timelineScreen is a client's history on one screen: her assessments,
// every programme version with its status and the handouts exported for
// her, newest first, each opening in one click; beside them, the charts of
// her progress.
type timelineScreen struct {
	ui     *UI
	client *assessment.Client

	records []*assessment.Record
	items   []assessment.TimelineItem
	trends  []assessment.Trend
	// sessions are the charts of her logged sessions: pain and how much
	// of each she did.
	sessions []assessment.Trend

	// list is virtual: only the rows on screen exist as widgets, so a
	// long history opens as fast as a short one.
	list   *widget.List
	empty  *widget.Label
	charts *fyne.Container
	status *widget.Label
	root   fyne.CanvasObject
}

// openTimeline shows client c's timeline.
func (u *UI) openTimeline(c *assessment.Client) *timelineScreen {
	s := &timelineScreen{ui: u, client: c}
	s.build()
	s.reload()
	u.pushScreen(s.root)
	return s
}

func (s *timelineScreen) build() {
	u := s.ui
	back := newButton(lang.L("Back to client"), theme.NavigateBackIcon(), func() { u.popScreen() })
	title := newHeading(fmt.Sprintf(lang.L("Timeline — %s"), s.client.Name))
	title.Truncation = fyne.TextTruncateEllipsis
	compare := newButton(lang.L("Compare assessments"), theme.ViewRestoreIcon(), func() { u.openCompare(s.client) })
	sessions := newButton(lang.L("Session log"), theme.ListIcon(), func() { u.openSessions(s.client) })
	if u.svc.SessionLogs == nil {
		sessions.Hide()
	}
	csv := newButton(lang.L("Export measures (CSV)"), theme.DocumentSaveIcon(), s.onExportCSV)
	s.status = widget.NewLabel("")
	header := container.NewBorder(nil, nil, back, container.NewHBox(s.status, compare, sessions, csv), title)
	s.list = widget.NewList(
		func() int { return len(s.items) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("2026-01-01  Reassessment · 12 findings")
			l.Truncation = fyne.TextTruncateEllipsis // a cut note says it goes on
			return container.NewBorder(nil, nil, widget.NewIcon(theme.DocumentIcon()), nil, l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < 0 || id >= len(s.items) {
				return
			}
			c := o.(*fyne.Container)
			text, icon := s.itemText(id)
			c.Objects[0].(*widget.Label).SetText(text)
			c.Objects[1].(*widget.Icon).SetResource(icon)
		})
	s.list.OnSelected = func(id widget.ListItemID) {
		s.list.UnselectAll()
		s.open(id)
	}
	s.empty = newWrapLabel(lang.L("Nothing yet: her assessments, programmes and handouts appear here as you make them."))
	s.charts = container.NewVBox()
	left := container.NewBorder(container.NewVBox(newHeading(lang.L("History")), s.empty), nil, nil, nil, s.list)
	right := container.NewBorder(newHeading(lang.L("Progress")), nil, nil, nil, container.NewVScroll(s.charts))
	split := container.NewHSplit(left, right)
	split.Offset = 0.42
	s.root = container.NewBorder(header, nil, nil, nil, split)
}

// reload reads her history and redraws the list and the charts.
func (s *timelineScreen) reload() {
	u := s.ui
	recs, err := u.svc.Records.FindRecords(ctx(), assessment.RecordFilter{ClientID: s.client.ID})
	if err != nil {
		u.showError(lang.L("Could not load the timeline"), err)
		return
	}
	var ps []*assessment.Programme
	if u.svc.Programmes != nil {
		if ps, err = u.svc.Programmes.FindProgrammes(ctx(), assessment.ProgrammeFilter{ClientID: s.client.ID}); err != nil {
			u.showError(lang.L("Could not load the timeline"), err)
			return
		}
	}
	var xs []*assessment.ExportedFile
	if u.svc.Exports != nil {
		if xs, err = u.svc.Exports.FindExports(ctx(), s.client.ID); err != nil {
			u.showError(lang.L("Could not load the timeline"), err)
			return
		}
	}
	var logs []*assessment.SessionLog
	if u.svc.SessionLogs != nil {
		if logs, err = u.svc.SessionLogs.FindSessionLogs(ctx(), assessment.SessionLogFilter{ClientID: s.client.ID}); err != nil {
			u.showError(lang.L("Could not load the timeline"), err)
			return
		}
	}
	s.records = recs
	s.items = assessment.Timeline(recs, ps, xs)
	s.trends = assessment.Trends(recs)
	s.sessions = assessment.SessionTrends(logs)
	s.redraw()
}

func (s *timelineScreen) redraw() {
	s.empty.Hidden = len(s.items) > 0
	s.list.Refresh()

	// One assignment and one layout, not one per chart.
	var charts []fyne.CanvasObject
	if len(s.trends) == 0 {
		charts = append(charts, newWrapLabel(lang.L("Charts appear once an assessment records pain, the diastasis gap, glute grades, the hinge score or her activities.")))
	}
	for _, t := range s.trends {
		charts = append(charts, chartCard(t))
	}
	if len(s.sessions) > 0 {
		charts = append(charts, widget.NewSeparator(), boldLabel(lang.L("Her sessions")))
	}
	for _, t := range s.sessions {
		charts = append(charts, chartCard(t))
	}
	s.charts.Objects = charts
	s.charts.Refresh()
	if s.root != nil {
		s.root.Refresh()
	}
}

// itemText words entry i of the timeline, with its icon.
func (s *timelineScreen) itemText(i int) (string, fyne.Resource) {
	it := s.items[i]
	switch it.Kind {
	case assessment.TimelineAssessment:
		r := it.Record
		in := assessment.Interpret(r)
		text := fmt.Sprintf(lang.L("%s  %s · %d findings"), it.Date, recordLabelKind(r), len(in.Findings))
		if len(r.CarriedOver) > 0 {
			text += " · " + fmt.Sprintf(lang.L("%d sections carried over"), len(r.CarriedOver))
		}
		return text, theme.DocumentIcon()
	case assessment.TimelineProgramme:
		p := it.Programme
		if p.Blocked {
			return fmt.Sprintf(lang.L("%s  Programme v%d · blocked: referral needed · %s"), it.Date, p.Version, lang.L(assessment.StatusLabel(p.Status))), theme.ListIcon()
		}
		return fmt.Sprintf(lang.L("%s  Programme v%d · %d weeks · %s"), it.Date, p.Version, p.Options.Weeks, lang.L(assessment.StatusLabel(p.Status))), theme.ListIcon()
	case assessment.TimelineExport:
		x := it.Export
		return fmt.Sprintf(lang.L("%s  %s exported: %s"), it.Date, exportKindLabel(x.Kind), filepath.Base(x.Path)), theme.FileIcon()
	}
	return "", theme.InfoIcon()
}

// open opens entry i: the assessment, the programme version or the file.
func (s *timelineScreen) open(i int) {
	if i < 0 || i >= len(s.items) {
		return
	}
	it := s.items[i]
	switch it.Kind {
	case assessment.TimelineAssessment:
		s.ui.openAssessment(s.client, it.Record, s.reload)
	case assessment.TimelineProgramme:
		p := it.Programme
		r, err := s.ui.svc.Records.FindRecordByID(ctx(), p.RecordID)
		if err != nil {
			s.ui.showError(lang.L("Could not open the programme"), err)
			return
		}
		s.ui.openProgrammeScreen(s.client, r, p)
	case assessment.TimelineExport:
		s.openFile(it.Export.Path)
	}
}

func recordLabelKind(r *assessment.Record) string {
	if r.Kind == assessment.KindReassessment {
		return lang.L("Reassessment")
	}
	return lang.L("Intake")
}

func exportKindLabel(kind string) string {
	switch kind {
	case assessment.ExportKindCSV:
		return lang.L("Measures (CSV)")
	case assessment.ExportKindHandout, "":
		return lang.L("Handout")
	}
	return kind
}

// openFile opens an exported file with the system's viewer, or says it has
// moved.
func (s *timelineScreen) openFile(path string) {
	if _, err := os.Stat(path); err != nil {
		dialog.ShowInformation(lang.L("File not found"), fmt.Sprintf(lang.L("%s is no longer there: it may have been moved or deleted."), path), s.ui.win)
		return
	}
	s.ui.openInViewer(path)
}

// onExportCSV asks where to save her measures as CSV, then writes them.
func (s *timelineScreen) onExportCSV() {
	name := fmt.Sprintf("%s %s measures.csv", clientFilePart(s.client.Name), s.ui.svc.today())
	s.ui.askSaveFile(name, []string{".csv"}, lang.L("Could not export the measures"), func(path string) { _ = s.exportCSV(path) })
}

// csvMode keeps the measures file private to the coach's account: it is
// her client's health data.
const csvMode = 0o600

// exportCSV writes her measures to path, whole or not at all and with mode
// csvMode even over an existing file, and records the export.
func (s *timelineScreen) exportCSV(path string) error {
	var buf bytes.Buffer
	err := assessment.MeasuresCSV(&buf, s.client.Name, s.records)
	if err == nil {
		if werr := atomicfile.Write(path, buf.Bytes(), csvMode); werr != nil {
			// *atomicfile.Error words the file and the reason.
			err = &assessment.Error{Code: assessment.EINTERNAL, Message: werr.Error() + ".", Err: werr}
		}
	}
	if err != nil {
		s.ui.showError(lang.L("Could not export the measures"), err)
		return err
	}
	s.ui.prefs.SetLastExportDir(filepath.Dir(path))
	s.ui.recordExport(s.client.ID, path, assessment.ExportKindCSV)
	s.status.SetText(lang.L("Measures saved"))
	s.reload()
	return nil
}

// recordExport remembers an exported file for the client's timeline. A
// failure is logged, not shown: the file itself was written.
func (u *UI) recordExport(clientID int64, path, kind string) {
	if u.svc.Exports == nil {
		return
	}
	if err := u.svc.Exports.AddExport(ctx(), &assessment.ExportedFile{ClientID: clientID, Path: path, Kind: kind}); err != nil {
		log.Printf("keel: remember the export %s: %v", path, err)
	}
}
