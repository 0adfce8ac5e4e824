package assessment_test

import (
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// pgBytes hands out fuzz bytes as small choices; past the end it gives 0.
type pgBytes struct {
	b []byte
	i int
}

func (f *pgBytes) next() int {
	if f.i >= len(f.b) {
		return 0
	}
	f.i++
	return int(f.b[f.i-1])
}

// n returns a value in [0, k).
func (f *pgBytes) n(k int) int { return f.next() % k }

// intp returns nil or a value in [lo, hi] (deliberately allowing values a
// little outside the documented range, so invalid records are exercised
// too).
func (f *pgBytes) intp(lo, hi int) *int {
	if f.n(4) == 0 {
		return nil
	}
	v := lo - 2 + f.n(hi-lo+5)
	return &v
}

func (f *pgBytes) tri() assessment.Tri {
	return []assessment.Tri{"", assessment.TriNo, assessment.TriYes, assessment.TriUnsure, "maybe"}[f.n(5)]
}

// pgFuzzRecord decodes fuzz bytes into a record's fields.
func pgFuzzRecord(f *pgBytes) (*assessment.Record, assessment.ProgrammeOptions) {
	r := pgRecord()
	r.Date = pgDate(2024+f.n(4), 1+f.n(12), 1+f.n(28))
	r.Client.Births = f.n(4)
	r.Client.DeliveryMode = []assessment.DeliveryMode{"", assessment.DeliveryVaginal, assessment.DeliveryAssisted, assessment.DeliveryCaesarean}[f.n(4)]
	switch f.n(3) {
	case 0:
		r.Client.LastDelivery = assessment.Date{}
	case 1:
		r.Client.LastDelivery = r.Date.AddDays(-f.next() * 3)
	}
	switch f.n(3) {
	case 0:
		r.Context = nil
	case 1:
		r.Context.WeeksPostpartum = f.intp(0, 60)
	}
	if f.n(2) == 0 {
		r.RedFlags = &assessment.RedFlags{SaddleAnaesthesia: f.tri(), BladderBowelChange: f.tri(), ProgressiveNeuro: f.tri(), NightPain: f.tri(), AgeOnset: f.tri()}
	}
	switch f.n(4) {
	case 1:
		r.MedicalClearance = &assessment.Clearance{Date: r.Date.AddDays(f.n(30) - 15), By: "Dr A"}
	case 2:
		r.MedicalClearance = &assessment.Clearance{By: " "}
	}
	if m := f.next(); m&1 == 1 {
		r.PelvicFloor = &assessment.PelvicFloor{Leakage: m&2 != 0, Urgency: m&4 != 0, Heaviness: m&8 != 0, BowelControl: m&16 != 0,
			PainWithSex: m&32 != 0, BleedingAfter8Weeks: m&64 != 0, ScarConcern: m&128 != 0}
	}
	if f.n(2) == 0 {
		r.Pain = &assessment.Pain{Now: f.intp(0, 10), WorstWeek: f.intp(0, 10)}
	}
	grade := func() assessment.Grade {
		k := f.n(len(assessment.Grades) + 2)
		if k == len(assessment.Grades) {
			return ""
		}
		if k > len(assessment.Grades) {
			return "6"
		}
		return assessment.Grades[k]
	}
	if f.n(2) == 0 {
		r.Glutes = &assessment.Glutes{Left: &assessment.GluteSide{MaxGrade: grade(), MedGrade: grade()}, Right: &assessment.GluteSide{MaxGrade: grade(), MedGrade: grade()}}
		if f.n(4) == 0 {
			r.Glutes.Right = nil
		}
	}
	if f.n(2) == 0 {
		r.Hinge = &assessment.Hinge{HeadContact: f.n(2) == 0, ThoracicContact: f.n(2) == 0, SacrumContact: f.n(2) == 0, Pain: f.n(8) == 0, Score: f.intp(0, 3)}
		for _, fault := range assessment.HingeFaults {
			if f.n(4) == 0 {
				r.Hinge.Faults = append(r.Hinge.Faults, fault)
			}
		}
	}
	if f.n(2) == 0 {
		site := func() *assessment.DiastasisSite {
			switch f.n(3) {
			case 0:
				return nil
			case 1:
				return &assessment.DiastasisSite{WidthFingers: pgFloat(float64(f.n(15)) / 2), Tension: []string{"", "firm", "moderate", "soft"}[f.n(4)]}
			}
			return &assessment.DiastasisSite{WidthMM: f.intp(0, 60), Tension: []string{"", "firm", "moderate", "soft"}[f.n(4)]}
		}
		r.Diastasis = &assessment.Diastasis{Above: site(), At: site(), Below: site(), Doming: []string{"", "none", "mild", "marked"}[f.n(4)]}
	}
	opts := assessment.ProgrammeOptions{Weeks: f.n(15)}
	if m := f.next(); m%3 == 0 {
		for i, e := range assessment.EquipmentNames {
			if m&(1<<(i%8)) != 0 {
				opts.Equipment = append(opts.Equipment, e)
			}
		}
	}
	return r, opts
}

// FuzzGenerate decodes the fuzz input into a record and options. Generate
// must never panic; an invalid record or option is an EINVALID error; a
// valid one gives a programme that keeps every invariant.
//
//	go test ./assessment/ -run '^$' -fuzz FuzzGenerate -fuzztime 60s
func FuzzGenerate(f *testing.F) {
	for _, seed := range [][]byte{
		{}, {0, 0, 0, 0, 2, 1, 2, 1, 1}, {3, 11, 27, 1, 1, 2, 30, 0, 3, 0, 255, 0, 9, 9, 0, 1, 0, 2, 0, 1, 1, 3, 0, 1, 1, 5, 1, 3, 12, 3},
		[]byte("diastasis soft with doming and a painful hinge"), []byte{0xff, 0xfe, 0x81, 0x7f, 0x00, 0x10, 0x20, 0x40},
	} {
		f.Add(seed)
	}
	lib := pgLib(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		r, opts := pgFuzzRecord(&pgBytes{b: data})
		p, err := assessment.Generate(r, lib, opts)
		if err != nil {
			if assessment.ErrorCode(err) != assessment.EINVALID || assessment.ErrorMessage(err) == "" {
				t.Fatalf("error %v (code %s)", err, assessment.ErrorCode(err))
			}
			if r.Validate() == nil && opts.Weeks >= 0 && (opts.Weeks == 0 || opts.Weeks >= 4 && opts.Weeks <= 12) {
				t.Fatalf("valid record and options refused: %v", err)
			}
			return
		}
		if r.Validate() != nil {
			t.Fatal("Generate accepted an invalid record")
		}
		pgCheckInvariants(t, lib, r, opts, p)
		if _, err := assessment.MarshalProgrammeJSON(p); err != nil {
			t.Fatal(err)
		}
		_ = p.Text()
	})
}
