package ui

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
	"github.com/keel-coach/keel/assets"
)

// benchProgressUI is a window on a database holding one client with 50
// assessments a month apart, a generated 12-week programme issued from the
// latest, and 200 logged sessions.
func benchProgressUI(b *testing.B) (*UI, *assessment.Client) {
	b.Helper()
	db, err := sqlite.Open(filepath.Join(b.TempDir(), "keel.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	lib, err := assessment.ParseLibrary(assets.LibraryJSON)
	if err != nil {
		b.Fatal(err)
	}
	svc := Services{Library: lib, Exercises: sqlite.NewExerciseService(db, lib), Profiles: sqlite.NewProfileService(db),
		Clients: sqlite.NewClientService(db), Records: sqlite.NewRecordService(db), Programmes: sqlite.NewProgrammeService(db),
		SessionLogs: sqlite.NewSessionLogService(db), Exports: sqlite.NewExportLog(db), Due: sqlite.NewDueService(db),
		DBPath: db.Path, Now: func() time.Time { return fixedNow }}
	c := &assessment.Client{Name: "Zoë Ólafsdóttir-Łukasiewicz", Births: 1, LastDelivery: today().AddDays(-7 * 230)}
	if err := svc.Clients.CreateClient(ctx(), c); err != nil {
		b.Fatal(err)
	}
	var last *assessment.Record
	for k := range 50 {
		r := &assessment.Record{ClientID: c.ID, Date: today().AddDays(-28 * (49 - k)), Kind: assessment.KindReassessment,
			Context: &assessment.Context{Activities: []assessment.Activity{{Name: "Lifting the car seat", Rating: k % 11}}},
			Pain:    &assessment.Pain{Now: iptr(7 - k%7), WorstWeek: iptr(8 - k%7)},
			Glutes: &assessment.Glutes{Left: &assessment.GluteSide{MaxGrade: "4", MedGrade: assessment.Grades[3+k%6], SingleLegBridgeReps: iptr(8 + k%15)},
				Right: &assessment.GluteSide{MaxGrade: "4-", MedGrade: "4"}},
			Hinge:     &assessment.Hinge{Score: iptr(k % 4)},
			Diastasis: &assessment.Diastasis{Above: &assessment.DiastasisSite{WidthFingers: fptr(float64(6-k%5) / 2)}, Doming: assessment.DomingMild},
		}
		if err := svc.Records.CreateRecord(ctx(), r); err != nil {
			b.Fatal(err)
		}
		last = r
	}
	p, err := assessment.Generate(last, lib, assessment.ProgrammeOptions{Weeks: 12, Start: today().AddDays(-7 * 11)})
	if err != nil {
		b.Fatal(err)
	}
	p.RecordID, p.Status = last.ID, assessment.StatusIssued
	if err := svc.Programmes.CreateProgramme(ctx(), p); err != nil {
		b.Fatal(err)
	}
	for i := range 200 {
		l := &assessment.SessionLog{ProgrammeID: p.ID, Date: today().AddDays(-i * 77 / 200), Status: assessment.SessionDone, Pain: i % 5}
		if err := svc.SessionLogs.CreateSessionLog(ctx(), l); err != nil {
			b.Fatal(err)
		}
	}
	u := New(test.NewTempApp(b), svc)
	u.win.Resize(fyne.NewSize(1100, 720))
	return u, c
}

// BenchmarkTimelineScreen opens the timeline of a client with 50
// assessments, her programme and 200 logged sessions: the queries, the
// timeline, the chart series and every widget. Target: median under 20 ms.
func BenchmarkTimelineScreen(b *testing.B) {
	u, c := benchProgressUI(b)
	var samples []time.Duration
	for b.Loop() {
		start := time.Now()
		s := u.openTimeline(c)
		samples = append(samples, time.Since(start))
		if len(s.items) != 51 {
			b.Fatalf("%d items", len(s.items))
		}
		u.popScreen()
	}
	reportMedian(b, samples)
}

// BenchmarkCompareScreen opens the comparison of her first and latest
// assessments. Target: median under 20 ms.
func BenchmarkCompareScreen(b *testing.B) {
	u, c := benchProgressUI(b)
	var samples []time.Duration
	for b.Loop() {
		start := time.Now()
		s := u.openCompare(c)
		samples = append(samples, time.Since(start))
		if len(s.cmp.Rows) == 0 {
			b.Fatal("no rows")
		}
		u.popScreen()
	}
	reportMedian(b, samples)
}

// BenchmarkSessionScreen opens her session log: 200 sessions, adherence
// and the traffic-light proposal.
func BenchmarkSessionScreen(b *testing.B) {
	u, c := benchProgressUI(b)
	var samples []time.Duration
	for b.Loop() {
		start := time.Now()
		s := u.openSessions(c)
		samples = append(samples, time.Since(start))
		if len(s.logs) != 200 {
			b.Fatalf("%d logs", len(s.logs))
		}
		u.popScreen()
	}
	reportMedian(b, samples)
}
