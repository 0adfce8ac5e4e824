package assessment_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func TestMeasuresCSV(t *testing.T) {
	const name = "Zoë Ólafsdóttir-Łukasiewicz"
	activity := `Lifting "the" baby, carefully`
	r1 := progRec(func(r *assessment.Record) {
		r.ID = 1
		r.Client = &assessment.ClientSnapshot{Name: name, LastDelivery: progDay(-70)}
		r.Pain = &assessment.Pain{Now: ip(7)}
		r.Context = &assessment.Context{Activities: []assessment.Activity{{Name: activity, Rating: 2}, {Name: "=SUM(A1)", Rating: 4}}}
		r.Diastasis = &assessment.Diastasis{Above: &assessment.DiastasisSite{WidthFingers: fp(2.5)}}
		r.PelvicTilt = &assessment.PelvicTilt{LeftDeg: fp(-4)}
		r.Glutes = &assessment.Glutes{Left: &assessment.GluteSide{MedGrade: "3+"}}
	})
	r2 := progRec(func(r *assessment.Record) {
		r.ID, r.Date, r.Kind = 2, progDay(42), assessment.KindReassessment
		r.Client = r1.Client
		r.Pain = &assessment.Pain{Now: ip(4)}
		r.Diastasis = &assessment.Diastasis{Above: &assessment.DiastasisSite{WidthMM: ip(18)}, Doming: assessment.DomingMild}
	})
	var buf bytes.Buffer
	if err := assessment.MeasuresCSV(&buf, name, []*assessment.Record{r2, r1}); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	if !bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
		t.Fatalf("file starts %q; want the UTF-8 byte-order mark", raw[:min(8, len(raw))])
	}
	if !bytes.Contains(raw, []byte("\r\n")) {
		t.Error("lines do not end in CRLF")
	}
	if !bytes.Contains(raw, []byte(name)) {
		t.Error("the client's name is not in the file as UTF-8")
	}
	rows, err := csv.NewReader(bytes.NewReader(raw[3:])).ReadAll()
	if err != nil {
		t.Fatalf("the file does not parse as CSV: %v", err)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows; want a header and one per assessment", len(rows))
	}
	head := rows[0]
	col := func(h string) int {
		t.Helper()
		for i, x := range head {
			if x == h {
				return i
			}
		}
		t.Fatalf("no column %q in %q", h, head)
		return -1
	}
	cell := func(row int, h string) string { return rows[row][col(h)] }

	if got := cell(1, "Client"); got != name {
		t.Errorf("client cell %q; want %q", got, name)
	}
	if cell(1, "Date") != progDay(0).String() || cell(2, "Date") != progDay(42).String() {
		t.Error("rows are not oldest first")
	}
	if cell(1, "Weeks postpartum") != "10" || cell(2, "Kind") != "reassessment" {
		t.Errorf("weeks %q kind %q", cell(1, "Weeks postpartum"), cell(2, "Kind"))
	}
	if cell(1, "Pain now (0–10)") != "7" || cell(2, "Pain now (0–10)") != "4" {
		t.Error("pain column wrong")
	}
	// A column per unit the gap was measured in, each empty on the other row.
	if cell(1, "Gap above the navel (finger widths)") != "2.5" || cell(2, "Gap above the navel (finger widths)") != "" ||
		cell(2, "Gap above the navel (mm)") != "18" || cell(1, "Gap above the navel (mm)") != "" {
		t.Error("gap columns wrong")
	}
	if cell(1, "Glute med grade, left (0–5)") != "3+" || cell(2, "Glute med grade, left (0–5)") != "" {
		t.Error("grade column wrong")
	}
	if cell(1, "Tilt angle, left (degrees)") != "-4" {
		t.Errorf("tilt %q; want a plain negative number", cell(1, "Tilt angle, left (degrees)"))
	}
	if cell(2, "Doming on curl-up") != "mild" {
		t.Errorf("doming %q", cell(2, "Doming on curl-up"))
	}
	// Quoting: the activity name with a comma and quotes survives as one
	// header cell; a formula-like name is defused.
	if cell(1, activity+" (0–10)") != "2" {
		t.Error("activity with comma and quotes")
	}
	if !strings.Contains(string(raw), `"Lifting ""the"" baby, carefully (0–10)"`) {
		t.Error("the activity header is not quoted as CSV requires")
	}
	if cell(1, "'=SUM(A1) (0–10)") != "4" {
		t.Error("formula-like header not prefixed with an apostrophe")
	}

	t.Run("Empty", func(t *testing.T) {
		var buf bytes.Buffer
		if err := assessment.MeasuresCSV(&buf, name, nil); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(buf.Bytes()[3:])).ReadAll()
		if err != nil || len(rows) != 1 || len(rows[0]) != 4 {
			t.Errorf("empty history: %q (%v); want only the fixed header", rows, err)
		}
	})
	t.Run("ErrWrite", func(t *testing.T) {
		err := assessment.MeasuresCSV(failWriter{}, name, []*assessment.Record{r1})
		if assessment.ErrorCode(err) != assessment.EINTERNAL {
			t.Errorf("error %v; want EINTERNAL", err)
		}
	})
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, bytes.ErrTooLarge }
