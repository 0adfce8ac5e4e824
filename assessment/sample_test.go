package assessment_test

import (
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func TestSampleClients(t *testing.T) {
	today := assessment.NewDate(2026, 11, 20)
	samples := assessment.SampleClients(today)
	withHistory, withPlan := 0, 0
	for _, sc := range samples {
		t.Run(sc.Client.Name, func(t *testing.T) {
			c := sc.Client
			if err := c.Validate(today); err != nil {
				t.Fatalf("client: %v", err)
			}
			for i, r := range sc.Records {
				if err := r.Validate(); err != nil {
					t.Errorf("record %d: %v", i, err)
				}
				if r.Date.After(today) {
					t.Errorf("record %d dated %s, after today", i, r.Date)
				}
				if i > 0 && r.Date.DaysSince(sc.Records[i-1].Date) < 56 {
					t.Errorf("records %d and %d are %d days apart; want two months or more", i-1, i, r.Date.DaysSince(sc.Records[i-1].Date))
				}
				if w, ok := c.WeeksPostpartum(r.Date); !ok || r.Context == nil || r.Context.WeeksPostpartum == nil || *r.Context.WeeksPostpartum != w {
					t.Errorf("record %d: weeks postpartum disagree with her delivery date (%d)", i, w)
				}
				if want := assessment.KindReassessment; i > 0 && r.Kind != want {
					t.Errorf("record %d is %q; want a reassessment", i, r.Kind)
				}
				if in := assessment.Interpret(r); in.ReferralRequired && assessment.Blocked(assessment.Gates(r)) {
					t.Errorf("record %d blocks every programme; samples should show plans", i)
				}
			}
			if len(sc.Records) > 0 {
				withHistory++
				if len(sc.Records) < 3 {
					t.Errorf("%d assessments; a sample history has three or more", len(sc.Records))
				}
				c := assessment.Compare(sc.Records[0], sc.Records[len(sc.Records)-1])
				if len(c.Meaningful()) == 0 {
					t.Error("no real change between her first and latest assessments")
				}
			}
			if p := sc.Plan; p != nil {
				withPlan++
				last := sc.Records[len(sc.Records)-1]
				if !p.Start.After(last.Date) || p.Start.After(today) || p.FlareSession < 0 || p.FlarePain < assessment.PainStopMin {
					t.Errorf("plan %+v after the latest assessment on %s", p, last.Date)
				}
			}
		})
	}
	if withHistory < 2 || withPlan < 1 {
		t.Errorf("%d samples with a history, %d with a plan; want some of each", withHistory, withPlan)
	}
}
