package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// today is the UI tests' calendar day (fixedNow).
func today() assessment.Date { return assessment.DateOf(fixedNow) }

func iptr(v int) *int                { return &v }
func fptr(v float64) *float64        { return &v }
func weeksAgo(w int) assessment.Date { return today().AddDays(-7 * w) }

// progressClient stores a client 20 weeks postpartum with an intake 10
// weeks ago and a reassessment 4 weeks ago.
func progressClient(t *testing.T, tu *testUI) (*assessment.Client, []*assessment.Record) {
	t.Helper()
	c := tu.addClient(t, assessment.Client{Name: "Zoë Ólafsdóttir-Łukasiewicz", Births: 2,
		LastDelivery: weeksAgo(20), DeliveryMode: assessment.DeliveryVaginal})
	intake := &assessment.Record{ClientID: c.ID, Format: assessment.FormatAssessment, Date: weeksAgo(10), Kind: assessment.KindIntake,
		Context: &assessment.Context{WeeksPostpartum: iptr(10), Goals: "Carry the car seat",
			Activities: []assessment.Activity{{Name: "Carrying the car seat", Rating: 3}}},
		Pain:      &assessment.Pain{Now: iptr(7), WorstWeek: iptr(8)},
		Glutes:    &assessment.Glutes{Left: &assessment.GluteSide{MedGrade: "3"}, Right: &assessment.GluteSide{MedGrade: "4"}},
		Diastasis: &assessment.Diastasis{Above: &assessment.DiastasisSite{WidthFingers: fptr(3)}, Doming: assessment.DomingMild},
	}
	later := &assessment.Record{ClientID: c.ID, Format: assessment.FormatAssessment, Date: weeksAgo(4), Kind: assessment.KindReassessment,
		Context:   &assessment.Context{WeeksPostpartum: iptr(16), Activities: []assessment.Activity{{Name: "Carrying the car seat", Rating: 6}}},
		Pain:      &assessment.Pain{Now: iptr(4), WorstWeek: iptr(6)},
		Glutes:    &assessment.Glutes{Left: &assessment.GluteSide{MedGrade: "3+"}, Right: &assessment.GluteSide{MedGrade: "4"}},
		Hinge:     &assessment.Hinge{Score: iptr(2)},
		Diastasis: &assessment.Diastasis{Above: &assessment.DiastasisSite{WidthFingers: fptr(2)}, Doming: assessment.DomingNone},
	}
	for _, r := range []*assessment.Record{intake, later} {
		if err := tu.svc.Records.CreateRecord(ctx(), r); err != nil {
			t.Fatal(err)
		}
	}
	return c, []*assessment.Record{intake, later}
}

// buttonUnder returns the button with text under o, or nil.
func buttonUnder(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == text {
			return x
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := buttonUnder(t, c, text); b != nil {
				return b
			}
		}
	case fyne.Widget:
		for _, c := range test.TempWidgetRenderer(t, x).Objects() {
			if b := buttonUnder(t, c, text); b != nil {
				return b
			}
		}
	}
	return nil
}

func TestCompareScreen(t *testing.T) {
	tu := newTestUI(t)
	c, recs := progressClient(t, tu)
	s := tu.openCompare(c)
	if s.before.SelectedIndex() != 0 || s.after.SelectedIndex() != len(recs)-1 {
		t.Fatalf("default %d vs %d; want the first and the latest", s.before.SelectedIndex(), s.after.SelectedIndex())
	}
	tu.capture(t, "compare")
	rows := map[string]assessment.MeasureChange{}
	for _, r := range s.cmp.Rows {
		rows[r.Key] = r
	}
	tests := []struct {
		key        string
		dir        assessment.Direction
		meaningful bool
		text       string
	}{
		{"pain.now", assessment.DirectionBetter, true, "−3 · better · real change"},
		{"diastasis.above.width", assessment.DirectionBetter, true, "−1 finger width · better · real change"},
		{"glutes.left.med_grade", assessment.DirectionBetter, true, "+1 step · better · real change"},
		{"glutes.right.med_grade", assessment.DirectionSame, false, "no change"},
		{"activity:carrying the car seat", assessment.DirectionBetter, true, "+3 · better · real change"},
		{"hinge.score", assessment.DirectionNone, false, "Recorded only in the later assessment"},
	}
	for _, tt := range tests {
		r, ok := rows[tt.key]
		if !ok {
			t.Errorf("no row %s", tt.key)
			continue
		}
		if r.Direction != tt.dir || r.Meaningful != tt.meaningful || changeText(r) != tt.text {
			t.Errorf("%s: %q %v %q; want %q %v %q", tt.key, r.Direction, r.Meaningful, changeText(r), tt.dir, tt.meaningful, tt.text)
		}
	}
	// The table shows the worse direction too, with its own icon: pick the
	// reassessment as "earlier" and the intake as "later".
	s.before.SetSelectedIndex(1)
	s.after.SetSelectedIndex(0)
	if r := s.cmp.Rows[0]; r.Key != "pain.now" || r.Direction != assessment.DirectionWorse || !strings.Contains(changeText(r), "+3 · worse") {
		t.Errorf("reversed first row %+v", r)
	}
	if !strings.Contains(s.summary.Text, "for the worse") {
		t.Errorf("summary %q", s.summary.Text)
	}
	t.Run("OneAssessment", func(t *testing.T) {
		tu := newTestUI(t)
		c := tu.addClient(t, assessment.Client{Name: "Ana"})
		if err := tu.svc.Records.CreateRecord(ctx(), &assessment.Record{ClientID: c.ID, Date: today(), Pain: &assessment.Pain{Now: iptr(3)}}); err != nil {
			t.Fatal(err)
		}
		s := tu.openCompare(c)
		if len(s.table.Objects) != 0 || !strings.Contains(s.summary.Text, "two assessments") {
			t.Errorf("one assessment: %d rows, summary %q", len(s.table.Objects), s.summary.Text)
		}
	})
}

func TestTimelineScreen(t *testing.T) {
	tu := newTestUI(t)
	c, recs := progressClient(t, tu)
	lib := tu.svc.Library
	p, err := assessment.Generate(recs[1], lib, assessment.ProgrammeOptions{Weeks: 8, Start: weeksAgo(3)})
	if err != nil {
		t.Fatal(err)
	}
	p.RecordID, p.Status = recs[1].ID, assessment.StatusIssued
	if err := tu.svc.Programmes.CreateProgramme(ctx(), p); err != nil {
		t.Fatal(err)
	}
	s := tu.openTimeline(c)
	var kinds []string
	for _, it := range s.items {
		kinds = append(kinds, it.Kind)
	}
	if strings.Join(kinds, ",") != "programme,assessment,assessment" {
		t.Fatalf("timeline %q; want the programme (made today), then the two assessments, newest first", kinds)
	}
	if len(s.trends) == 0 || len(s.charts.Objects) != len(s.trends) {
		t.Errorf("%d trends, %d charts", len(s.trends), len(s.charts.Objects))
	}
	if text, _ := s.itemText(0); !strings.Contains(text, "ISSUED") {
		t.Errorf("programme entry %q; want its status", text)
	}
	// The CSV export lands on the timeline as a file she can open again.
	path := filepath.Join(t.TempDir(), "Zoë measures.csv")
	if err := s.exportCSV(path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) || !bytes.Contains(b, []byte("Zoë Ólafsdóttir-Łukasiewicz")) {
		t.Fatalf("CSV file %q (%v)", b, err)
	}
	if text, _ := s.itemText(0); s.items[0].Kind != assessment.TimelineExport || !strings.Contains(text, "Zoë measures.csv") {
		t.Errorf("first entry %q; want the export", text)
	}
	tu.capture(t, "timeline")
	// One click opens an entry: the oldest assessment.
	s.list.Select(len(s.items) - 1)
	if tu.current == nil || tu.current.record == nil || tu.current.record.ID != recs[0].ID {
		t.Error("tapping the intake did not open it")
	}
}

// noRedFlags is a red-flag screen answered no throughout: an unanswered
// screen blocks every programme.
func noRedFlags() *assessment.RedFlags {
	n := assessment.TriNo
	return &assessment.RedFlags{SaddleAnaesthesia: n, BladderBowelChange: n, ProgressiveNeuro: n, FeverUnwell: n, UnexplainedWeightLoss: n,
		CancerHistory: n, SignificantTrauma: n, NightPain: n, SteroidsOrOsteoporosis: n, AgeOnset: n}
}

// TestSessionLogScreen and the other session-log tests are in
// sessionlog_test.go.

func TestDuePanel(t *testing.T) {
	tu := newTestUI(t)
	c, _ := progressClient(t, tu) // last assessed 4 weeks ago: due today
	late := tu.addClient(t, assessment.Client{Name: "Amélie Durand"})
	if err := tu.svc.Records.CreateRecord(ctx(), &assessment.Record{ClientID: late.ID, Date: weeksAgo(7)}); err != nil {
		t.Fatal(err)
	}
	recent := tu.addClient(t, assessment.Client{Name: "Bea"})
	if err := tu.svc.Records.CreateRecord(ctx(), &assessment.Record{ClientID: recent.ID, Date: weeksAgo(1)}); err != nil {
		t.Fatal(err)
	}
	p := tu.home.due
	due, err := p.load(today())
	p.show(due, err)
	if err != nil || len(p.due) != 2 || p.due[0].ClientID != late.ID || p.due[1].ClientID != c.ID {
		t.Fatalf("due %+v (%v); want Amélie (overdue) then Zoë (today)", p.due, err)
	}
	if !strings.Contains(p.buttons[0].Text, "overdue since") || !strings.Contains(p.buttons[1].Text, "due today") {
		t.Errorf("entries %q, %q", p.buttons[0].Text, p.buttons[1].Text)
	}
	tu.home.refresh()
	tu.home.showRight()
	tu.capture(t, "home-due")
	test.Tap(p.buttons[1])
	if tu.home.selected != c.ID || !tu.home.detail.visible() {
		t.Error("tapping a due client did not open her")
	}
}

func TestChartWidget(t *testing.T) {
	test.NewTempApp(t)
	_, recs := func() (*assessment.Client, []*assessment.Record) {
		tu := newTestUI(t)
		return progressClient(t, tu)
	}()
	trends := assessment.Trends(recs)
	c := newChart(trends[0])
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(400, 260))
	r := test.TempWidgetRenderer(t, c)
	r.Layout(fyne.NewSize(380, 240))
	if c.laid == nil || len(r.Objects()) != len(c.laid.Marks) || len(r.Objects()) == 0 {
		t.Fatalf("%d objects for %v", len(r.Objects()), c.laid)
	}
	if c.laid.Width != 380 || c.laid.Title != trends[0].Title {
		t.Errorf("laid out %v wide titled %q", c.laid.Width, c.laid.Title)
	}
	if min := r.MinSize(); min.Width < 300 || min.Height < 200 {
		t.Errorf("min size %v; too small to read", min)
	}
}
