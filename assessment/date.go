package assessment

import (
	"encoding/json"
	"time"
)

// DateLayout is the one way Keel writes a calendar date: ISO 8601.
const DateLayout = "2006-01-02"

// Date is a calendar day with no time or zone (a birth date, an assessment
// day). The zero Date means "not given".
type Date struct{ t time.Time }

// NewDate returns the date for year, month and day.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date { return NewDate(t.Date()) }

// ParseDate reads a YYYY-MM-DD date; "" gives the zero Date.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return Date{}, err
	}
	return Date{t}, nil
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns midnight UTC of the day.
func (d Date) Time() time.Time { return d.t }

// String returns YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(DateLayout)
}

// AddDays returns the date n days later (earlier when n < 0).
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// Compare returns −1 when d is before e, +1 when after, and 0 on the same
// day, for slices.SortFunc and cmp.Or.
func (d Date) Compare(e Date) int { return d.t.Compare(e.t) }

// DaysSince returns the whole days from e to d.
func (d Date) DaysSince(e Date) int { return int(d.t.Sub(e.t).Hours() / 24) }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.t.Weekday() }

// MarshalJSON writes "YYYY-MM-DD" (or null for the zero Date).
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads "YYYY-MM-DD" or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return &Error{Code: EINVALID, Message: "must be a date written as YYYY-MM-DD"}
	}
	v, err := ParseDate(s)
	if err != nil {
		return &Error{Code: EINVALID, Message: "must be a date written as YYYY-MM-DD, got " + s}
	}
	*d = v
	return nil
}

// AgeOn returns the age in whole years on day `on`.
func (d Date) AgeOn(on Date) int {
	if d.IsZero() || on.IsZero() {
		return 0
	}
	y := on.t.Year() - d.t.Year()
	if on.t.Month() < d.t.Month() || (on.t.Month() == d.t.Month() && on.t.Day() < d.t.Day()) {
		y--
	}
	return y
}
