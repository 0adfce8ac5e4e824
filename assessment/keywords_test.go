package assessment_test

import (
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func TestInWords(t *testing.T) {
	for in, want := range map[string]string{
		"progressive_neuro: yes":                "worsening weakness, numbness or pain in both legs: yes",
		"pelvic_floor: leakage, urgency":        "pelvic-floor symptoms: urine leakage, urinary urgency",
		"pelvic_floor.scar_concern: yes":        "pelvic-floor symptoms (a concern about the caesarean scar): yes",
		"not tested: thomas.right, glutes.left": "not tested: Thomas test (right), glutes (left)",
		"cauda equina syndrome [62]. Today":     "cauda equina syndrome (source: Hey Neurosurgeon – Red flag conditions and cauda equina syndrome). Today",
		"NPRS now 7/10":                         "NPRS now 7/10",
		"something_unknown here":                "something unknown here",
	} {
		got := assessment.InWords(in)
		if got != want {
			t.Errorf("InWords(%q) = %q, want %q", in, got, want)
		}
		if assessment.HasStoredKey(got) {
			t.Errorf("InWords(%q) still shows a key: %q", in, got)
		}
	}
}

func TestHasStoredKeyLeavesWordsAlone(t *testing.T) {
	for _, s := range []string{"e.g. walks 30 min", "Thomas test (left)", "pain now", "keel.db", "NPRS 7/10"} {
		if assessment.HasStoredKey(s) {
			t.Errorf("HasStoredKey(%q) = true", s)
		}
	}
	for _, s := range []string{"progressive_neuro", "thomas.left", "clients[0].name", "see [62]"} {
		if !assessment.HasStoredKey(s) {
			t.Errorf("HasStoredKey(%q) = false", s)
		}
	}
}

func TestMessageInWords(t *testing.T) {
	var v assessment.ValidationErrors
	v.Add("clients[0].name", "Enter the client's name.")
	v.Add("assessments[2].pain.now", "Enter a number from 0 to 10.")
	got := assessment.MessageInWords(v)
	want := "Client 1, name: Enter the client's name.\nAssessment 3, pain, now: Enter a number from 0 to 10."
	if got != want {
		t.Fatalf("MessageInWords = %q, want %q", got, want)
	}
	if assessment.HasStoredKey(got) {
		t.Fatalf("a key is left in %q", got)
	}
}

func TestNotInFuture(t *testing.T) {
	today := assessment.NewDate(2026, 11, 20)
	var v assessment.ValidationErrors
	assessment.NotInFuture(&v, "date", today, today, "The assessment date")
	assessment.NotInFuture(&v, "date", assessment.Date{}, today, "The assessment date")
	if len(v) != 0 {
		t.Fatalf("today or no date refused: %v", v)
	}
	assessment.NotInFuture(&v, "date", today.AddDays(1), today, "The assessment date")
	if v.For("date") == "" {
		t.Fatal("tomorrow accepted")
	}
}
