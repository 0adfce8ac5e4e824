package assessment

// Normalize puts a record in the one shape Keel stores, whatever wrote it
// (the form, an imported file): a side or site with nothing recorded is nil
// (not tested, never "normal"), and the hinge's ScoreOverridden says
// whether the coach's score differs from the one Keel suggests.
func (r *Record) Normalize() {
	if r == nil {
		return
	}
	if t := r.Thomas; t != nil {
		for _, p := range []**ThomasSide{&t.Left, &t.Right} {
			if s := *p; s != nil && s.HipAngleDeg == nil && s.KneeAngleDeg == nil && !s.AbductionDrift {
				*p = nil
			}
		}
	}
	if g := r.Glutes; g != nil {
		for _, p := range []**GluteSide{&g.Left, &g.Right} {
			if s := *p; s != nil && s.MaxGrade == "" && s.MedGrade == "" && s.SingleLegBridgeReps == nil && s.Trendelenburg == "" &&
				s.ProneHipExtension == "" && s.SideLyingAbdScore == nil && len(s.SideLyingFaults) == 0 {
				*p = nil
			}
		}
	}
	if d := r.Diastasis; d != nil {
		for _, p := range []**DiastasisSite{&d.Above, &d.At, &d.Below} {
			if s := *p; s != nil && s.WidthFingers == nil && s.WidthMM == nil && s.Depth == "" && s.Tension == "" {
				*p = nil
			}
		}
	}
	if h := r.Hinge; h != nil {
		h.ScoreOverridden = h.Score != nil && *h.Score != SuggestHingeScore(h)
	}
}
