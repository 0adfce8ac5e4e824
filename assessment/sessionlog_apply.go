package assessment

import (
	"math"
	"slices"
	"time"
)

// Apply makes the new version of p that prop describes: a copy of p with
// every change made from its week to the end of the plan, session
// lengths re-estimated and Note saying why. The copy has no ID and the
// same Lineage and Status as p, so ProgrammeService.CreateProgramme stores
// it as the next version and keeps p, marked superseded.
//
// Each line is changed at most once, by the change for the exercise it
// held in p, so a line swapped for its easier variation is never regressed
// again by that variation's own change. Every swap is checked again
// against r, the assessment the programme was made from, and the plan's
// equipment, as Propose checks it.
//
// Errors: EINVALID when there is nothing to apply; ECONFLICT when prop was
// made for another programme version or a swap it names is no longer safe
// or possible for her; ENOTFOUND when a swap names an exercise no longer in
// the library.
func Apply(r *Record, p *Programme, prop *Proposal, lib *Library) (*Programme, error) {
	if p == nil || prop == nil {
		return nil, Errorf(EINVALID, "There is no proposal to apply.")
	}
	if prop.ProgrammeID != p.ID {
		return nil, Errorf(ECONFLICT, "This proposal was made for another version of the programme. Open the current version and check the sessions again.")
	}
	if len(prop.Changes) == 0 {
		return nil, Errorf(EINVALID, "This proposal does not change the plan, so there is nothing to apply.")
	}
	rules := newRegressionRules(r, p)
	changes := make(map[string]PlanChange, len(prop.Changes)) // by the exercise a line holds in p
	to := make(map[string]*Exercise, len(prop.Changes))
	for _, c := range prop.Changes {
		if _, dup := changes[c.ExerciseID]; dup {
			continue
		}
		changes[c.ExerciseID] = c
		if c.ToID == "" {
			continue
		}
		e, ok := lib.getOK(c.ToID)
		if !ok {
			return nil, Errorf(ENOTFOUND, "The exercise %s is no longer in the library. Check the sessions again.", c.ToName)
		}
		if why := rules.unfit(e); why != "" {
			return nil, Errorf(ECONFLICT, "%s cannot replace %s for her: %s. Check the sessions again.", e.Name, c.Name, why)
		}
		to[c.ExerciseID] = e
	}
	np := cloneProgramme(p)
	// Version names the version this one is built on, so the store can
	// refuse it if a newer one was saved meanwhile; it renumbers on save.
	np.ID, np.Version = 0, p.Version
	np.CreatedAt, np.UpdatedAt = time.Time{}, time.Time{}
	if np.Lineage == 0 {
		np.Lineage = p.ID
	}
	var touched []Slot
	for wi := range np.Weeks {
		wk := &np.Weeks[wi]
		for di := range wk.Days {
			d := &wk.Days[di]
			swapped := make([]bool, len(d.Exercises))
			hit := false
			for k := range d.Exercises {
				line := &d.Exercises[k]
				from, c, ok := changeFor(line.ExerciseID, changes, lib)
				if !ok || wk.Week < c.FromWeek {
					continue
				}
				hit = true
				e := to[from]
				if e == nil && from != line.ExerciseID {
					// A harder variation of what hurt, later in the plan:
					// it goes back to the exercise that hurt, at the lower
					// dose (a coach saw the hurt exercise come back harder
					// in the next phase).
					e, _ = lib.getOK(from)
				}
				if e == nil {
					reduceDose(line)
					line.Reason = c.Reason
					continue
				}
				dose := doseFor(e, wk.Phase)
				*line = Prescription{ExerciseID: e.ID, Name: e.Name, Sets: dose.Sets, Reps: dose.Reps,
					HoldSeconds: dose.HoldSeconds, Side: line.Side, PerSide: dose.PerSide, Reason: c.Reason,
					Findings: line.Findings}
				if to[from] == nil {
					reduceDose(line) // back to what hurt: at the lower dose
				}
				swapped[k] = true
			}
			if !hit {
				continue
			}
			d.Exercises = dropRepeats(d.Exercises, swapped)
			touched = append(touched, Slot{Week: wk.Week, Day: d.Day})
		}
	}
	np.recomputeMinutes(lib, touched...)
	np.Note = prop.Title + ": " + prop.Reason
	return np, nil
}

// changeFor is the change for a line holding exercise id: the change for id
// itself, else the change for the nearest easier variation of id (walking
// its regression links) that a change names, so a harder variation later
// in the plan is never given to her after its easier one hurt. from is the
// exercise the change names.
func changeFor(id string, changes map[string]PlanChange, lib *Library) (from string, c PlanChange, ok bool) {
	if c, ok := changes[id]; ok {
		return id, c, true
	}
	seen := map[string]bool{id: true}
	for e, found := lib.getOK(id); found && e.Regression != "" && !seen[e.Regression]; e, found = lib.getOK(e.Regression) {
		seen[e.Regression] = true
		if c, ok := changes[e.Regression]; ok {
			return e.Regression, c, true
		}
	}
	return "", PlanChange{}, false
}

// dropRepeats removes a swapped-in line whose exercise the session already
// holds (a line that was already that exercise, or an earlier swap to it),
// rather than list it twice. Lines that were not swapped are all kept.
func dropRepeats(lines []Prescription, swapped []bool) []Prescription {
	out := make([]Prescription, 0, len(lines))
	for k, l := range lines {
		repeat := false
		for j, o := range lines {
			if j != k && swapped[k] && o.ExerciseID == l.ExerciseID && (!swapped[j] || j < k) {
				repeat = true
				break
			}
		}
		if !repeat {
			out = append(out, l)
		}
	}
	return out
}

// reduceDose lowers a line's dose for a regression with no easier
// variation: one set fewer (never below one) and two thirds of the reps and
// hold (never below one).
func reduceDose(l *Prescription) {
	if l.Sets > 1 {
		l.Sets--
	}
	cut := func(n int) int {
		if n <= 0 {
			return n
		}
		return max(1, int(math.Round(float64(n)*RegressDoseFraction)))
	}
	l.Reps, l.HoldSeconds = cut(l.Reps), cut(l.HoldSeconds)
}

// cloneProgramme copies p deeply, so a change to the copy never reaches p.
func cloneProgramme(p *Programme) *Programme {
	np := *p
	np.Options.Equipment = slices.Clone(p.Options.Equipment)
	np.Referrals = slices.Clone(p.Referrals)
	np.Focus = slices.Clone(p.Focus)
	np.Phases = slices.Clone(p.Phases)
	np.Excluded = slices.Clone(p.Excluded)
	np.Overrides = slices.Clone(p.Overrides)
	np.Weeks = slices.Clone(p.Weeks)
	for wi := range np.Weeks {
		np.Weeks[wi].Days = slices.Clone(np.Weeks[wi].Days)
		for di := range np.Weeks[wi].Days {
			d := &np.Weeks[wi].Days[di]
			d.Exercises = slices.Clone(d.Exercises)
			for k := range d.Exercises {
				d.Exercises[k].Findings = slices.Clone(d.Exercises[k].Findings)
			}
		}
	}
	return &np
}
