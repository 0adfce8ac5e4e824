package sqlite_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

func ptr[T any](v T) *T { return &v }

// sampleRecord is an intake with several sections filled and others left
// nil (not tested), so a round trip shows both survive.
func sampleRecord(clientID int64, date assessment.Date) *assessment.Record {
	return &assessment.Record{
		ClientID: clientID,
		Format:   assessment.FormatAssessment,
		Date:     date,
		Kind:     assessment.KindIntake,
		Coach:    "Sam",
		Client: &assessment.ClientSnapshot{Name: "Zoë", BirthDate: assessment.NewDate(1992, 1, 17), Births: 2,
			LastDelivery: date.AddDays(-7 * 14), DeliveryMode: assessment.DeliveryVaginal},
		Context: &assessment.Context{WeeksPostpartum: ptr(14), Breastfeeding: ptr(false), SittingHours: ptr(6.5),
			ChildLifting: assessment.LiftingManyDaily, Goals: "Carry the car seat without pain",
			Activities: []assessment.Activity{{Name: "Lifting the car seat", Rating: 4}}},
		RedFlags: &assessment.RedFlags{SaddleAnaesthesia: assessment.TriNo, BladderBowelChange: assessment.TriNo, ProgressiveNeuro: assessment.TriNo,
			FeverUnwell: assessment.TriNo, UnexplainedWeightLoss: assessment.TriNo, CancerHistory: assessment.TriNo, SignificantTrauma: assessment.TriNo,
			NightPain: assessment.TriUnsure, SteroidsOrOsteoporosis: assessment.TriNo, AgeOnset: assessment.TriNo},
		// The unsure answer is cleared by her GP on the day, so programmes
		// made from this record may be issued and followed.
		MedicalClearance: &assessment.Clearance{Date: date, By: "Dr Patel (GP)"},
		PelvicFloor:      &assessment.PelvicFloor{Leakage: true},
		Pain:             &assessment.Pain{Now: ptr(3), WorstWeek: ptr(6), Sites: []string{assessment.SiteLowBack}},
		Thomas: &assessment.Thomas{Left: &assessment.ThomasSide{HipAngleDeg: ptr(5.0), KneeAngleDeg: ptr(70.0)},
			Right: &assessment.ThomasSide{HipAngleDeg: ptr(-10.0), KneeAngleDeg: ptr(85.0), AbductionDrift: true}},
		Glutes: &assessment.Glutes{Left: &assessment.GluteSide{MaxGrade: "4-", MedGrade: "3+",
			SingleLegBridgeReps: ptr(9), SideLyingFaults: []string{assessment.FaultHipHike}}},
		Hinge:     &assessment.Hinge{HeadContact: true, Faults: []string{assessment.HingeLumbarFlexion}, Score: ptr(2)},
		Diastasis: &assessment.Diastasis{At: &assessment.DiastasisSite{WidthFingers: ptr(2.5), Tension: assessment.TensionSoft}},
		Notes:     "Tired; baby teething.",
	}
}

func mustClient(tb testing.TB, db *sqlite.DB, name string) *assessment.Client {
	tb.Helper()
	c := newClient(name)
	if err := sqlite.NewClientService(db).CreateClient(context.Background(), c); err != nil {
		tb.Fatal(err)
	}
	return c
}

func mustRecord(tb testing.TB, db *sqlite.DB, clientID int64, date assessment.Date) *assessment.Record {
	tb.Helper()
	r := sampleRecord(clientID, date)
	if err := sqlite.NewRecordService(db).CreateRecord(context.Background(), r); err != nil {
		tb.Fatal(err)
	}
	return r
}

func TestRecordService_CreateRecord(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		c := mustClient(t, db, "Zoë")
		s := sqlite.NewRecordService(db)
		r := sampleRecord(c.ID, today)
		if err := s.CreateRecord(ctx, r); err != nil {
			t.Fatal(err)
		}
		if r.ID == 0 || !r.CreatedAt.Equal(now) {
			t.Fatalf("ID %d, created %v", r.ID, r.CreatedAt)
		}
		got, err := s.FindRecordByID(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, r) {
			t.Fatalf("read back\n%+v\nwant\n%+v", got, r)
		}
		if got.Posture != nil || got.PelvicTilt != nil {
			t.Fatal("a section that was not tested came back filled")
		}
		if got.Thomas.Right.AbductionDrift != true || *got.Thomas.Right.HipAngleDeg != -10 {
			t.Fatalf("Thomas right = %+v", got.Thomas.Right)
		}
	})

	t.Run("FormatFilled", func(t *testing.T) {
		db := MustOpenDB(t)
		c := mustClient(t, db, "Ana")
		r := &assessment.Record{ClientID: c.ID, Date: today}
		if err := sqlite.NewRecordService(db).CreateRecord(ctx, r); err != nil {
			t.Fatal(err)
		}
		if r.Format != assessment.FormatAssessment {
			t.Fatalf("format = %q", r.Format)
		}
	})

	t.Run("ErrClientNotFound", func(t *testing.T) {
		s := sqlite.NewRecordService(MustOpenDB(t))
		err := s.CreateRecord(ctx, sampleRecord(99, today))
		wantCode(t, err, assessment.ENOTFOUND)
		noSQL(t, err)
	})

	t.Run("ErrClientRequired", func(t *testing.T) {
		s := sqlite.NewRecordService(MustOpenDB(t))
		wantCode(t, s.CreateRecord(ctx, sampleRecord(0, today)), assessment.EINVALID)
	})

	t.Run("ErrDateRequired", func(t *testing.T) {
		db := MustOpenDB(t)
		c := mustClient(t, db, "Ana")
		err := sqlite.NewRecordService(db).CreateRecord(ctx, sampleRecord(c.ID, assessment.Date{}))
		wantCode(t, err, assessment.EINVALID)
		if assessment.FieldErrors(err).For("date") == "" {
			t.Fatalf("no date message in %v", err)
		}
	})

	t.Run("ErrNil", func(t *testing.T) {
		s := sqlite.NewRecordService(MustOpenDB(t))
		wantCode(t, s.CreateRecord(ctx, nil), assessment.EINVALID)
		wantCode(t, s.UpdateRecord(ctx, nil), assessment.EINVALID)
	})
}

func TestRecordService_UpdateRecord(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		c := mustClient(t, db, "Zoë")
		r := mustRecord(t, db, c.ID, today.AddDays(-30))
		later := now.Add(time.Hour)
		db.Now = func() time.Time { return later }

		r.PelvicFloor = nil // the coach removes a section
		r.Pain.Now = ptr(1)
		r.Date = today.AddDays(-29)
		s := sqlite.NewRecordService(db)
		if err := s.UpdateRecord(ctx, r); err != nil {
			t.Fatal(err)
		}
		got, err := s.FindRecordByID(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.PelvicFloor != nil || *got.Pain.Now != 1 || got.Date != today.AddDays(-29) {
			t.Fatalf("edit not stored: %+v", got)
		}
		if !got.CreatedAt.Equal(now) || !got.UpdatedAt.Equal(later) {
			t.Fatalf("times %v, %v", got.CreatedAt, got.UpdatedAt)
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		db := MustOpenDB(t)
		r := sampleRecord(1, today)
		r.ID = 5
		wantCode(t, sqlite.NewRecordService(db).UpdateRecord(ctx, r), assessment.ENOTFOUND)
	})

	t.Run("ErrOtherClient", func(t *testing.T) {
		db := MustOpenDB(t)
		a, b := mustClient(t, db, "Ana"), mustClient(t, db, "Bea")
		r := mustRecord(t, db, a.ID, today)
		r.ClientID = b.ID
		wantCode(t, sqlite.NewRecordService(db).UpdateRecord(ctx, r), assessment.EINVALID)
	})
}

func TestRecordService_FindRecords(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	a, b := mustClient(t, db, "Ana"), mustClient(t, db, "Bea")
	// Saved out of date order: a late entry of an older session.
	r2 := mustRecord(t, db, a.ID, today.AddDays(-10))
	r3 := mustRecord(t, db, a.ID, today)
	r1 := mustRecord(t, db, a.ID, today.AddDays(-40))
	r2b := mustRecord(t, db, a.ID, today.AddDays(-10))
	mustRecord(t, db, b.ID, today)

	got, err := sqlite.NewRecordService(db).FindRecords(ctx, assessment.RecordFilter{ClientID: a.ID})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, r := range got {
		ids = append(ids, r.ID)
	}
	if want := []int64{r1.ID, r2.ID, r2b.ID, r3.ID}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("ids = %v, want %v (oldest first)", ids, want)
	}

	t.Run("NoneIsEmpty", func(t *testing.T) {
		got, err := sqlite.NewRecordService(db).FindRecords(ctx, assessment.RecordFilter{ClientID: 999})
		if err != nil || got == nil || len(got) != 0 {
			t.Fatalf("got %v, %v; want an empty list", got, err)
		}
	})
}

func TestRecordService_DeleteRecord(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	c := mustClient(t, db, "Ana")
	r := mustRecord(t, db, c.ID, today)
	keep := mustRecord(t, db, c.ID, today.AddDays(-7))
	p := mustProgramme(t, db, r.ID)
	pKeep := mustProgramme(t, db, keep.ID)

	s := sqlite.NewRecordService(db)
	if err := s.DeleteRecord(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	_, err := s.FindRecordByID(ctx, r.ID)
	wantCode(t, err, assessment.ENOTFOUND)
	ps := sqlite.NewProgrammeService(db)
	_, err = ps.FindProgrammeByID(ctx, p.ID)
	wantCode(t, err, assessment.ENOTFOUND)
	if _, err := ps.FindProgrammeByID(ctx, pKeep.ID); err != nil {
		t.Fatalf("the other assessment's programme went too: %v", err)
	}
	if _, err := s.FindRecordByID(ctx, keep.ID); err != nil {
		t.Fatalf("the other assessment went too: %v", err)
	}

	t.Run("ErrNotFound", func(t *testing.T) {
		wantCode(t, s.DeleteRecord(ctx, r.ID), assessment.ENOTFOUND)
	})
}
