package assessment

import (
	"regexp"
	"strconv"
	"strings"
)

// sectionWords are the record's sections in words.
var sectionWords = map[string]string{
	SectionContext: "context", SectionRedFlags: "red-flag screen", SectionPelvicFloor: "pelvic-floor symptoms",
	SectionPain: "pain", SectionPelvicTilt: "pelvic tilt", SectionThomas: "Thomas test", SectionGlutes: "glutes",
	SectionHinge: "hip hinge", SectionDiastasis: "diastasis", SectionPosture: "posture",
}

// KeyInWords is a stored key (a section, a red-flag question, a symptom, a
// choice, or a dotted path to one) in the words a coach reads. A key Keel
// has no words for loses its underscores, so no snake_case reaches her.
func KeyInWords(key string) string {
	for _, q := range redFlagQuestions {
		if q.key == key {
			return q.label
		}
	}
	for _, s := range pelvicFloorSymptoms {
		if s.key == key {
			return s.label
		}
	}
	if w, ok := sectionWords[key]; ok {
		return w
	}
	if w, ok := choiceWords[key]; ok {
		return w
	}
	if sec, part, ok := strings.Cut(key, "."); ok {
		if w, ok := sectionWords[sec]; ok {
			return w + " (" + KeyInWords(part) + ")" // "Thomas test (right)"
		}
		return KeyInWords(part)
	}
	return strings.ReplaceAll(key, "_", " ")
}

// storedKey is the shape of a stored key: a snake_case word
// ("progressive_neuro"), or a dotted path from a section ("thomas.left",
// "pelvic_floor.leakage"). A path into a list ("clients[0].name") matches
// too; "e.g." and file names do not.
var storedKey = regexp.MustCompile(`\b(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?:\.[a-z][a-z0-9_]*)*|(?:context|pain|thomas|glutes|hinge|diastasis|posture)(?:\.[a-z][a-z0-9_]*)+|[a-z]+\[\d+\](?:\.[a-z][a-z0-9_]*)+)\b`)

// HasStoredKey reports whether s shows a stored key (snake_case or a
// dotted path) or a bare citation number to the reader.
func HasStoredKey(s string) bool {
	return storedKey.MatchString(s) || citeOne.MatchString(s)
}

// InWords rewrites a line for the coach: every stored key in words and
// every citation number as its source's title.
func InWords(s string) string {
	// The symptoms listed after the pelvic-floor key are keys themselves,
	// even the one-word ones ("leakage").
	if rest, ok := strings.CutPrefix(s, SectionPelvicFloor+": "); ok {
		var ws []string
		for _, k := range strings.Split(rest, ", ") {
			ws = append(ws, KeyInWords(k))
		}
		s = KeyInWords(SectionPelvicFloor) + ": " + strings.Join(ws, ", ")
	}
	s = storedKey.ReplaceAllStringFunc(s, func(k string) string {
		if !strings.ContainsAny(k, "_.") {
			return k // a plain word such as "pain"
		}
		return KeyInWords(k)
	})
	return CitationsInWords(s)
}

// listWords name the lists of an export file, one item at a time.
var listWords = map[string]string{
	"clients": "client", "assessments": "assessment", "records": "assessment", "programmes": "programme",
	"custom_exercises": "exercise of your own", "session_logs": "session log", "activities": "activity",
}

var listItem = regexp.MustCompile(`^([a-z_]+)\[(\d+)\]$`)

// FieldInWords is a field path in words: "clients[0].name" reads
// "client 1, name"; "pain.now" reads "pain, now".
func FieldInWords(path string) string {
	var parts []string
	for _, seg := range strings.Split(path, ".") {
		if m := listItem.FindStringSubmatch(seg); m != nil {
			n, _ := strconv.Atoi(m[2])
			w, ok := listWords[m[1]]
			if !ok {
				w = KeyInWords(m[1])
			}
			parts = append(parts, w+" "+strconv.Itoa(n+1))
			continue
		}
		parts = append(parts, KeyInWords(seg))
	}
	return strings.Join(parts, ", ")
}

// MessageInWords is an error as a coach reads it: each refused field named
// in words before its message, never as a key.
func MessageInWords(err error) string {
	ve := FieldErrors(err)
	if len(ve) == 0 {
		return InWords(ErrorMessage(err))
	}
	lines := make([]string, 0, len(ve))
	for _, e := range ve {
		l := e.Message
		if e.Field != "" {
			w := FieldInWords(e.Field)
			l = strings.ToUpper(w[:1]) + w[1:] + ": " + l
		}
		lines = append(lines, InWords(l))
	}
	return strings.Join(lines, "\n")
}
