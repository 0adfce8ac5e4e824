package assessment_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
)

func TestTimeline(t *testing.T) {
	at := func(d assessment.Date) time.Time {
		return time.Date(d.Time().Year(), d.Time().Month(), d.Time().Day(), 12, 0, 0, 0, time.Local)
	}
	recs := []*assessment.Record{{ID: 1, Date: progDay(0)}, {ID: 2, Date: progDay(42)}, nil}
	progs := []*assessment.Programme{
		{ID: 10, Version: 1, Status: assessment.StatusSuperseded, CreatedAt: at(progDay(0))},
		{ID: 11, Version: 2, Status: assessment.StatusIssued, CreatedAt: at(progDay(20))},
		{ID: 12, Options: assessment.ProgrammeOptions{Start: progDay(43)}}, // never stored: dated by its start
	}
	exps := []*assessment.ExportedFile{{ID: 5, Path: "a.pdf", CreatedAt: at(progDay(0))}, {ID: 6, Path: "b.pdf", CreatedAt: at(progDay(42))}}
	got := assessment.Timeline(recs, progs, exps)
	var order []string
	for _, it := range got {
		order = append(order, it.Date.String()+" "+it.Kind)
	}
	want := []string{
		progDay(43).String() + " programme",
		progDay(42).String() + " export",
		progDay(42).String() + " assessment",
		progDay(20).String() + " programme",
		progDay(0).String() + " export",
		progDay(0).String() + " programme",
		progDay(0).String() + " assessment",
	}
	if !reflect.DeepEqual(order, want) {
		t.Fatalf("timeline\n%q\nwant\n%q", order, want)
	}
	if got[1].Export.ID != 6 || got[3].Programme.ID != 11 || got[6].Record.ID != 1 {
		t.Error("items do not point at their entries")
	}
	if got := assessment.Timeline(nil, nil, nil); len(got) != 0 {
		t.Errorf("empty timeline has %d items", len(got))
	}
}
