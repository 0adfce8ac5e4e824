package ui

// Reassessment: the form prefilled from an earlier assessment
// (assessment.Reassessment decides what is copied), the carried-over marks
// it keeps until the coach re-tests or confirms each section, and the
// weeks postpartum that move on with the date.

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// carriedList is, in form order, the sections of r still carried over.
func (s *assessmentScreen) carriedList(r *assessment.Record) []string {
	var out []string
	for _, k := range assessment.Sections {
		if s.carried[k] && r.Section(k) != nil {
			out = append(out, k)
		}
	}
	return out
}

// newReassessmentScreen starts a reassessment of client c prefilled from
// her assessment from: today's date, every section she had copied and
// marked carried over, and her weeks postpartum moved on to today.
func newReassessmentScreen(u *UI, c *assessment.Client, from *assessment.Record, onDone func()) *assessmentScreen {
	s := &assessmentScreen{ui: u, client: c, onDone: onDone, widthUnit: u.diastasisUnit(), carriedFrom: from}
	if unit, ok := from.DiastasisUnit(); ok {
		s.widthUnit = unit // keep the unit the gap was measured in
	}
	s.b = newRecordBinder(s.changed)
	s.build()
	s.fill(assessment.Reassessment(from, c, u.svc.today(), u.profile().CoachName))
	return s
}

// weeksAt is her weeks postpartum on day d (assessment.WeeksPostpartumOn).
func (s *assessmentScreen) weeksAt(d assessment.Date) (int, bool) {
	return assessment.WeeksPostpartumOn(s.client, s.carriedFrom, d)
}

// onDateChanged moves her weeks postpartum on with the date, unless the
// coach typed her own figure.
func (s *assessmentScreen) onDateChanged() {
	if s.b.loading {
		return
	}
	e, ok := s.b.widgets["context.weeks_postpartum"].(*widget.Entry)
	if !ok || s.weeksShown == "" || strings.TrimSpace(e.Text) != s.weeksShown {
		return
	}
	d, err := assessment.ParseDate(strings.TrimSpace(s.date.Text))
	if err != nil {
		return
	}
	if w, ok := s.weeksAt(d); ok {
		s.weeksShown = strconv.Itoa(w)
		e.SetText(s.weeksShown)
	}
}

// updateCarried stops carrying over every section of the form r the coach
// has changed (assessment.SameSection), and reports whether any stopped.
func (s *assessmentScreen) updateCarried(r *assessment.Record) bool {
	if len(s.carried) == 0 {
		return false
	}
	n := len(s.carried)
	for k := range s.carried {
		if !assessment.SameSection(r, s.carriedBase, k) {
			delete(s.carried, k)
		}
	}
	if len(s.carried) == n {
		return false // nothing stopped: the marks stand as shown
	}
	s.updateBanners()
	return true
}

// updateBanners shows the carried-over note on each carried section and
// the count in the header.
func (s *assessmentScreen) updateBanners() {
	for k, b := range s.banners {
		b.set(s.carried[k])
	}
	if n := len(s.carried); n > 0 {
		from := lang.L("the last assessment")
		if s.carriedFrom != nil {
			from = s.carriedFrom.Date.Time().Format("2 January 2006")
		}
		s.carriedNote.Importance = widget.WarningImportance
		if n == 1 {
			s.carriedNote.SetText(fmt.Sprintf(lang.L("1 section is carried over from %s and not re-tested yet. It is marked until you change or confirm it."), from))
		} else {
			s.carriedNote.SetText(fmt.Sprintf(lang.L("%d sections are carried over from %s and not re-tested yet. Each is marked until you change or confirm it."), n, from))
		}
		s.confirmAll.Enable()
		s.carriedPanel.Show()
	} else if s.carriedPanel.Visible() {
		// Keep the panel (and its height) once shown; say it is done.
		s.carriedNote.Importance = widget.SuccessImportance
		s.carriedNote.SetText(lang.L("Every carried-over section is re-tested or confirmed."))
		s.confirmAll.Disable()
	}
	if s.root != nil {
		s.root.Refresh()
	}
}

// carriedStrip is the note in a section carried over from an earlier
// assessment. It is hidden for a section that was never carried; once
// shown it keeps its place, and when the coach changes or confirms the
// section it says so instead of disappearing, so nothing below moves.
type carriedStrip struct {
	root    *fyne.Container
	msg     *widget.Label
	confirm *widget.Button
	bg      *canvas.Rectangle
	shown   bool // carried over now
}

func newCarriedStrip(onConfirm func()) *carriedStrip {
	c := &carriedStrip{msg: newWrapLabel("")}
	c.confirm = newButton(lang.L("Confirm"), theme.ConfirmIcon(), onConfirm)
	c.bg = canvas.NewRectangle(withAlpha(theme.Color(theme.ColorNameWarning), 0x30))
	c.bg.CornerRadius = 6
	c.root = container.New(&keepHeight{}, container.NewStack(c.bg,
		container.NewBorder(nil, nil, widget.NewIcon(theme.NewWarningThemedResource(theme.HistoryIcon())), c.confirm, c.msg)))
	c.root.Hide()
	return c
}

// set shows the strip as carried over, or as done when it was shown before.
func (c *carriedStrip) set(carried bool) {
	c.shown = carried
	switch {
	case carried:
		c.msg.SetText(lang.L("Carried over from the last assessment, not re-tested yet. Change anything here, or confirm it if it still holds."))
		c.msg.Importance = widget.WarningImportance
		c.bg.FillColor = withAlpha(theme.Color(theme.ColorNameWarning), 0x30)
		c.confirm.Enable()
		c.root.Show()
	case c.root.Visible():
		c.msg.SetText(lang.L("Re-tested or confirmed in this session."))
		c.msg.Importance = widget.SuccessImportance
		c.bg.FillColor = withAlpha(theme.Color(theme.ColorNameSuccess), 0x20)
		c.confirm.Disable()
	}
	c.msg.Refresh()
	c.bg.Refresh()
}

// carriedOver reports whether the strip shows its section as carried over.
func (c *carriedStrip) carriedOver() bool { return c.shown && c.root.Visible() }

// keepHeight stacks its objects and never gets shorter than it has been:
// a message that shrinks or goes away leaves its space, so the fields
// below stay where the pointer is.
type keepHeight struct{ h float32 }

func (k *keepHeight) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objects {
		if o.Visible() {
			m = m.Max(o.MinSize())
		}
	}
	if m.Height > k.h {
		k.h = m.Height
	}
	m.Height = k.h
	return m
}

func (k *keepHeight) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// onConfirm marks one carried-over section as re-tested and unchanged.
func (s *assessmentScreen) onConfirm(key string) {
	delete(s.carried, key)
	s.updateBanners()
	s.changed()
}

// onConfirmAll confirms every carried-over section at once.
func (s *assessmentScreen) onConfirmAll() {
	for k := range s.carried {
		delete(s.carried, k)
	}
	s.updateBanners()
	s.changed()
}
