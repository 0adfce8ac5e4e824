package postgres_test

import (
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/postgres"
	"github.com/keel-coach/keel/assessment/storetest"
	"github.com/keel-coach/keel/assets"
)

// The studio store keeps the contract every store keeps (the SQLite
// store's TestContract runs the same checks), on a real PostgreSQL
// database.
func TestContract(t *testing.T) {
	lib, err := assessment.ParseLibrary(assets.LibraryJSON)
	if err != nil {
		t.Fatal(err)
	}
	storetest.Run(t, func(t *testing.T) storetest.Stores {
		db := MustOpenDB(t, "Sam")
		return storetest.Stores{
			Clients:     postgres.NewClientService(db),
			Records:     postgres.NewRecordService(db),
			Programmes:  postgres.NewProgrammeService(db),
			Exercises:   postgres.NewExerciseService(db, lib),
			Profiles:    postgres.NewProfileService(db),
			Due:         postgres.NewDueService(db),
			Templates:   postgres.NewTemplateService(db),
			SessionLogs: postgres.NewSessionLogService(db),
			Library:     lib,
			Today:       today,
		}
	})
}
