package ui

// Reassessment: the form prefilled from an earlier assessment
// (assessment.Reassessment decides what is copied), the carried-over marks
// it keeps until the coach re-tests or confirms each section, and the
// weeks postpartum that move on with the date.

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// carriedList is, in form order, the sections of r still carried over.
func (s *assessmentScreen) carriedList(r *assessment.Record) []string {
	var out []string
	for _, k := range assessment.Sections {
		if s.carried[k] && r.Section(k) != nil {
			out = append(out, k)
		}
	}
	return out
}

// newReassessmentScreen starts a reassessment of client c prefilled from
// her assessment from: today's date, every section she had copied and
// marked carried over, and her weeks postpartum moved on to today.
func newReassessmentScreen(u *UI, c *assessment.Client, from *assessment.Record, onDone func()) *assessmentScreen {
	s := &assessmentScreen{ui: u, client: c, onDone: onDone, widthUnit: u.diastasisUnit(), carriedFrom: from}
	if unit, ok := from.DiastasisUnit(); ok {
		s.widthUnit = unit // keep the unit the gap was measured in
	}
	s.b = newRecordBinder(s.changed)
	s.build()
	s.fill(assessment.Reassessment(from, c, u.svc.today(), u.profile().CoachName))
	return s
}

// weeksAt is her weeks postpartum on day d (assessment.WeeksPostpartumOn).
func (s *assessmentScreen) weeksAt(d assessment.Date) (int, bool) {
	return assessment.WeeksPostpartumOn(s.client, s.carriedFrom, d)
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

// updateCarried stops carrying over every section of the form r the coach
// has changed (assessment.SameSection), and reports whether any stopped.
func (s *assessmentScreen) updateCarried(r *assessment.Record) bool {
	if len(s.carried) == 0 {
		return false
	}
	n := len(s.carried)
	for k := range s.carried {
		if !assessment.SameSection(r, s.carriedBase, k) {
			delete(s.carried, k)
		}
	}
	if len(s.carried) == n {
		return false // nothing stopped: the marks stand as shown
	}
	s.updateBanners()
	return true
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
