package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// assessmentScreen records one assessment session: the coach fills the
// sections she tested, and the findings panel and referral banner update
// as she types.
type assessmentScreen struct {
	ui     *UI
	client *assessment.Client
	record *assessment.Record // the stored record; nil until first saved
	onDone func()

	b                  *recordBinder
	date               *widget.Entry
	dateErr            fieldError
	coach              *widget.Entry
	kind               *widget.Select
	notes              *widget.Entry
	clearDate, clearBy *widget.Entry
	clearErr           fieldError

	hingeSuggest *widget.Label
	hingeScore   *widget.Select
	hinge        func(*assessment.Record) *assessment.Hinge
	widthUnit    string

	banner     *fyne.Container
	bannerText *widget.Label
	findings   *fyne.Container
	status     *widget.Label
	save, del  *widget.Button
	programme  *widget.Button
	orig       []byte
	root       fyne.CanvasObject
	scroll     *container.Scroll
	formBox    fyne.CanvasObject

	// Reassessment prefill: the sections still carried over from an
	// earlier assessment, each as it was carried (to notice a change), and
	// where they came from. A section stops being carried over when the
	// coach confirms it or changes anything in it.
	carried      map[string]bool
	carriedJSON  map[string]string
	carriedFrom  *assessment.Record
	banners      map[string]fyne.CanvasObject
	carriedNote  *widget.Label
	confirmAll   *widget.Button
	carriedPanel *fyne.Container
	// weeksShown is the weeks postpartum Keel last put in the form for the
	// date; when the coach has not typed her own, a new date moves it on.
	weeksShown string
}

var (
	liftingChoices    = []choice{{assessment.LiftingRarely, "Rarely"}, {assessment.LiftingDaily, "A few times a day"}, {assessment.LiftingManyDaily, "Many times a day"}}
	tiltChoices       = []choice{{assessment.TiltAnterior, "Anterior"}, {assessment.TiltNeutral, "Neutral"}, {assessment.TiltPosterior, "Posterior"}}
	methodChoices     = []choice{{assessment.MethodVisual, "Visual"}, {assessment.MethodPALM, "PALM palpation meter"}, {assessment.MethodInclinometer, "Inclinometer"}, {assessment.MethodPhone, "Phone app"}}
	trendChoices      = []choice{{assessment.TrendelenburgNegative, "Negative (level)"}, {assessment.TrendelenburgPositive, "Positive (pelvis drops)"}}
	pheChoices        = []choice{{assessment.PHEGluteLed, "Glute-led"}, {assessment.PHESimultaneous, "Simultaneous"}, {assessment.PHEHamstringDominant, "Hamstring-dominant"}, {assessment.PHELumbarDominant, "Lumbar-dominant"}, {assessment.PHENoGlute, "No glute felt"}}
	slFaultChoices    = []choice{{assessment.FaultHipHike, "Hip hike"}, {assessment.FaultTFLFlexion, "Hip flexes / rolls in (TFL)"}, {assessment.FaultTrunkRoll, "Trunk rolls back"}}
	hingeFaultChoices = []choice{{assessment.HingeLumbarFlexion, "Lumbar flexion (back rounds)"}, {assessment.HingeLumbarHyperext, "Lumbar hyperextension"}, {assessment.HingeSquatting, "Squatting the hinge"}, {assessment.HingeKneesForward, "Knees travel forward"}, {assessment.HingeNeckExtension, "Neck extends"}, {assessment.HingeWeightToToes, "Weight to toes"}}
	depthChoices      = []choice{{assessment.DepthShallow, "Shallow"}, {assessment.DepthModerate, "Moderate"}, {assessment.DepthDeep, "Deep"}}
	tensionChoices    = []choice{{assessment.TensionFirm, "Firm"}, {assessment.TensionModerate, "Moderate"}, {assessment.TensionSoft, "Soft"}}
	domingChoices     = []choice{{assessment.DomingNone, "None"}, {assessment.DomingMild, "Mild"}, {assessment.DomingMarked, "Marked"}}
	postureChoices    = []choice{{assessment.SeverityNone, "None"}, {assessment.SeverityMild, "Mild"}, {assessment.SeverityModerate, "Moderate"}, {assessment.SeverityMarked, "Marked"}}
	siteChoices       = []choice{{assessment.SiteLowBack, "Low back"}, {assessment.SiteSacroiliac, "Sacroiliac"}, {assessment.SitePubic, "Pubic"}, {assessment.SiteHip, "Hip"}, {assessment.SiteButtock, "Buttock"}, {assessment.SiteUpperBack, "Upper back"}, {assessment.SiteNeck, "Neck"}, {assessment.SiteLeg, "Leg"}}
)

// newAssessmentScreen opens record r of client c, or a new assessment when
// r is nil. onDone runs when the coach leaves the screen.
func newAssessmentScreen(u *UI, c *assessment.Client, r *assessment.Record, onDone func()) *assessmentScreen {
	s := &assessmentScreen{ui: u, client: c, record: r, onDone: onDone, widthUnit: u.diastasisUnit()}
	s.b = newRecordBinder(s.changed)
	s.build()
	if r == nil {
		r = s.newRecord()
	} else if s.widthUnit == UnitFingers && usesMM(r) {
		s.widthUnit = UnitMM // show a record in the unit it was measured in
		s.build()
	}
	s.fill(r)
	return s
}

func usesMM(r *assessment.Record) bool {
	if r.Diastasis == nil {
		return false
	}
	for _, site := range []*assessment.DiastasisSite{r.Diastasis.Above, r.Diastasis.At, r.Diastasis.Below} {
		if site != nil && site.WidthMM != nil {
			return true
		}
	}
	return false
}

// newRecord is a fresh intake for the client, with what Keel already knows
// filled in: today, her weeks postpartum and any medical clearance.
func (s *assessmentScreen) newRecord() *assessment.Record {
	today := s.ui.svc.today()
	r := &assessment.Record{ClientID: s.client.ID, Date: today, Kind: assessment.KindIntake, Coach: s.ui.profile().CoachName}
	if w, ok := s.weeksAt(today); ok {
		r.Context = &assessment.Context{WeeksPostpartum: &w}
	}
	// No clearance is copied in: a doctor's clearance answers the red flags
	// of the assessment she saw, not those of a later one.
	return r
}

func (s *assessmentScreen) fill(r *assessment.Record) {
	s.b.loading = true
	s.date.SetText(r.Date.String())
	s.coach.SetText(r.Coach)
	if r.Kind == assessment.KindReassessment {
		s.kind.SetSelected(lang.L("Reassessment"))
	} else {
		s.kind.SetSelected(lang.L("Intake"))
	}
	s.notes.SetText(r.Notes)
	if r.MedicalClearance != nil {
		s.clearDate.SetText(r.MedicalClearance.Date.String())
		s.clearBy.SetText(r.MedicalClearance.By)
	}
	s.b.loading = false
	s.b.load(r)
	// Each carried section is remembered as the form reads it back (the
	// form normalises some fields), so only the coach's edits count as a
	// change.
	s.carried, s.carriedJSON = map[string]bool{}, map[string]string{}
	for _, k := range r.CarriedOver {
		s.carried[k] = true
	}
	shown, _ := s.collect()
	for k := range s.carried {
		if j := sectionJSON(shown, k); j != "null" {
			s.carriedJSON[k] = j
		} else {
			delete(s.carried, k)
		}
	}
	s.weeksShown = ""
	if r.Context != nil && r.Context.WeeksPostpartum != nil {
		if w, ok := s.weeksAt(r.Date); ok && w == *r.Context.WeeksPostpartum {
			s.weeksShown = strconv.Itoa(w)
		}
	}
	s.updateBanners()
	s.orig = s.snapshot()
	s.refreshFindings()
	s.updateButtons()
}

// collect reads the whole form into a record, with the values that did not
// parse.
func (s *assessmentScreen) collect() (*assessment.Record, assessment.ValidationErrors) {
	r := &assessment.Record{Format: assessment.FormatAssessment, ClientID: s.client.ID}
	if s.record != nil {
		r.ID, r.CreatedAt = s.record.ID, s.record.CreatedAt
	}
	var v assessment.ValidationErrors
	d, err := assessment.ParseDate(strings.TrimSpace(s.date.Text))
	if err != nil {
		v.Add("date", "Write the date as YYYY-MM-DD, e.g. 2026-11-20.")
	}
	r.Date = d
	r.Coach = strings.TrimSpace(s.coach.Text)
	r.Kind = assessment.KindIntake
	if s.kind.Selected == lang.L("Reassessment") {
		r.Kind = assessment.KindReassessment
	}
	r.Notes = strings.TrimSpace(s.notes.Text)
	if strings.TrimSpace(s.clearDate.Text) != "" || strings.TrimSpace(s.clearBy.Text) != "" {
		cd, err := assessment.ParseDate(strings.TrimSpace(s.clearDate.Text))
		if err != nil {
			v.Add("medical_clearance.date", "Write the date as YYYY-MM-DD.")
		}
		r.MedicalClearance = &assessment.Clearance{Date: cd, By: strings.TrimSpace(s.clearBy.Text)}
	}
	c := s.client
	r.Client = &assessment.ClientSnapshot{Name: c.Name, BirthDate: c.BirthDate, Births: c.Births, LastDelivery: c.LastDelivery, DeliveryMode: c.DeliveryMode}
	v = append(v, s.b.save(r)...)
	// The record in the shape Keel stores it: empty sides not tested, the
	// hinge override flag set (the domain decides, not the form).
	r.Normalize()
	for _, k := range assessment.Sections {
		if s.carried[k] && sectionJSON(r, k) != "null" {
			r.CarriedOver = append(r.CarriedOver, k)
		}
	}
	return r, v
}

func (s *assessmentScreen) snapshot() []byte {
	r, _ := s.collect()
	r.ID, r.CreatedAt, r.UpdatedAt = 0, r.CreatedAt.UTC(), r.UpdatedAt.UTC()
	b, _ := json.Marshal(r)
	return b
}

func (s *assessmentScreen) dirty() bool { return !bytes.Equal(s.snapshot(), s.orig) }

func (s *assessmentScreen) changed() {
	s.status.SetText("")
	s.updateCarried()
	s.refreshFindings()
	s.updateButtons()
}

func (s *assessmentScreen) updateButtons() {
	if s.record == nil || s.dirty() {
		s.save.Enable()
	} else {
		s.save.Disable()
	}
	if s.record == nil {
		s.del.Disable()
		s.programme.Disable()
	} else {
		s.del.Enable()
		s.programme.Enable()
	}
}

// refreshFindings re-reads the findings from what is on the form now.
func (s *assessmentScreen) refreshFindings() {
	r, _ := s.collect()
	in := assessment.Interpret(r)
	if in.ReferralRequired {
		var reasons []string
		for _, ref := range in.Referrals {
			reasons = append(reasons, "• "+ref.Reason)
		}
		s.bannerText.SetText(lang.L("Refer before exercise") + "\n" + strings.Join(reasons, "\n"))
	}
	if in.ReferralRequired != s.banner.Visible() {
		s.banner.Hidden = !in.ReferralRequired
		s.root.Refresh() // the banner changes the header's height
	}
	if s.hingeSuggest != nil {
		h := s.hinge(r)
		if h != nil {
			s.hingeSuggest.SetText(fmt.Sprintf(lang.L("Keel suggests %d from the contacts and faults."), assessment.SuggestHingeScore(h)))
		} else {
			s.hingeSuggest.SetText("")
		}
	}
	s.findings.Objects = nil
	if err := r.Validate(); err != nil {
		warn := widget.NewLabel(lang.L("Some values are out of range; correct them before saving. The findings below read the form as it is."))
		warn.Wrapping = fyne.TextWrapWord
		warn.Importance = widget.WarningImportance
		s.findings.Add(warn)
	}
	for _, f := range in.Findings {
		s.findings.Add(findingRow(f))
	}
	if len(in.NotTested) > 0 {
		var names []string
		for _, k := range in.NotTested {
			names = append(names, sectionName(k))
		}
		nt := widget.NewLabel(lang.L("Not tested: ") + strings.Join(names, ", "))
		nt.Wrapping = fyne.TextWrapWord
		nt.Importance = widget.LowImportance
		s.findings.Add(nt)
	}
	s.findings.Refresh()
}

func findingRow(f assessment.Finding) fyne.CanvasObject {
	icon := theme.InfoIcon()
	imp := widget.MediumImportance
	switch f.Severity {
	case assessment.SeverityRefer:
		icon, imp = theme.ErrorIcon(), widget.DangerImportance
	case assessment.SeverityHigh:
		icon, imp = theme.WarningIcon(), widget.WarningImportance
	}
	title := widget.NewLabel(f.Coach)
	title.Wrapping = fyne.TextWrapWord
	title.Importance = imp
	ev := widget.NewLabel(f.Evidence)
	ev.Wrapping = fyne.TextWrapWord
	ev.SizeName = theme.SizeNameCaptionText
	ev.Importance = widget.LowImportance
	sev := widget.NewLabel(strings.ToUpper(f.Severity.String()))
	sev.SizeName = theme.SizeNameCaptionText
	return container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil, container.NewVBox(container.NewHBox(sev), title, ev))
}

func (s *assessmentScreen) content() fyne.CanvasObject { return s.root }

// onSave validates the form and stores it in one transaction. On failure
// each message stands next to its field and nothing is written.
func (s *assessmentScreen) onSave() bool {
	r, parseErrs := s.collect()
	all := parseErrs
	if err := r.Validate(); err != nil {
		all = append(all, assessment.FieldErrors(err)...)
	}
	if len(all) > 0 {
		s.status.Importance = widget.DangerImportance
		if len(all) == 1 {
			s.status.SetText(lang.L("1 field needs attention"))
		} else {
			s.status.SetText(fmt.Sprintf(lang.L("%d fields need attention"), len(all)))
		}
		s.showErrors(all)
		s.scrollToFirst(all)
		return false
	}
	var err error
	if s.record == nil {
		err = s.ui.svc.Records.CreateRecord(ctx(), r)
	} else {
		err = s.ui.svc.Records.UpdateRecord(ctx(), r)
	}
	if s.ui.saveFailed(err, lang.L("Could not save the assessment"), s.showErrors) {
		return false
	}
	s.record = r
	s.showErrors(nil)
	s.orig = s.snapshot()
	s.status.Importance = widget.SuccessImportance
	s.status.SetText(lang.L("Saved"))
	s.updateButtons()
	return true
}

// scrollToFirst brings the topmost refused field into view, so the coach
// sees its message without hunting for it.
func (s *assessmentScreen) scrollToFirst(v assessment.ValidationErrors) {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(s.formBox).Y
	best := float32(-1)
	for _, e := range v {
		if w, ok := s.b.widgets[e.Field]; ok {
			if y := d.AbsolutePositionForObject(w).Y - top; best < 0 || y < best {
				best = y
			}
		}
	}
	if best >= 0 {
		s.scroll.ScrollToOffset(fyne.NewPos(0, best-60))
	}
}

func (s *assessmentScreen) showErrors(v assessment.ValidationErrors) {
	s.dateErr.set(v.For("date"))
	msg := v.For("medical_clearance.date")
	if m := v.For("medical_clearance.by"); m != "" {
		msg = strings.TrimSpace(msg + " " + m)
	}
	s.clearErr.set(msg)
	for _, sec := range s.b.sections {
		sec.err.set("")
	}
	s.b.showErrors(v)
	// Messages change row heights: lay the form out again.
	s.root.Refresh()
}

// onBack leaves the screen, asking first when there are unsaved changes.
func (s *assessmentScreen) onBack() {
	if !s.dirty() {
		s.leave()
		return
	}
	s.ui.askUnsaved(lang.L("This assessment has changes that are not saved yet."), func(save bool) {
		if !save || s.onSave() {
			s.leave()
		}
	}, nil)
}

func (s *assessmentScreen) leave() {
	if s.ui.current == s {
		s.ui.current = nil
	}
	s.ui.popScreen()
	if s.onDone != nil {
		s.onDone()
	}
}

func (s *assessmentScreen) onDelete() {
	if s.record == nil {
		return
	}
	msg := fmt.Sprintf(lang.L("Delete the assessment of %s on %s? Programmes made from it are deleted too. This cannot be undone."), s.client.Name, s.record.Date)
	d := dialog.NewConfirm(lang.L("Delete assessment"), msg, func(ok bool) {
		if !ok {
			return
		}
		if err := s.ui.svc.Records.DeleteRecord(ctx(), s.record.ID); err != nil {
			s.ui.showError(lang.L("Could not delete the assessment"), err)
			return
		}
		s.orig = s.snapshot() // nothing left to save
		s.leave()
	}, s.ui.win)
	d.SetConfirmText(lang.L("Delete"))
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// build lays out the screen: header, referral banner, the form on the left
// and the findings on the right.
func (s *assessmentScreen) build() {
	s.b = newRecordBinder(s.changed)
	s.status = widget.NewLabel("")
	s.date = widget.NewEntry()
	s.date.SetPlaceHolder("YYYY-MM-DD")
	s.date.OnChanged = func(string) {
		s.onDateChanged()
		s.b.changed()
	}
	s.dateErr = newFieldError()
	s.coach = widget.NewEntry()
	s.coach.SetPlaceHolder(lang.L("Coach"))
	s.coach.OnChanged = func(string) { s.b.changed() }
	s.kind = widget.NewSelect([]string{lang.L("Intake"), lang.L("Reassessment")}, func(string) { s.b.changed() })
	s.notes = widget.NewMultiLineEntry()
	s.notes.Wrapping = fyne.TextWrapWord
	s.notes.SetMinRowsVisible(3)
	s.notes.SetPlaceHolder(lang.L("Anything else you noticed"))
	s.notes.OnChanged = func(string) { s.b.changed() }
	s.clearDate = widget.NewEntry()
	s.clearDate.SetPlaceHolder("YYYY-MM-DD")
	s.clearDate.OnChanged = func(string) { s.b.changed() }
	s.clearBy = widget.NewEntry()
	s.clearBy.SetPlaceHolder(lang.L("e.g. Dr Patel (GP)"))
	s.clearBy.OnChanged = func(string) { s.b.changed() }
	s.clearErr = newFieldError()

	s.save = newImportantButton(lang.L("Save (Ctrl+S)"), func() { s.onSave() })
	s.save.Icon = theme.DocumentSaveIcon()
	s.del = newButton(lang.L("Delete…"), theme.DeleteIcon(), s.onDelete)
	s.del.Importance = widget.DangerImportance
	s.programme = newButton(lang.L("Create programme"), theme.ListIcon(), s.onProgramme)
	back := newButton(lang.L("Back to client"), theme.NavigateBackIcon(), s.onBack)

	title := newHeading(fmt.Sprintf(lang.L("Assessment — %s"), s.client.Name))
	title.Truncation = fyne.TextTruncateEllipsis
	session := container.NewGridWithColumns(3,
		labelled(lang.L("Date"), s.date, s.dateErr),
		labelled(lang.L("Kind"), s.kind, newFieldError()),
		labelled(lang.L("Coach"), s.coach, newFieldError()))
	s.carried, s.carriedJSON, s.banners = map[string]bool{}, map[string]string{}, map[string]fyne.CanvasObject{}
	s.carriedNote = newWrapLabel("")
	s.carriedNote.Importance = widget.WarningImportance
	s.confirmAll = newButton(lang.L("Confirm all as re-tested"), theme.ConfirmIcon(), s.onConfirmAll)
	s.carriedPanel = container.NewBorder(nil, nil, widget.NewIcon(theme.NewWarningThemedResource(theme.HistoryIcon())), s.confirmAll, s.carriedNote)
	s.carriedPanel.Hide()
	header := container.NewVBox(
		container.NewBorder(nil, nil, back, container.NewHBox(s.status, s.programme, s.del, s.save), title),
		session, s.carriedPanel)

	s.bannerText = widget.NewLabel("")
	s.bannerText.Wrapping = fyne.TextWrapWord
	s.bannerText.TextStyle.Bold = true
	s.bannerText.Importance = widget.DangerImportance
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameError))
	bg.FillColor = withAlpha(theme.Color(theme.ColorNameError), 0x30)
	bg.CornerRadius = 6
	s.banner = container.NewStack(bg, container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, s.bannerText))
	s.banner.Hide()

	form := container.NewVBox(
		s.contextSection(),
		s.safetySection(),
		s.pelvicFloorSection(),
		s.painSection(),
		s.tiltSection(),
		s.thomasSection(),
		s.glutesSection(),
		s.hingeSection(),
		s.diastasisSection(),
		s.postureSection(),
		s.sectionBox(lang.L("Notes"), nil, s.notes),
	)
	s.findings = container.NewVBox()
	findingsPanel := container.NewBorder(newHeading(lang.L("Findings")), nil, nil, nil, container.NewVScroll(s.findings))
	s.formBox = container.NewPadded(form)
	s.scroll = container.NewVScroll(s.formBox)
	split := container.NewHSplit(s.scroll, findingsPanel)
	split.Offset = 0.62
	s.root = container.NewBorder(container.NewVBox(header, s.banner), nil, nil, nil, split)
}

// sectionBox is one titled section of the form, with its "tested" box and
// the note that shows while the section is carried over from an earlier
// assessment.
func (s *assessmentScreen) sectionBox(title string, sec *formSection, body ...fyne.CanvasObject) fyne.CanvasObject {
	head := []fyne.CanvasObject{newHeading(title)}
	var right fyne.CanvasObject
	items := []fyne.CanvasObject{widget.NewSeparator()}
	if sec != nil {
		right = sec.tested
		body = append(body, sec.err)
	}
	items = append(items, container.NewBorder(nil, nil, head[0], right))
	if sec != nil {
		key := sec.key
		msg := newWrapLabel(lang.L("Carried over from the last assessment, not re-tested yet. Change anything here, or confirm it if it still holds."))
		msg.Importance = widget.WarningImportance
		confirm := newButton(lang.L("Confirm"), theme.ConfirmIcon(), func() { s.onConfirm(key) })
		bg := canvas.NewRectangle(withAlpha(theme.Color(theme.ColorNameWarning), 0x30))
		bg.CornerRadius = 6
		banner := container.NewStack(bg, container.NewBorder(nil, nil, widget.NewIcon(theme.NewWarningThemedResource(theme.HistoryIcon())), confirm, msg))
		banner.Hide()
		s.banners[key] = banner
		items = append(items, banner)
	}
	return container.NewVBox(append(items, container.NewVBox(body...))...)
}

// sideBySide lays out rows of caption | left | right.
func sideBySide(rows ...[3]fyne.CanvasObject) fyne.CanvasObject {
	// One grid per row, so each row is only as tall as its own fields.
	out := container.NewVBox(container.NewGridWithColumns(3, widget.NewLabel(""), boldLabel(lang.L("Left")), boldLabel(lang.L("Right"))))
	for _, r := range rows {
		out.Add(container.NewGridWithColumns(3, r[0], r[1], r[2]))
	}
	return out
}

func boldLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	return l
}

func caption(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func vbox(o ...fyne.CanvasObject) fyne.CanvasObject { return container.NewVBox(o...) }

func (s *assessmentScreen) contextSection() fyne.CanvasObject {
	sec := s.b.section("context", lang.L("Recorded"),
		func(r *assessment.Record) { r.Context = &assessment.Context{} },
		func(r *assessment.Record) { r.Context = nil },
		func(r *assessment.Record) bool { return r.Context != nil })
	ctxOf := func(r *assessment.Record) *assessment.Context {
		if r.Context == nil {
			return &assessment.Context{}
		}
		return r.Context
	}
	weeks, weeksErr := sec.intField("context.weeks_postpartum", "0–520", func(r *assessment.Record) **int { return &ctxOf(r).WeeksPostpartum })
	sitting, sitErr := sec.floatField("context.sitting_hours", "0–24", func(r *assessment.Record) **float64 { return &ctxOf(r).SittingHours })
	lifting, liftErr := sec.selectField("context.child_lifting", liftingChoices, func(r *assessment.Record) *string { return &ctxOf(r).ChildLifting })
	feeding := widget.NewSelect([]string{notRecorded, lang.L("Yes"), lang.L("No")}, func(string) { sec.touched() })
	sec.b.widgets["context.breastfeeding"] = feeding
	sec.loads = append(sec.loads, func(r *assessment.Record, set bool) {
		feeding.SetSelected(notRecorded)
		if set && r.Context.Breastfeeding != nil {
			if *r.Context.Breastfeeding {
				feeding.SetSelected(lang.L("Yes"))
			} else {
				feeding.SetSelected(lang.L("No"))
			}
		}
	})
	sec.saves = append(sec.saves, func(r *assessment.Record, _ *assessment.ValidationErrors) {
		switch feeding.Selected {
		case lang.L("Yes"):
			t := true
			r.Context.Breastfeeding = &t
		case lang.L("No"):
			f := false
			r.Context.Breastfeeding = &f
		default:
			r.Context.Breastfeeding = nil
		}
	})
	activity, actErr := sec.textField("context.current_activity", lang.L("e.g. walks 30 min most days"), false, func(r *assessment.Record) *string { return &ctxOf(r).CurrentActivity })
	goals, goalsErr := sec.textField("context.goals", lang.L("What she wants from coaching"), true, func(r *assessment.Record) *string { return &ctxOf(r).Goals })

	// Up to three activities that matter to her, each rated 0–10.
	var actRows []fyne.CanvasObject
	names := make([]*widget.Entry, assessment.MaxActivities)
	ratings := make([]*widget.Select, assessment.MaxActivities)
	ratingOpts := []string{notRecorded}
	for i := 0; i <= 10; i++ {
		ratingOpts = append(ratingOpts, strconv.Itoa(i))
	}
	for i := range names {
		names[i] = widget.NewEntry()
		names[i].SetPlaceHolder(fmt.Sprintf(lang.L("Activity %d, e.g. lift my son from his cot"), i+1))
		names[i].OnChanged = func(string) { sec.touched() }
		ratings[i] = widget.NewSelect(ratingOpts, func(string) { sec.touched() })
		ratings[i].PlaceHolder = "0–10"
		sec.b.widgets[fmt.Sprintf("context.activities[%d].name", i)] = names[i]
		sec.b.widgets[fmt.Sprintf("context.activities[%d].rating", i)] = ratings[i]
		e := sec.errLabel(fmt.Sprintf("context.activities[%d].rating", i))
		ne := sec.errLabel(fmt.Sprintf("context.activities[%d].name", i))
		actRows = append(actRows, container.NewBorder(nil, vbox(ne, e), nil, container.NewGridWrap(fyne.NewSize(110, 36), ratings[i]), names[i]))
	}
	sec.loads = append(sec.loads, func(r *assessment.Record, set bool) {
		for i := range names {
			names[i].SetText("")
			ratings[i].SetSelected(notRecorded)
			if set && i < len(r.Context.Activities) {
				names[i].SetText(r.Context.Activities[i].Name)
				ratings[i].SetSelected(strconv.Itoa(r.Context.Activities[i].Rating))
			}
		}
	})
	sec.saves = append(sec.saves, func(r *assessment.Record, v *assessment.ValidationErrors) {
		r.Context.Activities = nil
		for i := range names {
			name := strings.TrimSpace(names[i].Text)
			if name == "" {
				continue
			}
			n, err := strconv.Atoi(ratings[i].Selected)
			if err != nil {
				v.Add(fmt.Sprintf("context.activities[%d].rating", i), "Rate how well she can do it now, from 0 (not at all) to 10 (as before).")
			}
			r.Context.Activities = append(r.Context.Activities, assessment.Activity{Name: name, Rating: n})
		}
	})
	grid := container.NewGridWithColumns(2,
		labelled(lang.L("Weeks postpartum"), withUnit(weeks, lang.L("weeks")), weeksErr),
		labelled(lang.L("Breastfeeding"), feeding, newFieldError()),
		labelled(lang.L("Sitting a day"), withUnit(sitting, lang.L("hours")), sitErr),
		labelled(lang.L("Lifts or carries a child"), lifting, liftErr))
	return s.sectionBox(lang.L("Context"), sec, grid,
		labelled(lang.L("Current activity"), activity, actErr),
		labelled(lang.L("Goals"), goals, goalsErr),
		caption(lang.L("Activities that matter to her, and how well she can do them now (0 = not at all, 10 = as before)")),
		vbox(actRows...))
}

func (s *assessmentScreen) safetySection() fyne.CanvasObject {
	sec := s.b.section("red_flags", lang.L("Screened"),
		func(r *assessment.Record) { r.RedFlags = &assessment.RedFlags{} },
		func(r *assessment.Record) { r.RedFlags = nil },
		func(r *assessment.Record) bool { return r.RedFlags != nil })
	rf := func(r *assessment.Record) *assessment.RedFlags {
		if r.RedFlags == nil {
			return &assessment.RedFlags{}
		}
		return r.RedFlags
	}
	type q struct {
		key, label string
		get        func(*assessment.RedFlags) *assessment.Tri
	}
	qs := []q{
		{"saddle_anaesthesia", "Numbness in the saddle area (inner thighs, genitals, back passage)", func(f *assessment.RedFlags) *assessment.Tri { return &f.SaddleAnaesthesia }},
		{"bladder_bowel_change", "New trouble passing or holding urine or stool", func(f *assessment.RedFlags) *assessment.Tri { return &f.BladderBowelChange }},
		{"progressive_neuro", "Worsening leg weakness or numbness, or pain down both legs", func(f *assessment.RedFlags) *assessment.Tri { return &f.ProgressiveNeuro }},
		{"fever_unwell", "Fever, chills or feeling generally unwell", func(f *assessment.RedFlags) *assessment.Tri { return &f.FeverUnwell }},
		{"unexplained_weight_loss", "Weight loss she cannot explain", func(f *assessment.RedFlags) *assessment.Tri { return &f.UnexplainedWeightLoss }},
		{"cancer_history", "Any history of cancer", func(f *assessment.RedFlags) *assessment.Tri { return &f.CancerHistory }},
		{"significant_trauma", "A fall or accident before the pain began", func(f *assessment.RedFlags) *assessment.Tri { return &f.SignificantTrauma }},
		{"night_pain", "Constant pain at night that rest does not ease", func(f *assessment.RedFlags) *assessment.Tri { return &f.NightPain }},
		{"steroids_or_osteoporosis", "Long-term steroid use or osteoporosis", func(f *assessment.RedFlags) *assessment.Tri { return &f.SteroidsOrOsteoporosis }},
		{"age_onset", "Back pain that started before 20 or after 50", func(f *assessment.RedFlags) *assessment.Tri { return &f.AgeOnset }},
	}
	var rows []fyne.CanvasObject
	for _, x := range qs {
		get := x.get
		rg := sec.triField("red_flags."+x.key, func(r *assessment.Record) *assessment.Tri { return get(rf(r)) })
		rows = append(rows, caption(lang.L(x.label)), rg)
	}
	clear := container.NewGridWithColumns(2,
		labelled(lang.L("Medical clearance date"), s.clearDate, s.clearErr),
		labelled(lang.L("Cleared by"), s.clearBy, newFieldError()))
	return s.sectionBox(lang.L("Safety screen: red flags"), sec,
		caption(lang.L("Any yes or unsure means: refer before exercise. Unsure counts as yes.")),
		container.NewGridWithColumns(2, rows...),
		caption(lang.L("Fill in only when a doctor has cleared her to exercise despite a red flag:")),
		clear)
}

func (s *assessmentScreen) pelvicFloorSection() fyne.CanvasObject {
	sec := s.b.section("pelvic_floor", lang.L("Asked"),
		func(r *assessment.Record) { r.PelvicFloor = &assessment.PelvicFloor{} },
		func(r *assessment.Record) { r.PelvicFloor = nil },
		func(r *assessment.Record) bool { return r.PelvicFloor != nil })
	pf := func(r *assessment.Record) *assessment.PelvicFloor {
		if r.PelvicFloor == nil {
			return &assessment.PelvicFloor{}
		}
		return r.PelvicFloor
	}
	checks := []fyne.CanvasObject{
		sec.checkField("pelvic_floor.leakage", lang.L("Leaking urine"), func(r *assessment.Record) *bool { return &pf(r).Leakage }),
		sec.checkField("pelvic_floor.urgency", lang.L("Urgency"), func(r *assessment.Record) *bool { return &pf(r).Urgency }),
		sec.checkField("pelvic_floor.heaviness", lang.L("Heaviness or dragging"), func(r *assessment.Record) *bool { return &pf(r).Heaviness }),
		sec.checkField("pelvic_floor.bowel_control", lang.L("Bowel or wind control"), func(r *assessment.Record) *bool { return &pf(r).BowelControl }),
		sec.checkField("pelvic_floor.pain_with_sex", lang.L("Pain with sex"), func(r *assessment.Record) *bool { return &pf(r).PainWithSex }),
		sec.checkField("pelvic_floor.bleeding_after_8_weeks", lang.L("Bleeding after 8 weeks"), func(r *assessment.Record) *bool { return &pf(r).BleedingAfter8Weeks }),
		sec.checkField("pelvic_floor.scar_concern", lang.L("Caesarean scar concern"), func(r *assessment.Record) *bool { return &pf(r).ScarConcern }),
	}
	return s.sectionBox(lang.L("Postpartum and pelvic-floor symptoms"), sec,
		caption(lang.L("Tick what she reports. Any symptom means a referral to a pelvic-health physiotherapist and no impact work.")),
		container.NewGridWithColumns(2, checks...))
}

func (s *assessmentScreen) painSection() fyne.CanvasObject {
	sec := s.b.section("pain", lang.L("Recorded"),
		func(r *assessment.Record) { r.Pain = &assessment.Pain{} },
		func(r *assessment.Record) { r.Pain = nil },
		func(r *assessment.Record) bool { return r.Pain != nil })
	p := func(r *assessment.Record) *assessment.Pain {
		if r.Pain == nil {
			return &assessment.Pain{}
		}
		return r.Pain
	}
	now, nowErr := sec.intField("pain.now", "0–10", func(r *assessment.Record) **int { return &p(r).Now })
	worst, worstErr := sec.intField("pain.worst_week", "0–10", func(r *assessment.Record) **int { return &p(r).WorstWeek })
	sites := sec.checkGroupField("pain.sites", siteChoices, func(r *assessment.Record) *[]string { return &p(r).Sites })
	sites.Horizontal = true
	aggr, aggrErr := sec.textField("pain.aggravators", lang.L("e.g. lifting the car seat, standing to cook"), false, func(r *assessment.Record) *string { return &p(r).Aggravators })
	sites.Horizontal = false
	left := vbox(
		labelled(lang.L("Pain now"), withUnit(now, "/10"), nowErr),
		labelled(lang.L("Worst in the last week"), withUnit(worst, "/10"), worstErr),
		labelled(lang.L("What makes it worse"), aggr, aggrErr))
	return s.sectionBox(lang.L("Pain (0 = none, 10 = worst imaginable)"), sec,
		container.NewGridWithColumns(2, left, vbox(caption(lang.L("Where")), sites)))
}

func (s *assessmentScreen) tiltSection() fyne.CanvasObject {
	sec := s.b.section("pelvic_tilt", lang.L("Tested"),
		func(r *assessment.Record) { r.PelvicTilt = &assessment.PelvicTilt{} },
		func(r *assessment.Record) { r.PelvicTilt = nil },
		func(r *assessment.Record) bool { return r.PelvicTilt != nil })
	pt := func(r *assessment.Record) *assessment.PelvicTilt {
		if r.PelvicTilt == nil {
			return &assessment.PelvicTilt{}
		}
		return r.PelvicTilt
	}
	visual, visErr := sec.selectField("pelvic_tilt.visual", tiltChoices, func(r *assessment.Record) *string { return &pt(r).Visual })
	method, methErr := sec.selectField("pelvic_tilt.method", methodChoices, func(r *assessment.Record) *string { return &pt(r).Method })
	left, lErr := sec.floatField("pelvic_tilt.left_deg", "−20 to 35", func(r *assessment.Record) **float64 { return &pt(r).LeftDeg })
	right, rErr := sec.floatField("pelvic_tilt.right_deg", "−20 to 35", func(r *assessment.Record) **float64 { return &pt(r).RightDeg })
	return s.sectionBox(lang.L("Pelvic tilt (standing)"), sec,
		container.NewGridWithColumns(2,
			labelled(lang.L("How it looks"), visual, visErr),
			labelled(lang.L("Angle measured with"), method, methErr)),
		sideBySide([3]fyne.CanvasObject{caption(lang.L("Angle (+ anterior), optional")), vbox(withUnit(left, "°"), lErr), vbox(withUnit(right, "°"), rErr)}),
		caption(lang.L("Anterior tilt is common in women without pain: Keel flags it only with a positive Thomas test, or an angle above 18°.")))
}

func (s *assessmentScreen) thomasSection() fyne.CanvasObject {
	sec := s.b.section("thomas", lang.L("Tested"),
		func(r *assessment.Record) {
			r.Thomas = &assessment.Thomas{Left: &assessment.ThomasSide{}, Right: &assessment.ThomasSide{}}
		},
		func(r *assessment.Record) { r.Thomas = nil },
		func(r *assessment.Record) bool { return r.Thomas != nil })
	side := func(r *assessment.Record, left bool) *assessment.ThomasSide {
		if r.Thomas == nil {
			return &assessment.ThomasSide{}
		}
		if left {
			if r.Thomas.Left == nil {
				return &assessment.ThomasSide{}
			}
			return r.Thomas.Left
		}
		if r.Thomas.Right == nil {
			return &assessment.ThomasSide{}
		}
		return r.Thomas.Right
	}
	var hip, knee, drift [2]fyne.CanvasObject
	for i, name := range []string{"left", "right"} {
		isLeft := i == 0
		h, he := sec.floatField("thomas."+name+".hip_angle_deg", "−30 to 40", func(r *assessment.Record) **float64 { return &side(r, isLeft).HipAngleDeg })
		k, ke := sec.floatField("thomas."+name+".knee_angle_deg", "0 to 140", func(r *assessment.Record) **float64 { return &side(r, isLeft).KneeAngleDeg })
		d := sec.checkField("thomas."+name+".abduction_drift", lang.L("Thigh drifts out"), func(r *assessment.Record) *bool { return &side(r, isLeft).AbductionDrift })
		hip[i], knee[i], drift[i] = vbox(withUnit(h, "°"), he), vbox(withUnit(k, "°"), ke), d
	}
	return s.sectionBox(lang.L("Modified Thomas test"), sec,
		sideBySide(
			[3]fyne.CanvasObject{caption(lang.L("Hip angle (+ = thigh above horizontal)")), hip[0], hip[1]},
			[3]fyne.CanvasObject{caption(lang.L("Knee angle")), knee[0], knee[1]},
			[3]fyne.CanvasObject{caption(lang.L("Abduction drift")), drift[0], drift[1]}))
}

func (s *assessmentScreen) glutesSection() fyne.CanvasObject {
	sec := s.b.section("glutes", lang.L("Tested"),
		func(r *assessment.Record) {
			r.Glutes = &assessment.Glutes{Left: &assessment.GluteSide{}, Right: &assessment.GluteSide{}}
		},
		func(r *assessment.Record) { r.Glutes = nil },
		func(r *assessment.Record) bool { return r.Glutes != nil })
	side := func(r *assessment.Record, left bool) *assessment.GluteSide {
		if r.Glutes == nil {
			return &assessment.GluteSide{}
		}
		p := r.Glutes.Right
		if left {
			p = r.Glutes.Left
		}
		if p == nil {
			return &assessment.GluteSide{}
		}
		return p
	}
	var rows [7][2]fyne.CanvasObject
	for i, name := range []string{"left", "right"} {
		isLeft := i == 0
		path := "glutes." + name + "."
		gmax, e1 := sec.gradeField(path+"max_grade", func(r *assessment.Record) *assessment.Grade { return &side(r, isLeft).MaxGrade })
		gmed, e2 := sec.gradeField(path+"med_grade", func(r *assessment.Record) *assessment.Grade { return &side(r, isLeft).MedGrade })
		bridge, e3 := sec.intField(path+"single_leg_bridge_reps", "0–100", func(r *assessment.Record) **int { return &side(r, isLeft).SingleLegBridgeReps })
		trend, e4 := sec.selectField(path+"trendelenburg", trendChoices, func(r *assessment.Record) *string { return &side(r, isLeft).Trendelenburg })
		phe, e5 := sec.selectField(path+"prone_hip_extension", pheChoices, func(r *assessment.Record) *string { return &side(r, isLeft).ProneHipExtension })
		score, se := sec.intSelect(path+"side_lying_abduction_score", 3, func(r *assessment.Record) **int { return &side(r, isLeft).SideLyingAbdScore })
		faults := sec.checkGroupField(path+"side_lying_abduction_faults", slFaultChoices, func(r *assessment.Record) *[]string { return &side(r, isLeft).SideLyingFaults })
		rows[0][i] = vbox(gmax, e1)
		rows[1][i] = vbox(gmed, e2)
		rows[2][i] = vbox(withUnit(bridge, lang.L("reps")), e3)
		rows[3][i] = vbox(trend, e4)
		rows[4][i] = vbox(phe, e5)
		rows[5][i] = vbox(score, se)
		rows[6][i] = faults
	}
	caps := []string{"Glute max grade", "Glute med grade", "Single-leg bridge", "Trendelenburg (30 s stance)", "Prone hip extension", "Side-lying abduction score (0–3)", "Side-lying abduction faults"}
	var rr [][3]fyne.CanvasObject
	for i, c := range caps {
		rr = append(rr, [3]fyne.CanvasObject{caption(lang.L(c)), rows[i][0], rows[i][1]})
	}
	return s.sectionBox(lang.L("Glute activation"), sec, sideBySide(rr...))
}

// intSelect binds a select of 0..max to an optional whole number.
func (sec *formSection) intSelect(path string, max int, get func(*assessment.Record) **int) (*widget.Select, fieldError) {
	opts := []string{notRecorded}
	for i := 0; i <= max; i++ {
		opts = append(opts, strconv.Itoa(i))
	}
	sel := widget.NewSelect(opts, func(string) { sec.touched() })
	sel.PlaceHolder = notRecorded
	fe := sec.errLabel(path)
	sec.b.widgets[path] = sel
	sec.loads = append(sec.loads, func(r *assessment.Record, set bool) {
		sel.SetSelected(notRecorded)
		if set && *get(r) != nil {
			sel.SetSelected(strconv.Itoa(**get(r)))
		}
	})
	sec.saves = append(sec.saves, func(r *assessment.Record, _ *assessment.ValidationErrors) {
		*get(r) = nil
		if n, err := strconv.Atoi(sel.Selected); err == nil {
			*get(r) = &n
		}
	})
	return sel, fe
}

func (s *assessmentScreen) hingeSection() fyne.CanvasObject {
	sec := s.b.section("hinge", lang.L("Tested"),
		func(r *assessment.Record) { r.Hinge = &assessment.Hinge{} },
		func(r *assessment.Record) { r.Hinge = nil },
		func(r *assessment.Record) bool { return r.Hinge != nil })
	h := func(r *assessment.Record) *assessment.Hinge {
		if r.Hinge == nil {
			return &assessment.Hinge{}
		}
		return r.Hinge
	}
	s.hinge = func(r *assessment.Record) *assessment.Hinge { return r.Hinge }
	head := sec.checkField("hinge.head_contact", lang.L("Back of head"), func(r *assessment.Record) *bool { return &h(r).HeadContact })
	thor := sec.checkField("hinge.thoracic_contact", lang.L("Between the shoulder blades"), func(r *assessment.Record) *bool { return &h(r).ThoracicContact })
	sac := sec.checkField("hinge.sacrum_contact", lang.L("Sacrum"), func(r *assessment.Record) *bool { return &h(r).SacrumContact })
	pain := sec.checkField("hinge.pain", lang.L("Pain during the hinge"), func(r *assessment.Record) *bool { return &h(r).Pain })
	faults := sec.checkGroupField("hinge.faults", hingeFaultChoices, func(r *assessment.Record) *[]string { return &h(r).Faults })
	score, se := sec.intSelect("hinge.score", 3, func(r *assessment.Record) **int { return &h(r).Score })
	s.hingeScore = score
	s.hingeSuggest = widget.NewLabel("")
	s.hingeSuggest.Importance = widget.LowImportance
	use := newButton(lang.L("Use suggestion"), nil, func() {
		r, _ := s.collect()
		if r.Hinge != nil {
			score.SetSelected(strconv.Itoa(assessment.SuggestHingeScore(r.Hinge)))
		}
	})
	return s.sectionBox(lang.L("Hip hinge with a dowel"), sec,
		caption(lang.L("Dowel contact kept at:")),
		container.NewGridWithColumns(2, head, thor, sac, pain),
		caption(lang.L("Faults seen:")),
		container.NewGridWithColumns(2, faults),
		container.NewGridWithColumns(2, labelled(lang.L("Score (0 pain, 1 cannot, 2 with faults, 3 clean)"), score, se), vbox(s.hingeSuggest, container.NewHBox(use))))
}

func (s *assessmentScreen) diastasisSection() fyne.CanvasObject {
	sec := s.b.section("diastasis", lang.L("Tested"),
		func(r *assessment.Record) {
			r.Diastasis = &assessment.Diastasis{Above: &assessment.DiastasisSite{}, At: &assessment.DiastasisSite{}, Below: &assessment.DiastasisSite{}}
		},
		func(r *assessment.Record) { r.Diastasis = nil },
		func(r *assessment.Record) bool { return r.Diastasis != nil })
	site := func(r *assessment.Record, i int) *assessment.DiastasisSite {
		if r.Diastasis == nil {
			return &assessment.DiastasisSite{}
		}
		p := []*assessment.DiastasisSite{r.Diastasis.Above, r.Diastasis.At, r.Diastasis.Below}[i]
		if p == nil {
			return &assessment.DiastasisSite{}
		}
		return p
	}
	unit, placeholder := lang.L("fingers"), "0–6"
	if s.widthUnit == UnitMM {
		unit, placeholder = "mm", "0–150"
	}
	cells := []fyne.CanvasObject{widget.NewLabel(""), boldLabel(lang.L("Width")), boldLabel(lang.L("Depth")), boldLabel(lang.L("Linea alba tension"))}
	for i, name := range []string{"above", "at", "below"} {
		i := i
		path := "diastasis." + name + "."
		var width fyne.CanvasObject
		if s.widthUnit == UnitMM {
			e, fe := sec.intField(path+"width_mm", placeholder, func(r *assessment.Record) **int { return &site(r, i).WidthMM })
			width = vbox(withUnit(e, unit), fe)
		} else {
			e, fe := sec.floatField(path+"width_fingers", placeholder, func(r *assessment.Record) **float64 { return &site(r, i).WidthFingers })
			width = vbox(withUnit(e, unit), fe)
		}
		depth, de := sec.selectField(path+"depth", depthChoices, func(r *assessment.Record) *string { return &site(r, i).Depth })
		tension, te := sec.selectField(path+"tension", tensionChoices, func(r *assessment.Record) *string { return &site(r, i).Tension })
		label := []string{"Above the navel", "At the navel", "Below the navel"}[i]
		cells = append(cells, caption(lang.L(label)), width, vbox(depth, de), vbox(tension, te))
	}
	doming, de := sec.selectField("diastasis.doming", domingChoices, func(r *assessment.Record) *string {
		if r.Diastasis == nil {
			return new(string)
		}
		return &r.Diastasis.Doming
	})
	return s.sectionBox(lang.L("Diastasis check (head lift)"), sec,
		container.NewGridWithColumns(4, cells...),
		container.NewGridWithColumns(2, labelled(lang.L("Doming on curl-up"), doming, de)))
}

func (s *assessmentScreen) postureSection() fyne.CanvasObject {
	sec := s.b.section("posture", lang.L("Observed"),
		func(r *assessment.Record) { r.Posture = &assessment.Posture{} },
		func(r *assessment.Record) { r.Posture = nil },
		func(r *assessment.Record) bool { return r.Posture != nil })
	p := func(r *assessment.Record) *assessment.Posture {
		if r.Posture == nil {
			return &assessment.Posture{}
		}
		return r.Posture
	}
	fh, e1 := sec.selectField("posture.forward_head", postureChoices, func(r *assessment.Record) *string { return &p(r).ForwardHead })
	rs, e2 := sec.selectField("posture.rounded_shoulders", postureChoices, func(r *assessment.Record) *string { return &p(r).RoundedShoulders })
	tk, e3 := sec.selectField("posture.thoracic_kyphosis", postureChoices, func(r *assessment.Record) *string { return &p(r).ThoracicKyphosis })
	return s.sectionBox(lang.L("Posture"), sec, container.NewGridWithColumns(3,
		labelled(lang.L("Forward head"), fh, e1),
		labelled(lang.L("Rounded shoulders"), rs, e2),
		labelled(lang.L("Thoracic kyphosis"), tk, e3)))
}

// onProgramme creates a programme from the assessment as the form shows
// it: unsaved changes (a red flag just ticked, say) are saved first, and
// nothing is generated from a form that does not save.
func (s *assessmentScreen) onProgramme() {
	if s.ui.openProgramme == nil {
		return
	}
	if (s.record == nil || s.dirty()) && !s.onSave() {
		return
	}
	s.ui.openProgramme(s.client, s.record)
}

// sectionName is a record section's JSON key in words.
func sectionName(key string) string {
	names := map[string]string{
		"context": "context", "red_flags": "red-flag screen", "pelvic_floor": "pelvic-floor symptoms", "pain": "pain",
		"pelvic_tilt": "pelvic tilt", "thomas": "Thomas test", "glutes": "glutes", "hinge": "hip hinge",
		"diastasis": "diastasis", "posture": "posture",
	}
	if n, ok := names[key]; ok {
		return lang.L(n)
	}
	// A side or site inside a recorded section, e.g. "glutes.left".
	if sec, part, ok := strings.Cut(key, "."); ok {
		if n, ok := names[sec]; ok {
			return lang.L(n) + " (" + lang.L(part) + ")"
		}
	}
	return key
}

// newReassessmentScreen starts a reassessment of client c prefilled from
// her assessment from: today's date, every section she had copied and
// marked carried over, and her weeks postpartum moved on to today.
func newReassessmentScreen(u *UI, c *assessment.Client, from *assessment.Record, onDone func()) *assessmentScreen {
	s := &assessmentScreen{ui: u, client: c, onDone: onDone, widthUnit: u.diastasisUnit(), carriedFrom: from}
	if usesMM(from) {
		s.widthUnit = UnitMM
	} else if s.widthUnit == UnitMM && from.Diastasis != nil {
		s.widthUnit = UnitFingers // keep the unit the gap was measured in
	}
	s.b = newRecordBinder(s.changed)
	s.build()
	s.fill(s.prefill(from))
	return s
}

// prefill copies from into a new reassessment dated today.
func (s *assessmentScreen) prefill(from *assessment.Record) *assessment.Record {
	r := &assessment.Record{}
	if b, err := json.Marshal(from); err == nil {
		_ = json.Unmarshal(b, r) // a deep copy: the form must not change from
	}
	today := s.ui.svc.today()
	r.ID, r.CreatedAt, r.UpdatedAt = 0, time.Time{}, time.Time{}
	r.ClientID, r.Date, r.Kind, r.Notes = s.client.ID, today, assessment.KindReassessment, ""
	if coach := s.ui.profile().CoachName; coach != "" {
		r.Coach = coach
	}
	// A clearance answers the red flags of the assessment it was given
	// for; a reassessment needs its own.
	r.MedicalClearance = nil
	r.CarriedOver = nil
	for _, k := range assessment.Sections {
		if sectionJSON(r, k) != "null" {
			r.CarriedOver = append(r.CarriedOver, k)
		}
	}
	if r.Context != nil {
		if w, ok := s.weeksAt(today); ok {
			r.Context.WeeksPostpartum = &w
		}
	}
	return r
}

// weeksAt is her weeks postpartum on day d: from her delivery date, else
// moved on from the weeks recorded in the assessment the form was
// prefilled from.
func (s *assessmentScreen) weeksAt(d assessment.Date) (int, bool) {
	if w, ok := s.client.WeeksPostpartum(d); ok {
		return w, true
	}
	if f := s.carriedFrom; f != nil && f.Context != nil && f.Context.WeeksPostpartum != nil && !d.Before(f.Date) {
		w := *f.Context.WeeksPostpartum + d.DaysSince(f.Date)/7
		return min(w, assessment.MaxWeeksPostpartum), true
	}
	return 0, false
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

// sectionJSON is one section of r as JSON ("null" when not tested), with
// the weeks postpartum left out of the context: they move on with the
// date without making the section "changed".
func sectionJSON(r *assessment.Record, key string) string {
	var v any
	switch key {
	case assessment.SectionContext:
		if r.Context != nil {
			c := *r.Context
			c.WeeksPostpartum = nil
			v = &c
		} else {
			v = r.Context
		}
	case assessment.SectionRedFlags:
		v = r.RedFlags
	case assessment.SectionPelvicFloor:
		v = r.PelvicFloor
	case assessment.SectionPain:
		v = r.Pain
	case assessment.SectionPelvicTilt:
		v = r.PelvicTilt
	case assessment.SectionThomas:
		v = r.Thomas
	case assessment.SectionGlutes:
		v = r.Glutes
	case assessment.SectionHinge:
		v = r.Hinge
	case assessment.SectionDiastasis:
		v = r.Diastasis
	case assessment.SectionPosture:
		v = r.Posture
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}

// updateCarried stops carrying over every section the coach has changed.
func (s *assessmentScreen) updateCarried() {
	if len(s.carried) == 0 {
		return
	}
	r, _ := s.collect()
	for k := range s.carried {
		if sectionJSON(r, k) != s.carriedJSON[k] {
			delete(s.carried, k)
		}
	}
	s.updateBanners()
}

// updateBanners shows the carried-over note on each carried section and
// the count in the header.
func (s *assessmentScreen) updateBanners() {
	for k, b := range s.banners {
		if s.carried[k] {
			b.Show()
		} else {
			b.Hide()
		}
	}
	if n := len(s.carried); n > 0 {
		from := lang.L("the last assessment")
		if s.carriedFrom != nil {
			from = s.carriedFrom.Date.String()
		}
		s.carriedNote.SetText(fmt.Sprintf(lang.L("%d sections are carried over from %s and not re-tested yet. Each is marked until you change or confirm it."), n, from))
		s.carriedPanel.Show()
	} else {
		s.carriedPanel.Hide()
	}
	if s.root != nil {
		s.root.Refresh()
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
