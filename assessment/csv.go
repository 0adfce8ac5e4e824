package assessment

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"
)

// utf8BOM starts the CSV so that spreadsheet programs (Excel in
// particular) read it as UTF-8 and show "Zoë Ólafsdóttir-Łukasiewicz"
// rather than mojibake.
const utf8BOM = "\ufeff"

// csvUnits are the units as a column header gives them.
var csvUnits = map[string]string{
	unitNPRS: "0–10", unitFingers: "finger widths", unitMM: "mm", unitDeg: "degrees", unitGrade: "0–5",
	unitReps: "reps", unitScore3: "0–3", unitCount: "count", unitPercent: "%",
}

// MeasuresCSV writes a client's measures over time as CSV for a
// spreadsheet: one row per assessment, oldest first, and one column per
// measure recorded in any of them (the measures of Compare), with the unit
// in the header, e.g. "Pain now (0–10)". A diastasis gap gets one column per
// unit it was measured in. Empty cells mean "not recorded". Fields are
// quoted where needed (encoding/csv), lines end in CRLF and the file
// starts with a UTF-8 byte-order mark. Text that a spreadsheet would run as
// a formula (starting with =, +, − or @) is prefixed with an apostrophe.
func MeasuresCSV(w io.Writer, clientName string, records []*Record) error {
	recs := make([]*Record, 0, len(records))
	for _, r := range records {
		if r != nil {
			recs = append(recs, r)
		}
	}
	sortRecords(recs)

	type column struct {
		m    measure
		unit string
	}
	var cols []column
	vals := make([][]value, len(recs))
	ms := measuresFor(recs...)
	for i := range recs {
		vals[i] = make([]value, len(ms))
		for j, m := range ms {
			vals[i][j] = m.measured(recs[i]) // a carried-over section is left empty
		}
	}
	colOf := make([]map[string]int, len(ms)) // measure → unit → column
	for j, m := range ms {
		var units []string
		for i := range recs {
			if v := vals[i][j]; v.ok && !slices.Contains(units, v.unit) {
				units = append(units, v.unit)
			}
		}
		slices.Sort(units)
		colOf[j] = map[string]int{}
		for _, u := range units {
			colOf[j][u] = len(cols)
			cols = append(cols, column{m, u})
		}
	}

	header := []string{"Client", "Date", "Kind", "Weeks postpartum"}
	for _, c := range cols {
		u := c.m.unit
		if c.unit != "" {
			u = c.unit
		}
		h := c.m.name
		if cu := csvUnits[u]; cu != "" {
			h += " (" + cu + ")"
		}
		header = append(header, safeCell(h))
	}
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return Internal("write the CSV file", err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(header); err != nil {
		return Internal("write the CSV file", err)
	}
	name := safeCell(strings.TrimSpace(clientName))
	for i, r := range recs {
		row := make([]string, len(header))
		row[0], row[1], row[2] = name, r.Date.String(), r.Kind
		if wk, ok := r.WeeksPostpartum(); ok {
			row[3] = strconv.Itoa(wk)
		}
		for j := range ms {
			if v := vals[i][j]; v.ok {
				cell := v.csv
				if cell == "" {
					cell = fmtNum1(v.v)
				}
				row[4+colOf[j][v.unit]] = safeCell(cell)
			}
		}
		if err := cw.Write(row); err != nil {
			return Internal("write the CSV file", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return Internal("write the CSV file", err)
	}
	return nil
}

// safeCell keeps a spreadsheet from running text as a formula: text
// starting with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe. Numbers (a tilt of -4) are left alone.
func safeCell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}
