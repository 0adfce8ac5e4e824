package assessment

import (
	"math"
)

// given day: planned sessions so far, and how many were logged done,
// partly done or missed.
type WeekAdherence struct {
	Week  int    `json:"week"`
	Phase string `json:"phase"`
	Start Date   `json:"start"`
	// Planned is the sessions the week holds; PlannedSoFar those dated on
	// or before the day asked about.
	Planned      int `json:"planned"`
	PlannedSoFar int `json:"planned_so_far"`
	Done         int `json:"done"`
	Partial      int `json:"partial"`
	Missed       int `json:"missed"`
	// Percent is done sessions (a partial one counts half) out of those
	// planned so far, 0–100; −1 when none were planned yet.
	Percent int `json:"percent"`
}

// weekStart is the first day of week wk of p: its own start, else counted
// from the plan's start. ok is false when the plan has no dates.
func weekStart(p *Programme, wk Week) (Date, bool) {
	switch {
	case !wk.Start.IsZero():
		return wk.Start, true
	case !p.Options.Start.IsZero():
		return p.Options.Start.AddDays(7 * (wk.Week - 1)), true
	}
	return Date{}, false
}

// Adherence counts, for each week of p that has begun by today, the
// sessions planned and the sessions logged (any version's logs may be
// passed: weeks are matched by date). Logs outside the plan's dates, and
// logs of another activity (SessionOther), are not counted; nor is a rest
// day's optional habit or walk planned. A week's percent is capped at 100 (an extra session does
// not make up for a missed one in another week).
func Adherence(p *Programme, logs []*SessionLog, today Date) []WeekAdherence {
	if p == nil {
		return nil
	}
	var out []WeekAdherence
	for _, wk := range p.Weeks {
		start, ok := weekStart(p, wk)
		if !ok || (!today.IsZero() && start.After(today)) {
			continue
		}
		a := WeekAdherence{Week: wk.Week, Phase: wk.Phase, Start: start}
		for _, d := range wk.Days {
			if !isSession(d) {
				continue
			}
			a.Planned++
			if day, ok := dayDate(start, d.Day); ok && (today.IsZero() || !day.After(today)) {
				a.PlannedSoFar++
			}
		}
		end := start.AddDays(7)
		for _, l := range logs {
			if l == nil || l.Date.Before(start) || !l.Date.Before(end) || l.Session == SessionOther {
				continue // another activity is not a session of her plan
			}
			switch l.Status {
			case SessionDone:
				a.Done++
			case SessionPartial:
				a.Partial++
			case SessionMissed:
				a.Missed++
			}
		}
		a.Percent = -1
		if a.PlannedSoFar > 0 {
			credit := float64(a.Done) + PartialSessionCredit*float64(a.Partial)
			a.Percent = min(100, int(math.Round(100*credit/float64(a.PlannedSoFar))))
		}
		out = append(out, a)
	}
	return out
}

// OverallAdherence is the share of sessions planned so far that were done
// (partial ones count half) across the weeks given, 0–100, and false when
// none were planned yet.
func OverallAdherence(weeks []WeekAdherence) (int, bool) {
	planned, credit := 0, 0.0
	for _, w := range weeks {
		planned += w.PlannedSoFar
		credit += min(float64(w.PlannedSoFar), float64(w.Done)+PartialSessionCredit*float64(w.Partial))
	}
	if planned == 0 {
		return 0, false
	}
	return int(math.Round(100 * credit / float64(planned))), true
}

// dayDate is the date of day name ("mon") in the week starting on start
// (which may be any weekday).
func dayDate(start Date, day string) (Date, bool) {
	for k := range 7 {
		d := start.AddDays(k)
		if DayName(d.Weekday()) == day {
			return d, true
		}
	}
	return Date{}, false
}
