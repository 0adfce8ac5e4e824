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

// Conflict reasons. ECONFLICT covers several clashes with stored data; the
// Reason of the Error says which, so a screen can choose what to offer
// (open the latest version, regenerate, rename) without reading the text.
const (
	// ReasonOlderVersion: the change was made on a version a newer one has
	// replaced; open the latest.
	ReasonOlderVersion = "older_version"
	// ReasonStaleVersion: a new version was made on one that is no longer
	// the latest (another window saved first).
	ReasonStaleVersion = "stale_version"
	// ReasonIssued: an issued programme is what the client was handed; it
	// never changes in place, a change makes a new draft version.
	ReasonIssued = "issued"
	// ReasonRecordBlocked: the assessment a programme came from now blocks
	// every programme (a red flag without a covering clearance).
	ReasonRecordBlocked = "record_blocked"
	// ReasonBuiltinID: a coach's exercise may not take a built-in id.
	ReasonBuiltinID = "builtin_id"
	// ReasonLinked: another exercise names this one as its easier or harder
	// variation.
	ReasonLinked = "linked"
	// ReasonNotFollowable: a session was logged against a programme she is
	// not following (a draft, or a referral without exercises).
	ReasonNotFollowable = "not_followable"
)

// Error is a domain error: a code, the input field it concerns (if any) and a
// sentence a coach can read. Only EINTERNAL errors hide their cause from the
// coach; the cause is kept in Err for logs. A conflict names its Reason.
type Error struct {
	Code    string
	Field   string
	Message string
	Reason  string // for ECONFLICT: one of the Reason constants
	Err     error
}

// Error is the message with its field and, when there is one, the cause:
// what a log needs. The coach reads ErrorMessage instead.
func (e *Error) Error() string {
	s := e.Message
	if e.Field != "" {
		s = e.Field + ": " + s
	}
	// A cause whose text is the message already (an error written for the
	// coach, passed on with its code) is not said twice.
	if e.Err != nil {
		if c := e.Err.Error(); strings.TrimSuffix(c, ".") != strings.TrimSuffix(e.Message, ".") {
			s += ": " + c
		}
	}
	return s
}

// Conflict returns an ECONFLICT error with its reason.
func Conflict(reason, format string, args ...any) *Error {
	return &Error{Code: ECONFLICT, Reason: reason, Message: fmt.Sprintf(format, args...)}
}

// ConflictReason returns the Reason of a conflict inside err, "" for any
// other error.
func ConflictReason(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Code == ECONFLICT {
		return e.Reason
	}
	return ""
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
