package assessment

import (
	"context"
	"encoding/json"
	"strings"
	"time"
)

// FormatAssessment is the "format" value of the JSON form of a Record.
const FormatAssessment = "keel.assessment/1"

// Record is one assessment session: what the coach found when she saw the
// client on one day. Every section is optional; a nil section means "not
// tested" and is never read as "normal". An intake and a reassessment have
// the same shape.
//
// The JSON form (docs/FORMAT.md) is a contract: keys may be added, never
// renamed.
type Record struct {
	ID       int64  `json:"id,omitempty"`
	ClientID int64  `json:"client_id,omitempty"`
	Format   string `json:"format"`
	Date     Date   `json:"date"`
	Kind     string `json:"kind,omitempty"` // KindIntake or KindReassessment
	Coach    string `json:"coach,omitempty"`

	// Client is a snapshot of the client's details on the day, so that a file
	// stands on its own (the programme and handout commands read it alone).
	Client *ClientSnapshot `json:"client,omitempty"`

	Context          *Context   `json:"context,omitempty"`
	RedFlags         *RedFlags  `json:"red_flags,omitempty"`
	MedicalClearance *Clearance `json:"medical_clearance,omitempty"`
	// GPGoAhead is the GP's go-ahead for exercise beyond walking and the
	// pelvic floor after a caesarean (domain.md §6 [70]), with its date and
	// who gave it. Until it is recorded, a caesarean under 12 weeks ago
	// keeps the plan in the early window.
	GPGoAhead   *Clearance   `json:"gp_go_ahead,omitempty"`
	PelvicFloor *PelvicFloor `json:"pelvic_floor,omitempty"`
	Pain        *Pain        `json:"pain,omitempty"`
	PelvicTilt  *PelvicTilt  `json:"pelvic_tilt,omitempty"`
	Thomas      *Thomas      `json:"thomas,omitempty"`
	Glutes      *Glutes      `json:"glutes,omitempty"`
	Hinge       *Hinge       `json:"hinge,omitempty"`
	Diastasis   *Diastasis   `json:"diastasis,omitempty"`
	Posture     *Posture     `json:"posture,omitempty"`
	Notes       string       `json:"notes,omitempty"`

	// CarriedOver lists the sections copied from an earlier assessment that
	// the coach has not yet confirmed (reassessment prefill).
	CarriedOver []string `json:"carried_over,omitempty"`

	CreatedAt time.Time `json:"created_at,omitzero"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
	// Saved says who saved this assessment and checks a save against the
	// stored copy (studio.go); it is not part of the assessment file.
	Saved
}

// Record kinds.
const (
	KindIntake       = "intake"
	KindReassessment = "reassessment"
)

// ClientSnapshot is the part of a Client an assessment file carries.
type ClientSnapshot struct {
	Name      string `json:"name"`
	BirthDate Date   `json:"birth_date"`
	Births    int    `json:"births"`
	// BirthsUnknown says the number of births was not recorded (a file
	// without the key, or a form left blank). Only births recorded as 0
	// means "not postpartum"; unknown is treated as the strictest case.
	BirthsUnknown bool         `json:"births_unknown,omitempty"`
	LastDelivery  Date         `json:"last_delivery_date"`
	DeliveryMode  DeliveryMode `json:"delivery_mode,omitempty"`
}

// Context is the client's situation: how far postpartum, feeding, daily
// load, and what she wants to get back to.
type Context struct {
	// Pregnant is the answer to "is she pregnant now?"; nil when not asked.
	// Keel's plans are for after birth, so yes means no programme.
	Pregnant        *bool    `json:"pregnant,omitempty"`
	WeeksPostpartum *int     `json:"weeks_postpartum,omitempty"` // 0–520
	Breastfeeding   *bool    `json:"breastfeeding,omitempty"`
	SittingHours    *float64 `json:"sitting_hours,omitempty"` // 0–24 a day
	ChildLifting    string   `json:"child_lifting,omitempty"` // LiftingRarely...
	CurrentActivity string   `json:"current_activity,omitempty"`
	Goals           string   `json:"goals,omitempty"`
	// Activities are up to three things that matter to her, each rated 0–10
	// for how well she can do them now (patient-specific functional scale).
	Activities []Activity `json:"activities,omitempty"`
}

// How often the client lifts or carries a child.
const (
	LiftingRarely    = "rarely"
	LiftingDaily     = "daily"
	LiftingManyDaily = "many_times_daily"
)

// Activity is one activity that matters to the client and her 0–10 rating
// of how well she can do it now (10 = as well as before).
type Activity struct {
	Name   string `json:"name"`
	Rating int    `json:"rating"`
}

// MaxActivities is how many activities a record keeps.
const MaxActivities = 3

// Tri is a screening answer: no, yes or unsure. Empty means not asked.
type Tri string

// Screening answers.
const (
	TriNotAsked Tri = ""
	TriNo       Tri = "no"
	TriYes      Tri = "yes"
	TriUnsure   Tri = "unsure"
)

// Raised reports whether the answer counts as a flag. Unsure counts as yes
// (domain.md "Suggested rules" 1, heuristic: when in doubt, refer).
func (t Tri) Raised() bool { return t == TriYes || t == TriUnsure }

// RedFlags are the spinal red-flag screening questions (domain.md §6,
// AHCPR [61], IFOMPT [63]). Any yes or unsure means "refer before exercise".
type RedFlags struct {
	SaddleAnaesthesia      Tri `json:"saddle_anaesthesia,omitempty"`
	BladderBowelChange     Tri `json:"bladder_bowel_change,omitempty"`
	ProgressiveNeuro       Tri `json:"progressive_neuro,omitempty"`
	FeverUnwell            Tri `json:"fever_unwell,omitempty"`
	UnexplainedWeightLoss  Tri `json:"unexplained_weight_loss,omitempty"`
	CancerHistory          Tri `json:"cancer_history,omitempty"`
	SignificantTrauma      Tri `json:"significant_trauma,omitempty"`
	NightPain              Tri `json:"night_pain,omitempty"`
	SteroidsOrOsteoporosis Tri `json:"steroids_or_osteoporosis,omitempty"`
	AgeOnset               Tri `json:"age_onset,omitempty"`
}

// PelvicFloor holds the postpartum and pelvic-floor symptoms (domain.md §6
// [64][68][71]). Any one of them means a referral to a pelvic-health
// physiotherapist and no impact work.
type PelvicFloor struct {
	Leakage             bool `json:"leakage"`
	Urgency             bool `json:"urgency"`
	Heaviness           bool `json:"heaviness"`
	BowelControl        bool `json:"bowel_control"`
	PainWithSex         bool `json:"pain_with_sex"`
	BleedingAfter8Weeks bool `json:"bleeding_after_8_weeks"`
	ScarConcern         bool `json:"scar_concern"`
}

// Pain is the client's pain on the numeric rating scale (NPRS 0–10).
type Pain struct {
	Now         *int     `json:"now,omitempty"`
	WorstWeek   *int     `json:"worst_week,omitempty"`
	Sites       []string `json:"sites,omitempty"` // PainSite values
	Aggravators string   `json:"aggravators,omitempty"`
}

// Pain sites.
const (
	SiteLowBack    = "low_back"
	SiteSacroiliac = "sacroiliac"
	SitePubic      = "pubic"
	SiteHip        = "hip"
	SiteButtock    = "buttock"
	SiteUpperBack  = "upper_back"
	SiteNeck       = "neck"
	SiteLeg        = "leg"
)

// PainSites lists the sites in display order.
var PainSites = []string{SiteLowBack, SiteSacroiliac, SitePubic, SiteHip, SiteButtock, SiteUpperBack, SiteNeck, SiteLeg}

// PelvicTilt is the standing pelvic position (domain.md §2).
type PelvicTilt struct {
	Visual   string   `json:"visual,omitempty"` // TiltAnterior, TiltNeutral, TiltPosterior
	LeftDeg  *float64 `json:"left_deg,omitempty"`
	RightDeg *float64 `json:"right_deg,omitempty"`
	Method   string   `json:"method,omitempty"` // MethodVisual...
}

// Visual tilt ratings.
const (
	TiltAnterior  = "anterior"
	TiltNeutral   = "neutral"
	TiltPosterior = "posterior"
)

// Tilt measuring methods.
const (
	MethodVisual       = "visual"
	MethodPALM         = "palm"
	MethodInclinometer = "inclinometer"
	MethodPhone        = "phone"
)

// Thomas is the modified Thomas test, per side (domain.md §2 [28][29]).
type Thomas struct {
	Left  *ThomasSide `json:"left,omitempty"`
	Right *ThomasSide `json:"right,omitempty"`
}

// ThomasSide is one side of the modified Thomas test.
type ThomasSide struct {
	HipAngleDeg    *float64 `json:"hip_angle_deg,omitempty"`  // −30..40; >0 = thigh above horizontal
	KneeAngleDeg   *float64 `json:"knee_angle_deg,omitempty"` // 0..140
	AbductionDrift bool     `json:"abduction_drift"`
}

// Glutes holds the glute screen per side (domain.md §3).
type Glutes struct {
	Left  *GluteSide `json:"left,omitempty"`
	Right *GluteSide `json:"right,omitempty"`
}

// GluteSide is the glute screen on one side.
type GluteSide struct {
	MaxGrade            Grade    `json:"max_grade,omitempty"`
	MedGrade            Grade    `json:"med_grade,omitempty"`
	SingleLegBridgeReps *int     `json:"single_leg_bridge_reps,omitempty"`      // 0–100
	Trendelenburg       string   `json:"trendelenburg,omitempty"`               // "negative" | "positive"
	ProneHipExtension   string   `json:"prone_hip_extension,omitempty"`         // PHE... values
	SideLyingAbdScore   *int     `json:"side_lying_abduction_score,omitempty"`  // 0–3
	SideLyingFaults     []string `json:"side_lying_abduction_faults,omitempty"` // FaultHipHike...
}

// Trendelenburg results.
const (
	TrendelenburgNegative = "negative"
	TrendelenburgPositive = "positive"
)

// Prone hip extension patterns (domain.md §3 [35][36]).
const (
	PHEGluteLed          = "glute_led"
	PHESimultaneous      = "simultaneous"
	PHEHamstringDominant = "hamstring_dominant"
	PHELumbarDominant    = "lumbar_dominant"
	PHENoGlute           = "no_glute"
)

// Side-lying abduction faults (domain.md §3 [38]).
const (
	FaultHipHike    = "hip_hike"
	FaultTFLFlexion = "tfl_flexion_ir"
	FaultTrunkRoll  = "trunk_roll"
)

// Grade is a manual muscle test grade on the 0–5 Oxford/MRC scale with the
// common + and − modifiers (domain.md §3 [33][34b]): "0", "1", "2", "3-",
// "3", "3+", "4-", "4", "4+", "5". Empty means not tested.
type Grade string

// Grades lists the valid grades from weakest to strongest.
var Grades = []Grade{"0", "1", "2", "3-", "3", "3+", "4-", "4", "4+", "5"}

// Valid reports whether g is a known grade or empty.
func (g Grade) Valid() bool {
	if g == "" {
		return true
	}
	return g.Rank() >= 0
}

// Rank is the grade's position in Grades (−1 when unknown or empty). One
// whole grade is three ranks between 3- and 5 (3 → 4).
func (g Grade) Rank() int {
	for i, x := range Grades {
		if x == g {
			return i
		}
	}
	return -1
}

// Value is the grade as a number for charts and comparisons: "4-" is 3.67,
// "4" is 4, "4+" is 4.33. It returns −1 when the grade is empty or unknown.
func (g Grade) Value() float64 {
	switch g {
	case "0":
		return 0
	case "1":
		return 1
	case "2":
		return 2
	case "3-":
		return 3 - 1.0/3
	case "3":
		return 3
	case "3+":
		return 3 + 1.0/3
	case "4-":
		return 4 - 1.0/3
	case "4":
		return 4
	case "4+":
		return 4 + 1.0/3
	case "5":
		return 5
	}
	return -1
}

// Hinge is the dowel hip-hinge screen (domain.md §4 [47][48][49]).
type Hinge struct {
	HeadContact     bool     `json:"head_contact"`
	ThoracicContact bool     `json:"thoracic_contact"`
	SacrumContact   bool     `json:"sacrum_contact"`
	Faults          []string `json:"faults,omitempty"` // HingeFault... values
	// Score is 0–3: 0 pain, 1 cannot (or three or more faults), 2 two or fewer
	// faults, 3 clean. Keel suggests it (SuggestHingeScore); the coach may
	// override, in which case ScoreOverridden is true.
	Score           *int `json:"score,omitempty"`
	ScoreOverridden bool `json:"score_overridden,omitempty"`
	Pain            bool `json:"pain,omitempty"` // pain during the hinge
}

// Hinge faults.
const (
	HingeLumbarFlexion  = "lumbar_flexion"
	HingeLumbarHyperext = "lumbar_hyperextension"
	HingeSquatting      = "squatting_hinge"
	HingeKneesForward   = "knees_forward"
	HingeNeckExtension  = "neck_extension"
	HingeWeightToToes   = "weight_to_toes"
)

// HingeFaults lists the faults in display order.
var HingeFaults = []string{HingeLumbarFlexion, HingeLumbarHyperext, HingeSquatting, HingeKneesForward, HingeNeckExtension, HingeWeightToToes}

// Diastasis is the diastasis recti check at three sites during a head lift
// (domain.md §1 [3][19]) and whether the belly domes on a curl-up.
type Diastasis struct {
	Above  *DiastasisSite `json:"above,omitempty"`
	At     *DiastasisSite `json:"at,omitempty"`
	Below  *DiastasisSite `json:"below,omitempty"`
	Doming string         `json:"doming,omitempty"` // DomingNone, DomingMild, DomingMarked
}

// DiastasisSite is the gap at one site. Exactly one of WidthFingers and
// WidthMM is set, in the unit the coach measured in.
type DiastasisSite struct {
	WidthFingers *float64 `json:"width_fingers,omitempty"` // 0–6 in steps of 0.5
	WidthMM      *int     `json:"width_mm,omitempty"`      // 0–150
	Depth        string   `json:"depth,omitempty"`         // DepthShallow...
	Tension      string   `json:"tension,omitempty"`       // TensionFirm...
}

// Diastasis depths, linea alba tensions and doming grades.
const (
	DepthShallow  = "shallow"
	DepthModerate = "moderate"
	DepthDeep     = "deep"

	TensionFirm     = "firm"
	TensionModerate = "moderate"
	TensionSoft     = "soft"

	DomingNone   = "none"
	DomingMild   = "mild"
	DomingMarked = "marked"
)

// Posture holds three postural observations, each none, mild, moderate or
// marked.
type Posture struct {
	ForwardHead      string `json:"forward_head,omitempty"`
	RoundedShoulders string `json:"rounded_shoulders,omitempty"`
	ThoracicKyphosis string `json:"thoracic_kyphosis,omitempty"`
}

// Posture severities.
const (
	SeverityNone     = "none"
	SeverityMild     = "mild"
	SeverityModerate = "moderate"
	SeverityMarked   = "marked"
)

// RecordFilter narrows a listing of assessments.
type RecordFilter struct {
	ClientID int64
}

// RecordService stores assessments. The SQLite package implements it.
type RecordService interface {
	// CreateRecord validates r, stores it for r.ClientID and sets its ID.
	// Errors: EINVALID, ENOTFOUND (no such client).
	CreateRecord(ctx context.Context, r *Record) error
	// UpdateRecord validates and replaces a stored record. Errors: EINVALID, ENOTFOUND.
	UpdateRecord(ctx context.Context, r *Record) error
	// FindRecordByID returns one record. Errors: ENOTFOUND.
	FindRecordByID(ctx context.Context, id int64) (*Record, error)
	// FindRecords returns a client's records, oldest first.
	FindRecords(ctx context.Context, f RecordFilter) ([]*Record, error)
	// DeleteRecord removes a record and the programmes made from it. Errors: ENOTFOUND.
	DeleteRecord(ctx context.Context, id int64) error
}

// PrepareToStore is what every store does before it writes r: a missing
// format is the assessment format, the record is normalised and validated,
// and it must name its client. Errors: EINVALID.
func (r *Record) PrepareToStore() error {
	if r == nil {
		return Errorf(EINVALID, "There is no assessment to save.")
	}
	if r.Format == "" {
		r.Format = FormatAssessment
	}
	r.Normalize()
	if err := r.Validate(); err != nil {
		return err
	}
	if r.ClientID == 0 {
		return FieldErrorf(EINVALID, "client_id", "Choose the client this assessment is for.")
	}
	return nil
}

// StoredDocument is the record as stores keep it: without the fields that
// live in their own columns (ID, client, times), so the two can never
// disagree.
func (r *Record) StoredDocument() (string, error) {
	doc := *r
	doc.ID, doc.ClientID = 0, 0
	doc.CreatedAt, doc.UpdatedAt = time.Time{}, time.Time{}
	b, err := json.Marshal(&doc)
	if err != nil {
		return "", Internal("save the assessment", err)
	}
	return string(b), nil
}

// ClientFromFile is the client an imported assessment file describes (its
// client section and medical clearance), normalised, for a store to find
// by name or create. Errors: EINVALID when the file names no client.
func (r *Record) ClientFromFile() (*Client, error) {
	if r.Client == nil || strings.TrimSpace(r.Client.Name) == "" {
		return nil, FieldErrorf(EINVALID, "client.name",
			"The file names no client: add a \"client\" section with her name, or give -client ID.")
	}
	c := &Client{Name: r.Client.Name, BirthDate: r.Client.BirthDate, Births: r.Client.Births, BirthsUnknown: r.Client.BirthsUnknown,
		LastDelivery: r.Client.LastDelivery, DeliveryMode: r.Client.DeliveryMode}
	if r.MedicalClearance != nil {
		cl := *r.MedicalClearance
		c.Clearance = &cl
	}
	c.Normalize()
	return c, nil
}
