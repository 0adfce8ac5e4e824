package assessment

import (
	"context"
	"encoding/json"
	"slices"
	"time"
)

// A programme's life, as the coach lives it: Keel drafts it from a saved
// assessment (NewProgramme); she adjusts the draft in place; she hands it
// out (Issue), and from then on it is what the client holds, so it never
// changes in place: a change makes a new draft version of the same lineage
// (Revise) and the issued version stays as it was until the new one is
// issued. A version a newer one has replaced (superseded) is history, shown
// but never changed.

// StatusValid reports whether s is a programme status Keel stores.
func StatusValid(s string) bool {
	return s == StatusDraft || s == StatusIssued || s == StatusSuperseded
}

// StatusLabel is a status in capitals, for the tag beside a programme's
// title.
func StatusLabel(s string) string {
	switch s {
	case StatusDraft:
		return "DRAFT"
	case StatusIssued:
		return "ISSUED"
	case StatusSuperseded:
		return "SUPERSEDED"
	}
	return ""
}

// Validate checks what every stored programme must have: a known status
// and the saved assessment it was made from. Errors: EINVALID, as
// ValidationErrors.
func (p *Programme) Validate() error {
	if p == nil {
		return Errorf(EINVALID, "There is no programme to save.")
	}
	var v ValidationErrors
	if !StatusValid(p.Status) {
		v.Add("status", "Choose draft, issued or superseded.")
	}
	if p.RecordID == 0 {
		v.Add("record_id", "Save the assessment before saving a programme made from it.")
	}
	if p.Format != FormatProgramme {
		v.Add("format", "Must be %q.", FormatProgramme)
	}
	return v.Err()
}

// NewProgramme generates a draft programme for client c from her saved
// assessment r. Errors: EINVALID (options or record).
func NewProgramme(c *Client, r *Record, lib *Library, opts ProgrammeOptions) (*Programme, error) {
	return newDraft(c, r, func() (*Programme, error) { return Generate(r, lib, opts) })
}

// newDraft checks that assessment r is saved, runs build, and marks the
// programme it returns as client c's draft made from r.
func newDraft(c *Client, r *Record, build func() (*Programme, error)) (*Programme, error) {
	if r == nil || r.ID == 0 {
		return nil, Errorf(EINVALID, "Save the assessment before making a programme from it.")
	}
	p, err := build()
	if err != nil {
		return nil, err
	}
	p.ClientID, p.RecordID, p.Status = r.ClientID, r.ID, StatusDraft
	if c != nil && c.ID != 0 {
		p.ClientID = c.ID
	}
	return p, nil
}

// Clone returns a deep copy of p: a change made on the copy never shows in
// p, so a refused or failed save leaves p as it was.
func (p *Programme) Clone() *Programme {
	if p == nil {
		return nil
	}
	b, err := json.Marshal(p)
	cp := &Programme{}
	if err == nil {
		err = json.Unmarshal(b, cp)
	}
	if err != nil {
		// A Programme is plain data; marshalling it cannot fail. Should
		// it ever, a shallow copy with fresh slices is still safe to edit.
		c := *p
		c.Weeks = slices.Clone(p.Weeks)
		return &c
	}
	// The fields JSON leaves out when empty come back as they were.
	cp.ID, cp.ClientID, cp.RecordID, cp.Lineage, cp.Version, cp.Status = p.ID, p.ClientID, p.RecordID, p.Lineage, p.Version, p.Status
	cp.CreatedAt, cp.UpdatedAt = p.CreatedAt, p.UpdatedAt
	return cp
}

// Editable reports whether p may change in place: only a draft may. An
// issued programme is changed through a new draft version (Revise); a
// superseded one not at all.
func (p *Programme) Editable() bool { return p.Status == StatusDraft || p.Status == "" }

// ReadOnly reports whether p is history: a version a newer one replaced.
func (p *Programme) ReadOnly() bool { return p.Status == StatusSuperseded }

// Revise returns the copy a change to p is made on. For a draft it is the
// same version (saved in place); for an issued programme it is a new draft
// version of the same lineage (ID zero, Version naming the version it was
// made on, so storage refuses it when another change came first). A
// superseded version is refused: ECONFLICT, ReasonOlderVersion.
func (p *Programme) Revise() (*Programme, error) {
	if p.ReadOnly() {
		return nil, ErrOlderVersion()
	}
	cp := p.Clone()
	if p.Editable() {
		return cp, nil
	}
	cp.ID, cp.Status, cp.Note = 0, StatusDraft, ""
	cp.CreatedAt, cp.UpdatedAt = time.Time{}, time.Time{}
	if cp.Lineage == 0 {
		cp.Lineage = p.ID
	}
	return cp, nil
}

// SaveRevision stores a copy made by Revise (or Regenerate): a new version
// when it has no ID yet, otherwise the draft in place.
func SaveRevision(ctx context.Context, s ProgrammeService, p *Programme) error {
	if p.ID == 0 && p.Lineage != 0 {
		return s.CreateProgramme(ctx, p)
	}
	return s.UpdateProgramme(ctx, p)
}

// Regenerate builds p again from its assessment r with the same options,
// replacing every swap, dose and override, as a revision of p (see Revise):
// the draft itself, or a new draft version of an issued programme.
func Regenerate(p *Programme, r *Record, lib *Library) (*Programme, error) {
	base, err := p.Revise()
	if err != nil {
		return nil, err
	}
	np, err := Generate(r, lib, p.Options)
	if err != nil {
		return nil, err
	}
	np.ID, np.ClientID, np.RecordID, np.Lineage, np.Version, np.Status = base.ID, base.ClientID, base.RecordID, base.Lineage, base.Version, base.Status
	np.CreatedAt, np.UpdatedAt = base.CreatedAt, base.UpdatedAt
	return np, nil
}

// Issue marks p handed to the client. A superseded version is refused
// (ReasonOlderVersion), and so is a programme with exercises made from an
// assessment that now blocks every programme (ReasonRecordBlocked): a red
// flag raised after the plan was generated, with no clearance that covers
// it. r is the assessment p was made from, as stored now.
func (p *Programme) Issue(r *Record) error {
	if p.ReadOnly() {
		return ErrOlderVersion()
	}
	if err := IssuableFrom(p, r); err != nil {
		return err
	}
	p.Status = StatusIssued
	return nil
}

// IssuableFrom refuses an issued programme that is not Blocked made from
// an assessment r that blocks every programme. A Blocked programme (the
// referrals only) is what such an assessment produces, so it may be
// issued; a draft may always be kept. Storage calls it inside the saving
// transaction, so an edit to the assessment saved a moment earlier counts.
func IssuableFrom(p *Programme, r *Record) error {
	if p.Blocked || r == nil || !Blocked(Gates(r)) {
		return nil
	}
	e := Conflict(ReasonRecordBlocked, "The assessment this programme came from now has a red flag without a medical clearance: regenerate the programme from it.")
	return e
}

// ErrOlderVersion refuses a change to a version a newer one has replaced:
// the coach must open the latest, not retry.
func ErrOlderVersion() *Error {
	return Conflict(ReasonOlderVersion, "This is an older version of the programme, kept as it was. Open the latest version from her page to change it.")
}

// ErrStaleVersion refuses a new version made on one that is no longer the
// latest: saved, it would silently undo what was saved since.
func ErrStaleVersion() *Error {
	return Conflict(ReasonStaleVersion, "The programme changed since you opened it: open the latest version.")
}

// ErrIssuedInPlace refuses an in-place change to an issued programme:
// what she was handed stays as it was; save the change as a new version.
func ErrIssuedInPlace() *Error {
	return Conflict(ReasonIssued, "This programme has been issued, so it stays as she was given it: make the change on a new draft version.")
}

// CurrentProgramme is her current programme: the newest issued one (the
// highest ID among the issued), whatever order ps is in; nil when none is
// issued. A Blocked current programme means she is waiting on a referral,
// not that an older plan still runs: the session log then has nothing to
// log against.
func CurrentProgramme(ps []*Programme) *Programme {
	var cur *Programme
	for _, p := range ps {
		if p != nil && p.Status == StatusIssued && (cur == nil || p.ID > cur.ID) {
			cur = p
		}
	}
	return cur
}

// Followable reports whether sessions can be logged against p: it is
// issued and has exercises (not a referral-only, Blocked programme).
func (p *Programme) Followable() bool { return p != nil && p.Status == StatusIssued && !p.Blocked }

// Schedule is when p runs, for the due list: the first day of week 1 (from
// its weeks, else the start the coach chose) and its phases. Storage keeps
// the same pair beside each stored programme; a test holds the two equal.
func (p *Programme) Schedule() (start Date, phases []Phase) {
	if p == nil {
		return Date{}, nil
	}
	start = p.Options.Start
	if len(p.Weeks) > 0 && !p.Weeks[0].Start.IsZero() {
		start = p.Weeks[0].Start
	}
	return start, p.Phases
}

// DueInputFor is what the due list needs about client c: her latest
// assessment date (zero when she has none) and the schedule of her current
// programme (nil for none).
func DueInputFor(c *Client, last Date, current *Programme) DueInput {
	in := DueInput{ClientID: c.ID, Name: c.Name, LastAssessment: last}
	if current != nil {
		in.ProgrammeStart, in.Phases = current.Schedule()
	}
	return in
}
