package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/keel-coach/keel/assessment"
)

// mapError turns a storage error into a domain error a coach can read. op
// completes "Keel could not ..." (e.g. "save the client"). Domain errors
// pass through; constraint violations become EINVALID, ECONFLICT or
// ENOTFOUND; a lost server is named; anything else is EINTERNAL with the
// cause (password scrubbed) kept for the log.
func (db *DB) mapError(op string, err error) error {
	if err == nil {
		return nil
	}
	var de *assessment.Error
	var ve assessment.ValidationErrors
	if errors.As(err, &de) || errors.As(err, &ve) {
		return err
	}
	err = db.scrub(err)
	if errors.Is(err, sql.ErrNoRows) {
		return &assessment.Error{Code: assessment.ENOTFOUND, Message: "Keel could not " + op + ": it is no longer saved.", Err: err}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return &assessment.Error{Code: assessment.EINTERNAL, Message: "Keel stopped before it could " + op + ". Nothing was half-saved; please try again.", Err: err}
	}
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		if lost(err) {
			return &assessment.Error{Code: assessment.EINTERNAL, Err: err, Message: fmt.Sprintf(
				"Keel could not %s: the studio database server (%s) stopped answering. Nothing was half-saved. "+
					"Check the network or ask whoever runs the server, then try again.", op, db.Server)}
		}
		return assessment.Internal(op, err)
	}
	switch pe.Code {
	case "23505": // unique_violation
		return &assessment.Error{Code: assessment.ECONFLICT, Field: pe.ColumnName,
			Message: "Keel could not " + op + ": something with the same identity is already saved.", Err: err}
	case "23503": // foreign_key_violation
		return &assessment.Error{Code: assessment.ENOTFOUND,
			Message: "Keel could not " + op + ": the client or assessment it belongs to is no longer saved.", Err: err}
	case "23514", "23502", "22001", "22003", "22P02": // check, not null, too long, out of range, bad text
		return &assessment.Error{Code: assessment.EINVALID, Field: pe.ColumnName,
			Message: "Keel could not " + op + ": a value is missing or out of range.", Err: err}
	case "40001", "40P01": // serialization failure, deadlock
		return &assessment.Error{Code: assessment.ECONFLICT, Err: err,
			Message: "Keel could not " + op + " because another coach was saving the same thing at that moment. Nothing was half-saved; please try again."}
	case "25006", "42501": // read-only transaction, insufficient privilege
		return &assessment.Error{Code: assessment.EINVALID, Err: err, Message: fmt.Sprintf(
			"Keel could not %s: the studio database (%s) does not let this login change it. Ask whoever runs the server for write access.", op, db.Server)}
	case "53100": // disk full
		return &assessment.Error{Code: assessment.EINTERNAL, Err: err, Message: fmt.Sprintf(
			"Keel could not %s: the studio database server (%s) has run out of disk space. Nothing was half-saved; ask whoever runs the server to free some space.", op, db.Server)}
	}
	if strings.HasPrefix(pe.Code, "08") || strings.HasPrefix(pe.Code, "57P") {
		return &assessment.Error{Code: assessment.EINTERNAL, Err: err, Message: fmt.Sprintf(
			"Keel could not %s: the studio database server (%s) closed the connection. Nothing was half-saved; try again in a moment.", op, db.Server)}
	}
	return assessment.Internal(op, err)
}

// lost reports whether err is the network or the server going away: a
// network error (it has Timeout, as net.Error does), a closed connection,
// or a reply cut short.
func lost(err error) bool {
	var ne interface{ Timeout() bool }
	return errors.As(err, &ne) || errors.Is(err, sql.ErrConnDone) ||
		strings.Contains(err.Error(), "conn closed") || strings.Contains(err.Error(), "unexpected EOF")
}

// connectError words a failure to reach or log in to the server: who the
// server is and what to do, with the cause (password scrubbed) for logs.
// At start-up the caller adds that nothing else was opened instead.
func (db *DB) connectError(err error) error {
	err = db.scrub(err)
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "28P01", "28000": // invalid password, invalid authorization
			return &assessment.Error{Code: assessment.EINVALID, Err: err, Message: fmt.Sprintf(
				"The studio database server (%s) refused the login. Check the user name in the address, and the password in your .pgpass file "+
					"(or the file PGPASSFILE names); Keel does not keep passwords.", db.Server)}
		case "3D000": // database does not exist
			return &assessment.Error{Code: assessment.ENOTFOUND, Err: err, Message: fmt.Sprintf(
				"The studio database server answers, but has no database by that name (%s). Check the name at the end of the address, "+
					"or ask whoever runs the server to create it.", db.Server)}
		case "53300": // too many connections
			return &assessment.Error{Code: assessment.EINTERNAL, Err: err, Message: fmt.Sprintf(
				"The studio database server (%s) has too many connections open. Close Keel on a computer that is not in use, or ask whoever runs the server to raise the limit.", db.Server)}
		}
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return &assessment.Error{Code: assessment.EINTERNAL, Err: err, Message: fmt.Sprintf(
			"The studio database server (%s) did not answer in time. Check that the server is running and that this computer is on the studio's network "+
				"(or ask whoever runs it).", db.Server)}
	}
	return &assessment.Error{Code: assessment.EINTERNAL, Err: err, Message: fmt.Sprintf(
		"Keel could not reach the studio database server (%s). Check the address, that the server is running and that this computer is on the studio's network "+
			"(or ask whoever runs it).", db.Server)}
}

// notFound is the ENOTFOUND error for a missing thing, named for a coach.
func notFound(what string) error {
	return assessment.Errorf(assessment.ENOTFOUND, "That %s is no longer saved; it may have been deleted.", what)
}

// mustAffect maps an Exec result: an error for the coach, ENOTFOUND when no
// row matched.
func (db *DB) mustAffect(res sql.Result, err error, what, op string) error {
	if err != nil {
		return db.mapError(op, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return db.mapError(op, err)
	}
	if n == 0 {
		return notFound(what)
	}
	return nil
}
