package assessment

import (
	"strconv"
	"strings"
)

// JoinAnd joins phrases the way a sentence lists them: "a", "a and b",
// "a, b and c". Every sentence Keel writes, for a coach or a client, lists
// with it.
func JoinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// Plural writes a count with its noun: "1 week", "3 weeks" for
// Plural(n, "week", "weeks").
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// joinAnd and plural are the package's short names for the two above.
func joinAnd(items []string) string { return JoinAnd(items) }

func plural(n int, unit string) string { return Plural(n, unit, unit+"s") }
