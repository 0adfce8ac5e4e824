package assessment

import "context"

// RecordSummary is one line of a client's list of assessments: when, which
// kind, how many findings and whether a referral is needed. It is what the
// coach sees before she opens an assessment; the full record is read only
// when she does.
type RecordSummary struct {
	ID       int64
	ClientID int64
	Date     Date
	Kind     string
	// Findings is the number of findings Interpret makes of the record.
	Findings int
	// ReferralRequired is Interpret's: a red flag answered yes or unsure,
	// or another reason to refer out.
	ReferralRequired bool
}

// Summarize is the summary of r, from Interpret.
func Summarize(r *Record) RecordSummary {
	in := Interpret(r)
	return RecordSummary{ID: r.ID, ClientID: r.ClientID, Date: r.Date, Kind: r.Kind,
		Findings: len(in.Findings), ReferralRequired: in.ReferralRequired}
}

// RecordSummaryService lists a client's assessments without reading each
// full record, so a client with years of reassessments opens at once.
// Storage that offers it alongside RecordService lets the client screen
// use it.
type RecordSummaryService interface {
	// FindRecordSummaries returns the summaries of a client's records,
	// oldest first (the order of RecordService.FindRecords); no client or
	// no records is an empty list.
	FindRecordSummaries(ctx context.Context, clientID int64) ([]RecordSummary, error)
}
