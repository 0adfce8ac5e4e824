package assessment

import "strings"

// Facts are what one assessment record says about the questions every
// safety rule asks, derived once (FactsOf) and read by the findings, the
// gates, the generator and the session log, so a threshold or a reading of
// a missing answer cannot differ between them. Missing is never normal:
// an unrecorded birth count, date or answer is read as the strictest case,
// and the fields say so (WeeksKnown, ScreenMissing, PainKnown, ...).
type Facts struct {
	// Postpartum is what the record says about time since birth.
	Postpartum PostpartumStatus
	// Weeks is the whole weeks since the birth when Postpartum is
	// PostpartumKnown (the smaller of the coach's figure and the delivery
	// date's, PostpartumWeeks).
	Weeks int
	// Caesarean is true for a recorded caesarean; ModeUnknown when the
	// delivery mode was not recorded (treated as a caesarean).
	Caesarean, ModeUnknown bool
	// GoAhead is true when a complete GP go-ahead dated on or before the
	// assessment is recorded.
	GoAhead bool
	// Pregnant is true when the coach recorded that she is pregnant now.
	Pregnant bool

	// ScreenMissing lists the red-flag questions not answered (all of them
	// when the section is missing). A screen with any gap blocks.
	ScreenMissing []string
	// RedFlagKeys and RedFlagLabels are the flags answered yes or unsure,
	// in form order; Cauda the labels among them that can mean cauda
	// equina syndrome.
	RedFlagKeys, RedFlagLabels, Cauda []string
	// Clearance is what the recorded medical clearance covers.
	Clearance ClearanceStatus

	// PelvicSymptoms are the pelvic-floor and postpartum symptoms reported;
	// ScarConcern the caesarean scar concern.
	PelvicSymptoms []string
	ScarConcern    bool

	Pain      PainFacts
	Diastasis DiastasisFacts
	Hinge     HingeFacts
	// GluteNerve lists the glute grades of 0 or 1 ("left glute max 1/5"):
	// major motor weakness, a possible nerve problem (domain.md §6 [61]).
	GluteNerve []string
}

// PostpartumStatus is what a record says about time since birth.
type PostpartumStatus int

// Postpartum statuses.
const (
	// PostpartumUnknown: she may be postpartum but neither the weeks nor a
	// delivery date is recorded, or the births were not recorded. Read as
	// the strictest case: the early window.
	PostpartumUnknown PostpartumStatus = iota
	// PostpartumKnown: the weeks since birth are known (Facts.Weeks).
	PostpartumKnown
	// PostpartumNone: births recorded as 0 and no delivery date or weeks.
	PostpartumNone
)

// PainFacts is the pain the rules read (domain.md §7, rule 13).
type PainFacts struct {
	// Now and Worst are the NPRS figures, -1 when not recorded.
	Now, Worst int
	// Gate is the figure the gates read: pain now, else the worst in the
	// last week; GateFromWorst says which. When neither is recorded,
	// PainKnown is false and the gates treat pain as high.
	Gate          int
	GateFromWorst bool
	PainKnown     bool
	// High: the gate figure is PainStopMin or more (or not recorded).
	High bool
	// Persistent: pain now and the worst in the last week are both
	// PainStopMin or more, which needs a referral (rule 13).
	Persistent bool
}

// DiastasisFacts is the diastasis check read by site against domain.md §1.
type DiastasisFacts struct {
	// Checked is false when the section is missing or no site has a width:
	// the gates then read it as the strictest case (Severe).
	Checked bool
	// WideSites names the sites whose gap is over that site's threshold
	// (DiastasisSite.WideAt), e.g. "below the navel".
	WideSites []string
	Wide      bool
	Soft      bool // a soft linea alba at any site
	Doming    bool // mild or marked
	Marked    bool // marked doming
	// DomingUnknown: widths recorded but doming not.
	DomingUnknown bool
	// Severe: a gap both wide and soft, marked doming, or not checked. It
	// bars long-lever core work.
	Severe bool
}

// Signs reports any of rule 5's diastasis signs, or a check not done.
func (d DiastasisFacts) Signs() bool {
	return !d.Checked || d.Wide || d.Soft || d.Doming || d.DomingUnknown
}

// HingeFacts is the hip-hinge screen (domain.md §4, rules 12 and 13).
type HingeFacts struct {
	Tested bool
	Score  int // 0–3, -1 when not tested
	// Pain: the hinge hurt (score 0 or pain ticked), which refers and bars
	// the pattern altogether.
	Pain          bool
	LumbarFlexion bool
	// RDLReady: a clean hinge (3) with no lumbar-flexion fault, the entry
	// to Romanian-deadlift patterns (rule 12).
	RDLReady bool
}

// FactsOf derives the facts of r once. A nil record gives the strictest
// facts (screen missing, time since birth unknown, nothing checked).
func FactsOf(r *Record) Facts {
	var f Facts
	if r == nil {
		r = &Record{}
	}
	f.Weeks, f.Postpartum = postpartumStatus(r)
	f.Caesarean = r.Client != nil && r.Client.DeliveryMode == DeliveryCaesarean
	f.ModeUnknown = r.Client == nil || r.Client.DeliveryMode == DeliveryUnknown
	f.GoAhead = goAheadCounts(r)
	f.Pregnant = r.Context != nil && r.Context.Pregnant != nil && *r.Context.Pregnant
	for _, q := range redFlagQuestions {
		if r.RedFlags == nil || q.get(r.RedFlags) == TriNotAsked {
			f.ScreenMissing = append(f.ScreenMissing, q.label)
		}
	}
	f.RedFlagKeys, f.RedFlagLabels = raisedRedFlags(r)
	f.Cauda = caudaFlags(f.RedFlagKeys, f.RedFlagLabels)
	f.Clearance = r.ClearanceStatus()
	f.PelvicSymptoms = pelvicSymptoms(r)
	f.ScarConcern = r.PelvicFloor != nil && r.PelvicFloor.ScarConcern
	f.Pain = painFacts(r.Pain)
	f.Diastasis = diastasisFacts(r.Diastasis)
	f.Hinge = hingeFacts(r.Hinge)
	f.GluteNerve = gluteNerve(r.Glutes)
	return f
}

// PostpartumWeeks is the one rule for weeks since birth: the coach's figure
// (coach, nil when not recorded) and whole weeks from the delivery date to
// day on (when both are known and the delivery is not after on). When both
// are known the smaller wins (H): fewer weeks means the earlier, stricter
// gates, and safety should not depend on which figure happens to be right.
// ok is false when neither is known. Record.WeeksPostpartum and
// Client.WeeksPostpartum are thin wrappers over it.
func PostpartumWeeks(coach *int, delivery, on Date) (weeks int, ok bool) {
	d, hasD := 0, false
	if !delivery.IsZero() && !on.IsZero() && !on.Before(delivery) {
		d, hasD = on.DaysSince(delivery)/7, true
	}
	switch {
	case coach != nil && hasD:
		return min(*coach, d), true
	case coach != nil:
		return *coach, true
	case hasD:
		return d, true
	}
	return 0, false
}

// postpartumStatus reads the weeks since birth and whether the postpartum
// rules apply: only births recorded as 0, with no delivery date and no
// weeks, counts as not postpartum.
func postpartumStatus(r *Record) (int, PostpartumStatus) {
	if w, ok := r.WeeksPostpartum(); ok {
		return w, PostpartumKnown
	}
	if c := r.Client; c != nil && !c.BirthsUnknown && c.Births == 0 && c.LastDelivery.IsZero() {
		return 0, PostpartumNone
	}
	return 0, PostpartumUnknown
}

// goAheadCounts reports a complete GP go-ahead dated on or before the
// assessment (a go-ahead cannot be recorded ahead of the day it was given).
func goAheadCounts(r *Record) bool {
	g := r.GPGoAhead
	return g != nil && !g.Date.IsZero() && strings.TrimSpace(g.By) != "" && !r.Date.IsZero() && !g.Date.After(r.Date)
}

// painFacts reads the pain section against PainStopMin.
func painFacts(p *Pain) PainFacts {
	f := PainFacts{Now: -1, Worst: -1}
	if p != nil && p.Now != nil {
		f.Now = *p.Now
	}
	if p != nil && p.WorstWeek != nil {
		f.Worst = *p.WorstWeek
	}
	switch {
	case f.Now >= 0:
		f.Gate, f.PainKnown = f.Now, true
	case f.Worst >= 0:
		f.Gate, f.PainKnown, f.GateFromWorst = f.Worst, true, true
	}
	f.High = !f.PainKnown || f.Gate >= PainStopMin
	f.Persistent = f.Now >= PainStopMin && f.Worst >= PainStopMin
	return f
}

// diastasisSiteNames names the three sites for a coach.
var diastasisSiteNames = [3]string{"above the navel", "at the navel", "below the navel"}

// diastasisFacts reads the gap site by site.
func diastasisFacts(d *Diastasis) DiastasisFacts {
	var f DiastasisFacts
	if d == nil {
		f.Severe = true
		return f
	}
	for i, s := range [3]*DiastasisSite{d.Above, d.At, d.Below} {
		if s == nil {
			continue
		}
		if _, ok := s.WidthInMM(); ok {
			f.Checked = true
		}
		if s.WideAt(i) {
			f.Wide = true
			f.WideSites = append(f.WideSites, diastasisSiteNames[i])
		}
		f.Soft = f.Soft || s.Tension == TensionSoft
	}
	f.Doming = d.Doming == DomingMild || d.Doming == DomingMarked
	f.Marked = d.Doming == DomingMarked
	f.DomingUnknown = f.Checked && d.Doming == ""
	f.Severe = !f.Checked || f.Marked || (f.Wide && f.Soft)
	return f
}

// Diastasis sites, as indexes for WideAt.
const (
	SiteAbove = iota
	SiteAt
	SiteBelow
)

// WideAt reports a gap over the threshold of site (SiteAbove, SiteAt,
// SiteBelow; domain.md §1): 2 finger widths or more at any site (the
// palpation definition [3][19]), or in millimetres over the normal width
// at that level [2]: 22 mm above the navel, 16 mm below it, and at the
// navel, where no normal width is published, the figure above it (H).
func (s *DiastasisSite) WideAt(site int) bool {
	if s == nil {
		return false
	}
	if s.WidthFingers != nil && *s.WidthFingers >= DiastasisFingersMin {
		return true
	}
	if s.WidthMM == nil {
		return false
	}
	limit := DiastasisAboveMMOver
	if site == SiteBelow {
		limit = DiastasisBelowMMOver
	}
	return *s.WidthMM > limit
}

// hingeFacts reads the hinge screen.
func hingeFacts(h *Hinge) HingeFacts {
	f := HingeFacts{Score: -1}
	if h == nil {
		return f
	}
	f.Tested = true
	f.Score = h.HingeScore()
	f.Pain = h.Pain || f.Score == HingeScorePain
	f.LumbarFlexion = containsString(h.Faults, HingeLumbarFlexion)
	f.RDLReady = !f.Pain && f.Score == HingeScoreClean && !f.LumbarFlexion
	return f
}

// gluteNerve lists grades of 0 or 1 on either side.
func gluteNerve(g *Glutes) []string {
	if g == nil {
		return nil
	}
	var out []string
	for _, s := range [2]struct {
		name string
		g    *GluteSide
	}{{"left", g.Left}, {"right", g.Right}} {
		if s.g == nil {
			continue
		}
		for _, m := range [2]struct {
			name  string
			grade Grade
		}{{"glute max", s.g.MaxGrade}, {"glute med", s.g.MedGrade}} {
			if m.grade != "" && m.grade.Rank() >= 0 && m.grade.Value() <= GluteNerveGradeMax {
				out = append(out, s.name+" "+m.name+" "+string(m.grade)+"/5")
			}
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
