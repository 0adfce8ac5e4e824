package assessment

import "context"

// ClientOverview is one line of a list of clients with where each stands:
// her details, the date of her latest assessment and the status of her
// newest programme. It is what `keel clients` prints.
type ClientOverview struct {
	Client *Client
	// LastAssessment is the date of her latest assessment; zero when she
	// has never been assessed.
	LastAssessment Date
	// ProgrammeStatus is the status of her newest programme (StatusDraft,
	// StatusIssued, StatusSuperseded); empty when she has none.
	ProgrammeStatus string
}

// ClientOverviewService lists clients with their overview, matched and
// ordered exactly as ClientService.FindClients does.
type ClientOverviewService interface {
	// FindClientOverviews returns the page of clients f selects and how
	// many match in all.
	FindClientOverviews(ctx context.Context, f ClientFilter) ([]ClientOverview, int, error)
}
