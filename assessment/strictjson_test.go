package assessment_test

import (
	"testing"

	"github.com/keel-coach/keel/assessment"
)

func TestStrictJSON(t *testing.T) {
	tests := []struct {
		name, in, field string
	}{
		{"OK", `{"a":1,"b":{"a":2},"c":[{"a":1},{"a":2}]}`, ""},
		{"BOM", "\xef\xbb\xbf{\"a\":1}", ""},
		{"NotJSONLeftToParser", `{"a":`, ""},
		{"ErrTop", `{"a":1,"a":2}`, "a"},
		{"ErrNested", `{"client":{"name":"A","name":"B"}}`, "client.name"},
		{"ErrInList", `{"clients":[{"id":1},{"id":2,"name":"x","name":"y"}]}`, "clients[1].name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := assessment.StrictJSON([]byte(tt.in))
			if tt.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				if len(out) > 0 && out[0] == 0xEF {
					t.Fatal("the byte-order mark was kept")
				}
				return
			}
			fe := assessment.FieldErrors(err)
			if len(fe) != 1 || fe[0].Field != tt.field {
				t.Fatalf("err = %v; want the key %s named", err, tt.field)
			}
		})
	}
}

func TestParseExport_DuplicateKeyAndBOM(t *testing.T) {
	today := assessment.NewDate(2026, 3, 2)
	if _, err := assessment.ParseExport([]byte("\xef\xbb\xbf{\"format\":\"keel.export/1\",\"clients\":[]}"), today); err != nil {
		t.Fatalf("BOM: %v", err)
	}
	_, err := assessment.ParseExport([]byte(`{"format":"keel.export/1","clients":[{"id":1,"name":"Ana","name":"Eve"}]}`), today)
	if fe := assessment.FieldErrors(err); len(fe) != 1 || fe[0].Field != "clients[0].name" {
		t.Fatalf("err = %v; want clients[0].name named", err)
	}
}
