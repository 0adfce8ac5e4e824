package sqlite_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

func sampleProgramme(recordID int64) *assessment.Programme {
	start := assessment.NewDate(2026, 3, 9)
	return &assessment.Programme{
		RecordID: recordID,
		Format:   assessment.FormatProgramme,
		Options:  assessment.ProgrammeOptions{Weeks: 8, Start: start},
		Referrals: []assessment.Referral{{Code: "pelvic_floor", Reason: "Leaking when she coughs.",
			To: "pelvic-health physiotherapist"}},
		Focus:  []assessment.Focus{{Title: "Stronger glutes", Reason: "Your left glute tired quickly."}},
		Phases: []assessment.Phase{{Name: assessment.PhaseActivation, Title: "Wake up", FirstWeek: 1, LastWeek: 2, Aim: "Feel the right muscles."}},
		Weeks: []assessment.Week{{Week: 1, Phase: assessment.PhaseActivation, Start: start, Days: []assessment.Day{
			{Day: "mon", Session: "A", Minutes: 20, Exercises: []assessment.Prescription{{ExerciseID: "glute_bridge",
				Name: "Glute bridge", Sets: 2, Reps: 10, Side: assessment.SideBoth, Reason: "Weak glutes."}}},
			{Day: "tue", Session: "", Exercises: []assessment.Prescription{}},
		}}},
		Excluded: []assessment.Exclusion{{ExerciseID: "jump_squat", Reason: "No impact yet."}},
	}
}

func mustProgramme(tb testing.TB, db *sqlite.DB, recordID int64) *assessment.Programme {
	tb.Helper()
	p := sampleProgramme(recordID)
	if err := sqlite.NewProgrammeService(db).CreateProgramme(context.Background(), p); err != nil {
		tb.Fatal(err)
	}
	return p
}

func TestProgrammeService_CreateProgramme(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		c := mustClient(t, db, "Ana")
		r := mustRecord(t, db, c.ID, today)
		s := sqlite.NewProgrammeService(db)
		p := sampleProgramme(r.ID)
		if err := s.CreateProgramme(ctx, p); err != nil {
			t.Fatal(err)
		}
		if p.ID == 0 || p.Lineage != p.ID || p.Version != 1 || p.ClientID != c.ID || p.Status != assessment.StatusDraft {
			t.Fatalf("stored as id %d lineage %d version %d client %d status %q", p.ID, p.Lineage, p.Version, p.ClientID, p.Status)
		}
		got, err := s.FindProgrammeByID(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, p) {
			t.Fatalf("read back\n%+v\nwant\n%+v", got, p)
		}
	})

	t.Run("NewVersionKeepsOld", func(t *testing.T) {
		db := MustOpenDB(t)
		c := mustClient(t, db, "Ana")
		r := mustRecord(t, db, c.ID, today)
		s := sqlite.NewProgrammeService(db)
		v1 := mustProgramme(t, db, r.ID)
		v1.Status = assessment.StatusIssued
		if err := s.UpdateProgramme(ctx, v1); err != nil {
			t.Fatal(err)
		}
		v2 := sampleProgramme(r.ID)
		v2.Lineage, v2.Status = v1.Lineage, assessment.StatusIssued
		v2.Note = "Swapped the bridge for a clam after week 2."
		if err := s.CreateProgramme(ctx, v2); err != nil {
			t.Fatal(err)
		}
		if v2.Version != 2 || v2.Lineage != v1.ID || v2.ID == v1.ID {
			t.Fatalf("v2: id %d lineage %d version %d", v2.ID, v2.Lineage, v2.Version)
		}
		old, err := s.FindProgrammeByID(ctx, v1.ID)
		if err != nil {
			t.Fatal(err)
		}
		if old.Status != assessment.StatusSuperseded {
			t.Fatalf("v1 status = %q, want superseded", old.Status)
		}
		v3 := sampleProgramme(r.ID)
		v3.Lineage = v1.Lineage
		if err := s.CreateProgramme(ctx, v3); err != nil {
			t.Fatal(err)
		}
		if v3.Version != 3 {
			t.Fatalf("v3 version = %d", v3.Version)
		}

		all, err := s.FindProgrammes(ctx, assessment.ProgrammeFilter{ClientID: c.ID})
		if err != nil {
			t.Fatal(err)
		}
		if got := programmeIDs(all); !reflect.DeepEqual(got, []int64{v3.ID, v2.ID, v1.ID}) {
			t.Fatalf("all versions newest first = %v", got)
		}
		latest, err := s.FindProgrammes(ctx, assessment.ProgrammeFilter{ClientID: c.ID, LatestOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		if got := programmeIDs(latest); !reflect.DeepEqual(got, []int64{v3.ID}) {
			t.Fatalf("latest only = %v, want [%d]", got, v3.ID)
		}
		// v3 is a draft: she keeps v2, the version she was given, until v3
		// is issued.
		if v2s, _ := s.FindProgrammeByID(ctx, v2.ID); v2s.Status != assessment.StatusIssued {
			t.Fatalf("v2 status = %q while v3 is a draft; want issued", v2s.Status)
		}
		v3.Status = assessment.StatusIssued
		if err := s.UpdateProgramme(ctx, v3); err != nil {
			t.Fatal(err)
		}
		if v2s, _ := s.FindProgrammeByID(ctx, v2.ID); v2s.Status != assessment.StatusSuperseded {
			t.Fatalf("v2 status = %q once v3 is issued; want superseded", v2s.Status)
		}
	})

	t.Run("SeveralOverTime", func(t *testing.T) {
		db := MustOpenDB(t)
		c, other := mustClient(t, db, "Ana"), mustClient(t, db, "Bea")
		r1 := mustRecord(t, db, c.ID, today.AddDays(-56))
		r2 := mustRecord(t, db, c.ID, today)
		p1, p2 := mustProgramme(t, db, r1.ID), mustProgramme(t, db, r2.ID)
		mustProgramme(t, db, mustRecord(t, db, other.ID, today).ID)
		s := sqlite.NewProgrammeService(db)
		got, err := s.FindProgrammes(ctx, assessment.ProgrammeFilter{ClientID: c.ID, LatestOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		if ids := programmeIDs(got); !reflect.DeepEqual(ids, []int64{p2.ID, p1.ID}) {
			t.Fatalf("programmes = %v, want [%d %d]", ids, p2.ID, p1.ID)
		}
		byRecord, _ := s.FindProgrammes(ctx, assessment.ProgrammeFilter{RecordID: r1.ID})
		if ids := programmeIDs(byRecord); !reflect.DeepEqual(ids, []int64{p1.ID}) {
			t.Fatalf("by record = %v, want [%d]", ids, p1.ID)
		}
	})

	t.Run("ErrRecordNotFound", func(t *testing.T) {
		err := sqlite.NewProgrammeService(MustOpenDB(t)).CreateProgramme(ctx, sampleProgramme(77))
		wantCode(t, err, assessment.ENOTFOUND)
		noSQL(t, err)
	})

	t.Run("ErrRecordRequired", func(t *testing.T) {
		err := sqlite.NewProgrammeService(MustOpenDB(t)).CreateProgramme(ctx, sampleProgramme(0))
		wantCode(t, err, assessment.EINVALID)
	})

	t.Run("ErrLineageNotFound", func(t *testing.T) {
		db := MustOpenDB(t)
		r := mustRecord(t, db, mustClient(t, db, "Ana").ID, today)
		p := sampleProgramme(r.ID)
		p.Lineage = 1234
		wantCode(t, sqlite.NewProgrammeService(db).CreateProgramme(ctx, p), assessment.ENOTFOUND)
	})

	t.Run("ErrOtherClientsRecord", func(t *testing.T) {
		db := MustOpenDB(t)
		a, b := mustClient(t, db, "Ana"), mustClient(t, db, "Bea")
		p := sampleProgramme(mustRecord(t, db, a.ID, today).ID)
		p.ClientID = b.ID
		wantCode(t, sqlite.NewProgrammeService(db).CreateProgramme(ctx, p), assessment.EINVALID)
	})

	t.Run("ErrLineageOfOtherClient", func(t *testing.T) {
		db := MustOpenDB(t)
		a, b := mustClient(t, db, "Ana"), mustClient(t, db, "Bea")
		pa := mustProgramme(t, db, mustRecord(t, db, a.ID, today).ID)
		p := sampleProgramme(mustRecord(t, db, b.ID, today).ID)
		p.Lineage = pa.Lineage
		wantCode(t, sqlite.NewProgrammeService(db).CreateProgramme(ctx, p), assessment.EINVALID)
	})

	t.Run("ErrStatus", func(t *testing.T) {
		db := MustOpenDB(t)
		p := sampleProgramme(mustRecord(t, db, mustClient(t, db, "Ana").ID, today).ID)
		p.Status = "finished"
		wantCode(t, sqlite.NewProgrammeService(db).CreateProgramme(ctx, p), assessment.EINVALID)
	})
}

func programmeIDs(ps []*assessment.Programme) []int64 {
	out := []int64{}
	for _, p := range ps {
		out = append(out, p.ID)
	}
	return out
}

func TestProgrammeService_UpdateProgramme(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		r := mustRecord(t, db, mustClient(t, db, "Ana").ID, today)
		p := mustProgramme(t, db, r.ID)
		s := sqlite.NewProgrammeService(db)
		p.Weeks[0].Days[0].Exercises[0].Sets = 3
		p.Status = assessment.StatusIssued
		p.Version = 9 // ignored: a version number is fixed once stored
		if err := s.UpdateProgramme(ctx, p); err != nil {
			t.Fatal(err)
		}
		got, err := s.FindProgrammeByID(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Weeks[0].Days[0].Exercises[0].Sets != 3 || got.Status != assessment.StatusIssued || got.Version != 1 {
			t.Fatalf("stored %+v", got)
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		p := sampleProgramme(1)
		p.ID = 3
		wantCode(t, sqlite.NewProgrammeService(MustOpenDB(t)).UpdateProgramme(ctx, p), assessment.ENOTFOUND)
	})
}

func TestProgrammeService_DeleteProgramme(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	r := mustRecord(t, db, mustClient(t, db, "Ana").ID, today)
	v1 := mustProgramme(t, db, r.ID)
	v2 := sampleProgramme(r.ID)
	v2.Lineage = v1.Lineage
	s := sqlite.NewProgrammeService(db)
	if err := s.CreateProgramme(ctx, v2); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteProgramme(ctx, v2.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FindProgrammeByID(ctx, v1.ID); err != nil {
		t.Fatalf("deleting v2 removed v1: %v", err)
	}
	// A further version continues the lineage after the deleted one.
	v3 := sampleProgramme(r.ID)
	v3.Lineage = v1.Lineage
	if err := s.CreateProgramme(ctx, v3); err != nil {
		t.Fatal(err)
	}
	if v3.Version != 2 {
		t.Fatalf("next version after deleting v2 = %d, want 2", v3.Version)
	}
	t.Run("ErrNotFound", func(t *testing.T) {
		wantCode(t, s.DeleteProgramme(ctx, v2.ID), assessment.ENOTFOUND)
	})
}
