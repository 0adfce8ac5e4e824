package assessment_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/keel-coach/keel/assessment"
)

func TestImportedTemplateName(t *testing.T) {
	taken := map[string]bool{"Strong start (imported)": true}
	if got := assessment.ImportedTemplateName("Strong start", func(n string) bool { return taken[n] }); got != "Strong start (imported 2)" {
		t.Errorf("got %q", got)
	}
	if got := assessment.ImportedTemplateName("Easy", func(string) bool { return false }); got != "Easy (imported)" {
		t.Errorf("got %q", got)
	}
	long := strings.Repeat("é", assessment.MaxTemplateName)
	if got := assessment.ImportedTemplateName(long, func(string) bool { return false }); utf8.RuneCountInString(got) > assessment.MaxTemplateName || !strings.HasSuffix(got, " (imported)") {
		t.Errorf("a long name became %q (%d characters)", got, utf8.RuneCountInString(got))
	}
}

func TestImportSummaryTemplates(t *testing.T) {
	s := &assessment.ImportSummary{Templates: []assessment.ImportedTemplate{
		{Name: "A", Action: assessment.TemplateAdded},
		{Name: "Strong start", Action: assessment.TemplateRenamed, As: "Strong start (imported)"},
		{Name: "B", Action: assessment.TemplateKept},
	}}
	text := s.Text()
	for _, want := range []string{"1 template added", `"Strong start" is saved as "Strong start (imported)"`, "yours are unchanged", "1 template was already in Keel"} {
		if !strings.Contains(text, want) {
			t.Errorf("summary %q lacks %q", text, want)
		}
	}
}
