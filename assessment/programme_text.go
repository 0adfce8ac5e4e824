package assessment

import (
	"encoding/json"
	"strconv"
	"strings"
)

// The JSON forms of `keel programme --json` and `keel library --json`
// (docs/PROGRAMME.md). They are contracts: keys may be added, never renamed.
// Storage-only fields (ids, lineage, version, status, times) are left out,
// and lists are always written as [] rather than null.

type programmeJSON struct {
	Format    string          `json:"format"`
	Blocked   bool            `json:"blocked"`
	Options   optionsJSON     `json:"options"`
	Referrals []referralJSON  `json:"referrals"`
	Focus     []Focus         `json:"focus"`
	Limits    []string        `json:"limits,omitempty"`
	StopRule  string          `json:"stop_rule,omitempty"`
	Phases    []Phase         `json:"phases"`
	Weeks     []weekJSON      `json:"weeks"`
	Excluded  []exclusionJSON `json:"excluded"`
	Overrides []Override      `json:"overrides,omitempty"`
	Note      string          `json:"note,omitempty"`
}

type optionsJSON struct {
	Weeks     int      `json:"weeks"`
	Start     Date     `json:"start"`
	Equipment []string `json:"equipment"` // [] means all equipment
}

type referralJSON struct {
	Code   string `json:"code"`
	Reason string `json:"reason"`
	To     string `json:"to,omitempty"`
}

type weekJSON struct {
	Week  int       `json:"week"`
	Phase string    `json:"phase"`
	Start Date      `json:"start"`
	Days  []dayJSON `json:"days"`
}

type dayJSON struct {
	Day       string             `json:"day"`
	Session   string             `json:"session"`
	Rest      bool               `json:"rest,omitempty"`
	Minutes   int                `json:"minutes"`
	Exercises []prescriptionJSON `json:"exercises"`
}

type prescriptionJSON struct {
	ExerciseID  string   `json:"exercise_id"`
	Name        string   `json:"name"`
	Sets        int      `json:"sets"`
	Reps        int      `json:"reps"`
	HoldSeconds int      `json:"hold_seconds"`
	Side        string   `json:"side"`
	PerSide     bool     `json:"per_side"`
	HowHard     string   `json:"how_hard,omitempty"`
	Reason      string   `json:"reason"`
	Findings    []string `json:"findings"`
	Overridden  bool     `json:"overridden,omitempty"`
}

type exclusionJSON struct {
	ExerciseID string   `json:"exercise_id"`
	Name       string   `json:"name,omitempty"`
	Reason     string   `json:"reason"`
	Gates      []string `json:"gates,omitempty"`
}

// nonNil returns s, or an empty slice when s is nil, so JSON shows [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// MarshalProgrammeJSON writes p in the `keel programme --json` form,
// indented, ending in a newline. The same programme always gives the same
// bytes.
func MarshalProgrammeJSON(p *Programme) ([]byte, error) {
	if p == nil {
		return nil, Errorf(EINVALID, "There is no programme to write.")
	}
	out := programmeJSON{
		Format:    p.Format,
		Blocked:   p.Blocked,
		Options:   optionsJSON{Weeks: p.Options.Weeks, Start: p.Options.Start, Equipment: nonNil(p.Options.Equipment)},
		Focus:     nonNil(p.Focus),
		Limits:    p.Limits,
		StopRule:  p.StopRule,
		Phases:    nonNil(p.Phases),
		Referrals: []referralJSON{},
		Weeks:     []weekJSON{},
		Excluded:  []exclusionJSON{},
		Overrides: p.Overrides,
		Note:      p.Note,
	}
	if out.Format == "" {
		out.Format = FormatProgramme
	}
	for _, r := range p.Referrals {
		out.Referrals = append(out.Referrals, referralJSON(r))
	}
	for _, w := range p.Weeks {
		wj := weekJSON{Week: w.Week, Phase: w.Phase, Start: w.Start, Days: []dayJSON{}}
		for _, d := range w.Days {
			dj := dayJSON{Day: d.Day, Session: d.Session, Rest: d.Rest, Minutes: d.Minutes, Exercises: []prescriptionJSON{}}
			for _, x := range d.Exercises {
				dj.Exercises = append(dj.Exercises, prescriptionJSON{ExerciseID: x.ExerciseID, Name: x.Name, Sets: x.Sets,
					Reps: x.Reps, HoldSeconds: x.HoldSeconds, Side: x.Side, PerSide: x.PerSide, HowHard: x.HowHard, Reason: x.Reason,
					Findings: nonNil(x.Findings), Overridden: x.Overridden})
			}
			wj.Days = append(wj.Days, dj)
		}
		out.Weeks = append(out.Weeks, wj)
	}
	for _, e := range p.Excluded {
		out.Excluded = append(out.Excluded, exclusionJSON(e))
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, Internal("write the programme", err)
	}
	return append(b, '\n'), nil
}

// libraryEntryJSON is one exercise in `keel library --json`.
type libraryEntryJSON struct {
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	Family      string          `json:"family"`
	Demands     []string        `json:"demands"`
	Targets     []string        `json:"targets"`
	Equipment   []string        `json:"equipment"`
	Position    string          `json:"position"`
	Cues        []string        `json:"cues"`
	Dosage      map[string]Dose `json:"dosage"`
	Regression  *string         `json:"regression"`
	Progression *string         `json:"progression"`
	Custom      bool            `json:"custom,omitempty"`
}

// LibraryJSON writes the library in the `keel library --json` form: a list
// of exercises in library order, with regression and progression null when
// there is none, indented and ending in a newline.
func LibraryJSON(l *Library) ([]byte, error) {
	out := []libraryEntryJSON{}
	if l != nil {
		for _, e := range l.Exercises {
			if e == nil {
				continue
			}
			x := libraryEntryJSON{ID: e.ID, Name: e.Name, Family: e.Family, Demands: nonNil(e.Demands), Targets: nonNil(e.Targets),
				Equipment: nonNil(e.Equipment), Position: e.Position, Cues: nonNil(e.Cues), Dosage: e.Dosage, Custom: e.Custom}
			if x.Dosage == nil {
				x.Dosage = map[string]Dose{}
			}
			if e.Regression != "" {
				x.Regression = &e.Regression
			}
			if e.Progression != "" {
				x.Progression = &e.Progression
			}
			out = append(out, x)
		}
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, Internal("write the exercise library", err)
	}
	return append(b, '\n'), nil
}

// DoseText writes a prescription's dose: "3 × 12", "2 × 30 s", "3 × 6,
// 10 s holds" (reps of holds: "3 × 6 × 10 s" was misread), with "each
// side" for a both-sides line done one side at a time and the side for a
// one-side line.
func DoseText(p Prescription) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(p.Sets))
	if p.Reps > 0 {
		b.WriteString(" × " + strconv.Itoa(p.Reps))
	} else if p.HoldSeconds > 0 {
		b.WriteString(" × " + durationText(p.HoldSeconds))
	}
	switch {
	case p.Side == SideLeft || p.Side == SideRight:
		b.WriteString(" (" + p.Side + " only)")
	case p.PerSide:
		b.WriteString(" each side")
	}
	if p.Reps > 0 && p.HoldSeconds > 0 {
		b.WriteString(", " + durationText(p.HoldSeconds) + " holds")
	}
	return b.String()
}

// durationText writes seconds as "30 s" or, from two minutes, "20 min".
func durationText(s int) string {
	if s >= 120 && s%60 == 0 {
		return strconv.Itoa(s/60) + " min"
	}
	return strconv.Itoa(s) + " s"
}

// Text renders the programme as plain text for `keel programme`: the
// referrals, the focus, then each phase's week (every week of a phase has
// the same sessions), then what was left out and why.
func (p *Programme) Text() string {
	var b strings.Builder
	line := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
		b.WriteByte('\n')
	}
	title := "Keel programme"
	if !p.Blocked && !p.Options.Start.IsZero() && p.Options.Weeks > 0 {
		title += ": " + plural(p.Options.Weeks, "week") + " from " + p.Options.Start.Weekday().String() + " " + p.Options.Start.String()
	}
	line(title)
	if p.Blocked {
		line()
		line("BLOCKED: no programme yet.")
		for _, l := range p.Limits {
			line("  - ", l)
		}
	}
	if len(p.Referrals) > 0 {
		line()
		line("Referrals")
		for _, r := range p.Referrals {
			to := ""
			if r.To != "" {
				to = "To " + r.To + ": "
			}
			line("  - ", to, r.Reason)
		}
	}
	if len(p.Limits) > 0 && !p.Blocked {
		line()
		line("Why the plan is limited")
		for _, l := range p.Limits {
			line("  - ", l)
		}
	}
	if len(p.Focus) > 0 {
		line()
		line("Focus")
		for _, f := range p.Focus {
			line("  - ", f.Title, ": ", f.Reason)
		}
	}
	if p.StopRule != "" {
		line()
		line("Stop rule: ", p.StopRule)
	}
	for _, ph := range p.Phases {
		var wk, last *Week
		for i := range p.Weeks {
			if p.Weeks[i].Week == ph.FirstWeek {
				wk = &p.Weeks[i]
			}
			if p.Weeks[i].Week == ph.LastWeek {
				last = &p.Weeks[i]
			}
		}
		line()
		weeks := "Week " + strconv.Itoa(ph.FirstWeek)
		if ph.LastWeek > ph.FirstWeek {
			weeks = "Weeks " + strconv.Itoa(ph.FirstWeek) + "–" + strconv.Itoa(ph.LastWeek)
		}
		line(weeks, ": ", ph.Title, " (", ph.Name, ")")
		if ph.Aim != "" {
			line("  ", ph.Aim)
		}
		if len(ph.Criteria) > 0 {
			line("  To start this phase:")
			for _, c := range ph.Criteria {
				line("    - ", c.Text)
			}
		}
		if wk == nil {
			continue
		}
		for di, d := range wk.Days {
			head := "  " + upperFirst(d.Day) + "  " + d.Session
			if d.Minutes > 0 {
				head += " (about " + strconv.Itoa(d.Minutes) + " min)"
			}
			line(head)
			for xi, x := range d.Exercises {
				dose := DoseText(x)
				if last != nil && last != wk && di < len(last.Days) && xi < len(last.Days[di].Exercises) {
					if to := DoseText(last.Days[di].Exercises[xi]); to != dose {
						dose += ", rising to " + to + " by week " + strconv.Itoa(last.Week)
					}
				}
				hard := ""
				if x.HowHard != "" {
					hard = " " + x.HowHard
					if last != nil && last != wk && di < len(last.Days) && xi < len(last.Days[di].Exercises) {
						if to := last.Days[di].Exercises[xi].HowHard; to != x.HowHard {
							hard += " By week " + strconv.Itoa(last.Week) + ": " + lowerFirst(to)
						}
					}
				}
				line("        ", x.Name, ": ", dose, ".", hard, " ", x.Reason)
			}
		}
	}
	if len(p.Excluded) > 0 {
		line()
		line("Left out")
		// One line per reason, naming every exercise it leaves out: a
		// physiotherapist lost the important reasons among 60–80 lines.
		var reasons []string
		names := map[string][]string{}
		for _, e := range p.Excluded {
			name := e.Name
			if name == "" {
				name = e.ExerciseID
			}
			if _, ok := names[e.Reason]; !ok {
				reasons = append(reasons, e.Reason)
			}
			names[e.Reason] = append(names[e.Reason], name)
		}
		for _, r := range reasons {
			line("  - ", joinAnd(names[r]), ": ", r)
		}
	}
	return b.String()
}
