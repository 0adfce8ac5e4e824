package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// clientForm is what the form fields hold, as typed. Comparing two of them
// tells whether the coach changed anything.
type clientForm struct {
	name, preferred, birth, phone, email, births, delivery, mode, clearDate, clearBy, notes string
}

// clientDetail shows and edits one client on the right of the main window.
type clientDetail struct {
	ui   *UI
	home *homeScreen

	client *assessment.Client // nil when adding a new client
	adding bool
	shown  bool
	orig   clientForm

	title     *widget.Label
	subtitle  *widget.Label
	name      *widget.Entry
	preferred *widget.Entry
	birth     *widget.Entry
	phone     *widget.Entry
	email     *widget.Entry
	births    *widget.Entry
	delivery  *widget.Entry
	mode      *widget.Select
	clearDate *widget.Entry
	clearBy   *widget.Entry
	notes     *multiLineEntry
	errs      map[string]fieldError

	save, cancel, archive, del *widget.Button
	status                     *widget.Label

	// extra holds the sections later screens add under the form (the
	// client's assessments and programmes).
	extra       *fyne.Container
	detailsHead *widget.Label
	scroll      *container.Scroll
	root        fyne.CanvasObject
}

var modeLabels = []string{"Not recorded", "Vaginal", "Assisted (forceps or ventouse)", "Caesarean"}

func modeToLabel(m assessment.DeliveryMode) string {
	switch m {
	case assessment.DeliveryVaginal:
		return lang.L(modeLabels[1])
	case assessment.DeliveryAssisted:
		return lang.L(modeLabels[2])
	case assessment.DeliveryCaesarean:
		return lang.L(modeLabels[3])
	}
	return lang.L(modeLabels[0])
}

func labelToMode(s string) assessment.DeliveryMode {
	switch s {
	case lang.L(modeLabels[1]):
		return assessment.DeliveryVaginal
	case lang.L(modeLabels[2]):
		return assessment.DeliveryAssisted
	case lang.L(modeLabels[3]):
		return assessment.DeliveryCaesarean
	}
	return assessment.DeliveryUnknown
}

func newClientDetail(u *UI, h *homeScreen) *clientDetail {
	d := &clientDetail{ui: u, home: h, errs: map[string]fieldError{}}
	entry := func(placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(placeholder)
		e.OnSubmitted = func(string) { d.onSave() }
		e.OnChanged = func(string) { d.changed() }
		return e
	}
	d.name = entry(lang.L("Full name"))
	d.preferred = entry(lang.L("What she likes to be called"))
	d.birth = entry("YYYY-MM-DD")
	d.phone = entry("+44 7700 900123")
	d.email = entry("name@example.com")
	d.births = entry(lang.L("Not recorded"))
	d.delivery = entry("YYYY-MM-DD")
	labels := make([]string, len(modeLabels))
	for i, l := range modeLabels {
		labels[i] = lang.L(l)
	}
	d.mode = widget.NewSelect(labels, func(string) { d.changed() })
	d.clearDate = entry("YYYY-MM-DD")
	d.clearBy = entry(lang.L("e.g. Dr Patel (GP)"))
	d.notes = newMultiLineEntry()
	d.notes.SetPlaceHolder(lang.L("Anything worth remembering"))
	d.notes.Wrapping = fyne.TextWrapWord
	d.notes.SetMinRowsVisible(3)
	d.notes.OnChanged = func(string) { d.changed() }
	for _, f := range []string{assessment.FieldName, assessment.FieldPreferredName, assessment.FieldBirthDate, assessment.FieldPhone,
		assessment.FieldEmail, assessment.FieldBirths, assessment.FieldLastDelivery, assessment.FieldDeliveryMode,
		assessment.FieldClearanceDate, assessment.FieldClearanceBy, assessment.FieldNotes} {
		d.errs[f] = newFieldError()
	}

	d.title = newHeading("")
	d.subtitle = widget.NewLabel("")
	d.subtitle.Importance = widget.LowImportance
	d.save = newImportantButton(lang.L("Save"), func() { d.onSave() })
	d.save.Icon = theme.DocumentSaveIcon()
	d.cancel = newButton(lang.L("Cancel"), theme.CancelIcon(), d.onCancel)
	d.archive = newButton(lang.L("Archive"), theme.FolderIcon(), d.onArchive)
	d.del = newButton(lang.L("Delete…"), theme.DeleteIcon(), d.onDelete)
	d.del.Importance = widget.DangerImportance
	d.status = widget.NewLabel("")
	d.status.Importance = widget.SuccessImportance
	d.extra = container.NewVBox()

	rows := [][]fyne.CanvasObject{
		fieldRow(lang.L("Name"), d.name, d.errs[assessment.FieldName]),
		fieldRow(lang.L("Preferred name"), d.preferred, d.errs[assessment.FieldPreferredName]),
		fieldRow(lang.L("Date of birth"), d.birth, d.errs[assessment.FieldBirthDate]),
		fieldRow(lang.L("Phone"), d.phone, d.errs[assessment.FieldPhone]),
		fieldRow(lang.L("Email"), d.email, d.errs[assessment.FieldEmail]),
		fieldRow(lang.L("Births"), container.NewVBox(d.births, birthsHint()), d.errs[assessment.FieldBirths]),
		fieldRow(lang.L("Last delivery"), d.delivery, d.errs[assessment.FieldLastDelivery]),
		fieldRow(lang.L("Delivery mode"), d.mode, d.errs[assessment.FieldDeliveryMode]),
		fieldRow(lang.L("Medical clearance date"), d.clearDate, d.errs[assessment.FieldClearanceDate]),
		fieldRow(lang.L("Cleared by"), d.clearBy, d.errs[assessment.FieldClearanceBy]),
		fieldRow(lang.L("Notes"), d.notes, d.errs[assessment.FieldNotes]),
	}
	var cells []fyne.CanvasObject
	for _, r := range rows {
		cells = append(cells, r...)
	}
	form := formGrid(cells...)
	buttons := container.NewHBox(d.save, d.cancel, d.status, layoutSpacer(), d.archive, d.del)
	header := container.NewVBox(d.title, d.subtitle)
	// Her assessments and programmes come first: reassessing and following
	// her progress is what a coach opens a client for; the details below
	// change rarely. A new client has only the details.
	d.detailsHead = newHeading(lang.L("Details"))
	body := container.NewVBox(d.extra, d.detailsHead, form, buttons)
	d.scroll = container.NewVScroll(body)
	d.root = container.NewBorder(header, nil, nil, nil, d.scroll)
	return d
}

func (d *clientDetail) content() fyne.CanvasObject { return d.root }

func (d *clientDetail) visible() bool { return d.shown }

func (d *clientDetail) values() clientForm {
	return clientForm{
		name: d.name.Text, preferred: d.preferred.Text, birth: d.birth.Text, phone: d.phone.Text,
		email: d.email.Text, births: d.births.Text, delivery: d.delivery.Text, mode: d.mode.Selected,
		clearDate: d.clearDate.Text, clearBy: d.clearBy.Text, notes: d.notes.Text,
	}
}

// dirty reports whether the form holds changes not yet saved.
func (d *clientDetail) dirty() bool { return d.shown && d.values() != d.orig }

func (d *clientDetail) changed() {
	if !d.shown {
		return
	}
	if d.dirty() {
		d.save.Enable()
		d.cancel.Enable()
		d.status.SetText("")
	} else if !d.adding {
		d.save.Disable()
		d.cancel.Disable()
	}
}

// birthsHint says under the births field what a blank means. Her file
// stores a number of births and cannot tell "none" from "not asked", so a
// blank and a 0 are both kept as not recorded and the postpartum rules go
// on applying: the strictest reading, said where the coach types it.
func birthsHint() *widget.Label {
	l := newWrapLabel(lang.L("Leave blank if you did not ask: Keel then keeps the postpartum safety rules. Type 0 only if she has never given birth."))
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// fill puts a client's values into the fields (an empty client for a new one).
func (d *clientDetail) fill(c *assessment.Client) {
	births := ""
	if !c.BirthsUnknown && c.ID != 0 { // blank: not recorded (and for a new client); a recorded 0 shows as 0
		births = strconv.Itoa(c.Births)
	}
	var cd, cb string
	if c.Clearance != nil {
		cd, cb = c.Clearance.Date.String(), c.Clearance.By
	}
	d.name.SetText(c.Name)
	d.preferred.SetText(c.PreferredName)
	d.birth.SetText(c.BirthDate.String())
	d.phone.SetText(c.Phone)
	d.email.SetText(c.Email)
	d.births.SetText(births)
	d.delivery.SetText(c.LastDelivery.String())
	d.mode.SetSelected(modeToLabel(c.DeliveryMode))
	d.clearDate.SetText(cd)
	d.clearBy.SetText(cb)
	d.notes.SetText(c.Notes)
	d.orig = d.values()
	d.showErrors(nil)
}

func (d *clientDetail) load(id int64) {
	c, err := d.ui.svc.Clients.FindClientByID(ctx(), id)
	if err != nil {
		d.ui.showError(lang.L("Could not open client"), err)
		return
	}
	// Another client (or the one just added) opens at the top, with her
	// assessments; the same client saved again stays where the coach is.
	if d.client == nil || d.client.ID != c.ID || d.adding {
		d.scroll.ScrollToTop()
	}
	d.client, d.adding, d.shown = c, false, true
	d.fill(c)
	d.title.SetText(c.DisplayName())
	d.subtitle.SetText(clientSubtitle(c, d.ui.svc.today()))
	d.status.SetText("")
	d.save.Disable()
	d.cancel.Disable()
	d.archive.Show()
	d.del.Show()
	if c.Archived {
		d.archive.SetText(lang.L("Unarchive"))
	} else {
		d.archive.SetText(lang.L("Archive"))
	}
	d.reloadSections()
}

// reloadSections redraws the panels under the form (her assessments and
// programmes), e.g. after coming back from one of them.
func (d *clientDetail) reloadSections() {
	d.extra.Objects = nil
	if d.client != nil && !d.adding {
		for _, s := range d.ui.clientSections {
			d.extra.Add(s(d.client))
		}
		d.extra.Add(widget.NewSeparator())
	}
	// The panels change the height of everything below them: lay the
	// whole panel out again, not just this container.
	if d.root != nil {
		d.root.Refresh()
	}
}

func (d *clientDetail) startNew() {
	d.client, d.adding, d.shown = nil, true, true
	d.fill(&assessment.Client{})
	d.title.SetText(lang.L("New client"))
	d.subtitle.SetText(lang.L("Only the name is required. Press Enter or Ctrl+S to save."))
	d.status.SetText("")
	d.save.Enable()
	d.cancel.Enable()
	d.archive.Hide()
	d.del.Hide()
	d.extra.Objects = nil
	d.extra.Refresh()
}

func (d *clientDetail) clear() {
	d.client, d.adding, d.shown = nil, false, false
	d.orig = clientForm{}
}

// collect reads the form into a client, reporting fields that cannot even
// be parsed (a malformed date, a births value that is not a number).
func (d *clientDetail) collect() (*assessment.Client, assessment.ValidationErrors) {
	var c assessment.Client
	if d.client != nil {
		c = *d.client
	}
	var v assessment.ValidationErrors
	date := func(field, s string) assessment.Date {
		t, err := assessment.ParseDate(strings.TrimSpace(s))
		if err != nil {
			v.Add(field, "Write the date as YYYY-MM-DD, e.g. 1990-01-31.")
		}
		return t
	}
	c.Name = d.name.Text
	c.PreferredName = d.preferred.Text
	c.BirthDate = date(assessment.FieldBirthDate, d.birth.Text)
	c.Phone = d.phone.Text
	c.Email = d.email.Text
	c.Births, c.BirthsUnknown = 0, true // blank: not recorded, never 0
	if s := strings.TrimSpace(d.births.Text); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			v.Add(assessment.FieldBirths, "Enter the number of births as a whole number, e.g. 2.")
		}
		c.Births, c.BirthsUnknown = n, false
	}
	c.LastDelivery = date(assessment.FieldLastDelivery, d.delivery.Text)
	c.DeliveryMode = labelToMode(d.mode.Selected)
	c.Clearance = nil
	if strings.TrimSpace(d.clearDate.Text) != "" || strings.TrimSpace(d.clearBy.Text) != "" {
		c.Clearance = &assessment.Clearance{Date: date(assessment.FieldClearanceDate, d.clearDate.Text), By: d.clearBy.Text}
	}
	c.Notes = d.notes.Text
	c.Normalize()
	return &c, v
}

func (d *clientDetail) showErrors(v assessment.ValidationErrors) {
	for field, e := range d.errs {
		e.set(v.For(field))
	}
	// A message changes the height of its row: lay the form out again.
	if d.root != nil {
		d.root.Refresh()
	}
}

// onSave validates and stores the form. It reports whether the client was
// saved; on failure the messages stand next to the fields and nothing is
// written.
func (d *clientDetail) onSave() bool {
	if !d.shown {
		return false
	}
	if !d.adding && !d.dirty() {
		return true
	}
	c, parseErrs := d.collect()
	if err := c.Validate(d.ui.svc.today()); err != nil || len(parseErrs) > 0 {
		all := append(parseErrs, assessment.FieldErrors(err)...)
		d.showErrors(all)
		d.status.SetText("")
		return false
	}
	var err error
	if d.adding {
		err = d.ui.svc.Clients.CreateClient(ctx(), c)
	} else {
		err = d.ui.svc.Clients.UpdateClient(ctx(), c)
	}
	if d.ui.saveFailedReload(err, lang.L("Could not save client"), d.showErrors, d.reloadSaved) {
		return false
	}
	d.home.saved(c.ID)
	d.load(c.ID)
	d.status.SetText(lang.L("Saved"))
	return true
}

// reloadSaved puts the stored copy of her details on the form, after
// another window or coach saved them: the coach chose to let her edits go.
func (d *clientDetail) reloadSaved() {
	if d.client != nil {
		d.load(d.client.ID)
		d.home.refresh()
	}
}

func (d *clientDetail) onCancel() {
	if d.adding {
		d.clear()
		d.home.removed()
		return
	}
	if d.client != nil {
		d.load(d.client.ID)
	}
}

func (d *clientDetail) onArchive() {
	if d.client == nil {
		return
	}
	if d.dirty() {
		d.ui.confirmDiscard(func(save bool) {
			if save && !d.onSave() {
				return
			}
			d.load(d.client.ID) // discard: back to what is stored
			d.onArchive()
		})
		return
	}
	archived := !d.client.Archived
	if err := d.ui.svc.Clients.SetArchived(ctx(), d.client.ID, archived); err != nil {
		d.ui.showError(lang.L("Could not archive client"), err)
		return
	}
	if archived && !d.home.showArchived.Checked {
		d.home.removed()
		return
	}
	d.load(d.client.ID)
	d.home.refresh()
}

func (d *clientDetail) onDelete() {
	if d.client == nil {
		return
	}
	c := d.client
	msg := fmt.Sprintf(lang.L("Delete %s for good?\n\nThis removes her details, every assessment, programme and session log. It cannot be undone."), c.Name)
	dlg := dialog.NewConfirm(lang.L("Delete client"), msg, func(ok bool) {
		if !ok {
			return
		}
		if err := d.ui.svc.Clients.DeleteClient(ctx(), c.ID); err != nil {
			d.ui.showError(lang.L("Could not delete client"), err)
			return
		}
		d.home.removed()
	}, d.ui.win)
	dlg.SetConfirmText(lang.L("Delete"))
	dlg.SetConfirmImportance(widget.DangerImportance)
	dlg.Show()
}
