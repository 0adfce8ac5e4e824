package report_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/report"
)

// historyInput is the fixture with four assessments: the baseline ten
// weeks back, two in between and this one.
func historyInput(t *testing.T) report.Input {
	in := fixtureInput(t, 12)
	early := fixtureBaseline()
	early.Date = fixtureDay.AddDays(-70)
	early.Pain.Now = ip(8)
	mid := fixtureRecord()
	mid.Date = fixtureDay.AddDays(-21)
	mid.Pain.Now = ip(5)
	later := fixtureRecord()
	later.Date = fixtureDay.AddDays(30) // after this handout: not charted
	in.Baseline = early
	in.History = []*assessment.Record{later, mid, in.Record, early, fixtureBaseline()}
	return in
}

func TestProgressCharts(t *testing.T) {
	h, err := report.Build(historyInput(t))
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, c := range h.Progress.Charts {
		keys = append(keys, c.Key)
		if c.Width <= 0 || c.Width > 90 || c.Height <= 0 || len(c.Marks) == 0 {
			t.Errorf("chart %s is %v×%v mm with %d marks; want half an A4 page wide", c.Key, c.Width, c.Height, len(c.Marks))
		}
	}
	want := []string{assessment.TrendPain, assessment.TrendDiastasisFingers, assessment.TrendGlutes, assessment.TrendHinge, assessment.TrendActivities}
	if strings.Join(keys, ",") != strings.Join(want, ",") {
		t.Fatalf("charts %q; want %q", keys, want)
	}
	pain := h.Progress.Charts[0]
	if pain.Title != "Your pain (0 = none, 10 = worst)" || pain.Series[0].Label != "On the day" {
		t.Errorf("pain chart worded %q / %q; want the client's words", pain.Title, pain.Series[0].Label)
	}
	var now []float64
	for _, p := range pain.Series[0].Points {
		now = append(now, p.Value)
	}
	if !reflect.DeepEqual(now, []float64{8, 7, 5, 4}) {
		t.Errorf("pain points %v; want 8 7 5 4 (oldest first, none after this handout)", now)
	}

	t.Run("OnePointIsNoTrend", func(t *testing.T) {
		in := fixtureInput(t, 12)
		in.Baseline.Hinge = nil // the hinge is then recorded once only
		h, err := report.Build(in)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range h.Progress.Charts {
			if c.Key == assessment.TrendHinge {
				t.Error("a hinge chart with a single point")
			}
		}
	})
	t.Run("Letter", func(t *testing.T) {
		in := historyInput(t)
		in.Settings.Paper = report.PaperLetter
		h, err := report.Build(in)
		if err != nil {
			t.Fatal(err)
		}
		if w := h.Progress.Charts[0].Width; w <= 85 {
			t.Errorf("letter chart %v mm wide; want wider than on A4", w)
		}
	})
}

func TestRenderProgressCharts(t *testing.T) {
	needTool(t, "pdftotext")
	path := writeTemp(t, render(t, historyInput(t), report.RenderOptions{Fixed: fixedTime}))
	flat := collapse(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	for _, want := range []string{"Over time", "Your pain (0 = none, 10 = worst)", "On the day", "Worst that week",
		"Tummy gap (finger widths)", "Side hip, right", "Lifting the toddler from the floor"} {
		if !strings.Contains(flat, want) {
			t.Errorf("%q missing from the PDF text", want)
		}
	}
	checkInsideMargins(t, path, 10)
}
