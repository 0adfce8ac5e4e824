package assessment

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits on the free-text fields of a record, in characters. They keep a
// form and a printed handout readable; notes share MaxNotesLen with clients.
const (
	MaxCoachNameLen    = MaxNameLen // the coach's name, like a client's
	MaxActivityNameLen = 80         // one activity, e.g. "carrying the car seat"
	MaxShortTextLen    = 1000       // current activity, goals, aggravators, clearance by
)

// Year bounds for the dates in a record (H): a date outside them is a typo.
const (
	MinRecordYear = 1900
	MaxRecordYear = 2200
)

// Enumerations of the string fields of a record, in display order. A form
// offers these choices; Validate refuses anything else (empty means "not
// recorded" for every one of them).
var (
	ChildLiftingFrequencies = []string{LiftingRarely, LiftingDaily, LiftingManyDaily}
	TriAnswers              = []Tri{TriNo, TriYes, TriUnsure}
	TiltVisuals             = []string{TiltAnterior, TiltNeutral, TiltPosterior}
	TiltMethods             = []string{MethodVisual, MethodPALM, MethodInclinometer, MethodPhone}
	TrendelenburgResults    = []string{TrendelenburgNegative, TrendelenburgPositive}
	ProneHipExtensions      = []string{PHEGluteLed, PHESimultaneous, PHEHamstringDominant, PHELumbarDominant, PHENoGlute}
	SideLyingFaults         = []string{FaultHipHike, FaultTFLFlexion, FaultTrunkRoll}
	DiastasisDepths         = []string{DepthShallow, DepthModerate, DepthDeep}
	LineaTensions           = []string{TensionFirm, TensionModerate, TensionSoft}
	DomingGrades            = []string{DomingNone, DomingMild, DomingMarked}
	PostureRatings          = []string{SeverityNone, SeverityMild, SeverityModerate, SeverityMarked}
	RecordKinds             = []string{KindIntake, KindReassessment}
)

// Validate checks every field of the record against its range and enum and
// returns all problems at once as ValidationErrors whose Field is the JSON
// path of the value ("glutes.left.med_grade", "context.activities[1].rating")
// and whose Message tells the coach what to enter. A nil section is valid:
// it means "not tested".
func (r *Record) Validate() error {
	if r == nil {
		return FieldErrorf(EINVALID, "", "There is no assessment to check.")
	}
	c := checker{}
	c.record(r)
	return c.v.Err()
}

// checker collects validation problems. For an imported file (file true)
// each message also quotes the value found, since the coach cannot see it
// next to a form field.
type checker struct {
	v    ValidationErrors
	file bool
}

// bad records one problem; got is the offending value (nil when there is
// nothing useful to quote).
func (c *checker) bad(field string, got any, msg string) {
	if c.file && got != nil {
		msg += " The file has " + gotText(got) + "."
	}
	c.v = append(c.v, FieldErrorf(EINVALID, field, "%s", msg))
}

// gotText writes a value found in a file the way it appears there.
func gotText(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case Tri:
		return strconv.Quote(string(x))
	case Grade:
		return strconv.Quote(string(x))
	case DeliveryMode:
		return strconv.Quote(string(x))
	case float64:
		return fmtNum(x)
	case int:
		return strconv.Itoa(x)
	}
	return fmt.Sprint(v)
}

func (c *checker) intRange(field string, p *int, lo, hi int, msg string) {
	if p != nil && (*p < lo || *p > hi) {
		c.bad(field, *p, msg)
	}
}

func (c *checker) floatRange(field string, p *float64, lo, hi float64, msg string) {
	if p != nil && (math.IsNaN(*p) || *p < lo || *p > hi) {
		c.bad(field, *p, msg)
	}
}

func (c *checker) enum(field, v string, allowed []string, msg string) {
	if v != "" && !slices.Contains(allowed, v) {
		c.bad(field, v, msg)
	}
}

// text checks length and that the text can be stored and printed.
func (c *checker) text(field, s string, limit int, what string) {
	if utf8.RuneCountInString(s) > limit {
		c.bad(field, nil, fmt.Sprintf("Keep %s under %d characters.", what, limit))
	}
	if !validText(s) {
		c.bad(field, nil, "This text contains characters that cannot be stored (control characters or broken encoding).")
	}
}

// list checks each entry of a multiple-choice list: known and not repeated.
func (c *checker) list(field string, items []string, allowed []string, msg string) {
	for i, it := range items {
		f := field + "[" + strconv.Itoa(i) + "]"
		switch {
		case !slices.Contains(allowed, it):
			c.bad(f, it, msg)
		case slices.Index(items, it) < i:
			c.bad(f, it, "This is already in the list.")
		}
	}
}

// date checks a date's year is plausible.
func (c *checker) date(field string, d Date, what string) {
	if d.IsZero() {
		return
	}
	if y := d.Time().Year(); y < MinRecordYear || y > MaxRecordYear {
		c.bad(field, d.String(), "Check the year of "+what+".")
	}
}

func (c *checker) record(r *Record) {
	if r.Format != "" && r.Format != FormatAssessment {
		c.bad("format", r.Format, "This is not a Keel assessment; the format must be "+FormatAssessment+".")
	}
	if r.Date.IsZero() {
		c.bad("date", nil, "Enter the date of the assessment.")
	}
	c.date("date", r.Date, "the assessment date")
	c.enum("kind", r.Kind, RecordKinds, "Choose intake or reassessment.")
	c.text("coach", r.Coach, MaxCoachNameLen, "the coach's name")
	c.client(r)
	c.context(r.Context)
	c.redFlags(r.RedFlags)
	if m := r.MedicalClearance; m != nil {
		if m.Date.IsZero() {
			c.bad("medical_clearance.date", nil, "Enter the date of the medical clearance.")
		}
		c.date("medical_clearance.date", m.Date, "the clearance date")
		if strings.TrimSpace(m.By) == "" {
			c.bad("medical_clearance.by", nil, "Enter who gave the clearance, e.g. Dr Patel (GP).")
		}
		c.text("medical_clearance.by", m.By, MaxShortTextLen, "the name of who cleared her")
	}
	c.goAhead(r)
	c.pain(r.Pain)
	c.pelvicTilt(r.PelvicTilt)
	if t := r.Thomas; t != nil {
		c.thomasSide("thomas.left", t.Left)
		c.thomasSide("thomas.right", t.Right)
	}
	if g := r.Glutes; g != nil {
		c.gluteSide("glutes.left", g.Left)
		c.gluteSide("glutes.right", g.Right)
	}
	c.hinge(r.Hinge)
	c.diastasis(r.Diastasis)
	if p := r.Posture; p != nil {
		const msg = "Choose none, mild, moderate or marked."
		c.enum("posture.forward_head", p.ForwardHead, PostureRatings, msg)
		c.enum("posture.rounded_shoulders", p.RoundedShoulders, PostureRatings, msg)
		c.enum("posture.thoracic_kyphosis", p.ThoracicKyphosis, PostureRatings, msg)
	}
	c.text("notes", r.Notes, MaxNotesLen, "the notes")
	c.list("carried_over", r.CarriedOver, Sections, "This is not a section of the assessment.")
}

func (c *checker) client(r *Record) {
	s := r.Client
	if s == nil {
		return
	}
	if strings.TrimSpace(s.Name) == "" {
		c.bad("client.name", nil, "Enter the client's name.")
	}
	c.text("client.name", s.Name, MaxNameLen, "the name")
	c.date("client.birth_date", s.BirthDate, "the date of birth")
	if !s.BirthDate.IsZero() && !r.Date.IsZero() && s.BirthDate.After(r.Date) {
		c.bad("client.birth_date", s.BirthDate.String(), "The date of birth is after the assessment date.")
	}
	if s.Births < 0 || s.Births > MaxBirths {
		c.bad("client.births", s.Births, fmt.Sprintf("Enter a number of births from 0 to %d.", MaxBirths))
	}
	c.date("client.last_delivery_date", s.LastDelivery, "the delivery date")
	if !s.LastDelivery.IsZero() {
		if !r.Date.IsZero() && s.LastDelivery.After(r.Date) {
			c.bad("client.last_delivery_date", s.LastDelivery.String(), "The delivery date is after the assessment date.")
		}
		if !s.BirthDate.IsZero() && !s.LastDelivery.After(s.BirthDate) {
			c.bad("client.last_delivery_date", s.LastDelivery.String(), "The delivery date is before her date of birth.")
		}
		if s.Births == 0 && !s.BirthsUnknown {
			c.bad("client.births", s.Births, "A delivery date is recorded, so births must be at least 1.")
		}
	}
	if s.BirthsUnknown && s.Births > 0 {
		c.bad("client.births", s.Births, "The births are marked as not recorded but a number is given; keep one of the two.")
	}
	if !s.DeliveryMode.Valid() {
		c.bad("client.delivery_mode", s.DeliveryMode, "Choose vaginal, assisted or caesarean.")
	}
}

func (c *checker) context(x *Context) {
	if x == nil {
		return
	}
	c.intRange("context.weeks_postpartum", x.WeeksPostpartum, 0, MaxWeeksPostpartum,
		fmt.Sprintf("Enter the weeks since the birth, from 0 to %d.", MaxWeeksPostpartum))
	c.floatRange("context.sitting_hours", x.SittingHours, 0, MaxSittingHours, "Enter the hours she sits a day, from 0 to 24.")
	c.enum("context.child_lifting", x.ChildLifting, ChildLiftingFrequencies, "Choose rarely, daily or many times a day.")
	c.text("context.current_activity", x.CurrentActivity, MaxShortTextLen, "the current activity")
	c.text("context.goals", x.Goals, MaxShortTextLen, "the goals")
	if len(x.Activities) > MaxActivities {
		c.bad("context.activities", len(x.Activities), fmt.Sprintf("List at most %d activities.", MaxActivities))
	}
	for i, a := range x.Activities {
		f := "context.activities[" + strconv.Itoa(i) + "]"
		if strings.TrimSpace(a.Name) == "" {
			c.bad(f+".name", nil, "Name the activity, e.g. lifting the baby from the cot.")
		}
		c.text(f+".name", a.Name, MaxActivityNameLen, "the activity name")
		if a.Rating < 0 || a.Rating > MaxActivityRating {
			c.bad(f+".rating", a.Rating, "Rate how well she can do it from 0 (cannot) to 10 (as before).")
		}
	}
}

func (c *checker) redFlags(f *RedFlags) {
	if f == nil {
		return
	}
	for _, q := range redFlagQuestions {
		if a := q.get(f); a != TriNotAsked && !slices.Contains(TriAnswers, a) {
			c.bad("red_flags."+q.key, a, "Answer no, yes or unsure.")
		}
	}
}

func (c *checker) pain(p *Pain) {
	if p == nil {
		return
	}
	const msg = "Enter a pain score from 0 to 10."
	c.intRange("pain.now", p.Now, 0, MaxNPRS, msg)
	c.intRange("pain.worst_week", p.WorstWeek, 0, MaxNPRS, msg)
	// Today is part of the last week, so its pain cannot exceed the week's
	// worst: one of the two figures is a slip.
	if p.Now != nil && p.WorstWeek != nil && *p.Now <= MaxNPRS && *p.WorstWeek >= 0 && *p.Now > *p.WorstWeek {
		c.bad("pain.worst_week", *p.WorstWeek, fmt.Sprintf("The worst pain this week cannot be lower than today's (%d/10); check both figures.", *p.Now))
	}
	c.list("pain.sites", p.Sites, PainSites, "Choose a pain site from the list.")
	c.text("pain.aggravators", p.Aggravators, MaxShortTextLen, "the aggravating activities")
}

func (c *checker) pelvicTilt(p *PelvicTilt) {
	if p == nil {
		return
	}
	c.enum("pelvic_tilt.visual", p.Visual, TiltVisuals, "Choose anterior, neutral or posterior.")
	msg := fmt.Sprintf("Enter a tilt from %s to %s (positive means anterior).", fmtDeg(MinTiltDeg, false), fmtDeg(MaxTiltDeg, false))
	c.floatRange("pelvic_tilt.left_deg", p.LeftDeg, MinTiltDeg, MaxTiltDeg, msg)
	c.floatRange("pelvic_tilt.right_deg", p.RightDeg, MinTiltDeg, MaxTiltDeg, msg)
	c.enum("pelvic_tilt.method", p.Method, TiltMethods, "Choose visual, PALM, inclinometer or phone.")
}

func (c *checker) thomasSide(field string, s *ThomasSide) {
	if s == nil {
		return
	}
	c.floatRange(field+".hip_angle_deg", s.HipAngleDeg, MinThomasHipDeg, MaxThomasHipDeg,
		fmt.Sprintf("Enter a hip angle from %s to %s (positive means the thigh is above horizontal).", fmtDeg(MinThomasHipDeg, false), fmtDeg(MaxThomasHipDeg, false)))
	c.floatRange(field+".knee_angle_deg", s.KneeAngleDeg, MinThomasKneeDeg, MaxThomasKneeDeg,
		fmt.Sprintf("Enter a knee angle from %s to %s.", fmtDeg(MinThomasKneeDeg, false), fmtDeg(MaxThomasKneeDeg, false)))
}

func (c *checker) gluteSide(field string, s *GluteSide) {
	if s == nil {
		return
	}
	const gradeMsg = "Choose a grade: 0, 1, 2, 3-, 3, 3+, 4-, 4, 4+ or 5."
	if !s.MaxGrade.Valid() {
		c.bad(field+".max_grade", s.MaxGrade, gradeMsg)
	}
	if !s.MedGrade.Valid() {
		c.bad(field+".med_grade", s.MedGrade, gradeMsg)
	}
	c.intRange(field+".single_leg_bridge_reps", s.SingleLegBridgeReps, 0, MaxBridgeReps,
		fmt.Sprintf("Enter the single-leg bridge reps, from 0 to %d.", MaxBridgeReps))
	c.enum(field+".trendelenburg", s.Trendelenburg, TrendelenburgResults, "Choose negative or positive.")
	c.enum(field+".prone_hip_extension", s.ProneHipExtension, ProneHipExtensions,
		"Choose glute-led, simultaneous, hamstring-dominant, lumbar-dominant or no glute.")
	c.intRange(field+".side_lying_abduction_score", s.SideLyingAbdScore, 0, MaxSideLyingAbdScore,
		"Enter a side-lying abduction score from 0 (pelvis steady) to 3.")
	c.list(field+".side_lying_abduction_faults", s.SideLyingFaults, SideLyingFaults,
		"Choose hip hike, TFL (flexion and inward rotation) or trunk roll.")
}

func (c *checker) hinge(h *Hinge) {
	if h == nil {
		return
	}
	c.list("hinge.faults", h.Faults, HingeFaults,
		"Choose lumbar flexion, lumbar hyperextension, squatting the hinge, knees forward, neck extension or weight to toes.")
	c.intRange("hinge.score", h.Score, HingeScorePain, HingeScoreClean, "Enter a hinge score from 0 (pain) to 3 (clean).")
	if h.Score == nil || *h.Score < HingeScorePain || *h.Score > HingeScoreClean {
		return
	}
	// A score its own observations contradict (rule 12, domain.md §4): 3
	// means clean, 0 means it hurt.
	switch sc := *h.Score; {
	case sc == HingeScoreClean && slices.Contains(h.Faults, HingeLumbarFlexion):
		c.bad("hinge.score", sc, "A score of 3 means a clean hinge, but lumbar flexion (the back rounding) is ticked. Lower the score or untick the fault.")
	case sc == HingeScoreClean && len(h.Faults) > 0:
		c.bad("hinge.score", sc, "A score of 3 means a clean hinge, but faults are ticked. Lower the score or untick the faults.")
	case sc == HingeScoreClean && (!h.HeadContact || !h.ThoracicContact || !h.SacrumContact):
		c.bad("hinge.score", sc, "A score of 3 means the dowel kept all three contacts, but one is unticked. Lower the score or tick the contact.")
	case sc > HingeScorePain && h.Pain:
		c.bad("hinge.score", sc, "The hinge was painful, which scores 0. Change the score to 0 or untick pain.")
	}
}

// goAhead checks the GP's go-ahead after a caesarean: complete, not in the
// future of the assessment and not before the birth.
func (c *checker) goAhead(r *Record) {
	g := r.GPGoAhead
	if g == nil {
		return
	}
	if g.Date.IsZero() {
		c.bad("gp_go_ahead.date", nil, "Enter the date of the GP's go-ahead.")
	}
	c.date("gp_go_ahead.date", g.Date, "the go-ahead date")
	if strings.TrimSpace(g.By) == "" {
		c.bad("gp_go_ahead.by", nil, "Enter who gave the go-ahead, e.g. Dr Patel (GP).")
	}
	c.text("gp_go_ahead.by", g.By, MaxShortTextLen, "the name of who gave the go-ahead")
	if g.Date.IsZero() {
		return
	}
	if !r.Date.IsZero() && g.Date.After(r.Date) {
		c.bad("gp_go_ahead.date", g.Date.String(), "The go-ahead is dated after the assessment; record it on the assessment of that day or later.")
	}
	if r.Client != nil && !r.Client.LastDelivery.IsZero() && g.Date.Before(r.Client.LastDelivery) {
		c.bad("gp_go_ahead.date", g.Date.String(), "The go-ahead is dated before the birth, so it cannot be about this recovery.")
	}
}

func (c *checker) diastasis(d *Diastasis) {
	if d == nil {
		return
	}
	c.diastasisSite("diastasis.above", d.Above)
	c.diastasisSite("diastasis.at", d.At)
	c.diastasisSite("diastasis.below", d.Below)
	c.enum("diastasis.doming", d.Doming, DomingGrades, "Choose none, mild or marked.")
}

func (c *checker) diastasisSite(field string, s *DiastasisSite) {
	if s == nil {
		return
	}
	switch {
	case s.WidthFingers != nil && s.WidthMM != nil:
		c.bad(field+".width_fingers", nil, "Enter the gap in finger widths or in millimetres, not both.")
	case s.WidthFingers == nil && s.WidthMM == nil:
		c.bad(field+".width_fingers", nil, "Enter the gap in finger widths or in millimetres.")
	}
	if f := s.WidthFingers; f != nil && (math.IsNaN(*f) || *f < 0 || *f > MaxWidthFingers || !onStep(*f, WidthFingersStep)) {
		c.bad(field+".width_fingers", *f, "Enter the gap in finger widths from 0 to 6, in steps of 0.5.")
	}
	c.intRange(field+".width_mm", s.WidthMM, 0, MaxWidthMM, fmt.Sprintf("Enter the gap in millimetres, from 0 to %d.", MaxWidthMM))
	c.enum(field+".depth", s.Depth, DiastasisDepths, "Choose shallow, moderate or deep.")
	c.enum(field+".tension", s.Tension, LineaTensions, "Choose firm, moderate or soft.")
}

// onStep reports whether v is a whole multiple of step.
func onStep(v, step float64) bool {
	q := v / step
	return math.Abs(q-math.Round(q)) < 1e-9
}

// SuggestHingeScore proposes the 0–3 hinge score from what the coach saw
// (the coach may override it): 0 when the hinge hurt; otherwise it counts
// the problems (each distinct fault, plus each lost dowel contact that no
// recorded fault already explains: a lost sacrum contact is lumbar flexion,
// a lost head contact is neck extension) and gives 3 for none, 2 for one or
// two and 1 for three or more. It returns -1 for a nil hinge (not tested).
func SuggestHingeScore(h *Hinge) int {
	if h == nil {
		return -1
	}
	if h.Pain {
		return HingeScorePain
	}
	n := 0
	for i, f := range h.Faults {
		if slices.Contains(HingeFaults, f) && slices.Index(h.Faults, f) == i {
			n++
		}
	}
	if !h.SacrumContact && !slices.Contains(h.Faults, HingeLumbarFlexion) {
		n++
	}
	if !h.HeadContact && !slices.Contains(h.Faults, HingeNeckExtension) {
		n++
	}
	if !h.ThoracicContact {
		n++
	}
	switch {
	case n == 0:
		return HingeScoreClean
	case n < HingePoorFaultsMin:
		return HingeScoreFair
	}
	return HingeScorePoor
}

// HingeScore is the score that counts: the coach's when recorded, else
// Keel's suggestion (-1 for a nil hinge).
func (h *Hinge) HingeScore() int {
	if h != nil && h.Score != nil {
		return *h.Score
	}
	return SuggestHingeScore(h)
}

// FingersToMM converts finger widths to millimetres at MMPerFingerWidth, a
// heuristic: use it to show a gap in the other unit, never to decide.
func FingersToMM(fingers float64) float64 { return fingers * MMPerFingerWidth }

// MMToFingers converts millimetres to finger widths at MMPerFingerWidth,
// rounded to the nearest half finger as a coach would palpate it.
func MMToFingers(mm float64) float64 {
	return math.Round(mm/MMPerFingerWidth/WidthFingersStep) * WidthFingersStep
}

// WidthInMM returns the gap in millimetres, converting finger widths with
// FingersToMM; ok is false when no width is recorded.
func (s *DiastasisSite) WidthInMM() (mm float64, ok bool) {
	switch {
	case s == nil:
		return 0, false
	case s.WidthMM != nil:
		return float64(*s.WidthMM), true
	case s.WidthFingers != nil:
		return FingersToMM(*s.WidthFingers), true
	}
	return 0, false
}

// WidthInFingers returns the gap in finger widths, converting millimetres
// with MMToFingers; ok is false when no width is recorded.
func (s *DiastasisSite) WidthInFingers() (fingers float64, ok bool) {
	switch {
	case s == nil:
		return 0, false
	case s.WidthFingers != nil:
		return *s.WidthFingers, true
	case s.WidthMM != nil:
		return MMToFingers(float64(*s.WidthMM)), true
	}
	return 0, false
}

// widthText writes the gap in the unit measured: "2.5 finger widths",
// "1 finger width", "24 mm".
func (s *DiastasisSite) widthText() (string, bool) {
	switch {
	case s.WidthFingers != nil:
		if *s.WidthFingers == 1 {
			return "1 finger width", true
		}
		return fmtNum(*s.WidthFingers) + " finger widths", true
	case s.WidthMM != nil:
		return strconv.Itoa(*s.WidthMM) + " mm", true
	}
	return "", false
}
