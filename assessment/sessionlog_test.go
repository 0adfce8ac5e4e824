package assessment_test

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// slMonday is the first day of the session-log test plan (a Monday).
var slMonday = assessment.NewDate(2026, 3, 2)

// slLibrary: dead bug bent knee regresses to toe taps; the glute bridge has
// no regression; the toe tap is already in Wednesday's session.
func slLibrary(t testing.TB) *assessment.Library {
	t.Helper()
	d := func(sets, reps int) map[string]assessment.Dose {
		x := assessment.Dose{Sets: sets, Reps: reps}
		return map[string]assessment.Dose{assessment.PhaseActivation: x, assessment.PhaseStrength: {Sets: sets + 1, Reps: reps}}
	}
	ex := func(id, name, family string, dose map[string]assessment.Dose, reg, prog string) *assessment.Exercise {
		return &assessment.Exercise{ID: id, Name: name, Family: family, Dosage: dose, Regression: reg, Progression: prog,
			Targets: []string{"general"}, Equipment: []string{"none"}, Position: "supine", Cues: []string{"Breathe out.", "Move slowly."}}
	}
	lib, err := assessment.NewLibrary([]*assessment.Exercise{
		ex("dead_bug_toe_tap", "Dead bug toe tap", assessment.FamilyCore, d(2, 8), "", "dead_bug_bent_knee"),
		ex("dead_bug_bent_knee", "Dead bug", assessment.FamilyCore, d(3, 10), "dead_bug_toe_tap", ""),
		ex("glute_bridge", "Glute bridge", assessment.FamilyGlutes, d(3, 12), "", ""),
	})
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func line(id, name string, sets, reps int) assessment.Prescription {
	return assessment.Prescription{ExerciseID: id, Name: name, Sets: sets, Reps: reps, Side: assessment.SideBoth, Reason: "why", Findings: []string{"code"}}
}

// slProgramme: 4 weeks (2 activation, 2 strength), sessions on Monday
// (dead bug, bridge) and Wednesday (bridge, toe tap, dead bug).
func slProgramme() *assessment.Programme {
	p := &assessment.Programme{ID: 10, Lineage: 10, Version: 1, Status: assessment.StatusIssued, ClientID: 1, RecordID: 2,
		Options: assessment.ProgrammeOptions{Weeks: 4, Start: slMonday},
		Phases:  []assessment.Phase{{Name: assessment.PhaseActivation, FirstWeek: 1, LastWeek: 2}, {Name: assessment.PhaseStrength, FirstWeek: 3, LastWeek: 4}}}
	for w := 1; w <= 4; w++ {
		phase := assessment.PhaseActivation
		if w > 2 {
			phase = assessment.PhaseStrength
		}
		wk := assessment.Week{Week: w, Phase: phase, Start: slMonday.AddDays(7 * (w - 1))}
		for _, dn := range []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"} {
			d := assessment.Day{Day: dn}
			switch dn {
			case "mon":
				d.Session, d.Minutes = "A", 20
				d.Exercises = []assessment.Prescription{line("dead_bug_bent_knee", "Dead bug", 3, 10), line("glute_bridge", "Glute bridge", 3, 12)}
			case "wed":
				d.Session, d.Minutes = "B", 20
				d.Exercises = []assessment.Prescription{line("glute_bridge", "Glute bridge", 3, 12), line("dead_bug_toe_tap", "Dead bug toe tap", 2, 8), line("dead_bug_bent_knee", "Dead bug", 3, 10)}
			}
			wk.Days = append(wk.Days, d)
		}
		p.Weeks = append(p.Weeks, wk)
	}
	return p
}

// markAll marks every exercise of each red log's session as hurt, as a
// coach does when she says the whole session hurt: the session planned on
// the log's day, else every session of its week (she trained on a rest
// day), else, in a plan without dates, every exercise of the plan. Logs
// that are not red are left as they are.
func markAll(p *assessment.Programme, logs ...*assessment.SessionLog) []*assessment.SessionLog {
	out := make([]*assessment.SessionLog, len(logs))
	for i, l := range logs {
		out[i] = l
		if l == nil || l.Light() != assessment.LightRed || len(l.Exercises) > 0 {
			continue
		}
		c := l.Clone()
		var lines []assessment.Prescription
		sessions, onDay := assessment.SessionsAround(p, l.Date)
		undated := true
		for _, s := range sessions {
			undated = undated && s.Date.IsZero()
		}
		switch {
		case undated:
			for _, wk := range p.Weeks {
				for _, d := range wk.Days {
					lines = append(lines, d.Exercises...)
				}
			}
		case onDay != nil:
			lines = onDay.Exercises
		default:
			for _, s := range sessions {
				lines = append(lines, s.Exercises...)
			}
		}
		c.Exercises = assessment.NewOutcomes(&assessment.PlannedSession{Exercises: lines}, assessment.SessionPartial)
		for k := range c.Exercises {
			c.Exercises[k].Outcome = assessment.OutcomeHurt
		}
		out[i] = c
	}
	return out
}

func logAt(days, pain int, doming bool) *assessment.SessionLog {
	return &assessment.SessionLog{ID: int64(100 + days), ProgrammeID: 10, Date: slMonday.AddDays(days), Status: assessment.SessionDone, Pain: pain, Doming: doming}
}

func TestSessionLog_Validate(t *testing.T) {
	today := slMonday.AddDays(10)
	ok := assessment.SessionLog{ProgrammeID: 1, Date: today, Status: assessment.SessionDone, Pain: 3}
	tests := []struct {
		name  string
		edit  func(*assessment.SessionLog)
		field string
	}{
		{"OK", func(*assessment.SessionLog) {}, ""},
		{"OKMissed", func(l *assessment.SessionLog) { l.Status = assessment.SessionMissed }, ""},
		{"OKPain10", func(l *assessment.SessionLog) { l.Pain = 10 }, ""},
		{"ErrPain", func(l *assessment.SessionLog) { l.Pain = 11 }, assessment.FieldSessionPain},
		{"ErrStatus", func(l *assessment.SessionLog) { l.Status = "" }, assessment.FieldSessionStatus},
		{"ErrFuture", func(l *assessment.SessionLog) { l.Date = today.AddDays(1) }, assessment.FieldSessionDate},
		{"ErrYear", func(l *assessment.SessionLog) { l.Date = assessment.NewDate(1850, 1, 1) }, assessment.FieldSessionDate},
		{"ErrNoProgramme", func(l *assessment.SessionLog) { l.ProgrammeID = 0 }, assessment.FieldSessionProgramme},
		{"ErrNoteLong", func(l *assessment.SessionLog) { l.Note = strings.Repeat("é", assessment.MaxNotesLen+1) }, assessment.FieldSessionNote},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := ok
			tt.edit(&l)
			err := l.Validate(today)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate = %v; want nil", err)
				}
				return
			}
			if assessment.ErrorCode(err) != assessment.EINVALID || assessment.FieldErrors(err).For(tt.field) == "" {
				t.Fatalf("Validate = %v; want EINVALID on %s", err, tt.field)
			}
		})
	}
}

func TestSessionLog_Light(t *testing.T) {
	tests := []struct {
		pain   int
		doming bool
		status string
		want   assessment.Light
	}{
		{0, false, assessment.SessionDone, assessment.LightGreen},
		{3, false, assessment.SessionDone, assessment.LightGreen},
		{4, false, assessment.SessionPartial, assessment.LightAmber},
		{5, false, assessment.SessionDone, assessment.LightAmber},
		{6, false, assessment.SessionDone, assessment.LightRed},
		{10, false, assessment.SessionDone, assessment.LightRed},
		{0, true, assessment.SessionDone, assessment.LightRed},
		{7, true, assessment.SessionMissed, assessment.LightNone},
	}
	for _, tt := range tests {
		l := &assessment.SessionLog{Pain: tt.pain, Doming: tt.doming, Status: tt.status}
		if got := l.Light(); got != tt.want {
			t.Errorf("pain %d doming %v %s: light %q; want %q", tt.pain, tt.doming, tt.status, got, tt.want)
		}
	}
}

func TestAdherence(t *testing.T) {
	p := slProgramme()
	logs := []*assessment.SessionLog{
		{Date: slMonday, Status: assessment.SessionDone},
		{Date: slMonday.AddDays(2), Status: assessment.SessionPartial},
		{Date: slMonday.AddDays(7), Status: assessment.SessionMissed},
		{Date: slMonday.AddDays(9), Status: assessment.SessionDone},
		{Date: slMonday.AddDays(10), Status: assessment.SessionDone}, // an extra session
		{Date: slMonday.AddDays(-3), Status: assessment.SessionDone}, // before the plan
	}
	// Today is Monday of week 3: its session is planned so far, Wednesday's
	// is not; week 4 has not begun.
	got := assessment.Adherence(p, logs, slMonday.AddDays(14))
	type row struct{ week, planned, soFar, done, partial, missed, pct int }
	var rows []row
	for _, a := range got {
		rows = append(rows, row{a.Week, a.Planned, a.PlannedSoFar, a.Done, a.Partial, a.Missed, a.Percent})
	}
	want := []row{{1, 2, 2, 1, 1, 0, 75}, {2, 2, 2, 2, 0, 1, 100}, {3, 2, 1, 0, 0, 0, 0}}
	if !reflect.DeepEqual(rows, want) {
		t.Fatalf("adherence %+v\nwant %+v", rows, want)
	}
	if pct, ok := assessment.OverallAdherence(got); !ok || pct != 70 {
		t.Errorf("overall %d%% (%v); want 70%% (1.5 + 2 of 5 planned so far)", pct, ok)
	}
	t.Run("NothingPlannedYet", func(t *testing.T) {
		got := assessment.Adherence(p, nil, slMonday.AddDays(-1))
		if len(got) != 0 {
			t.Errorf("%d weeks before the plan starts", len(got))
		}
		if _, ok := assessment.OverallAdherence(got); ok {
			t.Error("overall adherence before any planned session")
		}
	})
	t.Run("Nil", func(t *testing.T) {
		if got := assessment.Adherence(nil, logs, slMonday); got != nil {
			t.Errorf("adherence of no programme = %v", got)
		}
	})
}

func TestPropose(t *testing.T) {
	lib := slLibrary(t)
	tests := []struct {
		name    string
		logs    []*assessment.SessionLog
		action  string
		light   assessment.Light
		changes []string // exercise → regression ("" when the dose is cut), from week
		refer   bool
	}{
		{"NoLogs", nil, assessment.ActionNone, assessment.LightNone, nil, false},
		{"Green", []*assessment.SessionLog{logAt(0, 3, false)}, assessment.ActionCarryOn, assessment.LightGreen, nil, false},
		{"Amber", []*assessment.SessionLog{logAt(0, 5, false)}, assessment.ActionHold, assessment.LightAmber, nil, false},
		{"AmberFour", []*assessment.SessionLog{logAt(0, 4, false)}, assessment.ActionHold, assessment.LightAmber, nil, false},
		// Pain 7 on Monday of week 2: Monday's exercises regress from week 2.
		{"RedPain7", []*assessment.SessionLog{logAt(0, 2, false), logAt(7, 7, false)}, assessment.ActionRegress, assessment.LightRed,
			[]string{"dead_bug_bent_knee→dead_bug_toe_tap@2", "glute_bridge→@2"}, false},
		{"RedDoming", []*assessment.SessionLog{logAt(9, 2, true)}, assessment.ActionRegress, assessment.LightRed,
			[]string{"glute_bridge→@2", "dead_bug_toe_tap→@2", "dead_bug_bent_knee→dead_bug_toe_tap@2"}, false},
		{"RedBeforePlan", []*assessment.SessionLog{logAt(-2, 8, false)}, assessment.ActionRegress, assessment.LightRed,
			[]string{"dead_bug_bent_knee→dead_bug_toe_tap@1", "glute_bridge→@1", "dead_bug_toe_tap→@1"}, false},
		{"RedAfterPlan", []*assessment.SessionLog{logAt(40, 8, false)}, assessment.ActionRegress, assessment.LightRed, nil, false},
		{"PersistentRefers", []*assessment.SessionLog{logAt(0, 6, false), logAt(2, 7, false)}, assessment.ActionRegress, assessment.LightRed,
			[]string{"glute_bridge→@1", "dead_bug_toe_tap→@1", "dead_bug_bent_knee→dead_bug_toe_tap@1"}, true},
		// A missed session in between does not break "persistent"; a green one does.
		{"PersistentThroughMissed", []*assessment.SessionLog{logAt(0, 6, false), {ID: 1, ProgrammeID: 10, Date: slMonday.AddDays(1), Status: assessment.SessionMissed, Pain: 0}, logAt(2, 7, false)},
			assessment.ActionRegress, assessment.LightRed, []string{"glute_bridge→@1", "dead_bug_toe_tap→@1", "dead_bug_bent_knee→dead_bug_toe_tap@1"}, true},
		{"NotPersistent", []*assessment.SessionLog{logAt(0, 6, false), logAt(1, 2, false), logAt(2, 7, false)}, assessment.ActionRegress, assessment.LightRed,
			[]string{"glute_bridge→@1", "dead_bug_toe_tap→@1", "dead_bug_bent_knee→dead_bug_toe_tap@1"}, false},
		// Doming alone at low pain does not count towards persistent pain.
		{"DomingNotPain", []*assessment.SessionLog{logAt(0, 1, true), logAt(2, 1, true)}, assessment.ActionRegress, assessment.LightRed,
			[]string{"glute_bridge→@1", "dead_bug_toe_tap→@1", "dead_bug_bent_knee→dead_bug_toe_tap@1"}, false},
		// Only this version's logs set the light: an older version's red
		// session does not carry over to the new one.
		{"OtherVersion", []*assessment.SessionLog{{ID: 1, ProgrammeID: 9, Date: slMonday, Status: assessment.SessionDone, Pain: 8}},
			assessment.ActionNone, assessment.LightNone, nil, false},
		{"MissedOnly", []*assessment.SessionLog{{ID: 1, ProgrammeID: 10, Date: slMonday, Status: assessment.SessionMissed}},
			assessment.ActionNone, assessment.LightNone, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prop, err := assessment.Propose(pgRecord(), slProgramme(), markAll(slProgramme(), tt.logs...), lib)
			if err != nil {
				t.Fatal(err)
			}
			var changes []string
			for _, c := range prop.Changes {
				changes = append(changes, c.ExerciseID+"→"+c.ToID+"@"+strconv.Itoa(c.FromWeek))
				if c.Reason == "" {
					t.Errorf("change %+v has no reason", c)
				}
			}
			if prop.Action != tt.action || prop.Light != tt.light || !reflect.DeepEqual(changes, tt.changes) || prop.Refer != tt.refer {
				t.Errorf("proposal action %q light %q changes %q refer %v\nwant action %q light %q changes %q refer %v",
					prop.Action, prop.Light, changes, prop.Refer, tt.action, tt.light, tt.changes, tt.refer)
			}
			if prop.Reason == "" || prop.Title == "" {
				t.Errorf("proposal has no title or reason: %+v", prop)
			}
			if prop.Refer && prop.ReferReason == "" {
				t.Error("referral without a reason")
			}
		})
	}
	t.Run("ErrNil", func(t *testing.T) {
		if _, err := assessment.Propose(pgRecord(), nil, nil, lib); assessment.ErrorCode(err) != assessment.EINVALID {
			t.Errorf("Propose(nil) = %v; want EINVALID", err)
		}
	})
}

func TestApply(t *testing.T) {
	lib := slLibrary(t)
	p := slProgramme()
	orig := slProgramme()
	prop, err := assessment.Propose(pgRecord(), p, markAll(p, logAt(7, 7, false)), lib)
	if err != nil {
		t.Fatal(err)
	}
	np, err := assessment.Apply(pgRecord(), p, prop, lib)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p, orig) {
		t.Fatal("Apply changed the programme it was given")
	}
	if np.ID != 0 || np.Version != p.Version || np.Lineage != p.Lineage || np.Status != assessment.StatusIssued || !strings.HasPrefix(np.Note, "Regress") {
		t.Fatalf("new version id %d version %d lineage %d status %q note %q", np.ID, np.Version, np.Lineage, np.Status, np.Note)
	}
	ids := func(w, d int) []string {
		var out []string
		for _, l := range np.Weeks[w].Days[d].Exercises {
			out = append(out, l.ExerciseID)
		}
		return out
	}
	// Week 1 is untouched; from week 2, the dead bug becomes the toe tap
	// (dropped on Wednesday, which already has the toe tap), and the
	// bridge, which has no regression, keeps its place with less.
	if got := ids(0, 0); !reflect.DeepEqual(got, []string{"dead_bug_bent_knee", "glute_bridge"}) {
		t.Errorf("week 1 Monday %q; want unchanged", got)
	}
	for w := 1; w < 4; w++ {
		if got := ids(w, 0); !reflect.DeepEqual(got, []string{"dead_bug_toe_tap", "glute_bridge"}) {
			t.Errorf("week %d Monday %q; want toe tap then bridge", w+1, got)
		}
		if got := ids(w, 2); !reflect.DeepEqual(got, []string{"glute_bridge", "dead_bug_toe_tap"}) {
			t.Errorf("week %d Wednesday %q; want bridge and one toe tap", w+1, got)
		}
	}
	mon2 := np.Weeks[1].Days[0].Exercises
	if tap := mon2[0]; tap.Sets != 2 || tap.Reps != 8 || tap.Findings[0] != "code" || !strings.Contains(tap.Reason, "Regressed") {
		t.Errorf("week 2 toe tap %+v; want the library's activation dose, the old findings and a reason", tap)
	}
	if tap := np.Weeks[2].Days[0].Exercises[0]; tap.Sets != 3 {
		t.Errorf("week 3 toe tap %d sets; want the strength dose (3)", tap.Sets)
	}
	if br := mon2[1]; br.Sets != 2 || br.Reps != 8 {
		t.Errorf("week 2 bridge %d×%d; want one set fewer and two thirds of the reps (2×8)", br.Sets, br.Reps)
	}
	if np.Weeks[1].Days[0].Minutes == 0 {
		t.Error("a touched session lost its minutes")
	}

	t.Run("ErrOtherVersion", func(t *testing.T) {
		other := slProgramme()
		other.ID = 11
		if _, err := assessment.Apply(pgRecord(), other, prop, lib); assessment.ErrorCode(err) != assessment.ECONFLICT {
			t.Errorf("Apply to another version = %v; want ECONFLICT", err)
		}
	})
	t.Run("ErrNothingToApply", func(t *testing.T) {
		green, _ := assessment.Propose(pgRecord(), p, []*assessment.SessionLog{logAt(7, 1, false)}, lib)
		if _, err := assessment.Apply(pgRecord(), p, green, lib); assessment.ErrorCode(err) != assessment.EINVALID {
			t.Errorf("Apply(green) = %v; want EINVALID", err)
		}
	})
	t.Run("ErrNil", func(t *testing.T) {
		if _, err := assessment.Apply(pgRecord(), nil, prop, lib); assessment.ErrorCode(err) != assessment.EINVALID {
			t.Errorf("Apply(nil) = %v; want EINVALID", err)
		}
	})
	t.Run("DoseFloor", func(t *testing.T) {
		q := slProgramme()
		for wi := range q.Weeks {
			q.Weeks[wi].Days[0].Exercises[1].Sets, q.Weeks[wi].Days[0].Exercises[1].Reps = 1, 1
		}
		prop, _ := assessment.Propose(pgRecord(), q, markAll(q, logAt(0, 9, false)), lib)
		nq, err := assessment.Apply(pgRecord(), q, prop, lib)
		if err != nil {
			t.Fatal(err)
		}
		if br := nq.Weeks[0].Days[0].Exercises[1]; br.Sets != 1 || br.Reps != 1 {
			t.Errorf("bridge cut to %d×%d; want it kept at 1×1", br.Sets, br.Reps)
		}
	})
}

// slSafetyLibrary has chains whose easier variations a gate or the plan's
// equipment can rule out:
//
//   - hinge: dowel hinge (dowel) ← kettlebell deadlift ← kettlebell RDL,
//     the two kettlebell lifts loaded hinges;
//   - glutes: floor bridge (none) ← cable kickback (cable) ← band walk
//     (band);
//   - core: foam-roller bug (foam roller) ← mat plank (mat).
func slSafetyLibrary(t *testing.T) *assessment.Library {
	t.Helper()
	ex := func(id, family, equip, reg, prog string, demands ...string) *assessment.Exercise {
		return &assessment.Exercise{ID: id, Name: strings.ReplaceAll(id, "_", " "), Family: family, Regression: reg, Progression: prog,
			Demands: demands, Targets: []string{"general"}, Equipment: []string{equip}, Position: "standing",
			Cues:   []string{"Breathe out.", "Move slowly."},
			Dosage: map[string]assessment.Dose{assessment.PhaseActivation: {Sets: 3, Reps: 9}}}
	}
	lib, err := assessment.NewLibrary([]*assessment.Exercise{
		ex("dowel_hinge_x", assessment.FamilyHinge, assessment.EquipDowel, "", "kb_dl_x"),
		ex("kb_dl_x", assessment.FamilyHinge, assessment.EquipKettlebell, "dowel_hinge_x", "kb_rdl_x", assessment.DemandLoadedHinge),
		ex("kb_rdl_x", assessment.FamilyHinge, assessment.EquipKettlebell, "kb_dl_x", "", assessment.DemandLoadedHinge),
		ex("floor_bridge_x", assessment.FamilyGlutes, assessment.EquipNone, "", "cable_kickback_x"),
		ex("cable_kickback_x", assessment.FamilyGlutes, assessment.EquipCable, "floor_bridge_x", "band_walk_x"),
		ex("band_walk_x", assessment.FamilyGlutes, assessment.EquipBand, "cable_kickback_x", ""),
		ex("roller_bug_x", assessment.FamilyCore, assessment.EquipFoamRoller, "", "mat_plank_x"),
		ex("mat_plank_x", assessment.FamilyCore, assessment.EquipMat, "roller_bug_x", ""),
	})
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// slPlan is a dated one-week activation plan (id 10, from slMonday) with
// the given exercises on Monday and Wednesday and the equipment listed.
func slPlan(mon, wed []string, equipment ...string) *assessment.Programme {
	p := &assessment.Programme{ID: 10, Lineage: 10, Version: 1, Status: assessment.StatusIssued,
		Options: assessment.ProgrammeOptions{Weeks: 1, Start: slMonday, Equipment: equipment}}
	wk := assessment.Week{Week: 1, Phase: assessment.PhaseActivation, Start: slMonday}
	for _, dn := range []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"} {
		d := assessment.Day{Day: dn}
		ids := map[string][]string{"mon": mon, "wed": wed}[dn]
		for _, id := range ids {
			d.Exercises = append(d.Exercises, line(id, strings.ReplaceAll(id, "_", " "), 3, 9))
		}
		wk.Days = append(wk.Days, d)
	}
	p.Weeks = []assessment.Week{wk}
	return p
}

// slIDs lists a day's exercise ids.
func slIDs(d assessment.Day) []string {
	var out []string
	for _, l := range d.Exercises {
		out = append(out, l.ExerciseID)
	}
	return out
}

// TestRegressionSafeForHer: a regression never brings in an exercise that a
// gate of her assessment forbids or that needs equipment the plan lacks;
// Keel walks further down the chain, else keeps the line with less.
func TestRegressionSafeForHer(t *testing.T) {
	lib := slSafetyLibrary(t)
	hingePain := pgRecord(pgHingeScore(0)) // forbids loaded hinges
	red := func(p *assessment.Programme) []*assessment.SessionLog { return markAll(p, logAt(0, 7, false)) }
	newPlan := func() *assessment.Programme {
		p := slPlan([]string{"kb_rdl_x", "band_walk_x", "mat_plank_x"}, nil, assessment.EquipMat, assessment.EquipBand, assessment.EquipDowel, assessment.EquipKettlebell)
		// The coach chose the RDL despite the hinge gate (an override).
		p.Weeks[0].Days[0].Exercises[0].Overridden = true
		return p
	}
	tests := []struct {
		name    string
		rec     *assessment.Record
		changes []string // exercise→regression ("" when the dose is cut)
		words   []string // a phrase each change's reason holds
		monday  []string
	}{
		{"OK", hingePain,
			[]string{"kb_rdl_x→dowel_hinge_x", "band_walk_x→floor_bridge_x", "mat_plank_x→"},
			[]string{"passed over kb dl x (ruled out by a painful hip hinge)", "passed over cable kickback x (needs cable", "No easier variation of mat plank x suits her (roller bug x (needs foam roller, which is not in this plan's equipment)): dose reduced"},
			[]string{"dowel_hinge_x", "floor_bridge_x", "mat_plank_x"}},
		{"NoGateFirstStepFits", pgRecord(),
			[]string{"kb_rdl_x→kb_dl_x", "band_walk_x→floor_bridge_x", "mat_plank_x→"},
			[]string{"Regressed from kb rdl x to kb dl x after", "", ""},
			[]string{"kb_dl_x", "floor_bridge_x", "mat_plank_x"}},
		// No assessment: nothing can be checked, so nothing is swapped.
		{"NilRecordBlocks", nil,
			[]string{"kb_rdl_x→", "band_walk_x→", "mat_plank_x→"},
			[]string{"there is no assessment to check it against", "", ""},
			[]string{"kb_rdl_x", "band_walk_x", "mat_plank_x"}},
		{"RedFlagBlocks", pgRecord(pgRedFlag(assessment.TriYes)),
			[]string{"kb_rdl_x→", "band_walk_x→", "mat_plank_x→"},
			[]string{"ruled out by a red flag", "", ""},
			[]string{"kb_rdl_x", "band_walk_x", "mat_plank_x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPlan()
			prop, err := assessment.Propose(tt.rec, p, red(p), lib)
			if err != nil {
				t.Fatal(err)
			}
			var changes []string
			for i, c := range prop.Changes {
				changes = append(changes, c.ExerciseID+"→"+c.ToID)
				if i < len(tt.words) && !strings.Contains(c.Reason, tt.words[i]) {
					t.Errorf("reason %q lacks %q", c.Reason, tt.words[i])
				}
			}
			if !reflect.DeepEqual(changes, tt.changes) {
				t.Fatalf("changes %q; want %q", changes, tt.changes)
			}
			np, err := assessment.Apply(tt.rec, p, prop, lib)
			if err != nil {
				t.Fatal(err)
			}
			mon := np.Weeks[0].Days[0]
			if got := slIDs(mon); !reflect.DeepEqual(got, tt.monday) {
				t.Errorf("Monday %q; want %q", got, tt.monday)
			}
			gates := assessment.Gates(tt.rec)
			for k, l := range mon.Exercises {
				e, _ := lib.Get(l.ExerciseID)
				if l.ExerciseID != p.Weeks[0].Days[0].Exercises[k].ExerciseID {
					if gs := assessment.GatesForbidding(gates, e); len(gs) > 0 {
						t.Errorf("%s swapped in although %s forbids it", l.ExerciseID, gs[0].Code)
					}
					if l.Overridden {
						t.Errorf("%s swapped in marked as an override", l.ExerciseID)
					}
				}
				for _, it := range e.Equipment {
					if it != assessment.EquipNone && !slices.Contains(p.Options.Equipment, it) {
						t.Errorf("%s needs %s, which the plan does not have", l.ExerciseID, it)
					}
				}
				if l.ExerciseID == "mat_plank_x" && (l.Sets != 2 || l.Reps != 6) {
					t.Errorf("mat plank kept at %d×%d; want one set fewer and two thirds of the reps (2×6)", l.Sets, l.Reps)
				}
			}
		})
	}
	t.Run("ErrApplyRechecks", func(t *testing.T) {
		// Proposed without the hinge gate, applied with it: the kettlebell
		// deadlift is refused rather than slipped in.
		p := newPlan()
		prop, err := assessment.Propose(pgRecord(), p, red(p), lib)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := assessment.Apply(hingePain, p, prop, lib); assessment.ErrorCode(err) != assessment.ECONFLICT {
			t.Fatalf("Apply = %v; want ECONFLICT", err)
		}
		if _, err := assessment.Apply(nil, p, prop, lib); assessment.ErrorCode(err) != assessment.ECONFLICT {
			t.Fatalf("Apply with no assessment = %v; want ECONFLICT", err)
		}
	})
	t.Run("HandBuiltLibraryHarderRegression", func(t *testing.T) {
		// A library built by hand skips ValidateLibrary: its "regression"
		// of a bodyweight hinge is a loaded one. Propose must not take it.
		base := slSafetyLibrary(t)
		mine := &assessment.Exercise{ID: "my_hinge", Name: "My hinge", Family: assessment.FamilyHinge, Regression: "kb_rdl_x",
			Equipment: []string{assessment.EquipNone}, Dosage: map[string]assessment.Dose{assessment.PhaseActivation: {Sets: 2, Reps: 8}}}
		lib := &assessment.Library{Exercises: append(slices.Clone(base.Exercises), mine)}
		p := slPlan([]string{"my_hinge"}, nil)
		prop, err := assessment.Propose(hingePain, p, red(p), lib)
		if err != nil {
			t.Fatal(err)
		}
		if len(prop.Changes) != 1 || prop.Changes[0].ToID != "dowel_hinge_x" {
			t.Fatalf("changes %+v; want my_hinge → dowel_hinge_x, past both loaded hinges", prop.Changes)
		}
	})
}

// TestApplyEachLineOnce: a line swapped for its easier variation is not
// regressed again by that variation's own change.
func TestApplyEachLineOnce(t *testing.T) {
	t.Run("SwapNotCutAgain", func(t *testing.T) {
		// Monday holds the dead bug and the toe tap; Wednesday the dead bug
		// alone. After a red Monday the dead bug becomes the toe tap at its
		// library dose, and only the toe tap that was there is cut.
		lib := slLibrary(t)
		p := slPlan([]string{"dead_bug_bent_knee", "dead_bug_toe_tap"}, []string{"dead_bug_bent_knee"})
		prop, err := assessment.Propose(pgRecord(), p, markAll(p, logAt(0, 7, false)), lib)
		if err != nil {
			t.Fatal(err)
		}
		np, err := assessment.Apply(pgRecord(), p, prop, lib)
		if err != nil {
			t.Fatal(err)
		}
		mon, wed := np.Weeks[0].Days[0].Exercises, np.Weeks[0].Days[2].Exercises
		if len(mon) != 1 || mon[0].ExerciseID != "dead_bug_toe_tap" || mon[0].Sets != 2 || mon[0].Reps != 6 {
			t.Errorf("Monday %+v; want the toe tap that was there, cut to 2×6", mon)
		}
		if len(wed) != 1 || wed[0].ExerciseID != "dead_bug_toe_tap" || wed[0].Sets != 2 || wed[0].Reps != 8 {
			t.Errorf("Wednesday %+v; want the toe tap at its library dose 2×8, not cut again", wed)
		}
	})
	t.Run("OneStepDown", func(t *testing.T) {
		// Monday's RDL and deadlift both regress one step; Wednesday's RDL
		// becomes the deadlift, not the dowel hinge two steps down.
		lib := slSafetyLibrary(t)
		p := slPlan([]string{"kb_rdl_x", "kb_dl_x"}, []string{"kb_rdl_x"})
		prop, err := assessment.Propose(pgRecord(), p, markAll(p, logAt(0, 6, false)), lib)
		if err != nil {
			t.Fatal(err)
		}
		np, err := assessment.Apply(pgRecord(), p, prop, lib)
		if err != nil {
			t.Fatal(err)
		}
		if got := slIDs(np.Weeks[0].Days[0]); !reflect.DeepEqual(got, []string{"kb_dl_x", "dowel_hinge_x"}) {
			t.Errorf("Monday %q; want the deadlift then the dowel hinge", got)
		}
		if got := slIDs(np.Weeks[0].Days[2]); !reflect.DeepEqual(got, []string{"kb_dl_x"}) {
			t.Errorf("Wednesday %q; want the deadlift, one step down", got)
		}
	})
}

// TestProposeUndatedPlan: a plan without dates cannot place the session in
// a week, so every exercise of the plan is regressed from its first week,
// and the reason says so (not "after the end of this plan").
func TestProposeUndatedPlan(t *testing.T) {
	lib := slLibrary(t)
	p := slProgramme()
	p.Options.Start = assessment.Date{}
	for wi := range p.Weeks {
		p.Weeks[wi].Start = assessment.Date{}
	}
	prop, err := assessment.Propose(pgRecord(), p, markAll(p, logAt(30, 8, false)), lib)
	if err != nil {
		t.Fatal(err)
	}
	var changes []string
	for _, c := range prop.Changes {
		changes = append(changes, c.ExerciseID+"→"+c.ToID+"@"+strconv.Itoa(c.FromWeek))
	}
	want := []string{"dead_bug_bent_knee→dead_bug_toe_tap@1", "glute_bridge→@1", "dead_bug_toe_tap→@1"}
	if !reflect.DeepEqual(changes, want) {
		t.Errorf("changes %q; want %q", changes, want)
	}
	if !strings.Contains(prop.Reason, "no dates") || strings.Contains(prop.Reason, "after the end") {
		t.Errorf("reason %q; want it to say the plan has no dates", prop.Reason)
	}
	np, err := assessment.Apply(pgRecord(), p, prop, lib)
	if err != nil {
		t.Fatal(err)
	}
	if got := slIDs(np.Weeks[0].Days[0]); !reflect.DeepEqual(got, []string{"dead_bug_toe_tap", "glute_bridge"}) {
		t.Errorf("week 1 Monday %q; want the toe tap and the bridge", got)
	}
	t.Run("AfterTheEnd", func(t *testing.T) {
		prop, err := assessment.Propose(pgRecord(), slProgramme(), markAll(slProgramme(), logAt(40, 8, false)), lib)
		if err != nil {
			t.Fatal(err)
		}
		if len(prop.Changes) != 0 || !strings.Contains(prop.Reason, "after the end of this plan") {
			t.Errorf("changes %+v, reason %q; want none, after the end", prop.Changes, prop.Reason)
		}
	})
}

// TestRegressionProperties: over random valid assessments and options, a
// red session in a random week of the generated plan yields a new version
// in which every exercise swapped in passes her gates and the plan's
// equipment, and sits on the regression chain below the one it replaced.
func TestRegressionProperties(t *testing.T) {
	lib := pgLib(t)
	want := 1000
	if testing.Short() {
		want = 200
	}
	rng := rand.New(rand.NewPCG(20261121, 10))
	done := 0
	for tried := 0; done < want && tried < 20*want; tried++ {
		r := orRecord(rng)
		if r.Validate() != nil {
			continue
		}
		opts := pgRandomOptions(rng)
		opts.Start = assessment.NextMonday(r.Date)
		p, err := assessment.Generate(r, lib, opts)
		if err != nil || p.Blocked {
			continue
		}
		done++
		p.ID = 1
		wk := p.Weeks[rng.IntN(len(p.Weeks))]
		log := &assessment.SessionLog{ID: 1, ProgrammeID: 1, Date: wk.Start.AddDays(rng.IntN(7)), Status: assessment.SessionDone, Pain: 6 + rng.IntN(5)}
		prop, err := assessment.Propose(r, p, markAll(p, log), lib)
		if err != nil || prop.Action != assessment.ActionRegress || len(prop.Changes) == 0 {
			t.Fatalf("record %d: proposal %+v, %v", tried, prop, err)
		}
		np, err := assessment.Apply(r, p, prop, lib)
		if err != nil {
			t.Fatalf("record %d: Apply: %v", tried, err)
		}
		gates := assessment.Gates(r)
		below := func(from, to string) bool { // to is reached from from by regressions
			seen := map[string]bool{}
			for e, ok := lib.Get(from); ok && !seen[e.ID]; e, ok = lib.Get(e.Regression) {
				seen[e.ID] = true
				if e.Regression == to {
					return true
				}
			}
			return false
		}
		for wi, w := range np.Weeks {
			for di, d := range w.Days {
				was := p.Weeks[wi].Days[di].Exercises
				for _, l := range d.Exercises {
					if slices.ContainsFunc(was, func(x assessment.Prescription) bool { return x.ExerciseID == l.ExerciseID }) {
						continue // kept (perhaps with less)
					}
					e, ok := lib.Get(l.ExerciseID)
					if !ok {
						t.Fatalf("record %d: unknown exercise %s", tried, l.ExerciseID)
					}
					if gs := assessment.GatesForbidding(gates, e); len(gs) > 0 {
						t.Fatalf("record %d week %d %s: %s swapped in although %s forbids it", tried, w.Week, d.Day, e.ID, gs[0].Code)
					}
					for _, it := range e.Equipment {
						if len(opts.Equipment) > 0 && it != assessment.EquipNone && !slices.Contains(opts.Equipment, it) {
							t.Fatalf("record %d week %d %s: %s needs %s, not in %v", tried, w.Week, d.Day, e.ID, it, opts.Equipment)
						}
					}
					if !slices.ContainsFunc(was, func(x assessment.Prescription) bool { return below(x.ExerciseID, e.ID) }) {
						t.Fatalf("record %d week %d %s: %s is not a regression of anything that was there", tried, w.Week, d.Day, e.ID)
					}
				}
			}
		}
	}
	if done < want {
		t.Fatalf("only %d plans to regress", done)
	}
}
