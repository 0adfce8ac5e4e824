package assessment

import (
	"strings"
	"time"
)

// ReasonChanged: someone else (another coach of the studio, or another
// Keel window) saved the client, assessment or programme after this copy
// was read. Saving the copy would silently undo her change, so it is
// refused; the screen offers to reload, keeping the coach's edits on
// screen.
const ReasonChanged = "changed"

// Saved is who saved a stored client, assessment or programme and how
// often: stores fill it when they read one and check it when it is saved
// again. It is not part of any file Keel writes (exports, handouts).
type Saved struct {
	// Revision counts the saves of the stored row. A save carrying a
	// revision other than the stored one is refused (ReasonChanged). Zero
	// means the value was not read from the store: no check is made.
	Revision int64 `json:"-"`
	// CreatedBy and ChangedBy are the coaches (their names in the studio)
	// who created it and saved it last; "" when not known (saved by a
	// Keel that did not record names, or by a coach with no name set).
	CreatedBy string `json:"-"`
	ChangedBy string `json:"-"`
}

// ErrChanged refuses a save made on a copy of what (e.g. "this client")
// that by saved at the time at after it was read. The message says who
// and when, in the coach's local time, and what to do.
func ErrChanged(what, by string, at time.Time) *Error {
	who := strings.TrimSpace(by)
	if who == "" {
		who = "Someone else"
	}
	when := ""
	if !at.IsZero() {
		l := at.Local()
		when = " at " + l.Format("15:04") + " on " + l.Format("Monday 2 January")
	}
	return Conflict(ReasonChanged, "%s saved %s%s, after you opened it, so your save was not made. "+
		"Reload to see the saved version; your edits stay on screen to copy across.", who, what, when)
}
