package assessment

import (
	"context"
	"slices"
	"strings"
)

// Template is a programme kept for reuse: its weeks, sessions, exercises
// and doses, without the client, her assessment or her overrides.
type Template struct {
	ID    int64  `json:"id,omitempty"`
	Name  string `json:"name"`
	Weeks []Week `json:"weeks"`
}

// FieldTemplateName is the field of a template's name.
const FieldTemplateName = "name"

// MaxTemplateName limits a template's name (H: a short title).
const MaxTemplateName = 80

// TemplateFrom makes a template named name from p. The lines keep their
// exercises and doses; what belongs to her (overrides and their reasons,
// dates, findings) is left behind. Errors: EINVALID (field name, or a
// programme with no exercise).
func TemplateFrom(p *Programme, name string) (*Template, error) {
	name = strings.TrimSpace(name)
	if name == "" || len([]rune(name)) > MaxTemplateName {
		return nil, FieldErrorf(EINVALID, FieldTemplateName, "Give the template a name of 1 to %d characters.", MaxTemplateName)
	}
	if p == nil || p.Blocked || len(p.Weeks) == 0 {
		return nil, Errorf(EINVALID, "This programme has no exercises to keep as a template.")
	}
	c := p.Clone()
	t := &Template{Name: name, Weeks: c.Weeks}
	for wi := range t.Weeks {
		w := &t.Weeks[wi]
		w.Start = Date{}
		for di := range w.Days {
			for li := range w.Days[di].Exercises {
				l := &w.Days[di].Exercises[li]
				l.Reason, l.Findings, l.Overridden = "From the template.", nil, false
			}
		}
	}
	return t, nil
}

// ApplyTemplate starts a programme for the client of record r from t:
// Keel builds her programme as usual (her phases, referrals and stop rule,
// and nothing at all when a referral blocks it), then puts the template's
// sessions in place of its days. Every exercise is checked again against
// her safety rules and equipment: one she may not do becomes the nearest
// easier variation she may, or is left out, each with its reason.
func ApplyTemplate(t *Template, r *Record, lib *Library, opts ProgrammeOptions) (*Programme, error) {
	if t == nil || len(t.Weeks) == 0 {
		return nil, Errorf(EINVALID, "The template has no weeks.")
	}
	opts.Weeks = min(max(len(t.Weeks), MinProgrammeWeeks), MaxProgrammeWeeks)
	p, err := Generate(r, lib, opts)
	if err != nil || p.Blocked {
		return p, err
	}
	avail, err := availableEquipment(opts.Equipment)
	if err != nil {
		return nil, err
	}
	allowed := func(e *Exercise) (string, bool) {
		if g, ok := WhyForbidden(r, e); ok {
			return g.Reason, false
		}
		if miss := missingEquipment(e, avail); len(miss) > 0 {
			return "she has no " + strings.Join(miss, ", ") + ".", false
		}
		return "", true
	}
	p.Excluded = nil
	for wi := range p.Weeks {
		w := &p.Weeks[wi]
		if wi >= len(t.Weeks) {
			break
		}
		tw := t.Weeks[wi]
		for di := range w.Days {
			d := &w.Days[di]
			ti := slices.IndexFunc(tw.Days, func(x Day) bool { return x.Day == d.Day })
			if ti < 0 {
				continue
			}
			td := tw.Days[ti]
			d.Session, d.Rest, d.Exercises = td.Session, td.Rest, nil
			for _, l := range td.Exercises {
				e, ok := lib.Get(l.ExerciseID)
				if !ok {
					p.exclude(l.ExerciseID, l.Name, "Left out: it is no longer in the exercise library.")
					continue
				}
				why, ok := allowed(e)
				if ok {
					l.Reason, l.Overridden = "From the template.", false
					l.Findings = slices.Clone(e.Targets)
					d.Exercises = append(d.Exercises, l)
					continue
				}
				// The nearest easier variation she may do, if any.
				var easier *Exercise
				for cur, seen := e, map[string]bool{}; cur.Regression != "" && !seen[cur.ID]; {
					seen[cur.ID] = true
					next, ok := lib.Get(cur.Regression)
					if !ok {
						break
					}
					if _, ok := allowed(next); ok {
						easier = next
						break
					}
					cur = next
				}
				if easier == nil {
					p.exclude(e.ID, e.Name, "Left out of the template for her: "+why)
					continue
				}
				nl := chosenLine(easier, w.Phase, "In the template as "+e.Name+", which she should not do yet ("+strings.TrimSpace(why)+") so the easier "+easier.Name+" takes its place.")
				nl.Side = l.Side
				d.Exercises = append(d.Exercises, nl)
			}
			if len(d.Exercises) > 0 {
				d.Rest = false
				d.nameSession()
			}
		}
		var touched []Slot
		for _, d := range w.Days {
			touched = append(touched, Slot{Week: w.Week, Day: d.Day})
		}
		p.recomputeMinutes(lib, touched...)
	}
	return p, nil
}

// exclude notes an exercise left out, once.
func (p *Programme) exclude(id, name, reason string) {
	if slices.ContainsFunc(p.Excluded, func(x Exclusion) bool { return x.ExerciseID == id }) {
		return
	}
	p.Excluded = append(p.Excluded, Exclusion{ExerciseID: id, Name: name, Reason: reason})
}

// TemplateService stores templates. The SQLite package implements it.
type TemplateService interface {
	// SaveTemplate creates t (ID zero, and sets it) or replaces the stored
	// one: a rename is a save with a new name. Errors: EINVALID, ENOTFOUND,
	// ECONFLICT (another template has that name).
	SaveTemplate(ctx context.Context, t *Template) error
	// FindTemplates lists every template by name.
	FindTemplates(ctx context.Context) ([]*Template, error)
	// DeleteTemplate removes one. Errors: ENOTFOUND.
	DeleteTemplate(ctx context.Context, id int64) error
}

// NewProgrammeFromTemplate starts a draft programme for client c from t and
// her saved assessment r, as ApplyTemplate does. Errors: EINVALID.
func NewProgrammeFromTemplate(c *Client, r *Record, t *Template, lib *Library, opts ProgrammeOptions) (*Programme, error) {
	return newDraft(c, r, func() (*Programme, error) { return ApplyTemplate(t, r, lib, opts) })
}
