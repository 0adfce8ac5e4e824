package report

import (
	"github.com/keel-coach/keel/assessment"
)

// ReferralPage is a sheet she takes to a doctor or physiotherapist. An
// urgent sheet (Urgent) holds only urgent things: what she told us, that
// it needs care today, and what to do if she cannot get it; nothing about
// routine appointments or exercise. An ordinary sheet says what she told
// us, who to see and how soon, what to do if things get worse, and, when
// the plan goes ahead meanwhile, how it is limited until she is seen.
type ReferralPage struct {
	Heading string
	Urgent  bool
	Intro   string
	// Answers are the answers that led to the referral, in plain words,
	// so the person she sees knows what to look at.
	Answers []string
	Reasons []string
	SeeWho  string
	HowSoon string
	IfWorse []string
	// Limited says how the plan is held back until she is seen (only on
	// the sheet of a plan that goes ahead).
	Limited []string
	Next    []string
	// From names the coach and how to reach her, for the professional.
	From       string
	Disclaimer string
}

// redFlagAnswers words each red-flag question as she answered it.
var redFlagAnswers = []struct {
	urgent bool
	get    func(*assessment.RedFlags) assessment.Tri
	words  string
}{
	{true, func(f *assessment.RedFlags) assessment.Tri { return f.SaddleAnaesthesia }, "numbness or tingling around the back passage, genitals or inner thighs"},
	{true, func(f *assessment.RedFlags) assessment.Tri { return f.BladderBowelChange }, "a new change in bladder or bowel control"},
	{true, func(f *assessment.RedFlags) assessment.Tri { return f.ProgressiveNeuro }, "weakness or numbness in the legs that is getting worse"},
	{false, func(f *assessment.RedFlags) assessment.Tri { return f.FeverUnwell }, "fever or feeling generally unwell along with the back pain"},
	{false, func(f *assessment.RedFlags) assessment.Tri { return f.UnexplainedWeightLoss }, "weight loss you cannot explain"},
	{false, func(f *assessment.RedFlags) assessment.Tri { return f.CancerHistory }, "a past history of cancer"},
	{false, func(f *assessment.RedFlags) assessment.Tri { return f.SignificantTrauma }, "a recent fall or injury"},
	{false, func(f *assessment.RedFlags) assessment.Tri { return f.NightPain }, "back pain at night that does not ease when you change position"},
	{false, func(f *assessment.RedFlags) assessment.Tri { return f.SteroidsOrOsteoporosis }, "long-term steroid use or thin bones (osteoporosis)"},
	{false, func(f *assessment.RedFlags) assessment.Tri { return f.AgeOnset }, "back pain that started for the first time at a younger or older age than usual"},
}

// answered words one answer: yes, or not sure (which a doctor checks).
func answered(t assessment.Tri, words string, urgent bool) string {
	switch {
	case t == assessment.TriUnsure && urgent:
		return "You were not sure about " + words + ". A doctor should check this today."
	case t == assessment.TriUnsure:
		return "You were not sure about " + words + ". As a precaution, we ask a doctor to check this first."
	}
	return "You told me about " + words + "."
}

// redFlagLines returns her red-flag answers, urgent or not. A screen that
// was never filled in counts as the strictest case and says so.
func redFlagLines(r *assessment.Record, urgent bool) []string {
	if r == nil || r.RedFlags == nil {
		if urgent {
			return nil
		}
		return []string{"The health questions about your back were not answered, so we treat them as needing a check."}
	}
	var out []string
	missing := false
	for _, q := range redFlagAnswers {
		t := q.get(r.RedFlags)
		if t == assessment.TriNotAsked {
			missing = true
		}
		if q.urgent == urgent && t.Raised() {
			out = append(out, answered(t, q.words, urgent))
		}
	}
	if missing && !urgent {
		out = append(out, "Some of the health questions about your back were not answered, so we treat them as needing a check.")
	}
	return out
}

// pelvicAnswers words her pelvic-floor answers.
func pelvicAnswers(r *assessment.Record) []string {
	if r == nil || r.PelvicFloor == nil {
		return nil
	}
	p := r.PelvicFloor
	var out []string
	for _, x := range []struct {
		on    bool
		words string
	}{
		{p.Leakage, "leaking urine"}, {p.Urgency, "sudden urges to pass urine"},
		{p.Heaviness, "heaviness or dragging low in your pelvis"}, {p.BowelControl, "difficulty controlling your bowel or wind"},
		{p.PainWithSex, "pain with sex"}, {p.BleedingAfter8Weeks, "bleeding more than 8 weeks after the birth that is not a period"},
		{p.ScarConcern, "a worry about your caesarean scar"},
	} {
		if x.on {
			out = append(out, "You told me about "+x.words+".")
		}
	}
	return out
}

// buildReferralPages returns the urgent sheet (when an answer calls for
// care today) and the ordinary sheet (when any other referral remains).
// blocked says the plan waits for the check; otherwise the ordinary sheet
// says how the plan is limited meanwhile.
func buildReferralPages(r *assessment.Record, p *assessment.Programme, interp *assessment.Interpretation, h *Handout, blocked bool) []ReferralPage {
	// The professional she sees may want to reach her coach: name and
	// contact, or a line to write the number on when none is set.
	from := "From your coach"
	if h.CoachName != "" {
		from = "From " + h.CoachName + ", your coach"
	}
	if h.Business != "" {
		from += " at " + h.Business
	}
	if h.Contact != "" {
		from += ". Contact: " + h.Contact
	} else {
		from += ". Phone or email: ______________________________"
	}
	var pages []ReferralPage
	urgent := urgentFlags(r)
	if urgent {
		pages = append(pages, ReferralPage{
			Heading: "Please get medical help today",
			Urgent:  true,
			Intro: "Some of your answers can be a sign that the nerves at the base of your spine are being pressed on. " +
				"That needs a doctor today, before any exercise.",
			Answers: redFlagLines(r, true),
			HowSoon: "Today: go to A&E (the emergency department) or call the emergency number. Do not wait for a routine appointment.",
			IfWorse: []string{
				"If you cannot get to A&E, or the numbness, weakness or bladder and bowel change gets worse, call the emergency number for an ambulance.",
				"Show this sheet to the doctor or nurse who sees you.",
			},
			From:       from,
			Disclaimer: "This sheet is not a diagnosis. It lists what you told your coach so the doctor can act on it quickly.",
		})
	}
	reasons, who := referralLines(r, p, interp, urgent)
	answers := pelvicAnswers(r)
	if interpHas(interp, assessment.FindRedFlag) && !cleared(r) {
		answers = append(redFlagLines(r, false), answers...)
	}
	if len(reasons) == 0 && (!blocked || urgent) {
		return pages
	}
	if len(reasons) == 0 {
		reasons = []string{"Something in your assessment needs a medical check before we start training."}
		who = []string{"your GP"}
	}
	rp := ReferralPage{
		Heading:    "Please see " + joinAnd(seeWho(who)),
		Answers:    answers,
		Reasons:    reasons,
		SeeWho:     "Please book an appointment with " + joinAnd(seeWho(who)) + " and take this sheet with you.",
		HowSoon:    "Try to be seen within the next two weeks; if you are waiting longer than that, tell me.",
		From:       from,
		Disclaimer: referralDisclaimer,
		IfWorse:    ifWorse(r, p, interp, blocked),
	}
	if f := assessment.FactsOf(r); caesareanCheck(p) && f.Postpartum == assessment.PostpartumKnown && f.Weeks < assessment.EarlyPostpartumWeeks {
		// the check after a recent caesarean is the 6-week one, as her
		// first page says; anything on this sheet before it is below
		rp.HowSoon = "Your 6-week check after the birth is the time for it; go sooner if anything under “If things get worse” happens."
	}
	if interpHas(interp, assessment.FindRedFlag) && !cleared(r) {
		// a general-health or night-pain answer waits no longer than a week
		rp.HowSoon = "Try to be seen this week; if you cannot get an appointment by then, tell me."
	}
	if blocked {
		rp.Intro = "Thank you for going through the assessment with me. Before I write your exercise plan, " +
			"I would like you to see a health professional about the points below. This is not a diagnosis; it is how we make sure exercise is safe for you."
		rp.Next = []string{"When you have been checked and cleared to exercise, let me know and I will build your plan."}
		if !urgent {
			rp.Next = append(rp.Next, "Until then, gentle walking and everyday activity are fine as long as they do not make your symptoms worse.")
		}
	} else {
		rp.Intro = "Your plan starts now, with some care, and I would also like you to see a health professional about the points below."
		rp.Limited = limits(interp)
	}
	return append(pages, rp)
}

func interpHas(interp *assessment.Interpretation, code string) bool {
	return interp != nil && interp.Has(code)
}

// limits says how a plan that goes ahead is held back until she is seen.
func limits(interp *assessment.Interpretation) []string {
	var out []string
	if interpHas(interp, assessment.FindPelvicFloor) {
		out = append(out, "No running, jumping or heavy lifting, and every exercise done with a breath out on the effort.")
	}
	if interpHas(interp, assessment.FindScarConcern) || interpHas(interp, assessment.FindRecentCaesarean) {
		out = append(out, "We keep any weights light and stay with breathing, gentle core work and walking until your scar has been checked.")
	}
	if interpHas(interp, assessment.FindHingePain) {
		out = append(out, "No loaded bending forward until it has been looked at.")
	}
	if interpHas(interp, assessment.FindPainHigh) {
		out = append(out, "Only movements that feel comfortable; nothing that pushes your pain up.")
	}
	if len(out) == 0 {
		out = append(out, "We keep to the gentler exercises in this plan: the amounts grow a little each week, but we do not move on to the next stage until you have been seen.")
	}
	return out
}

// ifWorse says what to do if things get worse before she is seen: the
// nerve signs at the base of the spine after a red-flag answer or with
// back pain (domain.md §2), the general-health signs after a red-flag answer, the
// wound, bleeding, fever and calf signs after a caesarean, then the
// general line.
func ifWorse(r *assessment.Record, p *assessment.Programme, interp *assessment.Interpretation, blocked bool) []string {
	var out []string
	if r == nil || r.RedFlags == nil || (interpHas(interp, assessment.FindRedFlag) && !cleared(r)) || backPain(r) {
		out = append(out, "Go to A&E or call the emergency number straight away if you notice numbness around your back passage or inner thighs, a new change in bladder or bowel control, or new weakness or numbness in your legs.")
	}
	if interpHas(interp, assessment.FindRedFlag) && !cleared(r) {
		out = append(out, "See your GP the same day if you get a fever or chills, feel generally unwell, or lose weight without trying.")
	}
	if interpHas(interp, assessment.FindRecentCaesarean) || interpHas(interp, assessment.FindScarConcern) || caesareanCheck(p) {
		out = append(out,
			"Call your GP or midwife the same day if your scar becomes red, hot, swollen or starts to weep, if your bleeding gets heavier, or if you have a fever.",
			"Go to A&E or call the emergency number if one calf becomes painful, swollen or red, or you feel suddenly short of breath or have chest pain.")
	}
	if blocked {
		out = append(out, "If your pain or symptoms get clearly worse before your appointment, stop any activity that makes it worse and call your doctor.")
	} else {
		out = append(out, "If your pain or symptoms get clearly worse before your appointment, stop the exercises that make it worse and call your doctor.")
	}
	return out
}

// backPain reports whether she has pain in or from the low back, or her
// pain was not recorded (the strictest case): the nerve signs at the base
// of the spine then belong on every sheet (domain.md §2).
func backPain(r *assessment.Record) bool {
	if r == nil || r.Pain == nil || len(r.Pain.Sites) == 0 {
		return true
	}
	for _, s := range r.Pain.Sites {
		switch s {
		case assessment.SiteLowBack, assessment.SiteSacroiliac, assessment.SiteButtock, assessment.SiteLeg:
			return true
		}
	}
	return false
}

// caesareanCheck reports whether the programme asks for a check after a
// recent caesarean.
func caesareanCheck(p *assessment.Programme) bool {
	if p == nil {
		return false
	}
	for _, ref := range p.Referrals {
		if ref.Code == assessment.ReferralCaesareanCheck {
			return true
		}
	}
	return false
}

// seeWho names each person once, in a sensible order: the GP, then a
// pelvic-health physiotherapist, then "a physiotherapist or GP" only when
// neither of the others is named (either of them covers it).
func seeWho(who []string) []string {
	has := map[string]bool{}
	for _, w := range who {
		has[w] = true
	}
	var out []string
	for _, w := range []string{"your GP", "a pelvic-health physiotherapist"} {
		if has[w] {
			out = append(out, w)
		}
	}
	for _, w := range who {
		switch w {
		case "your GP", "a pelvic-health physiotherapist":
		case "a physiotherapist or GP":
			if len(out) == 0 {
				out = append(out, w)
			}
		default:
			if !contains(out, w) {
				out = append(out, w)
			}
		}
	}
	return out
}
