package assessment_test

import (
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// BenchmarkProposeLongHistory reads the traffic light after 1,000 logged
// sessions with their exercise outcomes (a year of daily logging, far more
// than a client has): the session log screen does this on every log, edit,
// delete and undo. Target: well under one frame (16 ms).
func BenchmarkProposeLongHistory(b *testing.B) {
	p := slProgramme()
	p.Weeks = p.Weeks[:4]
	var logs []*assessment.SessionLog
	for i := range 1000 {
		// Every session green: the run of green sessions is walked to the
		// start, the worst case.
		l := mondayLog(1, 1, deadBug(assessment.OutcomeDone, intp(i%3), boolp(false)), bridge(assessment.OutcomeDone, nil))
		l.ID, l.Date = int64(i+1), slMonday.AddDays(i/3)
		logs = append(logs, l)
	}
	lib := slLibrary(b)
	r := pgRecord()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := assessment.Propose(r, p, logs, lib); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSessionTrends builds the timeline's session charts from the
// same 1,000 logs.
func BenchmarkSessionTrends(b *testing.B) {
	var logs []*assessment.SessionLog
	for i := range 1000 {
		l := mondayLog(1, i%6, deadBug(assessment.OutcomeDone, intp(i%5), nil), bridge(assessment.OutcomeSkipped, nil))
		l.ID, l.Date = int64(i+1), slMonday.AddDays(i/3)
		logs = append(logs, l)
	}
	b.ReportAllocs()
	for b.Loop() {
		if len(assessment.SessionTrends(logs)) != 2 {
			b.Fatal("no charts")
		}
	}
}
