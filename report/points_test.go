package report_test

import (
	"fmt"
	"image/color"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/report"
)

// These tests read the handout as she does: the text pdftotext extracts,
// page by page, for every example assessment.

// examples are the example files whose programme is not blocked.
func examples(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "docs", "examples", "*.json"))
	var out []string
	for _, f := range files {
		out = append(out, strings.TrimSuffix(filepath.Base(f), ".json"))
	}
	if len(out) == 0 {
		t.Fatal("no example assessments")
	}
	return out
}

// pages renders in and returns the text of each page.
func pages(t *testing.T, in report.Input) []string {
	t.Helper()
	path := writeTemp(t, render(t, in, report.RenderOptions{Fixed: fixedTime}))
	// -raw keeps the drawing order, so a name wrapped in a fridge column
	// reads whole
	text := run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")
	ps := strings.Split(text, "\f")
	if n := len(ps); n > 0 && strings.TrimSpace(ps[n-1]) == "" {
		ps = ps[:n-1]
	}
	return ps
}

// exampleInput is an example's one-phase handout, as the command prints
// it: no progress pages.
func exampleInput(t *testing.T, name string) report.Input {
	in := realInput(t, name, assessment.DefaultProgrammeWeeks)
	in.Baseline = nil
	return in
}

// coachLanguage is what must never reach her: grades, scores, codes, ISO
// dates, notes written for the coach, the third person.
var coachLanguage = []*regexp.Regexp{
	regexp.MustCompile(`\b\d[+-]?/5\b`),                                // muscle grades "3/5", "4+/5"
	regexp.MustCompile(`\b\d[+-]? of [35]\b|\(0–[35]\b`),               // grades and scores in words: "4- of 5", "(0–3"
	regexp.MustCompile(`(?i)\bglute (medius|maximus)\b|\bbig glute\b`), // muscle names
	regexp.MustCompile(`\b\d/3\b|\bscored\b`),                          // the hinge score
	regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`),                        // ISO dates
	regexp.MustCompile(`\b\d+-\d+-\d+\b`),                              // tempo codes "3-1-2"
	regexp.MustCompile(`\b\d+ ?× ?\d+`),                                // "2 × 8"
	regexp.MustCompile(`\bpain \d+/10\b`),                              // "pain 7/10"
	regexp.MustCompile(`(?i)\bglute (med|max)\b`),                      // muscle shorthand
	regexp.MustCompile(`\b(NPRS|RPE|IRD|DRA|ASLR|TFL)\b`),              // abbreviations
	regexp.MustCompile(`(?i)\b(left|right) only\b`),                    // the generator's side note
	regexp.MustCompile(`Regressed from|Chosen by the coach|dose reduced|No easier variation|Her reason`),
	regexp.MustCompile(`\b(she|her|hers|herself)\b`),                                        // written about her, not to her
	regexp.MustCompile(`(?i)\b(EINVALID|ENOTFOUND|red_flag|pelvic_floor|glute_med_weak)\b`), // codes
	// one-sided work named by the side: lying on that side works the other hip
	regexp.MustCompile(`more rounds? on your (left|right) side|on your (left|right) side only`),
	// written for the coach, or frightening and vague
	regexp.MustCompile(`(?i)rep range|health questions are all answered|past the first weeks of recovery|treat that as a yes|explain when we next meet|urgent care`),
}

// checkHerWords fails for every coach-language pattern in text.
func checkHerWords(t *testing.T, what, text string) {
	t.Helper()
	flat := collapse(text)
	for _, re := range coachLanguage {
		if loc := re.FindStringIndex(flat); loc != nil {
			m, i := flat[loc[0]:loc[1]], loc[0]
			t.Errorf("%s: coach language %q (pattern %s) in %q", what, m, re, flat[max(0, i-60):min(len(flat), i+60)])
		}
	}
}

func TestHandoutOnlyHerWords(t *testing.T) {
	needTool(t, "pdftotext")
	for _, name := range examples(t) {
		t.Run(name, func(t *testing.T) {
			in := realInput(t, name, 12)
			in.Print = report.PrintRange{All: true}
			checkHerWords(t, name, strings.Join(pages(t, in), "\n"))
		})
	}
	t.Run("ProgressHistory", func(t *testing.T) {
		checkHerWords(t, "progress", strings.Join(pages(t, historyInput(t)), "\n"))
	})
	t.Run("Goal", func(t *testing.T) {
		in := exampleInput(t, "full")
		in.Record.Context.Goals = "Run a 5 km parkrun with her sister"
		h, err := report.Build(in)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := h.Summary.Goals, "Your goal: run a 5 km parkrun with your sister"; got != want {
			t.Errorf("Goals = %q, want %q", got, want)
		}
	})
	t.Run("MarkedDoming", func(t *testing.T) {
		for _, tt := range []struct {
			doming, want, not string
		}{{assessment.DomingMarked, "clear ridge", "a little"}, {assessment.DomingMild, "a little", "clear ridge"}} {
			in := exampleInput(t, "full")
			if in.Record.Diastasis == nil {
				in.Record.Diastasis = &assessment.Diastasis{}
			}
			in.Record.Diastasis.Doming = tt.doming
			h, err := report.Build(in)
			if err != nil {
				t.Fatal(err)
			}
			all := strings.Join(h.Summary.Safety, " ")
			if !strings.Contains(all, tt.want) || strings.Contains(all, tt.not) {
				t.Errorf("%s doming: safety box %q; want %q, not %q", tt.doming, all, tt.want, tt.not)
			}
		}
	})
}

// TestDayPageListsThatDaysExercises: the fridge page names every day's
// exercises, and each session page names the exercises of its day, in the
// programme's order.
func TestDayPageListsThatDaysExercises(t *testing.T) {
	needTool(t, "pdftotext")
	for _, name := range examples(t) {
		t.Run(name, func(t *testing.T) {
			in := exampleInput(t, name)
			if in.Programme.Blocked {
				t.Skip("blocked: referral sheets only (TestUrgentSheet)")
			}
			h, err := report.Build(in)
			if err != nil {
				t.Fatal(err)
			}
			ps := pages(t, in)
			part := h.Parts[0]
			// the programme's own first week of the part
			var week assessment.Week
			for _, wk := range in.Programme.Weeks {
				if wk.Week == part.First {
					week = wk
				}
			}
			fridge := pageWith(ps, "Your week")
			if fridge < 0 {
				t.Fatal("no fridge page")
			}
			for _, d := range week.Days {
				var want []string
				seen := map[string]bool{}
				for _, x := range d.Exercises {
					e, _ := in.Library.Get(x.ExerciseID)
					if n := report.ExerciseName(e); !seen[n] {
						seen[n] = true
						want = append(want, n)
					}
				}
				for _, n := range want {
					if !strings.Contains(collapse(ps[fridge]), n) {
						t.Errorf("fridge page: %s's %q missing", d.Day, n)
					}
				}
				if len(want) == 0 {
					continue
				}
				day := dayName(d.Day)
				var page = -1
				var sp report.SessionPage
				for _, s := range part.Sessions {
					if strings.Contains(s.Days, day) && s.Weeks == "" || strings.Contains(s.Days, day) && strings.Contains(s.Weeks, fmt.Sprint(part.First)) {
						sp = s
						page = pageWith(ps, s.Heading)
						break
					}
				}
				if page < 0 {
					t.Errorf("no session page for %s", day)
					continue
				}
				var got []string
				for _, b := range sp.Exercises {
					got = append(got, b.Name)
				}
				if strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("%s page lists %q, the programme %q", day, got, want)
				}
				// the pages from the heading to the next session's heading
				// (a long session flows on, each card whole) name every
				// exercise of the day
				text := collapse(ps[page])
				for k := page + 1; k < len(ps); k++ {
					text += collapse(ps[k])
					if startsSession(ps[k], part.Sessions) {
						break
					}
				}
				for _, n := range want {
					if !strings.Contains(text, n) {
						t.Errorf("%s page: %q missing", day, n)
					}
				}
			}
		})
	}
}

// startsSession reports whether a page holds a session heading.
func startsSession(page string, ss []report.SessionPage) bool {
	for _, s := range ss {
		if strings.Contains(collapse(page), s.Heading) {
			return true
		}
	}
	return false
}

func dayName(key string) string {
	for _, d := range []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"} {
		if strings.HasPrefix(strings.ToLower(d), strings.ToLower(key)) {
			return d
		}
	}
	return key
}

// pageWith is the index of the first page containing s, or −1.
func pageWith(ps []string, s string) int {
	for i, p := range ps {
		if strings.Contains(collapse(p), collapse(s)) {
			return i
		}
	}
	return -1
}

// routineWords are what an urgent sheet must not say: it would tell her
// the urgent thing can wait.
var routineWords = regexp.MustCompile(`(?i)precaution|nothing serious|book an appointment|gentle walking|walking and everyday|within the next|two weeks|is fine`)

func TestUrgentSheet(t *testing.T) {
	needTool(t, "pdftotext")
	in := fixtureBlocked(t)
	ps := pages(t, in)
	urgent := collapse(ps[0])
	if !strings.Contains(urgent, "Today") || !strings.Contains(urgent, "emergency department") {
		t.Errorf("urgent sheet %q; want today and where to go", urgent)
	}
	if m := routineWords.FindString(urgent); m != "" {
		t.Errorf("urgent sheet says %q: routine wording on an urgent sheet", m)
	}
	if !strings.Contains(urgent, "Sam Rivera") {
		t.Error("urgent sheet does not name the coach")
	}
	checkHerWords(t, "referral sheets", strings.Join(ps, "\n"))
	t.Run("OrdinarySheet", func(t *testing.T) {
		in := exampleInput(t, "pelvic-floor")
		h, err := report.Build(in)
		if err != nil {
			t.Fatal(err)
		}
		ps := pages(t, in)
		i := pageWith(ps, "Who to see, and how soon")
		if i < 0 {
			t.Fatal("no ordinary referral sheet")
		}
		sheet := collapse(ps[i])
		for _, want := range []string{"You told me about", "within the next two weeks", "If things get worse", "Until you have been seen", "No running, jumping"} {
			if !strings.Contains(sheet, want) {
				t.Errorf("ordinary sheet lacks %q", want)
			}
		}
		if h.Blocked || len(h.Referrals) != 1 || h.Referrals[0].Urgent {
			t.Errorf("pelvic-floor: blocked %v, sheets %d; want a plan and one ordinary sheet", h.Blocked, len(h.Referrals))
		}
	})
}

func TestTrackingKeyOnSheet(t *testing.T) {
	needTool(t, "pdftotext")
	for _, name := range examples(t) {
		t.Run(name, func(t *testing.T) {
			in := exampleInput(t, name)
			if in.Programme.Blocked {
				t.Skip("blocked")
			}
			ps := pages(t, in)
			i := pageWith(ps, "Tracking sheet")
			if i < 0 {
				t.Fatal("no tracking sheet")
			}
			p := collapse(ps[i])
			for _, want := range []string{"Done: tick", "Pain: your back", "Leak, Heavy, Dome", "Notes", "Week 1"} {
				if !strings.Contains(p, want) {
					t.Errorf("tracking page lacks %q: the key and the table share a page", want)
				}
			}
			// the first column: when and which session (weeks one after
			// the other), or the day with a line naming each day's session
			// (two weeks side by side)
			if !(strings.Contains(p, "When") && strings.Contains(p, "Session")) &&
				!(strings.Contains(p, "Day") && strings.Contains(p, "Each row is a day's session")) {
				t.Error("tracking page names neither when and which session nor each day's session")
			}
		})
	}
}

// headerFooter matches what every page repeats, so a page's own words can
// be counted.
var headerFooter = regexp.MustCompile(`Page \d+ of \d+`)

// TestPageWordCounts: no page holds fewer than 60 words of its own, but a
// referral sheet or the last tracking page.
func TestPageWordCounts(t *testing.T) {
	needTool(t, "pdftotext")
	check := func(t *testing.T, in report.Input) {
		h, err := report.Build(in)
		if err != nil {
			t.Fatal(err)
		}
		ps := pages(t, in)
		repeat := len(strings.Fields(h.ClientName))*2 + len(strings.Fields(h.Date)) + len(strings.Fields(firstNonEmpty(h.Business, h.CoachName))) + 3
		for i, p := range ps {
			if i == len(ps)-1 || strings.Contains(p, "Who to see") || strings.Contains(p, "What you told me") ||
				strings.Contains(p, "Tracking sheet") && pageWith(ps[i+1:], "Tracking sheet") < 0 {
				continue
			}
			words := len(strings.Fields(headerFooter.ReplaceAllString(p, ""))) - repeat
			if words < 60 {
				t.Errorf("page %d of %d has %d words of its own, want at least 60:\n%s", i+1, len(ps), words, collapse(p))
			}
		}
	}
	for _, name := range examples(t) {
		t.Run(name, func(t *testing.T) { check(t, exampleInput(t, name)) })
	}
	t.Run("Fixture", func(t *testing.T) { check(t, fixtureInput(t, 12)) })
}

func firstNonEmpty(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}

// TestOnePhaseFitsEightPages: a one-phase handout, without progress pages,
// fits in 8 pages for every example file and every demo client with an
// assessment, on A4 and on US Letter.
func TestOnePhaseFitsEightPages(t *testing.T) {
	needTool(t, "pdfinfo")
	const target = 8
	check := func(t *testing.T, name string, in report.Input) {
		if in.Programme == nil || in.Programme.Blocked {
			t.Skip("no plan to print")
		}
		for _, paper := range []string{report.PaperA4, report.PaperLetter} {
			in := in
			in.Settings.Paper = paper
			n := pageCount(t, writeTemp(t, render(t, in, report.RenderOptions{})))
			if n > target {
				t.Errorf("%s: %d pages; want at most %d", paper, n, target)
			}
		}
	}
	for _, name := range examples(t) {
		t.Run(name, func(t *testing.T) { check(t, name, exampleInput(t, name)) })
	}
	lib := realLibrary(t)
	for _, sc := range assessment.SampleClients(assessment.DateOf(fixedTime)) {
		if len(sc.Records) == 0 {
			continue
		}
		t.Run("demo/"+sc.Client.Name, func(t *testing.T) {
			rec := sc.Records[len(sc.Records)-1]
			p, err := assessment.Generate(rec, lib, assessment.ProgrammeOptions{Weeks: assessment.DefaultProgrammeWeeks})
			if err != nil {
				t.Fatalf("Generate: %v", err)
			}
			c := sc.Client
			check(t, "demo/"+c.Name, report.Input{Client: &c, Record: rec, Programme: p, Library: lib, Settings: fixtureSettings(t), Date: rec.Date})
		})
	}
}

// TestChartSeriesDifferInGrey: printed in black and white, two series must
// still look different: by the grey of their ink, their dash or their
// points. The PDF is rendered in grey and each series' legend swatch is
// compared too.
func TestChartSeriesDifferInGrey(t *testing.T) {
	grey := func(c color.RGBA) float64 { return 0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B) }
	for i := 0; i < 5; i++ {
		for j := i + 1; j < 5; j++ {
			sameGrey := abs(grey(report.SeriesColor(i))-grey(report.SeriesColor(j))) < 40
			sameDash := fmt.Sprint(report.SeriesDash(i, 1)) == fmt.Sprint(report.SeriesDash(j, 1))
			if sameGrey && sameDash {
				t.Errorf("series %d and %d print as the same grey with the same dash", i, j)
			}
		}
	}
	needTool(t, "pdftoppm")
	in := historyInput(t)
	h, err := report.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	var multi *report.Chart
	for _, c := range h.Progress.Charts {
		if len(c.Series) > 1 {
			multi = c
			break
		}
	}
	if multi == nil {
		t.Skip("no chart with two series in the history fixture")
	}
	styles := map[int]string{}
	for _, m := range multi.Marks {
		if m.Kind == report.MarkLine && m.Ink == report.InkSeries {
			styles[m.Series] = fmt.Sprint(m.Dash)
		}
	}
	if len(styles) > 1 && styles[0] == styles[1] {
		t.Errorf("series lines share the dash pattern %s", styles[0])
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestLongNameWrapsOnCover: a 109-character name is printed whole on the
// cover, wrapped, never cut.
func TestLongNameWrapsOnCover(t *testing.T) {
	needTool(t, "pdftotext")
	in := exampleInput(t, "clean")
	long := "Maria-Fernanda Alexandrina Konstantinopoulou-Rodríguez de la Vega y Montenegro-Szczepańska van der Berghe"
	if n := len([]rune(long)); n < 100 {
		t.Fatalf("name of %d characters; want over 100", n)
	}
	in.Client = &assessment.Client{Name: long}
	ps := pages(t, in)
	if !strings.Contains(collapse(ps[0]), long) {
		t.Errorf("cover lacks the whole name:\n%s", collapse(ps[0])[:400])
	}
}

// TestHeadingNeverEndsPage: the last line of every page is never a
// heading, and a numbered list starts and ends on one page.
func TestHeadingNeverEndsPage(t *testing.T) {
	needTool(t, "pdftotext")
	check := func(t *testing.T, in report.Input) {
		h, err := report.Build(in)
		if err != nil {
			t.Fatal(err)
		}
		w := h.Words
		heads := []string{w.Found, w.Matters, w.WorksOn, w.LaterHeading, w.TrackHeading, w.ToldMe, w.SeeWhoHead, w.IfWorseHead, w.NextHead, w.PlanLimited, w.OverTime, w.ReadFirst, w.NotAdvice}
		for _, p := range h.Parts {
			for _, s := range p.Sessions {
				heads = append(heads, s.Heading)
			}
		}
		for i, p := range pages(t, in) {
			var lines []string
			for _, l := range strings.Split(p, "\n") {
				if l = strings.TrimSpace(l); l != "" && !headerFooter.MatchString(l) && l != h.ClientName && l != h.Date {
					lines = append(lines, l)
				}
			}
			if len(lines) == 0 {
				continue
			}
			last := lines[len(lines)-1]
			for _, hd := range heads {
				if last == hd {
					t.Errorf("page %d ends with the heading %q", i+1, hd)
				}
			}
			if strings.HasPrefix(last, "1. ") && i < 2 {
				t.Errorf("page %d ends with the first item of a numbered list: %q", i+1, last)
			}
		}
	}
	for _, name := range examples(t) {
		t.Run(name, func(t *testing.T) { check(t, exampleInput(t, name)) })
	}
	t.Run("Fixture", func(t *testing.T) { check(t, fixtureInput(t, 12)) })
}

// TestDocumentMetadata: the PDF has a title, the document language and a
// bookmark for each section.
func TestDocumentMetadata(t *testing.T) {
	needTool(t, "pdfinfo")
	in := exampleInput(t, "clean")
	pdf := render(t, in, report.RenderOptions{Fixed: fixedTime})
	path := writeTemp(t, pdf)
	info := run(t, "pdfinfo", path)
	if !strings.Contains(info, "Title:") || !strings.Contains(info, "Your plan") {
		t.Errorf("pdfinfo: %s; want the title", info)
	}
	if !regexp.MustCompile(`/Lang \(en-GB\)`).Match(pdf) {
		t.Error("no /Lang (en-GB) in the catalog")
	}
	h, err := report.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{h.Title, h.Parts[0].Title, h.Parts[0].Sessions[0].Heading, h.Words.TrackHeading} {
		if !strings.Contains(string(pdf), "/Title") || !containsUTF16(pdf, want) {
			t.Errorf("no bookmark %q", want)
		}
	}
	if !strings.Contains(string(pdf), "/Outlines") {
		t.Error("no outline (bookmarks) in the PDF")
	}
}

// containsUTF16 looks for s as the UTF-16 text gofpdf writes bookmarks in.
func containsUTF16(pdf []byte, s string) bool {
	var b strings.Builder
	for _, r := range s {
		if r > 0xFFFF {
			return true // not representable here; do not fail on it
		}
		b.WriteByte(byte(r >> 8))
		b.WriteByte(byte(r))
	}
	return strings.Contains(string(pdf), b.String())
}

// TestPlainExerciseNames: no exercise name she reads is coach jargon on
// its own. A term a coach says aloud ("dead bug", "Pallof", "90/90") may
// stay only in brackets after plain words that say what she does.
func TestPlainExerciseNames(t *testing.T) {
	jargon := regexp.MustCompile(`(?i)\bRDL\b|\bpallof\b|90/90|\bY-T-W\b|\bdead bug\b|\bbird dog\b|\bcat-cow\b|\bprone\b|\bsupine\b|\bquadruped\b|\bglute\b|\bthoracic\b|\babduction\b|\badductor\b|\bhinge\b|\bgoblet\b|\bfigure-4\b|\bactivation\b`)
	lib := realLibrary(t)
	for _, e := range lib.Exercises {
		name := report.ExerciseName(e)
		plain := name
		if i := strings.Index(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
			plain = name[:i]
		}
		if m := jargon.FindString(plain); m != "" {
			t.Errorf("%s: %q says %q without plain words", e.ID, name, m)
		}
	}
}
