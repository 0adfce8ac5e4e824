package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
	"github.com/keel-coach/keel/assets"
)

// Fixture sizes named in issue 6.
const (
	benchHistoryRecords = 50  // assessments of the timeline client
	benchHistoryLogs    = 200 // her logged sessions
	benchDueClients     = 5000
)

// The fixtures are built per benchmark run in b.TempDir(), so nothing is
// left behind; building is not timed.

// benchRecord is sampleRecord with values that move over time.
func benchRecord(clientID int64, date assessment.Date, k int) *assessment.Record {
	r := sampleRecord(clientID, date)
	r.Kind = assessment.KindReassessment
	// a complete safety screen with nothing on it: a missing screen blocks
	// the programme ("finish the safety screen first")
	no := assessment.TriNo
	r.RedFlags = &assessment.RedFlags{SaddleAnaesthesia: no, BladderBowelChange: no, ProgressiveNeuro: no, FeverUnwell: no,
		UnexplainedWeightLoss: no, CancerHistory: no, SignificantTrauma: no, NightPain: no, SteroidsOrOsteoporosis: no, AgeOnset: no}
	r.PelvicFloor = &assessment.PelvicFloor{}
	r.Pain.Now, r.Pain.WorstWeek = ptr(7-k%7), ptr(8-k%7)
	r.Context.Activities[0].Rating = k % 11
	r.Glutes.Left.SingleLegBridgeReps = ptr(8 + k%15)
	r.Hinge.Score = ptr(k % 4)
	if k%4 == 3 {
		// a clean hinge: a score of 3 with a fault or a lost contact is
		// refused as a contradiction
		r.Hinge.Faults = nil
		r.Hinge.HeadContact, r.Hinge.ThoracicContact, r.Hinge.SacrumContact = true, true, true
	}
	return r
}

func buildHistory(path string, lib *assessment.Library) (int64, error) {
	db, err := sqlite.Open(path)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	db.Now = func() time.Time { return now }
	ctx := context.Background()
	c := newClient("Zoë Ólafsdóttir-Łukasiewicz")
	first := today.AddDays(-28 * (benchHistoryRecords - 1))
	var recs []*assessment.Record
	err = sqlite.BulkLoad(db, []*assessment.Client{c}, func(_ int, id int64) []*assessment.Record {
		for k := range benchHistoryRecords {
			recs = append(recs, benchRecord(id, first.AddDays(28*k), k))
		}
		return recs
	})
	if err != nil {
		return 0, err
	}
	// Four programmes from the last four assessments; the last one gets
	// the 200 sessions, the others an issued v1 and a regressed v2 each.
	var ps []*assessment.Programme
	for k := benchHistoryRecords - 4; k < benchHistoryRecords; k++ {
		r := recs[k]
		p, err := assessment.Generate(r, lib, assessment.ProgrammeOptions{Weeks: 12, Start: r.Date.AddDays(3)})
		if err != nil {
			return 0, err
		}
		p.RecordID, p.Status = r.ID, assessment.StatusIssued
		ps = append(ps, p)
	}
	last := ps[len(ps)-1]
	logs := func(p *assessment.Programme) []*assessment.SessionLog {
		if p != last {
			return nil
		}
		out := make([]*assessment.SessionLog, benchHistoryLogs)
		for i := range out {
			status := []string{assessment.SessionDone, assessment.SessionDone, assessment.SessionPartial, assessment.SessionMissed}[i%4]
			out[i] = &assessment.SessionLog{Date: today.AddDays(-(benchHistoryLogs - i) / 3), Status: status, Pain: i % 8, Doming: i%23 == 0, Note: "Felt fine."}
		}
		return out
	}
	if err := sqlite.BulkProgrammes(db, ps, logs); err != nil {
		return 0, err
	}
	for i, p := range ps[:len(ps)-1] {
		from := recs[benchHistoryRecords-4+i] // the assessment p was made from
		red := &assessment.SessionLog{ProgrammeID: p.ID, Date: p.Weeks[1].Start, Status: assessment.SessionDone, Pain: 7}
		red.FillPlannedSession(p)
		for k := range red.Exercises {
			red.Exercises[k].Outcome = assessment.OutcomeHurt // the whole session hurt
		}
		prop, err := assessment.Propose(from, p, []*assessment.SessionLog{red}, lib)
		if err != nil {
			return 0, err
		}
		v2, err := assessment.Apply(from, p, prop, lib)
		if err != nil {
			return 0, err
		}
		if err := sqlite.NewProgrammeService(db).CreateProgramme(ctx, v2); err != nil {
			return 0, err
		}
	}
	for i := range 20 {
		if err := sqlite.NewExportLog(db).AddExport(ctx, &assessment.ExportedFile{ClientID: c.ID, Path: fmt.Sprintf("/home/coach/Handouts/Zoë %d.pdf", i), Kind: assessment.ExportKindHandout}); err != nil {
			return 0, err
		}
	}
	return c.ID, nil
}

// buildDue stores 5,000 clients (a tenth archived) with three assessments
// five weeks apart, the latest spread evenly over the last spreadDays days,
// and, for two in three, an issued 12-week programme. The programmes
// are small documents: the due query reads only their schedule rows and
// the programmes index, never a document, so a full plan's size would only
// slow the fixture down.
func buildDue(path string, spreadDays int) error {
	db, err := sqlite.Open(path)
	if err != nil {
		return err
	}
	defer db.Close()
	db.Now = func() time.Time { return now }
	clients := benchClientList(benchDueClients)
	var last []*assessment.Record
	err = sqlite.BulkLoad(db, clients, func(i int, id int64) []*assessment.Record {
		out := make([]*assessment.Record, 3)
		for k := range out {
			out[k] = benchRecord(id, today.AddDays(-(i*7919)%spreadDays-35*(2-k)), k)
		}
		last = append(last, out[2])
		return out
	})
	if err != nil {
		return err
	}
	return sqlite.BulkProgrammes(db, issuedForTwoInThree(last), nil)
}

// BenchmarkTimelineCompare is opening a long-standing client's progress:
// read her 50 assessments, every programme version, 200 logged sessions
// and her exports; build the timeline, compare the first and latest
// assessments, build the chart series, adherence and the traffic-light
// proposal. Target: median under 20 ms.
func BenchmarkTimelineCompare(b *testing.B) {
	lib, err := assessment.ParseLibrary(assets.LibraryJSON)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "history.db")
	historyID, err := buildHistory(path, lib)
	if err != nil {
		b.Fatal(err)
	}
	db, err := sqlite.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	records, programmes := sqlite.NewRecordService(db), sqlite.NewProgrammeService(db)
	logs, exports := sqlite.NewSessionLogService(db), sqlite.NewExportLog(db)
	var samples []time.Duration
	for b.Loop() {
		start := time.Now()
		recs, err := records.FindRecords(ctx, assessment.RecordFilter{ClientID: historyID})
		if err != nil || len(recs) != benchHistoryRecords {
			b.Fatalf("%d records, %v", len(recs), err)
		}
		ps, err := programmes.FindProgrammes(ctx, assessment.ProgrammeFilter{ClientID: historyID})
		if err != nil || len(ps) != 7 {
			b.Fatalf("%d programmes, %v", len(ps), err)
		}
		ls, err := logs.FindSessionLogs(ctx, assessment.SessionLogFilter{ClientID: historyID})
		if err != nil || len(ls) != benchHistoryLogs {
			b.Fatalf("%d logs, %v", len(ls), err)
		}
		xs, err := exports.FindExports(ctx, historyID)
		if err != nil {
			b.Fatal(err)
		}
		tl := assessment.Timeline(recs, ps, xs)
		cmp := assessment.Compare(recs[0], recs[len(recs)-1])
		trends := assessment.Trends(recs)
		adh := assessment.Adherence(ps[0], ls, today)
		var from *assessment.Record // the assessment ps[0] was made from
		for _, r := range recs {
			if r.ID == ps[0].RecordID {
				from = r
			}
		}
		prop, err := assessment.Propose(from, ps[0], ls, lib)
		if err != nil || len(tl) == 0 || len(cmp.Rows) == 0 || len(trends) == 0 || len(adh) == 0 || prop.Action == "" {
			b.Fatalf("timeline %d, rows %d, trends %d, weeks %d, proposal %q, %v", len(tl), len(cmp.Rows), len(trends), len(adh), prop.Action, err)
		}
		samples = append(samples, time.Since(start))
	}
	reportMedian(b, samples)
}

// BenchmarkDueList is the home screen's "due for reassessment" list over
// 5,000 clients: one query for the latest assessment and programme
// schedule of every active client who can be due, then the decision.
// Target: median under 20 ms. Two fixtures: latest assessments spread over
// a year (a practice with lapsed clients), and the worst case, every
// client assessed within the last 10 weeks (nearly all of them in the
// window, about two thirds due).
func BenchmarkDueList(b *testing.B) {
	for _, spread := range []struct {
		name string
		days int
	}{{"spread=year", 365}, {"spread=10weeks", 70}} {
		b.Run(spread.name, func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "due.db")
			if err := buildDue(path, spread.days); err != nil {
				b.Fatal(err)
			}
			db, err := sqlite.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			ctx := context.Background()
			s := sqlite.NewDueService(db)
			var samples []time.Duration
			var listed int
			for b.Loop() {
				start := time.Now()
				in, err := s.FindDueInputs(ctx, today)
				if err != nil {
					b.Fatal(err)
				}
				due := assessment.DueForReassessment(in, today)
				if len(due) == 0 {
					b.Fatalf("%d inputs, nobody due", len(in))
				}
				listed = len(due)
				samples = append(samples, time.Since(start))
			}
			b.ReportMetric(float64(listed), "due")
			reportMedian(b, samples)
		})
	}
}

// issuedForTwoInThree is an issued 12-week programme (three 4-week phases,
// starting three days after the assessment) for two clients in three of
// the fixtures' latest assessments.
func issuedForTwoInThree(last []*assessment.Record) []*assessment.Programme {
	var ps []*assessment.Programme
	for i, r := range last {
		if i%3 == 2 {
			continue // no programme
		}
		p := sampleProgramme(r.ID)
		p.Status = assessment.StatusIssued
		p.Weeks[0].Start = r.Date.AddDays(3)
		p.Phases = []assessment.Phase{
			{Name: assessment.PhaseActivation, Title: "Activation and control", FirstWeek: 1, LastWeek: 4},
			{Name: assessment.PhaseStrength, Title: "Strength", FirstWeek: 5, LastWeek: 8},
			{Name: assessment.PhaseIntegration, Title: "Integration", FirstWeek: 9, LastWeek: 12},
		}
		ps = append(ps, p)
	}
	return ps
}
