package ui

// The findings panel and referral banner beside the assessment form: what
// assessment.Interpret reads from the form as it stands.

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// refreshFindings shows the findings of the form as read into r. It runs
// on every keystroke, so it touches only what changed: a label is given
// new text only when its text differs, a finding row that did not change
// is kept as it was (Fyne does not wrap its text again), and the panel is
// laid out without refreshing the rows it keeps.
func (s *assessmentScreen) refreshFindings(r *assessment.Record) {
	in := assessment.Interpret(r)
	s.updateNav(r, in)
	if in.ReferralRequired {
		var reasons []string
		for _, ref := range in.Referrals {
			reasons = append(reasons, "• "+assessment.InWords(ref.Reason))
		}
		setText(s.bannerText, lang.L("Refer before exercise")+"\n"+strings.Join(reasons, "\n"))
	}
	if in.ReferralRequired != s.banner.Visible() {
		s.banner.Hidden = !in.ReferralRequired
		s.banner.Refresh()
		if s.findingsPanel != nil {
			s.findingsPanel.Refresh() // the findings column makes room; the form does not move
		}
	}
	if s.hingeSuggest != nil {
		// Always a sentence of about the same length, kept at its
		// tallest: the suggestion coming and going never moves the form.
		msg := lang.L("Keel suggests a score once you tick the contacts and faults.")
		if h := s.hinge(r); h != nil {
			msg = fmt.Sprintf(lang.L("Keel suggests %d from the contacts and faults."), assessment.SuggestHingeScore(h))
		}
		setText(s.hingeSuggest, msg)
	}
	invalid := r.Validate() != nil
	// Most keystrokes (a note, a goal) change no finding: the panel is
	// laid out again only when what it shows changes.
	key := findingsKey(in, invalid)
	if key == s.findingsShown {
		return
	}
	s.findingsShown = key
	var rows []fyne.CanvasObject
	if invalid {
		rows = append(rows, s.findingsWarn)
	}
	kept := make(map[string]fyne.CanvasObject, len(in.Findings))
	for _, f := range in.Findings {
		k := findingKey(f)
		row, ok := s.findingRows[k]
		if _, twice := kept[k]; !ok || twice {
			row = findingRow(f)
		}
		kept[k] = row
		rows = append(rows, row)
	}
	s.findingRows = kept
	if len(in.NotTested) > 0 {
		var names []string
		for _, k := range in.NotTested {
			names = append(names, sectionName(k))
		}
		setText(s.notTested, lang.L("Not tested: ")+strings.Join(names, ", "))
		rows = append(rows, s.notTested)
	}
	s.showFindingRows(rows)
}

// showFindingRows puts rows in the findings panel. Container.Refresh would
// refresh every row, and each refresh of a wrapped label wraps its text
// again: that was most of a keystroke's time. Instead the column is laid
// out once, the scroller's renderer fitted to it, and the canvas asked to
// draw it again.
func (s *assessmentScreen) showFindingRows(rows []fyne.CanvasObject) {
	s.findings.Objects = rows
	size := s.findings.Size()
	if min := s.findings.MinSize(); size.Height < min.Height || size.Width < min.Width {
		size = size.Max(min)
		s.findings.Resize(size) // lays it out
	} else {
		s.findings.Layout.Layout(rows, size)
	}
	if s.findingsScroll != nil {
		// Scroll.Refresh would refresh every row too; its renderer alone
		// fits the bars and the content to the new height.
		s.findingsScroll.Base.Refresh()
	}
	canvas.Refresh(s.findings)
}

// setText gives l the text t, refreshing it only when the text changes.
func setText(l *widget.Label, t string) {
	if l.Text != t {
		l.SetText(t)
	}
}

// findingKey is one finding as shown, to know whether its row changed.
func findingKey(f assessment.Finding) string {
	return fmt.Sprintf("%s|%s|%s|%s", f.Code, f.Severity, f.Coach, f.Evidence)
}

// findingsKey is what the findings panel shows, as one string.
func findingsKey(in assessment.Interpretation, invalid bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%v|%q|", invalid, in.NotTested)
	for _, f := range in.Findings {
		b.WriteString(findingKey(f))
		b.WriteByte('\n')
	}
	return b.String()
}

func findingRow(f assessment.Finding) fyne.CanvasObject {
	icon := theme.InfoIcon()
	imp := widget.MediumImportance
	switch f.Severity {
	case assessment.SeverityRefer:
		icon, imp = theme.ErrorIcon(), widget.DangerImportance
	case assessment.SeverityHigh:
		icon, imp = theme.WarningIcon(), widget.WarningImportance
	}
	title := widget.NewLabel(assessment.InWords(f.Coach))
	title.Wrapping = fyne.TextWrapWord
	title.Importance = imp
	ev := widget.NewLabel(assessment.InWords(f.Evidence))
	ev.Wrapping = fyne.TextWrapWord
	ev.SizeName = theme.SizeNameCaptionText
	ev.Importance = widget.LowImportance
	sev := widget.NewLabel(strings.ToUpper(f.Severity.String()))
	sev.SizeName = theme.SizeNameCaptionText
	return container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil, container.NewVBox(container.NewHBox(sev), title, ev))
}

// sectionName is a record section's key in words: "glutes.left" reads
// "glutes (left)".
func sectionName(key string) string {
	return lang.L(assessment.NotTestedInWords(key))
}
