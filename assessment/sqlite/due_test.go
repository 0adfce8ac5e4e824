package sqlite_test

import (
	"context"
	"reflect"
	"sort"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

func TestDueService_FindDueInputs(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ps := sqlite.NewProgrammeService(db)

	// Ana: two assessments, an issued programme and a newer draft.
	ana := mustClient(t, db, "Ana")
	mustRecord(t, db, ana.ID, today.AddDays(-60))
	r := mustRecord(t, db, ana.ID, today.AddDays(-20))
	issued := sampleProgramme(r.ID)
	issued.Status = assessment.StatusIssued
	if err := ps.CreateProgramme(ctx, issued); err != nil {
		t.Fatal(err)
	}
	draft := sampleProgramme(r.ID)
	draft.Weeks[0].Start = today
	if err := ps.CreateProgramme(ctx, draft); err != nil {
		t.Fatal(err)
	}
	// Bea: an assessment, no programme.
	bea := mustClient(t, db, "Bea")
	mustRecord(t, db, bea.ID, today.AddDays(-10))
	// Eve: last assessed long ago (lapsed), Fay: yesterday (cannot be due
	// within the week). Neither is read.
	eve := mustClient(t, db, "Eve")
	mustRecord(t, db, eve.ID, today.AddDays(-200))
	fay := mustClient(t, db, "Fay")
	mustRecord(t, db, fay.ID, today.AddDays(-1))
	// Cleo: no assessment. Dee: archived.
	mustClient(t, db, "Cleo")
	dee := mustClient(t, db, "Dee")
	mustRecord(t, db, dee.ID, today.AddDays(-50))
	if err := sqlite.NewClientService(db).SetArchived(ctx, dee.ID, true); err != nil {
		t.Fatal(err)
	}

	got, err := sqlite.NewDueService(db).FindDueInputs(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(got, func(i, j int) bool { return got[i].ClientID < got[j].ClientID })
	want := []assessment.DueInput{
		{ClientID: ana.ID, Name: "Ana", LastAssessment: today.AddDays(-20), ProgrammeStart: issued.Weeks[0].Start,
			Phases: []assessment.Phase{{Name: assessment.PhaseActivation, FirstWeek: 1, LastWeek: 2}}},
		{ClientID: bea.ID, Name: "Bea", LastAssessment: today.AddDays(-10)},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("inputs\n%+v\nwant\n%+v", got, want)
	}
}

func TestExportLog(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	c := mustClient(t, db, "Ana")
	l := sqlite.NewExportLog(db)
	for _, p := range []string{"/tmp/Zoë handout.pdf", "/tmp/Zoë measures.csv"} {
		if err := l.AddExport(ctx, &assessment.ExportedFile{ClientID: c.ID, Path: p, Kind: assessment.ExportKindHandout}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := l.FindExports(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Path != "/tmp/Zoë measures.csv" || got[0].ID == 0 || !got[0].CreatedAt.Equal(now) || got[0].ClientID != c.ID {
		t.Fatalf("exports %+v; want two, newest first", got)
	}
	t.Run("ErrNoPath", func(t *testing.T) {
		wantCode(t, l.AddExport(ctx, &assessment.ExportedFile{ClientID: c.ID}), assessment.EINVALID)
		wantCode(t, l.AddExport(ctx, nil), assessment.EINVALID)
	})
	t.Run("ErrNoClient", func(t *testing.T) {
		wantCode(t, l.AddExport(ctx, &assessment.ExportedFile{ClientID: 999, Path: "/tmp/x.pdf"}), assessment.ENOTFOUND)
	})
}
