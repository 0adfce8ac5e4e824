package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// templates is the template store: the programme store keeps them. Nil
// when it does not (a store without templates hides what needs them).
func (u *UI) templates() assessment.TemplateService {
	t, _ := u.svc.Programmes.(assessment.TemplateService)
	return t
}

// templateDialog is the open "save as template" dialog, for tests.
type templateDialog struct {
	name *widget.Entry
	err  fieldError
	save func()
}

// onSaveTemplate keeps this programme, without her, as a named template.
func (s *programmeScreen) onSaveTemplate() {
	ts := s.ui.templates()
	if ts == nil {
		return
	}
	name := widget.NewEntry()
	name.SetPlaceHolder(lang.L("e.g. Glute med, 8 weeks"))
	nameErr := newFieldError()
	note := newWrapLabel(lang.L("Keeps the weeks, sessions, exercises and doses. Her name, assessment and overrides stay with her. A client started from it gets every exercise checked again against her own safety rules."))
	note.SizeName = theme.SizeNameCaptionText
	var d *dialog.CustomDialog
	save := func() {
		t, err := assessment.TemplateFrom(s.p, name.Text)
		if err == nil {
			err = ts.SaveTemplate(ctx(), t)
		}
		if msg := assessment.FieldErrors(err).For(assessment.FieldTemplateName); msg != "" {
			nameErr.set(msg)
			return
		}
		if err != nil {
			s.ui.showError(lang.L("Could not save the template"), err)
			return
		}
		d.Hide()
		s.say(lang.L("Saved as the template ") + "“" + t.Name + "”.")
	}
	name.OnSubmitted = func(string) { save() }
	form := container.NewVBox(labelled(lang.L("Template name"), name, nameErr), note)
	d = dialog.NewCustomWithoutButtons(lang.L("Save as a template"), container.NewGridWrap(fyne.NewSize(480, 200), form), s.ui.win)
	d.SetButtons([]fyne.CanvasObject{newButton(lang.L("Cancel"), nil, func() { d.Hide() }), newImportantButton(lang.L("Save (Enter)"), save)})
	d.SetOnClosed(func() { s.ui.win.Canvas().Unfocus() })
	s.tplDialog = &templateDialog{name: name, err: nameErr, save: save}
	d.Show()
	s.ui.win.Canvas().Focus(name)
}

// manageTemplates lists the templates to rename or delete them. changed
// is called after either.
func (u *UI) manageTemplates(changed func()) {
	ts := u.templates()
	if ts == nil {
		return
	}
	box := container.NewVBox()
	var fill func()
	fill = func() {
		box.Objects = nil
		list, err := ts.FindTemplates(ctx())
		if err != nil {
			u.showError(lang.L("Could not list the templates"), err)
			return
		}
		if len(list) == 0 {
			box.Add(newWrapLabel(lang.L("No template yet. Open a programme and choose “Save as template”.")))
		}
		for _, t := range list {
			name := widget.NewEntry()
			name.SetText(t.Name)
			nameErr := newFieldError()
			rename := newButton(lang.L("Rename"), nil, func() {
				was := t.Name
				t.Name = name.Text
				err := ts.SaveTemplate(ctx(), t)
				if err != nil {
					t.Name = was
					if msg := assessment.FieldErrors(err).For(assessment.FieldTemplateName); msg != "" {
						nameErr.set(msg)
						return
					}
					u.showError(lang.L("Could not rename the template"), err)
					return
				}
				changed()
				fill()
			})
			del := newButton(lang.L("Delete"), theme.DeleteIcon(), func() {
				dialog.ShowConfirm(lang.L("Delete the template?"), "“"+t.Name+"” — "+lang.L("programmes already started from it stay as they are."), func(ok bool) {
					if !ok {
						return
					}
					if err := ts.DeleteTemplate(ctx(), t.ID); err != nil {
						u.showError(lang.L("Could not delete the template"), err)
						return
					}
					changed()
					fill()
				}, u.win)
			})
			box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(rename, del), container.NewVBox(name, nameErr)))
		}
		box.Refresh()
	}
	fill()
	d := dialog.NewCustom(lang.L("Templates"), lang.L("Close"), container.NewGridWrap(fyne.NewSize(560, 360), container.NewVScroll(box)), u.win)
	d.Show()
}
