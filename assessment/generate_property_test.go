package assessment_test

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// pgEstimate re-derives a session's seconds from the library doses with the
// method docs/PROGRAMME.md gives, independently of SessionSeconds.
func pgEstimate(tb testing.TB, lib *assessment.Library, phase string, lines []assessment.Prescription) int {
	total := 0
	seen := map[string]bool{}
	for _, l := range lines {
		e, ok := lib.Get(l.ExerciseID)
		if !ok {
			tb.Fatalf("prescribed exercise %q is not in the library", l.ExerciseID)
		}
		d, ok := e.Dosage[phase]
		if !ok {
			for _, ph := range assessment.PhaseNames {
				if x, ok2 := e.Dosage[ph]; ok2 {
					d = x
					break
				}
			}
		}
		per := 4
		if d.Tempo != "" {
			per = 0
			for _, part := range strings.Split(d.Tempo, "-") {
				n := 0
				for _, c := range part {
					n = n*10 + int(c-'0')
				}
				per += n
			}
		}
		if l.HoldSeconds > 0 {
			per = l.HoldSeconds
		}
		work := l.HoldSeconds
		if l.Reps > 0 {
			work = l.Reps * per
		}
		sides := 1
		if d.PerSide && l.Side == assessment.SideBoth {
			sides = 2
		}
		total += l.Sets * (sides*work + d.RestSeconds)
		if !seen[e.ID] {
			seen[e.ID] = true
			total += 30
		}
	}
	return total
}

// pgCheckInvariants asserts the safety and shape properties every
// generated programme must have.
func pgCheckInvariants(tb testing.TB, lib *assessment.Library, r *assessment.Record, opts assessment.ProgrammeOptions, p *assessment.Programme) {
	tb.Helper()
	v := orCheck(tb, lib, r, p)
	if p.Blocked {
		if len(p.Weeks) != 0 || len(p.Referrals) == 0 {
			tb.Fatalf("blocked programme with %d weeks and %d referrals", len(p.Weeks), len(p.Referrals))
		}
		return
	}
	want := opts.Weeks
	if want == 0 {
		want = assessment.DefaultProgrammeWeeks
	}
	if len(p.Weeks) != want {
		tb.Fatalf("%d weeks, want %d", len(p.Weeks), want)
	}
	for _, w := range p.Weeks {
		if len(w.Days) != 7 {
			tb.Fatalf("week %d has %d days", w.Week, len(w.Days))
		}
		for _, d := range w.Days {
			for _, l := range d.Exercises {
				e, ok := lib.Get(l.ExerciseID)
				if !ok {
					tb.Fatalf("unknown exercise %q", l.ExerciseID)
				}
				if strings.TrimSpace(l.Reason) == "" || len(l.Findings) == 0 {
					tb.Fatalf("week %d %s: %s has no reason", w.Week, d.Day, e.ID)
				}
				if l.Sets < 1 || (l.Reps == 0 && l.HoldSeconds == 0) {
					tb.Fatalf("%s dose %+v", e.ID, l)
				}
				if !slices.Contains([]string{assessment.SideBoth, assessment.SideLeft, assessment.SideRight}, l.Side) {
					tb.Fatalf("%s side %q", e.ID, l.Side)
				}
			}
			if est := pgEstimate(tb, lib, w.Phase, d.Exercises); est > d.Minutes*60 {
				tb.Fatalf("week %d %s: %d s of work does not fit %d min", w.Week, d.Day, est, d.Minutes)
			}
		}
	}
	// Every exercise a gate forbids is listed as excluded, with a reason.
	excl := map[string]string{}
	for _, x := range p.Excluded {
		excl[x.ExerciseID] = x.Reason
	}
	for _, e := range lib.Exercises {
		if rule := v.forbidden(e); rule != "" && excl[e.ID] == "" {
			tb.Fatalf("%s (%s) is forbidden but not listed as excluded", e.ID, rule)
		}
	}
}

// pgPick returns one of xs.
func pgPick[T any](rng *rand.Rand, xs ...T) T { return xs[rng.IntN(len(xs))] }

// pgRandomRecord builds a record with every field drawn from its documented
// range; most come out valid (the caller checks with Validate).
func pgRandomRecord(rng *rand.Rand) *assessment.Record {
	chance := func(p float64) bool { return rng.Float64() < p }
	date := pgDate(2020+rng.IntN(10), 1+rng.IntN(12), 1+rng.IntN(28))
	r := &assessment.Record{Format: assessment.FormatAssessment, Date: date, Kind: pgPick(rng, "", assessment.KindIntake, assessment.KindReassessment)}
	if chance(0.9) {
		c := &assessment.ClientSnapshot{Name: "Client", Births: rng.IntN(4),
			DeliveryMode: pgPick(rng, assessment.DeliveryUnknown, assessment.DeliveryVaginal, assessment.DeliveryAssisted, assessment.DeliveryCaesarean)}
		if c.Births > 0 && chance(0.7) {
			c.LastDelivery = date.AddDays(-rng.IntN(7 * 60))
		}
		r.Client = c
	}
	if chance(0.8) {
		c := &assessment.Context{}
		if chance(0.6) {
			c.WeeksPostpartum = pgInt(pgPick(rng, rng.IntN(6), 6+rng.IntN(6), rng.IntN(200)))
		}
		if chance(0.5) {
			c.SittingHours = pgFloat(float64(rng.IntN(13)))
		}
		c.ChildLifting = pgPick(rng, "", assessment.LiftingRarely, assessment.LiftingDaily, assessment.LiftingManyDaily)
		r.Context = c
	}
	tri := func() assessment.Tri {
		if chance(0.9) {
			return pgPick(rng, assessment.TriNotAsked, assessment.TriNo)
		}
		return pgPick(rng, assessment.TriYes, assessment.TriUnsure)
	}
	if chance(0.5) {
		r.RedFlags = &assessment.RedFlags{SaddleAnaesthesia: tri(), BladderBowelChange: tri(), ProgressiveNeuro: tri(), FeverUnwell: tri(),
			UnexplainedWeightLoss: tri(), CancerHistory: tri(), SignificantTrauma: tri(), NightPain: tri(), SteroidsOrOsteoporosis: tri(), AgeOnset: tri()}
	}
	if chance(0.3) {
		// Up to two weeks either side of the assessment: an older
		// clearance does not cover her answers.
		r.MedicalClearance = &assessment.Clearance{Date: date.AddDays(rng.IntN(30) - 15), By: "Dr Who (GP)"}
	}
	if chance(0.5) {
		b := func() bool { return chance(0.12) }
		r.PelvicFloor = &assessment.PelvicFloor{Leakage: b(), Urgency: b(), Heaviness: b(), BowelControl: b(), PainWithSex: b(), BleedingAfter8Weeks: b(), ScarConcern: b()}
	}
	if chance(0.7) {
		r.Pain = &assessment.Pain{}
		if chance(0.9) {
			r.Pain.Now = pgInt(rng.IntN(11))
		}
		if chance(0.5) {
			r.Pain.WorstWeek = pgInt(rng.IntN(11))
		}
	}
	if chance(0.5) {
		r.PelvicTilt = &assessment.PelvicTilt{Visual: pgPick(rng, "", assessment.TiltAnterior, assessment.TiltNeutral, assessment.TiltPosterior)}
		if chance(0.5) {
			r.PelvicTilt.LeftDeg, r.PelvicTilt.RightDeg = pgFloat(float64(rng.IntN(56)-20)), pgFloat(float64(rng.IntN(56)-20))
		}
	}
	if chance(0.5) {
		side := func() *assessment.ThomasSide {
			return &assessment.ThomasSide{HipAngleDeg: pgFloat(float64(rng.IntN(71) - 30)), KneeAngleDeg: pgFloat(float64(rng.IntN(141))), AbductionDrift: chance(0.2)}
		}
		r.Thomas = &assessment.Thomas{Left: side(), Right: side()}
	}
	grade := func() assessment.Grade {
		if chance(0.15) {
			return ""
		}
		return assessment.Grades[rng.IntN(len(assessment.Grades))]
	}
	if chance(0.7) {
		side := func() *assessment.GluteSide {
			if chance(0.1) {
				return nil
			}
			s := &assessment.GluteSide{MaxGrade: grade(), MedGrade: grade(),
				Trendelenburg:     pgPick(rng, "", assessment.TrendelenburgNegative, assessment.TrendelenburgPositive),
				ProneHipExtension: pgPick(rng, "", assessment.PHEGluteLed, assessment.PHEHamstringDominant, assessment.PHENoGlute)}
			if chance(0.5) {
				s.SingleLegBridgeReps = pgInt(rng.IntN(40))
			}
			if chance(0.5) {
				s.SideLyingAbdScore = pgInt(rng.IntN(4))
			}
			return s
		}
		r.Glutes = &assessment.Glutes{Left: side(), Right: side()}
	}
	if chance(0.7) {
		h := &assessment.Hinge{HeadContact: chance(0.7), ThoracicContact: chance(0.7), SacrumContact: chance(0.7), Pain: chance(0.08)}
		for _, f := range assessment.HingeFaults {
			if chance(0.2) {
				h.Faults = append(h.Faults, f)
			}
		}
		if chance(0.6) {
			h.Score, h.ScoreOverridden = pgInt(rng.IntN(4)), true
		}
		r.Hinge = h
	}
	if chance(0.6) {
		site := func() *assessment.DiastasisSite {
			if chance(0.3) {
				return nil
			}
			s := &assessment.DiastasisSite{Tension: pgPick(rng, "", assessment.TensionFirm, assessment.TensionModerate, assessment.TensionSoft),
				Depth: pgPick(rng, "", assessment.DepthShallow, assessment.DepthModerate, assessment.DepthDeep)}
			if chance(0.5) {
				s.WidthFingers = pgFloat(float64(rng.IntN(13)) / 2)
			} else {
				s.WidthMM = pgInt(rng.IntN(40))
			}
			return s
		}
		r.Diastasis = &assessment.Diastasis{Above: site(), At: site(), Below: site(), Doming: pgPick(rng, "", assessment.DomingNone, assessment.DomingMild, assessment.DomingMarked)}
	}
	if chance(0.5) {
		sev := func() string {
			return pgPick(rng, "", assessment.SeverityNone, assessment.SeverityMild, assessment.SeverityModerate, assessment.SeverityMarked)
		}
		r.Posture = &assessment.Posture{ForwardHead: sev(), RoundedShoulders: sev(), ThoracicKyphosis: sev()}
	}
	return r
}

// pgRandomOptions draws programme options, including equipment lists.
func pgRandomOptions(rng *rand.Rand) assessment.ProgrammeOptions {
	o := assessment.ProgrammeOptions{Weeks: pgPick(rng, 0, 4, 6, 8, 12, rng.IntN(9)+4)}
	if rng.IntN(3) == 0 {
		for _, e := range assessment.EquipmentNames {
			if rng.IntN(2) == 0 {
				o.Equipment = append(o.Equipment, e)
			}
		}
	}
	return o
}

// TestGenerateProperties runs the invariants over at least 10,000 random
// valid records (2,000 with -short), a tenth of them generated twice to
// check determinism.
func TestGenerateProperties(t *testing.T) {
	lib := pgLib(t)
	want := 2000 // TestSafetyOracle runs the 10,000; this one adds determinism
	rng := rand.New(rand.NewPCG(20261121, 4))
	valid, tried, blocked := 0, 0, 0
	for valid < want && tried < 5*want {
		tried++
		r := orRecord(rng)
		if r.Validate() != nil {
			continue
		}
		valid++
		opts := pgRandomOptions(rng)
		p, err := assessment.Generate(r, lib, opts)
		if err != nil {
			t.Fatalf("record %d: %v", tried, err)
		}
		pgCheckInvariants(t, lib, r, opts, p)
		if p.Blocked {
			blocked++
		}
		// Determinism: for every 10th record a second run gives an equal
		// programme, and for every 50th the same JSON bytes (checking all
		// of them would double the test's time, which matters under -race).
		if valid%10 == 0 {
			p2, _ := assessment.Generate(r, lib, opts)
			if !reflect.DeepEqual(p, p2) {
				t.Fatalf("record %d: two runs differ", tried)
			}
			if valid%50 == 0 {
				a, _ := assessment.MarshalProgrammeJSON(p)
				if b, _ := assessment.MarshalProgrammeJSON(p2); !bytes.Equal(a, b) {
					t.Fatalf("record %d: two runs differ as JSON", tried)
				}
			}
		}
	}
	if valid < want {
		t.Fatalf("only %d of %d random records were valid", valid, tried)
	}
	// The generator must see both sides of the most important gate.
	if blocked == 0 || blocked == valid {
		t.Fatalf("%d of %d programmes blocked; the sample does not exercise the red-flag gate", blocked, valid)
	}
	t.Logf("%d valid records of %d drawn, %d blocked", valid, tried, blocked)
}

// TestGenerateGateCombinations runs every combination of the inputs the
// gates read, for a client whose other screens would otherwise reach the
// riskiest exercises in the library.
func TestGenerateGateCombinations(t *testing.T) {
	lib := pgLib(t)
	type edit = func(*assessment.Record)
	flags := []edit{func(*assessment.Record) {}, pgRedFlag(assessment.TriYes), pgRedFlag(assessment.TriUnsure)}
	clearance := []edit{func(*assessment.Record) {}, pgCleared}
	pelvic := []edit{func(*assessment.Record) {},
		func(r *assessment.Record) { r.PelvicFloor = &assessment.PelvicFloor{Leakage: true} },
		func(r *assessment.Record) { r.PelvicFloor = &assessment.PelvicFloor{ScarConcern: true} }}
	postpartum := []edit{
		func(r *assessment.Record) { r.Context = nil; r.Client.LastDelivery = assessment.Date{} },
		func(r *assessment.Record) {
			r.Context = nil
			r.Client.LastDelivery, r.Client.Births = assessment.Date{}, 0
		},
		pgWeeks(3), pgWeeks(8), pgWeeks(30),
		func(r *assessment.Record) { r.Context = nil; r.Client.LastDelivery = r.Date.AddDays(-60) },
	}
	modes := []edit{pgMode(assessment.DeliveryVaginal), pgMode(assessment.DeliveryCaesarean), pgMode(assessment.DeliveryUnknown)}
	diastasis := []edit{func(*assessment.Record) {},
		pgDiastasis(2.5, assessment.TensionFirm, assessment.DomingNone),
		pgDiastasis(2, assessment.TensionSoft, assessment.DomingNone),
		pgDiastasis(1, assessment.TensionFirm, assessment.DomingMild),
		pgDiastasis(1, assessment.TensionModerate, assessment.DomingMarked)}
	pain := []edit{func(*assessment.Record) {}, pgPain(3), pgPain(7)}
	hinge := []edit{func(*assessment.Record) {}, pgHingeScore(0), pgHingeScore(1), pgHingeScore(3)}
	n := 0
	for _, f := range flags {
		for _, c := range clearance {
			for _, pf := range pelvic {
				for _, pp := range postpartum {
					for _, m := range modes {
						for _, d := range diastasis {
							for _, pn := range pain {
								for _, h := range hinge {
									r := pgRecord(pgGrades("5", "5", "5", "5"), f, c, pf, pp, m, d, pn, h)
									if err := r.Validate(); err != nil {
										t.Fatalf("combination %d: %v", n, err)
									}
									opts := assessment.ProgrammeOptions{Weeks: 12}
									p, err := assessment.Generate(r, lib, opts)
									if err != nil {
										t.Fatalf("combination %d: %v", n, err)
									}
									pgCheckInvariants(t, lib, r, opts, p)
									n++
								}
							}
						}
					}
				}
			}
		}
	}
	t.Logf("%d combinations", n)
}
