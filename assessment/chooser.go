package assessment

import (
	"slices"
	"strings"
)

// ChooserQuery is what a coach asks of the exercise chooser (swap and add):
// a search text, filters, what is already in the day, and whether to see
// the whole library or only the suggestions.
type ChooserQuery struct {
	// Search matches the name, family, position and cues, accent- and
	// case-insensitively (Fold): "zercher" finds "Zércher".
	Search string
	// Family and Position keep only exercises of that body region or
	// purpose and position; "" keeps every one.
	Family   string
	Position string
	// Equipment, when not nil, keeps only exercises she can do with it.
	Equipment []string
	// InDay lists the exercise ids already in that day: never offered.
	InDay []string
	// SwapFor is the exercise being swapped ("" when adding). Its
	// suggestions are the alternatives serving the same purpose.
	SwapFor string
	// Findings are the finding codes the programme answers; when adding,
	// the suggestions are the exercises that answer one of them.
	Findings []string
	// Whole shows the whole library, forbidden exercises included.
	Whole bool
}

// Choice is one exercise the chooser offers.
type Choice struct {
	Exercise *Exercise
	// Suggested marks an exercise serving the same purpose that her safety
	// rules and equipment allow.
	Suggested bool
	// Forbidden is set when a safety rule leaves it out for her; Why says
	// which, in words, and choosing it needs an override reason.
	Forbidden bool
	Why       string
	Blocks    bool // the rule blocks every exercise: no override possible
}

// ChooserIndex is a library prepared for searching as the coach types.
type ChooserIndex struct {
	lib    *Library
	sorted []*Exercise
	folded map[string]string
}

// NewChooserIndex folds every exercise's searchable text once.
func NewChooserIndex(lib *Library) *ChooserIndex {
	ix := &ChooserIndex{lib: lib, sorted: slices.Clone(lib.Exercises), folded: make(map[string]string, len(lib.Exercises))}
	slices.SortFunc(ix.sorted, func(a, b *Exercise) int { return strings.Compare(Fold(a.Name), Fold(b.Name)) })
	for _, e := range lib.Exercises {
		ix.folded[e.ID] = Fold(strings.Join(append([]string{e.Name, e.ID, e.Family, e.Position}, e.Cues...), " "))
	}
	return ix
}

// Choose lists what the chooser offers for q, suggestions first, then by
// name. Without q.Whole only the suggestions are listed. r is her
// assessment (nil is the strictest case: WhyForbidden decides).
func (ix *ChooserIndex) Choose(r *Record, q ChooserQuery) ([]Choice, error) {
	avail, err := availableEquipment(q.Equipment)
	if err != nil {
		return nil, err
	}
	suggested := map[string]bool{}
	if q.SwapFor != "" {
		alts, err := Alternatives(ix.lib, r, q.SwapFor, ProgrammeOptions{Equipment: q.Equipment})
		if err != nil {
			return nil, err
		}
		for _, a := range alts {
			suggested[a.ID] = true
		}
	}
	words := strings.Fields(Fold(q.Search))
	var sug, rest []Choice
	for _, e := range ix.sorted {
		if slices.Contains(q.InDay, e.ID) || e.ID == q.SwapFor {
			continue
		}
		if (q.Family != "" && e.Family != q.Family) || (q.Position != "" && e.Position != q.Position) {
			continue
		}
		if q.Equipment != nil && len(missingEquipment(e, avail)) > 0 {
			continue
		}
		if !matchesAll(ix.folded[e.ID], words) {
			continue
		}
		c := Choice{Exercise: e}
		if g, ok := WhyForbidden(r, e); ok {
			c.Forbidden, c.Why, c.Blocks = true, g.Reason, g.Blocks
		}
		if q.SwapFor != "" {
			c.Suggested = suggested[e.ID]
		} else {
			c.Suggested = !c.Forbidden && len(missingEquipment(e, avail)) == 0 && answersAny(e, q.Findings)
		}
		switch {
		case c.Suggested:
			sug = append(sug, c)
		case q.Whole:
			rest = append(rest, c)
		}
	}
	return append(sug, rest...), nil
}

func matchesAll(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// answersAny reports whether e answers one of the findings (the general
// foundations count only when nothing more specific is asked).
func answersAny(e *Exercise, findings []string) bool {
	specific := slices.ContainsFunc(findings, func(f string) bool { return f != FindGeneral })
	for _, t := range e.Targets {
		if slices.Contains(findings, t) && (t != FindGeneral || !specific) {
			return true
		}
	}
	return false
}

// ProgrammeFindings lists the finding codes a programme's lines answer.
func ProgrammeFindings(p *Programme) []string {
	var out []string
	for _, w := range p.Weeks {
		for _, d := range w.Days {
			for _, l := range d.Exercises {
				for _, f := range l.Findings {
					if !slices.Contains(out, f) {
						out = append(out, f)
					}
				}
			}
		}
	}
	return out
}

// DayExercises lists the exercise ids in one day of one week.
func DayExercises(p *Programme, week int, day string) []string {
	d := p.day(week, day)
	if d == nil {
		return nil
	}
	var out []string
	for _, l := range d.Exercises {
		out = append(out, l.ExerciseID)
	}
	return out
}
