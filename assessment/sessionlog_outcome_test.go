package assessment_test

import (
	"encoding/json"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func intp(n int) *int    { return &n }
func boolp(b bool) *bool { return &b }

// mondayLog is a log of week wk's Monday session (dead bug, bridge) at
// session pain pain, with the outcomes given.
func mondayLog(wk, pain int, xs ...assessment.ExerciseOutcome) *assessment.SessionLog {
	return &assessment.SessionLog{ID: int64(200 + wk), ProgrammeID: 10, Date: slMonday.AddDays(7 * (wk - 1)), Status: assessment.SessionDone,
		Pain: pain, Session: "mon", Exercises: xs}
}

func deadBug(outcome string, pain *int, doming *bool) assessment.ExerciseOutcome {
	return assessment.ExerciseOutcome{ExerciseID: "dead_bug_bent_knee", Name: "Dead bug", Outcome: outcome, Pain: pain, Doming: doming}
}

func bridge(outcome string, pain *int) assessment.ExerciseOutcome {
	return assessment.ExerciseOutcome{ExerciseID: "glute_bridge", Name: "Glute bridge", Outcome: outcome, Pain: pain}
}

func TestSessionLog_ValidateOutcomes(t *testing.T) {
	ok := mondayLog(1, 2, deadBug(assessment.OutcomeDone, intp(2), boolp(false)), bridge(assessment.OutcomeSkipped, nil))
	ok.Status = assessment.SessionPartial
	if err := ok.Validate(slMonday.AddDays(30)); err != nil {
		t.Fatalf("valid log refused: %v", err)
	}
	tests := []struct {
		name  string
		edit  func(l *assessment.SessionLog)
		field string
	}{
		{"ErrUnanswered", func(l *assessment.SessionLog) { l.Exercises[0].Outcome = "" }, assessment.FieldSessionExercise(0)},
		{"ErrPain", func(l *assessment.SessionLog) { l.Exercises[0].Pain = intp(11) }, assessment.FieldSessionExercise(0)},
		{"ErrSkippedWithPain", func(l *assessment.SessionLog) { l.Exercises[1].Pain = intp(3) }, assessment.FieldSessionExercise(1)},
		{"ErrSession", func(l *assessment.SessionLog) { l.Session = "monday" }, assessment.FieldSessionSession},
		{"ErrMissedWithExercises", func(l *assessment.SessionLog) { l.Status = assessment.SessionMissed }, assessment.FieldSessionExercises},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := ok.Clone()
			tt.edit(l)
			msg := assessment.FieldErrors(l.Validate(slMonday.AddDays(30))).For(tt.field)
			if msg == "" {
				t.Fatalf("no message for %s", tt.field)
			}
			if tt.name == "ErrUnanswered" && !strings.Contains(msg, "Dead bug") {
				t.Errorf("message %q does not name the exercise", msg)
			}
		})
	}
	t.Run("CloneIsDeep", func(t *testing.T) {
		c := ok.Clone()
		*c.Exercises[0].Pain = 9
		if *ok.Exercises[0].Pain != 2 {
			t.Fatal("Clone shares the pain")
		}
	})
}

func TestSessionLog_LightFromExercises(t *testing.T) {
	tests := []struct {
		name string
		log  *assessment.SessionLog
		want assessment.Light
	}{
		{"GreenAllDone", mondayLog(1, 1, deadBug(assessment.OutcomeDone, intp(1), nil), bridge(assessment.OutcomeDone, nil)), assessment.LightGreen},
		{"UnansweredPainIsNotRed", mondayLog(1, 1, deadBug(assessment.OutcomeDone, nil, nil)), assessment.LightGreen},
		{"AmberFromExercise", mondayLog(1, 1, deadBug(assessment.OutcomeDone, intp(5), nil)), assessment.LightAmber},
		{"RedFromExercisePain", mondayLog(1, 1, deadBug(assessment.OutcomeDone, intp(6), nil)), assessment.LightRed},
		{"RedFromHurt", mondayLog(1, 0, bridge(assessment.OutcomeHurt, nil)), assessment.LightRed},
		{"RedFromDoming", mondayLog(1, 0, deadBug(assessment.OutcomeDone, intp(0), boolp(true))), assessment.LightRed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.log.Light(); got != tt.want {
				t.Errorf("Light() = %q; want %q", got, tt.want)
			}
		})
	}
}

// TestProposeOnlyWhatHurt: a red session regresses only the exercises that
// hurt; when the log does not say which, Keel asks; a rest day or another
// activity never regresses a whole day.
func TestProposeOnlyWhatHurt(t *testing.T) {
	lib := slLibrary(t)
	tests := []struct {
		name    string
		log     *assessment.SessionLog
		action  string
		changes []string
		ask     []string
	}{
		{"OnlyTheBridge", mondayLog(2, 7, deadBug(assessment.OutcomeDone, intp(2), boolp(false)), bridge(assessment.OutcomeHurt, nil)),
			assessment.ActionRegress, []string{"glute_bridge→@2"}, nil},
		{"ExercisePainSix", mondayLog(2, 3, deadBug(assessment.OutcomeDone, intp(6), nil), bridge(assessment.OutcomeDone, intp(1))),
			assessment.ActionRegress, []string{"dead_bug_bent_knee→dead_bug_toe_tap@2"}, nil},
		{"DomingDuringOne", mondayLog(2, 1, deadBug(assessment.OutcomeDone, intp(1), boolp(true)), bridge(assessment.OutcomeDone, intp(1))),
			assessment.ActionRegress, []string{"dead_bug_bent_knee→dead_bug_toe_tap@2"}, nil},
		{"AskWhenNotSaid", mondayLog(2, 7, deadBug(assessment.OutcomeDone, nil, nil), bridge(assessment.OutcomeDone, nil)),
			assessment.ActionAsk, nil, []string{"dead_bug_bent_knee", "glute_bridge"}},
		// An older log with no session named, on a planned day: ask about
		// that day's exercises.
		{"AskOldLog", logAt(7, 7, false), assessment.ActionAsk, nil, []string{"dead_bug_bent_knee", "glute_bridge"}},
		// A sore back on a rest day (Tuesday of week 3): nothing is
		// regressed, and no day's list is guessed.
		{"RestDayNeverWholeDay", logAt(15, 6, false), assessment.ActionAsk, nil, nil},
		{"RestDaySessionNamed", &assessment.SessionLog{ID: 1, ProgrammeID: 10, Date: slMonday.AddDays(15), Status: assessment.SessionDone, Pain: 7, Session: "wed"},
			assessment.ActionAsk, nil, []string{"glute_bridge", "dead_bug_toe_tap", "dead_bug_bent_knee"}},
		{"OtherActivity", &assessment.SessionLog{ID: 1, ProgrammeID: 10, Date: slMonday.AddDays(15), Status: assessment.SessionDone, Pain: 8, Session: assessment.SessionOther},
			assessment.ActionHold, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prop, err := assessment.Propose(pgRecord(), slProgramme(), []*assessment.SessionLog{tt.log}, lib)
			if err != nil {
				t.Fatal(err)
			}
			var changes, ask []string
			for _, c := range prop.Changes {
				changes = append(changes, c.ExerciseID+"→"+c.ToID+"@"+strconv.Itoa(c.FromWeek))
			}
			for _, x := range prop.Ask {
				ask = append(ask, x.ExerciseID)
			}
			if prop.Action != tt.action || !reflect.DeepEqual(changes, tt.changes) || !reflect.DeepEqual(ask, tt.ask) {
				t.Errorf("action %q changes %q ask %q; want %q %q %q", prop.Action, changes, ask, tt.action, tt.changes, tt.ask)
			}
			if prop.Light != assessment.LightRed || prop.Reason == "" {
				t.Errorf("light %q reason %q", prop.Light, prop.Reason)
			}
		})
	}
	t.Run("ApplyLeavesTheRest", func(t *testing.T) {
		p := slProgramme()
		log := mondayLog(2, 7, deadBug(assessment.OutcomeDone, intp(2), nil), bridge(assessment.OutcomeHurt, nil))
		prop, err := assessment.Propose(pgRecord(), p, []*assessment.SessionLog{log}, lib)
		if err != nil {
			t.Fatal(err)
		}
		np, err := assessment.Apply(pgRecord(), p, prop, lib)
		if err != nil {
			t.Fatal(err)
		}
		for wi, wk := range np.Weeks {
			for di, d := range wk.Days {
				for k, l := range d.Exercises {
					was := p.Weeks[wi].Days[di].Exercises[k]
					changed := !reflect.DeepEqual(l, was)
					if l.ExerciseID != "glute_bridge" && changed {
						t.Errorf("week %d %s: %s changed although only the bridge hurt", wk.Week, d.Day, l.Name)
					}
					if l.ExerciseID == "glute_bridge" && wk.Week >= 2 && l.Sets >= was.Sets {
						t.Errorf("week %d %s: bridge dose not reduced (%d sets)", wk.Week, d.Day, l.Sets)
					}
				}
			}
		}
	})
	t.Run("AfterApplyNotNothingLogged", func(t *testing.T) {
		logs := []*assessment.SessionLog{{ID: 1, ProgrammeID: 9, Date: slMonday, Status: assessment.SessionDone, Pain: 8}}
		prop, err := assessment.Propose(pgRecord(), slProgramme(), logs, lib)
		if err != nil {
			t.Fatal(err)
		}
		if prop.Action != assessment.ActionNone || prop.Title == "No session logged yet" || !strings.Contains(prop.Reason, slMonday.String()) {
			t.Errorf("after a regression: %q / %q; want it to name her last session", prop.Title, prop.Reason)
		}
	})
}

// TestGreenRun: a missed planned session breaks the run of green sessions,
// logged as missed or not logged at all.
func TestGreenRun(t *testing.T) {
	green := func(days int) *assessment.SessionLog { return logAt(days, 1, false) }
	missed := &assessment.SessionLog{ID: 50, ProgrammeID: 10, Date: slMonday.AddDays(2), Status: assessment.SessionMissed}
	moved := logAt(3, 1, false) // Thursday, doing Wednesday's session
	moved.Session = "wed"
	tests := []struct {
		name string
		logs []*assessment.SessionLog
		want int
	}{
		{"EveryPlannedSession", []*assessment.SessionLog{green(0), green(2), green(7)}, 3},
		{"UnloggedWednesdayBreaks", []*assessment.SessionLog{green(0), green(7)}, 1},
		{"LoggedMissedBreaks", []*assessment.SessionLog{green(0), missed, green(7)}, 1},
		{"AmberBreaks", []*assessment.SessionLog{green(0), logAt(2, 4, false), green(7)}, 1},
		{"MovedSessionCounts", []*assessment.SessionLog{green(0), moved, green(7)}, 3},
		{"ExtraSessionOnRestDay", []*assessment.SessionLog{green(0), green(1), green(2)}, 3},
		{"LastNotGreen", []*assessment.SessionLog{green(0), logAt(2, 7, false)}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := assessment.GreenRun(slProgramme(), tt.logs); got != tt.want {
				t.Errorf("GreenRun = %d; want %d", got, tt.want)
			}
		})
	}
	t.Run("ProposeSaysNoRunAcrossAMiss", func(t *testing.T) {
		prop, err := assessment.Propose(pgRecord(), slProgramme(), []*assessment.SessionLog{green(0), green(7)}, slLibrary(t))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(prop.Reason, "in a row") {
			t.Errorf("reason %q counts a run across the missed Wednesday", prop.Reason)
		}
	})
}

func TestSessionsAround(t *testing.T) {
	p := slProgramme()
	sessions, onDay := assessment.SessionsAround(p, slMonday.AddDays(7))
	if len(sessions) != 2 || sessions[0].Day != "mon" || sessions[1].Day != "wed" || sessions[0].Week != 2 {
		t.Fatalf("sessions %+v", sessions)
	}
	if onDay == nil || onDay.Day != "mon" || onDay.Date != slMonday.AddDays(7) {
		t.Errorf("Monday of week 2 preselects %+v", onDay)
	}
	if _, onDay := assessment.SessionsAround(p, slMonday.AddDays(8)); onDay != nil {
		t.Errorf("a rest day preselects %+v; want none", onDay)
	}
	outs := assessment.NewOutcomes(onDay, assessment.SessionDone)
	if len(outs) != 2 || outs[0].Outcome != assessment.OutcomeDone || outs[0].Pain != nil {
		t.Errorf("outcomes of a done session %+v; want done with pain unanswered", outs)
	}
	if outs := assessment.NewOutcomes(onDay, assessment.SessionPartial); outs[0].Outcome != "" {
		t.Errorf("a partly done session marks %q; want unanswered", outs[0].Outcome)
	}
}

func TestSessionAdherence(t *testing.T) {
	tests := []struct {
		log  *assessment.SessionLog
		want int
	}{
		{logAt(0, 1, false), 100},
		{&assessment.SessionLog{Status: assessment.SessionPartial}, 50},
		{&assessment.SessionLog{Status: assessment.SessionMissed}, 0},
		{mondayLog(1, 1, deadBug(assessment.OutcomeDone, nil, nil), bridge(assessment.OutcomeSkipped, nil)), 50},
		{mondayLog(1, 1, deadBug(assessment.OutcomeHurt, nil, nil), bridge(assessment.OutcomeDone, nil)), 100},
	}
	for i, tt := range tests {
		if got := tt.log.SessionAdherence(); got != tt.want {
			t.Errorf("%d: SessionAdherence = %d; want %d", i, got, tt.want)
		}
	}
}

func TestSessionTrends(t *testing.T) {
	missed := &assessment.SessionLog{ID: 9, ProgrammeID: 10, Date: slMonday.AddDays(2), Status: assessment.SessionMissed}
	other := &assessment.SessionLog{ID: 8, ProgrammeID: 10, Date: slMonday.AddDays(3), Status: assessment.SessionDone, Pain: 4, Session: assessment.SessionOther}
	ts := assessment.SessionTrends([]*assessment.SessionLog{
		mondayLog(2, 2, deadBug(assessment.OutcomeDone, intp(7), nil), bridge(assessment.OutcomeSkipped, nil)),
		missed, other, logAt(0, 1, false),
	})
	if len(ts) != 2 || ts[0].Key != assessment.TrendSessionPain || ts[1].Key != assessment.TrendSessionAdherence {
		t.Fatalf("trends %+v", ts)
	}
	var pains, done []string
	for _, p := range ts[0].Series[0].Points {
		pains = append(pains, p.Date.String()+"="+p.Text)
	}
	for _, p := range ts[1].Series[0].Points {
		done = append(done, p.Date.String()+"="+p.Text)
	}
	// The missed session has no pain; another activity is not a session
	// of the plan; the exercise's pain 7 is the session's highest.
	wantPain := []string{"2026-03-02=1", "2026-03-05=4", "2026-03-09=7"}
	wantDone := []string{"2026-03-02=100%", "2026-03-04=0%", "2026-03-09=50%"}
	if !reflect.DeepEqual(pains, wantPain) || !reflect.DeepEqual(done, wantDone) {
		t.Errorf("pain %q done %q\nwant %q %q", pains, done, wantPain, wantDone)
	}
	if ts := assessment.SessionTrends(nil); len(ts) != 0 {
		t.Errorf("no logs: %+v", ts)
	}
}

// The session log example in docs/FORMAT.md is a log Keel accepts, red
// with only the bridge to regress.
func TestSessionLogFormatExample(t *testing.T) {
	doc, err := os.ReadFile("../docs/FORMAT.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "### `session_logs[]`")
	_, rest, ok2 := strings.Cut(rest, "```json\n")
	block, _, ok3 := strings.Cut(rest, "```")
	if !ok || !ok2 || !ok3 {
		t.Fatal("FORMAT.md has no session log example")
	}
	dec := json.NewDecoder(strings.NewReader(block))
	dec.DisallowUnknownFields()
	var l assessment.SessionLog
	if err := dec.Decode(&l); err != nil {
		t.Fatalf("the example does not read as a session log: %v", err)
	}
	if err := l.Validate(assessment.NewDate(2026, 12, 1)); err != nil {
		t.Fatalf("the example is refused: %v", err)
	}
	if hurt := l.HurtExercises(); l.Light() != assessment.LightRed || len(hurt) != 1 || hurt[0].ExerciseID != "glute_bridge" {
		t.Errorf("the example reads %q with %+v hurting", l.Light(), hurt)
	}
}

// Another activity is not a session of her plan: adherence leaves it out.
func TestAdherenceLeavesOutOtherActivity(t *testing.T) {
	other := &assessment.SessionLog{ID: 1, ProgrammeID: 10, Date: slMonday.AddDays(1), Status: assessment.SessionDone, Pain: 1, Session: assessment.SessionOther}
	weeks := assessment.Adherence(slProgramme(), []*assessment.SessionLog{other}, slMonday.AddDays(6))
	if len(weeks) != 1 || weeks[0].Done != 0 || weeks[0].Percent != 0 {
		t.Errorf("week 1 with only another activity: %+v", weeks)
	}
}

// TestApplyReachesHarderVariations: after an exercise hurt, a harder
// variation of it later in the plan (the next phase's step up its chain)
// is not given to her: it becomes the easier exercise the change names, or
// the one that hurt at a lower dose (a coach saw the hurt dead bug come
// back harder in the next phase).
func TestApplyReachesHarderVariations(t *testing.T) {
	lib := pgLib(t)
	p := pgGenerate(t, pgRecord(pgStrong), assessment.ProgrammeOptions{Weeks: 8})
	p.ID = 1
	// An exercise of weeks 1–4 with a harder variation in weeks 5–8.
	inPhase := func(lo, hi int) map[string]bool {
		out := map[string]bool{}
		for _, w := range p.Weeks {
			if w.Week >= lo && w.Week <= hi {
				for _, d := range w.Days {
					for _, l := range d.Exercises {
						out[l.ExerciseID] = true
					}
				}
			}
		}
		return out
	}
	early, late := inPhase(1, 4), inPhase(5, 8)
	var hurt, harder string
	for id := range late {
		if early[id] {
			continue
		}
		for e, ok := lib.Get(id); ok && e.Regression != ""; e, ok = lib.Get(e.Regression) {
			if early[e.Regression] && !late[e.Regression] {
				hurt, harder = e.Regression, id
				break
			}
		}
		if hurt != "" {
			break
		}
	}
	if hurt == "" {
		t.Skip("no exercise steps up its chain between the phases of this plan")
	}
	prop := &assessment.Proposal{ProgrammeID: p.ID, Action: assessment.ActionRegress, Title: "Ease off", Reason: "it hurt",
		Changes: []assessment.PlanChange{{FromWeek: 4, ExerciseID: hurt, Name: hurt, Reason: "It hurt in week 4."}}}
	np, err := assessment.Apply(pgRecord(pgStrong), p, prop, lib)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range np.Weeks {
		for _, d := range w.Days {
			for _, l := range d.Exercises {
				if l.ExerciseID == harder && w.Week >= 4 {
					t.Errorf("week %d %s: %s, a harder variation of %s that hurt, is still given", w.Week, d.Day, harder, hurt)
				}
			}
		}
	}
}

// TestSessionDoneWithSkippedRefused: "done" with a skipped exercise is a
// contradiction, refused on the status field (a chart read 100% for a
// session cut short).
func TestSessionDoneWithSkippedRefused(t *testing.T) {
	l := &assessment.SessionLog{ProgrammeID: 1, Date: pgDate(2026, 3, 2), Status: assessment.SessionDone, Pain: 2,
		Exercises: []assessment.ExerciseOutcome{{ExerciseID: "glute_bridge", Name: "Glute bridge", Outcome: assessment.OutcomeSkipped}}}
	if assessment.FieldErrors(l.Validate(pgDate(2026, 3, 3))).For(assessment.FieldSessionStatus) == "" {
		t.Error("done with a skipped exercise validates")
	}
	l.Status = assessment.SessionPartial
	if err := l.Validate(pgDate(2026, 3, 3)); err != nil {
		t.Errorf("partly done with a skipped exercise: %v", err)
	}
}
