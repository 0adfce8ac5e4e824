package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// choice is one option of a select: the stored value and its label.
type choice struct{ value, label string }

// notRecorded is the label of the empty choice.
const notRecorded = "—"

// recordBinder ties form widgets to the fields of an assessment record.
// Each section of the form is optional: when its "Tested" box is clear the
// section is stored as nil, meaning not tested, never "normal".
type recordBinder struct {
	sections []*formSection
	errs     map[string]fieldError
	// widgets holds every field's widget by JSON path, so tests can type
	// into the real widgets.
	widgets  map[string]fyne.CanvasObject
	onChange func()
	loading  bool
}

func newRecordBinder(onChange func()) *recordBinder {
	return &recordBinder{errs: map[string]fieldError{}, widgets: map[string]fyne.CanvasObject{}, onChange: onChange}
}

func (b *recordBinder) changed() {
	if !b.loading && b.onChange != nil {
		b.onChange()
	}
}

// load fills every widget from r.
func (b *recordBinder) load(r *assessment.Record) {
	b.loading = true
	defer func() { b.loading = false }()
	for _, s := range b.sections {
		set := s.isSet(r)
		s.tested.SetChecked(set)
		for _, l := range s.loads {
			l(r, set)
		}
	}
	b.showErrors(nil)
}

// save writes the widgets into r, collecting values that do not parse.
func (b *recordBinder) save(r *assessment.Record) assessment.ValidationErrors {
	var v assessment.ValidationErrors
	for _, s := range b.sections {
		if !s.tested.Checked {
			s.clear(r)
			continue
		}
		s.alloc(r)
		for _, f := range s.saves {
			f(r, &v)
		}
	}
	return v
}

func (b *recordBinder) showErrors(v assessment.ValidationErrors) {
	for field, e := range b.errs {
		e.set(v.For(field))
	}
	// Errors about a whole row (e.g. a diastasis site with no width) go to
	// the nearest field shown.
	for _, e := range v {
		if _, ok := b.errs[e.Field]; !ok {
			for _, s := range b.sections {
				if strings.HasPrefix(e.Field, s.key) {
					s.err.set(e.Message)
				}
			}
		}
	}
}

// formSection is one optional section of the assessment form.
type formSection struct {
	b      *recordBinder
	key    string
	tested *widget.Check
	alloc  func(*assessment.Record)
	clear  func(*assessment.Record)
	isSet  func(*assessment.Record) bool
	saves  []func(*assessment.Record, *assessment.ValidationErrors)
	loads  []func(r *assessment.Record, set bool)
	err    fieldError
}

func (b *recordBinder) section(key, testedLabel string, alloc, clear func(*assessment.Record), isSet func(*assessment.Record) bool) *formSection {
	s := &formSection{b: b, key: key, alloc: alloc, clear: clear, isSet: isSet, err: newFieldError()}
	s.tested = widget.NewCheck(testedLabel, func(bool) { b.changed() })
	b.sections = append(b.sections, s)
	return s
}

// touched marks the section tested as soon as the coach enters anything.
func (s *formSection) touched() {
	if !s.b.loading && !s.tested.Checked {
		s.tested.SetChecked(true)
	}
	s.b.changed()
}

func (s *formSection) errLabel(path string) fieldError {
	e := newFieldError()
	s.b.errs[path] = e
	return e
}

// numberEntry is an entry for a number with its unit shown after it.
func numberEntry(placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	return e
}

// withUnit puts a unit label after a field.
func withUnit(field fyne.CanvasObject, unit string) fyne.CanvasObject {
	if unit == "" {
		return field
	}
	return container.NewBorder(nil, nil, nil, widget.NewLabel(unit), field)
}

// labelled stacks a small caption over a field and its error.
func labelled(caption string, field fyne.CanvasObject, e fieldError) fyne.CanvasObject {
	l := widget.NewLabel(caption)
	l.Wrapping = fyne.TextWrapWord
	return container.NewVBox(l, field, e)
}

// intField binds an entry to an optional whole number.
func (s *formSection) intField(path, placeholder string, get func(*assessment.Record) **int) (*widget.Entry, fieldError) {
	e := numberEntry(placeholder)
	fe := s.errLabel(path)
	s.b.widgets[path] = e
	e.OnChanged = func(string) { s.touched() }
	s.loads = append(s.loads, func(r *assessment.Record, set bool) {
		if set && *get(r) != nil {
			e.SetText(strconv.Itoa(**get(r)))
		} else {
			e.SetText("")
		}
	})
	s.saves = append(s.saves, func(r *assessment.Record, v *assessment.ValidationErrors) {
		t := strings.TrimSpace(e.Text)
		if t == "" {
			*get(r) = nil
			return
		}
		n, err := strconv.Atoi(t)
		if err != nil {
			v.Add(path, "Enter a whole number.")
			return
		}
		*get(r) = &n
	})
	return e, fe
}

// floatField binds an entry to an optional decimal number.
func (s *formSection) floatField(path, placeholder string, get func(*assessment.Record) **float64) (*widget.Entry, fieldError) {
	e := numberEntry(placeholder)
	fe := s.errLabel(path)
	s.b.widgets[path] = e
	e.OnChanged = func(string) { s.touched() }
	s.loads = append(s.loads, func(r *assessment.Record, set bool) {
		if set && *get(r) != nil {
			e.SetText(strconv.FormatFloat(**get(r), 'f', -1, 64))
		} else {
			e.SetText("")
		}
	})
	s.saves = append(s.saves, func(r *assessment.Record, v *assessment.ValidationErrors) {
		t := strings.ReplaceAll(strings.TrimSpace(e.Text), ",", ".")
		if t == "" {
			*get(r) = nil
			return
		}
		f, err := strconv.ParseFloat(t, 64)
		if err != nil {
			v.Add(path, "Enter a number, e.g. 2.5.")
			return
		}
		*get(r) = &f
	})
	return e, fe
}

// selectField binds a select to an optional enum string.
func (s *formSection) selectField(path string, choices []choice, get func(*assessment.Record) *string) (*widget.Select, fieldError) {
	labels := []string{notRecorded}
	for _, c := range choices {
		labels = append(labels, lang.L(c.label))
	}
	sel := widget.NewSelect(labels, func(string) { s.touched() })
	sel.PlaceHolder = notRecorded
	fe := s.errLabel(path)
	s.b.widgets[path] = sel
	s.loads = append(s.loads, func(r *assessment.Record, set bool) {
		sel.ClearSelected()
		if !set {
			return
		}
		for _, c := range choices {
			if c.value == *get(r) {
				sel.SetSelected(lang.L(c.label))
			}
		}
	})
	s.saves = append(s.saves, func(r *assessment.Record, _ *assessment.ValidationErrors) {
		*get(r) = ""
		for _, c := range choices {
			if lang.L(c.label) == sel.Selected {
				*get(r) = c.value
			}
		}
	})
	return sel, fe
}

// gradeField binds a select to a muscle grade.
func (s *formSection) gradeField(path string, get func(*assessment.Record) *assessment.Grade) (*widget.Select, fieldError) {
	var choices []choice
	for _, g := range assessment.Grades {
		choices = append(choices, choice{string(g), string(g) + "/5"})
	}
	return s.selectField(path, choices, func(r *assessment.Record) *string { return (*string)(get(r)) })
}

// triField binds a no / yes / unsure radio group; nothing chosen means the
// question was not asked.
func (s *formSection) triField(path string, get func(*assessment.Record) *assessment.Tri) *widget.RadioGroup {
	opts := []string{lang.L("No"), lang.L("Yes"), lang.L("Unsure")}
	vals := []assessment.Tri{assessment.TriNo, assessment.TriYes, assessment.TriUnsure}
	rg := widget.NewRadioGroup(opts, func(string) { s.touched() })
	rg.Horizontal = true
	s.errLabel(path)
	s.b.widgets[path] = rg
	s.loads = append(s.loads, func(r *assessment.Record, set bool) {
		rg.SetSelected("")
		if set {
			for i, v := range vals {
				if *get(r) == v {
					rg.SetSelected(opts[i])
				}
			}
		}
	})
	s.saves = append(s.saves, func(r *assessment.Record, _ *assessment.ValidationErrors) {
		*get(r) = assessment.TriNotAsked
		for i, o := range opts {
			if rg.Selected == o {
				*get(r) = vals[i]
			}
		}
	})
	return rg
}

// checkField binds a check box to a bool.
func (s *formSection) checkField(path, label string, get func(*assessment.Record) *bool) *widget.Check {
	c := widget.NewCheck(label, func(bool) { s.touched() })
	s.b.widgets[path] = c
	s.loads = append(s.loads, func(r *assessment.Record, set bool) { c.SetChecked(set && *get(r)) })
	s.saves = append(s.saves, func(r *assessment.Record, _ *assessment.ValidationErrors) { *get(r) = c.Checked })
	return c
}

// checkGroupField binds a group of checks to a set of enum strings.
func (s *formSection) checkGroupField(path string, choices []choice, get func(*assessment.Record) *[]string) *widget.CheckGroup {
	var labels []string
	for _, c := range choices {
		labels = append(labels, lang.L(c.label))
	}
	cg := widget.NewCheckGroup(labels, func([]string) { s.touched() })
	s.errLabel(path)
	s.b.widgets[path] = cg
	s.loads = append(s.loads, func(r *assessment.Record, set bool) {
		var sel []string
		if set {
			for _, c := range choices {
				for _, v := range *get(r) {
					if v == c.value {
						sel = append(sel, lang.L(c.label))
					}
				}
			}
		}
		cg.SetSelected(sel)
	})
	s.saves = append(s.saves, func(r *assessment.Record, _ *assessment.ValidationErrors) {
		var out []string
		for _, c := range choices {
			for _, l := range cg.Selected {
				if l == lang.L(c.label) {
					out = append(out, c.value)
				}
			}
		}
		*get(r) = out
	})
	return cg
}

// textField binds an entry to a string.
func (s *formSection) textField(path, placeholder string, multi bool, get func(*assessment.Record) *string) (fyne.CanvasObject, fieldError) {
	var e *widget.Entry
	var shown fyne.CanvasObject
	if multi {
		m := newMultiLineEntry()
		m.SetMinRowsVisible(2)
		e, shown = &m.Entry, m
	} else {
		e = widget.NewEntry()
		shown = e
	}
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(string) { s.touched() }
	fe := s.errLabel(path)
	s.b.widgets[path] = shown
	s.loads = append(s.loads, func(r *assessment.Record, set bool) {
		if set {
			e.SetText(*get(r))
		} else {
			e.SetText("")
		}
	})
	s.saves = append(s.saves, func(r *assessment.Record, _ *assessment.ValidationErrors) { *get(r) = strings.TrimSpace(e.Text) })
	return shown, fe
}
