package assessment

import "strconv"

// Trend keys of the logged sessions.
const (
	TrendSessionPain      = "session_pain"
	TrendSessionAdherence = "session_adherence"
)

// SessionTrends returns the charts of her logged sessions, oldest first:
// the pain during each session she did (the highest she gave, for the
// session or any exercise of it; a missed session has none), and how much
// of each planned session she did (SessionAdherence: 0 for a missed one).
// A chart with no point is left out, so the result may be empty.
func SessionTrends(logs []*SessionLog) []Trend {
	sorted := make([]*SessionLog, 0, len(logs))
	for _, l := range logs {
		if l != nil {
			sorted = append(sorted, l)
		}
	}
	SortSessionLogs(sorted)
	pain := Series{Key: "session.pain", Label: "Pain during the session"}
	did := Series{Key: "session.adherence", Label: "Share of the session done"}
	for _, l := range sorted {
		if l.Status != SessionMissed {
			n := sessionPain(l)
			pain.Points = append(pain.Points, Point{Date: l.Date, Value: float64(n), Text: strconv.Itoa(n)})
		}
		if l.Session == SessionOther {
			continue // not a session of her plan
		}
		a := l.SessionAdherence()
		did.Points = append(did.Points, Point{Date: l.Date, Value: float64(a), Text: strconv.Itoa(a) + "%"})
	}
	var out []Trend
	if len(pain.Points) > 0 {
		out = append(out, Trend{Key: TrendSessionPain, Title: "Pain during her sessions (0–10)", Unit: unitNPRS, Min: 0, Max: MaxNPRS, Series: []Series{pain}})
	}
	if len(did.Points) > 0 {
		out = append(out, Trend{Key: TrendSessionAdherence, Title: "How much of each session she did (%)", Unit: "%", Min: 0, Max: 100, Series: []Series{did}})
	}
	return out
}
