package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

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
	case sqlite3.ErrFull, sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen, sqlite3.ErrNotADB, sqlite3.ErrCorrupt:
		if ce := causeError("", err); ce != nil {
			de := ce.(*assessment.Error)
			de.Message = "Keel could not " + op + ". " + de.Message
			return de
		}
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

// The causes of a failure a coach can do something about, each worded once
// and naming the file, so the command line and the window say the same
// thing (the window shows these messages as they are).
const (
	damagedWords = "%s is damaged: Keel cannot read it. Restore it from a backup; the file has not been changed."
	fullWords    = "The disk holding %s is full. Free some space and try again; everything saved before is unchanged."
	permWords    = "Keel is not allowed to write to %s. Check that the file and its folder belong to you and may be written; nothing has been changed."
	missingWords = "There is no Keel database at %s. Check the path (-db or KEEL_DB); Keel creates a database only when you open the window, load the demo, or import."
)

// fileNamed is path, or words for the database when it is not known.
func fileNamed(path string) string {
	if path == "" {
		return "the database file"
	}
	return path
}

// mapErrorAt is mapError for the database at path: a damaged file, a full
// disk or a file Keel may not write is named.
func mapErrorAt(path, op string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) {
		if ce := causeError(path, err); ce != nil {
			de := ce.(*assessment.Error)
			de.Message = "Keel could not " + op + ". " + de.Message
			return de
		}
	}
	return mapError(op, err)
}

// DamagedError is the message for a database file SQLite cannot read.
func DamagedError(path string, err error) error {
	noun := "The database file"
	if path != "" {
		noun = "The database " + path
	}
	return &assessment.Error{Code: assessment.EINVALID, Err: err, Message: fmt.Sprintf(damagedWords, noun)}
}

// DiskFullError is the message for a save the disk had no room for.
func DiskFullError(path string, err error) error {
	return &assessment.Error{Code: assessment.EINTERNAL, Err: err, Message: fmt.Sprintf(fullWords, fileNamed(path))}
}

// PermissionError is the message for a database file or folder Keel may
// not write.
func PermissionError(path string, err error) error {
	return &assessment.Error{Code: assessment.EINVALID, Err: err, Message: fmt.Sprintf(permWords, fileNamed(path))}
}

// MissingError is the message for a database that does not exist, from a
// command that only reads it or writes out of it.
func MissingError(path string) error {
	return &assessment.Error{Code: assessment.ENOTFOUND, Message: fmt.Sprintf(missingWords, path)}
}

// causeError words err by its cause (damaged file, full disk, no
// permission) for the database at path, or returns nil when err is none of
// these.
func causeError(path string, err error) error {
	if err == nil {
		return nil
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrNotADB, sqlite3.ErrCorrupt:
			return DamagedError(path, err)
		case sqlite3.ErrFull:
			return DiskFullError(path, err)
		case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrAuth:
			return PermissionError(path, err)
		case sqlite3.ErrCantOpen:
			return PermissionError(path, err)
		case sqlite3.ErrIoErr:
			if se.SystemErrno == syscall.ENOSPC || se.SystemErrno == syscall.EDQUOT {
				return DiskFullError(path, err)
			}
			if se.SystemErrno == syscall.EACCES || se.SystemErrno == syscall.EPERM || se.SystemErrno == syscall.EROFS {
				return PermissionError(path, err)
			}
		}
		return nil
	}
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return DiskFullError(path, err)
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return PermissionError(path, err)
	}
	return nil
}
