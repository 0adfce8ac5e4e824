package assessment_test

import (
	"slices"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func TestSearchKeys(t *testing.T) {
	k, err := assessment.ParseSearchKeys("1 0 ana lima\n2 1 nguyen thi hong\n3 0 zoe olafsdottir\n4 0 ana souza", 4)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		f     assessment.ClientFilter
		page  []int64
		total int
	}{
		{assessment.ClientFilter{}, []int64{1, 3, 4}, 3},
		{assessment.ClientFilter{IncludeArchived: true}, []int64{1, 2, 3, 4}, 4},
		{assessment.ClientFilter{Query: "ANA"}, []int64{1, 4}, 2},
		{assessment.ClientFilter{Query: "Nguyễn", IncludeArchived: true}, []int64{2}, 1},
		{assessment.ClientFilter{Query: "ana lim"}, []int64{1}, 1},
		{assessment.ClientFilter{Query: "a", Offset: 1, Limit: 1}, []int64{3}, 3},
	} {
		page, total := k.Match(tt.f)
		if !slices.Equal(page, tt.page) || total != tt.total {
			t.Errorf("%+v: page %v of %d; want %v of %d", tt.f, page, total, tt.page, tt.total)
		}
	}
	for _, bad := range []string{"x 0 ana", "1 2 ana", "1 0"} {
		if _, err := assessment.ParseSearchKeys(bad, 1); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
	if _, err := assessment.ParseSearchKeys("1 0 ana", 2); err == nil {
		t.Error("a short list parsed")
	}
}
