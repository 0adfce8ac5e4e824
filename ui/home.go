package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// listPageSize is how many clients one query fetches for the list. The list
// is virtual: only the rows on screen exist as widgets, and rows are fetched
// a page at a time as the coach scrolls.
const listPageSize = 50

// clientPager feeds the virtual client list from the ClientService a page
// at a time.
type clientPager struct {
	svc    assessment.ClientService
	filter assessment.ClientFilter
	total  int
	pages  map[int][]*assessment.Client
}

// reset runs a new query and loads its first page.
func (p *clientPager) reset(query string, archived bool) error {
	p.filter = assessment.ClientFilter{Query: query, IncludeArchived: archived, Limit: listPageSize}
	p.pages = map[int][]*assessment.Client{}
	p.total = 0
	return p.load(0)
}

func (p *clientPager) load(page int) error {
	f := p.filter
	f.Offset = page * listPageSize
	cs, total, err := p.svc.FindClients(ctx(), f)
	if err != nil {
		return err
	}
	p.pages[page] = cs
	p.total = total
	return nil
}

// at returns the client in row i, fetching its page if needed.
func (p *clientPager) at(i int) *assessment.Client {
	page := i / listPageSize
	cs, ok := p.pages[page]
	if !ok {
		if p.load(page) != nil {
			return nil
		}
		cs = p.pages[page]
	}
	if j := i % listPageSize; j < len(cs) {
		return cs[j]
	}
	return nil
}

// indexOf returns the row of client id among the loaded pages, or −1.
func (p *clientPager) indexOf(id int64) int {
	for page, cs := range p.pages {
		for j, c := range cs {
			if c.ID == id {
				return page*listPageSize + j
			}
		}
	}
	return -1
}

// homeScreen is the main window: the client list on the left and the
// selected client on the right.
type homeScreen struct {
	ui *UI

	search       *keyEntry
	showArchived *widget.Check
	list         *keyList
	count        *widget.Label
	newClient    *widget.Button
	right        *fyne.Container

	pager        clientPager
	selected     int64 // client shown on the right, 0 for none
	anyClient    bool  // the database holds at least one client
	ignoreSelect bool

	detail *clientDetail
	empty  fyne.CanvasObject
	hint   fyne.CanvasObject
	due    *duePanel // clients due for reassessment, under the hint
}

func newHomeScreen(u *UI) *homeScreen {
	s := &homeScreen{ui: u}
	s.pager.svc = u.svc.Clients
	s.detail = newClientDetail(u, s)

	s.search = newKeyEntry()
	s.search.SetPlaceHolder(lang.L("Search clients (Ctrl+F)"))
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.search.OnChanged = func(string) { s.refresh() }

	s.showArchived = widget.NewCheck(lang.L("Show archived"), func(v bool) {
		u.prefs.SetShowArchived(v)
		s.refresh()
	})
	s.showArchived.Checked = u.prefs.ShowArchived()

	s.list = newKeyList(
		func() int { return s.pager.total },
		func() fyne.CanvasObject {
			name := widget.NewLabel("Template client name")
			name.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("")
			sub.SizeName = theme.SizeNameCaptionText
			// Two labels each carry inner padding: pull them together so a
			// row reads as one item.
			return container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), name, sub)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			name, sub := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Label)
			c := s.pager.at(id)
			if c == nil {
				name.SetText("")
				sub.SetText("")
				return
			}
			name.SetText(c.DisplayName())
			sub.SetText(clientSubtitle(c, u.svc.today()))
		},
	)
	s.list.OnSelected = s.onSelected
	// From the search box: Down goes into the results, Enter opens the
	// only match or goes into the results; in the list the arrows move,
	// Enter opens, and Up on the first row comes back to the box.
	s.list.back = s.search
	s.search.onDown = s.intoResults
	s.search.OnSubmitted = func(string) {
		if s.pager.total == 1 {
			s.list.Select(0)
			return
		}
		s.intoResults()
	}
	s.count = widget.NewLabel("")
	s.count.SizeName = theme.SizeNameCaptionText
	s.newClient = newImportantButton(lang.L("New client (Ctrl+N)"), s.onNew)
	s.newClient.Icon = theme.ContentAddIcon()

	s.empty = s.emptyState()
	s.due = newDuePanel(u, s)
	s.hint = s.due.content(container.NewCenter(widget.NewLabel(lang.L("Select a client on the left, or press Ctrl+N to add one."))))
	s.due.start()
	s.right = container.NewStack()
	s.refresh()
	return s
}

func (s *homeScreen) content() fyne.CanvasObject {
	settings := newButton(lang.L("Settings"), theme.SettingsIcon(), func() { s.ui.openSettings() })
	settings.Importance = widget.LowImportance
	exercises := newButton(lang.L("Exercises"), theme.ListIcon(), func() { s.ui.openExercises() })
	exercises.Importance = widget.LowImportance
	// New client on its own row; the library and settings below it, so the
	// list keeps its width and the client panel is never pushed off screen.
	top := container.NewVBox(s.newClient, container.NewGridWithColumns(2, exercises, settings), s.search, s.showArchived)
	left := container.NewBorder(top, s.count, nil, nil, s.list)
	split := container.NewHSplit(left, s.right)
	split.Offset = 0.28
	return split
}

// emptyState is what a coach sees before she has any client.
func (s *homeScreen) emptyState() fyne.CanvasObject {
	title := newHeading(lang.L("Welcome to Keel"))
	title.Alignment = fyne.TextAlignCenter
	body := newWrapLabel(lang.L("Keel keeps your clients, their assessments and their programmes on this computer. Start by adding your first client, or load a few sample clients to look around."))
	body.Alignment = fyne.TextAlignCenter
	add := newImportantButton(lang.L("Add a client"), s.onNew)
	add.Icon = theme.ContentAddIcon()
	samples := newButton(lang.L("Load sample clients"), theme.DownloadIcon(), s.onLoadSamples)
	if s.ui.svc.LoadSamples == nil {
		samples.Hide()
	}
	where := widget.NewLabel(fmt.Sprintf(lang.L("Data file: %s"), s.ui.svc.DBPath))
	where.SizeName = theme.SizeNameCaptionText
	where.Importance = widget.LowImportance
	where.Alignment = fyne.TextAlignCenter
	box := container.NewVBox(title, body, container.NewCenter(container.NewHBox(add, samples)), where)
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(520, 260), box))
}

// refresh re-runs the list query with the search text and archived toggle.
func (s *homeScreen) refresh() {
	if err := s.pager.reset(s.search.Text, s.showArchived.Checked); err != nil {
		s.ui.showError(lang.L("Could not list clients"), err)
		return
	}
	s.anyClient = s.pager.total > 0 || s.search.Text != "" || s.hasAnyClient()
	s.list.UnselectAll()
	s.list.Refresh()
	if s.search.Text != "" {
		s.count.SetText(fmt.Sprintf(lang.L("%d matching"), s.pager.total))
	} else {
		if s.pager.total == 1 {
			s.count.SetText(lang.L("1 client"))
		} else {
			s.count.SetText(fmt.Sprintf(lang.L("%d clients"), s.pager.total))
		}
	}
	s.reselect()
	s.showRight()
}

func (s *homeScreen) hasAnyClient() bool {
	_, n, err := s.ui.svc.Clients.FindClients(ctx(), assessment.ClientFilter{IncludeArchived: true, Limit: 1})
	return err == nil && n > 0
}

// reselect highlights the shown client in the list without triggering a
// new selection.
func (s *homeScreen) reselect() {
	if s.selected == 0 {
		return
	}
	if i := s.pager.indexOf(s.selected); i >= 0 {
		s.ignoreSelect = true
		s.list.Select(i)
		s.ignoreSelect = false
	}
}

func (s *homeScreen) showRight() {
	switch {
	case s.detail.visible():
		s.right.Objects = []fyne.CanvasObject{s.detail.content()}
	case !s.anyClient:
		s.right.Objects = []fyne.CanvasObject{s.empty}
	default:
		s.right.Objects = []fyne.CanvasObject{s.hint}
	}
	s.right.Refresh()
}

func (s *homeScreen) onSelected(id widget.ListItemID) {
	if s.ignoreSelect {
		return
	}
	c := s.pager.at(id)
	if c == nil || c.ID == s.selected {
		return
	}
	open := func() {
		s.selected = c.ID
		s.detail.load(c.ID)
		s.showRight()
	}
	if s.detail.dirty() {
		s.ui.confirmDiscard(func(save bool) {
			if save && !s.detail.onSave() {
				s.reselect()
				return
			}
			open()
			s.reselect()
		})
		// Until the coach answers, keep the list showing the client being edited.
		s.reselectLater()
		return
	}
	open()
}

// reselectLater puts the highlight back on the edited client while the
// unsaved-changes dialog is open.
func (s *homeScreen) reselectLater() {
	if i := s.pager.indexOf(s.selected); i >= 0 {
		s.ignoreSelect = true
		s.list.Select(i)
		s.ignoreSelect = false
	} else {
		s.list.UnselectAll()
	}
}

func (s *homeScreen) onNew() {
	start := func() {
		s.selected = 0
		s.list.UnselectAll()
		s.detail.startNew()
		s.showRight()
		// Focus only once the form is on the canvas, so typing goes to it.
		s.ui.win.Canvas().Focus(s.detail.name)
	}
	if s.detail.dirty() {
		s.ui.confirmDiscard(func(save bool) {
			if save && !s.detail.onSave() {
				return
			}
			start()
		})
		return
	}
	start()
}

// intoResults gives the client list the keyboard, on the client shown or
// the first row.
func (s *homeScreen) intoResults() {
	id := 0
	if s.selected != 0 {
		id = max(s.pager.indexOf(s.selected), 0)
	}
	s.list.enter(id)
}

func (s *homeScreen) focusSearch() { s.ui.win.Canvas().Focus(s.search) }

func (s *homeScreen) onLoadSamples() {
	if s.ui.svc.LoadSamples == nil {
		return
	}
	if err := s.ui.svc.LoadSamples(ctx()); err != nil {
		s.ui.showError(lang.L("Could not load sample clients"), err)
		return
	}
	s.refresh()
	s.due.reloadNow()
}

// saved is called by the detail panel after a client was stored.
func (s *homeScreen) saved(id int64) {
	s.selected = id
	s.refresh()
}

// removed is called after the shown client was deleted or hidden.
func (s *homeScreen) removed() {
	s.selected = 0
	s.detail.clear()
	s.refresh()
	s.due.reloadNow()
}

func clientSubtitle(c *assessment.Client, today assessment.Date) string {
	var parts []string
	if c.Archived {
		parts = append(parts, lang.L("archived"))
	}
	if w, ok := c.WeeksPostpartum(today); ok {
		if w < 104 {
			parts = append(parts, fmt.Sprintf(lang.L("%d weeks postpartum"), w))
		} else {
			parts = append(parts, fmt.Sprintf(lang.L("%d years postpartum"), w/52))
		}
	}
	if c.DeliveryMode == assessment.DeliveryCaesarean {
		parts = append(parts, lang.L("caesarean"))
	}
	// Not recorded is said, never read as none.
	if c.BirthsUnknown {
		parts = append(parts, lang.L("births not recorded"))
	}
	if len(parts) == 0 {
		return " "
	}
	out := parts[0]
	for _, p := range parts[1:] {
		out += " · " + p
	}
	return out
}
