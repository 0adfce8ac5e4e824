package assessment

// Thresholds used by Interpret and Record.Validate. Every number a rule
// compares against lives here, with its source: a domain.md reference such
// as [73], or (H) for a heuristic default that no source gives directly.
// Change a number here and every rule that uses it follows.

// Time since birth (domain.md §6, "Suggested rules" 2 and 4).
const (
	// EarlyPostpartumWeeks: under this many weeks after birth only the early
	// phase is safe (breathing, pelvic floor, walking, gentle mobility) [70].
	EarlyPostpartumWeeks = 6
	// CaesareanHealingWeeks: a caesarean wound needs about this long to heal
	// before high-effort work [70].
	CaesareanHealingWeeks = 12
	// ImpactReadyWeeks: no running or impact before 3 months (13 weeks is
	// three months; 12 whole weeks is the conventional cut) [64][65].
	ImpactReadyWeeks = 12
	// WeeksPostpartumAgreeWeeks: the coach's figure for weeks postpartum
	// and the one counted from the delivery date may differ by this much
	// without comment (H): whole weeks counted from a date and a figure
	// rounded in conversation easily differ by one. A bigger gap is shown
	// in the evidence so the coach checks which is right.
	WeeksPostpartumAgreeWeeks = 1
	// MaxWeeksPostpartum bounds the context field (domain.md "Suggested data
	// model": 0–520, ten years).
	MaxWeeksPostpartum = 520
)

// Pain on the 0–10 numeric rating scale (domain.md §7).
const (
	// MaxNPRS is the top of the numeric pain rating scale [73].
	MaxNPRS = 10
	// PainStopMin: pain of 6 or more is high, the one threshold for the
	// assessment (the pain gate, the pain_high finding, persistent pain when
	// pain now and the worst week both reach it) and for the session
	// traffic light (stop and regress) [84], rule 13.
	PainStopMin = 6
	// PainModerateMin: 4 or more is moderate, the start of "caution" in the
	// traffic-light scheme [84].
	PainModerateMin = 4
	// PainLowMin: any pain at all (1–3, "acceptable" in [84]) is recorded
	// as low, so a coach can follow it.
	PainLowMin = 1
)

// Diastasis recti (domain.md §1, "Suggested rules" 5).
const (
	// DiastasisFingersMin: a gap of 2 finger widths or more at any site is a
	// diastasis, the palpation cut-off of Sperstad 2016 and Gluppe 2018
	// [3][19].
	DiastasisFingersMin = 2.0
	// DiastasisAboveMMOver: above the navel, a gap of more than 22 mm is
	// wider than normal (Beer 2009, 90th percentile 3 cm above the navel
	// [2]). Keel uses it at the navel too, where no normal width is
	// published (H).
	DiastasisAboveMMOver = 22
	// DiastasisBelowMMOver: below the navel, more than 16 mm is wider than
	// normal ([2], 2 cm below; Mota's ultrasound definition [4]).
	DiastasisBelowMMOver = 16
	// MMPerFingerWidth converts finger widths to millimetres for display
	// and comparison only (H): finger size varies [14] and domain.md §1
	// puts 2 fingers at 20–25 mm, so 10 mm a finger is the low end. A rule
	// always tests the unit the coach measured in.
	MMPerFingerWidth = 10.0
	// MaxWidthFingers and MaxWidthMM bound a recorded gap (domain.md
	// "Suggested data model": 0–6 finger widths in steps of 0.5, 0–150 mm).
	MaxWidthFingers  = 6.0
	WidthFingersStep = 0.5
	MaxWidthMM       = 150
)

// Pelvic tilt and the modified Thomas test (domain.md §2, "Suggested
// rules" 7–9).
const (
	// AnteriorTiltAngleOver: a measured tilt above 18° counts as anterior
	// tilt even without a Thomas finding (H): the cadaver ASIS–PSIS mean of
	// 13° plus one SD of 5° [24]. Below it, anterior tilt is normal in 75–85%
	// of people without pain [25], so Keel never flags on the angle alone
	// under this value.
	AnteriorTiltAngleOver = 18.0
	// PosteriorTiltAngleUnder: a measured tilt below 0° (ASIS behind PSIS)
	// is posterior (H): the lowest ASIS–PSIS angle in the cadaver series was
	// 0° [24].
	PosteriorTiltAngleUnder = 0.0
	// TiltAsymmetryOver: a left–right difference above 4° is noted as a
	// possible asymmetry; anything smaller is within measurement error (SEM
	// 1.1–3.6°) [26], and even larger gaps can be bony shape [24].
	TiltAsymmetryOver = 4.0
	// MinTiltDeg and MaxTiltDeg bound a recorded tilt angle, + = anterior
	// (domain.md "Suggested data model": −20..35).
	MinTiltDeg = -20.0
	MaxTiltDeg = 35.0
	// ThomasHipAngleOver: a thigh resting above horizontal (hip angle > 0°)
	// means short one-joint hip flexors (iliopsoas) [29].
	ThomasHipAngleOver = 0.0
	// ThomasKneeAngleUnder: a knee bent less than 67° means short two-joint
	// hip flexors (rectus femoris) [29].
	ThomasKneeAngleUnder = 67.0
	// Ranges of the Thomas angles (domain.md "Suggested data model").
	MinThomasHipDeg  = -30.0
	MaxThomasHipDeg  = 40.0
	MinThomasKneeDeg = 0.0
	MaxThomasKneeDeg = 140.0
)

// Glutes (domain.md §3, "Suggested rules" 10 and 11).
const (
	// GluteWeakMaxGrade: a manual muscle test grade of 3+ or lower is weak
	// for glute med and glute max (rule 10 and 11: MMT ≤ 3+) [33][34b].
	GluteWeakMaxGrade Grade = "3+"
	// SideLyingAbdWeakMin: a side-lying abduction score of 2 or more (loss
	// of pelvic control, 0–3 scale) counts as glute med weakness [39].
	SideLyingAbdWeakMin = 2
	// MaxSideLyingAbdScore is the top of the 0–3 scale [39].
	MaxSideLyingAbdScore = 3
	// BridgeRepsMin: fewer than 20 single-leg bridges is poor [41], and 20 a
	// side is the postnatal return-to-running benchmark [46].
	BridgeRepsMin = 20
	// BridgeGapOver: a side doing more than 15% fewer single-leg bridges
	// than the other has a glute max deficit (H).
	BridgeGapOver = 0.15
	// MaxBridgeReps bounds the recorded reps (domain.md "Suggested data
	// model": 0–100).
	MaxBridgeReps = 100
	// GluteAsymmetryGrades: left and right grades of the same muscle that
	// differ by one whole grade or more (3 → 4, 3+ → 4+, 2 → 3) are
	// asymmetric (H). Measured on Grade.Value, so a + or − step is a third
	// of a grade and 4- against 4+ (two thirds) is not asymmetric.
	GluteAsymmetryGrades = 1.0
	// GluteNerveGradeMax: a grade of 1 or 0 (a flicker or nothing) is major
	// motor weakness, a possible nerve problem that is referred before
	// training (domain.md §6 [61][62]).
	GluteNerveGradeMax = 1.0
)

// Hip hinge (domain.md §4 and §5, "Suggested rules" 12 and 13).
const (
	// Hinge scores on the generic 0–3 scale modelled on FMS scoring [54][55]:
	// 0 pain, 1 cannot or three or more faults, 2 completes with one or two
	// faults, 3 clean.
	HingeScorePain  = 0
	HingeScorePoor  = 1
	HingeScoreFair  = 2
	HingeScoreClean = 3
	// HingePoorFaultsMin: three or more faults make the hinge poor
	// (domain.md "Suggested data model": 1 = cannot or ≥3 faults).
	HingePoorFaultsMin = 3
)

// Daily load (seed articles; domain.md §1 [3]).
const (
	// LongSittingHours: sitting 6 hours a day or more is flagged as long
	// sitting (H): the seed articles name sitting as a common cause of
	// postpartum back pain without giving a number.
	LongSittingHours = 6.0
	// MaxSittingHours bounds the field: a day has 24 hours.
	MaxSittingHours = 24.0
	// FrequentLifting: lifting or carrying a child many times a day is
	// flagged; heavy lifting 20 or more times a week doubles the odds of a
	// diastasis (OR 2.18) [3], and "many times a day" is well above that.
	FrequentLifting = LiftingManyDaily
)

// Posture (domain.md "Suggested rules" 15).
const (
	// PostureFlagMin is the lowest rating that produces a posture finding
	// (H). Rule 15 gives no threshold; its exercises (rows, pull-aparts,
	// chest and thoracic mobility) are low-risk, so even mild is worth
	// answering.
	PostureFlagMin = SeverityMild
)

// Context ratings (patient-specific functional scale, 0–10).
const (
	// MaxActivityRating is the top of the 0–10 activity rating.
	MaxActivityRating = 10
)

// Reassessment deltas: when a change between two assessments is more than
// noise (domain.md §7 and its "Reassessment deltas"). Compare marks a row
// meaningful from these.
const (
	// NPRSChangePoints: a change of 2 points or more on the 0–10 pain scale
	// is clinically meaningful in low back pain (MDC 2, MCID 1.5–2.2) [73],
	// and 2 is the consensus minimal important change [74].
	NPRSChangePoints = 2
	// NPRSChangeFraction: an improvement of 30% or more from the earlier
	// score also counts [74]. It applies to improvements only: 30% of a low
	// score is under a point, too little to call a flare.
	NPRSChangeFraction = 0.30
	// DiastasisChangeFingers: a gap change of one finger width or more (H):
	// finger size varies [14], so half a finger is within palpation error.
	DiastasisChangeFingers = 1.0
	// DiastasisChangeMM: a gap change of 10 mm or more in millimetre
	// measurements, the low end of the ultrasound MDC of 0.64–1.97 cm at the
	// sites above and below the navel [8].
	DiastasisChangeMM = 10
	// TiltChangeOverDeg: a tilt change above 4° is more than measurement
	// error (SEM 1.1–3.6°; changes under about 4° are noise) [26].
	TiltChangeOverDeg = 4.0
	// ThomasChangeOverDeg: a Thomas-test angle change above 5° (H): no
	// source gives a measurement error for these angles; 5° is just above
	// the 4° treated as noise for goniometric tilt [26].
	ThomasChangeOverDeg = 5.0
	// GluteGradeChangeSteps: any change of grade, a + or − step included,
	// is reported as meaningful (issue 6: "glute grade change"). The grade is
	// the coach's judgement of the whole test [33][34b], so a step is the
	// smallest change she chose to record.
	GluteGradeChangeSteps = 1
	// BridgeChangeReps: 5 more or fewer single-leg bridges (H): about the
	// distance between the poor (<20), average (~25) and good (>30) bands of
	// the Freckleton protocol [41].
	BridgeChangeReps = 5
	// ActivityChangePoints: 2 points on her own 0–10 activity rating (H),
	// the same size as a meaningful change on the 0–10 pain scale [73].
	ActivityChangePoints = 2
)

// Reassessment timing (domain.md §5 and §8: reassess every 4–6 weeks [90];
// phases change at reassessment, "Suggested rules" 14 [87][89][90]).
const (
	// ReassessMinWeeks and ReassessMaxWeeks bound the interval between
	// assessments [90]. With no phase ending sooner, a client is due 4 weeks
	// after her latest assessment and overdue after 6.
	ReassessMinWeeks = 4
	ReassessMaxWeeks = 6
	// ReassessMinGapDays: a phase that ends within 14 days of her latest
	// assessment is not a reason to assess again (H): the coach has just
	// seen her.
	ReassessMinGapDays = 14
	// DueLookaheadDays: the home screen lists clients due within the next
	// 7 days as well as those already due, so the coach can book them (H).
	DueLookaheadDays = 7
	// DueLapsedDays: a client overdue by more than 12 weeks has most likely
	// stopped coming, and is no longer listed as due (H); the coach archives
	// her or reassesses her when she returns.
	DueLapsedDays = 84
)

// Pain during a session: the traffic light (domain.md §7 [84], "Suggested
// rules" 13 and 14).
const (
	// SessionPainAmberMin: pain of 4–5 during a session means hold the
	// progression (caution) [84].
	SessionPainAmberMin = 4
	// PersistentRedSessions: red in this many logged sessions in a row is
	// "persistent" pain of 6 or more, which means a referral (rule 13;
	// two sessions is (H)).
	PersistentRedSessions = 2
	// GreenSessionsToProgress: progress only after this many green sessions
	// in a row (rule 14, (H): 2 sessions).
	GreenSessionsToProgress = 2
	// PartialSessionCredit: a partly done session counts as half a session
	// towards adherence (H).
	PartialSessionCredit = 0.5
	// RegressDoseFraction: when an exercise has no easier variation, a
	// regression cuts its reps or hold to two thirds (H), and a set when it
	// has more than one.
	RegressDoseFraction = 2.0 / 3
)
