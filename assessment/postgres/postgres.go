// Package postgres stores Keel's clients, assessments, programmes and the
// coaches' own exercises on a PostgreSQL server that a studio runs itself,
// so several coaches share one client base. It keeps the same contract as
// package sqlite (assessment/storetest runs on both): its types mirror the
// storage interfaces of package assessment, every save is one transaction,
// and every error it returns is an *assessment.Error with a sentence a
// coach can read.
//
// The connection follows PostgreSQL's own conventions: a postgres:// URL
// without a password, the password (when the server asks for one) in the
// coach's .pgpass file or the file PGPASSFILE names, and TLS whenever the
// server offers it (sslmode=prefer). Keel never keeps a password, and
// never shows one: messages name the server as host:port and database.
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/internal/kept"
)

// connectTimeout bounds the wait for a server that does not answer, so an
// unreachable studio server is reported in seconds, not minutes. (H)
const connectTimeout = 8 * time.Second

// maxConns caps one Keel's connections: a screen reads a little at a
// time, and a studio of ten coaches must stay far below the server's
// default limit of 100. (H)
const maxConns = 4

// DB is an open studio database.
type DB struct {
	db *sql.DB

	// Server names the database for messages: "host:port, database
	// name", never the user's password.
	Server string
	// Now returns the current time; tests swap it for a fixed clock.
	Now func() time.Time
	// Coach is the name of the coach using this Keel (her name in the
	// studio): it is recorded as the author of what she creates and
	// changes, and named when another coach's save is refused.
	Coach string
	// Created is set when Open made the schema in an empty database.
	Created bool

	password string                                    // the password in the URL, if any: scrubbed from every error
	search   searchIndex                               // the client list's search keys (search.go)
	due      kept.Value[dueKey, []assessment.DueInput] // the due list's last inputs (due.go)
}

// IsURL reports whether s names a PostgreSQL database (postgres:// or
// postgresql://) rather than a file.
func IsURL(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Redact returns the URL with any password replaced by "xxxxx" (in the
// user part and in a password= parameter), for messages and logs. A
// string that does not parse as a URL is reduced to its scheme.
func Redact(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		if i := strings.Index(raw, "://"); i >= 0 {
			return raw[:i+3] + "…"
		}
		return "(a database address)"
	}
	if u.User != nil {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// HasPassword reports whether the URL carries a password, which Keel's
// settings refuse to keep (it belongs in .pgpass).
func HasPassword(raw string) bool {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return strings.Contains(raw, "password=")
	}
	if u.User != nil {
		if _, ok := u.User.Password(); ok {
			return true
		}
	}
	return u.Query().Has("password")
}

// Open connects to the studio database at rawURL, checks that it answers,
// and brings its schema up to date (creating it in an empty database; a
// database written by a newer Keel is refused, unchanged). An unreachable
// server, a refused login or a missing database each get one message
// naming the server and what to do; nothing else is opened instead.
func Open(ctx context.Context, rawURL string) (*DB, error) {
	cfg, err := pgx.ParseConfig(strings.TrimSpace(rawURL))
	if err != nil {
		return nil, assessment.Errorf(assessment.EINVALID,
			"Keel cannot read the studio database address %s. Write it as postgres://user@host:5432/database.", Redact(rawURL))
	}
	if cfg.ConnectTimeout == 0 || cfg.ConnectTimeout > connectTimeout {
		cfg.ConnectTimeout = connectTimeout
	}
	// Keel's statements are few and fixed; the describe round trip of
	// the extended protocol is cached per connection.
	db := &DB{
		db:       stdlib.OpenDB(*cfg),
		Server:   serverName(cfg),
		Now:      time.Now,
		password: cfg.Password,
	}
	db.db.SetMaxOpenConns(maxConns)
	db.db.SetMaxIdleConns(maxConns)
	db.db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.db.PingContext(ctx); err != nil {
		_ = db.db.Close()
		return nil, db.connectError(err)
	}
	if err := db.migrate(ctx); err != nil {
		_ = db.db.Close()
		return nil, err
	}
	return db, nil
}

// serverName is "host:port, database name" (the first host when several
// are given), for messages.
func serverName(cfg *pgx.ConnConfig) string {
	host := cfg.Host
	if strings.HasPrefix(host, "/") {
		host = "the local socket " + host
	} else {
		host = fmt.Sprintf("%s:%d", host, cfg.Port)
	}
	return fmt.Sprintf("%s, database %q", host, cfg.Database)
}

// Close closes the connections.
func (db *DB) Close() error {
	if err := db.db.Close(); err != nil {
		return assessment.Internal("close the studio database", db.scrub(err))
	}
	return nil
}

// Ping checks that the server still answers, for the settings screen's
// connection test.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.db.PingContext(ctx); err != nil {
		return db.connectError(err)
	}
	return nil
}

// SchemaVersion returns the number of the last migration applied.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := db.db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM keel_schema_migrations`).Scan(&v); err != nil {
		return 0, db.mapError("read the database version", err)
	}
	return v, nil
}

// scrub removes the password from an error's text, so a cause kept for a
// log never holds it.
func (db *DB) scrub(err error) error {
	if err == nil || db.password == "" || !strings.Contains(err.Error(), db.password) {
		return err
	}
	return scrubbed{msg: strings.ReplaceAll(err.Error(), db.password, "xxxxx"), err: err}
}

// scrubbed is an error whose text had the password taken out; Unwrap
// keeps errors.As working on the cause.
type scrubbed struct {
	msg string
	err error
}

func (s scrubbed) Error() string { return s.msg }
func (s scrubbed) Unwrap() error { return s.err }

// writeTx is a write transaction for one coach action, with the time of
// the action (every row it touches gets the same timestamp) and the coach.
type writeTx struct {
	*sql.Tx
	db  *DB
	now time.Time
}

// today is the coach's calendar day at the time of the action (her local
// date; timestamps stay in UTC).
func (tx *writeTx) today() assessment.Date { return assessment.DateOf(tx.now.Local()) }

// maxAttempts is how often a save is tried when the server refuses it
// only because another coach's save ran at the same moment
// (serialization failure): each try starts from scratch. (H)
const maxAttempts = 8

// write runs fn in one serializable transaction and commits it: either
// everything fn did is saved or nothing is. Serializable means two coaches
// saving at once see the same result as one after the other; when the
// server cannot promise that it refuses one, and write runs it again.
func (db *DB) write(ctx context.Context, op string, fn func(tx *writeTx) error) error {
	var err error
	for i := range maxAttempts {
		if i > 0 {
			// Let the other save finish; a little randomness keeps two
			// retrying saves from meeting again.
			select {
			case <-time.After(time.Duration(i*5+rand.IntN(10)) * time.Millisecond):
			case <-ctx.Done():
				return db.mapError(op, ctx.Err())
			}
		}
		err = db.writeOnce(ctx, op, fn)
		if !isSerialization(err) {
			return err
		}
	}
	return err
}

// writeOn is write for a save that fills in v (its id, times, revision):
// *v is put back as it was before each attempt, and after a failure, so a
// save tried again after a serialization failure starts from what the
// caller gave, and a refused save never leaves v looking saved (an id or a
// revision the database does not hold). A nil v is written as given.
func writeOn[T any](ctx context.Context, db *DB, op string, v *T, fn func(tx *writeTx) error) error {
	if v == nil {
		return db.write(ctx, op, fn)
	}
	orig := *v
	err := db.write(ctx, op, func(tx *writeTx) error {
		*v = orig
		return fn(tx)
	})
	if err != nil {
		*v = orig
	}
	return err
}

func (db *DB) writeOnce(ctx context.Context, op string, fn func(tx *writeTx) error) error {
	t, err := db.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
	if err != nil {
		return db.mapError(op, err)
	}
	// PostgreSQL keeps microseconds: the times handed back are the ones
	// read back later.
	tx := &writeTx{Tx: t, db: db, now: db.Now().UTC().Truncate(time.Microsecond)}
	defer t.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := t.Commit(); err != nil {
		return db.mapError(op, err)
	}
	return nil
}

// read runs fn in a read-only transaction on one snapshot, so a count and
// a page always agree.
func (db *DB) read(ctx context.Context, op string, fn func(tx *sql.Tx) error) error {
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return db.mapError(op, err)
	}
	defer tx.Rollback()
	return fn(tx)
}

func isSerialization(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

// nullDate stores the zero Date as NULL.
func nullDate(d assessment.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

func parseNullDate(s sql.NullString) (assessment.Date, error) {
	if !s.Valid {
		return assessment.Date{}, nil
	}
	d, err := assessment.ParseDate(s.String)
	if err != nil {
		return assessment.Date{}, fmt.Errorf("stored date %q: %w", s.String, err)
	}
	return d, nil
}

// querier is what both read and write transactions offer.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

type scanner interface{ Scan(dest ...any) error }
