package report_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/keel-coach/keel/report"
)

// These tests act on a mother's reading of the printed handouts: each
// checks the text she reads in the real PDF.

// pdfOf builds and renders an example's one-phase handout.
func pdfOf(t *testing.T, name string) (*report.Handout, []string) {
	t.Helper()
	in := exampleInput(t, name)
	h, err := report.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	return h, pages(t, in)
}

// TestOneSidedWorkNamesTheWorkingLimb: "1 more round on your right side"
// reads, for a side-lying exercise, as lying on the right side, which
// works the left hip.
func TestOneSidedWorkNamesTheWorkingLimb(t *testing.T) {
	needTool(t, "pdftotext")
	_, ps := pdfOf(t, "weak-right-glute-med")
	all := collapse(strings.Join(ps, "\n"))
	for _, want := range []string{
		"plus 1 more round with your right leg working (lying on your left side, right leg on top)",
		"plus 1 more round with your right leg on top", // the fridge, short
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q", want)
		}
	}
	if m := regexp.MustCompile(`more rounds? on your (left|right) side`).FindString(all); m != "" {
		t.Errorf("one-sided work named by the side she might lie on: %q", m)
	}
}

// TestOneOrderEverywhere: the fridge page and the session page number the
// exercises the same way, so she does them in one order.
func TestOneOrderEverywhere(t *testing.T) {
	needTool(t, "pdftotext")
	for _, name := range []string{"weak-right-glute-med", "caesarean-4-weeks", "pelvic-floor", "full"} {
		t.Run(name, func(t *testing.T) {
			h, ps := pdfOf(t, name)
			fridge := pageWith(ps, "Your week")
			if fridge < 0 {
				t.Fatal("no fridge page")
			}
			fr := collapse(ps[fridge])
			for _, s := range h.Parts[0].Sessions {
				for i, b := range s.Exercises {
					if b.Step != i+1 {
						t.Errorf("%s: %s is step %d, at place %d", s.Heading, b.Name, b.Step, i+1)
					}
					numbered := strings.Join(strings.Fields(b.Name), " ")
					numbered = itoa(b.Step) + ". " + numbered
					if !strings.Contains(fr, numbered) {
						t.Errorf("fridge page lacks %q of %s", numbered, s.Heading)
					}
					if pageWith(ps, numbered) < 0 {
						t.Errorf("no page shows %q", numbered)
					}
				}
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestOneStopRule: every session carries the programme's stop rule, word
// for word; the first pages give it in full and each session page reminds
// her in one line that names that page; no card holds a pain number of its
// own.
func TestOneStopRule(t *testing.T) {
	needTool(t, "pdftotext")
	for _, name := range examples(t) {
		t.Run(name, func(t *testing.T) {
			h, ps := pdfOf(t, name)
			if len(h.Parts) == 0 {
				t.Skip("no plan")
			}
			var rule string
			for _, s := range h.Parts[0].Sessions {
				if rule == "" {
					rule = s.Stop
				}
				if strings.HasSuffix(s.Stop, "…") {
					t.Errorf("%s: the stop rule is cut short: %q", s.Heading, s.Stop)
				}
				if s.Stop == "" || s.Stop != rule {
					t.Errorf("%s: stop rule %q, want %q on every session page", s.Heading, s.Stop, rule)
				}
				// Its page reminds her in one line and names the page that
				// gives the rule in full.
				if p := pageWith(ps, s.Heading); p >= 0 {
					m := regexp.MustCompile(`Stop rule \(page (\d+)\):`).FindStringSubmatch(collapse(ps[p]))
					if m == nil {
						t.Errorf("%s: its page does not remind her of the stop rule", s.Heading)
					} else if n, _ := strconv.Atoi(m[1]); n < 1 || n > len(ps) || !strings.Contains(collapse(ps[n-1]), collapse(rule)) {
						t.Errorf("%s: the reminder points to page %s, which does not give the rule %q", s.Heading, m[1], rule)
					}
				}
			}
			all := collapse(strings.Join(ps, "\n"))
			if rule != "" && !strings.Contains(all, collapse(rule)) {
				t.Errorf("the first page does not give the stop rule %q", rule)
			}
			if m := regexp.MustCompile(`(above|more than) 5 out of 10`).FindString(all); m != "" {
				t.Errorf("a pain number of its own: %q", m)
			}
		})
	}
	t.Run("KnownLeaks", func(t *testing.T) {
		in := exampleInput(t, "pelvic-floor")
		if in.Record.PelvicFloor == nil || !in.Record.PelvicFloor.Leakage {
			t.Skip("the example no longer records leaking")
		}
		_, ps := pdfOf(t, "pelvic-floor")
		all := collapse(strings.Join(ps, "\n"))
		if !strings.Contains(all, "Your usual small leaks: make the exercise easier") || strings.Contains(all, "Leaking urine, or a sudden urge") {
			t.Error("a client who already leaks is told to stop for any leak")
		}
	})
}

// TestEasyDay: a "rest" day with a habit and a walk is an easy day, said
// so on the first page, and not shaded as rest.
func TestEasyDay(t *testing.T) {
	needTool(t, "pdftotext")
	h, ps := pdfOf(t, "weak-right-glute-med")
	if !strings.Contains(collapse(ps[0]), "2 easy days (a short habit and a walk)") {
		t.Errorf("first page does not say there are easy days: %q", h.Summary.PlanLine)
	}
	for _, d := range h.Parts[0].Fridge.Days {
		if len(d.Items) > 0 && d.Rest {
			t.Errorf("%s has exercises but is shaded as rest", d.Day)
		}
		if strings.HasPrefix(d.Session, "Rest") {
			t.Errorf("%s is called %q", d.Day, d.Session)
		}
	}
	if pageWith(ps, "Wednesday and Sunday: Easy day") < 0 {
		t.Error("no easy-day page")
	}
}

// TestReferralSheetWords: the emergency signs fit her answers; each
// person is named once; an unsure answer is a precaution; an emergency
// says A&E; a blank contact leaves a labelled line.
func TestReferralSheetWords(t *testing.T) {
	needTool(t, "pdftotext")
	t.Run("Caesarean", func(t *testing.T) {
		_, ps := pdfOf(t, "caesarean-4-weeks")
		sheet := collapse(ps[pageWith(ps, "If things get worse")])
		// she has low back pain: the nerve signs belong on her sheet too
		if !strings.Contains(sheet, "back passage") {
			t.Error("no nerve emergency signs on the sheet of a client with low back pain")
		}
		for _, want := range []string{"scar becomes red", "calf", "A&E"} {
			if !strings.Contains(sheet, want) {
				t.Errorf("caesarean sheet lacks %q", want)
			}
		}
	})
	t.Run("RedFlag", func(t *testing.T) {
		in := exampleInput(t, "red-flag")
		in.Settings.Contact = "" // printed with -in and no coach profile
		ps := pages(t, in)
		all := collapse(strings.Join(ps, "\n"))
		for _, want := range []string{"As a precaution, we ask a doctor to check this first", "Go to A&E or call the emergency number", "stop any activity that makes it worse", "Phone or email: ____"} {
			if !strings.Contains(all, want) {
				t.Errorf("red-flag sheet lacks %q", want)
			}
		}
		if strings.Contains(all, "stop the exercises") {
			t.Error("a sheet with no plan says to stop the exercises")
		}
	})
	t.Run("EveryReferralInPlainWords", func(t *testing.T) {
		// the fallback is vague; every referral the programme gives has its own words
		for _, name := range examples(t) {
			h, err := report.Build(exampleInput(t, name))
			if err != nil {
				t.Fatal(err)
			}
			for _, rp := range h.Referrals {
				for _, r := range rp.Reasons {
					if strings.Contains(r, "One of your answers is worth a check") {
						t.Errorf("%s: a referral without its own words: %q", name, r)
					}
				}
			}
		}
	})
	t.Run("EachPersonOnce", func(t *testing.T) {
		_, ps := pdfOf(t, "full")
		all := collapse(strings.Join(ps, "\n"))
		if !strings.Contains(all, "Please see your GP and a pelvic-health physiotherapist") {
			t.Error("referral heading does not name each person once")
		}
		if strings.Contains(all, "physiotherapist or GP and") {
			t.Error("a person named twice")
		}
	})
}

// TestWeekByWeekAmounts: an amount that grows says every week's number.
func TestWeekByWeekAmounts(t *testing.T) {
	needTool(t, "pdftotext")
	_, ps := pdfOf(t, "weak-right-glute-med")
	if !regexp.MustCompile(`rounds of \d+ in week 1, \d+ in week 2(, \d+ in week 3)? and \d+ in weeks? (3–4|4)\b`).MatchString(collapse(strings.Join(ps, "\n"))) {
		t.Error("no week-by-week amounts")
	}
	// holds that grow in number say how long each is once
	_, ps = pdfOf(t, "caesarean-2-days")
	if !strings.Contains(collapse(strings.Join(ps, "\n")), "1 round of 5-second holds: 5 in week 1, 6 in week 2 and 7 in weeks 3–8") {
		t.Error("no week-by-week number of holds")
	}
}

// TestWhatWeFound: a handful of distinct points, her goal in good words.
func TestWhatWeFound(t *testing.T) {
	h, err := report.Build(exampleInput(t, "weak-right-glute-med"))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(h.Summary.Found); n < 4 || n > 5 {
		t.Errorf("%d points under what we found, want 4 to 5: %q", n, h.Summary.Found)
	}
	seen := map[string]bool{}
	for _, f := range h.Summary.Found {
		if strings.Contains(f, "side is weaker") && seen["weak"] {
			t.Errorf("the weaker side twice: %q", h.Summary.Found)
		}
		if strings.Contains(f, "weaker") {
			seen["weak"] = true
		}
	}
	if got, want := h.Summary.Goals, "Your goal: pick up the children without your back catching"; got != want {
		t.Errorf("Goals = %q, want %q", got, want)
	}
}

// TestWhatWaits: a gentle plan says what waits and until when.
func TestWhatWaits(t *testing.T) {
	h, err := report.Build(exampleInput(t, "full"))
	if err != nil {
		t.Fatal(err)
	}
	last := h.Summary.Found[len(h.Summary.Found)-1]
	if !strings.Contains(last, "some of this waits") || !strings.Contains(last, "your back pain has settled") {
		t.Errorf("last point %q; want what waits and until when", last)
	}
}

// TestSessionNameKeepsItsPromise: a session called "with chest stretches"
// holds one.
func TestSessionNameKeepsItsPromise(t *testing.T) {
	for _, name := range examples(t) {
		in := exampleInput(t, name)
		h, err := report.Build(in)
		if err != nil {
			t.Fatal(err)
		}
		for _, part := range h.Parts {
			for _, s := range part.Sessions {
				if !strings.Contains(s.Heading, "with chest stretches") {
					continue
				}
				found := false
				for _, b := range s.Exercises {
					if e, ok := in.Library.Get(b.ExerciseID); ok && e.Family == "chest_thoracic" {
						found = true
					}
				}
				if !found {
					t.Errorf("%s: %q has no chest stretch", name, s.Heading)
				}
			}
		}
	}
}

// TestSessionPagesSayWhichDay: every page holding exercise cards starts
// with the day and session it belongs to: its heading, or, where a
// session's cards run on to a new page, "… (continued)".
func TestSessionPagesSayWhichDay(t *testing.T) {
	needTool(t, "pdftotext")
	sessionHead := regexp.MustCompile(`(?m)^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[^\n]*:[^\n]*\n`)
	days := regexp.MustCompile(`^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
	continued := 0
	for _, name := range examples(t) {
		_, ps := pdfOf(t, name)
		for i, p := range ps {
			if !strings.Contains(p, "How to do it") || strings.Contains(p, "Your week") {
				continue
			}
			first := ""
			for _, ln := range strings.Split(p, "\n") {
				if s := strings.TrimSpace(ln); s != "" {
					first = s
					break
				}
			}
			if !days.MatchString(first) {
				t.Errorf("%s page %d starts %q, not with the day it belongs to", name, i+1, first)
			}
			if strings.HasSuffix(first, "(continued)") {
				continued++
			}
			// the last session to start on the page has a card in full
			// below its heading, not only a pointer to another page
			heads := sessionHead.FindAllStringIndex(p, -1)
			if n := len(heads); n > 0 && !strings.Contains(p[heads[n-1][0]:], "How to do it\n") {
				t.Errorf("%s page %d ends with a session heading and no card in full under it:\n%s", name, i+1, p[heads[n-1][0]:])
			}
		}
	}
	if continued == 0 {
		t.Error("no session runs on to a second page in any example: the test checks nothing")
	}
}

// TestOptionsNeverRuledOut: no card offers, as its easier or harder
// option, an exercise her plan rules out.
func TestOptionsNeverRuledOut(t *testing.T) {
	checked := 0
	for _, name := range examples(t) {
		in := exampleInput(t, name)
		h, err := report.Build(in)
		if err != nil || in.Programme == nil {
			continue
		}
		out := map[string]bool{}
		for _, x := range in.Programme.Excluded {
			for _, e := range in.Library.Exercises {
				if e.ID == x.ExerciseID {
					out[report.ExerciseName(e)] = true
				}
			}
		}
		for _, part := range h.Parts {
			for _, s := range part.Sessions {
				for _, b := range s.Exercises {
					checked++
					if out[b.Easier] || out[b.Harder] {
						t.Errorf("%s: %s offers %q / %q, which her plan rules out", name, b.Name, b.Easier, b.Harder)
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Error("no card checked")
	}
}
