package assessment

import (
	"encoding/json"
	"time"
)

// Snapshot is the part of c an assessment carries, as she is today: the
// facts about her pregnancies that decide what is safe for her, so that an
// assessment file stands on its own.
func (c *Client) Snapshot() *ClientSnapshot {
	if c == nil {
		return nil
	}
	return &ClientSnapshot{Name: c.Name, BirthDate: c.BirthDate, Births: c.Births, BirthsUnknown: c.BirthsUnknown, LastDelivery: c.LastDelivery, DeliveryMode: c.DeliveryMode}
}

// Section returns one section of r by its key (one of Sections) as the
// pointer the record holds, nil when the section was not tested or the key
// is unknown.
func (r *Record) Section(key string) any {
	for _, sec := range r.sections() {
		if sec.key == key {
			return sec.v
		}
	}
	return nil
}

// sections is every section of r by key, in form order (the order of
// Sections), nil when not tested.
func (r *Record) sections() [10]struct {
	key string
	v   any
} {
	return [10]struct {
		key string
		v   any
	}{
		{SectionContext, nilIf(r.Context)}, {SectionRedFlags, nilIf(r.RedFlags)},
		{SectionPelvicFloor, nilIf(r.PelvicFloor)}, {SectionPain, nilIf(r.Pain)},
		{SectionPelvicTilt, nilIf(r.PelvicTilt)}, {SectionThomas, nilIf(r.Thomas)},
		{SectionGlutes, nilIf(r.Glutes)}, {SectionHinge, nilIf(r.Hinge)},
		{SectionDiastasis, nilIf(r.Diastasis)}, {SectionPosture, nilIf(r.Posture)},
	}
}

// nilIf turns a nil pointer of any section type into an untyped nil, so
// that Section(key) == nil means "not tested".
func nilIf[T any](p *T) any {
	if p == nil {
		return nil
	}
	return p
}

// sectionKey is a section in a form two records can be compared by: its
// JSON, with the weeks postpartum left out of the context, since they move
// on with the date without the coach re-testing anything.
func sectionKey(r *Record, key string) string {
	v := r.Section(key)
	if c, ok := v.(*Context); ok {
		cp := *c
		cp.WeeksPostpartum = nil
		v = &cp
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}

// SameSection reports whether section key reads the same in a and b (the
// weeks postpartum aside): a carried-over section stays carried over until
// the coach changes it.
func SameSection(a, b *Record, key string) bool { return sectionKey(a, key) == sectionKey(b, key) }

// TestedSections lists, in form order, the sections r holds.
func (r *Record) TestedSections() []string {
	var out []string
	for _, k := range Sections {
		if r.Section(k) != nil {
			out = append(out, k)
		}
	}
	return out
}

// Reassessment is a new assessment of client c on day today, prefilled from
// her earlier assessment from:
//
//   - every section from holds is copied and listed in CarriedOver, so the
//     form marks each until the coach re-tests or confirms it;
//   - the copy is a new assessment: no ID, times, notes; kind reassessment,
//     dated today, for c as she is today, by coach when one is named;
//   - the medical clearance is dropped: a doctor's clearance answers the red
//     flags of the assessment she saw, not those of a later one, so a
//     reassessment with a red flag stays blocked until it has its own. The
//     GP's go-ahead after a caesarean is kept: it answers the birth, which
//     a later session does not change;
//   - her weeks postpartum move on to today (WeeksPostpartumOn).
func Reassessment(from *Record, c *Client, today Date, coach string) *Record {
	r := &Record{}
	if from != nil {
		if b, err := json.Marshal(from); err == nil {
			_ = json.Unmarshal(b, r) // a deep copy: nothing done to r reaches from
		}
	}
	r.ID, r.CreatedAt, r.UpdatedAt = 0, time.Time{}, time.Time{}
	r.Format, r.Date, r.Kind, r.Notes = FormatAssessment, today, KindReassessment, ""
	if c != nil {
		r.ClientID, r.Client = c.ID, c.Snapshot()
	}
	if coach != "" {
		r.Coach = coach
	}
	r.MedicalClearance = nil
	r.CarriedOver = r.TestedSections()
	if r.Context != nil {
		if w, ok := WeeksPostpartumOn(c, from, today); ok {
			r.Context.WeeksPostpartum = &w
		}
	}
	return r
}

// WeeksPostpartumOn is her weeks postpartum on day d, for a form to fill
// in: from her delivery date when it is recorded (Client.WeeksPostpartum),
// else moved on from the figure recorded in her earlier assessment from
// (capped at MaxWeeksPostpartum). ok is false when neither says.
func WeeksPostpartumOn(c *Client, from *Record, d Date) (int, bool) {
	if c != nil {
		if w, ok := c.WeeksPostpartum(d); ok {
			return w, true
		}
	}
	if from != nil && from.Context != nil && from.Context.WeeksPostpartum != nil && !d.Before(from.Date) {
		w := *from.Context.WeeksPostpartum + d.DaysSince(from.Date)/7
		return min(w, MaxWeeksPostpartum), true
	}
	return 0, false
}

// NewIntake is a fresh intake of client c on day today, with what Keel
// already knows filled in: her weeks postpartum from her delivery date.
// No clearance is copied from her client record: a doctor's clearance
// answers the red flags of the assessment she saw.
func NewIntake(c *Client, today Date, coach string) *Record {
	r := &Record{Format: FormatAssessment, Date: today, Kind: KindIntake, Coach: coach}
	if c != nil {
		r.ClientID, r.Client = c.ID, c.Snapshot()
	}
	if w, ok := WeeksPostpartumOn(c, nil, today); ok {
		r.Context = &Context{WeeksPostpartum: &w}
	}
	return r
}
