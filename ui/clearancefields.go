package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// clearanceFields are the date and the "by whom" of a doctor's word on an
// assessment: the medical clearance that answers its red flags, or the GP's
// go-ahead after a caesarean. Both empty means none is recorded.
type clearanceFields struct {
	key      string // the record's JSON key, e.g. "medical_clearance"
	date, by *widget.Entry
	err      fieldError
}

func newClearanceFields(key string, changed func()) *clearanceFields {
	c := &clearanceFields{key: key, date: widget.NewEntry(), by: widget.NewEntry(), err: newFieldError()}
	c.date.SetPlaceHolder("YYYY-MM-DD")
	c.date.OnChanged = func(string) { changed() }
	c.by.SetPlaceHolder(lang.L("e.g. Dr Patel (GP)"))
	c.by.OnChanged = func(string) { changed() }
	return c
}

// fill shows cl (nothing for nil).
func (c *clearanceFields) fill(cl *assessment.Clearance) {
	c.date.SetText("")
	c.by.SetText("")
	if cl != nil {
		c.date.SetText(cl.Date.String())
		c.by.SetText(cl.By)
	}
}

// collect reads the fields: nil when both are empty; a date that does not
// parse is added to v.
func (c *clearanceFields) collect(v *assessment.ValidationErrors) *assessment.Clearance {
	date, by := strings.TrimSpace(c.date.Text), strings.TrimSpace(c.by.Text)
	if date == "" && by == "" {
		return nil
	}
	d, err := assessment.ParseDate(date)
	if err != nil {
		v.Add(c.key+".date", "Write the date as YYYY-MM-DD.")
	}
	return &assessment.Clearance{Date: d, By: by}
}

// showErrors puts the messages about the date and the name beside them.
func (c *clearanceFields) showErrors(v assessment.ValidationErrors) {
	msg := v.For(c.key + ".date")
	if m := v.For(c.key + ".by"); m != "" {
		msg = strings.TrimSpace(msg + " " + m)
	}
	c.err.set(msg)
}

// row lays the two fields out side by side.
func (c *clearanceFields) row(dateLabel, byLabel string) fyne.CanvasObject {
	return container.NewGridWithColumns(2,
		labelled(dateLabel, c.date, c.err),
		labelled(byLabel, c.by, newFieldError()))
}
