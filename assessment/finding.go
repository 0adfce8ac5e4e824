package assessment

// Finding codes. Interpret turns a Record into Findings with these codes;
// exercises name the codes they answer in Targets, and programme reasons
// cite them. A code is a contract: add new ones, never rename.
const (
	// Safety.
	FindRedFlag         = "red_flag"         // a spinal red flag is yes or unsure
	FindPelvicFloor     = "pelvic_floor"     // a pelvic-floor or postpartum symptom
	FindEarlyPostpartum = "early_postpartum" // under 6 weeks after birth
	FindUnder12Weeks    = "under_12_weeks"   // 6 to 12 weeks after birth
	FindRecentCaesarean = "recent_caesarean" // caesarean under 12 weeks ago
	FindScarConcern     = "scar_concern"     // a caesarean scar concern: early phase only (rule 2)
	FindPainHigh        = "pain_high"        // NPRS now 7 or more
	FindPainModerate    = "pain_moderate"    // NPRS now 4 to 6
	FindPainLow         = "pain_low"         // NPRS now 1 to 3

	// Diastasis (domain.md §1).
	FindDiastasis     = "diastasis"      // gap of 2 finger widths / ~20 mm or more at any site
	FindDiastasisSoft = "diastasis_soft" // soft linea alba tension at any site
	FindDoming        = "doming"         // mild or marked doming on curl-up

	// Pelvis and hip flexors (domain.md §2).
	FindAnteriorTilt    = "anterior_tilt"
	FindPosteriorTilt   = "posterior_tilt"
	FindTiltAsymmetry   = "tilt_asymmetry" // note only, no programme change
	FindShortHipFlexors = "short_hip_flexors"
	FindShortRectus     = "short_rectus_femoris"
	FindTFLTightness    = "tfl_tightness"

	// Glutes (domain.md §3).
	FindGluteMedWeak   = "glute_med_weak"
	FindGluteMaxWeak   = "glute_max_weak"
	FindGluteAsymmetry = "glute_asymmetry" // grades differ by a grade or more

	// Hinge (domain.md §4).
	FindHingePoor        = "hinge_poor"      // score 0 or 1
	FindHingeFair        = "hinge_fair"      // score 2
	FindHingePain        = "hinge_pain"      // score 0: pain on the hinge
	FindHingeSquatting   = "hinge_squatting" // squats the hinge / knees forward
	FindHingeLumbarFlex  = "hinge_lumbar_flexion"
	FindThoracicMobility = "thoracic_mobility" // lost thoracic contact on the dowel

	// Posture and daily load (seed articles; domain.md rule 15).
	FindForwardHead      = "forward_head"
	FindRoundedShoulders = "rounded_shoulders"
	FindKyphosis         = "thoracic_kyphosis"
	FindLongSitting      = "long_sitting"
	FindFrequentLifting  = "frequent_lifting"

	// General: every client gets these foundations.
	FindGeneral = "general"
)

// Severity orders findings: referrals first, then what most shapes the plan.
type Severity int

// Severities, from least to most serious.
const (
	SeverityInfo Severity = iota
	SeverityLow
	SeverityModerateFinding
	SeverityHigh
	SeverityRefer
)

// String is the severity in words.
func (s Severity) String() string {
	switch s {
	case SeverityRefer:
		return "refer"
	case SeverityHigh:
		return "high"
	case SeverityModerateFinding:
		return "moderate"
	case SeverityLow:
		return "low"
	}
	return "info"
}

// Finding is one thing an assessment shows, worded twice: for the coach
// (precise, with the numbers) and for the client (plain, no jargon).
// Evidence is the data it rests on, e.g. "right glute med 3/5 vs left 4+/5".
type Finding struct {
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	Side     string   `json:"side,omitempty"` // SideLeft, SideRight, SideBoth or "" when sideless
	Coach    string   `json:"coach"`
	Client   string   `json:"client"`
	Evidence string   `json:"evidence"`
}

// Interpretation is everything Interpret concludes from one record.
type Interpretation struct {
	Findings []Finding `json:"findings"`
	// ReferralRequired is true whenever a red flag is yes or unsure or any
	// pelvic-floor symptom is present.
	ReferralRequired bool       `json:"referral_required"`
	Referrals        []Referral `json:"referrals,omitempty"`
	// NotTested lists the sections that were not recorded, so no screen
	// reads their absence as "normal".
	NotTested []string `json:"not_tested,omitempty"`
}

// Has reports whether the interpretation holds a finding with code.
func (in *Interpretation) Has(code string) bool {
	for _, f := range in.Findings {
		if f.Code == code {
			return true
		}
	}
	return false
}
