package assessment_test

import (
	"os"
	"reflect"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// FuzzParseRecordJSON feeds arbitrary bytes to the importer. It must never
// panic, must return either a record or an error (never both, never
// neither), and whatever it accepts must survive a write and a read
// unchanged and interpret without panicking.
//
//	go test ./assessment -run '^$' -fuzz FuzzParseRecordJSON -fuzztime=20000x
func FuzzParseRecordJSON(f *testing.F) {
	for _, path := range exampleFiles(f) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(minimal))
	f.Add([]byte(`{"format": "keel.assessment/1", "date": "2026-10-01", "pain": {"now": 12}}`))
	f.Add([]byte(`{"format": "keel.assessment/1", "date": "2026-10-01", "diastasis": {"at": {"width_fingers": 2.5}}`))
	f.Add([]byte(`{"format": "keel.assessment/1", "date": null, "glutes": {"left": null, "right": {"med_grade": 3}}}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(``))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := assessment.ParseRecordJSON(data)
		if (r == nil) == (err == nil) {
			t.Fatalf("record %v and error %v: want exactly one", r, err)
		}
		if err != nil {
			if assessment.ErrorMessage(err) == "" {
				t.Fatalf("error without a message: %#v", err)
			}
			return
		}
		in := assessment.Interpret(r)
		if !in.Has(assessment.FindGeneral) {
			t.Fatalf("interpretation without the general foundations")
		}
		out, err := assessment.MarshalRecordJSON(r)
		if err != nil {
			t.Fatalf("accepted record does not write back: %v", err)
		}
		back, err := assessment.ParseRecordJSON(out)
		if err != nil {
			t.Fatalf("written record does not read back: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(r, back) {
			t.Fatalf("round trip changed the record:\n%s", out)
		}
	})
}
