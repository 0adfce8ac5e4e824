package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/report"
)

// chartsOn lists the charts of the timeline with the words under each.
func chartsOn(s *timelineScreen) (titles []string, scales []string) {
	for _, o := range s.charts.Objects {
		var ch *chartWidget
		switch x := o.(type) {
		case *chartWidget:
			ch = x
		case *fyne.Container:
			for _, c := range x.Objects {
				switch y := c.(type) {
				case *chartWidget:
					ch = y
				case *widget.Label:
					scales = append(scales, y.Text)
				}
			}
		}
		if ch != nil {
			titles = append(titles, ch.trend.Title)
		}
	}
	return titles, scales
}

// TestTimelineSessionCharts: the timeline charts the pain and how much of
// each logged session she did, and every chart has a title in words, the
// glute grades explained.
func TestTimelineSessionCharts(t *testing.T) {
	tu, c, p, _ := followedPlan(t)
	day, lines := plannedDay(t, p, 1)
	l := &assessment.SessionLog{ProgrammeID: p.ID, Date: day, Status: assessment.SessionPartial, Pain: 3, Session: assessment.DayName(day.Weekday()),
		Exercises: assessment.NewOutcomes(&assessment.PlannedSession{Exercises: lines}, assessment.SessionDone)}
	l.Exercises[len(l.Exercises)-1].Outcome = assessment.OutcomeSkipped
	if err := tu.svc.SessionLogs.CreateSessionLog(ctx(), l); err != nil {
		t.Fatal(err)
	}
	missed := &assessment.SessionLog{ProgrammeID: p.ID, Date: day.AddDays(7), Status: assessment.SessionMissed}
	if err := tu.svc.SessionLogs.CreateSessionLog(ctx(), missed); err != nil {
		t.Fatal(err)
	}
	s := tu.openTimeline(c)
	titles, scales := chartsOn(s)
	joined := strings.Join(titles, " | ")
	for _, want := range []string{"Pain during her sessions (0–10)", "How much of each session she did", "Glute strength, graded 0 to 5", "Her activities: how well she can do them (0–10)"} {
		if !strings.Contains(joined, want) {
			t.Errorf("charts %q lack %q", joined, want)
		}
	}
	if !strings.Contains(strings.Join(scales, " "), "3 moves against gravity") {
		t.Errorf("no words for the glute grades under the chart: %q", scales)
	}
	for _, tr := range s.sessions {
		if tr.Key == assessment.TrendSessionAdherence && len(tr.Series[0].Points) != 2 {
			t.Errorf("adherence points %+v; want the partial session and the missed one", tr.Series[0].Points)
		}
	}
	// The glute grades run 0 to 5: no tick at a grade that does not exist.
	for _, tr := range s.trends {
		if tr.Key == assessment.TrendGlutes {
			if y := report.LayoutChart(tr, 400, 260, chartStyle()).Y; y.Max != 5 || len(y.Ticks) != 6 {
				t.Errorf("glute scale %v; want 0 to 5 in whole grades", y.Ticks)
			}
		}
	}
	tu.capture(t, "timeline-sessions")
}

// Opening a handout from the timeline with no PDF viewer installed says so
// and shows where the file is (issue 16, point 7, on the timeline path).
func TestTimelineOpenWithoutViewer(t *testing.T) {
	oldOpen := openFile
	t.Cleanup(func() { openFile, handOffDone = oldOpen, nil })
	openFile = func(string) error { return errNoProgram }
	tu, c, _, _ := followedPlan(t)
	path := filepath.Join(t.TempDir(), "Zoë handout.pdf")
	if err := os.WriteFile(path, []byte("%PDF-1.4\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tu.recordExport(c.ID, path, assessment.ExportKindHandout)
	s := tu.openTimeline(c)
	at := -1
	for i, it := range s.items {
		if it.Kind == assessment.TimelineExport {
			at = i
		}
	}
	if at < 0 {
		t.Fatal("the handout is not on the timeline")
	}
	ended := make(chan struct{})
	handOffDone = func() { close(ended) }
	s.open(at)
	select {
	case <-ended:
	case <-time.After(10 * time.Second):
		t.Fatal("the hand-off did not end")
	}
	if txt := overlayText(t, tu.win); !strings.Contains(txt, "no program set up to open") || !strings.Contains(txt, filepath.Dir(path)) {
		t.Fatalf("the coach reads %q; want the reason and where the file is", txt)
	}
}
