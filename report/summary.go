package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/keel-coach/keel/assessment"
)

// The first page's words: what we found, what matters to her, what the
// plan works on, the reasons to see someone, and the stop list.

// referralWords are the client's version of each referral reason, by
// finding code, in Keel's own words. A code not listed falls back on the
// reason the generator wrote.
var referralWords = map[string]string{
	assessment.FindRedFlag: "Some of your answers about your back and your general health are ones that a doctor should look at before you start exercising. " +
		"This is a precaution: most of the time nothing serious is found.",
	assessment.FindPelvicFloor: "You mentioned pelvic-floor symptoms (such as leaking, urgency, heaviness or pain). " +
		"A pelvic-health physiotherapist can check your pelvic floor and guide you. Until then we leave out jumping, running and heavy lifting.",
	assessment.FindRecentCaesarean: "Your caesarean was less than 12 weeks ago. The scar is still healing, so the plan keeps loads light, " +
		"and it is worth checking with your GP before anything more than walking and pelvic-floor work.",
	assessment.FindEarlyPostpartum: "You are less than 6 weeks after giving birth. For now the plan sticks to breathing, " +
		"pelvic-floor work, walking and gentle movement, and nothing heavier than your baby.",
	assessment.FindScarConcern:        "Please ask your GP or midwife to look at your caesarean scar before we move on to harder work.",
	assessment.ReferralCaesareanCheck: "Your caesarean was recent, so please check with your GP that you are ready for more than walking and pelvic-floor work.",
	assessment.FindHingePain:          "Bending forward from the hips was painful. Your plan leaves out loaded bending until that has been looked at.",
	assessment.FindPainHigh:           "Your pain is high at the moment. Please let your doctor or physiotherapist know, and keep every exercise in the comfortable range.",
	assessment.ReferralPainPersistent: fmt.Sprintf("Your back pain has stayed at %d out of 10 or more this week. A physiotherapist or your GP should look at it; until then the plan keeps to gentle work.", assessment.PainStopMin),
	assessment.ReferralGluteNerve:     "One of your hip muscles barely switched on when I tested it. Your GP should check the nerve that works it soon, and sooner still if the weakness is new or getting worse. The plan keeps to gentle work until then.",
	assessment.FindDiastasis:          "The check of your tummy found a gap between the two sides of your tummy muscles, or a ridge when you lifted your head. A pelvic-health physiotherapist can assess it: a routine appointment, not an urgent one. Meanwhile the plan keeps to gentle core work that keeps your tummy flat.",
	assessment.ReferralPregnant:       "You are pregnant now. This plan is for after the birth: please ask your midwife to guide your exercise until then.",
}

// whoWords turns a referral's "To" into a phrase for the client.
func whoWords(to string) string {
	to = clean(to, maxSettingRunes)
	switch {
	case to == "" || strings.EqualFold(to, assessment.ReferToGP):
		return "your GP"
	case strings.HasPrefix(to, "a ") || strings.HasPrefix(to, "an ") || strings.HasPrefix(to, "your "):
		return to
	}
	r, _ := utf8.DecodeRuneInString(to)
	if unicode.IsLower(r) {
		// "pelvic-health physiotherapist" reads "a pelvic-health physiotherapist"
		if strings.ContainsRune("aeiou", r) {
			return "an " + to
		}
		return "a " + to
	}
	return to // a name: "Dr Patel"
}

// referralFallback words a referral whose code Keel has no client sentence
// for. The generator's own reason is written for the coach ("ask her GP
// ..."), so it is never shown to the client.
const referralFallback = "One of your answers is worth a check by %s before we add harder work. Until then we keep to the gentler exercises."

// referralLines merges the programme's and the interpretation's referrals,
// one line per code, in the order they first appear. The programme's list
// is the safety gates' verdict and comes first; the interpretation's adds
// any the programme lacks, except a red flag the doctor has cleared.
func referralLines(r *assessment.Record, p *assessment.Programme, interp *assessment.Interpretation, skipRedFlag bool) (lines []string, who []string) {
	seen := map[string]bool{}
	seenWho := map[string]bool{}
	add := func(r assessment.Referral) {
		key := r.Code
		if key == "" {
			key = "reason:" + r.Reason
		}
		if seen[key] || (skipRedFlag && r.Code == assessment.FindRedFlag) {
			return
		}
		seen[key] = true
		w := whoWords(r.To)
		text, ok := referralWords[r.Code]
		if !ok {
			text = fmt.Sprintf(referralFallback, w)
		}
		lines = append(lines, text)
		if !seenWho[w] {
			seenWho[w] = true
			who = append(who, w)
		}
	}
	for _, ref := range p.Referrals {
		add(ref)
	}
	if interp != nil {
		for _, ref := range interp.Referrals {
			if ref.Code == assessment.FindRedFlag && cleared(r) && !p.Blocked {
				continue
			}
			add(ref)
		}
	}
	return lines, who
}

// cleared reports whether a doctor's clearance is recorded in full, on the
// record or on the client.
func cleared(r *assessment.Record) bool {
	return r != nil && r.ClearanceStatus() == assessment.ClearanceCovers
}

// clearanceLine tells a cleared client the check was done, and to speak up
// if anything changes.
func clearanceLine(r *assessment.Record) string {
	c := r.MedicalClearance
	return fmt.Sprintf("%s cleared you to exercise on %s. If anything about your back or your general health changes, tell me before the next session.",
		clean(c.By, maxSettingRunes), longDate(c.Date))
}

// urgentFlags reports whether an answer points at the nerves at the base of
// the spine; the domain decides (assessment.NeedsCareToday).
func urgentFlags(r *assessment.Record) bool { return assessment.NeedsCareToday(r) }

// stopList is what the client should stop an exercise for, in her words
// (domain.md §6 symptoms [68][71], §1 doming [71][15]): pain by the
// programme's stop rule, the one every session page repeats. A client who
// already leaks is told what to do with her usual leaks rather than to stop
// for them.
func stopList(r *assessment.Record, p *assessment.Programme) []string {
	leak := "Leaking urine, or a sudden urge you cannot hold."
	rule := stopRuleFor(r, p)
	switch {
	case pelvicFloor(r).Leakage:
		leak = "Leaking more than you usually do, or an urge you cannot hold. Your usual small leaks: make the exercise easier (the easier option on its card), tick “Leak” on the tracking sheet and tell me at your next session."
	case pelvicFloor(r).Urgency:
		// urgency without leaking: the urge she already has is not the
		// sign, a stronger one is
		leak = "Leaking urine, or an urge stronger than you usually feel or that you cannot hold. Your usual urges: tick “Leak” on the tracking sheet only if you leaked, and tell me at your next session."
	}
	heavy := "A feeling of heaviness, dragging or a bulge in your pelvic area."
	if pelvicFloor(r).Heaviness {
		// she already feels it: what changes is the sign, as with leaks
		heavy = "Heaviness or dragging that is stronger than you usually feel, or a bulge in your pelvic area: stop that exercise, tick “Heavy” on the tracking sheet and tell me before your next session."
	}
	out := []string{rule, leak, heavy}
	// doming is said once: the programme's stop rule may already say it
	if !strings.Contains(strings.ToLower(rule), "ridge") {
		out = append(out, "Doming or coning: a ridge or peak along the middle of your belly when you strain. Make the exercise easier or stop it.")
	}
	// Bleeding in the first weeks after a birth is expected: then the
	// sign is bleeding that gets heavier again; later (domain.md §6) any
	// bleeding that is not a period. A birth date not recorded is read
	// as the strictest case: both.
	bleed := "any bleeding that is not your period"
	if f := assessment.FactsOf(r); f.Postpartum == assessment.PostpartumUnknown {
		bleed = "bleeding that gets heavier again, or any bleeding that is not your period once the bleeding after the birth has stopped"
	} else if f.Postpartum == assessment.PostpartumKnown && f.Weeks < 8 {
		bleed = "bleeding that gets heavier again"
	}
	return append(out, "Feeling dizzy, faint, short of breath beyond normal effort, or "+bleed+".")
}

// painStopAbove is the exercise pain score above which the client stops:
// 0–3 is fine, 4–5 is caution, 6 or more is stop (traffic light, domain.md
// §7 [84]).
const painStopAbove = 5

const disclaimer = "This plan is coaching, not medical advice. It does not replace your doctor, midwife or physiotherapist, " +
	"and it is written for you alone: please do not pass it on."

// referralDisclaimer closes the referral page, which holds no plan.
const referralDisclaimer = "This sheet is coaching advice, not a medical diagnosis. Only a doctor or physiotherapist can tell you what is behind these points."

// extraSafety adds cautions for findings that shape the plan without a
// referral.
var extraSafety = map[string]string{
	assessment.FindUnder12Weeks: "You are less than 12 weeks after giving birth, so the plan has no running or jumping yet.",
	assessment.FindDoming:       "Your tummy domed a little when you lifted your head. Breathe out as you make the effort, and make an exercise easier if you see doming.",
}

// domingMarked replaces the doming caution when the doming was recorded as
// marked: "a little" would tell her less than we saw.
const domingMarked = "Your tummy rose into a clear ridge when you lifted your head. Breathe out as you make the effort, and make any exercise easier, or stop it, as soon as you see that ridge."

// foundGroup puts findings that tell her the same thing under one theme,
// so "what we found" names each once: the hinge, the tight hip and thigh
// muscles, the posture of the upper back.
var foundGroup = map[string]string{
	assessment.FindHingePain: "hinge", assessment.FindHingePoor: "hinge", assessment.FindHingeFair: "hinge", assessment.FindHingeLumbarFlex: "hinge", assessment.FindHingeSquatting: "hinge",
	assessment.FindShortHipFlexors: "tight", assessment.FindShortRectus: "tight", assessment.FindTFLTightness: "tight",
	assessment.FindForwardHead: "posture", assessment.FindRoundedShoulders: "posture", assessment.FindKyphosis: "posture", assessment.FindThoracicMobility: "posture",
}

func buildSummary(r *assessment.Record, p *assessment.Programme, interp *assessment.Interpretation) Summary {
	var s Summary
	seen := map[string]bool{}
	groupSeen := map[string]bool{}
	for _, f := range interp.Findings {
		t := herVoice(clean(f.Client, maxSentenceRunes))
		if t == "" || seen[t] || (len(s.Found) >= maxFound && f.Severity < assessment.SeverityRefer) {
			continue
		}
		if f.Code == assessment.FindGeneral {
			// the foundations every plan has are not something we found:
			// "What your plan works on" gives them with their reason
			continue
		}
		if g := foundGroup[f.Code]; g != "" {
			// one point per theme: the first (most serious) finding speaks
			// for the others, which the session pages explain as they come
			if groupSeen[g] {
				continue
			}
			groupSeen[g] = true
		}
		if f.Code == assessment.FindGluteAsymmetry && (interp.Has(assessment.FindGluteMedWeak) || interp.Has(assessment.FindGluteMaxWeak)) {
			continue // the weak side is already named
		}
		if f.Code == assessment.FindRedFlag && cleared(r) {
			// The finding asks her to see a doctor; she has, and the safety
			// box says so (clearanceLine).
			continue
		}
		seen[t] = true
		s.Found = append(s.Found, t)
	}
	if t := waitsWords(p); t != "" && len(s.Found) > 0 {
		s.Found = append(s.Found, t)
	}
	if len(s.Found) == 0 {
		s.Found = []string{"Nothing in your assessment needs special care. Your plan builds strength and control for daily life with your little one."}
	}
	s.Safety, _ = referralLines(r, p, interp, false)
	if cleared(r) && interp.Has(assessment.FindRedFlag) {
		s.Safety = append(s.Safety, clearanceLine(r))
	}
	for _, f := range interp.Findings {
		t, ok := extraSafety[f.Code]
		if f.Code == assessment.FindDoming && f.Severity >= assessment.SeverityModerateFinding {
			t = domingMarked
		}
		if ok && !seen["safety:"+f.Code] {
			seen["safety:"+f.Code] = true
			s.Safety = append(s.Safety, t)
		}
	}
	if c := r.Context; c != nil {
		s.Goals = goalWords(clean(c.Goals, maxGoalsRunes))
		for i, a := range c.Activities {
			if i == assessment.MaxActivities {
				break
			}
			n := clean(a.Name, maxNameRunes)
			if n == "" {
				continue
			}
			rating := min(max(a.Rating, 0), 10)
			s.Activities = append(s.Activities, fmt.Sprintf("%s: today you rate it %d out of 10 (10 = as well as before).", n, rating))
		}
	}
	s.PlanLine = "Your plan: " + planLine(p)
	for _, f := range p.Focus {
		if len(s.Focus) == maxFocusItems {
			break
		}
		if f.Title == assessment.FocusNextCheckIn {
			continue // printed once, as the handout's check-in (Build)
		}
		t := clean(f.Title, maxNameRunes)
		why := herVoice(clean(f.Reason, maxFocusRunes))
		if t == "" && why == "" {
			continue
		}
		// The generator often gives a finding's own client sentence as the
		// reason; it is already under "What we found", so it is not repeated.
		if seen[why] || seen[herVoice(clean(f.Reason, maxSentenceRunes))] {
			why = ""
		}
		if t == "" && why == "" {
			continue
		}
		s.Focus = append(s.Focus, FocusItem{Title: t, Reason: why})
	}
	s.Disclaimer = disclaimer
	s.StopFor = stopList(r, p)
	return s
}

// planLine sums the plan up in one sentence.
func planLine(p *assessment.Programme) string {
	sessions, minutes, easy := 0, 0, 0
	walkOnly := true // every easy day is a walk and nothing else
	for _, wk := range p.Weeks {
		for _, d := range wk.Days {
			if isTraining(d) {
				sessions++
				minutes += max(d.Minutes, 0)
			} else if isSession(d) {
				easy++
				walkOnly = walkOnly && len(d.Exercises) <= 1
			}
		}
	}
	n := len(p.Weeks)
	line := fmt.Sprintf("%d weeks", n)
	if sessions > 0 {
		perWeek := float64(sessions) / float64(n)
		line += fmt.Sprintf(", about %s a week", plural(int(perWeek+0.5), "session", "sessions"))
		if minutes > 0 {
			line += fmt.Sprintf(" of around %d minutes", (minutes/sessions+2)/5*5)
		}
		if e := int(float64(easy)/float64(n) + 0.5); e > 0 {
			what := "a short habit and a walk"
			if walkOnly {
				what = "a walk"
			}
			line += fmt.Sprintf(", and %s (%s)", plural(e, "easy day", "easy days"), what)
		}
	}
	if start := weekStart(p, p.Weeks[0]); !start.IsZero() {
		line += ", starting " + start.Time().Format("Monday 2 January 2006")
	}
	return line + "."
}
