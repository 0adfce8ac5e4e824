package ui

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// Labels a coach reads for the exercise vocabulary. The codes are the
// domain's; a test checks every code has a label, so a code added to the
// domain cannot appear raw on screen unnoticed.
var (
	familyLabels = map[string]string{
		assessment.FamilyBreathing:    "Breathing and deep core",
		assessment.FamilyCore:         "Core",
		assessment.FamilyGlutes:       "Glutes",
		assessment.FamilyHinge:        "Hip hinge",
		assessment.FamilyLegs:         "Legs",
		assessment.FamilyUpperBack:    "Upper back",
		assessment.FamilyChest:        "Chest and upper-back mobility",
		assessment.FamilyHipMobility:  "Hip mobility",
		assessment.FamilyPelvicTilt:   "Pelvic control",
		assessment.FamilyConditioning: "Walking and conditioning",
	}
	targetLabels = map[string]string{
		assessment.FindGeneral:          "General foundations (every client)",
		assessment.FindPelvicFloor:      "Pelvic-floor symptoms",
		assessment.FindEarlyPostpartum:  "Under 6 weeks postpartum",
		assessment.FindUnder12Weeks:     "6 to 12 weeks postpartum",
		assessment.FindRecentCaesarean:  "Caesarean under 12 weeks ago",
		assessment.FindDiastasis:        "Diastasis (wide gap)",
		assessment.FindDiastasisSoft:    "Soft midline",
		assessment.FindDoming:           "Doming on the curl-up",
		assessment.FindAnteriorTilt:     "Anterior pelvic tilt",
		assessment.FindPosteriorTilt:    "Posterior pelvic tilt",
		assessment.FindShortHipFlexors:  "Short hip flexors",
		assessment.FindShortRectus:      "Short rectus femoris",
		assessment.FindTFLTightness:     "Tight TFL (outer hip)",
		assessment.FindGluteMedWeak:     "Weak glute med",
		assessment.FindGluteMaxWeak:     "Weak glute max",
		assessment.FindGluteAsymmetry:   "One side's glutes weaker",
		assessment.FindHingePoor:        "Poor hip hinge (0–1 of 3)",
		assessment.FindHingeFair:        "Fair hip hinge (2 of 3)",
		assessment.FindHingeSquatting:   "Squats instead of hinging",
		assessment.FindHingeLumbarFlex:  "Low back rounds in the hinge",
		assessment.FindThoracicMobility: "Stiff upper back",
		assessment.FindForwardHead:      "Forward head",
		assessment.FindRoundedShoulders: "Rounded shoulders",
		assessment.FindKyphosis:         "Rounded upper back (kyphosis)",
		assessment.FindLongSitting:      "Long hours of sitting",
		assessment.FindFrequentLifting:  "Lifts and carries her child a lot",
	}
	equipmentLabels = map[string]string{
		assessment.EquipNone:       "No equipment",
		assessment.EquipMat:        "Mat",
		assessment.EquipBand:       "Band",
		assessment.EquipDowel:      "Dowel or broom",
		assessment.EquipKettlebell: "Kettlebell",
		assessment.EquipDumbbell:   "Dumbbell",
		assessment.EquipBench:      "Bench or sofa",
		assessment.EquipBox:        "Box or step",
		assessment.EquipWall:       "Wall",
		assessment.EquipCable:      "Cable",
		assessment.EquipBarbell:    "Barbell",
		assessment.EquipFoamRoller: "Foam roller",
	}
	positionLabels = map[string]string{
		assessment.PosStanding:     "Standing",
		assessment.PosSupine:       "Lying on her back",
		assessment.PosProne:        "Lying face down",
		assessment.PosSideLying:    "Lying on her side",
		assessment.PosQuadruped:    "On hands and knees",
		assessment.PosKneeling:     "Kneeling",
		assessment.PosHalfKneeling: "Half-kneeling",
		assessment.PosSeated:       "Seated",
	}
	phaseLabels = map[string]string{
		assessment.PhaseActivation:  "Activation",
		assessment.PhaseStrength:    "Strength",
		assessment.PhaseIntegration: "Integration",
	}
)

// demandInfo explains a demand tag to the coach who tags her own exercise:
// what it means and which safety rules hold an exercise with it back
// (assessment/gates.go, docs/PROGRAMME.md §1), because the gates forbid by
// demand and an untagged demand is a demand no rule can see.
type demandInfo struct{ label, meaning string }

var demandInfos = map[string]demandInfo{
	assessment.DemandImpact: {"Impact",
		"Feet leave the ground or land hard (jumps, running). Held back for every postpartum client until she passes the return-to-impact checks, and for pelvic-floor symptoms or pain of 7/10 or more."},
	assessment.DemandLoadedFlexion: {"Loaded trunk curl",
		"The trunk curls against a load or gravity (crunch, sit-up). Held back for a diastasis, a soft midline or doming, under 6 weeks postpartum and a scar concern."},
	assessment.DemandHighPressure: {"High pressure",
		"Pushes the pressure inside the tummy up hard (full plank, holding the breath to lift). Held back for a diastasis, a soft midline or doming, under 6 weeks postpartum and a scar concern."},
	assessment.DemandHeavyLoad: {"Heavy load",
		"A weight well above her baby's. Held back for pelvic-floor symptoms, a caesarean under 12 weeks ago, pain of 7/10 or more and the first 6 weeks."},
	assessment.DemandLoadedHinge: {"Loaded hinge",
		"A hip hinge holding a weight (kettlebell deadlift, bent-over row). Held back while her hinge is painful."},
	assessment.DemandSingleLegLoad: {"Single-leg load",
		"Her whole weight on one leg under control (step-up, single-leg deadlift). No safety rule holds it back today; tag it so the library says what the exercise asks."},
	assessment.DemandLongLeverCore: {"Long-lever core",
		"Long-lever work against the back arching (straight-leg dead bug, full plank). Held back for marked doming."},
}

// label returns the coach's word for code from labels, or the code itself.
func label(labels map[string]string, code string) string {
	if l, ok := labels[code]; ok {
		return lang.L(l)
	}
	return code
}

// Rows of the exercise list filter that are not families.
const (
	filterAll  = "All exercises"
	filterMine = "Your own exercises"
)

// exerciseScreen is the exercise library: every exercise Keel can put in a
// programme on the left (built in and the coach's own, hers marked), and on
// the right a built-in exercise to read or the form for one of hers.
type exerciseScreen struct {
	ui  *UI
	lib *assessment.Library // built-in and hers, reloaded after each change

	search *widget.Entry
	filter *widget.Select
	list   *widget.List
	count  *widget.Label
	shown  []*assessment.Exercise
	newEx  *widget.Button
	right  *fyne.Container

	// selected is the id shown on the right ("" for none or a new one).
	selected     string
	ignoreSelect bool

	// The read-only view of a built-in exercise.
	viewing *assessment.Exercise
	view    *fyne.Container
	copyEx  *widget.Button

	// The form for one of her exercises.
	editing     *assessment.Exercise // as stored; nil while it is new
	formShown   bool
	loading     bool // the form is being filled, not edited
	idTouched   bool // she typed the id herself: stop suggesting it
	formTitle   *widget.Label
	id, name    *widget.Entry
	family      *widget.Select
	position    *widget.Select
	targets     map[string]*widget.Check
	demands     map[string]*widget.Check
	equipment   map[string]*widget.Check
	cues        [assessment.MaxCues]*widget.Entry
	doses       map[string]*doseRow
	doseBox     fyne.CanvasObject
	regression  *exercisePicker
	progression *exercisePicker
	errs        map[string]fieldError
	formErr     fieldError // problems with other exercises
	save, del   *widget.Button
	status      *widget.Label
	formHead    *fyne.Container
	orig        string
	form        fyne.CanvasObject
	hint        fyne.CanvasObject

	root fyne.CanvasObject
}

// doseRow is one phase's dose in the form.
type doseRow struct {
	sets, reps, hold, tempo, rest *widget.Entry
	perSide                       *widget.Check
}

// exercisePicker is a select over the library, holding exercise ids
// behind readable labels; the first option is "None".
type exercisePicker struct {
	sel *widget.Select
	ids []string // parallel to sel.Options
}

// id returns the chosen exercise id, "" for none.
func (p *exercisePicker) id() string {
	if i := p.sel.SelectedIndex(); i > 0 && i < len(p.ids) {
		return p.ids[i]
	}
	return ""
}

// setID chooses id. An id the library does not hold is kept as an option
// of its own, so a broken link is shown and refused rather than dropped.
func (p *exercisePicker) setID(id string) {
	if id == "" {
		p.sel.SetSelectedIndex(0)
		return
	}
	if i := slices.Index(p.ids, id); i > 0 {
		p.sel.SetSelectedIndex(i)
		return
	}
	p.ids = append(p.ids, id)
	p.sel.Options = append(p.sel.Options, fmt.Sprintf(lang.L("%s (not in the library)"), id))
	p.sel.SetSelectedIndex(len(p.ids) - 1)
}

// openExercises shows the exercise library screen.
func (u *UI) openExercises() *exerciseScreen {
	s := &exerciseScreen{ui: u, errs: map[string]fieldError{}}
	if !s.reload() {
		return nil
	}
	s.build()
	u.pushScreen(s.root, s)
	return s
}

// reload reads the library again: the built-in exercises and hers.
func (s *exerciseScreen) reload() bool {
	lib, err := s.ui.library()
	if err != nil {
		s.ui.showError(lang.L("Could not load the exercise library"), err)
		return false
	}
	s.lib = lib
	return true
}

func (s *exerciseScreen) build() {
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(lang.L("Search exercises"))
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.search.OnChanged = func(string) { s.refreshList() }
	opts := []string{lang.L(filterAll), lang.L(filterMine)}
	for _, f := range assessment.Families {
		opts = append(opts, label(familyLabels, f))
	}
	s.filter = widget.NewSelect(opts, func(string) { s.refreshList() })
	s.filter.SetSelectedIndex(0)
	s.list = widget.NewList(
		func() int { return len(s.shown) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("Template exercise name")
			name.Truncation = fyne.TextTruncateClip
			sub := widget.NewLabel("")
			sub.SizeName = theme.SizeNameCaptionText
			sub.Truncation = fyne.TextTruncateClip
			return container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), name, sub)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			name, sub := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Label)
			if i >= len(s.shown) {
				return
			}
			e := s.shown[i]
			name.SetText(e.Name)
			if e.Custom {
				sub.Importance = widget.SuccessImportance
				sub.SetText(lang.L("Yours") + " · " + label(familyLabels, e.Family))
			} else {
				sub.Importance = widget.MediumImportance
				sub.SetText(label(familyLabels, e.Family))
			}
		},
	)
	s.list.OnSelected = s.onSelected
	s.count = widget.NewLabel("")
	s.count.SizeName = theme.SizeNameCaptionText
	s.newEx = newImportantButton(lang.L("New exercise"), s.onNew)
	s.newEx.Icon = theme.ContentAddIcon()

	s.buildForm()
	s.view = container.NewVBox()
	s.copyEx = newButton(lang.L("Copy as my own"), theme.ContentCopyIcon(), s.onCopy)
	s.hint = container.NewCenter(widget.NewLabel(lang.L("Choose an exercise to read it, or add your own with New exercise.")))
	s.right = container.NewStack(s.hint)

	back := newButton(lang.L("Back"), theme.NavigateBackIcon(), s.onBack)
	header := container.NewBorder(nil, nil, back, s.newEx, newHeading(lang.L("Exercise library")))
	left := container.NewBorder(container.NewVBox(s.search, s.filter), s.count, nil, nil, s.list)
	split := container.NewHSplit(left, s.right)
	split.Offset = 0.3
	s.root = container.NewBorder(header, nil, nil, nil, split)
	s.refreshList()
}

// buildForm makes the widgets of the form for her own exercise.
func (s *exerciseScreen) buildForm() {
	changed := func() { s.changed() }
	s.formTitle = newHeading("")
	s.formTitle.Truncation = fyne.TextTruncateEllipsis
	s.name = widget.NewEntry()
	s.name.SetPlaceHolder(lang.L("e.g. Banded bridge with a pause"))
	s.name.OnChanged = func(string) { s.suggestID(); s.changed() }
	s.id = widget.NewEntry()
	s.id.SetPlaceHolder(lang.L("banded_bridge_pause"))
	s.id.OnChanged = func(t string) {
		if !s.loading {
			s.idTouched = strings.TrimSpace(t) != ""
		}
		s.changed()
	}
	fams := make([]string, len(assessment.Families))
	for i, f := range assessment.Families {
		fams[i] = label(familyLabels, f)
	}
	s.family = widget.NewSelect(fams, func(string) { s.refreshPickers(); s.changed() })
	s.family.PlaceHolder = lang.L("Choose a family")
	poss := make([]string, len(assessment.Positions))
	for i, p := range assessment.Positions {
		poss[i] = label(positionLabels, p)
	}
	s.position = widget.NewSelect(poss, func(string) { changed() })
	s.position.PlaceHolder = lang.L("Choose a starting position")

	s.targets = map[string]*widget.Check{}
	var targetBoxes []fyne.CanvasObject
	for _, t := range assessment.ExerciseTargets() {
		c := widget.NewCheck(label(targetLabels, t), func(bool) { changed() })
		s.targets[t] = c
		targetBoxes = append(targetBoxes, c)
	}
	s.demands = map[string]*widget.Check{}
	demandBox := container.NewVBox()
	for _, d := range assessment.Demands {
		info := demandInfos[d]
		c := widget.NewCheck(lang.L(info.label), func(bool) { changed() })
		s.demands[d] = c
		why := newWrapLabel(lang.L(info.meaning))
		why.SizeName = theme.SizeNameCaptionText
		demandBox.Add(container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), c, why))
	}
	s.equipment = map[string]*widget.Check{}
	var equipBoxes []fyne.CanvasObject
	for _, it := range assessment.EquipmentNames {
		c := widget.NewCheck(label(equipmentLabels, it), nil)
		c.OnChanged = func(on bool) { s.onEquipment(it, on) }
		s.equipment[it] = c
		equipBoxes = append(equipBoxes, c)
	}
	cueBox := container.NewVBox()
	for i := range s.cues {
		e := widget.NewEntry()
		if i < assessment.MinCues {
			e.SetPlaceHolder(fmt.Sprintf(lang.L("Cue %d"), i+1))
		} else {
			e.SetPlaceHolder(fmt.Sprintf(lang.L("Cue %d (optional)"), i+1))
		}
		e.OnChanged = func(string) { changed() }
		s.cues[i] = e
		cueBox.Add(e)
		cueBox.Add(s.errLabel("cues[" + strconv.Itoa(i) + "]"))
	}

	s.doses = map[string]*doseRow{}
	s.doseBox = s.doseTable(changed)

	s.regression = &exercisePicker{sel: widget.NewSelect(nil, func(string) { changed() })}
	s.progression = &exercisePicker{sel: widget.NewSelect(nil, func(string) { changed() })}
	s.refreshPickers()

	s.formErr = newFieldError()
	s.status = widget.NewLabel("")
	s.save = newImportantButton(lang.L("Save exercise"), func() { s.onSave() })
	s.save.Icon = theme.DocumentSaveIcon()
	s.del = newButton(lang.L("Delete"), theme.DeleteIcon(), s.onDelete)

	caption := func(text string) *widget.Label {
		l := newWrapLabel(lang.L(text))
		l.SizeName = theme.SizeNameCaptionText
		return l
	}
	rows := [][]fyne.CanvasObject{
		fieldRow(lang.L("Name"), s.name, s.errLabel("name")),
		fieldRow(lang.L("Id"), container.NewVBox(s.id, caption("Lower-case letters, digits and _. Saved programmes refer to it, so it cannot change after the first save.")), s.errLabel("id")),
		fieldRow(lang.L("Family"), s.family, s.errLabel("family")),
		fieldRow(lang.L("Starting position"), s.position, s.errLabel("position")),
		fieldRow(lang.L("Works on"), container.NewVBox(caption("Keel chooses it for clients with these findings."), container.NewGridWithColumns(2, targetBoxes...)), s.errLabel("targets")),
		fieldRow(lang.L("Demands"), container.NewVBox(caption("Safety rules hold exercises back by what they demand: tick every demand it makes, or a client it is not safe for may get it."), demandBox), s.errLabel("demands")),
		fieldRow(lang.L("Equipment"), container.NewGridWithColumns(3, equipBoxes...), s.errLabel("equipment")),
		fieldRow(lang.L("Coaching cues"), cueBox, s.errLabel("cues")),
		fieldRow(lang.L("Dose"), container.NewVBox(caption("Give reps, a hold in seconds, or both (reps of holds). Leave a phase empty to use the dose of the nearest phase."), s.doseBox), s.errLabel("dosage")),
		fieldRow(lang.L("Easier variation"), s.regression.sel, s.errLabel("regression")),
		fieldRow(lang.L("Harder variation"), s.progression.sel, s.errLabel("progression")),
	}
	var cells []fyne.CanvasObject
	for _, r := range rows {
		cells = append(cells, r...)
	}
	s.formHead = container.NewBorder(nil, nil, nil, container.NewHBox(s.status, s.del, s.figureButton(), s.save), s.formTitle)
	s.form = container.NewBorder(container.NewVBox(s.formHead, s.formErr), nil, nil, nil, container.NewVScroll(formGrid(cells...)))
}

// doseTable lays out the dose of each phase: the phase's name and "Each
// side" keep their natural width so the five number fields share the rest,
// and a narrow window does not force the form wider than it needs.
func (s *exerciseScreen) doseTable(changed func()) fyne.CanvasObject {
	var nameW, sideW float32
	var names []*widget.Label
	for _, ph := range assessment.PhaseNames {
		entry := func() *widget.Entry {
			e := widget.NewEntry()
			e.OnChanged = func(string) { changed() }
			return e
		}
		r := &doseRow{sets: entry(), reps: entry(), hold: entry(), tempo: entry(), rest: entry(),
			perSide: widget.NewCheck(lang.L("Each side"), func(bool) { changed() })}
		r.tempo.SetPlaceHolder("2-1-2")
		s.doses[ph] = r
		n := widget.NewLabel(label(phaseLabels, ph))
		names = append(names, n)
		nameW = max(nameW, n.MinSize().Width)
		sideW = max(sideW, r.perSide.MinSize().Width)
	}
	row := func(name, side fyne.CanvasObject, cells ...fyne.CanvasObject) fyne.CanvasObject {
		fix := func(o fyne.CanvasObject, w float32) fyne.CanvasObject {
			return container.New(layout.NewGridWrapLayout(fyne.NewSize(w, o.MinSize().Height)), o)
		}
		return container.NewBorder(nil, nil, fix(name, nameW), fix(side, sideW), container.NewGridWithColumns(len(cells), cells...))
	}
	var heads []fyne.CanvasObject
	for _, h := range []string{"Sets", "Reps", "Hold (s)", "Tempo", "Rest (s)"} {
		l := widget.NewLabel(lang.L(h))
		l.SizeName = theme.SizeNameCaptionText
		heads = append(heads, l)
	}
	box := container.NewVBox(row(widget.NewLabel(""), widget.NewLabel(""), heads...))
	for i, ph := range assessment.PhaseNames {
		r := s.doses[ph]
		box.Add(row(names[i], r.perSide, r.sets, r.reps, r.hold, r.tempo, r.rest))
		box.Add(s.errLabel("dosage." + ph))
	}
	return box
}

// errLabel makes the message label of a form field.
func (s *exerciseScreen) errLabel(field string) fieldError {
	e := newFieldError()
	s.errs[field] = e
	return e
}

// refreshList filters the library by the search text and the family
// filter; exercises are grouped by family in the domain's order, then by
// name.
func (s *exerciseScreen) refreshList() {
	if s.list == nil {
		return
	}
	q := assessment.Fold(strings.TrimSpace(s.search.Text))
	fam, mine := "", false
	switch i := s.filter.SelectedIndex(); {
	case i == 1:
		mine = true
	case i >= 2:
		fam = assessment.Families[i-2]
	}
	s.shown = s.shown[:0]
	for _, e := range s.lib.Exercises {
		if mine && !e.Custom || fam != "" && e.Family != fam {
			continue
		}
		if q != "" && !strings.Contains(assessment.Fold(e.Name), q) && !strings.Contains(e.ID, q) {
			continue
		}
		s.shown = append(s.shown, e)
	}
	slices.SortStableFunc(s.shown, func(a, b *assessment.Exercise) int {
		if fa, fb := slices.Index(assessment.Families, a.Family), slices.Index(assessment.Families, b.Family); fa != fb {
			return fa - fb
		}
		return strings.Compare(assessment.Fold(a.Name), assessment.Fold(b.Name))
	})
	s.list.UnselectAll()
	s.list.Refresh()
	n, custom := len(s.lib.Exercises), 0
	for _, e := range s.lib.Exercises {
		if e.Custom {
			custom++
		}
	}
	if len(s.shown) == n {
		s.count.SetText(fmt.Sprintf(lang.L("%d exercises, %d of them yours"), n, custom))
	} else {
		s.count.SetText(fmt.Sprintf(lang.L("%d of %d exercises"), len(s.shown), n))
	}
	s.reselect()
}

// reselect highlights the exercise shown on the right without opening it
// again.
func (s *exerciseScreen) reselect() {
	s.ignoreSelect = true
	defer func() { s.ignoreSelect = false }()
	for i, e := range s.shown {
		if e.ID == s.selected {
			s.list.Select(i)
			return
		}
	}
	s.list.UnselectAll()
}

func (s *exerciseScreen) onSelected(i widget.ListItemID) {
	if s.ignoreSelect || i >= len(s.shown) {
		return
	}
	e := s.shown[i]
	if e.ID == s.selected {
		return
	}
	// Until she answers about unsaved changes, keep the edited one lit.
	s.reselect()
	s.guard(func() { s.show(e) })
}

// show opens e on the right: hers in the form, a built-in one to read.
func (s *exerciseScreen) show(e *assessment.Exercise) {
	s.selected = e.ID
	if e.Custom {
		s.edit(e, nil)
	} else {
		s.showBuiltin(e)
	}
	s.reselect()
}

// showBuiltin shows a built-in exercise, read-only, with "Copy as my own".
func (s *exerciseScreen) showBuiltin(e *assessment.Exercise) {
	s.viewing, s.formShown, s.editing = e, false, nil
	s.view.Objects = nil
	title := newHeading(e.Name)
	title.Wrapping = fyne.TextWrapWord
	sub := widget.NewLabel(lang.L("Built into Keel, read only") + " · " + label(familyLabels, e.Family) + " · " + label(positionLabels, e.Position))
	sub.SizeName = theme.SizeNameCaptionText
	sub.Wrapping = fyne.TextWrapWord
	s.view.Add(container.NewBorder(nil, nil, nil, container.NewVBox(s.copyEx), container.NewVBox(title, sub)))
	s.view.Add(newExerciseFigure(e, fyne.NewSize(300, 110)))
	var cells []fyne.CanvasObject
	row := func(caption string, body fyne.CanvasObject) {
		l := widget.NewLabel(caption)
		l.Alignment = fyne.TextAlignTrailing
		l.TextStyle.Bold = true
		cells = append(cells, l, body)
	}
	words := func(codes []string, labels map[string]string) string {
		out := make([]string, len(codes))
		for i, c := range codes {
			out[i] = label(labels, c)
		}
		return strings.Join(out, ", ")
	}
	row(lang.L("Works on"), newWrapLabel(words(e.Targets, targetLabels)))
	if len(e.Demands) == 0 {
		row(lang.L("Demands"), newWrapLabel(lang.L("None: no safety rule holds it back.")))
	} else {
		box := container.NewVBox()
		for _, d := range e.Demands {
			info := demandInfos[d]
			name := widget.NewLabel(lang.L(info.label))
			name.TextStyle.Bold = true
			why := newWrapLabel(lang.L(info.meaning))
			why.SizeName = theme.SizeNameCaptionText
			box.Add(container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), name, why))
		}
		row(lang.L("Demands"), box)
	}
	row(lang.L("Equipment"), newWrapLabel(words(e.Equipment, equipmentLabels)))
	cues := make([]string, len(e.Cues))
	for i, c := range e.Cues {
		cues[i] = strconv.Itoa(i+1) + ". " + c
	}
	row(lang.L("Coaching cues"), newWrapLabel(strings.Join(cues, "\n")))
	var doses []string
	for _, ph := range assessment.PhaseNames {
		if d, ok := e.Dosage[ph]; ok {
			doses = append(doses, label(phaseLabels, ph)+": "+doseWords(d))
		}
	}
	row(lang.L("Dose"), newWrapLabel(strings.Join(doses, "\n")))
	row(lang.L("Easier variation"), widget.NewLabel(s.nameOf(e.Regression)))
	row(lang.L("Harder variation"), widget.NewLabel(s.nameOf(e.Progression)))
	s.view.Add(formGrid(cells...))
	s.right.Objects = []fyne.CanvasObject{container.NewVScroll(s.view)}
	s.right.Refresh()
}

// doseWords writes a dose as a coach reads it: "3 × 12 each side, tempo
// 1-1-2, rest 30 s".
func doseWords(d assessment.Dose) string {
	out := assessment.DoseText(assessment.Prescription{Sets: d.Sets, Reps: d.Reps, HoldSeconds: d.HoldSeconds, PerSide: d.PerSide, Side: assessment.SideBoth})
	if d.Tempo != "" {
		out += ", " + lang.L("tempo") + " " + d.Tempo
	}
	if d.RestSeconds > 0 {
		out += ", " + fmt.Sprintf(lang.L("rest %d s"), d.RestSeconds)
	}
	return out
}

// nameOf names the exercise with id, or says there is none.
func (s *exerciseScreen) nameOf(id string) string {
	if id == "" {
		return lang.L("None")
	}
	if e, ok := s.lib.Get(id); ok {
		return e.Name
	}
	return id
}

// onNew starts a new exercise of her own.
func (s *exerciseScreen) onNew() {
	s.guard(func() {
		s.selected = ""
		s.edit(nil, nil)
		s.reselect()
		s.ui.win.Canvas().Focus(s.name)
	})
}

// onCopy starts a new exercise of her own from the built-in one shown. The
// copy sits beside the original in its chain (same easier variation, no
// harder one), since the original's harder variation already names the
// original as its easier one.
func (s *exerciseScreen) onCopy() {
	src := s.viewing
	if src == nil {
		return
	}
	cp := *src
	cp.Name = fmt.Sprintf(lang.L("%s (my version)"), src.Name)
	cp.ID = ""
	cp.Progression = ""
	cp.Custom = true
	cp.Targets, cp.Demands, cp.Equipment, cp.Cues = slices.Clone(src.Targets), slices.Clone(src.Demands), slices.Clone(src.Equipment), slices.Clone(src.Cues)
	s.selected = ""
	s.edit(nil, &cp)
	s.reselect()
	s.ui.win.Canvas().Focus(s.name)
}

// edit shows the form: for stored exercise e, or for a new one (e nil),
// filled from prefill when given. A prefilled new form counts as changed.
func (s *exerciseScreen) edit(e, prefill *assessment.Exercise) {
	s.viewing, s.editing, s.formShown = nil, e, true
	s.fill(e)
	s.orig = s.values()
	if prefill != nil {
		s.loading = true
		s.fill(prefill)
		s.loading = false
		s.suggestID()
	}
	if e == nil {
		s.id.Enable()
		s.save.Enable()
		s.del.Hide()
		s.formTitle.SetText(lang.L("New exercise"))
	} else {
		s.id.Disable()
		s.del.Show()
		s.formTitle.SetText(e.Name)
	}
	s.setStatus("", widget.MediumImportance)
	s.showErrors(nil)
	s.right.Objects = []fyne.CanvasObject{s.form}
	s.right.Refresh()
	s.changed()
}

// fill puts e's values in the form (blank for nil).
func (s *exerciseScreen) fill(e *assessment.Exercise) {
	was := s.loading
	s.loading = true
	defer func() { s.loading = was }()
	if e == nil {
		e = &assessment.Exercise{}
	}
	s.idTouched = e.ID != ""
	s.name.SetText(e.Name)
	s.id.SetText(e.ID)
	if i := slices.Index(assessment.Families, e.Family); i >= 0 {
		s.family.SetSelectedIndex(i)
	} else {
		s.family.ClearSelected()
	}
	if i := slices.Index(assessment.Positions, e.Position); i >= 0 {
		s.position.SetSelectedIndex(i)
	} else {
		s.position.ClearSelected()
	}
	for code, c := range s.targets {
		c.SetChecked(slices.Contains(e.Targets, code))
	}
	for code, c := range s.demands {
		c.SetChecked(slices.Contains(e.Demands, code))
	}
	for code, c := range s.equipment {
		c.SetChecked(slices.Contains(e.Equipment, code))
	}
	for i, c := range s.cues {
		if i < len(e.Cues) {
			c.SetText(e.Cues[i])
		} else {
			c.SetText("")
		}
	}
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	for ph, r := range s.doses {
		d := e.Dosage[ph]
		r.sets.SetText(num(d.Sets))
		r.reps.SetText(num(d.Reps))
		r.hold.SetText(num(d.HoldSeconds))
		r.tempo.SetText(d.Tempo)
		r.rest.SetText(num(d.RestSeconds))
		r.perSide.SetChecked(d.PerSide)
	}
	s.refreshPickers()
	s.regression.setID(e.Regression)
	s.progression.setID(e.Progression)
}

// refreshPickers lists the library in the easier and harder variation
// selects: the chosen family's exercises first (a chain stays in one
// family), then the rest, each named with its family.
func (s *exerciseScreen) refreshPickers() {
	if s.regression == nil || s.lib == nil {
		return
	}
	fam := ""
	if i := s.family.SelectedIndex(); i >= 0 {
		fam = assessment.Families[i]
	}
	own := ""
	if s.editing != nil {
		own = s.editing.ID
	}
	all := slices.Clone(s.lib.Exercises)
	slices.SortStableFunc(all, func(a, b *assessment.Exercise) int {
		if (a.Family == fam) != (b.Family == fam) {
			if a.Family == fam {
				return -1
			}
			return 1
		}
		if fa, fb := slices.Index(assessment.Families, a.Family), slices.Index(assessment.Families, b.Family); fa != fb {
			return fa - fb
		}
		return strings.Compare(assessment.Fold(a.Name), assessment.Fold(b.Name))
	})
	for _, p := range []*exercisePicker{s.regression, s.progression} {
		keep := p.id()
		was := s.loading
		s.loading = true
		p.ids = []string{""}
		opts := []string{lang.L("None")}
		for _, e := range all {
			if e.ID == own {
				continue
			}
			p.ids = append(p.ids, e.ID)
			opts = append(opts, e.Name+" — "+label(familyLabels, e.Family))
		}
		p.sel.Options = opts
		p.setID(keep)
		s.loading = was
	}
}

// suggestID fills the id from the name while the exercise is new and she
// has not typed an id of her own.
func (s *exerciseScreen) suggestID() {
	if s.loading || s.editing != nil || s.idTouched {
		return
	}
	s.loading = true
	s.id.SetText(suggestExerciseID(s.name.Text, func(id string) bool { _, ok := s.lib.Get(id); return ok }))
	s.loading = false
}

// suggestExerciseID turns a name into an id the library does not use yet:
// "Glute bridge – paused" becomes glute_bridge_paused (glute_bridge_paused_2
// when taken).
func suggestExerciseID(name string, taken func(string) bool) string {
	var b strings.Builder
	gap := false
	for _, r := range assessment.Fold(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			gap = false
			b.WriteRune(r)
		default:
			gap = true
		}
	}
	id := b.String()
	if id == "" {
		return ""
	}
	if id[0] < 'a' || id[0] > 'z' {
		id = "ex_" + id
	}
	const room = 4 // for a "_99" suffix
	if n := assessment.MaxExerciseIDLen - room; len(id) > n {
		// Cut at a word break, not inside a word.
		cut := id[:n]
		if id[n] != '_' {
			if i := strings.LastIndexByte(cut, '_'); i > 0 {
				cut = cut[:i]
			}
		}
		id = strings.TrimRight(cut, "_")
	}
	if !taken(id) {
		return id
	}
	for n := 2; n < 100; n++ {
		if c := id + "_" + strconv.Itoa(n); !taken(c) {
			return c
		}
	}
	return id
}

// onEquipment keeps "No equipment" apart from the rest, as the domain
// requires.
func (s *exerciseScreen) onEquipment(item string, on bool) {
	if on && !s.loading {
		s.loading = true
		if item == assessment.EquipNone {
			for it, c := range s.equipment {
				if it != item {
					c.SetChecked(false)
				}
			}
		} else {
			s.equipment[assessment.EquipNone].SetChecked(false)
		}
		s.loading = false
	}
	s.changed()
}

// values is everything the form holds, as typed, to tell whether she
// changed anything.
func (s *exerciseScreen) values() string {
	var b strings.Builder
	w := func(parts ...string) {
		for _, p := range parts {
			b.WriteString(p)
			b.WriteByte(0)
		}
	}
	w(s.name.Text, s.id.Text, s.family.Selected, s.position.Selected)
	for _, m := range []map[string]*widget.Check{s.targets, s.demands, s.equipment} {
		for _, k := range slices.Sorted(maps.Keys(m)) {
			w(k, strconv.FormatBool(m[k].Checked))
		}
	}
	for _, c := range s.cues {
		w(c.Text)
	}
	for _, ph := range assessment.PhaseNames {
		r := s.doses[ph]
		w(r.sets.Text, r.reps.Text, r.hold.Text, r.tempo.Text, r.rest.Text, strconv.FormatBool(r.perSide.Checked))
	}
	w(s.regression.id(), s.progression.id())
	return b.String()
}

// dirty reports whether the form holds changes not saved yet.
func (s *exerciseScreen) dirty() bool { return s.formShown && s.values() != s.orig }

func (s *exerciseScreen) changed() {
	if s.loading || !s.formShown {
		return
	}
	if s.dirty() {
		if s.status.Text != "" {
			s.setStatus("", widget.MediumImportance)
		}
		s.save.Enable()
	} else if s.editing != nil {
		s.save.Disable()
	}
}

// cueIndex maps a cue's position in the saved list back to its entry.
type cueIndex []int

// collect reads the form into an exercise, with the fields that cannot
// even be read (a dose that is not a number). Empty cue entries are
// skipped; idx says which entry each saved cue came from.
func (s *exerciseScreen) collect() (*assessment.Exercise, cueIndex, assessment.ValidationErrors) {
	var v assessment.ValidationErrors
	e := &assessment.Exercise{
		ID: strings.TrimSpace(s.id.Text), Name: s.name.Text, Custom: true,
		Targets: []string{}, Demands: []string{}, Equipment: []string{}, Cues: []string{},
		Regression: s.regression.id(), Progression: s.progression.id(),
	}
	if i := s.family.SelectedIndex(); i >= 0 {
		e.Family = assessment.Families[i]
	}
	if i := s.position.SelectedIndex(); i >= 0 {
		e.Position = assessment.Positions[i]
	}
	for _, t := range assessment.ExerciseTargets() {
		if s.targets[t].Checked {
			e.Targets = append(e.Targets, t)
		}
	}
	for _, d := range assessment.Demands {
		if s.demands[d].Checked {
			e.Demands = append(e.Demands, d)
		}
	}
	for _, it := range assessment.EquipmentNames {
		if s.equipment[it].Checked {
			e.Equipment = append(e.Equipment, it)
		}
	}
	var idx cueIndex
	for i, c := range s.cues {
		if strings.TrimSpace(c.Text) != "" {
			e.Cues = append(e.Cues, c.Text)
			idx = append(idx, i)
		}
	}
	e.Dosage = map[string]assessment.Dose{}
	for _, ph := range assessment.PhaseNames {
		r := s.doses[ph]
		if strings.TrimSpace(r.sets.Text+r.reps.Text+r.hold.Text+r.tempo.Text+r.rest.Text) == "" && !r.perSide.Checked {
			continue
		}
		f := "dosage." + ph + "."
		num := func(field string, en *widget.Entry) int {
			t := strings.TrimSpace(en.Text)
			if t == "" {
				return 0
			}
			n, err := strconv.Atoi(t)
			if err != nil {
				v.Add(f+field, "Enter a whole number.")
			}
			return n
		}
		e.Dosage[ph] = assessment.Dose{Sets: num("sets", r.sets), Reps: num("reps", r.reps), HoldSeconds: num("hold_seconds", r.hold),
			Tempo: strings.TrimSpace(r.tempo.Text), RestSeconds: num("rest_seconds", r.rest), PerSide: r.perSide.Checked}
	}
	return e, idx, v
}

// errKey is the label a domain field's message goes to: list items to
// their list, a dose field to its phase's row, a cue to its entry. Fields
// the form has no place for go to the message above the form ("").
func (s *exerciseScreen) errKey(field string, idx cueIndex) string {
	if rest, ok := strings.CutPrefix(field, "cues["); ok {
		if n, err := strconv.Atoi(strings.TrimSuffix(rest, "]")); err == nil && n >= 0 && n < len(idx) {
			return "cues[" + strconv.Itoa(idx[n]) + "]"
		}
		return "cues"
	}
	if rest, ok := strings.CutPrefix(field, "dosage."); ok {
		ph, _, _ := strings.Cut(rest, ".")
		if _, ok := s.doses[ph]; ok {
			return "dosage." + ph
		}
		return "dosage"
	}
	if i := strings.IndexByte(field, '['); i > 0 {
		field = field[:i]
	}
	if _, ok := s.errs[field]; ok {
		return field
	}
	return ""
}

// showErrors puts each message next to its field. Messages about other
// exercises (a link that no longer fits them) go above the form, naming
// the exercise.
func (s *exerciseScreen) showErrors(v assessment.ValidationErrors) {
	s.showErrorsAt(v, nil)
}

func (s *exerciseScreen) showErrorsAt(v assessment.ValidationErrors, idx cueIndex) {
	msgs := map[string][]string{}
	seen := map[string]bool{}
	for _, e := range v {
		if seen[e.Field] {
			continue // the first message for a field is the one that matters
		}
		seen[e.Field] = true
		k := s.errKey(e.Field, idx)
		m := e.Message
		if k == "" {
			if other, _, ok := strings.Cut(e.Field, "."); ok {
				if o, found := s.lib.Get(other); found {
					m = fmt.Sprintf(lang.L("About “%s”: %s"), o.Name, m)
				}
			}
		}
		if !slices.Contains(msgs[k], m) {
			msgs[k] = append(msgs[k], m)
		}
	}
	for k, l := range s.errs {
		l.set(strings.Join(msgs[k], "\n"))
	}
	s.formErr.set(strings.Join(msgs[""], "\n"))
	if s.root != nil {
		s.root.Refresh()
	}
}

// onSave checks the form with the domain and stores it. It reports
// whether the exercise was saved; on failure every message stands next to
// its field and nothing is written.
func (s *exerciseScreen) onSave() bool {
	if !s.formShown {
		return false
	}
	e, idx, parseErrs := s.collect()
	e.Normalize()
	all := parseErrs
	all = append(all, assessment.FieldErrors(e.Validate())...)
	all = append(all, s.libraryErrors(e)...)
	if s.editing == nil {
		// A new exercise must not overwrite one of hers with the same id.
		if o, ok := s.lib.Get(e.ID); ok && o.Custom && all.For("id") == "" {
			all.Add("id", "You already have an exercise with the id %q (%s); choose another id.", e.ID, o.Name)
		}
	}
	if len(all) > 0 {
		s.showErrorsAt(all, idx)
		s.notSaved(true)
		return false
	}
	err := s.ui.svc.Exercises.SaveExercise(ctx(), e)
	fields := false
	if s.ui.saveFailed(err, lang.L("Could not save the exercise"), func(v assessment.ValidationErrors) { s.showErrorsAt(v, idx); fields = true }) {
		s.notSaved(fields)
		return false
	}
	if !s.reload() {
		return false
	}
	stored, ok := s.lib.Get(e.ID)
	if !ok {
		stored = e
	}
	s.selected = e.ID
	s.edit(stored, nil)
	s.refreshList()
	s.setStatus(lang.L("Saved"), widget.SuccessImportance)
	return true
}

// notSaved says beside the Save button that nothing was stored; the
// messages may be further down the form, out of sight.
func (s *exerciseScreen) notSaved(fields bool) {
	if fields {
		s.setStatus(lang.L("Not saved: see the messages in red"), widget.DangerImportance)
	} else {
		s.setStatus(lang.L("Not saved"), widget.DangerImportance)
	}
}

// setStatus shows text beside the Save button. The row is laid out again,
// since the label's width changes with its text.
func (s *exerciseScreen) setStatus(text string, imp widget.Importance) {
	s.status.Importance = imp
	s.status.SetText(text)
	s.formHead.Refresh()
}

// libraryErrors checks e together with the rest of the library, as the
// store will (assessment.Library.With), so that a link that does not fit
// (an unknown or other-family variation, a broken chain) is reported with
// the field problems rather than after they are fixed. Messages about e
// lose their id prefix; those about another exercise keep it.
func (s *exerciseScreen) libraryErrors(e *assessment.Exercise) assessment.ValidationErrors {
	if e.ID == "" {
		return nil
	}
	custom := []*assessment.Exercise{}
	for _, o := range s.lib.Exercises {
		if o.Custom && o.ID != e.ID {
			custom = append(custom, o)
		}
	}
	_, err := s.ui.svc.Library.With(append(custom, e))
	var out assessment.ValidationErrors
	for _, fe := range assessment.FieldErrors(err) {
		c := *fe
		c.Field = strings.TrimPrefix(c.Field, e.ID+".")
		out = append(out, &c)
	}
	return out
}

// onDelete asks, naming the exercise, then deletes it. One that another of
// her exercises links to stays, with the reason in words.
func (s *exerciseScreen) onDelete() {
	e := s.editing
	if e == nil {
		return
	}
	msg := fmt.Sprintf(lang.L("Delete your exercise “%s”?\n\nProgrammes already made with it keep its name and dose, but their handouts will no longer show its cues. This cannot be undone."), e.Name)
	dlg := dialog.NewConfirm(lang.L("Delete exercise"), msg, func(ok bool) {
		if !ok {
			return
		}
		err := s.ui.svc.Exercises.DeleteExercise(ctx(), e.ID)
		if assessment.ErrorCode(err) == assessment.ECONFLICT {
			if users := s.linkedFrom(e.ID); len(users) > 0 {
				err = assessment.Errorf(assessment.ECONFLICT, "%s", fmt.Sprintf(
					lang.L("“%s” cannot be deleted while %s name it as an easier or harder variation. Change their variations first, then delete it."),
					e.Name, strings.Join(users, ", ")))
			}
		}
		if err != nil {
			s.ui.showError(lang.L("Could not delete the exercise"), err)
			return
		}
		s.reload()
		s.selected, s.editing, s.formShown = "", nil, false
		s.right.Objects = []fyne.CanvasObject{s.hint}
		s.right.Refresh()
		s.refreshList()
	}, s.ui.win)
	dlg.SetConfirmText(lang.L("Delete"))
	dlg.SetDismissText(lang.L("Cancel"))
	dlg.SetConfirmImportance(widget.DangerImportance)
	dlg.Show()
}

// linkedFrom names, in quotes, her exercises that link to id.
func (s *exerciseScreen) linkedFrom(id string) []string {
	var out []string
	for _, o := range s.lib.Exercises {
		if o.Custom && o.ID != id && (o.Regression == id || o.Progression == id) {
			out = append(out, "“"+o.Name+"”")
		}
	}
	return out
}

// guard runs then, first asking what to do with unsaved changes.
func (s *exerciseScreen) guard(then func()) {
	if !s.dirty() {
		then()
		return
	}
	s.ui.askUnsaved(lang.L("This exercise has changes that are not saved yet."), func(save bool) {
		if !save {
			s.formShown = false
			then()
		} else if s.onSave() {
			then()
		}
	}, s.reselect)
}

// onBack leaves the library, asking first about unsaved changes.
func (s *exerciseScreen) onBack() { s.guard(s.ui.popScreen) }
