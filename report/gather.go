package report

import (
	"context"

	"github.com/keel-coach/keel/assessment"
)

// Sources are the stored data a handout is drawn from. The app and the
// command line hand over their services so both print the same handout.
type Sources struct {
	Clients    assessment.ClientService
	Records    assessment.RecordService
	Programmes assessment.ProgrammeService
	Profiles   assessment.ProfileService
	// Library returns the built-in library with the coach's own exercises.
	Library func(ctx context.Context) (*assessment.Library, error)
}

// InputForClient gathers what the handout of a client's latest programme
// needs. Errors: ENOTFOUND when she has no programme.
func InputForClient(ctx context.Context, src Sources, clientID int64) (Input, error) {
	c, err := src.Clients.FindClientByID(ctx, clientID)
	if err != nil {
		return Input{}, err
	}
	ps, err := src.Programmes.FindProgrammes(ctx, assessment.ProgrammeFilter{ClientID: clientID, LatestOnly: true})
	if err != nil {
		return Input{}, err
	}
	if len(ps) == 0 {
		return Input{}, assessment.Errorf(assessment.ENOTFOUND, "%s has no programme yet: create one from an assessment first.", c.Name)
	}
	return InputForProgramme(ctx, src, ps[0])
}

// InputForProgramme gathers what the handout of programme p needs: her
// details, the assessment it came from, her first earlier assessment as the
// baseline of the progress page, all her assessments for its charts, the
// library and the coach's profile.
func InputForProgramme(ctx context.Context, src Sources, p *assessment.Programme) (Input, error) {
	r, err := src.Records.FindRecordByID(ctx, p.RecordID)
	if err != nil {
		return Input{}, err
	}
	c, err := src.Clients.FindClientByID(ctx, r.ClientID)
	if err != nil {
		return Input{}, err
	}
	recs, err := src.Records.FindRecords(ctx, assessment.RecordFilter{ClientID: c.ID})
	if err != nil {
		return Input{}, err
	}
	var baseline *assessment.Record
	if len(recs) > 0 && recs[0].ID != r.ID && recs[0].Date.Before(r.Date) {
		baseline = recs[0]
	}
	lib, err := src.Library(ctx)
	if err != nil {
		return Input{}, err
	}
	var s Settings
	if src.Profiles != nil {
		prof, err := src.Profiles.Profile(ctx)
		if err != nil {
			return Input{}, err
		}
		s = SettingsFrom(prof)
	}
	return Input{Client: c, Record: r, Programme: p, Library: lib, Baseline: baseline, History: recs, Settings: s.WithDefaults()}, nil
}

// SettingsFrom turns the coach's stored profile into handout settings.
func SettingsFrom(p assessment.Profile) Settings {
	return Settings{CoachName: p.CoachName, Business: p.Business, Contact: p.Contact, Logo: p.Logo,
		Accent: p.Accent, Paper: p.Paper, DiastasisUnit: p.DiastasisUnit}.WithDefaults()
}
