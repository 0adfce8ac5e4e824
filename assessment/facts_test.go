package assessment_test

import (
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func TestPostpartumWeeks(t *testing.T) {
	on := pgDate(2026, 3, 4)
	tests := []struct {
		name     string
		coach    *int
		delivery assessment.Date
		want     int
		ok       bool
	}{
		{"Neither", nil, assessment.Date{}, 0, false},
		{"CoachOnly", pgInt(9), assessment.Date{}, 9, true},
		{"DeliveryOnly", nil, on.AddDays(-20), 2, true},
		{"SmallerWins", pgInt(9), on.AddDays(-20), 2, true},
		{"CoachSmaller", pgInt(1), on.AddDays(-70), 1, true},
		{"DeliveryAfterDayIsUnknown", nil, on.AddDays(3), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, ok := assessment.PostpartumWeeks(tt.coach, tt.delivery, on)
			if w != tt.want || ok != tt.ok {
				t.Errorf("PostpartumWeeks = %d, %v; want %d, %v", w, ok, tt.want, tt.ok)
			}
			// The two wrappers read the same rule.
			r := pgRecord(func(r *assessment.Record) { r.Context.WeeksPostpartum = tt.coach; r.Client.LastDelivery = tt.delivery })
			if w2, ok2 := r.WeeksPostpartum(); w2 != w || ok2 != ok {
				t.Errorf("Record.WeeksPostpartum = %d, %v", w2, ok2)
			}
			c := &assessment.Client{LastDelivery: tt.delivery}
			cw, cok := c.WeeksPostpartum(on)
			dw, dok := assessment.PostpartumWeeks(nil, tt.delivery, on)
			if cw != dw || cok != dok {
				t.Errorf("Client.WeeksPostpartum = %d, %v; want %d, %v", cw, cok, dw, dok)
			}
		})
	}
}

// TestBirthsKeyMissing: a file whose client has no "births" key is not
// "no births": it gets the strictest window and says how to widen it.
func TestBirthsKeyMissing(t *testing.T) {
	r, err := assessment.ParseRecordJSON([]byte(`{"format":"keel.assessment/1","date":"2026-03-04","client":{"name":"Client"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if !r.Client.BirthsUnknown {
		t.Fatal("births not marked unknown")
	}
	if f := assessment.FactsOf(r); f.Postpartum != assessment.PostpartumUnknown || f.Pain.PainKnown || len(f.ScreenMissing) != 10 {
		t.Errorf("facts %+v", f)
	}
	r0, err := assessment.ParseRecordJSON([]byte(`{"format":"keel.assessment/1","date":"2026-03-04","client":{"name":"Client","births":0}}`))
	if err != nil {
		t.Fatal(err)
	}
	if f := assessment.FactsOf(r0); f.Postpartum != assessment.PostpartumNone {
		t.Errorf("births: 0 recorded gives %v, want not postpartum", f.Postpartum)
	}
	p, err := assessment.Generate(r, pgLib(t), assessment.ProgrammeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Blocked || len(p.Referrals) == 0 || !strings.Contains(p.Referrals[0].Reason, "Finish the safety screen first") {
		t.Errorf("no screen: blocked %v, referrals %+v", p.Blocked, p.Referrals)
	}
	r.RedFlags = pgScreenNo()
	p, _ = assessment.Generate(r, pgLib(t), assessment.ProgrammeOptions{})
	if p.Blocked || !strings.Contains(strings.Join(p.Limits, " "), "Record the baby's birth date") {
		t.Errorf("unknown births: blocked %v, limits %q", p.Blocked, p.Limits)
	}
}

func TestPregnantNoProgramme(t *testing.T) {
	p := pgGenerate(t, pgRecord(func(r *assessment.Record) { r.Context.Pregnant = pgBool(true) }), assessment.ProgrammeOptions{})
	if !p.Blocked || !strings.Contains(p.Referrals[0].Reason, "for after the birth") {
		t.Errorf("pregnant: blocked %v, referrals %+v", p.Blocked, p.Referrals)
	}
}

func TestReferralsForPainHingeGlute(t *testing.T) {
	tests := []struct {
		name string
		rec  *assessment.Record
		code string
	}{
		{"PersistentPain", pgRecord(func(r *assessment.Record) { r.Pain = &assessment.Pain{Now: pgInt(6), WorstWeek: pgInt(7)} }), assessment.ReferralPainPersistent},
		{"PainfulHinge", pgRecord(pgHingeScore(0)), assessment.ReferralHingePain},
		{"GluteGrade0", pgRecord(pgGrades("4", "4", "4", "0")), assessment.ReferralGluteNerve},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := false
			for _, r := range assessment.SafetyReferrals(tt.rec) {
				found = found || r.Code == tt.code
			}
			if !found {
				t.Errorf("no %s referral: %+v", tt.code, assessment.SafetyReferrals(tt.rec))
			}
		})
	}
}

func TestStopRuleFollowsPainToday(t *testing.T) {
	tests := []struct {
		pain *assessment.Pain
		want string
	}{
		{&assessment.Pain{Now: pgInt(2)}, "reaches 6/10"},
		{&assessment.Pain{Now: pgInt(5)}, "5/10 today"},
		{&assessment.Pain{Now: pgInt(7)}, "Never carry on through a rise in pain"},
		{nil, "brings pain on"},
	}
	for _, tt := range tests {
		p := pgGenerate(t, pgRecord(func(r *assessment.Record) { r.Pain = tt.pain }), assessment.ProgrammeOptions{})
		if !strings.Contains(p.StopRule, tt.want) {
			t.Errorf("pain %+v: stop rule %q lacks %q", tt.pain, p.StopRule, tt.want)
		}
		if tt.pain != nil && tt.pain.Now != nil && *tt.pain.Now >= 6 && strings.Contains(p.StopRule, "reaches 6/10") {
			t.Errorf("stop rule %q is below her pain today", p.StopRule)
		}
	}
}

func TestEarlyWindowGoAhead(t *testing.T) {
	lib := pgLib(t)
	gentle := func(p *assessment.Programme) bool {
		for _, l := range pgLines(p) {
			e, _ := lib.Get(l.ExerciseID)
			switch e.Family {
			case assessment.FamilyBreathing, assessment.FamilyPelvicFloor, assessment.FamilyConditioning, assessment.FamilyHipMobility, assessment.FamilyPelvicTilt, assessment.FamilyChest:
			default:
				return false
			}
		}
		return true
	}
	c8 := pgRecord(pgWeeks(8), pgMode(assessment.DeliveryCaesarean))
	if p := pgGenerate(t, c8, assessment.ProgrammeOptions{}); !gentle(p) {
		t.Error("caesarean 8 weeks ago without a go-ahead: plan goes beyond the gentle set")
	}
	withGo := pgRecord(pgWeeks(8), pgMode(assessment.DeliveryCaesarean), pgGoAhead(0))
	p := pgGenerate(t, withGo, assessment.ProgrammeOptions{})
	if gentle(p) {
		t.Error("with the GP's go-ahead the plan stays in the gentle set")
	}
	for _, l := range pgLines(p) {
		e, _ := lib.Get(l.ExerciseID)
		for _, d := range e.Demands {
			if d == assessment.DemandHeavyLoad || d == assessment.DemandProneLying || d == assessment.DemandTrunkCurl {
				t.Errorf("%s (%s) before 12 weeks after a caesarean", e.ID, d)
			}
		}
	}
	// The early window starts easier than the same exercise later.
	early := pgGenerate(t, pgRecord(pgWeeks(3)), assessment.ProgrammeOptions{})
	later := pgGenerate(t, pgRecord(pgWeeks(30)), assessment.ProgrammeOptions{})
	if a, b := pgFirstDose(early, "easy_walk"), pgFirstDose(later, "easy_walk"); a.HoldSeconds >= b.HoldSeconds {
		t.Errorf("early walk %d s, later %d s: the early window should start easier", a.HoldSeconds, b.HoldSeconds)
	}
}

func pgFirstDose(p *assessment.Programme, id string) assessment.Prescription {
	for _, l := range pgLines(p) {
		if l.ExerciseID == id {
			return l
		}
	}
	return assessment.Prescription{}
}

func TestPhaseCriteriaAndProposal(t *testing.T) {
	p := pgGenerate(t, pgRecord(pgHingeScore(2)), assessment.ProgrammeOptions{Weeks: 12})
	if p.Phases[0].Name != assessment.PhaseActivation || len(p.Phases) != 3 {
		t.Fatalf("phases %+v", p.Phases)
	}
	// Five weeks in, reassessed: hinge now clean and pain low, but a glute
	// grade of 3 keeps integration waiting.
	re := pgRecord(pgGrades("3", "4", "4", "4"), func(r *assessment.Record) { r.Date = p.Weeks[4].Start.AddDays(2) })
	prop := assessment.ProposeNextPhase(p, re)
	if prop.Current != assessment.PhaseStrength || prop.Next != assessment.PhaseIntegration || prop.Ready {
		t.Fatalf("proposal %+v", prop)
	}
	met := map[string]bool{}
	for _, c := range prop.Checks {
		met[c.Code] = c.Met
		if c.Text == "" {
			t.Errorf("criterion %s has no words", c.Code)
		}
	}
	if !met[assessment.CriterionHingeClean] || met[assessment.CriterionGlutesStrong] || !met[assessment.CriterionPainGreen] {
		t.Errorf("checks %+v", prop.Checks)
	}
	re2 := pgRecord(pgGrades("4", "4+", "5", "4"), func(r *assessment.Record) { r.Date = p.Weeks[4].Start.AddDays(2) })
	if prop := assessment.ProposeNextPhase(p, re2); !prop.Ready {
		t.Errorf("all criteria met, proposal %+v", prop)
	}
	// A strong client starts at strength.
	s := pgGenerate(t, pgRecord(pgStrong), assessment.ProgrammeOptions{Weeks: 8})
	if s.Phases[0].Name != assessment.PhaseStrength {
		t.Errorf("strong client starts at %s", s.Phases[0].Name)
	}
}

// TestProgrammeJSONCarriesTheNewKeys: how_hard on weighted lines, phase
// criteria, the stop rule and the rest days reach the JSON form.
func TestProgrammeJSONCarriesTheNewKeys(t *testing.T) {
	p := pgGenerate(t, pgRecord(pgStrong), assessment.ProgrammeOptions{Weeks: 8})
	b, err := assessment.MarshalProgrammeJSON(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"how_hard": "A weight you could lift`, `"criteria": [`, `"stop_rule": "`, `"rest": true`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("programme JSON lacks %s", want)
		}
	}
}
