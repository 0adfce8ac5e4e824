package assessment_test

import (
	"reflect"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func trendOf(ts []assessment.Trend, key string) (assessment.Trend, bool) {
	for _, t := range ts {
		if t.Key == key {
			return t, true
		}
	}
	return assessment.Trend{}, false
}

func values(s assessment.Series) []float64 {
	out := make([]float64, len(s.Points))
	for i, p := range s.Points {
		out[i] = p.Value
	}
	return out
}

func TestTrends(t *testing.T) {
	r1 := progRec(func(r *assessment.Record) {
		r.ID = 1
		r.Pain = &assessment.Pain{Now: ip(7), WorstWeek: ip(8)}
		r.Diastasis = &assessment.Diastasis{Above: &assessment.DiastasisSite{WidthFingers: fp(3)}, Below: &assessment.DiastasisSite{WidthMM: ip(25)}}
		r.Glutes = &assessment.Glutes{Left: &assessment.GluteSide{MedGrade: "3"}, Right: &assessment.GluteSide{MedGrade: "4+"}}
		r.Context = &assessment.Context{Activities: []assessment.Activity{{Name: "Carrying the car seat", Rating: 2}}}
	})
	r2 := progRec(func(r *assessment.Record) {
		r.ID, r.Date = 2, progDay(42)
		r.Pain = &assessment.Pain{Now: ip(4)}
		r.Diastasis = &assessment.Diastasis{Above: &assessment.DiastasisSite{WidthFingers: fp(2)}}
		r.Hinge = &assessment.Hinge{Score: ip(2)}
		r.Context = &assessment.Context{Activities: []assessment.Activity{{Name: "carrying the car seat", Rating: 5}, {Name: "Running", Rating: 1}}}
	})
	r3 := progRec(func(r *assessment.Record) {
		r.ID, r.Date = 3, progDay(84)
		r.Pain = &assessment.Pain{Now: ip(2), WorstWeek: ip(3)}
		r.Glutes = &assessment.Glutes{Left: &assessment.GluteSide{MedGrade: "4-"}}
	})
	// Given newest first: Trends reads them oldest first.
	ts := assessment.Trends([]*assessment.Record{r3, nil, r1, r2})

	var keys []string
	for _, tr := range ts {
		keys = append(keys, tr.Key)
	}
	want := []string{assessment.TrendPain, assessment.TrendDiastasisFingers, assessment.TrendDiastasisMM, assessment.TrendGlutes, assessment.TrendHinge, assessment.TrendActivities}
	if !reflect.DeepEqual(keys, want) {
		t.Fatalf("trends %q; want %q", keys, want)
	}

	pain, _ := trendOf(ts, assessment.TrendPain)
	if pain.Min != 0 || pain.Max != 10 || len(pain.Series) != 2 {
		t.Fatalf("pain trend %+v", pain)
	}
	if got := values(pain.Series[0]); !reflect.DeepEqual(got, []float64{7, 4, 2}) {
		t.Errorf("pain now %v; want 7 4 2 (oldest first)", got)
	}
	if got := values(pain.Series[1]); !reflect.DeepEqual(got, []float64{8, 3}) {
		t.Errorf("worst pain %v; want 8 3 (the middle assessment did not record it)", got)
	}
	if p := pain.Series[0].Points[1]; p.Date != progDay(42) || p.RecordID != 2 || p.Text != "4" {
		t.Errorf("second pain point %+v", p)
	}

	fingers, _ := trendOf(ts, assessment.TrendDiastasisFingers)
	if len(fingers.Series) != 1 || !reflect.DeepEqual(values(fingers.Series[0]), []float64{3, 2}) || fingers.Unit != "finger widths" {
		t.Errorf("finger-width trend %+v; want only the site above, 3 then 2", fingers)
	}
	mm, _ := trendOf(ts, assessment.TrendDiastasisMM)
	if len(mm.Series) != 1 || mm.Series[0].Key != "diastasis.below.width" || mm.Max > mm.Min {
		t.Errorf("mm trend %+v; want the site below only, fitted to the data", mm)
	}

	gl, _ := trendOf(ts, assessment.TrendGlutes)
	if len(gl.Series) != 2 || gl.Series[0].Label != "Med, left" || gl.Series[1].Label != "Med, right" {
		t.Fatalf("glute series %+v; want med left and right only", gl.Series)
	}
	if p := gl.Series[0].Points; len(p) != 2 || p[1].Text != "4-" || p[1].Value != 4-1.0/3 {
		t.Errorf("med left points %+v; want 3 then 4- (3.67)", p)
	}

	act, _ := trendOf(ts, assessment.TrendActivities)
	if len(act.Series) != 2 || !reflect.DeepEqual(values(act.Series[0]), []float64{2, 5}) || act.Series[0].Label != "carrying the car seat" {
		t.Errorf("activity series %+v; want the car seat matched across spellings (2 → 5), then running", act.Series)
	}

	t.Run("Empty", func(t *testing.T) {
		if ts := assessment.Trends(nil); len(ts) != 0 {
			t.Errorf("%d trends for no records", len(ts))
		}
		if ts := assessment.Trends([]*assessment.Record{progRec(nil)}); len(ts) != 0 {
			t.Errorf("%d trends for an empty record", len(ts))
		}
	})
}
