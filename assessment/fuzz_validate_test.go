package assessment_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// FuzzValidateRecord decodes arbitrary JSON into a Record the lenient way
// (plain encoding/json, so values the strict importer would refuse still
// arrive: out-of-range numbers, unknown choices, half-filled sections) and
// runs everything Keel does with a record: Validate, Interpret and
// Generate. None may panic; an error must carry a message; Validate must
// give the same answer twice; and a record Validate accepts must either
// give a programme or an error that is not internal.
//
//	go test ./assessment -run '^$' -fuzz '^FuzzValidateRecord$' -fuzztime=20000x
func FuzzValidateRecord(f *testing.F) {
	for _, path := range exampleFiles(f) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint8(8))
	}
	f.Add([]byte(`{"date": "2026-03-02", "pain": {"now": -4, "worst_week": 99, "sites": ["knee"]}}`), uint8(3))
	f.Add([]byte(`{"date": "0001-01-01", "context": {"weeks_postpartum": 100000, "sitting_hours": 1e308}}`), uint8(12))
	f.Add([]byte(`{"date": "2026-03-02", "red_flags": {"night_pain": "maybe"}, "glutes": {"left": {"med_grade": "6+"}}}`), uint8(0))
	f.Add([]byte(`{"date": "2026-03-02", "thomas": {"left": {"hip_angle_deg": -1e9}}, "diastasis": {"at": {"width_fingers": -1}}}`), uint8(255))
	f.Add([]byte(`{"client": {"name": "", "births": -1, "last_delivery_date": "2030-01-01"}}`), uint8(6))
	f.Add([]byte(`{}`), uint8(8))
	lib := pgLib(f)
	f.Fuzz(func(t *testing.T, data []byte, weeks uint8) {
		var r assessment.Record
		if err := json.Unmarshal(data, &r); err != nil {
			return // not a record at all: the strict parser's job (FuzzParseRecordJSON)
		}
		err := r.Validate()
		if err != nil && assessment.ErrorMessage(err) == "" {
			t.Fatalf("validation error without a message: %#v", err)
		}
		if again := r.Validate(); (again == nil) != (err == nil) || assessment.ErrorMessage(again) != assessment.ErrorMessage(err) {
			t.Fatalf("Validate is not stable: %v then %v", err, again)
		}
		in := assessment.Interpret(&r)
		_ = in.Has(assessment.FindGeneral)
		opts := assessment.ProgrammeOptions{Weeks: int(weeks % 16), Start: r.Date}
		p, gerr := assessment.Generate(&r, lib, opts)
		if gerr != nil {
			if assessment.ErrorMessage(gerr) == "" {
				t.Fatalf("Generate error without a message: %#v", gerr)
			}
			if err == nil && assessment.ErrorCode(gerr) == assessment.EINTERNAL {
				t.Fatalf("a valid record made Generate fail internally: %v", gerr)
			}
			return
		}
		if p == nil {
			t.Fatal("Generate returned neither a programme nor an error")
		}
	})
}
