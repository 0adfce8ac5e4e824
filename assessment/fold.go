package assessment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:generate go run ./internal/foldgen -o foldtable.go

// The fold table (foldtable.go) is generated from Unicode's decompositions:
// every Latin-script letter with a diacritic, plus the letters whose stroke
// or ligature Unicode does not decompose (ł, ø, đ, æ, ß...).

// foldLow is foldTable for the letters below the combining marks (Latin-1
// and Latin Extended-A and -B, where most accented names fall), indexed
// directly: both cases are in the table, so these letters need neither a
// map look-up nor unicode.ToLower.
var foldLow = func() (t [0x300]string) {
	for r, f := range foldTable {
		if r < rune(len(t)) {
			t[r] = f
		}
	}
	return t
}()

// Fold returns s lower-cased, with diacritics removed and spacing collapsed:
// the form Keel stores beside a name for searching.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		// ASCII first, without table look-ups: most of most names. The
		// due list folds thousands of names at once.
		if r < utf8.RuneSelf {
			switch {
			case r == ' ' || '\t' <= r && r <= '\r':
				space = b.Len() > 0
				continue
			case 'A' <= r && r <= 'Z':
				r += 'a' - 'A'
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(byte(r))
			continue
		}
		if r < rune(len(foldLow)) && foldLow[r] != "" {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(foldLow[r])
			continue
		}
		r = unicode.ToLower(r)
		if unicode.Is(unicode.Mn, r) { // combining marks in decomposed text
			continue
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if f, ok := foldTable[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
