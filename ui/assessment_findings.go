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
	if in.ReferralRequired {
		var reasons []string
		for _, ref := range in.Referrals {
			reasons = append(reasons, "• "+ref.Reason)
		}
		s.bannerText.SetText(lang.L("Refer before exercise") + "\n" + strings.Join(reasons, "\n"))
	}
	if in.ReferralRequired != s.banner.Visible() {
		s.banner.Hidden = !in.ReferralRequired
		s.root.Refresh() // the banner changes the header's height
	}
	if s.hingeSuggest != nil {
		h := s.hinge(r)
		if h != nil {
			s.hingeSuggest.SetText(fmt.Sprintf(lang.L("Keel suggests %d from the contacts and faults."), assessment.SuggestHingeScore(h)))
		} else {
			s.hingeSuggest.SetText("")
		}
	}
	s.findings.Objects = nil
	if err := r.Validate(); err != nil {
		warn := widget.NewLabel(lang.L("Some values are out of range; correct them before saving. The findings below read the form as it is."))
		warn.Wrapping = fyne.TextWrapWord
		warn.Importance = widget.WarningImportance
		s.findings.Add(warn)
	}
	for _, f := range in.Findings {
		s.findings.Add(findingRow(f))
	}
	if len(in.NotTested) > 0 {
		var names []string
		for _, k := range in.NotTested {
			names = append(names, sectionName(k))
		}
		nt := widget.NewLabel(lang.L("Not tested: ") + strings.Join(names, ", "))
		nt.Wrapping = fyne.TextWrapWord
		nt.Importance = widget.LowImportance
		s.findings.Add(nt)
	}
	s.findings.Refresh()
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
	title := widget.NewLabel(f.Coach)
	title.Wrapping = fyne.TextWrapWord
	title.Importance = imp
	ev := widget.NewLabel(f.Evidence)
	ev.Wrapping = fyne.TextWrapWord
	ev.SizeName = theme.SizeNameCaptionText
	ev.Importance = widget.LowImportance
	sev := widget.NewLabel(strings.ToUpper(f.Severity.String()))
	sev.SizeName = theme.SizeNameCaptionText
	return container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(icon)), nil, container.NewVBox(container.NewHBox(sev), title, ev))
}

// sectionName is a record section's JSON key in words.
func sectionName(key string) string {
	names := map[string]string{
		"context": "context", "red_flags": "red-flag screen", "pelvic_floor": "pelvic-floor symptoms", "pain": "pain",
		"pelvic_tilt": "pelvic tilt", "thomas": "Thomas test", "glutes": "glutes", "hinge": "hip hinge",
		"diastasis": "diastasis", "posture": "posture",
	}
	if n, ok := names[key]; ok {
		return lang.L(n)
	}
	// A side or site inside a recorded section, e.g. "glutes.left".
	if sec, part, ok := strings.Cut(key, "."); ok {
		if n, ok := names[sec]; ok {
			return lang.L(n) + " (" + lang.L(part) + ")"
		}
	}
	return key
}
