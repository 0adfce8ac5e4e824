package assessment

import (
	"errors"
	"fmt"
	"strings"
)

// Error codes. Every error a service returns to the UI carries one of these,
// so a screen can decide what to show without parsing text.
const (
	EINVALID     = "invalid"     // the input breaks a rule; Field names the input
	ENOTFOUND    = "not_found"   // the thing asked for does not exist
	ECONFLICT    = "conflict"    // the action clashes with stored data
	EUNSUPPORTED = "unsupported" // e.g. a database written by a newer Keel
	EINTERNAL    = "internal"    // anything else; the message is generic
)

// Error is a domain error: a code, the input field it concerns (if any) and a
// sentence a coach can read. Only EINTERNAL errors hide their cause from the
// coach; the cause is kept in Err for logs.
type Error struct {
	Code    string
	Field   string
	Message string
	Err     error
}

func (e *Error) Error() string {
	if e.Field != "" {
		return e.Field + ": " + e.Message
	}
	return e.Message
}

// Unwrap returns the underlying cause, if any.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns a domain error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldErrorf returns a domain error about one input field.
func FieldErrorf(code, field, format string, args ...any) *Error {
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

// Internal wraps an unexpected error so the coach sees a calm sentence and the
// log keeps the cause.
func Internal(op string, err error) *Error {
	return &Error{Code: EINTERNAL, Message: "Keel could not " + op + ". Your data is unchanged; please try again.", Err: err}
}

// ErrorCode returns the code of a domain error, EINTERNAL for any other
// non-nil error and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	var ve ValidationErrors
	if errors.As(err, &ve) {
		return EINVALID
	}
	return EINTERNAL
}

// ErrorMessage returns the sentence to show a coach for any error.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var ve ValidationErrors
	if errors.As(err, &ve) {
		return ve.Error()
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "Something went wrong. Your data is unchanged; please try again."
}

// ValidationErrors collects every field-level problem found in one input, so
// a form can show each message next to its field at once.
type ValidationErrors []*Error

func (v ValidationErrors) Error() string {
	parts := make([]string, 0, len(v))
	for _, e := range v {
		parts = append(parts, e.Error())
	}
	return strings.Join(parts, "; ")
}

// For returns the message for one field, or "" when the field is fine.
func (v ValidationErrors) For(field string) string {
	for _, e := range v {
		if e.Field == field {
			return e.Message
		}
	}
	return ""
}

// Add appends a field error.
func (v *ValidationErrors) Add(field, format string, args ...any) {
	*v = append(*v, FieldErrorf(EINVALID, field, format, args...))
}

// Err returns nil when there are no errors, so callers can `return v.Err()`.
func (v ValidationErrors) Err() error {
	if len(v) == 0 {
		return nil
	}
	return v
}

// FieldErrors returns the field errors inside err, if it carries any.
func FieldErrors(err error) ValidationErrors {
	var ve ValidationErrors
	if errors.As(err, &ve) {
		return ve
	}
	var e *Error
	if errors.As(err, &e) && e.Field != "" {
		return ValidationErrors{e}
	}
	return nil
}
