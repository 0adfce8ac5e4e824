package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/keel-coach/keel/assessment"
)

// A births field left blank on the client form is not recorded, never
// "no births": her file shows it blank and says so, and an assessment made
// from her file keeps it as not recorded, so the postpartum rules apply. A
// typed 0 is kept as 0 (she has not given birth): a value the coach typed
// is the value saved.
func TestClientBirthsBlankIsNotRecorded(t *testing.T) {
	t.Run("typed 0", func(t *testing.T) {
		tu := newTestUI(t)
		tu.home.onNew()
		d := tu.home.detail
		test.Type(d.name, "Ama Mensah")
		test.Type(d.births, "0")
		test.Tap(d.save)
		if d.births.Text != "0" || strings.Contains(d.subtitle.Text, "births not recorded") {
			t.Errorf("after saving 0: field %q, subtitle %q", d.births.Text, d.subtitle.Text)
		}
		tu.openAssessment(d.client, nil, nil)
		r, _ := tu.current.collect()
		if tu.current.births.Text != "0" || r.Client.BirthsUnknown || assessment.FactsOf(r).Postpartum != assessment.PostpartumNone {
			t.Errorf("assessment from a recorded 0: field %q, %+v", tu.current.births.Text, r.Client)
		}
	})
	for _, typed := range []string{""} {
		t.Run("typed "+typed, func(t *testing.T) {
			tu := newTestUI(t)
			tu.home.onNew()
			d := tu.home.detail
			if d.births.PlaceHolder == "0" {
				t.Fatal("the births field suggests 0 when blank")
			}
			test.Type(d.name, "Ama Mensah")
			if typed != "" {
				test.Type(d.births, typed)
			}
			test.Tap(d.save)
			if got := tu.countClients(t); got != 1 {
				t.Fatalf("clients stored = %d, want 1", got)
			}
			if d.births.Text != "" {
				t.Errorf("births shown as %q after saving; want blank (not recorded)", d.births.Text)
			}
			if !strings.Contains(d.subtitle.Text, "births not recorded") {
				t.Errorf("subtitle %q does not say her births are not recorded", d.subtitle.Text)
			}
			c := d.client
			tu.openAssessment(c, nil, nil)
			s := tu.current
			if s.births.Text != "" {
				t.Fatalf("the assessment shows births %q; want blank", s.births.Text)
			}
			r, _ := s.collect()
			if !r.Client.BirthsUnknown {
				t.Fatalf("the assessment reads births as recorded: %+v", r.Client)
			}
			if got := assessment.FactsOf(r).Postpartum; got == assessment.PostpartumNone {
				t.Fatal("blank births read as not postpartum")
			}
		})
	}
}
