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
		if h.Blocked || h.Referral != nil {
			t.Errorf("Blocked = %v, Referral = %v; want an unblocked handout", h.Blocked, h.Referral)
		}
		if len(h.Logo) == 0 {
			t.Error("Logo is empty; want the prepared logo")
		}
		var names []string
		for _, c := range h.Cards {
			names = append(names, c.Name)
			if n := len(c.Cues); n < 1 || n > 4 {
				t.Errorf("card %q has %d cues, want 1 to 4", c.Name, n)
			}
			if c.Why == "" || len(c.Dosage) == 0 {
				t.Errorf("card %q: Why %q, Dosage %v; want both", c.Name, c.Why, c.Dosage)
			}
		}
		if got, want := strings.Join(names, "|"), strings.Join(fixtureNames(), "|"); got != want {
			t.Errorf("card names\n got %s\nwant %s", got, want)
		}
		if got, want := len(h.Glance), 3; got != want {
			t.Fatalf("%d phase grids, want %d", got, want)
		}
		if got, want := h.Glance[0].Title, "Weeks 1–4 · Build control"; got != want {
			t.Errorf("first phase title = %q, want %q", got, want)
		}
		w3 := h.Glance[0].Weeks[2]
		if got, want := w3.Dates, "16 Mar – 22 Mar"; got != want {
			t.Errorf("week 3 dates = %q, want %q", got, want)
		}
		if got, want := w3.Cells[0], (report.Cell{Session: "Core & glutes A", Minutes: 25}); got != want {
			t.Errorf("week 3 Monday = %+v, want %+v", got, want)
		}
		if !w3.Cells[1].Rest() || w3.Cells[5].Rest() {
			t.Errorf("week 3: Tuesday rest = %v (want true), Saturday walk rest = %v (want false)", w3.Cells[1].Rest(), w3.Cells[5].Rest())
		}
		if got, want := len(h.Tracking), 12; got != want {
			t.Fatalf("%d tracking weeks, want %d", got, want)
		}
		if got, want := len(h.Tracking[0].Sessions), 4; got != want {
			t.Errorf("week 1 has %d sessions to tick, want %d", got, want)
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
	})

	t.Run("Dosage", func(t *testing.T) {
		h, err := report.Build(fixtureInput(t, 12))
		if err != nil {
			t.Fatal(err)
		}
		cards := map[string]report.Card{}
		for _, c := range h.Cards {
			cards[c.ExerciseID] = c
		}
		tests := []struct {
			id   string
			want []report.PhaseDose
		}{
			{"breath_360", []report.PhaseDose{{Phase: "Weeks 1–12", Dose: "2 sets of 6 · rest 45 seconds between sets"}}},
			{"heel_slide", []report.PhaseDose{
				{Phase: "Weeks 1–4", Dose: "2 sets of 8 each side; from week 4: 2 sets of 9 each side · rest 45 seconds between sets"},
				{Phase: "Weeks 5–8", Dose: "2 sets of 9 each side; from week 8: 2 sets of 10 each side · rest 45 seconds between sets"},
				{Phase: "Weeks 9–12", Dose: "2 sets of 10 each side; from week 12: 2 sets of 11 each side · rest 45 seconds between sets"}}},
			{"side_lying_abduction", []report.PhaseDose{{Phase: "Weeks 1–12",
				Dose: "2 sets of 12 each side, plus 1 set of 12 on the right side only · rest 45 seconds between sets"}}},
			{"half_kneeling_hf", []report.PhaseDose{{Phase: "Weeks 1–12", Dose: "hold 30 seconds, 3 times on the left side only · rest 45 seconds between sets"}}},
			{"ghost_move", []report.PhaseDose{{Phase: "Weeks 1–12", Dose: "hold 20 seconds, 3 times"}}},
			{"bird_dog", []report.PhaseDose{{Phase: "Weeks 5–12", Dose: "3 sets of 6 each side, holding each for 5 seconds · rest 45 seconds between sets"}}},
		}
		for _, tt := range tests {
			got := cards[tt.id].Dosage
			if len(got) != len(tt.want) {
				t.Errorf("%s dosage = %q, want %q", tt.id, got, tt.want)
				continue
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("%s dosage[%d] = %q, want %q", tt.id, i, got[i], tt.want[i])
				}
			}
		}
		if got := cards["side_lying_abduction"].SideNote; !strings.Contains(got, "right side") {
			t.Errorf("side note = %q; want it to name the right side", got)
		}
		if got := cards["ghost_move"]; got.Name != "Suitcase carry" || len(got.Cues) != 1 {
			t.Errorf("missing-library card = %+v; want the prescription's name and a fallback cue", got)
		}
		if got := cards["coach_chair_breath"].Cues; len(got) != 3 || !strings.HasSuffix(got[1], "…") {
			t.Errorf("custom cues = %q; want 3, the over-long second one cut with an ellipsis", got)
		}
	})

	t.Run("Blocked", func(t *testing.T) {
		h, err := report.Build(fixtureBlocked(t))
		if err != nil {
			t.Fatal(err)
		}
		if !h.Blocked || h.Referral == nil {
			t.Fatalf("Blocked = %v, Referral = %v; want the referral page", h.Blocked, h.Referral)
		}
		if len(h.Cards) != 0 || len(h.Glance) != 0 || len(h.Tracking) != 0 || h.Progress != nil {
			t.Errorf("blocked handout has %d cards, %d grids, %d tracking weeks, progress %v; want none",
				len(h.Cards), len(h.Glance), len(h.Tracking), h.Progress != nil)
		}
		if h.Referral.Urgent == "" {
			t.Error("Urgent is empty; a bladder/bowel change answered unsure must ask for help today")
		}
		if !strings.Contains(h.Referral.SeeWho, "your GP") || !strings.Contains(h.Referral.SeeWho, "a pelvic-health physiotherapist") {
			t.Errorf("SeeWho = %q; want your GP and a pelvic-health physiotherapist", h.Referral.SeeWho)
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
		if !anyContains(h.Summary.Safety, "a check by an osteopath") {
			t.Errorf("Safety = %q; want a client sentence naming an osteopath", h.Summary.Safety)
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
			if len(h.Cards) == 0 || len(h.Tracking) == 0 {
				t.Errorf("%d cards, %d tracking weeks; want some of each", len(h.Cards), len(h.Tracking))
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
		{"Side-hip strength (glute medius), right", "3- of 5", "3+ of 5", "stronger by 2 steps (real change)", true},
		{"Buttock strength (big glute), right", "3+ of 5", "4- of 5", "stronger by 1 step (real change)", true},
		{"Side-hip strength (glute medius), left", "4 of 5", "4 of 5", "no change", false},
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
