package report

// The tracking sheet's two shapes: each week's sessions one after the
// other, or two weeks side by side with one row per day (shorter, so the
// sheet fits one page). tracking() in pdfsheets.go measures both and draws
// the shorter.

import "strings"

// trackingSingle is the sheet with one row per session, weeks one after
// the other: when, session, the pen boxes and notes.
func (r *renderer) trackingSingle() table {
	w := r.h.Words
	// Box columns just wider than their heading; the session name gets
	// the room so it stays on one line and rows stay even.
	box := 12.5
	widths := []float64{34, 0, box, 18, box, box, box, 16}
	fixed := 0.0
	for _, x := range widths {
		fixed += x
	}
	widths[1] = r.width - fixed
	var header []tcell
	for _, c := range w.TrackColumns {
		header = append(header, tinyHead(c))
	}
	t := table{title: w.TrackHeading, widths: widths, header: header, minRow: 7.2}
	for _, tw := range r.h.Tracking {
		for i, s := range tw.Sessions {
			day := firstNonEmpty(s.Date, s.Day)
			if i == 0 {
				// the week's first row names the week, on the same line
				day = joinDot(tw.Label, day)
			}
			when := []span{{text: day, size: sizeTiny, bold: i == 0}}
			t.rows = append(t.rows, []tcell{
				{spans: when}, {spans: []span{{text: s.Name, size: sizeTiny}}},
				{box: boxTick}, {box: boxPain}, {box: boxTick}, {box: boxTick}, {box: boxTick}, {},
			})
		}
	}
	return t
}

func tinyHead(s string) tcell { return tcell{spans: []span{{text: s, bold: true, size: sizeTiny}}} }

// minNotes is the narrowest notes column a word can be written in.
const minNotes = 15.0

// trackingPaired is the sheet with two weeks side by side: a row per day
// (and session), a label row naming each pair of weeks, and under each week
// the pen boxes and notes. When every day holds the same session in every
// week printed, rows name only the day and the returned key lines name
// each day's session once. ok is false when the boxes leave no room to
// write a note.
func (r *renderer) trackingPaired() (t table, key []string, ok bool) {
	w := r.h.Words
	if len(w.TrackColumns) != 8 || len(r.h.Tracking) < 2 {
		return table{}, nil, false
	}
	cols := w.TrackColumns[2:] // Done, Pain, Leak, Heavy, Dome, Notes
	// a row's key: the day, the session and which one of that day and
	// session in its week (a day with two sessions keeps two rows)
	type rowKey struct {
		day, name string
		n         int
	}
	keys := func(tw TrackWeek) []rowKey {
		seen := map[rowKey]int{}
		out := make([]rowKey, 0, len(tw.Sessions))
		for _, s := range tw.Sessions {
			k := rowKey{day: s.Day, name: s.Name}
			n := seen[k]
			seen[k] = n + 1
			k.n = n
			out = append(out, k)
		}
		return out
	}
	// Does each day hold one session in every week printed?
	nameOf := map[string]string{}
	var dayOrder []string
	sameDays := true
	for _, tw := range r.h.Tracking {
		perDay := map[string]int{}
		for _, s := range tw.Sessions {
			perDay[s.Day]++
			if s.Day == "" || perDay[s.Day] > 1 {
				sameDays = false
			}
			if n, seen := nameOf[s.Day]; !seen {
				nameOf[s.Day] = s.Name
				dayOrder = append(dayOrder, s.Day)
			} else if n != s.Name {
				sameDays = false
			}
		}
	}
	label := func(k rowKey) string {
		if sameDays {
			return k.day
		}
		return joinDot(k.day, k.name)
	}
	// Widths: each box column just wider than its heading and its box;
	// the first column as wide as its longest label; notes take the rest.
	r.measure(true, sizeTiny)
	headW := func(s string) float64 { return r.strWidth(s) + 2*cellPad }
	group := make([]float64, len(cols))
	for i, c := range cols[:5] {
		group[i] = max(headW(c), boxSize+3)
	}
	r.measure(false, sizeTiny)
	group[1] = max(group[1], 1.6*boxSize+0.8+r.strWidth("/10")+3)
	first := headW(firstNonEmpty(w.TrackDay, "Day"))
	if !sameDays {
		first = headW(w.TrackColumns[1])
	}
	r.measure(false, sizeTiny)
	for _, tw := range r.h.Tracking {
		for _, k := range keys(tw) {
			first = max(first, r.strWidth(label(k))+2*cellPad)
		}
	}
	fixed := 0.0
	for _, g := range group[:5] {
		fixed += g
	}
	notes := (r.width-first)/2 - fixed
	if notes < minNotes {
		// the labels wrap rather than leave no room to write
		first = r.width - 2*(fixed+minNotes)
		notes = minNotes
		if first < 14 {
			return table{}, nil, false
		}
	}
	group[5] = notes
	widths := append([]float64{first}, group...)
	widths = append(widths, group...)
	head := tinyHead(firstNonEmpty(w.TrackDay, "Day"))
	if !sameDays {
		head = tinyHead(w.TrackColumns[1])
	}
	header := []tcell{head}
	for range 2 {
		for _, c := range cols {
			header = append(header, tinyHead(c))
		}
	}
	t = table{title: w.TrackHeading, widths: widths, header: header, minRow: 7.2, divide: 7}
	boxes := func() []tcell {
		return []tcell{{box: boxTick}, {box: boxPain}, {box: boxTick}, {box: boxTick}, {box: boxTick}, {}}
	}
	weekName := func(tw TrackWeek) string { return joinDot(tw.Label, tw.Dates) }
	for i := 0; i < len(r.h.Tracking); i += 2 {
		a := r.h.Tracking[i]
		var b *TrackWeek
		if i+1 < len(r.h.Tracking) {
			b = &r.h.Tracking[i+1]
		}
		lab := []tcell{{}, {span: 6, spans: []span{{text: weekName(a), bold: true, size: sizeTiny}}}}
		if b != nil {
			lab = append(lab, tcell{span: 6, spans: []span{{text: weekName(*b), bold: true, size: sizeTiny}}})
		} else {
			lab = append(lab, tcell{span: 6})
		}
		t.rows = append(t.rows, lab)
		t.label = append(t.label, true)
		// the pair's rows: week a's in order, then any only week b has
		ka := keys(a)
		var kb []rowKey
		if b != nil {
			kb = keys(*b)
		}
		has := func(ks []rowKey, k rowKey) bool {
			for _, x := range ks {
				if x == k {
					return true
				}
			}
			return false
		}
		rows := append([]rowKey(nil), ka...)
		for _, k := range kb {
			if !has(rows, k) {
				rows = append(rows, k)
			}
		}
		for _, k := range rows {
			row := []tcell{{spans: []span{{text: label(k), size: sizeTiny}}}}
			for _, ks := range [][]rowKey{ka, kb} {
				if has(ks, k) {
					row = append(row, boxes()...)
				} else {
					row = append(row, tcell{span: 6, shaded: true})
				}
			}
			t.rows = append(t.rows, row)
			t.label = append(t.label, false)
		}
	}
	if sameDays {
		// one line naming each day's session, days that share one together
		var parts []string
		done := map[string]bool{}
		for _, d := range dayOrder {
			if done[d] {
				continue
			}
			var days []string
			for _, e := range dayOrder {
				if nameOf[e] == nameOf[d] {
					days = append(days, e)
					done[e] = true
				}
			}
			parts = append(parts, joinAnd(days)+": "+nameOf[d])
		}
		key = []string{w.TrackDaysIntro + " " + strings.Join(parts, " · ") + "."}
	}
	return t, key, true
}
