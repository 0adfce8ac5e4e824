package postgres_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/postgres"
	"github.com/keel-coach/keel/assessment/postgres/pgtest"
)

// From an empty database, Open makes the whole schema and records it; a
// second Open (another coach's Keel) finds it up to date and changes
// nothing.
func TestMigrateFromEmpty(t *testing.T) {
	u := pgtest.NewDatabase(t)
	db, err := postgres.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	if !db.Created {
		t.Error("Created is false on an empty database")
	}
	if v, err := db.SchemaVersion(ctx); err != nil || v != postgres.SchemaVersion {
		t.Fatalf("schema version %d, %v; want %d", v, err, postgres.SchemaVersion)
	}
	db.Close()

	raw := rawDB(t, u)
	var tables []string
	rows, err := raw.Query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		_ = rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	want := "assessments client_list_version clients custom_exercises due_list_version exports keel_schema_migrations programme_templates programmes session_logs settings"
	if got := strings.Join(tables, " "); got != want {
		t.Errorf("tables %s; want %s", got, want)
	}

	again, err := postgres.Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if again.Created {
		t.Error("a second open says it created the schema")
	}
}

// Several Keels opening a new studio database at the same moment apply
// each migration once.
func TestMigrateConcurrently(t *testing.T) {
	u := pgtest.NewDatabase(t)
	errs := make(chan error, 4)
	created := make(chan bool, 4)
	for range 4 {
		go func() {
			db, err := postgres.Open(ctx, u)
			if err == nil {
				created <- db.Created
				db.Close()
			} else {
				created <- false
			}
			errs <- err
		}()
	}
	n := 0
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
		if <-created {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d opens created the schema; want 1", n)
	}
}

// A database set up by a newer Keel, and one holding another program's
// tables, are refused and left as they were.
func TestMigrateRefuses(t *testing.T) {
	t.Run("Newer", func(t *testing.T) {
		u := pgtest.NewDatabase(t)
		db, err := postgres.Open(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
		raw := rawDB(t, u)
		if _, err := raw.Exec(`INSERT INTO keel_schema_migrations (version, name) VALUES (99, '0099_future')`); err != nil {
			t.Fatal(err)
		}
		_, err = postgres.Open(ctx, u)
		if got := assessment.ErrorCode(err); got != assessment.EUNSUPPORTED || !strings.Contains(assessment.ErrorMessage(err), "newer version of Keel") {
			t.Fatalf("open of a newer database: %v", err)
		}
	})
	t.Run("Foreign", func(t *testing.T) {
		u := pgtest.NewDatabase(t)
		raw := rawDB(t, u)
		if _, err := raw.Exec(`CREATE TABLE invoices (id int)`); err != nil {
			t.Fatal(err)
		}
		_, err := postgres.Open(ctx, u)
		if got := assessment.ErrorCode(err); got != assessment.EUNSUPPORTED {
			t.Fatalf("open of another program's database: %v", err)
		}
		var n int
		if err := raw.QueryRow(`SELECT count(*) FROM pg_tables WHERE schemaname = 'public'`).Scan(&n); err != nil || n != 1 {
			t.Fatalf("tables after the refusal: %d, %v", n, err)
		}
	})
}

func rawDB(t *testing.T, u string) *sql.DB {
	t.Helper()
	raw, err := sql.Open("pgx", u)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw
}

// A server that does not answer is named (host and port, never the
// password) with what to do, within the connect timeout.
func TestOpenUnreachable(t *testing.T) {
	// Port 9 on loopback: nothing listens there.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := postgres.Open(ctx, "postgres://sam:s3cret-pw@127.0.0.1:9/studio?sslmode=disable")
	if err == nil {
		t.Fatal("opened a server that is not there")
	}
	msg := assessment.ErrorMessage(err)
	for _, want := range []string{"127.0.0.1:9", `"studio"`, "that the server is running"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if strings.Contains(err.Error(), "s3cret-pw") {
		t.Errorf("the password is in the error: %v", err)
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://sam:pw@db.studio:5432/keel":            "postgres://sam:xxxxx@db.studio:5432/keel",
		"postgres://sam@db.studio/keel":                    "postgres://sam@db.studio/keel",
		"postgresql://db/keel?password=pw&sslmode=require": "postgresql://db/keel?password=xxxxx&sslmode=require",
	} {
		if got := postgres.Redact(in); got != want {
			t.Errorf("Redact(%q) = %q; want %q", in, got, want)
		}
	}
	if !postgres.HasPassword("postgres://sam:pw@db/keel") || postgres.HasPassword("postgres://sam@db/keel") {
		t.Error("HasPassword")
	}
	if !postgres.IsURL(" postgres://db/keel") || !postgres.IsURL("POSTGRESQL://db") || postgres.IsURL("/home/sam/keel.db") {
		t.Error("IsURL")
	}
}

// The password comes from the file PGPASSFILE names, never from Keel: the
// test server's password is only there (.ci/with-postgres). Without it the
// login is refused with a message naming the server and the .pgpass file,
// and no password anywhere.
func TestLoginNeedsPassfile(t *testing.T) {
	u := pgtest.NewDatabase(t)
	if postgres.HasPassword(u) {
		t.Fatal("the test URL carries a password")
	}
	t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "none"))
	db, err := postgres.Open(ctx, u)
	if err == nil {
		db.Close()
		t.Skip("this test server lets the user in without a password")
	}
	msg := assessment.ErrorMessage(err)
	for _, want := range []string{"refused the login", ".pgpass", "127.0.0.1:"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
}
