package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/keel-coach/keel/assessment"
	"github.com/mattn/go-sqlite3"
)

// mapError turns a storage error into a domain error a coach can read. op
// completes "Keel could not ..." (e.g. "save the client"). Domain errors
// pass through unchanged; constraint violations become EINVALID, ECONFLICT
// or ENOTFOUND; anything else is EINTERNAL with the cause kept for the log.
func mapError(op string, err error) error {
	if err == nil {
		return nil
	}
	var de *assessment.Error
	var ve assessment.ValidationErrors
	if errors.As(err, &de) || errors.As(err, &ve) {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) {
		return &assessment.Error{Code: assessment.ENOTFOUND, Message: "Keel could not " + op + ": it is no longer saved.", Err: err}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return &assessment.Error{Code: assessment.EINTERNAL, Message: "Keel stopped before it could " + op + ". Your data is unchanged.", Err: err}
	}
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return assessment.Internal(op, err)
	}
	switch se.ExtendedCode {
	case sqlite3.ErrConstraintUnique, sqlite3.ErrConstraintPrimaryKey:
		return &assessment.Error{Code: assessment.ECONFLICT, Field: constraintField(se),
			Message: "Keel could not " + op + ": something with the same identity is already saved.", Err: err}
	case sqlite3.ErrConstraintForeignKey:
		return &assessment.Error{Code: assessment.ENOTFOUND,
			Message: "Keel could not " + op + ": the client or assessment it belongs to is no longer saved.", Err: err}
	case sqlite3.ErrConstraintCheck, sqlite3.ErrConstraintNotNull:
		return &assessment.Error{Code: assessment.EINVALID, Field: constraintField(se),
			Message: "Keel could not " + op + ": a value is missing or out of range.", Err: err}
	}
	switch se.Code {
	case sqlite3.ErrConstraint:
		return &assessment.Error{Code: assessment.EINVALID,
			Message: "Keel could not " + op + ": a value is missing or out of range.", Err: err}
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return &assessment.Error{Code: assessment.ECONFLICT,
			Message: "Keel could not " + op + " because another Keel window or program is using the database. Close it and try again.", Err: err}
	case sqlite3.ErrFull:
		return &assessment.Error{Code: assessment.EINTERNAL,
			Message: "Keel could not " + op + ": the disk is full. Free some space and try again; your data is unchanged.", Err: err}
	case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen:
		return &assessment.Error{Code: assessment.EINTERNAL,
			Message: "Keel could not " + op + ": it is not allowed to write to the database file. Check the file's permissions.", Err: err}
	case sqlite3.ErrNotADB, sqlite3.ErrCorrupt:
		return &assessment.Error{Code: assessment.EINTERNAL,
			Message: "Keel could not " + op + ": the database file is damaged. Restore it from a backup.", Err: err}
	}
	return assessment.Internal(op, err)
}

// constraintField guesses the column a CHECK, NOT NULL or UNIQUE failure is
// about from SQLite's message ("CHECK constraint failed: births BETWEEN..."
// or "NOT NULL constraint failed: clients.name"), so a form can point at
// it. It returns "" when unsure; the field is a hint, never shown alone.
func constraintField(se sqlite3.Error) string {
	msg := se.Error()
	i := strings.Index(msg, "failed: ")
	if i < 0 {
		return ""
	}
	rest := msg[i+len("failed: "):]
	if j := strings.IndexAny(rest, " ,("); j >= 0 {
		if rest[j] == '(' {
			return "" // a function such as json_valid(data), not a column
		}
		rest = rest[:j]
	}
	if k := strings.LastIndexByte(rest, '.'); k >= 0 {
		rest = rest[k+1:]
	}
	return rest
}

// notFound is the ENOTFOUND error for a missing thing, named for a coach.
func notFound(what string) error {
	return assessment.Errorf(assessment.ENOTFOUND, "That %s is no longer saved; it may have been deleted.", what)
}
