// Package report builds the client handout: a printable PDF a mother takes
// home with her plan. Build turns domain values into a Handout, a model that
// is already worded, ordered and cut to size, and Render (pdf.go, the only
// file that knows about gofpdf) draws it. Keeping the words out of the
// renderer lets tests check what the client will read without parsing a
// PDF, and keeps the layout code free of coaching rules.
package report

import (
	"fmt"
	"image/color"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/keel-coach/keel/assessment"
)

// Paper sizes a coach can print on.
const (
	PaperA4     = assessment.PaperA4
	PaperLetter = assessment.PaperLetter
)

// Units for the diastasis width on the progress page.
const (
	UnitFingers = assessment.UnitFingers
	UnitMM      = assessment.UnitMM
)

// DefaultAccent is the brand colour used when the coach has not chosen one:
// a dark teal that prints as a mid grey, so rules and bars stay visible on a
// black-and-white printer.
const DefaultAccent = "#2F6F6B"

// Limits on text the coach or a library author types, in characters. They
// keep every box on the handout smaller than a page, so nothing overflows
// and a card never has to split (H: sized for an A4/Letter page at the
// handout's type sizes).
const (
	maxNameRunes     = 90   // an exercise name
	maxClientRunes   = 200  // her name: the cover wraps it, never cuts it
	maxSessionRunes  = 60   // a session name in the week grid
	maxCueRunes      = 600  // one coaching cue: a coach's own may be long
	maxReasonRunes   = 420  // why an exercise is in the plan
	maxSentenceRunes = 360  // one "what we found" or referral sentence
	maxStopRunes     = 1200 // her stop rule: safety words, never cut short
	maxGoalsRunes    = 700  // the client's goals paragraph
	maxSettingRunes  = 120  // business name, coach name, contact line
	maxCues          = 4    // cues per card: more is more than anyone reads
	maxFound         = 5    // findings listed on the summary, beyond referrals
	maxSideNoteRunes = 300  // the side-specific note on a card
	maxFocusRunes    = 600  // a focus reason: the longest the programme writes (back to running) whole
	maxFocusItems    = 8    // focus items on the summary
	maxLogoPixels    = 25e6 // refuse to decode bigger logos (about 5000×5000): a phone photo is 12e6
)

// Input is everything a handout is made from.
type Input struct {
	// Client is the stored client; when nil the name comes from
	// Record.Client (an assessment file carries a snapshot).
	Client *assessment.Client
	// Record is the assessment the programme was generated from. Required.
	Record *assessment.Record
	// Interpretation is Interpret(Record) when the caller already has it;
	// when nil Build computes it.
	Interpretation *assessment.Interpretation
	// Programme is the plan to hand out. Required.
	Programme *assessment.Programme
	// Library holds the exercises the programme names, including the
	// coach's own. An exercise missing from it still gets a card, built from
	// the prescription alone.
	Library *assessment.Library
	// Baseline is an earlier assessment of the same client; when set the
	// handout gains a progress page comparing it with Record.
	Baseline *assessment.Record
	// History is every assessment of the client (any order); the progress
	// page charts those up to Record's date. When empty the charts use
	// Baseline and Record alone.
	History  []*assessment.Record
	Settings Settings
	// Date is the day printed on the handout; zero means Record.Date.
	Date assessment.Date
	// Print chooses the weeks printed in full; the zero value prints the
	// phase she is starting.
	Print PrintRange
}

// Handout is the whole handout, worded and ordered, ready to draw. Every
// string in it has been through Sanitize and cut to a size that fits its
// box.
type Handout struct {
	Title      string
	ClientName string
	Date       string // e.g. "2 March 2026"
	CoachName  string
	Business   string
	Contact    string
	// Logo is the coach's logo re-encoded as a small opaque PNG (nil when
	// there is none).
	Logo   []byte
	Accent color.RGBA
	Paper  string

	// Words are the fixed headings and explanations, in the handout's
	// language (Words.Lang).
	Words Words

	// Blocked is true when the programme is blocked by a safety gate: the
	// handout then has the referral sheets and nothing else.
	Blocked bool
	// Referrals are the sheets she takes to a doctor or physiotherapist:
	// the urgent one first when there is one.
	Referrals []ReferralPage

	Summary Summary
	// Parts are the weeks printed in full: a fridge page and session pages
	// for each.
	Parts []PlanPart
	// Later are the phases after the printed weeks, a paragraph each.
	Later []PhaseNote
	// CheckIn is the next check-in, in her words ("" when the plan has no
	// dates).
	CheckIn  string
	Tracking []TrackWeek
	Progress *ProgressTable

	// exercises are the library's exercises by id, for the renderer's
	// pictures (not part of the worded model).
	exercises map[string]*assessment.Exercise
}

// Summary is the first page: what we found, what matters to her, what the
// plan works on and when to stop.
type Summary struct {
	Found []string
	// Safety lists referral and caution notes, shown first and boxed.
	Safety     []string
	Goals      string
	Activities []string
	PlanLine   string // length, sessions a week and start date
	Focus      []FocusItem
	Disclaimer string
	StopFor    []string
}

// FocusItem is one thing the plan works on and why.
type FocusItem struct {
	Title  string
	Reason string
}

// TrackWeek is one week of the tracking sheet.
type TrackWeek struct {
	Week     int
	Label    string
	Dates    string
	Sessions []TrackSession
}

// TrackSession is one planned session to tick off.
type TrackSession struct {
	Day  string // "Mon"
	Name string
	Date string // "Tue 27 Oct", or "" when the plan has no dates
}

// ProgressTable compares the earlier assessment with this one, and charts
// her progress over every assessment so far.
type ProgressTable struct {
	BaselineDate string
	NowDate      string
	Rows         []ProgressRow
	Notes        []string
	// Charts are laid out in millimetres, half the page wide, for the PDF
	// painter.
	Charts []*Chart
}

// ProgressRow is one measure, before and now. Meaningful marks a change
// large enough to be more than measurement noise.
type ProgressRow struct {
	Measure    string
	Baseline   string
	Now        string
	Change     string
	Meaningful bool
}

// dayKeys are the programme's day names in grid order.
var dayKeys = [7]string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// dayLabels are the short day names the client reads.
var dayLabels = [7]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}

// Build makes the handout model. It returns an EINVALID domain error when a
// required input is missing or the settings are unusable; it never panics on
// odd data (unknown exercise ids, empty weeks, strange characters).
func Build(in Input) (*Handout, error) {
	if in.Programme == nil {
		return nil, assessment.Errorf(assessment.EINVALID, "There is no programme to print yet. Generate the plan first.")
	}
	if in.Record == nil {
		return nil, assessment.Errorf(assessment.EINVALID, "The handout needs the assessment the plan was made from.")
	}
	st := in.Settings.WithDefaults()
	if v := st.validateText(); len(v) > 0 {
		return nil, v
	}
	name := clientName(in)
	if name == "" {
		return nil, assessment.FieldErrorf(assessment.EINVALID, assessment.FieldName, "The handout needs the client's name.")
	}
	if in.Baseline != nil && !in.Baseline.Date.IsZero() && !in.Record.Date.IsZero() && in.Baseline.Date.After(in.Record.Date) {
		return nil, assessment.Errorf(assessment.EINVALID, "The earlier assessment (%s) is dated after this one (%s). Choose an earlier one to compare with.", in.Baseline.Date, in.Record.Date)
	}
	date := in.Date
	if date.IsZero() {
		date = in.Record.Date
	}
	accent, _ := ParseAccent(st.Accent)
	h := &Handout{
		Words:      englishWords,
		ClientName: name,
		Date:       longDate(date),
		CoachName:  clean(st.CoachName, maxSettingRunes),
		Business:   clean(st.Business, maxSettingRunes),
		Contact:    clean(st.Contact, maxSettingRunes),
		Accent:     accent,
		Paper:      st.Paper,
	}
	if h.CoachName == "" {
		h.CoachName = clean(in.Record.Coach, maxSettingRunes)
	}
	if len(st.Logo) > 0 {
		logo, err := prepareLogo(st.Logo)
		if err != nil {
			return nil, assessment.ValidationErrors{err}
		}
		h.Logo = logo
	}

	interp := in.Interpretation
	if interp == nil {
		x := assessment.Interpret(in.Record)
		interp = &x
	}
	p := in.Programme
	if p.Blocked {
		h.Title = "Before we start"
		h.Blocked = true
		h.Referrals = buildReferralPages(in.Record, p, interp, h, true)
		return h, nil
	}
	if len(p.Weeks) == 0 {
		return nil, assessment.Errorf(assessment.EINVALID, "This programme has no weeks. Generate it again before printing the handout.")
	}
	h.Title = "Your plan"
	lib := indexLibrary(in.Library)
	h.exercises = lib
	phases := programmePhases(p, in.Record)
	h.Summary = buildSummary(in.Record, p, interp)
	from, to, err := printWeeks(p, phases, in.Print, date)
	if err != nil {
		return nil, err
	}
	pb := &partBuilder{p: p, phases: phases, lib: lib, r: in.Record, interp: interp, shown: map[string]string{}, explain: map[string]bool{}, whySeen: map[string]bool{}}
	h.Parts = buildParts(pb, from, to)
	h.Later, h.CheckIn = buildLater(p, phases, to)
	// The programme's own check-in (its date follows her referrals, the
	// 6-week check or the end of the first phase) is the one she reads, so
	// the handout never gives two dates.
	for _, f := range p.Focus {
		if f.Title == assessment.FocusNextCheckIn && strings.TrimSpace(f.Reason) != "" {
			// On her first page the check-in line comes before the box
			// naming who to see: the programme says "named above".
			h.CheckIn = herVoice(strings.Replace(clean(f.Reason, maxFocusRunes), "named above", "named below", 1))
		}
	}
	h.Tracking = buildTracking(p, lib, from, to)
	h.Referrals = buildReferralPages(in.Record, p, interp, h, false)
	if len(h.Referrals) > 0 {
		h.Summary.Safety = referralPointer(h.Summary.Safety, in.Record, p, interp, h.Referrals)
		// the referral sheet says the plan does not move on until she has
		// been seen: the next phase says so too
		if len(h.Later) > 0 {
			seen := "You have been seen by the professional named at the end of this handout, and we follow their advice."
			h.Later[0].Criteria = append([]string{seen}, h.Later[0].Criteria...)
		}
	}
	if in.Baseline != nil {
		h.Progress = buildProgress(in.Baseline, in.Record, in.History, st.Paper)
	}
	return h, nil
}

// clientName prefers the stored client's full name and falls back on the
// record's snapshot.
func clientName(in Input) string {
	if in.Client != nil {
		if n := clean(in.Client.Name, maxClientRunes); n != "" {
			return n
		}
	}
	if in.Record != nil && in.Record.Client != nil {
		return clean(in.Record.Client.Name, maxClientRunes)
	}
	return ""
}

// longDate is the date a client reads, e.g. "2 March 2026".
func longDate(d assessment.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("2 January 2006")
}

// shortRange is a week's span, e.g. "2 Mar – 8 Mar".
func shortRange(start assessment.Date) string {
	if start.IsZero() {
		return ""
	}
	return start.Time().Format("2 Jan") + " – " + start.AddDays(6).Time().Format("2 Jan")
}

// weekStart is the first day of week w: the week's own date, or the
// programme start plus whole weeks.
func weekStart(p *assessment.Programme, wk assessment.Week) assessment.Date {
	if !wk.Start.IsZero() {
		return wk.Start
	}
	if p.Options.Start.IsZero() || wk.Week < 1 {
		return assessment.Date{}
	}
	return p.Options.Start.AddDays(7 * (wk.Week - 1))
}

// --- referrals and safety -------------------------------------------------

// joinAnd joins phrases as "a", "a and b", "a, b and c".
func joinAnd(xs []string) string { return assessment.JoinAnd(xs) }

// --- summary ----------------------------------------------------------------

func plural(n int, one, many string) string { return assessment.Plural(n, one, many) }

// --- plan at a glance ---------------------------------------------------------

// phaseSpan is one phase with its weeks, as the handout groups them.
type phaseSpan struct {
	Name        string
	Title       string
	Aim         string
	First, Last int
	// Criteria are what must be true to move on to this phase, in her
	// words (from the programme's phase criteria when it has them).
	Criteria []string
}

// defaultPhaseTitles name a phase when the programme carries no title.
var defaultPhaseTitles = map[string]string{
	assessment.PhaseActivation:  "Build control",
	assessment.PhaseStrength:    "Build strength",
	assessment.PhaseIntegration: "Put it to work",
}

// programmePhases returns the phases in week order: the programme's own when
// it lists them, otherwise runs of consecutive weeks with the same phase.
// A criterion on the time since the birth that her assessment r already
// meets is left out: it only stays met, and "at least 6 weeks since the
// birth" read a year after it is noise.
func programmePhases(p *assessment.Programme, r *assessment.Record) []phaseSpan {
	var out []phaseSpan
	if len(p.Phases) > 0 {
		for _, ph := range p.Phases {
			t := clean(ph.Title, maxNameRunes)
			if t == "" {
				t = phaseTitle(ph.Name)
			}
			span := phaseSpan{Name: ph.Name, Title: t, Aim: phaseAim(ph), First: ph.FirstWeek, Last: ph.LastWeek}
			for _, c := range ph.Criteria {
				if (c.Code == assessment.CriterionPastEarly || c.Code == assessment.CriterionCaesareanHealed) &&
					r != nil && assessment.CheckCriteria([]assessment.Criterion{c}, r)[0].Met {
					continue
				}
				// the criterion's own text is written for the coach
				// (grades, scores); she reads it in her words
				if t, ok := criterionWords[c.Code]; ok && !contains(span.Criteria, t) {
					span.Criteria = append(span.Criteria, t)
				}
			}
			out = append(out, span)
		}
		sort.SliceStable(out, func(i, j int) bool { return out[i].First < out[j].First })
		return out
	}
	for _, wk := range p.Weeks {
		if n := len(out); n > 0 && out[n-1].Name == wk.Phase && wk.Week == out[n-1].Last+1 {
			out[n-1].Last = wk.Week
			continue
		}
		out = append(out, phaseSpan{Name: wk.Phase, Title: phaseTitle(wk.Phase), First: wk.Week, Last: wk.Week})
	}
	return out
}

func phaseTitle(name string) string {
	if t, ok := defaultPhaseTitles[name]; ok {
		return t
	}
	if name == "" {
		return "Your plan"
	}
	t := clean(strings.ReplaceAll(name, "_", " "), maxNameRunes)
	r, n := utf8.DecodeRuneInString(t)
	return strings.ToUpper(string(r)) + t[n:]
}

func weeksLabel(first, last int) string {
	if first == last {
		return fmt.Sprintf("Week %d", first)
	}
	return fmt.Sprintf("Weeks %d–%d", first, last)
}

// isSession reports whether a day holds a session: rest days have no
// exercises and no minutes (a walk with minutes but no exercises counts).
func isSession(d assessment.Day) bool { return len(d.Exercises) > 0 || d.Minutes > 0 }

// isTraining reports whether a day is a training session to track: a rest
// day's short habit and walk are not.
func isTraining(d assessment.Day) bool { return isSession(d) && !d.Rest }

// dayIndex maps "mon", "Monday", "MON" to 0 and so on; -1 when unknown.
func dayIndex(day string) int {
	d := strings.ToLower(strings.TrimSpace(day))
	if len(d) < 3 {
		return -1
	}
	for i, k := range dayKeys {
		if d[:3] == k {
			return i
		}
	}
	return -1
}

// sessionName is the day's session as she reads it. A "rest" day that
// holds a short habit and a walk is an easy day: it has something in it,
// sometimes longer than a short session, so calling it rest misleads.
func sessionName(d assessment.Day) string {
	n := clean(d.Session, maxSessionRunes)
	if d.Rest && isSession(d) {
		// its exercises say what is in it, on the fridge and its page
		return "Easy day"
	}
	if n != "" {
		return plainSession.Replace(n)
	}
	return "Session"
}

// plainSession says "buttocks" where a session name says "glutes".
var plainSession = strings.NewReplacer("Glutes", "Buttocks", "glutes", "buttocks", "Glute", "Buttock", "glute", "buttock")

func buildTracking(p *assessment.Programme, lib map[string]*assessment.Exercise, from, to int) []TrackWeek {
	out := make([]TrackWeek, 0, len(p.Weeks))
	for _, wk := range p.Weeks {
		if wk.Week < from || wk.Week > to {
			continue
		}
		tw := TrackWeek{Week: wk.Week, Label: fmt.Sprintf("Week %d", wk.Week), Dates: shortRange(weekStart(p, wk))}
		days := make([]assessment.Day, 0, len(wk.Days))
		for _, d := range wk.Days {
			if isTraining(d) {
				days = append(days, d)
			}
		}
		// Monday first, whatever order the programme stored them in.
		sort.SliceStable(days, func(i, j int) bool { return dayRank(days[i].Day) < dayRank(days[j].Day) })
		for _, d := range days {
			label := ""
			if i := dayIndex(d.Day); i >= 0 {
				label = dayLabels[i]
			}
			ts := TrackSession{Day: label, Name: sessionTitle(d, lib)}
			if dd := dayDate(weekStart(p, wk), dayIndex(d.Day)); !dd.IsZero() {
				ts.Date = dd.Time().Format("Mon 2 Jan")
			}
			tw.Sessions = append(tw.Sessions, ts)
		}
		out = append(out, tw)
	}
	return out
}

func dayRank(day string) int {
	if i := dayIndex(day); i >= 0 {
		return i
	}
	return len(dayKeys)
}

// phaseAim is a phase's aim in her words; a phase Keel has no words for
// keeps the programme's.
func phaseAim(ph assessment.Phase) string {
	if t, ok := phaseAims[ph.Name]; ok {
		return t
	}
	return clean(ph.Aim, maxReasonRunes)
}

// waitsWords tells her what waits when a referral keeps the plan gentle:
// the first page names findings and goals the gentle weeks do not yet
// work on, and she should know why and until when.
func waitsWords(p *assessment.Programme) string {
	if p == nil || p.Blocked {
		return ""
	}
	var until []string
	add := func(t string) {
		if !contains(until, t) {
			until = append(until, t)
		}
	}
	for _, ref := range p.Referrals {
		switch ref.Code {
		case assessment.ReferralPainPersistent:
			add("your back pain has settled")
		case assessment.FindScarConcern, assessment.ReferralCaesareanCheck:
			add("your scar has been checked")
		case assessment.ReferralHingePain:
			add("bending forward has been looked at")
		case assessment.ReferralGluteNerve:
			add("your GP has checked your hip muscles")
		}
	}
	if len(until) == 0 {
		return ""
	}
	return "For now your plan stays gentle, so some of this waits: stronger work for your hips, practice at bending and lifting, and work towards your goals come later, once " + joinAnd(until) + "."
}

// chestClause is the part of a session's name that promises chest
// stretches; it goes when the day holds none.
const chestClause = ", with chest stretches"

// sessionTitle is sessionName without a promise the day does not keep: a
// session "with chest stretches" that has none is named without them.
func sessionTitle(d assessment.Day, lib map[string]*assessment.Exercise) string {
	n := sessionName(d)
	if !strings.Contains(n, chestClause) {
		return n
	}
	for _, x := range d.Exercises {
		if ex := lib[x.ExerciseID]; ex != nil && ex.Family == assessment.FamilyChest {
			return n
		}
	}
	return strings.Replace(n, chestClause, "", 1)
}

// referralPointer says the referral once on the first page: when every
// sheet is an ordinary one, the reasons it gives in full (for her and for
// the person she sees) are not repeated in the first page's box, which
// names who to see and points to the sheet. An urgent sheet keeps its
// reasons on the first page as well.
func referralPointer(safety []string, r *assessment.Record, p *assessment.Programme, interp *assessment.Interpretation, pages []ReferralPage) []string {
	const takeIt = "The last page of this handout is for your appointment: take it with you."
	var heads []string
	for _, pg := range pages {
		if pg.Urgent || pg.Heading == "" {
			return append(safety, takeIt)
		}
		heads = append(heads, strings.TrimSuffix(pg.Heading, "."))
	}
	said, _ := referralLines(r, p, interp, false)
	out := make([]string, 0, len(safety))
	for _, t := range safety {
		if !contains(said, t) {
			out = append(out, t)
		}
	}
	where := "The last page of this handout says why and how soon"
	if len(pages) > 1 {
		where = "The last pages of this handout say why and how soon"
	}
	return append([]string{strings.Join(heads, ". ") + ". " + where + ": take it to your appointment."}, out...)
}
