package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

func runDemo(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("demo", stderr)
	dbFlag := fs.String("db", "", "database file")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	db, code := createDB(*dbFlag, stdout, stderr)
	if db == nil {
		return code
	}
	defer db.Close()
	n, err := loadSamples(ctx(), newServices(db))
	if err != nil {
		fmt.Fprintf(stderr, "keel demo: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	fmt.Fprintf(stdout, "Added %d sample clients to %s\n", n, db.Path)
	return 0
}

// loadSamples stores the sample clients that are not there yet (by name),
// so running it twice does not duplicate them. Those with a history get
// their assessments, and Gosia an issued programme with her sessions
// logged: mostly done, a few partly done or missed, and one pain flare
// whose proposed regression is applied as version 2, so every progress
// screen has something to show.
func loadSamples(ctx context.Context, s services) (int, error) {
	today := assessment.DateOf((*s.now)())
	added := 0
	for _, sc := range assessment.SampleClients(today) {
		_, n, err := s.clients.FindClients(ctx, assessment.ClientFilter{Query: sc.Client.Name, IncludeArchived: true, Limit: 1})
		if err != nil {
			return added, err
		}
		if n > 0 {
			continue
		}
		c := sc.Client
		if err := s.clients.CreateClient(ctx, &c); err != nil {
			return added, err
		}
		added++
		if err := sampleHistory(ctx, s, &c, sc, today); err != nil {
			return added, err
		}
	}
	return added, nil
}

// sampleHistory stores a sample client's assessments and plan. The
// database clock is set to the day of each step while it is stored, so
// the history's timestamps (a programme version made on the day of the
// flare, say) read as if the coach had kept Keel all along.
func sampleHistory(ctx context.Context, s services, c *assessment.Client, sc assessment.SampleClient, today assessment.Date) error {
	now := *s.now
	defer func() { *s.now = now }()
	at := func(d assessment.Date) {
		// Mid-morning of day d in the coach's own time zone.
		t := now()
		*s.now = func() time.Time {
			return time.Date(d.Time().Year(), d.Time().Month(), d.Time().Day(), 10, 0, 0, 0, t.Location())
		}
	}
	for _, r := range sc.Records {
		at(r.Date)
		r.ClientID = c.ID
		r.Client = c.Snapshot()
		if err := s.records.CreateRecord(ctx, r); err != nil {
			return err
		}
	}
	plan := sc.Plan
	if plan == nil || len(sc.Records) == 0 || s.sessionLogs == nil {
		return nil
	}
	lib, err := s.library()
	if err != nil {
		return err
	}
	from := sc.Records[len(sc.Records)-1]
	p, err := assessment.NewProgramme(c, from, lib, assessment.ProgrammeOptions{Weeks: plan.Weeks, Start: plan.Start})
	if err != nil {
		return err
	}
	if err := p.Issue(from); err != nil {
		return err
	}
	at(from.Date.AddDays(1))
	if err := s.programmes.CreateProgramme(ctx, p); err != nil {
		return err
	}
	days := plannedBefore(p, today)
	var logs []*assessment.SessionLog
	for i, d := range days {
		l := sampleSession(p.ID, i, d, plan)
		if l.Status != assessment.SessionMissed && l.FillPlannedSession(p) {
			for k := range l.Exercises {
				if l.Status == assessment.SessionPartial {
					// "Did the first half": the rest skipped.
					l.Exercises[k].Outcome = assessment.OutcomeDone
					if k >= (len(l.Exercises)+1)/2 {
						l.Exercises[k].Outcome = assessment.OutcomeSkipped
					}
				}
			}
		}
		if i == plan.FlareSession {
			flareOutcomes(p, l)
		}
		at(d)
		if err := s.sessionLogs.CreateSessionLog(ctx, l); err != nil {
			return err
		}
		logs = append(logs, l)
		if i != plan.FlareSession {
			continue
		}
		// The coach applies Keel's proposal: version 2, version 1 kept.
		prop, err := assessment.Propose(from, p, logs, lib)
		if err != nil {
			return err
		}
		if prop.Action != assessment.ActionRegress || len(prop.Changes) == 0 {
			continue
		}
		np, err := assessment.Apply(from, p, prop, lib)
		if err != nil {
			return err
		}
		if err := s.programmes.CreateProgramme(ctx, np); err != nil {
			return err
		}
		p = np
	}
	return nil
}

// flareOutcomes says how the flare session went: her back flared during
// the bridges (the sample's note), so the session of that week with a
// bridge is the one she did, its bridge marked as hurting; with no bridge
// in the week, the first exercise of the day's session.
func flareOutcomes(p *assessment.Programme, l *assessment.SessionLog) {
	sessions, onDay := assessment.SessionsAround(p, l.Date)
	if onDay != nil {
		sessions = append([]assessment.PlannedSession{*onDay}, sessions...)
	}
	for _, ps := range sessions {
		xs := assessment.NewOutcomes(&ps, assessment.SessionDone)
		hurt := false
		for k := range xs {
			if strings.Contains(xs[k].ExerciseID, "bridge") {
				xs[k].Outcome, hurt = assessment.OutcomeHurt, true
			}
		}
		if hurt {
			l.Session, l.Exercises = ps.Day, xs
			return
		}
	}
	if len(l.Exercises) > 0 {
		l.Exercises[0].Outcome = assessment.OutcomeHurt
	}
}

// plannedBefore lists every planned session day of p before today, in
// order (a rest day's optional habit or walk is not a session).
func plannedBefore(p *assessment.Programme, today assessment.Date) []assessment.Date {
	var days []assessment.Date
	for _, wk := range p.Weeks {
		for k := range 7 {
			d := wk.Start.AddDays(k)
			for _, day := range wk.Days {
				if day.Day == assessment.DayName(d.Weekday()) && len(day.Exercises) > 0 && !day.Rest && d.Before(today) {
					days = append(days, d)
				}
			}
		}
	}
	return days
}

// sampleSession is the i-th logged session of a sample plan, on day d:
// mostly done, some missed or partial, and the plan's flare.
func sampleSession(programmeID int64, i int, d assessment.Date, plan *assessment.SamplePlan) *assessment.SessionLog {
	l := &assessment.SessionLog{ProgrammeID: programmeID, Date: d, Status: assessment.SessionDone, Pain: 2 + i%2}
	switch {
	case i == plan.FlareSession:
		l.Pain, l.Note = plan.FlarePain, plan.FlareNote
	case i == plan.FlareSession+1:
		l.Pain, l.Note = 4, "Easier variations; a little sore the next morning."
	case i%6 == 5:
		l.Status, l.Pain, l.Note = assessment.SessionMissed, 0, "Baby unwell."
	case i%4 == 3:
		l.Status, l.Note = assessment.SessionPartial, "Short on time: did the first half."
	}
	return l
}

// services are the storage services cmd wires into the UI and commands.
type services struct {
	db *sqlite.DB // nil on the studio database
	// now is the store's clock (sqlite.DB.Now or postgres.DB.Now), which
	// the samples set to the day of each step; where names the store for
	// the window (the file path, or the studio server).
	now        *func() time.Time
	where      string
	clients    assessment.ClientService
	records    assessment.RecordService
	programmes assessment.ProgrammeService
	exercises  assessment.ExerciseService
	profiles   assessment.ProfileService
	builtin    *assessment.Library
	// The progress services (issue 6): session logs, the export log and
	// the due-for-reassessment reader.
	sessionLogs assessment.SessionLogService
	exports     assessment.ExportLog
	due         assessment.DueService
}

// library is the built-in library with the coach's own exercises.
func (s services) library() (*assessment.Library, error) {
	return assessment.LibraryWithCustom(ctx(), s.builtin, s.exercises)
}

func newServices(db *sqlite.DB) services {
	lib, err := builtinLibrary()
	if err != nil {
		// The library is embedded and checked by tests; failing here means a
		// broken build, not bad user data.
		panic(fmt.Sprintf("keel: the built-in exercise library is broken: %v", err))
	}
	return services{
		db:         db,
		now:        &db.Now,
		where:      db.Path,
		clients:    sqlite.NewClientService(db),
		records:    sqlite.NewRecordService(db),
		programmes: sqlite.NewProgrammeService(db),
		exercises:  sqlite.NewExerciseService(db, lib),
		profiles:   sqlite.NewProfileService(db),
		builtin:    lib,

		sessionLogs: sqlite.NewSessionLogService(db),
		exports:     sqlite.NewExportLog(db),
		due:         sqlite.NewDueService(db),
	}
}
