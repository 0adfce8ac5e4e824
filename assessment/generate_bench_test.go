package assessment_test

import (
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// pgFullRecord has every section recorded, with findings in most of them
// and a cleared red flag, so Generate does all its work.
func pgFullRecord() *assessment.Record {
	return pgRecord(pgWeeks(20), pgMode(assessment.DeliveryCaesarean), pgPain(4), pgHingeScore(1),
		pgGrades("3+", "3", "4", "4+"), pgDiastasis(2.5, assessment.TensionModerate, assessment.DomingMild), pgRedFlag(assessment.TriUnsure), pgCleared,
		func(r *assessment.Record) {
			r.Context.SittingHours = pgFloat(7)
			r.Context.ChildLifting = assessment.LiftingManyDaily
			r.PelvicFloor = &assessment.PelvicFloor{}
			r.Pain.WorstWeek, r.Pain.Sites = pgInt(6), []string{assessment.SiteLowBack, assessment.SiteHip}
			r.PelvicTilt = &assessment.PelvicTilt{Visual: assessment.TiltAnterior, LeftDeg: pgFloat(19), RightDeg: pgFloat(21), Method: assessment.MethodInclinometer}
			r.Thomas = &assessment.Thomas{
				Left:  &assessment.ThomasSide{HipAngleDeg: pgFloat(5), KneeAngleDeg: pgFloat(60), AbductionDrift: true},
				Right: &assessment.ThomasSide{HipAngleDeg: pgFloat(-5), KneeAngleDeg: pgFloat(75)},
			}
			r.Glutes.Left.Trendelenburg, r.Glutes.Right.Trendelenburg = assessment.TrendelenburgPositive, assessment.TrendelenburgNegative
			r.Glutes.Left.SingleLegBridgeReps, r.Glutes.Right.SingleLegBridgeReps = pgInt(12), pgInt(22)
			r.Hinge.Faults = []string{assessment.HingeLumbarFlexion, assessment.HingeSquatting}
			r.Diastasis.Above = &assessment.DiastasisSite{WidthFingers: pgFloat(2), Tension: assessment.TensionSoft, Depth: assessment.DepthModerate}
			r.Posture = &assessment.Posture{ForwardHead: assessment.SeverityMild, RoundedShoulders: assessment.SeverityModerate, ThoracicKyphosis: assessment.SeverityMild}
		})
}

// BenchmarkGenerate measures a full record against the built-in library
// (target: under 0.3 ms, issue 11). Run with:
//
//	go test ./assessment/ -run '^$' -bench BenchmarkGenerate -count=10
func BenchmarkGenerate(b *testing.B) {
	lib := pgLib(b)
	r := pgFullRecord()
	if err := r.Validate(); err != nil {
		b.Fatal(err)
	}
	opts := assessment.ProgrammeOptions{Weeks: 12}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := assessment.Generate(r, lib, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerateJSON adds writing the programme as JSON, the work behind
// `keel programme --json`.
func BenchmarkGenerateJSON(b *testing.B) {
	lib := pgLib(b)
	r := pgFullRecord()
	opts := assessment.ProgrammeOptions{Weeks: 12}
	for b.Loop() {
		p, err := assessment.Generate(r, lib, opts)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := assessment.MarshalProgrammeJSON(p); err != nil {
			b.Fatal(err)
		}
	}
}
