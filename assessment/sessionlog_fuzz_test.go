package assessment_test

import (
	"encoding/json"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// FuzzSessionLog: whatever a file or a form holds, checking a session log
// and reading its light never panic; a log that passes has a light, an
// adherence from 0 to 100, and every pain it holds from 0 to 10.
func FuzzSessionLog(f *testing.F) {
	f.Add(`{"programme_id":1,"date":"2026-03-02","status":"done","pain":7,"session":"mon","exercises":[{"exercise_id":"glute_bridge","name":"Glute bridge","outcome":"hurt","pain":7}]}`)
	f.Add(`{"programme_id":1,"date":"2026-03-02","status":"missed","exercises":[{"exercise_id":"x","outcome":"done"}]}`)
	f.Add(`{"programme_id":1,"date":"2026-03-02","status":"partial","pain":3,"session":"other","exercises":[{"exercise_id":"x","outcome":"skipped","pain":-1,"doming":true}]}`)
	today := assessment.NewDate(2026, 12, 1)
	p := slProgramme()
	f.Fuzz(func(t *testing.T, data string) {
		var l assessment.SessionLog
		if json.Unmarshal([]byte(data), &l) != nil {
			return
		}
		err := l.Validate(today)
		light, adh := l.Light(), l.SessionAdherence()
		_ = l.HurtExercises()
		_, _ = assessment.SessionsAround(p, l.Date)
		if err != nil {
			return
		}
		if l.Status != assessment.SessionMissed && light == assessment.LightNone {
			t.Fatalf("a valid %s log has no light", l.Status)
		}
		if adh < 0 || adh > 100 {
			t.Fatalf("adherence %d", adh)
		}
		for _, x := range l.Exercises {
			if x.Pain != nil && (*x.Pain < 0 || *x.Pain > 10) {
				t.Fatalf("pain %d passed", *x.Pain)
			}
		}
	})
}
