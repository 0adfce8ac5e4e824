package assessment

import "unicode"

// nameProblem says what is wrong with a person's name for the coach, or ""
// when nothing is. A name must hold at least one letter: one made only of
// invisible characters (a zero-width space) or punctuation shows as a
// blank line in every list. A name may not hold the characters that change
// the direction text is shown in (U+202A–U+202E, U+2066–U+2069, U+200E,
// U+200F, U+061C): they make a name display differently from what is
// stored and searched, so two clients can look alike, or one look like
// someone else. Joiners that some scripts need inside words stay allowed.
func nameProblem(s string) string {
	letter := false
	for _, r := range s {
		if isBidiControl(r) {
			return "The name holds a hidden character that changes the direction of the text (often pasted in by mistake); type the name again."
		}
		if unicode.IsLetter(r) {
			letter = true
		}
	}
	if !letter {
		return "The name needs at least one letter."
	}
	return ""
}

// isBidiControl reports whether r is one of Unicode's explicit
// direction-formatting characters.
func isBidiControl(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200E, r == 0x200F, r == 0x061C:
		return true
	}
	return false
}
