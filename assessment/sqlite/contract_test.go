package sqlite_test

import (
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
	"github.com/keel-coach/keel/assessment/storetest"
	"github.com/keel-coach/keel/assets"
)

// The SQLite store keeps the contract every store keeps, on a real file.
func TestContract(t *testing.T) {
	lib, err := assessment.ParseLibrary(assets.LibraryJSON)
	if err != nil {
		t.Fatal(err)
	}
	storetest.Run(t, func(t *testing.T) storetest.Stores {
		db := MustOpenDB(t)
		return storetest.Stores{
			Clients:     sqlite.NewClientService(db),
			Records:     sqlite.NewRecordService(db),
			Programmes:  sqlite.NewProgrammeService(db),
			Exercises:   sqlite.NewExerciseService(db, lib),
			Profiles:    sqlite.NewProfileService(db),
			Due:         sqlite.NewDueService(db),
			Templates:   sqlite.NewTemplateService(db),
			SessionLogs: sqlite.NewSessionLogService(db),
			Library:     lib,
			Today:       today,
		}
	})
}
