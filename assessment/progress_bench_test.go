package assessment_test

import (
	"fmt"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// benchHistory is 50 assessments of one client a month apart, every
// section the comparison reads filled and changing.
func benchHistory() []*assessment.Record {
	out := make([]*assessment.Record, 50)
	for i := range out {
		k := i % 8
		out[i] = &assessment.Record{ID: int64(i + 1), Date: progDay(28 * i), Kind: assessment.KindReassessment,
			Context:    &assessment.Context{Activities: []assessment.Activity{{Name: "Lifting the car seat", Rating: k}, {Name: "Running", Rating: 10 - k}}},
			Pain:       &assessment.Pain{Now: ip(8 - k), WorstWeek: ip(9 - k)},
			PelvicTilt: &assessment.PelvicTilt{Visual: assessment.TiltAnterior, LeftDeg: fp(float64(10 + k)), RightDeg: fp(12)},
			Thomas:     &assessment.Thomas{Left: &assessment.ThomasSide{HipAngleDeg: fp(float64(k))}, Right: &assessment.ThomasSide{KneeAngleDeg: fp(70)}},
			Glutes: &assessment.Glutes{
				Left:  &assessment.GluteSide{MaxGrade: assessment.Grades[2+k], MedGrade: "3", SingleLegBridgeReps: ip(8 + k), Trendelenburg: assessment.TrendelenburgPositive},
				Right: &assessment.GluteSide{MaxGrade: "4", MedGrade: assessment.Grades[k], SingleLegBridgeReps: ip(15)}},
			Hinge:     &assessment.Hinge{Score: ip(k % 4), Faults: []string{assessment.HingeLumbarFlexion}},
			Diastasis: &assessment.Diastasis{Above: &assessment.DiastasisSite{WidthFingers: fp(3 - float64(k)/4)}, At: &assessment.DiastasisSite{WidthMM: ip(30 - k)}, Doming: assessment.DomingMild},
			Posture:   &assessment.Posture{ForwardHead: assessment.SeverityMild},
		}
	}
	return out
}

// BenchmarkCompare compares the first and the latest of 50 assessments.
func BenchmarkCompare(b *testing.B) {
	h := benchHistory()
	for b.Loop() {
		c := assessment.Compare(h[0], h[len(h)-1])
		if len(c.Rows) == 0 {
			b.Fatal("no rows")
		}
	}
}

// BenchmarkTrends builds the charts' series over 50 assessments.
func BenchmarkTrends(b *testing.B) {
	h := benchHistory()
	for b.Loop() {
		if len(assessment.Trends(h)) == 0 {
			b.Fatal("no trends")
		}
	}
}

// BenchmarkDueForReassessment decides who is due among 5,000 clients, each
// with a 12-week programme.
func BenchmarkDueForReassessment(b *testing.B) {
	today := progDay(400)
	phases := []assessment.Phase{
		{Name: assessment.PhaseActivation, Title: "Activation and control", FirstWeek: 1, LastWeek: 4},
		{Name: assessment.PhaseStrength, Title: "Strength", FirstWeek: 5, LastWeek: 8},
		{Name: assessment.PhaseIntegration, Title: "Integration", FirstWeek: 9, LastWeek: 12},
	}
	in := make([]assessment.DueInput, 5000)
	for i := range in {
		last := today.AddDays(-(i % 60))
		in[i] = assessment.DueInput{ClientID: int64(i + 1), Name: fmt.Sprintf("Zoë Ólafsdóttir %d", i), LastAssessment: last}
		if i%3 != 0 {
			in[i].ProgrammeStart, in[i].Phases = last.AddDays(3), phases
		}
	}
	for b.Loop() {
		if len(assessment.DueForReassessment(in, today)) == 0 {
			b.Fatal("nobody due")
		}
	}
}
