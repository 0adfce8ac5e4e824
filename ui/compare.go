package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// compareScreen puts any two of a client's assessments side by side, the
// first and the latest by default: every measure either recorded, its
// change, whether that is better or worse (a sign, an icon and a colour)
// and whether it is a real change by the rules of assessment.Compare.
type compareScreen struct {
	ui      *UI
	client  *assessment.Client
	records []*assessment.Record // oldest first
	labels  []string

	before, after *widget.Select
	summary       *widget.Label
	table         *fyne.Container
	cmp           assessment.Comparison
	root          fyne.CanvasObject
}

// openCompare shows the comparison screen for client c.
func (u *UI) openCompare(c *assessment.Client) *compareScreen {
	recs, err := u.svc.Records.FindRecords(ctx(), assessment.RecordFilter{ClientID: c.ID})
	if err != nil {
		u.showError(lang.L("Could not load the assessments"), err)
		return nil
	}
	s := newCompareScreen(u, c, recs)
	u.pushScreen(s.root)
	return s
}

func recordLabel(r *assessment.Record) string {
	kind := lang.L("Intake")
	if r.Kind == assessment.KindReassessment {
		kind = lang.L("Reassessment")
	}
	return fmt.Sprintf("%s · %s", r.Date, kind)
}

func newCompareScreen(u *UI, c *assessment.Client, recs []*assessment.Record) *compareScreen {
	s := &compareScreen{ui: u, client: c, records: recs}
	for i, r := range recs {
		s.labels = append(s.labels, fmt.Sprintf("%d. %s", i+1, recordLabel(r)))
	}
	s.before = widget.NewSelect(s.labels, nil)
	s.after = widget.NewSelect(s.labels, nil)
	s.summary = newWrapLabel("")
	s.table = container.NewVBox()
	back := newButton(lang.L("Back"), theme.NavigateBackIcon(), func() { u.popScreen() })
	title := newHeading(fmt.Sprintf(lang.L("Compare assessments — %s"), c.Name))
	title.Truncation = fyne.TextTruncateEllipsis
	pickers := container.NewGridWithColumns(2,
		labelled(lang.L("Earlier"), s.before, newFieldError()),
		labelled(lang.L("Later"), s.after, newFieldError()))
	header := container.NewVBox(container.NewBorder(nil, nil, back, nil, title), pickers, s.summary)
	s.root = container.NewBorder(header, nil, nil, nil, container.NewVScroll(container.NewPadded(s.table)))
	if len(recs) > 0 {
		s.before.SetSelectedIndex(0) // the first and the latest
		s.after.SetSelectedIndex(len(recs) - 1)
	}
	s.before.OnChanged = func(string) { s.refresh() }
	s.after.OnChanged = func(string) { s.refresh() }
	s.refresh()
	return s
}

// refresh compares the two chosen assessments and redraws the table.
func (s *compareScreen) refresh() {
	s.table.Objects = nil
	i, j := s.before.SelectedIndex(), s.after.SelectedIndex()
	switch {
	case len(s.records) < 2:
		s.summary.SetText(lang.L("Comparing needs two assessments. Reassess her to see her progress here."))
		s.table.Refresh()
		return
	case i < 0 || j < 0:
		return
	case i == j:
		s.summary.SetText(lang.L("Choose two different assessments."))
		s.table.Refresh()
		return
	}
	a, b := s.records[i], s.records[j]
	s.cmp = assessment.Compare(a, b)
	better, worse := 0, 0
	for _, r := range s.cmp.Rows {
		if r.Meaningful && r.Direction == assessment.DirectionBetter {
			better++
		}
		if r.Meaningful && r.Direction == assessment.DirectionWorse {
			worse++
		}
	}
	weeks := b.Date.DaysSince(a.Date) / 7
	s.summary.SetText(fmt.Sprintf(lang.L("%d weeks apart: %d real changes for the better, %d for the worse, out of %d measures."),
		weeks, better, worse, len(s.cmp.Rows)))
	// The rows are gathered first and laid out once.
	var rows []fyne.CanvasObject
	if len(s.cmp.Rows) == 0 {
		rows = append(rows, newWrapLabel(lang.L("Neither assessment recorded any measure that can be compared.")))
	}
	group := ""
	for _, r := range s.cmp.Rows {
		if r.Group != group {
			group = r.Group
			// A fresh header per group: an object can sit in one place only.
			rows = append(rows, widget.NewSeparator(), newHeading(lang.L(group)),
				container.NewGridWithColumns(4, boldLabel(lang.L("Measure")), boldLabel(a.Date.String()),
					boldLabel(b.Date.String()), boldLabel(lang.L("Change"))))
		}
		rows = append(rows, compareRow(r))
	}
	s.table.Objects = rows
	s.table.Refresh()
	if s.root != nil {
		s.root.Refresh()
	}
}

// compareRow is one measure: its name, both values and the change. Better
// and worse carry a sign, an icon and a colour, so they read in any
// colour vision and on a black-and-white screenshot.
func compareRow(r assessment.MeasureChange) fyne.CanvasObject {
	name := newWrapLabel(lang.L(r.Measure))
	before, after := newWrapLabel(r.BeforeText), newWrapLabel(r.AfterText)
	if r.Before == nil {
		before.Importance = widget.LowImportance
	}
	if r.After == nil {
		after.Importance = widget.LowImportance
	}
	change := newWrapLabel(changeText(r))
	var icon fyne.Resource
	switch r.Direction {
	case assessment.DirectionBetter:
		icon = theme.NewSuccessThemedResource(theme.ConfirmIcon())
		change.Importance = widget.SuccessImportance
	case assessment.DirectionWorse:
		icon = theme.NewErrorThemedResource(theme.CancelIcon())
		change.Importance = widget.DangerImportance
	case assessment.DirectionChanged:
		icon = theme.ViewRefreshIcon()
	case assessment.DirectionSame:
		icon = theme.NewDisabledResource(theme.MenuIcon())
		change.Importance = widget.LowImportance
	default:
		icon = theme.NewDisabledResource(theme.InfoIcon())
		change.Importance = widget.LowImportance
	}
	change.TextStyle.Bold = r.Meaningful
	cell := container.NewBorder(nil, nil, widget.NewIcon(icon), nil, change)
	return container.NewGridWithColumns(4, name, before, after, cell)
}

// changeText words a row's change: the signed change, better or worse, and
// "real change" when it passes the rule; or why it is not compared.
func changeText(r assessment.MeasureChange) string {
	switch {
	case r.Only == assessment.OnlyEarlier:
		return lang.L("Recorded only in the earlier assessment")
	case r.Only == assessment.OnlyLater:
		return lang.L("Recorded only in the later assessment")
	case !r.Compared():
		return lang.L("Not compared: measured in different units")
	}
	var t string
	switch r.Direction {
	case assessment.DirectionSame:
		return lang.L("no change")
	case assessment.DirectionBetter:
		t = fmt.Sprintf(lang.L("%s · better"), r.ChangeText)
	case assessment.DirectionWorse:
		t = fmt.Sprintf(lang.L("%s · worse"), r.ChangeText)
	default:
		t = fmt.Sprintf(lang.L("%s · changed"), r.ChangeText)
	}
	if r.Meaningful {
		t += " · " + lang.L("real change")
	}
	return t
}
