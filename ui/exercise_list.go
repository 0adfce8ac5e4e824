package ui

// The exercise list and the read-only view of a built-in exercise.

import (
	"fmt"
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
			name := widget.NewLabel(lang.L(demandName(d)))
			name.TextStyle.Bold = true
			why := newWrapLabel(lang.L(demandMeanings[d]))
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
