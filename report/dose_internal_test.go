package report

import "testing"

// TestChangedClause: a later guidance sentence keeps only the clause that
// changed, and stays whole when the change is not one clause.
func TestChangedClause(t *testing.T) {
	for _, c := range []struct{ before, after, want string }{
		{"A band you could pull 5 more times at the end of each round, with the same good form; take a stronger band when it feels easy",
			"A band you could pull 3 more times at the end of each round, with the same good form; take a stronger band when it feels easy",
			"A band you could pull 3 more times at the end of each round"},
		{"Light, easy effort", "Moderate, steady effort", "Moderate, steady effort"},
		{"Keep it light", "Keep it heavier", "Keep it heavier"},
		{"Same", "Same", "Same"},
	} {
		if got := changedClause(c.before, c.after); got != c.want {
			t.Errorf("changedClause(%q, %q) = %q, want %q", c.before, c.after, got, c.want)
		}
	}
}
