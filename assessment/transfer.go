package assessment

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// FormatExport is the "format" value of an export file (docs/DATA.md).
const FormatExport = "keel.export/1"

// Export is the content of an export file: clients and everything Keel
// holds about them, to move to another Keel database (another computer, or
// a colleague's Keel). It is the coach's data in a documented, plain JSON
// form that does not depend on Keel's database.
//
// The file is relational, like the database, but its ids are its own:
// numbered from 1 in the file's order (Renumber), so the same data always
// gives the same file, whatever ids a database happened to give it.
// Assessments point at their client with client_id, programmes at their
// client and assessment, and a programme's versions share a lineage (the id
// of the first version in the file). Session logs point at the programme
// version they were logged against.
//
// Not in an export: the coach's profile and logo, and the list of handouts
// already printed (file paths on one computer). A backup holds everything.
//
// The format is a contract: keys may be added in a new format version,
// never renamed. A file of a newer version is refused with EUNSUPPORTED.
type Export struct {
	Format     string    `json:"format"`
	ExportedAt time.Time `json:"exported_at"`
	Clients    []*Client `json:"clients"`
	// Assessments are in the keel.assessment/1 form (docs/FORMAT.md) with
	// their id, client_id and times.
	Assessments []*Record     `json:"assessments"`
	Programmes  []*Programme  `json:"programmes"`
	SessionLogs []*SessionLog `json:"session_logs"`
	// Exercises are the coach's own exercises the clients' programmes use,
	// with the coach's exercises they link to as easier or harder
	// variations (all of them in an export of every client).
	Exercises []*Exercise `json:"custom_exercises"`
	// Templates are the coach's programme templates (an export of every
	// client only), numbered from 1 in name order. A file without the key
	// holds none.
	Templates []*Template `json:"templates"`
}

// exportKeys are the top-level keys of an export file, in file order.
var exportKeys = []string{"format", "exported_at", "clients", "assessments", "programmes", "session_logs", "custom_exercises", "templates"}

// MaxExportErrors caps the problems listed for one refused file: a file
// that is wrong everywhere needs fixing at its source, not a list of
// thousands. (H)
const MaxExportErrors = 30

// ConflictPolicy says what an import does with a client who is already in
// the database (SameClient).
type ConflictPolicy string

// Conflict policies.
const (
	// ConflictSkip leaves the client in the database as she is and imports
	// nothing about her.
	ConflictSkip ConflictPolicy = "skip"
	// ConflictReplace deletes the client in the database with everything
	// about her and stores the imported one in her place (same id).
	ConflictReplace ConflictPolicy = "replace"
	// ConflictKeepBoth keeps the client in the database and adds the
	// imported one as another client, her name marked "(imported)".
	ConflictKeepBoth ConflictPolicy = "keep-both"
)

// ConflictPolicies lists the policies in the order a form offers them.
var ConflictPolicies = []ConflictPolicy{ConflictSkip, ConflictReplace, ConflictKeepBoth}

// ImportedSuffix marks the name of a client added by ConflictKeepBoth.
const ImportedSuffix = " (imported)"

// ParseConflictPolicy reads "skip", "replace" or "keep-both" ("" is skip,
// the choice that changes nothing already saved).
func ParseConflictPolicy(s string) (ConflictPolicy, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return ConflictSkip, nil
	}
	for _, p := range ConflictPolicies {
		if string(p) == s || strings.ReplaceAll(string(p), "-", "_") == s {
			return p, nil
		}
	}
	return "", FieldErrorf(EINVALID, "on_conflict", "Choose skip, replace or keep-both, not %q.", clipText(s))
}

// Label is the policy in words for a coach.
func (p ConflictPolicy) Label() string {
	switch p {
	case ConflictReplace:
		return "Replace her with the imported client"
	case ConflictKeepBoth:
		return "Keep both (the imported one is marked \"(imported)\")"
	}
	return "Skip her: keep what is in Keel"
}

// SameClient reports whether a and b are the same person for an import:
// the same name, ignoring case, accents and spacing, and the same date of
// birth (or both without one). Database ids cannot say it: each database
// numbers its own clients.
func SameClient(a, b *Client) bool {
	if a == nil || b == nil {
		return false
	}
	return ClientKey(a) == ClientKey(b)
}

// ClientKey is what SameClient compares: the folded name and the date of
// birth.
func ClientKey(c *Client) string {
	return Fold(strings.Join(strings.Fields(c.Name), " ")) + "\x00" + c.BirthDate.String()
}

// What an import did with one client.
const (
	ImportAdded    = "added"    // new to the database
	ImportSkipped  = "skipped"  // already there; left as she was
	ImportReplaced = "replaced" // already there; replaced by the file's
	ImportCopied   = "copied"   // already there; the file's added beside her
)

// ImportedClient is what an import did with one client of the file.
type ImportedClient struct {
	Name   string
	Action string // ImportAdded, ImportSkipped, ImportReplaced, ImportCopied
	// ID is her id in the database after the import (0 when skipped or in
	// a dry run that added her).
	ID int64
}

// ImportSummary says what an import did (or, for a dry run, would do).
type ImportSummary struct {
	DryRun  bool
	Clients []ImportedClient
	// Rows written.
	Assessments, Programmes, SessionLogs int
	// The coach's own exercises: new ones added, ones already there with
	// other content replaced (ConflictReplace) or kept as they were.
	ExercisesAdded, ExercisesReplaced, ExercisesKept int
	// Templates says what happened to each of the file's templates.
	Templates []ImportedTemplate
}

// Count returns how many clients had the given action.
func (s *ImportSummary) Count(action string) int {
	n := 0
	for _, c := range s.Clients {
		if c.Action == action {
			n++
		}
	}
	return n
}

// Conflicts is how many of the file's clients were already in the
// database.
func (s *ImportSummary) Conflicts() int {
	return len(s.Clients) - s.Count(ImportAdded)
}

// Text is the summary in one or two sentences for the coach. A dry run
// says what the file holds: how many clients are new and how many are
// already in Keel.
func (s *ImportSummary) Text() string {
	if s.DryRun {
		n, here := len(s.Clients), s.Conflicts()
		switch {
		case n == 0:
			return "The file holds no clients."
		case here == 0 && n == 1:
			return "The file holds 1 client, new to Keel."
		case here == 0:
			return fmt.Sprintf("The file holds %d clients, all new to Keel.", n)
		case here == n && n == 1:
			return "The file holds 1 client, who is already in Keel."
		case here == n:
			return fmt.Sprintf("The file holds %d clients, all already in Keel.", n)
		}
		return fmt.Sprintf("The file holds %d clients: %d new to Keel, %d already in Keel.", n, n-here, here)
	}
	var parts []string
	add := func(n int, one, many string) {
		switch {
		case n == 1:
			parts = append(parts, one)
		case n > 1:
			parts = append(parts, fmt.Sprintf(many, n))
		}
	}
	add(s.Count(ImportAdded), "1 new client", "%d new clients")
	add(s.Count(ImportReplaced), "1 client replaced", "%d clients replaced")
	add(s.Count(ImportCopied), "1 client added beside one already in Keel", "%d clients added beside ones already in Keel")
	add(s.Count(ImportSkipped), "1 client skipped (already in Keel)", "%d clients skipped (already in Keel)")
	if len(parts) == 0 {
		parts = append(parts, "no clients")
	}
	out := "Imported: " + strings.Join(parts, ", ") + "."
	out += fmt.Sprintf(" Stored %s, %s and %s.", countNoun(s.Assessments, "assessment"), countNoun(s.Programmes, "programme version"), countNoun(s.SessionLogs, "session log"))
	if s.ExercisesAdded+s.ExercisesReplaced > 0 {
		out += fmt.Sprintf(" Your exercises: %d added, %d replaced.", s.ExercisesAdded, s.ExercisesReplaced)
	}
	if s.ExercisesKept > 0 {
		if s.ExercisesKept == 1 {
			out += " 1 exercise in the file differs from yours of the same id; yours was kept."
		} else {
			out += fmt.Sprintf(" %d exercises in the file differ from yours of the same id; yours were kept.", s.ExercisesKept)
		}
	}
	if t := templatesText(s.Templates); t != "" {
		out += " " + t
	}
	return out
}

// countNoun writes "1 thing" or "n things".
func countNoun(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// ImportOptions are the coach's choices for an import.
type ImportOptions struct {
	OnConflict ConflictPolicy
	// DryRun checks the file against the database and reports what would
	// happen, writing nothing.
	DryRun bool
}

// TransferService moves clients between databases. The SQLite package
// implements it.
type TransferService interface {
	// ExportClients returns one client (clientID > 0) or every client
	// (clientID 0) with everything about them, renumbered. Errors:
	// ENOTFOUND.
	ExportClients(ctx context.Context, clientID int64) (*Export, error)
	// ImportClients stores the file's clients in one transaction: all of
	// them or, on any error, none. Errors: EINVALID (the file breaks a
	// rule), EUNSUPPORTED.
	ImportClients(ctx context.Context, e *Export, opts ImportOptions) (*ImportSummary, error)
}

// Renumber gives the export its own ids, from 1 in file order, and rewrites
// every reference to match: clients keep their order; assessments are
// ordered by client, date and old id; programmes by client, lineage and
// version; session logs by client, date and old id; exercises by id. The
// lineage of a programme becomes the new id of the lowest version of its
// lineage in the file. A reference to something not in the export is an
// EINTERNAL error (the caller gathered an incomplete set).
func (e *Export) Renumber() error {
	clientIdx := make(map[int64]int, len(e.Clients))
	for i, c := range e.Clients {
		if c == nil {
			return Internal("prepare the export", errors.New("nil client"))
		}
		if _, dup := clientIdx[c.ID]; dup {
			return Internal("prepare the export", fmt.Errorf("client %d twice", c.ID))
		}
		clientIdx[c.ID] = i
	}
	missing := func(what string, id int64) error {
		return Internal("prepare the export", fmt.Errorf("%s %d is not in the export", what, id))
	}
	for _, r := range e.Assessments {
		if _, ok := clientIdx[r.ClientID]; !ok {
			return missing("client", r.ClientID)
		}
	}
	slices.SortStableFunc(e.Assessments, func(a, b *Record) int {
		return cmp.Or(cmp.Compare(clientIdx[a.ClientID], clientIdx[b.ClientID]),
			a.Date.Time().Compare(b.Date.Time()), cmp.Compare(a.ID, b.ID))
	})
	recordID := make(map[int64]int64, len(e.Assessments))
	for i, r := range e.Assessments {
		recordID[r.ID] = int64(i + 1)
	}

	for _, p := range e.Programmes {
		if _, ok := clientIdx[p.ClientID]; !ok {
			return missing("client", p.ClientID)
		}
		if _, ok := recordID[p.RecordID]; !ok {
			return missing("assessment", p.RecordID)
		}
	}
	slices.SortStableFunc(e.Programmes, func(a, b *Programme) int {
		return cmp.Or(cmp.Compare(clientIdx[a.ClientID], clientIdx[b.ClientID]),
			cmp.Compare(a.Lineage, b.Lineage), cmp.Compare(a.Version, b.Version), cmp.Compare(a.ID, b.ID))
	})
	progID := make(map[int64]int64, len(e.Programmes))
	lineage := map[int64]int64{} // old lineage → new id of its first version here
	for i, p := range e.Programmes {
		progID[p.ID] = int64(i + 1)
		if _, ok := lineage[p.Lineage]; !ok {
			lineage[p.Lineage] = int64(i + 1)
		}
	}

	for _, l := range e.SessionLogs {
		if _, ok := progID[l.ProgrammeID]; !ok {
			return missing("programme", l.ProgrammeID)
		}
		if _, ok := clientIdx[l.ClientID]; !ok {
			return missing("client", l.ClientID)
		}
	}
	slices.SortStableFunc(e.SessionLogs, func(a, b *SessionLog) int {
		return cmp.Or(cmp.Compare(clientIdx[a.ClientID], clientIdx[b.ClientID]),
			a.Date.Time().Compare(b.Date.Time()), cmp.Compare(a.ID, b.ID))
	})

	// Rewrite, now that every map is built from the old ids.
	for i, l := range e.SessionLogs {
		l.ID, l.ClientID, l.ProgrammeID = int64(i+1), int64(clientIdx[l.ClientID]+1), progID[l.ProgrammeID]
	}
	for _, p := range e.Programmes {
		p.ID, p.ClientID, p.RecordID, p.Lineage = progID[p.ID], int64(clientIdx[p.ClientID]+1), recordID[p.RecordID], lineage[p.Lineage]
	}
	for _, r := range e.Assessments {
		r.ID, r.ClientID = recordID[r.ID], int64(clientIdx[r.ClientID]+1)
	}
	for i, c := range e.Clients {
		c.ID = int64(i + 1)
	}
	slices.SortStableFunc(e.Exercises, func(a, b *Exercise) int { return cmp.Compare(a.ID, b.ID) })
	e.renumberTemplates()
	return nil
}

// MarshalExport writes e as an export file: indented JSON, keys in a fixed
// order, lists never null, and a final newline. The same export always
// gives the same bytes.
func MarshalExport(e *Export) ([]byte, error) {
	if e == nil {
		return nil, Errorf(EINVALID, "There is nothing to export.")
	}
	cp := *e
	cp.Format = FormatExport
	cp.ExportedAt = cp.ExportedAt.UTC()
	if cp.Clients == nil {
		cp.Clients = []*Client{}
	}
	if cp.Assessments == nil {
		cp.Assessments = []*Record{}
	}
	if cp.Programmes == nil {
		cp.Programmes = []*Programme{}
	}
	if cp.SessionLogs == nil {
		cp.SessionLogs = []*SessionLog{}
	}
	if cp.Exercises == nil {
		cp.Exercises = []*Exercise{}
	}
	if cp.Templates == nil {
		cp.Templates = []*Template{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // notes may hold "<" or "&"; keep them readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(&cp); err != nil {
		return nil, Internal("write the export file", err)
	}
	return b.Bytes(), nil
}

// ParseExport reads an export file strictly and checks it (Validate, as of
// day today). It never panics. A file that is not an export at all gives a
// *Error; one with problems gives ValidationErrors (at most
// MaxExportErrors), each naming the key's path, e.g.
// "clients[2].birth_date" or "assessments[0].glutes.left.med_grade".
//
// Unlike an assessment file, an export may not have keys Keel does not
// know, at any level: importing would drop them without a word.
func ParseExport(data []byte, today Date) (*Export, error) {
	data, err := StrictJSON(data)
	if err != nil {
		return nil, err
	}
	top, err := parseExportTop(data)
	if err != nil {
		return nil, err
	}
	if err := checkExportFormat(top); err != nil {
		return nil, err
	}
	var errs ValidationErrors
	for _, k := range sortedJSONKeys(top) {
		if !slices.Contains(exportKeys, k) {
			errs = append(errs, FieldErrorf(EINVALID, k, "Keel does not know this key; an export file has %s.", strings.Join(exportKeys, ", ")))
		}
	}
	e := &Export{Format: FormatExport}
	if raw, ok := top["exported_at"]; ok {
		if t, ok := parseJSONTime(raw); ok {
			e.ExportedAt = t
		} else {
			errs = append(errs, FieldErrorf(EINVALID, "exported_at", "Must be a time written like 2026-03-02T09:30:00Z."))
		}
	}
	e.Clients = decodeList[Client](top, "clients", &errs)
	e.Assessments = decodeList[Record](top, "assessments", &errs)
	e.Programmes = decodeList[Programme](top, "programmes", &errs)
	e.SessionLogs = decodeList[SessionLog](top, "session_logs", &errs)
	e.Exercises = decodeExercises(top, &errs)
	e.Templates = decodeList[Template](top, "templates", &errs)
	if len(errs) > 0 {
		return nil, capErrors(errs)
	}
	if err := e.Validate(today); err != nil {
		return nil, err
	}
	return e, nil
}

// parseExportTop checks the file is UTF-8 JSON holding one object and
// returns its top-level keys.
func parseExportTop(data []byte) (map[string]json.RawMessage, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, Errorf(EINVALID, "The file is empty.")
	}
	if !utf8.Valid(data) {
		return nil, Errorf(EINVALID, "The file is not UTF-8 text, so it is not a Keel export.")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var top map[string]json.RawMessage
	err := dec.Decode(&top)
	if err == nil {
		if _, terr := dec.Token(); terr != io.EOF {
			return nil, Errorf(EINVALID, "The file has more after the end of the export; it may have been joined to another file.")
		}
	}
	if err != nil {
		var se *json.SyntaxError
		switch {
		case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
			return nil, Errorf(EINVALID, "The file ends too early; it may have been cut off.")
		case errors.As(err, &se):
			line, col := lineCol(data, se.Offset)
			return nil, Errorf(EINVALID, "The file is not valid JSON at line %d, column %d: %s.", line, col, strings.TrimPrefix(se.Error(), "json: "))
		}
		return nil, Errorf(EINVALID, "The file must hold one Keel export: a JSON object in { }.")
	}
	if top == nil {
		return nil, Errorf(EINVALID, "The file must hold one Keel export: a JSON object in { }.")
	}
	return top, nil
}

// checkExportFormat insists on "format": "keel.export/1".
func checkExportFormat(top map[string]json.RawMessage) error {
	raw, ok := top["format"]
	if !ok {
		return FieldErrorf(EINVALID, "format", "The key is missing, so this is not a Keel export; a Keel export has \"format\": %q.", FormatExport)
	}
	var f string
	if err := json.Unmarshal(raw, &f); err != nil {
		return FieldErrorf(EINVALID, "format", "Must be text: %q.", FormatExport)
	}
	switch {
	case f == FormatExport:
		return nil
	case strings.HasPrefix(f, "keel.export/"):
		return FieldErrorf(EUNSUPPORTED, "format", "This file was written by a newer Keel (%s); update Keel to import it.", clipText(f))
	case strings.HasPrefix(f, "keel.assessment/"):
		return FieldErrorf(EINVALID, "format", "This is one assessment, not an export of clients; import it from the client's assessments instead.")
	}
	return FieldErrorf(EINVALID, "format", "This is not a Keel export: the format is %q, expected %q.", clipText(f), FormatExport)
}

// timeKeys are the keys of a stored item that hold times, which walkJSON
// does not know; they are checked here instead.
var timeKeys = []string{"created_at", "updated_at"}

func parseJSONTime(raw json.RawMessage) (time.Time, bool) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, false
	}
	return t, true
}

// decodeList reads the list under key into []*T, checking each item's keys
// and types with walkJSON first so every problem is named by its path. A
// missing key or null is an empty list.
func decodeList[T any](top map[string]json.RawMessage, key string, errs *ValidationErrors) []*T {
	raw, ok := top[key]
	if !ok || string(bytes.TrimSpace(raw)) == "null" {
		return nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		*errs = append(*errs, FieldErrorf(EINVALID, key, "Must be a list [ ]."))
		return nil
	}
	typ := reflect.TypeFor[T]()
	out := make([]*T, 0, len(items))
	for i, item := range items {
		path := key + "[" + strconv.Itoa(i) + "]"
		var tree any
		dec := json.NewDecoder(bytes.NewReader(item))
		dec.UseNumber()
		if err := dec.Decode(&tree); err != nil {
			*errs = append(*errs, FieldErrorf(EINVALID, path, "This value is not valid JSON."))
			continue
		}
		m, isObj := tree.(map[string]any)
		if !isObj {
			*errs = append(*errs, FieldErrorf(EINVALID, path, "Must be an object { }; the file has %s.", describeJSON(tree)))
			continue
		}
		n := len(*errs)
		for _, k := range timeKeys {
			v, ok := m[k]
			if !ok {
				continue
			}
			delete(m, k)
			s, isStr := v.(string)
			if _, err := time.Parse(time.RFC3339Nano, s); !isStr || err != nil {
				*errs = append(*errs, FieldErrorf(EINVALID, path+"."+k, "Must be a time written like 2026-03-02T09:30:00Z; the file has %s.", describeJSON(v)))
			}
		}
		walkJSON(m, typ, path, errs)
		if len(*errs) > n {
			continue
		}
		v := new(T)
		if err := json.Unmarshal(item, v); err != nil {
			// walkJSON accepts only what Unmarshal accepts; this is a guard.
			*errs = append(*errs, FieldErrorf(EINVALID, path, "Keel could not read this value."))
			continue
		}
		out = append(out, v)
	}
	return out
}

// decodeExercises reads custom_exercises. An exercise has a map (its dose
// by phase), which walkJSON does not walk, so each is decoded on its own
// with unknown keys refused.
func decodeExercises(top map[string]json.RawMessage, errs *ValidationErrors) []*Exercise {
	const key = "custom_exercises"
	raw, ok := top[key]
	if !ok || string(bytes.TrimSpace(raw)) == "null" {
		return nil
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		*errs = append(*errs, FieldErrorf(EINVALID, key, "Must be a list [ ]."))
		return nil
	}
	out := make([]*Exercise, 0, len(items))
	for i, item := range items {
		path := key + "[" + strconv.Itoa(i) + "]"
		dec := json.NewDecoder(bytes.NewReader(item))
		dec.DisallowUnknownFields()
		var ex Exercise
		if err := dec.Decode(&ex); err != nil {
			*errs = append(*errs, exerciseDecodeError(path, err))
			continue
		}
		out = append(out, &ex)
	}
	return out
}

func exerciseDecodeError(path string, err error) *Error {
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		p := path
		if typ.Field != "" {
			p += "." + typ.Field
		}
		return FieldErrorf(EINVALID, p, "This value must be %s; the file has %s.", jsonKind(typ.Type.Kind().String()), typ.Value)
	}
	if k, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return FieldErrorf(EINVALID, path, "Keel does not know the key %s in an exercise.", k)
	}
	var de *Error
	if errors.As(err, &de) {
		return FieldErrorf(EINVALID, path, "%s", de.Message)
	}
	return FieldErrorf(EINVALID, path, "Keel could not read this exercise.")
}

// jsonKind names a Go kind the way a JSON file writer thinks of it.
func jsonKind(k string) string {
	switch {
	case strings.HasPrefix(k, "int"), strings.HasPrefix(k, "uint"):
		return "a whole number"
	case strings.HasPrefix(k, "float"):
		return "a number"
	case k == "string":
		return "text in quotes"
	case k == "bool":
		return "true or false"
	case k == "slice":
		return "a list [ ]"
	case k == "map", k == "struct":
		return "an object { }"
	}
	return "another kind of value"
}

// capErrors keeps the first MaxExportErrors problems and says how many
// more there were.
func capErrors(errs ValidationErrors) ValidationErrors {
	if len(errs) <= MaxExportErrors {
		return errs
	}
	out := slices.Clone(errs[:MaxExportErrors])
	out = append(out, FieldErrorf(EINVALID, "", "…and %d more problems.", len(errs)-MaxExportErrors))
	return out
}

// ValidationDay is the day an export's clients and logs are checked as
// of: the day it was exported, when that is before today, so a file stays
// importable as its clients age (a client's age is checked against a
// range), else today.
func (e *Export) ValidationDay(today Date) Date {
	if e.ExportedAt.IsZero() {
		return today
	}
	if d := DateOf(e.ExportedAt.UTC()); d.Before(today) {
		return d
	}
	return today
}

// MergeExercises is the import rule for a file's custom exercises against
// the coach's own (have) and the built-in library: a new id is added, the
// same exercise is left alone, a different one with the same id replaces
// hers under ConflictReplace and is kept hers otherwise; an id of one of
// Keel's own exercises is refused (ECONFLICT), and so is a set that no
// longer holds together (EINVALID). It counts what it did in sum and
// returns the exercises a store must write, normalised and marked custom.
// Both stores call it, so the rule lives here once.
func MergeExercises(have, file []*Exercise, builtin *Library, policy ConflictPolicy, sum *ImportSummary) ([]*Exercise, error) {
	byID := make(map[string]int, len(have))
	for i, e := range have {
		byID[e.ID] = i
	}
	if builtin == nil {
		builtin = &Library{}
	}
	var write []*Exercise
	for _, fe := range file {
		e := *fe
		e.Cues = slices.Clone(fe.Cues)
		e.Normalize()
		e.Custom = true
		if _, ok := builtin.Get(e.ID); ok {
			return nil, FieldErrorf(ECONFLICT, "custom_exercises",
				"The file's exercise %q has the id of one of Keel's own exercises; rename it in the Keel it came from and export again.", e.ID)
		}
		i, exists := byID[e.ID]
		switch {
		case !exists:
			have = append(have, &e)
			byID[e.ID] = len(have) - 1
			write = append(write, &e)
			sum.ExercisesAdded++
		case sameExercise(have[i], &e):
		case policy == ConflictReplace:
			have[i] = &e
			write = append(write, &e)
			sum.ExercisesReplaced++
		default:
			sum.ExercisesKept++
		}
	}
	if _, err := builtin.With(have); err != nil {
		return nil, FieldErrorf(EINVALID, "custom_exercises",
			"The file's exercises do not fit with yours: %s", ErrorMessage(err))
	}
	return write, nil
}

// sameExercise reports whether a and b are the same exercise, field for
// field.
func sameExercise(a, b *Exercise) bool {
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(ja) == string(jb)
}

// ProgrammesInImportOrder returns the file's programmes in the order a
// store inserts them: the first version of every lineage before the later
// ones (a later version names its first by id), the file's order kept
// otherwise. Both stores call it.
func ProgrammesInImportOrder(ps []*Programme) []*Programme {
	out := slices.Clone(ps)
	slices.SortStableFunc(out, func(a, b *Programme) int {
		af, bf := a.ID == a.Lineage, b.ID == b.Lineage
		switch {
		case af == bf:
			return 0
		case af:
			return -1
		}
		return 1
	})
	return out
}

// ImportFailed names the client of the file a storage error is about
// ("Keel could not import Ana Lima: …"); an internal error is kept as it
// is, for the log.
func ImportFailed(c *Client, err error) error {
	if ErrorCode(err) == EINTERNAL {
		return err
	}
	return Errorf(ErrorCode(err), "Keel could not import %s: %s", c.Name, ErrorMessage(err))
}
