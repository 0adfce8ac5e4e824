package assessment

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// What an import did with one of the file's templates.
const (
	TemplateAdded   = "added"   // new to Keel
	TemplateKept    = "kept"    // Keel already has it, same name and same content
	TemplateRenamed = "renamed" // Keel has another template of that name: saved under a new one
)

// ImportedTemplate is what an import did with one template of the file.
type ImportedTemplate struct {
	Name   string // its name in the file
	Action string // TemplateAdded, TemplateKept, TemplateRenamed
	As     string // the name it was saved under, when renamed
}

// ImportedTemplateSuffix marks a template saved under a new name because
// Keel already had another template of its name.
const ImportedTemplateSuffix = " (imported)"

// ImportedTemplateName is the name a template called name is saved under
// when the name is taken: "name (imported)", then "name (imported 2)" and
// on, the first that taken does not report, shortened to stay within
// MaxTemplateName.
func ImportedTemplateName(name string, taken func(string) bool) string {
	for n := 1; ; n++ {
		suffix := ImportedTemplateSuffix
		if n > 1 {
			suffix = fmt.Sprintf(" (imported %d)", n)
		}
		base := name
		if room := MaxTemplateName - utf8.RuneCountInString(suffix); utf8.RuneCountInString(base) > room {
			base = strings.TrimSpace(string([]rune(base)[:room]))
		}
		if cand := base + suffix; !taken(cand) {
			return cand
		}
	}
}

// SameTemplate reports whether a and b hold the same weeks, sessions,
// exercises and doses (names and ids aside).
func SameTemplate(a, b *Template) bool {
	if a == nil || b == nil {
		return a == b
	}
	ja, erra := json.Marshal(a.Weeks)
	jb, errb := json.Marshal(b.Weeks)
	return erra == nil && errb == nil && bytes.Equal(ja, jb)
}

// renumberTemplates orders the templates by name (as the coach reads
// them) and numbers them from 1.
func (e *Export) renumberTemplates() {
	slices.SortStableFunc(e.Templates, func(a, b *Template) int {
		return cmp.Or(cmp.Compare(Fold(a.Name), Fold(b.Name)), cmp.Compare(a.ID, b.ID))
	})
	for i, t := range e.Templates {
		t.ID = int64(i + 1)
	}
}

// checkTemplates checks each template: an id, a name of 1 to
// MaxTemplateName characters not used by another template of the file
// (compared as the coach reads them), and weeks of sessions whose lines
// name an exercise and a dose.
func (c *exportCheck) checkTemplates(ts []*Template) {
	seen := map[int64]*Template{}
	names := map[string]string{}
	for i, t := range ts {
		path := fmt.Sprintf("templates[%d]", i)
		if t == nil {
			c.bad(path, "Must be a template in { }.")
			continue
		}
		checkID(c, path, "template", t.ID, seen, t)
		name := strings.TrimSpace(t.Name)
		switch {
		case name == "" || utf8.RuneCountInString(name) > MaxTemplateName || !validText(name):
			c.bad(path+".name", "Give the template a name of 1 to %d characters.", MaxTemplateName)
		case names[Fold(name)] != "":
			c.bad(path+".name", "Another template in the file is called %q.", names[Fold(name)])
		default:
			names[Fold(name)] = name
		}
		if len(t.Weeks) == 0 || len(t.Weeks) > MaxProgrammeWeeks {
			c.bad(path+".weeks", "A template holds 1 to %d weeks.", MaxProgrammeWeeks)
			continue
		}
		for wi, w := range t.Weeks {
			for di, d := range w.Days {
				if !slices.Contains(dayNames[:], d.Day) {
					c.bad(fmt.Sprintf("%s.weeks[%d].days[%d].day", path, wi, di), "Must be a day: mon, tue, wed, thu, fri, sat or sun.")
				}
				for li, l := range d.Exercises {
					lp := fmt.Sprintf("%s.weeks[%d].days[%d].exercises[%d]", path, wi, di, li)
					if l.ExerciseID == "" {
						c.bad(lp+".exercise_id", "Each exercise of a template needs its id.")
					}
					if l.Sets < 0 || l.Reps < 0 || l.HoldSeconds < 0 {
						c.bad(lp, "A dose cannot be negative.")
					}
				}
			}
		}
	}
}

// templatesText says in words what an import did with the file's
// templates: how many were added, which were saved under a new name
// because the name was taken, and how many Keel already had.
func templatesText(ts []ImportedTemplate) string {
	added, kept := 0, 0
	var renamed []string
	for _, t := range ts {
		switch t.Action {
		case TemplateAdded:
			added++
		case TemplateKept:
			kept++
		case TemplateRenamed:
			renamed = append(renamed, fmt.Sprintf("%q is saved as %q", t.Name, t.As))
		}
	}
	var out []string
	if added > 0 {
		out = append(out, fmt.Sprintf("Templates: %s added.", countNoun(added, "template")))
	}
	if len(renamed) > 0 {
		out = append(out, fmt.Sprintf("Keel already had other templates of the same name, so %s; yours are unchanged.", JoinAnd(renamed)))
	}
	switch {
	case kept == 1:
		out = append(out, "1 template was already in Keel, the same.")
	case kept > 1:
		out = append(out, fmt.Sprintf("%d templates were already in Keel, the same.", kept))
	}
	return strings.Join(out, " ")
}
