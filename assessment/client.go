package assessment

import (
	"context"
	"net/mail"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// DeliveryMode is how the client's most recent baby was born. It matters to
// the coach because a caesarean adds healing time before heavy or high-effort
// work (HSE Ireland, domain.md §6 [70]).
type DeliveryMode string

// Delivery modes. The empty mode means "not recorded".
const (
	DeliveryUnknown   DeliveryMode = ""
	DeliveryVaginal   DeliveryMode = "vaginal"
	DeliveryAssisted  DeliveryMode = "assisted"
	DeliveryCaesarean DeliveryMode = "caesarean"
)

// DeliveryModes lists the recordable modes in display order.
var DeliveryModes = []DeliveryMode{DeliveryVaginal, DeliveryAssisted, DeliveryCaesarean}

// Valid reports whether m is a known mode (or unrecorded).
func (m DeliveryMode) Valid() bool {
	switch m {
	case DeliveryUnknown, DeliveryVaginal, DeliveryAssisted, DeliveryCaesarean:
		return true
	}
	return false
}

// Label is the mode in words for a coach.
func (m DeliveryMode) Label() string {
	switch m {
	case DeliveryVaginal:
		return "Vaginal"
	case DeliveryAssisted:
		return "Assisted (forceps or ventouse)"
	case DeliveryCaesarean:
		return "Caesarean"
	}
	return "Not recorded"
}

// Clearance records that a doctor has cleared the client to exercise despite
// a red flag. Without it a red flag blocks every loaded programme.
type Clearance struct {
	Date Date   `json:"date"`
	By   string `json:"by"`
}

// Client is a person the coach works with, most often a mother with
// postpartum low back pain. It holds who she is and the facts about her
// pregnancies that change what is safe for her; what the coach finds in a
// session lives in a Record.
type Client struct {
	ID            int64  `json:"id,omitempty"`
	Name          string `json:"name"`
	PreferredName string `json:"preferred_name,omitempty"`
	BirthDate     Date   `json:"birth_date"`
	Phone         string `json:"phone,omitempty"`
	Email         string `json:"email,omitempty"`
	Births        int    `json:"births"`
	// BirthsUnknown: the number of births was not recorded (Births is then
	// 0). Only a recorded 0 says she has not given birth.
	BirthsUnknown bool         `json:"births_unknown,omitempty"`
	LastDelivery  Date         `json:"last_delivery_date"`
	DeliveryMode  DeliveryMode `json:"delivery_mode,omitempty"`
	Clearance     *Clearance   `json:"medical_clearance,omitempty"`
	Notes         string       `json:"notes,omitempty"`
	Archived      bool         `json:"archived,omitempty"`
	CreatedAt     time.Time    `json:"created_at"`
	UpdatedAt     time.Time    `json:"updated_at"`
	// Saved says who saved her details and checks a save against the
	// stored copy (studio.go); it is not exported.
	Saved
}

// Limits on client fields.
const (
	MaxNameLen  = 120  // characters; long enough for any real name
	MaxNotesLen = 4000 // characters
	MaxBirths   = 15   // domain.md "Suggested data model": parity 0–15
	MinAgeYears = 14   // a birth date giving a younger client is a typo
	MaxAgeYears = 80   // likewise an older one
)

// Client field names used in validation errors; the UI puts each message
// next to the field of the same name.
const (
	FieldName          = "name"
	FieldPreferredName = "preferred_name"
	FieldBirthDate     = "birth_date"
	FieldPhone         = "phone"
	FieldEmail         = "email"
	FieldBirths        = "births"
	FieldLastDelivery  = "last_delivery_date"
	FieldDeliveryMode  = "delivery_mode"
	FieldClearanceDate = "medical_clearance.date"
	FieldClearanceBy   = "medical_clearance.by"
	FieldNotes         = "notes"
)

// DisplayName is the name a coach sees in lists: the full name with the
// preferred name in brackets when it differs.
func (c *Client) DisplayName() string {
	if c.PreferredName != "" && c.PreferredName != c.Name {
		return c.Name + " (" + c.PreferredName + ")"
	}
	return c.Name
}

// Normalize trims surrounding space from the text fields.
func (c *Client) Normalize() {
	c.Name = strings.Join(strings.Fields(c.Name), " ")
	c.PreferredName = strings.TrimSpace(c.PreferredName)
	c.Phone = strings.TrimSpace(c.Phone)
	c.Email = strings.TrimSpace(c.Email)
	c.Notes = strings.TrimSpace(c.Notes)
	if c.Clearance != nil {
		c.Clearance.By = strings.TrimSpace(c.Clearance.By)
		if c.Clearance.Date.IsZero() && c.Clearance.By == "" {
			c.Clearance = nil
		}
	}
}

// Validate checks every field against its rule, as of day `today`, and
// returns all problems at once as ValidationErrors (nil when valid).
func (c *Client) Validate(today Date) error {
	var v ValidationErrors
	switch n := utf8.RuneCountInString(strings.TrimSpace(c.Name)); {
	case n == 0:
		v.Add(FieldName, "Enter the client's name.")
	case n > MaxNameLen:
		v.Add(FieldName, "Keep the name under %d characters.", MaxNameLen)
	}
	if !validText(c.Name) {
		v.Add(FieldName, "The name contains characters that cannot be stored.")
	} else if msg := nameProblem(c.Name); msg != "" && strings.TrimSpace(c.Name) != "" {
		v.Add(FieldName, "%s", msg)
	}
	if utf8.RuneCountInString(c.PreferredName) > MaxNameLen {
		v.Add(FieldPreferredName, "Keep the preferred name under %d characters.", MaxNameLen)
	}
	if msg := nameProblem(c.PreferredName); msg != "" && c.PreferredName != "" {
		v.Add(FieldPreferredName, "%s", msg)
	}
	if !c.BirthDate.IsZero() {
		if c.BirthDate.After(today) {
			v.Add(FieldBirthDate, "The date of birth is in the future.")
		} else if age := c.BirthDate.AgeOn(today); age < MinAgeYears || age > MaxAgeYears {
			v.Add(FieldBirthDate, "That date of birth makes her %d; check the year.", age)
		}
	}
	if c.Phone != "" && !ValidPhone(c.Phone) {
		v.Add(FieldPhone, "Use digits, spaces, brackets, dashes and an optional leading +, e.g. +44 20 7946 0958.")
	}
	if c.Email != "" && !ValidEmail(c.Email) {
		v.Add(FieldEmail, "That is not an email address, e.g. name@example.com.")
	}
	if c.Births < 0 || c.Births > MaxBirths {
		v.Add(FieldBirths, "Enter a number of births from 0 to %d.", MaxBirths)
	}
	if c.BirthsUnknown && c.Births != 0 {
		v.Add(FieldBirths, "The births are marked as not recorded but a number is given; keep one of the two.")
	}
	if !c.LastDelivery.IsZero() {
		if c.LastDelivery.After(today) {
			v.Add(FieldLastDelivery, "The delivery date is in the future.")
		} else if !c.BirthDate.IsZero() && c.LastDelivery.Before(c.BirthDate.AddDays(365*10)) {
			v.Add(FieldLastDelivery, "The delivery date is too close to her date of birth.")
		}
		if c.Births == 0 && !c.BirthsUnknown {
			v.Add(FieldBirths, "A delivery date is recorded, so births must be at least 1.")
		}
	}
	if !c.DeliveryMode.Valid() {
		v.Add(FieldDeliveryMode, "Choose vaginal, assisted or caesarean.")
	}
	if c.Clearance != nil {
		if c.Clearance.Date.IsZero() {
			v.Add(FieldClearanceDate, "Enter the date of the medical clearance.")
		} else if c.Clearance.Date.After(today) {
			v.Add(FieldClearanceDate, "The clearance date is in the future.")
		}
		if strings.TrimSpace(c.Clearance.By) == "" {
			v.Add(FieldClearanceBy, "Enter who gave the clearance, e.g. Dr Patel (GP).")
		}
	}
	if utf8.RuneCountInString(c.Notes) > MaxNotesLen {
		v.Add(FieldNotes, "Keep notes under %d characters.", MaxNotesLen)
	}
	if !validText(c.Notes) {
		v.Add(FieldNotes, "The notes contain characters that cannot be stored.")
	}
	return v.Err()
}

// validText rejects invalid UTF-8 and control characters other than
// newlines and tabs.
func validText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r' {
			return false
		}
	}
	return true
}

// ValidEmail reports whether s is a plain email address (no display name).
func ValidEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	return at > 0 && strings.Contains(s[at+1:], ".") && !strings.HasSuffix(s, ".")
}

// ValidPhone reports whether s looks like a phone number: 6 to 15 digits
// (E.164 allows at most 15), an optional leading +, and spaces, dots,
// dashes or brackets between them.
func ValidPhone(s string) bool {
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0:
		case r == ' ' || r == '-' || r == '(' || r == ')' || r == '.':
		default:
			return false
		}
	}
	return digits >= 6 && digits <= 15
}

// WeeksPostpartum returns whole weeks from the last delivery to day `on`,
// and false when no delivery date is recorded.
func (c *Client) WeeksPostpartum(on Date) (int, bool) {
	return PostpartumWeeks(nil, c.LastDelivery, on)
}

// ClientFilter narrows a client listing. Query matches any part of the name
// or preferred name, ignoring case and accents.
type ClientFilter struct {
	Query           string
	IncludeArchived bool
	Offset, Limit   int // Limit 0 means no limit
}

// ClientService stores clients. The SQLite package implements it.
type ClientService interface {
	// CreateClient validates c, stores it and sets its ID and times.
	// Errors: EINVALID.
	CreateClient(ctx context.Context, c *Client) error
	// UpdateClient validates and stores every field of c. Errors: EINVALID, ENOTFOUND.
	UpdateClient(ctx context.Context, c *Client) error
	// FindClientByID returns one client. Errors: ENOTFOUND.
	FindClientByID(ctx context.Context, id int64) (*Client, error)
	// FindClients returns the clients matching f, sorted by name, and the
	// total count of matches ignoring Offset and Limit.
	FindClients(ctx context.Context, f ClientFilter) ([]*Client, int, error)
	// SetArchived archives or restores a client. Errors: ENOTFOUND.
	SetArchived(ctx context.Context, id int64, archived bool) error
	// DeleteClient removes the client and everything recorded about her.
	// Errors: ENOTFOUND.
	DeleteClient(ctx context.Context, id int64) error
}
