package assessment

import (
	"cmp"
	"slices"
)

// Kinds of timeline entry.
const (
	TimelineAssessment = "assessment"
	TimelineProgramme  = "programme"
	TimelineExport     = "export"
)

// TimelineItem is one entry of a client's timeline: an assessment, a
// programme version (with its status) or an exported file, on the day it
// happened. Exactly one of Record, Programme and Export is set.
type TimelineItem struct {
	Date      Date
	Kind      string // TimelineAssessment, TimelineProgramme, TimelineExport
	Record    *Record
	Programme *Programme
	Export    *ExportedFile
}

// Timeline merges a client's assessments, programme versions and exports
// into one list, newest first. An assessment is dated on its session day,
// a programme version on the day it was made and an export on the day it
// was written. On one day the later steps come first: the export, then
// the programme, then the assessment it was made from.
func Timeline(records []*Record, programmes []*Programme, exports []*ExportedFile) []TimelineItem {
	out := make([]TimelineItem, 0, len(records)+len(programmes)+len(exports))
	for _, r := range records {
		if r != nil {
			out = append(out, TimelineItem{Date: r.Date, Kind: TimelineAssessment, Record: r})
		}
	}
	for _, p := range programmes {
		if p != nil {
			d := DateOf(p.CreatedAt.Local())
			if p.CreatedAt.IsZero() {
				d = p.Options.Start
			}
			out = append(out, TimelineItem{Date: d, Kind: TimelineProgramme, Programme: p})
		}
	}
	for _, e := range exports {
		if e != nil {
			out = append(out, TimelineItem{Date: DateOf(e.CreatedAt.Local()), Kind: TimelineExport, Export: e})
		}
	}
	rank := map[string]int{TimelineAssessment: 0, TimelineProgramme: 1, TimelineExport: 2}
	slices.SortStableFunc(out, func(a, b TimelineItem) int {
		switch {
		case a.Date.After(b.Date):
			return -1
		case a.Date.Before(b.Date):
			return 1
		}
		if c := rank[b.Kind] - rank[a.Kind]; c != 0 {
			return c
		}
		return cmp.Compare(b.id(), a.id())
	})
	return out
}

func (it TimelineItem) id() int64 {
	switch {
	case it.Record != nil:
		return it.Record.ID
	case it.Programme != nil:
		return it.Programme.ID
	case it.Export != nil:
		return it.Export.ID
	}
	return 0
}
