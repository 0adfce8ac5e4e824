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
		wantCode(t, l.AddExport(ctx, &assessment.ExportedFile{ClientID: c.ID, Path: "  "}), assessment.EINVALID)
		wantCode(t, l.AddExport(ctx, nil), assessment.EINVALID)
	})
	t.Run("ErrNoClient", func(t *testing.T) {
		wantCode(t, l.AddExport(ctx, &assessment.ExportedFile{ClientID: 999, Path: "/tmp/x.pdf"}), assessment.ENOTFOUND)
	})
}

// The latest-assessment date the due list reads is kept by triggers: it
// must follow every save, date change and delete.
func TestDueService_LatestAssessmentFollowsEdits(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	rs := sqlite.NewRecordService(db)
	last := func() (assessment.Date, bool) {
		t.Helper()
		in, err := sqlite.NewDueService(db).FindDueInputs(ctx, today)
		if err != nil {
			t.Fatal(err)
		}
		if len(in) == 0 {
			return assessment.Date{}, false
		}
		return in[0].LastAssessment, true
	}
	c := mustClient(t, db, "Gosia")
	old := mustRecord(t, db, c.ID, today.AddDays(-40))
	if got, ok := last(); !ok || got != today.AddDays(-40) {
		t.Fatalf("after first save: %v %v", got, ok)
	}
	newer := mustRecord(t, db, c.ID, today.AddDays(-30))
	if got, _ := last(); got != today.AddDays(-30) {
		t.Fatalf("after a newer save: %v", got)
	}
	old.Date = today.AddDays(-25) // the older one is re-dated past the newer
	if err := rs.UpdateRecord(ctx, old); err != nil {
		t.Fatal(err)
	}
	if got, _ := last(); got != today.AddDays(-25) {
		t.Fatalf("after moving a date: %v", got)
	}
	if err := rs.DeleteRecord(ctx, old.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := last(); got != newer.Date {
		t.Fatalf("after deleting the latest: %v, want %v", got, newer.Date)
	}
	if err := rs.DeleteRecord(ctx, newer.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok := last(); ok {
		t.Fatal("a client with no assessment left is still listed")
	}
}
