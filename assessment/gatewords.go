package assessment

// GateInWords names the safety gate with code in a few words ("pelvic-floor
// symptoms"); a code Keel has no title for is still written in words.
func GateInWords(code string) string {
	if t := codeTitle(code); t != code {
		return t
	}
	return KeyInWords(code)
}
