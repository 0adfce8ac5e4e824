// Package storetest is the contract every Keel store keeps, written against
// the domain's interfaces only: what a coach relies on whichever store holds
// her data (the SQLite file today, a shared studio store later). A store's
// own tests call Run with a function that opens a fresh, empty store; each
// check gets its own.
//
// Checks that depend on how a store is built (SQL triggers, migrations,
// pragmas, crash safety) stay with that store.
package storetest

import (
	"context"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// Stores is one store's services, all over the same data.
type Stores struct {
	Clients    assessment.ClientService
	Records    assessment.RecordService
	Programmes assessment.ProgrammeService
	Exercises  assessment.ExerciseService
	Profiles   assessment.ProfileService
	Due        assessment.DueService
	// Templates, when set, are checked too (testTemplates).
	Templates assessment.TemplateService
	// SessionLogs may be nil for a store that keeps none yet: its checks
	// are skipped.
	SessionLogs assessment.SessionLogService
	// Library is the built-in library the exercise store was given.
	Library *assessment.Library
	// Today is the day the store's clock reads.
	Today assessment.Date
}

// Run checks the contract on stores made by open, one fresh store per
// check.
func Run(t *testing.T, open func(t *testing.T) Stores) {
	t.Run("Clients", func(t *testing.T) { testClients(t, open) })
	t.Run("Records", func(t *testing.T) { testRecords(t, open) })
	t.Run("Programmes", func(t *testing.T) { testProgrammes(t, open) })
	t.Run("IssuedProgramme", func(t *testing.T) { testIssued(t, open) })
	t.Run("OlderVersion", func(t *testing.T) { testOlderVersion(t, open) })
	t.Run("StaleVersion", func(t *testing.T) { testStaleVersion(t, open) })
	t.Run("CurrentProgramme", func(t *testing.T) { testCurrent(t, open) })
	t.Run("Exercises", func(t *testing.T) { testExercises(t, open) })
	t.Run("Profile", func(t *testing.T) { testProfile(t, open) })
	t.Run("SessionLogs", func(t *testing.T) { testSessionLogs(t, open) })
	t.Run("Due", func(t *testing.T) { testDue(t, open) })
	t.Run("Templates", func(t *testing.T) { testTemplates(t, open) })
}

var ctx = context.Background()

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := assessment.ErrorCode(err); got != code {
		t.Fatalf("error %v has code %q; want %q", err, got, code)
	}
}

func wantReason(t *testing.T, err error, reason string) {
	t.Helper()
	if got := assessment.ConflictReason(err); got != reason {
		t.Fatalf("error %v has conflict reason %q; want %q", err, got, reason)
	}
}

func mustClient(t *testing.T, s Stores, name string) *assessment.Client {
	t.Helper()
	c := &assessment.Client{Name: name, Births: 1, LastDelivery: s.Today.AddDays(-7 * 20)}
	if err := s.Clients.CreateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	return c
}

// mustRecord stores an intake of c on day d with the red-flag screen
// answered no throughout (flagged: but night pain unsure, with no
// clearance, so it blocks every programme).
func mustRecord(t *testing.T, s Stores, c *assessment.Client, d assessment.Date, flagged bool) *assessment.Record {
	t.Helper()
	r := assessment.NewIntake(c, d, "Sam")
	r.Pain = &assessment.Pain{Now: new(int)}
	n := assessment.TriNo
	r.RedFlags = &assessment.RedFlags{SaddleAnaesthesia: n, BladderBowelChange: n, ProgressiveNeuro: n, FeverUnwell: n, UnexplainedWeightLoss: n,
		CancerHistory: n, SignificantTrauma: n, NightPain: n, SteroidsOrOsteoporosis: n, AgeOnset: n}
	if flagged {
		r.RedFlags.NightPain = assessment.TriUnsure
	}
	if err := s.Records.CreateRecord(ctx, r); err != nil {
		t.Fatal(err)
	}
	return r
}

func mustProgramme(t *testing.T, s Stores, c *assessment.Client, r *assessment.Record, start assessment.Date) *assessment.Programme {
	t.Helper()
	p, err := assessment.NewProgramme(c, r, s.Library, assessment.ProgrammeOptions{Weeks: 6, Start: start})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Programmes.CreateProgramme(ctx, p); err != nil {
		t.Fatal(err)
	}
	return p
}
