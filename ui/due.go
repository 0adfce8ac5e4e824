package ui

import (
	"fmt"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// duePanel is the home screen's list of clients due for reassessment, with
// the date and why, each opening the client in one click. The list is read
// off the UI goroutine: over thousands of clients it is one query and a
// pass through them.
type duePanel struct {
	ui   *UI
	home *homeScreen

	heading *widget.Label
	box     *fyne.Container
	due     []assessment.Due
	buttons []*widget.Button // one per client listed, for tests
	root    *fyne.Container
	pending sync.WaitGroup
}

func newDuePanel(u *UI, h *homeScreen) *duePanel {
	p := &duePanel{ui: u, home: h}
	p.heading = newHeading(lang.L("Due for reassessment"))
	p.box = container.NewVBox()
	p.root = container.NewVBox(p.heading, p.box)
	if u.svc.Due == nil {
		p.root.Hide()
	}
	return p
}

// content is the panel under the home screen's hint.
func (p *duePanel) content(hint fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(container.NewPadded(hint), nil, nil, nil, container.NewVScroll(container.NewPadded(p.root)))
}

// The due list loads in the background once the app's event loop runs, so
// the first window appears without waiting for the query. cmd/keel tells
// the screens when that is by calling Started from the app's OnStarted
// hook; panels built before then wait in line, panels built after (a
// restore, a window opened from the start-up error window) load at once.
// Tests never call Started, so no goroutine of theirs races with a test;
// they call load and show themselves.
var (
	startMu    sync.Mutex
	appStarted bool
	waiting    []*duePanel
)

// Started tells the screens that the app's event loop is running. Call it
// once, from the app's Lifecycle OnStarted hook.
func Started() {
	startMu.Lock()
	appStarted = true
	w := waiting
	waiting = nil
	startMu.Unlock()
	for _, p := range w {
		p.reload()
	}
}

// start loads the list now if the app runs, else as soon as it does.
func (p *duePanel) start() {
	startMu.Lock()
	if appStarted {
		startMu.Unlock()
		p.reloadNow()
		return
	}
	waiting = append(waiting, p)
	startMu.Unlock()
}

// reload reads the list in the background and shows it when done.
func (p *duePanel) reload() {
	if p.ui.svc.Due == nil {
		return
	}
	today := p.ui.svc.today()
	p.pending.Add(1)
	go func() {
		defer p.pending.Done()
		due, err := p.load(today)
		fyne.Do(func() { p.show(due, err) })
	}()
}

// reloadNow reads and shows the list at once, after a change the coach
// made (a client deleted, samples loaded): one query of a few
// milliseconds, and no second goroutine touching the widgets.
func (p *duePanel) reloadNow() {
	if p.ui.svc.Due == nil {
		return
	}
	p.wait()
	p.show(p.load(p.ui.svc.today()))
}

// wait returns when no background reload is running (tests use it).
func (p *duePanel) wait() { p.pending.Wait() }

// load reads who is due on day today.
func (p *duePanel) load(today assessment.Date) ([]assessment.Due, error) {
	in, err := p.ui.svc.Due.FindDueInputs(ctx(), today)
	if err != nil {
		return nil, err
	}
	return assessment.DueForReassessment(in, today), nil
}

// show draws the list (on the UI goroutine).
func (p *duePanel) show(due []assessment.Due, err error) {
	p.box.Objects, p.buttons, p.due = nil, nil, due
	switch {
	case err != nil:
		p.box.Add(newWrapLabel(assessment.ErrorMessage(err)))
	case len(due) == 0:
		p.box.Add(newWrapLabel(lang.L("Nobody is due in the next week.")))
	}
	p.heading.SetText(lang.L("Due for reassessment"))
	if len(due) > 0 {
		p.heading.SetText(fmt.Sprintf(lang.L("Due for reassessment (%d)"), len(due)))
	}
	today := p.ui.svc.today()
	for _, d := range due {
		d := d
		when := fmt.Sprintf(lang.L("due %s"), d.Date)
		icon := theme.HistoryIcon()
		switch {
		case d.Overdue:
			when = fmt.Sprintf(lang.L("overdue since %s"), d.Date)
			icon = theme.NewWarningThemedResource(theme.WarningIcon())
		case d.Date == today:
			when = lang.L("due today")
		}
		b := newButton(fmt.Sprintf("%s — %s · %s", d.Name, when, lang.L(d.Reason)), icon, func() { p.home.openClient(d.ClientID) })
		b.Alignment = widget.ButtonAlignLeading
		p.buttons = append(p.buttons, b)
		p.box.Add(b)
	}
	p.box.Refresh()
}

// openClient shows client id on the right, as choosing her in the list
// does (asking first about unsaved changes).
func (s *homeScreen) openClient(id int64) {
	open := func() {
		s.selected = id
		s.detail.load(id)
		s.reselect()
		s.showRight()
	}
	if s.detail.dirty() {
		s.ui.confirmDiscard(func(save bool) {
			if save && !s.detail.onSave() {
				return
			}
			open()
		})
		return
	}
	open()
}
