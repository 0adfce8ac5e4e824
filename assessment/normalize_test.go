package assessment_test

import (
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func TestRecordNormalize(t *testing.T) {
	one, three := 1, 3
	t.Run("EmptySidesAreNotTested", func(t *testing.T) {
		r := &assessment.Record{
			Thomas:    &assessment.Thomas{Left: &assessment.ThomasSide{}, Right: &assessment.ThomasSide{AbductionDrift: true}},
			Glutes:    &assessment.Glutes{Left: &assessment.GluteSide{MedGrade: "3"}, Right: &assessment.GluteSide{}},
			Diastasis: &assessment.Diastasis{Above: &assessment.DiastasisSite{}, At: &assessment.DiastasisSite{Tension: assessment.TensionSoft}},
		}
		r.Normalize()
		if r.Thomas.Left != nil || r.Thomas.Right == nil {
			t.Errorf("thomas = %+v", r.Thomas)
		}
		if r.Glutes.Left == nil || r.Glutes.Right != nil {
			t.Errorf("glutes = %+v", r.Glutes)
		}
		if r.Diastasis.Above != nil || r.Diastasis.At == nil {
			t.Errorf("diastasis = %+v", r.Diastasis)
		}
	})
	t.Run("HingeScoreOverridden", func(t *testing.T) {
		clean := &assessment.Hinge{HeadContact: true, ThoracicContact: true, SacrumContact: true}
		for _, tc := range []struct {
			name  string
			h     assessment.Hinge
			score *int
			want  bool
		}{
			{"NoScore", *clean, nil, false},
			{"AsSuggested", *clean, &three, false},
			{"CoachDisagrees", *clean, &one, true},
		} {
			h := tc.h
			h.Score = tc.score
			r := &assessment.Record{Hinge: &h}
			r.Normalize()
			if got := r.Hinge.ScoreOverridden; got != tc.want {
				t.Errorf("%s: overridden = %v, want %v", tc.name, got, tc.want)
			}
		}
	})
}

// Signs of cauda equina syndrome are an emergency: every referral and the
// client's own sentence say so, not "a routine precaution".
func TestCaudaSignsAreUrgent(t *testing.T) {
	r := &assessment.Record{Date: assessment.NewDate(2026, 11, 20),
		RedFlags: &assessment.RedFlags{SaddleAnaesthesia: assessment.TriUnsure, CancerHistory: assessment.TriYes}}
	in := assessment.Interpret(r)
	urgent := 0
	for _, ref := range in.Referrals {
		if ref.Code == assessment.FindRedFlag && strings.HasPrefix(ref.Reason, "Urgent:") {
			urgent++
		}
	}
	if urgent != 1 {
		t.Fatalf("urgent referrals = %d, want 1 (saddle numbness only): %+v", urgent, in.Referrals)
	}
	for _, f := range in.Findings {
		if f.Code == assessment.FindRedFlag && !strings.Contains(f.Client, "today") {
			t.Fatalf("client sentence for a cauda sign: %q", f.Client)
		}
	}
}
