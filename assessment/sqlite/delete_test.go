package sqlite_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// clientTables lists every table with a client_id column, straight from the
// schema, so a table added by a later migration is checked too.
func clientTables(t *testing.T, path string) []string {
	t.Helper()
	raw := rawDB(t, path)
	rows, err := raw.Query(`SELECT m.name FROM sqlite_master AS m
		JOIN pragma_table_info(m.name) AS c ON c.name = 'client_id'
		WHERE m.type = 'table' ORDER BY m.name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// rowsFor counts the rows about clientID in each table.
func rowsFor(t *testing.T, path string, tables []string, clientID int64) map[string]int {
	t.Helper()
	raw := rawDB(t, path)
	out := map[string]int{}
	for _, tbl := range tables {
		var n int
		// tbl comes from sqlite_master, not from input.
		if err := raw.QueryRow(`SELECT count(*) FROM "`+tbl+`" WHERE client_id = ?`, clientID).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[tbl] = n
	}
	return out
}

func TestClientService_DeleteClient(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "keel.db")
	db := mustOpenAt(t, path)

	// Two clients with everything Keel stores about a client.
	ids := make([]int64, 2)
	for i, name := range []string{"Ana", "Bea"} {
		c := mustClient(t, db, name)
		ids[i] = c.ID
		for d := 0; d < 3; d++ {
			r := mustRecord(t, db, c.ID, today.AddDays(-28*d))
			p := mustProgramme(t, db, r.ID)
			v2 := sampleProgramme(r.ID)
			v2.Lineage = p.Lineage
			v2.Status = assessment.StatusIssued
			if err := sqlite.NewProgrammeService(db).CreateProgramme(ctx, v2); err != nil {
				t.Fatal(err)
			}
			log := &assessment.SessionLog{ProgrammeID: v2.ID, Date: today, Status: assessment.SessionDone, Pain: 2}
			if err := sqlite.NewSessionLogService(db).CreateSessionLog(ctx, log); err != nil {
				t.Fatal(err)
			}
		}
		// Opening her assessment list keeps their summaries.
		if _, err := sqlite.NewRecordService(db).FindRecordSummaries(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		if err := sqlite.NewExportLog(db).AddExport(ctx, &assessment.ExportedFile{ClientID: c.ID, Path: "/tmp/" + name + ".pdf", Kind: assessment.ExportKindHandout}); err != nil {
			t.Fatal(err)
		}
	}
	gone, kept := ids[0], ids[1]

	tables := clientTables(t, path)
	for _, want := range []string{"assessments", "exports", "programmes", "session_logs"} {
		if !slices.Contains(tables, want) {
			t.Fatalf("tables with client_id = %q, missing %q", tables, want)
		}
	}
	before := rowsFor(t, path, tables, gone)
	for tbl, n := range before {
		if n == 0 {
			t.Fatalf("fixture has no %s rows for the client, so the test would prove nothing", tbl)
		}
	}
	keptBefore := rowsFor(t, path, tables, kept)

	if err := sqlite.NewClientService(db).DeleteClient(ctx, gone); err != nil {
		t.Fatal(err)
	}
	for tbl, n := range rowsFor(t, path, tables, gone) {
		if n != 0 {
			t.Errorf("%s still holds %d rows about the deleted client", tbl, n)
		}
	}
	var clientsLeft int
	if err := rawDB(t, path).QueryRow(`SELECT count(*) FROM clients WHERE id = ?`, gone).Scan(&clientsLeft); err != nil {
		t.Fatal(err)
	}
	if clientsLeft != 0 {
		t.Error("the client row is still there")
	}
	for tbl, n := range rowsFor(t, path, tables, kept) {
		if n != keptBefore[tbl] {
			t.Errorf("%s lost rows of the other client: %d, was %d", tbl, n, keptBefore[tbl])
		}
	}
	_, err := sqlite.NewClientService(db).FindClientByID(ctx, gone)
	wantCode(t, err, assessment.ENOTFOUND)

	t.Run("ErrNotFound", func(t *testing.T) {
		err := sqlite.NewClientService(db).DeleteClient(ctx, gone)
		wantCode(t, err, assessment.ENOTFOUND)
		noSQL(t, err)
	})
}
