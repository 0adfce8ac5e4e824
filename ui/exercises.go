package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

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
// store will (assessment.Library.CheckExercise), so that a link that does
// not fit is reported with the field problems rather than after they are
// fixed.
func (s *exerciseScreen) libraryErrors(e *assessment.Exercise) assessment.ValidationErrors {
	if e.ID == "" {
		return nil
	}
	var custom []*assessment.Exercise
	for _, o := range s.lib.Exercises {
		if o.Custom {
			custom = append(custom, o)
		}
	}
	return assessment.FieldErrors(s.ui.svc.Library.CheckExercise(custom, e))
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
		// Storage refuses a linked exercise with the domain's message
		// (Library.CheckDelete), which names the exercises to change.
		if err := s.ui.svc.Exercises.DeleteExercise(ctx(), e.ID); err != nil {
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
