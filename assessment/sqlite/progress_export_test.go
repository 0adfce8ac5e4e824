package sqlite

import (
	"context"

	"github.com/keel-coach/keel/assessment"
)

// BulkProgrammes stores programmes and their session logs in one
// transaction through the same helpers the services use, for the
// progress benchmarks' large fixtures.
func BulkProgrammes(db *DB, ps []*assessment.Programme, logs func(p *assessment.Programme) []*assessment.SessionLog) error {
	ctx := context.Background()
	tx, err := db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, p := range ps {
		if err := createProgramme(ctx, tx, p); err != nil {
			return err
		}
		if logs == nil {
			continue
		}
		for _, l := range logs(p) {
			l.ProgrammeID = p.ID
			if err := createSessionLog(ctx, tx, l); err != nil {
				return err
			}
		}
	}
	return tx.commit("load the fixture")
}
