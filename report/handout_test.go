package report_test

import (
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/report"
)

func TestBuild(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		h, err := report.Build(fixtureInput(t, 12))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := h.ClientName, fixtureName; got != want {
			t.Errorf("ClientName = %q, want %q", got, want)
		}
		if got, want := h.Date, "2 March 2026"; got != want {
			t.Errorf("Date = %q, want %q", got, want)
		}
		if h.Blocked {
			t.Error("Blocked = true; want an unblocked handout")
		}
		if len(h.Logo) == 0 {
			t.Error("Logo is empty; want the prepared logo")
		}
		if got, want := h.Words.Lang, "en-GB"; got != want {
			t.Errorf("Lang = %q, want %q", got, want)
		}
		if got, want := len(h.Parts), 1; got != want {
			t.Fatalf("%d parts printed in full, want %d (the phase she is starting)", got, want)
		}
		part := h.Parts[0]
		if got, want := part.Title, "Weeks 1–4 · Build control"; got != want {
			t.Errorf("part title = %q, want %q", got, want)
		}
		if got, want := part.Dates, "2 Mar – 29 Mar 2026"; got != want {
			t.Errorf("part dates = %q, want %q", got, want)
		}
		if got, want := len(h.Later), 2; got != want {
			t.Errorf("%d later phases, want %d", got, want)
		}
		for _, n := range h.Later {
			if len(n.Criteria) == 0 || n.CheckIn == "" {
				t.Errorf("later phase %q: criteria %q, check-in %q; want both", n.Title, n.Criteria, n.CheckIn)
			}
		}
		if got, want := h.CheckIn, "Your next check-in: around Monday 30 March, at the end of week 4."; got != want {
			t.Errorf("CheckIn = %q, want %q", got, want)
		}
		if got, want := len(h.Tracking), 4; got != want {
			t.Fatalf("%d tracking weeks, want %d (the printed weeks)", got, want)
		}
		if got, want := len(h.Tracking[0].Sessions), 4; got != want {
			t.Errorf("week 1 has %d sessions to tick, want %d", got, want)
		}
		if got, want := h.Tracking[0].Sessions[1].Date, "Wed 4 Mar"; got != want {
			t.Errorf("second session date = %q, want %q", got, want)
		}
		if len(h.Summary.Found) == 0 || len(h.Summary.StopFor) < 4 || h.Summary.Disclaimer == "" {
			t.Errorf("summary incomplete: %d found, %d stop-for, disclaimer %q", len(h.Summary.Found), len(h.Summary.StopFor), h.Summary.Disclaimer)
		}
		if !anyContains(h.Summary.Safety, "pelvic-health physiotherapist") {
			t.Errorf("Safety = %q; want the pelvic-health referral", h.Summary.Safety)
		}
		if got, want := len(h.Summary.Activities), 2; got != want {
			t.Errorf("%d activities, want %d", got, want)
		}
		if h.Progress == nil {
			t.Fatal("Progress is nil; want a table (a baseline was given)")
		}
		if len(h.Referrals) != 1 || h.Referrals[0].Urgent || len(h.Referrals[0].Limited) == 0 {
			t.Errorf("referral sheets = %+v; want one ordinary sheet saying how the plan is limited until she is seen", h.Referrals)
		}
	})

	t.Run("Fridge", func(t *testing.T) {
		h, err := report.Build(fixtureInput(t, 12))
		if err != nil {
			t.Fatal(err)
		}
		f := h.Parts[0].Fridge
		mon := f.Days[0]
		if mon.Rest || mon.Session != "Core & buttocks A" || mon.Minutes != 25 {
			t.Errorf("Monday = %+v; want Core & buttocks A, 25 minutes", mon)
		}
		var names []string
		for _, it := range mon.Items {
			names = append(names, it.Name)
		}
		if got, want := strings.Join(names, "|"), "360° breathing with pelvic-floor lift|Heel slide|Bridge: lift your hips, squeezing your buttocks|Leg lift to the side, lying on your side|Chair breathing with long exhale — Zoë's version"; got != want {
			t.Errorf("Monday exercises\n got %s\nwant %s", got, want)
		}
		if !strings.Contains(f.Intro, "grow each week") {
			t.Errorf("fridge intro = %q; want it to say the amounts grow", f.Intro)
		}
		if !f.Days[1].Rest || f.Days[5].Rest || len(f.Days[5].Items) != 0 {
			t.Errorf("Tuesday rest %v (want true); Saturday walk rest %v, %d items (want a session, no exercises)", f.Days[1].Rest, f.Days[5].Rest, len(f.Days[5].Items))
		}
	})

	t.Run("Sessions", func(t *testing.T) {
		h, err := report.Build(fixtureInput(t, 12))
		if err != nil {
			t.Fatal(err)
		}
		var heads []string
		for _, s := range h.Parts[0].Sessions {
			heads = append(heads, s.Heading)
		}
		want := []string{"Monday and Friday: Core & buttocks A", "Wednesday: Hinge & posture B", "Saturday: Walk"}
		if strings.Join(heads, "|") != strings.Join(want, "|") {
			t.Errorf("session pages\n got %q\nwant %q", heads, want)
		}
		blocks := map[string]report.ExerciseBlock{}
		for _, s := range h.Parts[0].Sessions {
			for _, b := range s.Exercises {
				if _, ok := blocks[b.ExerciseID]; !ok {
					blocks[b.ExerciseID] = b
				}
			}
		}
		doses := []struct{ id, want string }{
			{"breath_360", "2 rounds of 6; rest 45 seconds between rounds"},
			{"side_lying_abduction", "2 rounds of 12, each side, plus 1 more round with your right leg working (lying on your left side, right leg on top); rest 45 seconds between rounds"},
			{"half_kneeling_hf", "3 rounds: hold 30 seconds, with your left knee down (the stretch is at the front of your left hip), that side only; rest 45 seconds between rounds"},
			{"ghost_move", "3 rounds: hold 20 seconds"},
		}
		for _, d := range doses {
			if got := blocks[d.id].Dose; got != d.want {
				t.Errorf("%s dose = %q, want %q", d.id, got, d.want)
			}
		}
		for id, b := range blocks {
			if !b.Full {
				t.Errorf("%s: first block is not the full description", id)
				continue
			}
			if n := len(b.Cues); n < 1 || n > 3 {
				t.Errorf("%s has %d cues, want 1 to 3", id, n)
			}
			// the equipment line is left out only after a card said she
			// needs nothing
			if b.Feel == "" || b.StopIf == "" || b.Easier == "" || b.Harder == "" {
				t.Errorf("%s block incomplete: %+v", id, b)
			}
		}
		if got := blocks["ghost_move"]; got.Name != "Suitcase carry" || len(got.Cues) != 1 {
			t.Errorf("missing-library block = %+v; want the prescription's name and a fallback cue", got)
		}
		if got := blocks["side_lying_abduction"].Why; !strings.Contains(got, "right side") {
			t.Errorf("why = %q; want it to name the right side's extra round", got)
		}
		if got := blocks["heel_slide"].Dose; !strings.Contains(got, "From week 4: 2 rounds of 9") {
			t.Errorf("heel slide dose = %q; want the week-4 step named", got)
		}
		in := fixtureInput(t, 12)
		in.Print = report.PrintRange{FromWeek: 1, ToWeek: 8}
		hh, _ := report.Build(in)
		later := hh.Parts[1].Sessions[0].Exercises[0]
		if later.Full || !strings.Contains(later.SeeAlso, "Monday") {
			t.Errorf("repeat block = %+v; want a short block pointing at the Monday page", later)
		}
		if ex := strings.Join(h.Parts[0].Fridge.Explain, " "); !strings.Contains(ex, "round") || !strings.Contains(ex, "Hold") {
			t.Errorf("fridge key = %q; want rounds and holds explained where first used", ex)
		}
	})

	t.Run("PrintRange", func(t *testing.T) {
		in := fixtureInput(t, 12)
		in.Print = report.PrintRange{Phase: 2}
		h, err := report.Build(in)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := h.Parts[0].Title, "Weeks 5–8 · Build strength"; got != want {
			t.Errorf("phase 2 title = %q, want %q", got, want)
		}
		in.Print = report.PrintRange{All: true}
		if h, _ = report.Build(in); len(h.Parts) != 3 || len(h.Later) != 0 || len(h.Tracking) != 12 {
			t.Errorf("whole plan: %d parts, %d later, %d tracking weeks; want 3, 0, 12", len(h.Parts), len(h.Later), len(h.Tracking))
		}
		in.Print = report.PrintRange{FromWeek: 3, ToWeek: 6}
		if h, _ = report.Build(in); len(h.Parts) != 2 || h.Parts[0].First != 3 || h.Parts[1].Last != 6 {
			t.Errorf("weeks 3–6: %d parts; want weeks 3–4 and 5–6", len(h.Parts))
		}
		in.Date = fixtureDay.AddDays(7 * 5)
		in.Print = report.PrintRange{}
		if h, _ = report.Build(in); h.Parts[0].First != 5 {
			t.Errorf("six weeks in, the handout prints week %d on; want the phase she is in (week 5)", h.Parts[0].First)
		}
		for _, pr := range []report.PrintRange{{Phase: 4}, {FromWeek: 8, ToWeek: 3}, {FromWeek: 0, ToWeek: 13}} {
			in.Print = pr
			if _, err := report.Build(in); assessment.ErrorCode(err) != assessment.EINVALID {
				t.Errorf("Print %+v: err = %v; want EINVALID", pr, err)
			}
		}
	})

	t.Run("Blocked", func(t *testing.T) {
		h, err := report.Build(fixtureBlocked(t))
		if err != nil {
			t.Fatal(err)
		}
		if !h.Blocked || len(h.Referrals) == 0 {
			t.Fatalf("Blocked = %v, %d referral sheets; want the referral sheets", h.Blocked, len(h.Referrals))
		}
		if len(h.Parts) != 0 || len(h.Tracking) != 0 || h.Progress != nil {
			t.Errorf("blocked handout has %d parts, %d tracking weeks, progress %v; want none",
				len(h.Parts), len(h.Tracking), h.Progress != nil)
		}
		u := h.Referrals[0]
		if !u.Urgent || len(u.Answers) != 1 || !strings.Contains(u.Answers[0], "not sure") {
			t.Errorf("first sheet = %+v; want the urgent sheet naming the bladder/bowel answer she was unsure of", u)
		}
		if len(h.Referrals) != 2 {
			t.Fatalf("%d sheets; want the urgent one and the ordinary one", len(h.Referrals))
		}
		o := h.Referrals[1]
		if !strings.Contains(o.SeeWho, "a pelvic-health physiotherapist") || !anyContains(o.Answers, "night") {
			t.Errorf("ordinary sheet = %+v; want the physiotherapist and the night-pain answer", o)
		}
		if !strings.Contains(o.From, "Sam Rivera") {
			t.Errorf("From = %q; want the coach's name", o.From)
		}
	})

	t.Run("NameFromSnapshot", func(t *testing.T) {
		in := fixtureInput(t, 4)
		in.Client = nil
		h, err := report.Build(in)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := h.ClientName, fixtureName; got != want {
			t.Errorf("ClientName = %q, want %q", got, want)
		}
	})

	t.Run("DefaultsForEmptySettings", func(t *testing.T) {
		in := fixtureInput(t, 4)
		in.Settings = report.Settings{}
		h, err := report.Build(in)
		if err != nil {
			t.Fatal(err)
		}
		if h.Paper != report.PaperA4 || h.Logo != nil || h.CoachName != "Sam Rivera" {
			t.Errorf("Paper %q, logo %d bytes, coach %q; want A4, no logo, the record's coach", h.Paper, len(h.Logo), h.CoachName)
		}
	})

	errs := []struct {
		name  string
		edit  func(*report.Input)
		code  string
		field string
	}{
		{"ErrProgrammeRequired", func(in *report.Input) { in.Programme = nil }, assessment.EINVALID, ""},
		{"ErrRecordRequired", func(in *report.Input) { in.Record = nil }, assessment.EINVALID, ""},
		{"ErrNameRequired", func(in *report.Input) { in.Client = nil; in.Record.Client = nil }, assessment.EINVALID, assessment.FieldName},
		{"ErrNoWeeks", func(in *report.Input) { in.Programme.Weeks = nil }, assessment.EINVALID, ""},
		{"ErrBaselineAfter", func(in *report.Input) { in.Baseline.Date = in.Record.Date.AddDays(1) }, assessment.EINVALID, ""},
		{"ErrAccent", func(in *report.Input) { in.Settings.Accent = "teal" }, assessment.EINVALID, report.FieldAccent},
		{"ErrPaper", func(in *report.Input) { in.Settings.Paper = "A5" }, assessment.EINVALID, report.FieldPaper},
		{"ErrUnit", func(in *report.Input) { in.Settings.DiastasisUnit = "cm" }, assessment.EINVALID, report.FieldDiastasisUnit},
		{"ErrLogo", func(in *report.Input) { in.Settings.Logo = []byte("GIF89a not really") }, assessment.EINVALID, report.FieldLogo},
		{"ErrBusinessTooLong", func(in *report.Input) { in.Settings.Business = strings.Repeat("x", 121) }, assessment.EINVALID, report.FieldBusiness},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			in := fixtureInput(t, 4)
			tt.edit(&in)
			h, err := report.Build(in)
			if err == nil {
				t.Fatalf("Build = %v, nil; want an error", h != nil)
			}
			if got := assessment.ErrorCode(err); got != tt.code {
				t.Errorf("code = %q, want %q (%v)", got, tt.code, err)
			}
			if tt.field != "" && assessment.FieldErrors(err).For(tt.field) == "" {
				t.Errorf("no message for field %q in %v", tt.field, err)
			}
			if msg := assessment.ErrorMessage(err); msg == "" || strings.Contains(msg, "nil") {
				t.Errorf("message %q is not one a coach can read", msg)
			}
		})
	}
}

// TestBuildReferralWording checks that what the client reads about
// referrals is written for her: the generator's reasons are addressed to
// the coach ("ask her GP") and must never reach the handout.
func TestBuildReferralWording(t *testing.T) {
	t.Run("UnknownCodeNotLeaked", func(t *testing.T) {
		in := fixtureInput(t, 4)
		in.Programme.Referrals = append(in.Programme.Referrals,
			assessment.Referral{Code: "new_rule", Reason: "Ask her osteopath to check her ribs.", To: "osteopath"})
		h, err := report.Build(in)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range h.Summary.Safety {
			if strings.Contains(s, " her ") || strings.Contains(s, "Ask her") {
				t.Errorf("safety line %q speaks about the client in the third person", s)
			}
		}
		// the first page names who to see; the sheet says why, once
		if !anyContains(h.Summary.Safety, "osteopath") {
			t.Errorf("Safety = %q; want the first page to name an osteopath", h.Summary.Safety)
		}
		var sheet []string
		for _, pg := range h.Referrals {
			sheet = append(append(sheet, pg.Reasons...), pg.Answers...)
		}
		if !anyContains(sheet, "a check by an osteopath") {
			t.Errorf("referral sheets say %q; want a client sentence naming an osteopath", sheet)
		}
	})
	t.Run("ClearedRedFlag", func(t *testing.T) {
		in := fixtureInput(t, 4)
		in.Record.RedFlags.SignificantTrauma = assessment.TriYes
		in.Record.MedicalClearance = &assessment.Clearance{Date: fixtureDay.AddDays(3), By: "Dr Patel (GP)"}
		in.Interpretation = &assessment.Interpretation{
			Findings:  []assessment.Finding{{Code: assessment.FindRedFlag, Severity: assessment.SeverityRefer, Client: "Please see your GP before we start."}},
			Referrals: []assessment.Referral{{Code: assessment.FindRedFlag, Reason: "Red flag: fall", To: assessment.ReferToGP}},
		}
		h, err := report.Build(in)
		if err != nil {
			t.Fatal(err)
		}
		if anyContains(h.Summary.Found, "Please see your GP") || anyContains(h.Summary.Safety, "doctor should look at") {
			t.Errorf("a cleared red flag still asks for a doctor: found %q, safety %q", h.Summary.Found, h.Summary.Safety)
		}
		if !anyContains(h.Summary.Safety, "Dr Patel (GP) cleared you to exercise on 5 March 2026") {
			t.Errorf("Safety = %q; want the clearance", h.Summary.Safety)
		}
	})
	t.Run("FocusNotRepeated", func(t *testing.T) {
		in := fixtureInput(t, 4)
		in.Interpretation = fixtureInterpretation()
		dup := in.Interpretation.Findings[1].Client
		in.Programme.Focus = []assessment.Focus{{Title: "Tummy gap", Reason: dup}, {Title: "Hips", Reason: "Your hips need strength."}}
		h, err := report.Build(in)
		if err != nil {
			t.Fatal(err)
		}
		want := []report.FocusItem{{Title: "Tummy gap"}, {Title: "Hips", Reason: "Your hips need strength."}}
		if len(h.Summary.Focus) != 2 || h.Summary.Focus[0] != want[0] || h.Summary.Focus[1] != want[1] {
			t.Errorf("Focus = %+v, want %+v (a reason already under What we found is dropped)", h.Summary.Focus, want)
		}
	})
}

func TestBuildOddData(t *testing.T) {
	// None of these may panic, and each must still give a handout.
	tests := []struct {
		name string
		edit func(*report.Input)
	}{
		{"UnknownDays", func(in *report.Input) { in.Programme.Weeks[0].Days[0].Day = "someday" }},
		{"NoPhases", func(in *report.Input) { in.Programme.Phases = nil }},
		{"NoLibrary", func(in *report.Input) { in.Library = nil }},
		{"NilExerciseInLibrary", func(in *report.Input) { in.Library.Exercises = append(in.Library.Exercises, nil) }},
		{"NoDates", func(in *report.Input) {
			in.Programme.Options.Start = assessment.Date{}
			for i := range in.Programme.Weeks {
				in.Programme.Weeks[i].Start = assessment.Date{}
			}
		}},
		{"NegativeNumbers", func(in *report.Input) {
			d := &in.Programme.Weeks[0].Days[0]
			d.Minutes = -5
			d.Exercises[0].Sets, d.Exercises[0].Reps = -1, -3
		}},
		{"EmptyNames", func(in *report.Input) {
			for i := range in.Programme.Weeks {
				for j := range in.Programme.Weeks[i].Days {
					for k := range in.Programme.Weeks[i].Days[j].Exercises {
						in.Programme.Weeks[i].Days[j].Exercises[k].ExerciseID = ""
						in.Programme.Weeks[i].Days[j].Exercises[k].Name = ""
					}
				}
			}
			in.Library = nil
		}},
		{"WeekOutsidePhases", func(in *report.Input) { in.Programme.Weeks[0].Week = 99 }},
		{"BaselineEmpty", func(in *report.Input) { in.Baseline = &assessment.Record{Date: in.Record.Date.AddDays(-30)} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := fixtureInput(t, 6)
			tt.edit(&in)
			h, err := report.Build(in)
			if err != nil {
				t.Fatal(err)
			}
			if len(h.Parts) == 0 || len(h.Tracking) == 0 {
				t.Errorf("%d parts, %d tracking weeks; want some of each", len(h.Parts), len(h.Tracking))
			}
		})
	}
}

func TestProgress(t *testing.T) {
	h, err := report.Build(fixtureInput(t, 12))
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]report.ProgressRow{}
	for _, r := range h.Progress.Rows {
		rows[r.Measure] = r
	}
	tests := []struct {
		measure, base, now, change string
		meaningful                 bool
	}{
		{"Pain today (0 = none, 10 = worst)", "7 of 10", "4 of 10", "3 points lower (real change)", true},
		{"Worst pain in the past week (0–10)", "8 of 10", "6 of 10", "2 points lower (real change)", true},
		{"Tummy gap above the belly button", "3 finger widths", "2 finger widths", "1 finger width narrower (real change)", true},
		{"Tummy gap at the belly button", "3 finger widths", "2.5 finger widths", "0.5 finger widths narrower", false},
		{"Tummy gap below the belly button", "1 finger width", "1 finger width", "no change", false},
		// Any grade step is a real change (issue 6: "glute grade change").
		{"Side-hip strength, right", "lifts part of the way", "holds against a slight push", "stronger by 2 steps (real change)", true},
		{"Buttock strength, right", "holds against a slight push", "strong against a light push", "stronger by 1 step (real change)", true},
		{"Side-hip strength, left", "strong against a firm push", "strong against a firm push", "no change", false},
		{"Single-leg bridges, right", "8 reps", "14 reps", "6 more (real change)", true},
		{"Lifting the toddler from the floor (0–10, 10 = as before)", "2 of 10", "5 of 10", "3 points higher (real change)", true},
	}
	for _, tt := range tests {
		t.Run(tt.measure, func(t *testing.T) {
			got, ok := rows[tt.measure]
			if !ok {
				t.Fatalf("no row %q", tt.measure)
			}
			want := report.ProgressRow{Measure: tt.measure, Baseline: tt.base, Now: tt.now, Change: tt.change, Meaningful: tt.meaningful}
			if got != want {
				t.Errorf("row\n got %+v\nwant %+v", got, want)
			}
		})
	}

	t.Run("MixedUnits", func(t *testing.T) {
		in := fixtureInput(t, 4)
		mm := 25
		in.Record.Diastasis.Above = &assessment.DiastasisSite{WidthMM: &mm}
		h, err := report.Build(in)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range h.Progress.Rows {
			if r.Measure == "Tummy gap above the belly button" {
				if r.Baseline != "3 finger widths" || r.Now != "25 mm" || r.Meaningful {
					t.Errorf("row = %+v; want each in its own unit, not compared", r)
				}
				return
			}
		}
		t.Error("no row for the gap above the belly button")
	})
}

func anyContains(xs []string, sub string) bool {
	for _, x := range xs {
		if strings.Contains(x, sub) {
			return true
		}
	}
	return false
}
