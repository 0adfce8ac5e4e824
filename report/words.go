package report

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/keel-coach/keel/assessment"
)

// Words are the fixed sentences of the handout: headings and the short
// explanations under them. They live in the model, not in the renderer, so
// a test can read every word she will read without opening a PDF, and a
// translation has one place to go.
type Words struct {
	Lang        string // BCP 47 tag of the document language
	ReadFirst   string
	Found       string
	Matters     string
	Activities  string
	WorksOn     string
	WorksOnSame string
	NotAdvice   string
	StopIntro   string
	StopRule    string // the label before her stop rule on a session page
	// StopReminder is the one line under a session's heading that points to
	// the stop rule in full ("%d" is the page it is on).
	StopReminder string
	Questions    string
	LaterHeading string
	DosesHeading string
	TrackHeading string
	TrackIntro   string
	TrackKey     []string
	// TrackDay heads the first column when two weeks sit side by side;
	// TrackDaysIntro opens the line naming each day's session.
	TrackDay       string
	TrackDaysIntro string
	ProgressHead   string
	ProgressIntro  string
	OverTime       string
	ReferralWhy    string
	PlanLimited    string
	Cues           string
	Feel           string
	StopIf         string
	Easier         string
	Harder         string
	Equipment      string
	Why            string
	Changed        string
	ToldMe         string
	SeeWhoHead     string
	IfWorseHead    string
	NextHead       string
	MoveOnWhen     string
	MoveOnAgain    string // the same for the phases after the first
	RestDay        string
	RestDayText    string
	AboutMinutes   string // "about %d min"
	TrackColumns   []string
}

// englishWords are the handout's words in British English.
var englishWords = Words{
	Lang:           "en-GB",
	ReadFirst:      "Please read this first",
	Found:          "What we found",
	Matters:        "What matters to you",
	Activities:     "Activities we will track",
	WorksOn:        "What your plan works on, and why",
	WorksOnSame:    "Each of these answers something under “What we found”.",
	NotAdvice:      "Coaching, not medical advice",
	StopIntro:      "When to stop an exercise and tell me:",
	StopRule:       "Your stop rule",
	StopReminder:   "Stop rule (page %d): ease off or stop for pain, leaking, heaviness or a ridge on your tummy.",
	Questions:      "Questions or worries: ",
	LaterHeading:   "After this phase",
	DosesHeading:   "How to read the amounts",
	TrackHeading:   "Tracking sheet",
	TrackIntro:     "After each session, fill in its row with a pen; bring the sheet to your next check-in.",
	ProgressHead:   "Your progress",
	ProgressIntro:  "Your first assessment (%s) next to today's (%s).",
	OverTime:       "Over time",
	ReferralWhy:    "Why I am asking you to get checked",
	PlanLimited:    "Until you have been seen",
	Cues:           "How to do it",
	Feel:           "How it should feel",
	StopIf:         "Stop if",
	Easier:         "Easier",
	Harder:         "Harder, when we agree",
	Equipment:      "You need",
	Why:            "Why",
	Changed:        "What changed",
	ToldMe:         "What you told me",
	SeeWhoHead:     "Who to see, and how soon",
	IfWorseHead:    "If things get worse",
	NextHead:       "What happens next",
	MoveOnWhen:     "We move on when you are ready, not by the calendar: when",
	MoveOnAgain:    "We move on to these weeks when",
	RestDay:        "Rest day",
	RestDayText:    "A gentle walk is welcome; otherwise enjoy the rest.",
	AboutMinutes:   "about %d min",
	TrackDay:       "Day",
	TrackDaysIntro: "Each row is a day's session:",
	TrackColumns:   []string{"When", "Session", "Done", "Pain", "Leak", "Heavy", "Dome", "Notes"},
	TrackKey: []string{
		"Done: tick when you finish. Pain: your back afterwards, from 0 (none) to 10 (the worst you can imagine).",
		"Leak, Heavy, Dome: tick if you leaked, felt heaviness or dragging low down, or saw a ridge along the middle of your tummy. Tell me at the next session; if one is new or stronger than usual, stop that exercise and tell me before then.",
	},
}

// isoDate finds a date written for the coach, such as 2026-11-14.
var isoDate = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)

// humanDate rewrites an ISO date as "14 November"; "" when s holds none.
func humanDate(s string) string {
	m := isoDate.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	t, err := time.Parse("2006-01-02", m[0])
	if err != nil {
		return ""
	}
	return t.Format("2 January")
}

// changeWords tells her, in her words, why the coach changed a line. The
// reason on the line is written for the coach ("Regressed from Cat-cow to
// … after the session on 2026-11-14 (pain 7/10)"); only its kind and date
// are used. "" when the line was not changed by the coach.
func changeWords(reason string) string {
	r := strings.TrimSpace(reason)
	when := ""
	if d := humanDate(r); d != "" {
		when = " on " + d
	}
	what := "your sore session"
	if strings.Contains(r, "doming") {
		what = "the session where your tummy domed"
	}
	switch {
	case strings.HasPrefix(r, "Regressed from "):
		return "We made this easier after " + what + when + ". Go back to the harder version only when I say so."
	case strings.HasPrefix(r, "No easier variation of "):
		return "We lowered the amount after " + what + when + "."
	case strings.HasPrefix(r, "Chosen by the coach despite"):
		return "I chose this one for you on purpose; we talked it through together."
	case strings.HasPrefix(r, "Chosen by the coach"):
		return "I chose this one for you in place of an exercise in your first plan."
	}
	return ""
}

// goalWords turns the goals the coach typed ("Run a 5 km parkrun with her
// sister") into a line addressed to her ("Your goal: run a 5 km parkrun
// with your sister").
func goalWords(goals string) string {
	g := strings.TrimSpace(goals)
	if g == "" {
		return ""
	}
	words := strings.Fields(g)
	for i, w := range words {
		core := strings.TrimRightFunc(w, unicode.IsPunct)
		tail := w[len(core):]
		lower := strings.ToLower(core)
		var rep string
		switch lower {
		case "her":
			// "her sister" is possessive; "help her" or "her." is not.
			rep = "you"
			if tail == "" && i+1 < len(words) && (!isPreposition(words[i+1]) || bodyBack(words, i+1)) {
				rep = "your"
			}
		case "hers":
			rep = "yours"
		case "herself":
			rep = "yourself"
		case "she":
			rep = "you"
		default:
			continue
		}
		if core != lower {
			rep = strings.ToUpper(rep[:1]) + rep[1:]
		}
		words[i] = rep + tail
	}
	g = strings.Join(words, " ")
	label := "Your goal: "
	if strings.ContainsAny(g, ";") {
		label = "Your goals: "
	}
	r, n := utf8.DecodeRuneInString(g)
	if unicode.IsUpper(r) && !startsWithName(g) {
		g = string(unicode.ToLower(r)) + g[n:]
	}
	return label + g
}

func isPreposition(w string) bool {
	switch strings.ToLower(strings.TrimRightFunc(w, unicode.IsPunct)) {
	case "to", "with", "and", "or", "for", "in", "on", "at", "up", "down", "back", "again", "out":
		return true
	}
	return false
}

// bodyBack reports whether words[i] is "back" as her back ("without her
// back catching") rather than the adverb ("get her back to sleep"): the
// noun is followed by a word that is not a preposition.
func bodyBack(words []string, i int) bool {
	if !strings.EqualFold(strings.TrimRightFunc(words[i], unicode.IsPunct), "back") {
		return false
	}
	return i+1 < len(words) && words[i] == strings.TrimRightFunc(words[i], unicode.IsPunct) && !isPreposition(words[i+1])
}

// startsWithName keeps the capital of a first word that is a name or "I".
func startsWithName(s string) bool {
	first := strings.Fields(s)[0]
	return first == "I" || strings.ToUpper(first) == first
}

// criterionWords say, by criterion code, what must be true before she
// moves on to a phase, in her words (the programme's own text is written
// for the coach). A code not listed is left out, never shown raw.
var criterionWords = map[string]string{
	assessment.CriterionScreenClear:     "Nothing in your health answers stands in the way of exercise.",
	assessment.CriterionPastEarly:       fmt.Sprintf("At least %d weeks have passed since the birth, and after a caesarean your GP has said you are ready.", assessment.EarlyPostpartumWeeks),
	assessment.CriterionPainGreen:       "Your back pain stays at 3 out of 10 or less, during and after the sessions.",
	assessment.CriterionHingeFair:       "You can bend from the hips with your back long, without pain.",
	assessment.CriterionNoDoming:        "Your tummy stays flat (no clear ridge) when you lift your head.",
	assessment.CriterionCaesareanHealed: "Your caesarean scar has healed and been checked.",
	assessment.CriterionHingeClean:      "Bending from the hips looks and feels smooth, with your back long.",
	assessment.CriterionMidlineFirm:     "The middle of your tummy feels firm and stays flat under effort.",
	assessment.CriterionGlutesStrong:    "Your buttock and side-hip muscles are strong on both sides.",
}

// phaseAims say what each phase is for, in her words; the programme's own
// aim is written for the coach ("the top of the rep range").
var phaseAims = map[string]string{
	assessment.PhaseActivation:  "Wake up the deep muscles of your tummy and your buttocks, learn to bend from the hips and ease stiff areas, with small amounts and careful form.",
	assessment.PhaseStrength:    fmt.Sprintf("Build strength with more rounds and harder versions of the exercises. We step up when the last repetitions of a round feel easy and your back pain stays at %d out of 10 or less.", assessment.PainModerateMin-1),
	assessment.PhaseIntegration: "Carry your new strength into lifting, carrying and everyday jobs, with heavier or one-leg versions of the exercises.",
}
