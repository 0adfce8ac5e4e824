package report_test

import (
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/report"
)

// sessionFor returns the session page of a day in the first printed part.
func sessionFor(t *testing.T, h *report.Handout, day string) report.SessionPage {
	t.Helper()
	for _, s := range h.Parts[0].Sessions {
		if strings.Contains(s.Days, day) {
			return s
		}
	}
	t.Fatalf("no session page for %s", day)
	return report.SessionPage{}
}

// TestEditsFlowToHandout: a coach's swap and dose change on one day show on
// that day only, with its own dose and a reason she can read; the replaced
// exercise is gone from that day; a regression after a sore session is
// explained with a human date.
func TestEditsFlowToHandout(t *testing.T) {
	needTool(t, "pdftotext")
	in := exampleInput(t, "weak-right-glute-med")
	p := in.Programme
	lib := in.Library
	// Monday's band row becomes a band pull-apart, phase-wide, at 3 × 15.
	wk := p.Weeks[0]
	slot := assessment.Slot{Week: wk.Week, Day: "mon", Index: -1}
	var oldName string
	for _, d := range wk.Days {
		if d.Day != "mon" {
			continue
		}
		for i, x := range d.Exercises {
			if x.ExerciseID == "band_row" {
				slot.Index, oldName = i, x.Name
			}
		}
	}
	if slot.Index < 0 {
		t.Skip("the example's Monday has no band row")
	}
	if err := assessment.SwapExercise(p, lib, in.Record, slot, "band_pull_apart", "", in.Record.Date, true); err != nil {
		t.Fatal(err)
	}
	if err := assessment.EditDose(p, lib, slot, 3, 15, 0, true); err != nil {
		t.Fatal(err)
	}
	h, err := report.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	mon := sessionFor(t, h, "Monday")
	var got *report.ExerciseBlock
	for i, b := range mon.Exercises {
		if b.Name == oldName {
			t.Errorf("Monday still lists %q, which the coach replaced", oldName)
		}
		if b.ExerciseID == "band_pull_apart" {
			got = &mon.Exercises[i]
		}
	}
	if got == nil {
		t.Fatalf("Monday lacks the band pull-apart: %+v", mon.Exercises)
	}
	if !strings.HasPrefix(got.Dose, "3 rounds of 15") || strings.Contains(got.Dose, " or ") {
		t.Errorf("Monday's dose = %q; want its own 3 rounds of 15, never two doses", got.Dose)
	}
	if !strings.Contains(got.Change, "I chose this one for you") {
		t.Errorf("Change = %q; want the swap explained to her", got.Change)
	}
	for _, d := range h.Parts[0].Fridge.Days {
		for _, it := range d.Items {
			if it.ExerciseID == "band_pull_apart" && d.Day != "Monday" && it.Dose == "3 rounds of 15" {
				t.Errorf("%s shows Monday's edited dose", d.Day)
			}
			if d.Day == "Monday" && it.ExerciseID == "band_row" {
				t.Error("the fridge's Monday still lists the band row")
			}
		}
	}
	checkHerWords(t, "edited handout", strings.Join(pages(t, in), "\n"))

	t.Run("OneWeekOnly", func(t *testing.T) {
		in := exampleInput(t, "weak-right-glute-med")
		p := in.Programme
		first := p.Weeks[0].Week
		s := assessment.Slot{Week: first + 1, Day: "tue", Index: 1}
		if err := assessment.EditDose(p, in.Library, s, 1, 5, 0, false); err != nil {
			t.Fatal(err)
		}
		h, err := report.Build(in)
		if err != nil {
			t.Fatal(err)
		}
		// Tuesday's page says what changes in week 2, on that exercise
		// only; the other days keep their doses.
		tue := sessionFor(t, h, "Tuesday")
		if got := tue.Exercises[1].Dose; !strings.Contains(got, "From week 2: 1 round of 5") || !strings.Contains(got, "From week 3:") {
			t.Errorf("Tuesday's edited line = %q; want week 2's own dose and the return from week 3", got)
		}
		for _, s := range h.Parts[0].Sessions {
			if strings.Contains(s.Days, "Tuesday") {
				continue
			}
			for _, b := range s.Exercises {
				if strings.Contains(b.Dose, "1 round of 5") {
					t.Errorf("%s shows Tuesday's week-2 dose: %q", s.Days, b.Dose)
				}
			}
		}
	})

	t.Run("Regression", func(t *testing.T) {
		in := exampleInput(t, "weak-right-glute-med")
		p := in.Programme
		p.ID = 7
		start := p.Weeks[0].Start
		if start.IsZero() {
			start = p.Options.Start
		}
		log := &assessment.SessionLog{ProgrammeID: 7, Date: start.AddDays(1), Status: assessment.SessionDone, Pain: 7}
		if !log.FillPlannedSession(p) {
			t.Fatal("fixture: no session planned on the plan's second day")
		}
		for k := range log.Exercises {
			log.Exercises[k].Outcome = assessment.OutcomeHurt // the whole session hurt
		}
		prop, err := assessment.Propose(in.Record, p, []*assessment.SessionLog{log}, in.Library)
		if err != nil {
			t.Fatal(err)
		}
		np, err := assessment.Apply(in.Record, p, prop, in.Library)
		if err != nil {
			t.Fatal(err)
		}
		in.Programme = np
		h, err := report.Build(in)
		if err != nil {
			t.Fatal(err)
		}
		want := "after your sore session on " + start.AddDays(1).Time().Format("2 January")
		found := false
		for _, part := range h.Parts {
			for _, s := range part.Sessions {
				for _, b := range s.Exercises {
					found = found || strings.Contains(b.Change, want)
				}
			}
		}
		if !found {
			t.Errorf("no exercise says %q", want)
		}
		checkHerWords(t, "regressed handout", strings.Join(pages(t, in), "\n"))
	})
}

// TestFullDoseFlowsToHandout: the coach's own tempo, rest, reps in reserve
// and note for a line reach that exercise's card on her handout.
func TestFullDoseFlowsToHandout(t *testing.T) {
	in := exampleInput(t, "weak-right-glute-med")
	p := in.Programme
	wk := p.Weeks[0]
	slot := assessment.Slot{Week: wk.Week, Day: "mon", Index: -1}
	var id string
	for _, d := range wk.Days {
		if d.Day != "mon" {
			continue
		}
		for i, x := range d.Exercises {
			if x.ExerciseID == "band_row" {
				slot.Index, id = i, x.ExerciseID
			}
		}
	}
	if slot.Index < 0 {
		t.Skip("the example's Monday has no band row")
	}
	rir := 2
	edit := assessment.DoseEdit{Sets: 3, Reps: 10, Tempo: "3-1-1", RestSeconds: 45, RepsInReserve: &rir, Note: "Keep the ribs down"}
	if err := assessment.EditFullDose(p, in.Library, slot, edit, true); err != nil {
		t.Fatal(err)
	}
	h, err := report.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range sessionFor(t, h, "Monday").Exercises {
		if b.ExerciseID != id {
			continue
		}
		for _, want := range []string{"3 rounds of 10", "about 5 seconds each time", "rest 45 seconds", "still do 2 more", "From your coach: Keep the ribs down."} {
			if !strings.Contains(b.Dose, want) {
				t.Errorf("dose %q lacks %q", b.Dose, want)
			}
		}
		return
	}
	t.Fatal("Monday's card for the band row is missing")
}
