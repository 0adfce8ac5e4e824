package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// TestConcurrentWriters runs saves from several goroutines through several
// separately opened databases on one file (as two Keel windows would), with
// reads alongside. Immediate transactions and the busy timeout must let
// every save through: no "database is locked".
func TestConcurrentWriters(t *testing.T) {
	const (
		handles    = 3  // independent *DB, each with its own connections
		goroutines = 4  // writers per handle
		saves      = 15 // clients saved per writer, each with an assessment
	)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "keel.db")
	dbs := make([]*sqlite.DB, handles)
	for i := range dbs {
		dbs[i] = mustOpenAt(t, path)
	}

	var wg sync.WaitGroup
	errs := make(chan error, handles*goroutines*saves*2)
	for h, db := range dbs {
		clients, records := sqlite.NewClientService(db), sqlite.NewRecordService(db)
		for g := 0; g < goroutines; g++ {
			wg.Add(2)
			go func() {
				defer wg.Done()
				for i := 0; i < saves; i++ {
					c := newClient(fmt.Sprintf("Client %d-%d-%d", h, g, i))
					if err := clients.CreateClient(ctx, c); err != nil {
						errs <- err
						continue
					}
					if err := records.CreateRecord(ctx, sampleRecord(c.ID, today)); err != nil {
						errs <- err
					}
				}
			}()
			go func() { // a reader typing in the search box meanwhile
				defer wg.Done()
				for i := 0; i < saves; i++ {
					if _, _, err := clients.FindClients(ctx, assessment.ClientFilter{Query: "client", Limit: 20}); err != nil {
						errs <- err
					}
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent save failed: %v (code %s)", err, assessment.ErrorCode(err))
	}

	_, n, err := sqlite.NewClientService(dbs[0]).FindClients(ctx, assessment.ClientFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if want := handles * goroutines * saves; n != want {
		t.Fatalf("%d clients saved, want %d", n, want)
	}
	all, err := sqlite.NewRecordService(dbs[0]).FindRecords(ctx, assessment.RecordFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if want := handles * goroutines * saves; len(all) != want {
		t.Fatalf("%d assessments saved, want %d", len(all), want)
	}
}
