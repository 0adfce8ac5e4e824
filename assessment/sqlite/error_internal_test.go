package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// TestMapError provokes each kind of constraint failure in a real database
// and checks the coach gets a domain error with no SQL in it.
func TestMapError(t *testing.T) {
	ctx := context.Background()
	db, err := Open(filepath.Join(t.TempDir(), "keel.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	exec := func(q string, args ...any) error {
		_, err := db.db.ExecContext(ctx, q, args...)
		return err
	}
	const ts = "2026-03-02T09:30:00Z"
	if err := exec(`INSERT INTO clients (id, name, sort_key, search_key, created_at, updated_at) VALUES (1, 'Ana', 'ana', 'ana', ?, ?)`, ts, ts); err != nil {
		t.Fatal(err)
	}
	if err := exec(`INSERT INTO custom_exercises (id, data, created_at, updated_at) VALUES ('clam', '{}', ?, ?)`, ts, ts); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name      string
		query     string
		args      []any
		code      string
		field     string
		wantCause bool
	}{
		{"UniqueIsConflict", `INSERT INTO custom_exercises (id, data, created_at, updated_at) VALUES ('clam', '{}', ?, ?)`,
			[]any{ts, ts}, assessment.ECONFLICT, "id", true},
		{"PrimaryKeyIsConflict", `INSERT INTO clients (id, name, sort_key, search_key, created_at, updated_at) VALUES (1, 'Bea', 'bea', 'bea', ?, ?)`,
			[]any{ts, ts}, assessment.ECONFLICT, "id", true},
		{"ForeignKeyIsNotFound", `INSERT INTO assessments (client_id, date, data, created_at, updated_at) VALUES (99, '2026-03-02', '{}', ?, ?)`,
			[]any{ts, ts}, assessment.ENOTFOUND, "", true},
		{"CheckIsInvalid", `UPDATE clients SET births = 99 WHERE id = 1`, nil, assessment.EINVALID, "births", true},
		{"CheckEnumIsInvalid", `UPDATE clients SET delivery_mode = 'stork' WHERE id = 1`, nil, assessment.EINVALID, "delivery_mode", true},
		{"NotNullIsInvalid", `UPDATE clients SET name = NULL WHERE id = 1`, nil, assessment.EINVALID, "name", true},
		{"BadJSONIsInvalid", `INSERT INTO assessments (client_id, date, data, created_at, updated_at) VALUES (1, '2026-03-02', '{', ?, ?)`,
			[]any{ts, ts}, assessment.EINVALID, "", true},
		{"SyntaxIsInternal", `SELEC 1`, nil, assessment.EINTERNAL, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := exec(tt.query, tt.args...)
			if raw == nil {
				t.Fatal("the statement did not fail")
			}
			err := mapError("save the client", raw)
			if got := assessment.ErrorCode(err); got != tt.code {
				t.Fatalf("code = %q, want %q (raw: %v)", got, tt.code, raw)
			}
			var de *assessment.Error
			if !errors.As(err, &de) {
				t.Fatalf("%T is not an *assessment.Error", err)
			}
			if de.Field != tt.field {
				t.Errorf("field = %q, want %q (raw: %v)", de.Field, tt.field, raw)
			}
			msg := assessment.ErrorMessage(err)
			for _, leak := range []string{"constraint", "SQL", "sqlite", "syntax", "clients", "FOREIGN"} {
				if strings.Contains(msg, leak) {
					t.Errorf("message %q shows %q", msg, leak)
				}
			}
			if !strings.Contains(msg, "save the client") {
				t.Errorf("message %q does not say what failed", msg)
			}
			if tt.wantCause && !errors.Is(err, raw) {
				t.Error("the cause is not kept for the log")
			}
		})
	}

	t.Run("DomainErrorsPassThrough", func(t *testing.T) {
		in := assessment.Errorf(assessment.ENOTFOUND, "gone")
		if got := mapError("x", in); got != in {
			t.Fatalf("got %v", got)
		}
		var v assessment.ValidationErrors
		v.Add("name", "Enter the name.")
		if got := assessment.ErrorCode(mapError("x", v.Err())); got != assessment.EINVALID {
			t.Fatalf("validation errors became %q", got)
		}
	})

	t.Run("NoRowsIsNotFound", func(t *testing.T) {
		wantCode := assessment.ENOTFOUND
		if got := assessment.ErrorCode(mapError("read the client", sql.ErrNoRows)); got != wantCode {
			t.Fatalf("code = %q", got)
		}
	})

	t.Run("Nil", func(t *testing.T) {
		if mapError("x", nil) != nil {
			t.Fatal("nil became an error")
		}
	})
}
