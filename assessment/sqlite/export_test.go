package sqlite

import (
	"context"

	"github.com/keel-coach/keel/assessment"
)

// BulkLoad stores clients and, for each, the records recs returns, in one
// transaction through the same helpers the services use. Benchmarks use it
// to build their large fixture quickly.
func BulkLoad(db *DB, clients []*assessment.Client, recs func(i int, clientID int64) []*assessment.Record) error {
	ctx := context.Background()
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for i, c := range clients {
		if err := createClient(ctx, tx, c); err != nil {
			return err
		}
		for _, r := range recs(i, c.ID) {
			if err := createRecord(ctx, tx, r); err != nil {
				return err
			}
		}
	}
	return tx.commit("load the fixture")
}
