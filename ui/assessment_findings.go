package ui

// The findings panel and referral banner beside the assessment form: what
// assessment.Interpret reads from the form as it stands.

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// refreshFindings shows the findings of the form as read into r.
func (s *assessmentScreen) refreshFindings(r *assessment.Record) {
	in := assessment.Interpret(r)
	s.updateNav(r, in)
	if in.ReferralRequired {
		var reasons []string
		for _, ref := range in.Referrals {
			reasons = append(reasons, "• "+assessment.InWords(ref.Reason))
		}
		s.bannerText.SetText(lang.L("Refer before exercise") + "\n" + strings.Join(reasons, "\n"))
	}
	if in.ReferralRequired != s.banner.Visible() {
		s.banner.Hidden = !in.ReferralRequired
		s.banner.Refresh()
		if s.root != nil {
			s.root.Refresh() // the findings column makes room; the form does not move
		}
	}
	if s.hingeSuggest != nil {
		h := s.hinge(r)
		if h != nil {
			s.hingeSuggest.SetText(fmt.Sprintf(lang.L("Keel suggests %d from the contacts and faults."), assessment.SuggestHingeScore(h)))
		} else {
			s.hingeSuggest.SetText("")
		}
	}
	invalid := r.Validate() != nil
	// Most keystrokes (a note, a goal) change no finding: the panel is
	// rebuilt only when what it shows changes.
	key := findingsKey(in, invalid)
	if key == s.findingsShown {
		return
	}
	s.findingsShown = key
	// The rows are gathered first and laid out once.
	var rows []fyne.CanvasObject
	if invalid {
		warn := widget.NewLabel(lang.L("Some values are out of range; correct them before saving. The findings below read the form as it is."))
		warn.Wrapping = fyne.TextWrapWord
		warn.Importance = widget.WarningImportance
		rows = append(rows, warn)
	}
	// A row whose finding did not change is kept as it was: only the rows
	// that changed are made and laid out again.
	kept := make(map[string]fyne.CanvasObject, len(in.Findings))
	for _, f := range in.Findings {
		k := fmt.Sprintf("%s|%s|%s|%s", f.Code, f.Severity, f.Coach, f.Evidence)
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
		nt := widget.NewLabel(lang.L("Not tested: ") + strings.Join(names, ", "))
		nt.Wrapping = fyne.TextWrapWord
		nt.Importance = widget.LowImportance
		rows = append(rows, nt)
	}
	s.findings.Objects = rows
	s.findings.Refresh()
}

// findingsKey is what the findings panel shows, as one string.
func findingsKey(in assessment.Interpretation, invalid bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%v|%q|", invalid, in.NotTested)
	for _, f := range in.Findings {
		fmt.Fprintf(&b, "%s|%s|%s|%s\n", f.Code, f.Severity, f.Coach, f.Evidence)
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
	if sec, part, ok := strings.Cut(key, "."); ok {
		return lang.L(assessment.KeyInWords(sec)) + " (" + lang.L(part) + ")"
	}
	return lang.L(assessment.KeyInWords(key))
}
