package assessment

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// The JSON form of a Record (docs/FORMAT.md, "keel.assessment/1") is how
// `keel assessment export/import` move one assessment, and what the
// programme and handout commands read.
//
// Reading is strict inside the sections Keel knows: a value of the wrong
// type, an unknown key inside a section (usually a typo), an unknown choice
// or an out-of-range number fails, with the key's path and the problem.
// Unknown keys at the top level are ignored, so a file from a newer Keel
// that adds a section still opens (IgnoredRecordKeys lists them). The
// storage keys id, client_id, created_at and updated_at are ignored too: an
// imported record is always a new one.

// storageKeys are Record keys that belong to one database, never to a file.
var storageKeys = []string{"id", "client_id", "created_at", "updated_at"}

// ParseRecordJSON reads one assessment file. It never panics. On failure it
// returns a *Error (the file as a whole is unreadable: empty, cut off, not
// JSON, wrong format) or ValidationErrors listing every problem, each with
// Field set to the key's path ("glutes.left.med_grade",
// "context.activities[1].rating") and a Message a coach can act on.
func ParseRecordJSON(data []byte) (*Record, error) {
	data, err := StrictJSON(data)
	if err != nil {
		return nil, err
	}
	top, err := parseTop(data)
	if err != nil {
		return nil, err
	}
	if err := checkFormat(top); err != nil {
		return nil, err
	}
	r := &Record{}
	rv := reflect.ValueOf(r).Elem()
	fields := jsonFields(rv.Type())
	var errs ValidationErrors
	for _, key := range sortedJSONKeys(top) {
		idx, known := fields[key]
		if !known || key == "format" || slices.Contains(storageKeys, key) {
			continue
		}
		fv := rv.Field(idx)
		var tree any
		dec := json.NewDecoder(bytes.NewReader(top[key]))
		dec.UseNumber()
		if err := dec.Decode(&tree); err != nil {
			errs = append(errs, FieldErrorf(EINVALID, key, "This value is not valid JSON."))
			continue
		}
		n := len(errs)
		walkJSON(tree, fv.Type(), key, &errs)
		if len(errs) > n {
			continue
		}
		if err := json.Unmarshal(top[key], fv.Addr().Interface()); err != nil {
			// walkJSON accepts only what Unmarshal accepts; this is a guard.
			errs = append(errs, FieldErrorf(EINVALID, key, "Keel could not read this value."))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	r.Format = FormatAssessment
	markUnrecordedBirths(r, top["client"])
	normalizeLists(r)
	c := checker{file: true}
	c.record(r)
	if err := c.v.Err(); err != nil {
		return nil, err
	}
	return r, nil
}

// markUnrecordedBirths marks the births as not recorded when the file's
// client section has no "births" key: a missing count is never read as
// "no births" (only an explicit 0 says she is not postpartum).
func markUnrecordedBirths(r *Record, raw json.RawMessage) {
	if r.Client == nil || len(raw) == 0 {
		return
	}
	var keys map[string]json.RawMessage
	if json.Unmarshal(raw, &keys) != nil {
		return
	}
	if _, ok := keys["births"]; !ok {
		r.Client.BirthsUnknown = true
	}
}

// IgnoredRecordKeys lists the top-level keys of an assessment file that
// ParseRecordJSON skips because this version of Keel does not know them
// (storage keys excluded), sorted, so a command can warn about a misspelt
// section name. It returns nil when the file is not a JSON object.
func IgnoredRecordKeys(data []byte) []string {
	top, err := parseTop(data)
	if err != nil {
		return nil
	}
	fields := jsonFields(reflect.TypeFor[Record]())
	var out []string
	for _, k := range sortedJSONKeys(top) {
		if _, ok := fields[k]; !ok && !slices.Contains(storageKeys, k) {
			out = append(out, k)
		}
	}
	return out
}

// MarshalRecordJSON writes r in the JSON form: indented, keys in a fixed
// order, format set, storage-only fields (id, client_id, created_at,
// updated_at) left out, and a final newline. It refuses an invalid record
// (returning its ValidationErrors), so Keel never writes a file it would
// not read back.
func MarshalRecordJSON(r *Record) ([]byte, error) {
	if r == nil {
		return nil, Errorf(EINVALID, "There is no assessment to export.")
	}
	cp := *r
	cp.ID, cp.ClientID = 0, 0
	cp.CreatedAt, cp.UpdatedAt = time.Time{}, time.Time{}
	cp.Format = FormatAssessment
	if err := cp.Validate(); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // notes may hold "<" or "&"; keep them readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(&cp); err != nil {
		return nil, Internal("write the assessment file", err)
	}
	return b.Bytes(), nil
}

// parseTop checks the file is UTF-8 JSON holding one object and returns its
// top-level keys.
func parseTop(data []byte) (map[string]json.RawMessage, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, Errorf(EINVALID, "The file is empty.")
	}
	if !utf8.Valid(data) {
		return nil, Errorf(EINVALID, "The file is not UTF-8 text; save it as UTF-8 and try again.")
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			if strings.Contains(se.Error(), "unexpected end of JSON input") {
				return nil, Errorf(EINVALID, "The file ends too early; it may have been cut off.")
			}
			line, col := lineCol(data, se.Offset)
			return nil, Errorf(EINVALID, "The file is not valid JSON at line %d, column %d: %s.", line, col, strings.TrimPrefix(se.Error(), "json: "))
		}
		return nil, Errorf(EINVALID, "The file must hold one assessment: a JSON object in { }.")
	}
	if top == nil {
		return nil, Errorf(EINVALID, "The file must hold one assessment: a JSON object in { }.")
	}
	return top, nil
}

// lineCol turns a byte offset into a 1-based line and column.
func lineCol(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:])
	return line, max(col, 1)
}

// checkFormat insists on "format": "keel.assessment/1".
func checkFormat(top map[string]json.RawMessage) error {
	raw, ok := top["format"]
	if !ok {
		return FieldErrorf(EINVALID, "format", "The key is missing; a Keel assessment file has \"format\": %q.", FormatAssessment)
	}
	var f string
	if err := json.Unmarshal(raw, &f); err != nil {
		return FieldErrorf(EINVALID, "format", "Must be text: %q.", FormatAssessment)
	}
	switch {
	case f == FormatAssessment:
		return nil
	case strings.HasPrefix(f, "keel.assessment/"):
		return FieldErrorf(EUNSUPPORTED, "format", "This file was written by a newer Keel (%s); update Keel to read it.", clipText(f))
	}
	return FieldErrorf(EINVALID, "format", "This is not a Keel assessment file: the format is %q, expected %q.", clipText(f), FormatAssessment)
}

// normalizeLists turns empty lists into nil, so "[]" and a missing key
// read the same and a record survives a write and a read unchanged.
func normalizeLists(r *Record) {
	if len(r.CarriedOver) == 0 {
		r.CarriedOver = nil
	}
	if c := r.Context; c != nil && len(c.Activities) == 0 {
		c.Activities = nil
	}
	if p := r.Pain; p != nil && len(p.Sites) == 0 {
		p.Sites = nil
	}
	if g := r.Glutes; g != nil {
		for _, s := range [2]*GluteSide{g.Left, g.Right} {
			if s != nil && len(s.SideLyingFaults) == 0 {
				s.SideLyingFaults = nil
			}
		}
	}
	if h := r.Hinge; h != nil && len(h.Faults) == 0 {
		h.Faults = nil
	}
}

var dateType = reflect.TypeFor[Date]()

// walkJSON checks a decoded JSON value (numbers as json.Number) against the
// Go type it will be read into, and records every wrong type and unknown
// key with its path. It accepts exactly what encoding/json accepts for
// these types, except unknown keys inside objects.
func walkJSON(v any, t reflect.Type, path string, errs *ValidationErrors) {
	if v == nil { // null: "not recorded" for every field
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	fail := func(want string) {
		*errs = append(*errs, FieldErrorf(EINVALID, path, "Must be %s; the file has %s.", want, describeJSON(v)))
	}
	if t == dateType {
		s, ok := v.(string)
		if !ok {
			fail("a date written as YYYY-MM-DD")
			return
		}
		if _, err := ParseDate(s); err != nil {
			fail("a real date written as YYYY-MM-DD")
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			fail("an object { }")
			return
		}
		fields := jsonFields(t)
		for _, k := range sortedJSONKeys(m) {
			idx, ok := fields[k]
			if !ok {
				*errs = append(*errs, FieldErrorf(EINVALID, path+"."+k, "Keel does not know this key; check its spelling against docs/FORMAT.md."))
				continue
			}
			walkJSON(m[k], t.Field(idx).Type, path+"."+k, errs)
		}
	case reflect.Slice:
		a, ok := v.([]any)
		if !ok {
			fail("a list [ ]")
			return
		}
		for i, x := range a {
			walkJSON(x, t.Elem(), path+"["+strconv.Itoa(i)+"]", errs)
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			fail("text in quotes")
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			fail("true or false")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := v.(json.Number)
		if !ok {
			fail("a whole number")
			return
		}
		if _, err := strconv.ParseInt(n.String(), 10, t.Bits()); err != nil {
			fail("a whole number")
		}
	case reflect.Float32, reflect.Float64:
		n, ok := v.(json.Number)
		if !ok {
			fail("a number")
			return
		}
		if _, err := strconv.ParseFloat(n.String(), t.Bits()); err != nil {
			fail("a number of reasonable size")
		}
	default:
		fail("a value Keel can read")
	}
}

// describeJSON names a decoded JSON value for an error message.
func describeJSON(v any) string {
	switch x := v.(type) {
	case string:
		return "the text " + strconv.Quote(clipText(x))
	case bool:
		return strconv.FormatBool(x)
	case json.Number:
		return clipText(x.String())
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	}
	return "null"
}

// clipText shortens a quoted value to keep a message readable.
func clipText(s string) string {
	const limit = 40
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	return string([]rune(s)[:limit]) + "…"
}

// jsonFieldCache maps a struct type to its JSON key → field index map.
var jsonFieldCache sync.Map // reflect.Type → map[string]int

// jsonFields returns the JSON keys of a struct type's exported fields.
func jsonFields(t reflect.Type) map[string]int {
	if m, ok := jsonFieldCache.Load(t); ok {
		return m.(map[string]int)
	}
	m := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		m[name] = i
	}
	jsonFieldCache.Store(t, m)
	return m
}

// sortedJSONKeys returns a map's keys in order, so errors come out the same way
// every time.
func sortedJSONKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
