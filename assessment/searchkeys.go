package assessment

import (
	"fmt"
	"strconv"
	"strings"
)

// SearchKeys is the client list's folded search keys in list order (by
// sort key, then id), as a store keeps them in memory: a keystroke tests
// every key here (about 25 ns each, a millisecond for 50,000 clients) and
// the store reads only the page it shows. What a search finds is decided
// here, once, for every store: a client matches when her key holds every
// folded word of the query.
type SearchKeys struct {
	entries []searchKey
}

type searchKey struct {
	id       int64
	archived bool
	key      string
}

// ParseSearchKeys reads the n lines of joined, one a client in list order:
// "id archived key" with archived 0 or 1 (a folded key holds no line
// break). Stores read them as one text: one row instead of 50,000.
func ParseSearchKeys(joined string, n int) (SearchKeys, error) {
	entries := make([]searchKey, 0, n)
	rest := joined
	for rest != "" {
		line, tail, _ := strings.Cut(rest, "\n")
		rest = tail
		id, line, ok1 := strings.Cut(line, " ")
		archived, key, ok2 := strings.Cut(line, " ")
		v, err := strconv.ParseInt(id, 10, 64)
		if !ok1 || !ok2 || err != nil || (archived != "0" && archived != "1") {
			return SearchKeys{}, fmt.Errorf("search key line %d", len(entries)+1)
		}
		entries = append(entries, searchKey{id: v, archived: archived == "1", key: key})
	}
	if len(entries) != n {
		return SearchKeys{}, fmt.Errorf("search keys: read %d of %d", len(entries), n)
	}
	return SearchKeys{entries: entries}, nil
}

// Match returns the ids of the page f asks for (its Offset and Limit; no
// limit when Limit is 0) and how many clients match in all.
func (k SearchKeys) Match(f ClientFilter) ([]int64, int) {
	words := strings.Fields(Fold(f.Query))
	offset := max(f.Offset, 0)
	end := -1 // no limit
	if f.Limit > 0 {
		end = offset + f.Limit
	}
	var page []int64
	total := 0
next:
	for i := range k.entries {
		e := &k.entries[i]
		if e.archived && !f.IncludeArchived {
			continue
		}
		for _, w := range words {
			if !strings.Contains(e.key, w) {
				continue next
			}
		}
		if total >= offset && (end < 0 || total < end) {
			page = append(page, e.id)
		}
		total++
	}
	return page, total
}
