// Package pgtest gives tests an empty PostgreSQL database of their own on
// the test server that `make test` starts (.ci/with-postgres), named by
// the KEEL_TEST_POSTGRES environment variable. Without it the tests that
// need PostgreSQL skip, saying how to run them.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// Env names the administrative URL of the test server: a user who may
// create databases.
const Env = "KEEL_TEST_POSTGRES"

// Available reports whether a test server is configured.
func Available() bool { return os.Getenv(Env) != "" }

// NewDatabase creates an empty database on the test server, dropped when
// the test ends, and returns its URL. It skips the test when no server is
// configured.
func NewDatabase(tb testing.TB) string {
	tb.Helper()
	admin := os.Getenv(Env)
	if admin == "" {
		tb.Skipf("no PostgreSQL test server: set %s to a postgres:// URL of a user who may create databases (make test starts one)", Env)
	}
	u, err := url.Parse(admin)
	if err != nil {
		tb.Fatalf("%s: %v", Env, err)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "keel_test_" + hex.EncodeToString(b)
	db, err := sql.Open("pgx", admin)
	if err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if _, err := db.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		_ = db.Close()
		tb.Fatalf("create a test database: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		if _, err := db.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			tb.Errorf("drop the test database: %v", err)
		}
		_ = db.Close()
	})
	u.Path = "/" + name
	return u.String()
}
