package postgres_test

import (
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/postgres"
	"github.com/keel-coach/keel/assets"
)

// A session is logged against the issued programme, by the coach who
// logged it; a draft takes none; deleting the client deletes the log, and
// the export log follows the client too.
func TestSessionLogsAndExports(t *testing.T) {
	db := MustOpenDB(t, "Sam")
	lib, err := assessment.ParseLibrary(assets.LibraryJSON)
	if err != nil {
		t.Fatal(err)
	}
	c := newClient(t, db, "Ana Lima")
	r := assessment.NewIntake(c, today.AddDays(-7), "Sam")
	r.Pain = &assessment.Pain{Now: new(int)}
	n := assessment.TriNo
	r.RedFlags = &assessment.RedFlags{SaddleAnaesthesia: n, BladderBowelChange: n, ProgressiveNeuro: n, FeverUnwell: n, UnexplainedWeightLoss: n,
		CancerHistory: n, SignificantTrauma: n, NightPain: n, SteroidsOrOsteoporosis: n, AgeOnset: n}
	if err := postgres.NewRecordService(db).CreateRecord(ctx, r); err != nil {
		t.Fatal(err)
	}
	p, err := assessment.NewProgramme(c, r, lib, assessment.ProgrammeOptions{Weeks: 6, Start: today.AddDays(-6)})
	if err != nil {
		t.Fatal(err)
	}
	progs := postgres.NewProgrammeService(db)
	if err := progs.CreateProgramme(ctx, p); err != nil {
		t.Fatal(err)
	}
	logs := postgres.NewSessionLogService(db)
	l := &assessment.SessionLog{ProgrammeID: p.ID, Date: today, Status: assessment.SessionDone, Pain: 2}
	if err := logs.CreateSessionLog(ctx, l); assessment.ConflictReason(err) != assessment.ReasonNotFollowable {
		t.Fatalf("log on a draft: %v", err)
	}
	p.Status = assessment.StatusIssued
	if err := progs.UpdateProgramme(ctx, p); err != nil {
		t.Fatal(err)
	}
	if err := logs.CreateSessionLog(ctx, l); err != nil {
		t.Fatal(err)
	}
	l.Note = "Felt strong."
	if err := logs.UpdateSessionLog(ctx, l); err != nil {
		t.Fatal(err)
	}
	got, err := logs.FindSessionLogs(ctx, assessment.SessionLogFilter{ClientID: c.ID})
	if err != nil || len(got) != 1 || got[0].Note != "Felt strong." || got[0].ClientID != c.ID {
		t.Fatalf("logs %+v, %v", got, err)
	}
	due, err := postgres.NewDueService(db).FindDueInputs(ctx, today)
	if err != nil || len(due) != 1 || due[0].ProgrammeStart != today.AddDays(-6) || len(due[0].Phases) == 0 {
		t.Fatalf("due %+v, %v", due, err)
	}
	ex := postgres.NewExportLog(db)
	if err := ex.AddExport(ctx, &assessment.ExportedFile{ClientID: c.ID, Path: "ana.pdf", Kind: assessment.ExportKindHandout}); err != nil {
		t.Fatal(err)
	}
	if err := postgres.NewClientService(db).DeleteClient(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := logs.FindSessionLogs(ctx, assessment.SessionLogFilter{}); err != nil || len(got) != 0 {
		t.Fatalf("logs after deleting her: %d, %v", len(got), err)
	}
	if got, err := ex.FindExports(ctx, c.ID); err != nil || len(got) != 0 {
		t.Fatalf("exports after deleting her: %d, %v", len(got), err)
	}
}
