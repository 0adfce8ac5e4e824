package assessment

import (
	"strings"
	"unicode"
)

// foldTable maps letters with diacritics, and a few ligatures, to plain
// Latin letters so that "zoe" finds "Zoë" and "lukasiewicz" finds
// "Łukasiewicz". It covers Latin-1 Supplement and Latin Extended-A, which
// hold the letters of every European language written in Latin script.
var foldTable = map[rune]string{}

func init() {
	groups := map[string]string{
		"a":  "àáâãäåāăąǎ",
		"ae": "æ",
		"c":  "çćĉċč",
		"d":  "ďđð",
		"e":  "èéêëēĕėęě",
		"g":  "ĝğġģ",
		"h":  "ĥħ",
		"i":  "ìíîïĩīĭįıǐ",
		"ij": "ĳ",
		"j":  "ĵ",
		"k":  "ķĸ",
		"l":  "ĺļľŀł",
		"n":  "ñńņňŉŋ",
		"o":  "òóôõöøōŏőǒ",
		"oe": "œ",
		"r":  "ŕŗř",
		"s":  "śŝşšſș",
		"ss": "ß",
		"t":  "ţťŧț",
		"th": "þ",
		"u":  "ùúûüũūŭůűųǔ",
		"w":  "ŵ",
		"y":  "ýÿŷ",
		"z":  "źżž",
	}
	for plain, letters := range groups {
		for _, r := range letters {
			foldTable[r] = plain
		}
	}
}

// Fold returns s lower-cased, with diacritics removed and spacing collapsed:
// the form Keel stores beside a name for searching.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
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
