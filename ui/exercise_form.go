package ui

// The form for one of the coach's own exercises: its widgets, filling it
// from an exercise, reading it back, and putting each message beside its
// field. The rules are the domain's (Exercise.Validate, Library.With).

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

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

	targetBoxes, demandBox, equipBoxes, cueBox := s.buildChecks(changed)

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

// buildChecks makes the target, demand and equipment ticks and the cue
// entries, and returns the boxes that hold them.
func (s *exerciseScreen) buildChecks(changed func()) (targetBoxes []fyne.CanvasObject, demandBox *fyne.Container, equipBoxes []fyne.CanvasObject, cueBox *fyne.Container) {
	s.targets = map[string]*widget.Check{}
	for _, t := range assessment.ExerciseTargets() {
		c := widget.NewCheck(label(targetLabels, t), func(bool) { changed() })
		s.targets[t] = c
		targetBoxes = append(targetBoxes, c)
	}
	s.demands = map[string]*widget.Check{}
	demandBox = container.NewVBox()
	for _, d := range assessment.Demands {
		c := widget.NewCheck(lang.L(demandName(d)), func(bool) { changed() })
		s.demands[d] = c
		why := newWrapLabel(lang.L(demandMeanings[d]))
		why.SizeName = theme.SizeNameCaptionText
		demandBox.Add(container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), c, why))
	}
	s.equipment = map[string]*widget.Check{}
	for _, it := range assessment.EquipmentNames {
		c := widget.NewCheck(label(equipmentLabels, it), nil)
		c.OnChanged = func(on bool) { s.onEquipment(it, on) }
		s.equipment[it] = c
		equipBoxes = append(equipBoxes, c)
	}
	cueBox = container.NewVBox()
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
	return targetBoxes, demandBox, equipBoxes, cueBox
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
	s.id.SetText(assessment.SuggestExerciseID(s.name.Text, func(id string) bool { _, ok := s.lib.Get(id); return ok }))
	s.loading = false
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
