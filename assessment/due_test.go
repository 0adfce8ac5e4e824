package assessment_test

import (
	"reflect"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func TestNextReassessment(t *testing.T) {
	last := assessment.NewDate(2026, 3, 2)
	start := last.AddDays(7) // the plan starts the Monday after the intake
	twelve := []assessment.Phase{
		{Name: assessment.PhaseActivation, Title: "Activation and control", FirstWeek: 1, LastWeek: 4},
		{Name: assessment.PhaseStrength, Title: "Strength", FirstWeek: 5, LastWeek: 8},
		{Name: assessment.PhaseIntegration, Title: "Integration", FirstWeek: 9, LastWeek: 12},
	}
	tests := []struct {
		name   string
		in     assessment.DueInput
		ok     bool
		date   assessment.Date
		reason string
	}{
		{"NeverAssessed", assessment.DueInput{}, false, assessment.Date{}, ""},
		{"NoProgramme", assessment.DueInput{LastAssessment: last}, true, last.AddDays(28), "4 weeks since her last assessment"},
		{"EndOfFirstPhase", assessment.DueInput{LastAssessment: last, ProgrammeStart: start, Phases: twelve},
			true, start.AddDays(27), "End of the activation and control phase, weeks 1–4"},
		{"EndOfSecondPhase", assessment.DueInput{LastAssessment: start.AddDays(27), ProgrammeStart: start, Phases: twelve},
			true, start.AddDays(55), "End of the strength phase, weeks 5–8"},
		{"EndOfProgramme", assessment.DueInput{LastAssessment: start.AddDays(55), ProgrammeStart: start, Phases: twelve},
			true, start.AddDays(83), "End of the programme: integration, weeks 9–12"},
		// Assessed mid-phase, 10 days before it ends: the next phase end
		// (5 weeks later) is the one that counts.
		{"PhaseEndTooSoon", assessment.DueInput{LastAssessment: start.AddDays(17), ProgrammeStart: start, Phases: twelve},
			true, start.AddDays(55), "End of the strength phase, weeks 5–8"},
		// A single long phase ending after 6 weeks: every 4 weeks instead.
		{"PhaseTooLong", assessment.DueInput{LastAssessment: last, ProgrammeStart: start,
			Phases: []assessment.Phase{{Name: assessment.PhaseActivation, Title: "Activation and control", FirstWeek: 1, LastWeek: 8}}},
			true, last.AddDays(28), "4 weeks since her last assessment"},
		{"ProgrammeOver", assessment.DueInput{LastAssessment: start.AddDays(100), ProgrammeStart: start, Phases: twelve},
			true, start.AddDays(128), "4 weeks since her last assessment"},
		{"NoTitle", assessment.DueInput{LastAssessment: last, ProgrammeStart: start,
			Phases: []assessment.Phase{{Name: assessment.PhaseStrength, FirstWeek: 1, LastWeek: 3}, {Name: assessment.PhaseIntegration, FirstWeek: 4, LastWeek: 6}}},
			true, start.AddDays(20), "End of the strength phase, weeks 1–3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			date, reason, ok := assessment.NextReassessment(tt.in)
			if ok != tt.ok || date != tt.date || reason != tt.reason {
				t.Errorf("NextReassessment = %s %q %v; want %s %q %v", date, reason, ok, tt.date, tt.reason, tt.ok)
			}
		})
	}
}

func TestDueForReassessment(t *testing.T) {
	today := assessment.NewDate(2026, 6, 1)
	in := func(id int64, name string, weeksAgo int) assessment.DueInput {
		return assessment.DueInput{ClientID: id, Name: name, LastAssessment: today.AddDays(-7 * weeksAgo)}
	}
	inputs := []assessment.DueInput{
		in(1, "Zoë", 5),                       // due a week ago
		in(2, "Ana", 3),                       // due in a week: inside the look-ahead
		in(3, "Bea", 2),                       // due in two weeks: not yet
		in(4, "zoe", 5),                       // same day as Zoë; name order ignores accents and case
		in(5, "Cara", 4),                      // due today
		{ClientID: 6, Name: "Never assessed"}, // needs an intake, not a reassessment
	}
	got := assessment.DueForReassessment(inputs, today)
	type row struct {
		id      int64
		date    assessment.Date
		overdue bool
	}
	var rows []row
	for _, d := range got {
		rows = append(rows, row{d.ClientID, d.Date, d.Overdue})
		if d.Reason == "" || d.LastAssessment.IsZero() {
			t.Errorf("due %+v has no reason or last assessment", d)
		}
	}
	want := []row{{1, today.AddDays(-7), true}, {4, today.AddDays(-7), true}, {5, today, false}, {2, today.AddDays(7), false}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("due %+v\nwant %+v", rows, want)
	}
	if got := assessment.DueForReassessment(nil, today); len(got) != 0 {
		t.Errorf("due for no clients: %v", got)
	}
}
