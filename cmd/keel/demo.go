package main

import (
	"context"
	"fmt"
	"io"
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
	db, code := openDB(*dbFlag, stderr)
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
// so running it twice does not duplicate them.
func loadSamples(ctx context.Context, s services) (int, error) {
	today := assessment.DateOf(time.Now())
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
	}
	return added, nil
}

// services are the storage services cmd wires into the UI and commands.
type services struct {
	db         *sqlite.DB
	clients    assessment.ClientService
	records    assessment.RecordService
	programmes assessment.ProgrammeService
	exercises  assessment.ExerciseService
	profiles   assessment.ProfileService
	builtin    *assessment.Library
}

// library is the built-in library with the coach's own exercises.
func (s services) library() (*assessment.Library, error) {
	custom, err := s.exercises.FindExercises(ctx())
	if err != nil {
		return nil, err
	}
	return s.builtin.With(custom)
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
		clients:    sqlite.NewClientService(db),
		records:    sqlite.NewRecordService(db),
		programmes: sqlite.NewProgrammeService(db),
		exercises:  sqlite.NewExerciseService(db, lib),
		profiles:   sqlite.NewProfileService(db),
		builtin:    lib,
	}
}

// openDB opens the database named by the flag, $KEEL_DB or the default
// path. On failure it prints why and returns nil and the exit code.
func openDB(flagValue string, stderr io.Writer) (*sqlite.DB, int) {
	path, err := sqlite.ResolvePath(flagValue)
	if err != nil {
		fmt.Fprintf(stderr, "keel: %s\n", assessment.ErrorMessage(err))
		return nil, 1
	}
	db, err := sqlite.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, "keel: %s\n", assessment.ErrorMessage(err))
		return nil, 1
	}
	return db, 0
}
