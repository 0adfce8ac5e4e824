package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

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
	// futureDateSaid: the status line holds checkDateNow's message.
	futureDateSaid bool

	ui     *UI
	client *assessment.Client
	record *assessment.Record // the stored record; nil until first saved
	onDone func()

	b       *recordBinder
	date    *widget.Entry
	dateErr fieldError
	// births is the number of births the record carries; blank means not
	// recorded (the client file cannot tell 0 from not asked).
	births    *widget.Entry
	birthsErr fieldError
	// errsShown says field messages are on screen: each goes away as soon
	// as its field is corrected.
	errsShown bool
	coach     *widget.Entry
	kind      *widget.Select
	notes     *multiLineEntry
	clear     *clearanceFields // the medical clearance of red flags
	goAhead   *clearanceFields // the GP's go-ahead after a caesarean

	// redFlags are the red-flag questions; redFlagsLeft says how many are
	// still unanswered (always some text, so the form never moves).
	redFlags []*widget.RadioGroup
	// nav is the section list beside the form (assessment_nav.go).
	nav          []*navSection
	redFlagsLeft *widget.Label

	hingeSuggest *widget.Label
	hingeScore   *widget.Select
	hinge        func(*assessment.Record) *assessment.Hinge
	widthUnit    string

	banner     *fyne.Container
	bannerText *widget.Label
	findings   *fyne.Container
	// findingsScroll and findingsPanel hold the findings column, laid out
	// again when a finding or the banner comes or goes.
	findingsScroll *container.Scroll
	findingsPanel  *fyne.Container
	// findingsWarn and notTested are the panel's first and last lines,
	// made once and kept.
	findingsWarn, notTested *widget.Label
	// phaseBox proposes her next phase once a reassessment is saved
	// (client_phase.go).
	phaseBox *fyne.Container
	// findingsShown is what the findings panel shows (findingsKey), so a
	// keystroke that changes no finding does not rebuild it.
	findingsShown string
	// findingRows are the rows shown, by finding, to be kept when the
	// panel is rebuilt.
	findingRows map[string]fyne.CanvasObject
	status      *widget.Label
	save        *widget.Button
	programme   *widget.Button
	// more opens the menu that holds Delete, away from Save and Create
	// programme so a slip of the pointer never lands on it.
	more    *widget.Button
	delItem *fyne.MenuItem
	orig    []byte
	root    fyne.CanvasObject
	scroll  *container.Scroll
	formBox fyne.CanvasObject

	// Reassessment prefill: the sections still carried over from an
	// earlier assessment, each as it was carried (to notice a change), and
	// where they came from. A section stops being carried over when the
	// coach confirms it or changes anything in it.
	carried      map[string]bool
	carriedBase  *assessment.Record // the form as first shown, to notice a change
	carriedFrom  *assessment.Record
	banners      map[string]*carriedStrip
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
	} else if unit, ok := r.DiastasisUnit(); ok && unit == UnitMM && s.widthUnit != UnitMM {
		s.widthUnit = UnitMM // show a record in the unit it was measured in
		s.build()
	}
	s.fill(r)
	return s
}

// newRecord is a fresh intake for the client (assessment.NewIntake).
func (s *assessmentScreen) newRecord() *assessment.Record {
	return assessment.NewIntake(s.client, s.ui.svc.today(), s.ui.profile().CoachName)
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
	s.births.SetText(s.birthsText(r))
	s.clear.fill(r.MedicalClearance)
	s.goAhead.fill(r.GPGoAhead)
	s.b.loading = false
	s.b.load(r)
	// Each carried section is remembered as the form reads it back (the
	// form normalises some fields), so only the coach's edits count as a
	// change.
	s.carried = map[string]bool{}
	for _, k := range r.CarriedOver {
		s.carried[k] = true
	}
	shown, _ := s.collect()
	s.carriedBase = shown
	for k := range s.carried {
		if shown.Section(k) == nil {
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
	s.countRedFlags()
	shown, _ = s.collect()
	s.orig = snapshotOf(shown)
	s.refreshFindings(shown)
	s.updateButtons(shown)
	s.showPhaseProposal()
}

// birthsText is the births shown for r: blank when not recorded; a
// recorded 0 shows as 0.
func (s *assessmentScreen) birthsText(r *assessment.Record) string {
	c := r.Client
	if c == nil || c.BirthsUnknown {
		return ""
	}
	return strconv.Itoa(c.Births)
}

// collect reads the whole form into a record, with the values that did not
// parse.
func (s *assessmentScreen) collect() (*assessment.Record, assessment.ValidationErrors) {
	r := &assessment.Record{Format: assessment.FormatAssessment, ClientID: s.client.ID}
	if s.record != nil {
		r.ID, r.CreatedAt = s.record.ID, s.record.CreatedAt
		r.Saved = s.record.Saved // the revision it was opened at: a save over another window's (or coach's) is refused
	}
	var v assessment.ValidationErrors
	d, err := assessment.ParseDate(strings.TrimSpace(s.date.Text))
	if err != nil {
		v.Add("date", "Write the date as YYYY-MM-DD, e.g. 2026-11-20.")
	}
	assessment.NotInFuture(&v, "date", d, s.ui.svc.today(), "The assessment date")
	r.Date = d
	r.Coach = strings.TrimSpace(s.coach.Text)
	r.Kind = assessment.KindIntake
	if s.kind.Selected == lang.L("Reassessment") {
		r.Kind = assessment.KindReassessment
	}
	r.Notes = strings.TrimSpace(s.notes.Text)
	r.MedicalClearance = s.clear.collect(&v)
	r.GPGoAhead = s.goAhead.collect(&v)
	r.Client = s.client.Snapshot()
	r.Client.Births, r.Client.BirthsUnknown = 0, true
	if t := strings.TrimSpace(s.births.Text); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil {
			v.Add("client.births", "Enter the number of births as a whole number, e.g. 2, or leave it blank if it is not known.")
		} else {
			r.Client.Births, r.Client.BirthsUnknown = n, false
		}
	}
	v = append(v, s.b.save(r)...)
	// The record in the shape Keel stores it: empty sides not tested, the
	// hinge override flag set (the domain decides, not the form).
	r.Normalize()
	r.CarriedOver = s.carriedList(r)
	return r, v
}

// snapshotOf is the form's record in a form two reads can be compared by.
func snapshotOf(r *assessment.Record) []byte {
	cp := *r
	cp.ID, cp.CreatedAt, cp.UpdatedAt = 0, r.CreatedAt.UTC(), r.UpdatedAt.UTC()
	b, _ := json.Marshal(&cp)
	return b
}

// dirty reports whether the form differs from what was last saved or
// loaded. It reads the whole form; changed passes the record it already
// read instead.
func (s *assessmentScreen) dirty() bool {
	r, _ := s.collect()
	return s.dirtyAt(r)
}

func (s *assessmentScreen) dirtyAt(r *assessment.Record) bool {
	return !bytes.Equal(snapshotOf(r), s.orig)
}

// changed runs on every edit: the form is read once, and the carried-over
// marks, the findings and the buttons all follow from that one read.
func (s *assessmentScreen) changed() {
	setText(s.status, "")
	s.countRedFlags()
	r, parseErrs := s.collect()
	if s.errsShown {
		s.clearFixed(r, parseErrs)
	}
	if s.updateCarried(r) {
		r.CarriedOver = s.carriedList(r)
	}
	s.refreshFindings(r)
	s.updateButtons(r)
}

// countRedFlags says how many red-flag questions are still unanswered: an
// incomplete screen is the strictest case, so it must be plain to see.
func (s *assessmentScreen) countRedFlags() {
	if s.redFlagsLeft == nil {
		return
	}
	left := 0
	for _, rg := range s.redFlags {
		if rg.Selected == "" {
			left++
		}
	}
	msg, imp := lang.L("Every question answered."), widget.MediumImportance
	if left > 0 {
		msg = fmt.Sprintf(lang.L("%d of %d not answered: no programme until all are."), left, len(s.redFlags))
		imp = widget.WarningImportance
	}
	if s.redFlagsLeft.Text != msg || s.redFlagsLeft.Importance != imp {
		s.redFlagsLeft.Importance = imp
		s.redFlagsLeft.SetText(msg)
	}
}

// updateButtons enables save while the form r differs from what is stored.
func (s *assessmentScreen) updateButtons(r *assessment.Record) {
	if s.record == nil || s.dirtyAt(r) {
		s.save.Enable()
	} else {
		s.save.Disable()
	}
	s.delItem.Disabled = s.record == nil
	if s.record == nil {
		s.programme.Disable()
	} else {
		s.programme.Enable()
	}
}

func (s *assessmentScreen) content() fyne.CanvasObject { return s.root }

// firstField is where the keyboard starts when the screen opens.
func (s *assessmentScreen) firstField() fyne.Focusable { return s.date }

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
	if s.ui.saveFailedReload(err, lang.L("Could not save the assessment"), s.showErrors, s.reloadSaved) {
		return false
	}
	s.record = r
	s.showErrors(nil)
	shown, _ := s.collect() // as stored: with its ID and times
	s.orig = snapshotOf(shown)
	s.status.Importance = widget.SuccessImportance
	s.status.SetText(lang.L("Saved"))
	s.updateButtons(shown)
	s.showPhaseProposal()
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

// clearFixed takes away the message of every field the coach has
// corrected, as she corrects it; it adds no new message while she types.
func (s *assessmentScreen) clearFixed(r *assessment.Record, parseErrs assessment.ValidationErrors) {
	all := parseErrs
	if err := r.Validate(); err != nil {
		all = append(all, assessment.FieldErrors(err)...)
	}
	still := false
	keep := func(e fieldError, msg string) {
		if e.Visible() {
			e.set(msg)
			still = still || msg != ""
		}
	}
	keep(s.dateErr, all.For("date"))
	keep(s.birthsErr, all.For("client.births"))
	for field, e := range s.b.errs {
		keep(e, all.For(field))
	}
	for _, sec := range s.b.sections {
		msg := ""
		for _, e := range all {
			if _, own := s.b.errs[e.Field]; !own && strings.HasPrefix(e.Field, sec.key) {
				msg = e.Message
			}
		}
		keep(sec.err, msg)
	}
	for _, c := range []*clearanceFields{s.clear, s.goAhead} {
		if c.err.Visible() {
			c.showErrors(all)
			still = still || c.err.Visible()
		}
	}
	s.errsShown = still
}

// checkDateNow says at once when a whole date typed is in the future (the
// findings would otherwise follow it until Save refused it), in the status
// line beside Save, which has its own place, so nothing below the date
// moves while she types; the message goes when the date is corrected. Save
// still puts the field's own message under it.
func (s *assessmentScreen) checkDateNow() {
	if s.status == nil {
		return
	}
	var v assessment.ValidationErrors
	if d, err := assessment.ParseDate(strings.TrimSpace(s.date.Text)); err == nil {
		assessment.NotInFuture(&v, "date", d, s.ui.svc.today(), "The assessment date")
	}
	if v.For("date") != "" {
		// Short: the status line shares the header row, and a long line
		// widened the window past a 1024-pixel screen (seen in the real
		// window). Save puts the full message under the field.
		s.status.Importance = widget.DangerImportance
		s.status.SetText(lang.L("Date in the future"))
		s.futureDateSaid = true
	} else if s.futureDateSaid {
		s.status.SetText("")
		s.futureDateSaid = false
		if s.dateErr.Label != nil && strings.Contains(s.dateErr.Text, "in the future") {
			s.dateErr.set("")
		}
	}
}

func (s *assessmentScreen) showErrors(v assessment.ValidationErrors) {
	s.errsShown = len(v) > 0
	s.dateErr.set(v.For("date"))
	s.birthsErr.set(v.For("client.births"))
	s.clear.showErrors(v)
	s.goAhead.showErrors(v)
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

// reloadSaved replaces the screen with the stored copy of its assessment
// (after another window or coach saved it): the coach chose to let her
// edits go.
func (s *assessmentScreen) reloadSaved() {
	if s.record == nil {
		return
	}
	fresh, err := s.ui.svc.Records.FindRecordByID(ctx(), s.record.ID)
	if err != nil {
		s.ui.showError(lang.L("Could not reload the assessment"), err)
		return
	}
	if s.ui.current == s {
		s.ui.current = nil
	}
	s.ui.popScreen()
	s.ui.openAssessment(s.client, fresh, s.onDone)
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

// onMore opens the menu under the More button: Delete lives there, on
// the far side from Save, and asks before it deletes anything.
func (s *assessmentScreen) onMore() {
	m := fyne.NewMenu("", s.delItem)
	c := s.ui.win.Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(s.more).Add(fyne.NewPos(0, s.more.Size().Height))
	widget.ShowPopUpMenuAtPosition(m, c, pos)
}

func (s *assessmentScreen) onDelete() {
	if s.record == nil {
		return
	}
	msg := fmt.Sprintf(lang.L("Delete the assessment of %s on %s? Programmes made from it are deleted too. This cannot be undone."), s.client.Name, s.record.Date.Time().Format("2 January 2006"))
	d := dialog.NewConfirm(lang.L("Delete assessment"), msg, func(ok bool) {
		if !ok {
			return
		}
		if err := s.ui.svc.Records.DeleteRecord(ctx(), s.record.ID); err != nil {
			s.ui.showError(lang.L("Could not delete the assessment"), err)
			return
		}
		r, _ := s.collect()
		s.orig = snapshotOf(r) // nothing left to save
		s.leave()
	}, s.ui.win)
	d.SetConfirmText(lang.L("Delete"))
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// buildBanner makes the red referral banner shown above the form while a
// finding requires a referral.
func (s *assessmentScreen) buildBanner() {
	s.bannerText = widget.NewLabel("")
	s.bannerText.Wrapping = fyne.TextWrapWord
	s.bannerText.TextStyle.Bold = true
	s.bannerText.Importance = widget.DangerImportance
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameError))
	bg.FillColor = withAlpha(theme.Color(theme.ColorNameError), 0x30)
	bg.CornerRadius = 6
	s.banner = container.NewStack(bg, container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, s.bannerText))
	s.banner.Hide()
}

// build lays out the screen: header, referral banner, the form on the left
// and the findings on the right.
func (s *assessmentScreen) build() {
	s.b = newRecordBinder(s.changed)
	s.nav = nil
	s.status = widget.NewLabel("")
	s.date = widget.NewEntry()
	s.date.SetPlaceHolder("YYYY-MM-DD")
	s.date.OnChanged = func(string) {
		s.onDateChanged()
		s.b.changed()
		s.checkDateNow() // after changed(), which words the status line
	}
	s.dateErr = newFieldError()
	s.coach = widget.NewEntry()
	s.coach.SetPlaceHolder(lang.L("Coach"))
	s.coach.OnChanged = func(string) { s.b.changed() }
	s.kind = widget.NewSelect([]string{lang.L("Intake"), lang.L("Reassessment")}, func(string) { s.b.changed() })
	s.notes = newMultiLineEntry()
	s.notes.Wrapping = fyne.TextWrapWord
	s.notes.SetMinRowsVisible(3)
	s.notes.SetPlaceHolder(lang.L("Anything else you noticed"))
	s.notes.OnChanged = func(string) { s.b.changed() }
	s.clear = newClearanceFields("medical_clearance", func() { s.b.changed() })
	s.goAhead = newClearanceFields("gp_go_ahead", func() { s.b.changed() })

	s.save = keepFocus(newImportantButton(lang.L("Save (Ctrl+S)"), func() { s.onSave() }))
	s.save.Icon = theme.DocumentSaveIcon()
	s.delItem = fyne.NewMenuItem(lang.L("Delete this assessment…"), s.onDelete)
	s.delItem.Icon = theme.DeleteIcon()
	s.more = keepFocus(newButton(lang.L("More"), theme.MoreVerticalIcon(), s.onMore))
	s.more.Importance = widget.LowImportance
	// Kept focused, so Escape on its dialog brings the keyboard back here.
	s.programme = keepFocus(newButton(lang.L("Create programme"), theme.ListIcon(), s.onProgramme))
	back := newButton(lang.L("Back to client"), theme.NavigateBackIcon(), s.onBack)

	title := newHeading(fmt.Sprintf(lang.L("Assessment — %s"), s.client.Name))
	title.Truncation = fyne.TextTruncateEllipsis
	session := container.NewGridWithColumns(3,
		labelled(lang.L("Date"), s.date, s.dateErr),
		labelled(lang.L("Kind"), s.kind, newFieldError()),
		labelled(lang.L("Coach"), s.coach, newFieldError()))
	s.carried, s.banners = map[string]bool{}, map[string]*carriedStrip{}
	s.carriedNote = newWrapLabel("")
	s.carriedNote.Importance = widget.WarningImportance
	s.confirmAll = newButton(lang.L("Confirm all as re-tested"), theme.ConfirmIcon(), s.onConfirmAll)
	// Once shown, the panel keeps its height: the form below never moves.
	s.carriedPanel = container.New(&keepHeight{}, container.NewBorder(nil, nil, widget.NewIcon(theme.NewWarningThemedResource(theme.HistoryIcon())), s.confirmAll, s.carriedNote))
	s.carriedPanel.Hide()
	header := container.NewVBox(
		container.NewBorder(nil, nil, container.NewHBox(back, s.more), container.NewHBox(s.status, s.programme, s.save), title),
		session, s.carriedPanel)

	s.buildBanner()

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
	s.findingsWarn = newWrapLabel(lang.L("Some values are out of range; correct them before saving. The findings below read the form as it is."))
	s.findingsWarn.Importance = widget.WarningImportance
	s.notTested = newWrapLabel("")
	s.notTested.Importance = widget.LowImportance
	s.findingRows, s.findingsShown = nil, ""
	// The referral banner lives at the top of the findings panel, beside
	// the form: showing it never moves a field under the pointer.
	s.phaseBox = container.NewVBox()
	s.phaseBox.Hide()
	s.findingsScroll = container.NewVScroll(container.NewVBox(s.phaseBox, s.findings))
	s.findingsPanel = container.NewBorder(container.NewVBox(newHeading(lang.L("Findings")), s.banner), nil, nil, nil, s.findingsScroll)
	findingsPanel := s.findingsPanel
	s.formBox = container.NewPadded(form)
	s.scroll = container.NewVScroll(s.formBox)
	split := container.NewHSplit(container.NewBorder(nil, nil, s.navList(), nil, s.scroll), findingsPanel)
	split.Offset = 0.62
	s.root = container.NewBorder(header, nil, nil, nil, split)
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
