package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// Search folds every Latin script, stored keys and typed words alike.
func TestClientService_FindClients_EveryLatinScript(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	for _, name := range []string{"Nguyễn Thị Hồng", "Ḥasan Al-Rashid", "Đặng Lan", "Zoë Smith"} {
		mustClient(t, db, name)
	}
	s := sqlite.NewClientService(db)
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"nguyen", []string{"Nguyễn Thị Hồng"}},
		{"hasan", []string{"Ḥasan Al-Rashid"}},
		{"thi hong", []string{"Nguyễn Thị Hồng"}},
		{"NGUYỄN", []string{"Nguyễn Thị Hồng"}},
		{"dang", []string{"Đặng Lan"}},
		{"an", []string{"Đặng Lan", "Ḥasan Al-Rashid"}},
	} {
		got, n, err := s.FindClients(ctx, assessment.ClientFilter{Query: tc.query})
		if err != nil {
			t.Fatal(err)
		}
		if g := names(got); !reflect.DeepEqual(g, tc.want) || n != len(tc.want) {
			t.Errorf("FindClients(%q) = %q (%d), want %q", tc.query, g, n, tc.want)
		}
	}
}

// The count is right whichever way it is found: from a short page, from a
// full page (a second walk), past the end, and with no limit.
func TestClientService_FindClients_Count(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	for i := range 23 {
		mustClient(t, db, fmt.Sprintf("Ana %02d", i))
	}
	mustClient(t, db, "Bea")
	s := sqlite.NewClientService(db)
	for _, tc := range []struct {
		f         assessment.ClientFilter
		page, all int
	}{
		{assessment.ClientFilter{Query: "ana", Limit: 10}, 10, 23},
		{assessment.ClientFilter{Query: "ana", Limit: 10, Offset: 20}, 3, 23},
		{assessment.ClientFilter{Query: "ana", Limit: 10, Offset: 23}, 0, 23},
		{assessment.ClientFilter{Query: "ana", Limit: 10, Offset: 50}, 0, 23},
		{assessment.ClientFilter{Query: "ana", Limit: 23}, 23, 23},
		{assessment.ClientFilter{Query: "ana"}, 23, 23},
		{assessment.ClientFilter{Query: "ana", Offset: 5}, 18, 23},
		{assessment.ClientFilter{Query: "zz", Limit: 10}, 0, 0},
		{assessment.ClientFilter{Limit: 50}, 24, 24},
	} {
		got, n, err := s.FindClients(ctx, tc.f)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != tc.page || n != tc.all {
			t.Errorf("%+v: %d clients of %d, want %d of %d", tc.f, len(got), n, tc.page, tc.all)
		}
	}
}

// The schedule of each client's latest issued programme, copied onto her
// row by migration 0006's triggers, always equals what the join it
// replaced reads, through issuing, superseding, editing and deleting.
func TestDueService_ProgrammeCopyFollowsEdits(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	ps := sqlite.NewProgrammeService(db)
	rs := sqlite.NewRecordService(db)
	check := func(step string) {
		t.Helper()
		rows, err := rawDB(t, db.Path).Query(`
			SELECT c.id, c.programme_start IS s.start_date AND c.programme_phases IS s.phases
			FROM clients AS c
			LEFT JOIN programme_schedules AS s ON s.programme_id =
				(SELECT max(p.id) FROM programmes AS p WHERE p.client_id = c.id AND p.status = 'issued')`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var same bool
			if err := rows.Scan(&id, &same); err != nil {
				t.Fatal(err)
			}
			if !same {
				t.Errorf("%s: client %d's copy of her programme schedule is out of date", step, id)
			}
		}
	}
	ana, bea := mustClient(t, db, "Ana"), mustClient(t, db, "Bea")
	r1 := mustRecord(t, db, ana.ID, today.AddDays(-40))
	r2 := mustRecord(t, db, ana.ID, today.AddDays(-20))
	rb := mustRecord(t, db, bea.ID, today.AddDays(-30))
	check("assessed")

	p1 := sampleProgramme(r1.ID)
	p1.Status = assessment.StatusIssued
	if err := ps.CreateProgramme(ctx, p1); err != nil {
		t.Fatal(err)
	}
	check("issued at creation")
	draft := sampleProgramme(r2.ID)
	if err := ps.CreateProgramme(ctx, draft); err != nil {
		t.Fatal(err)
	}
	check("a draft")
	draft.Status = assessment.StatusIssued
	draft.Weeks[0].Start = today.AddDays(-17)
	draft.Phases = append(draft.Phases, assessment.Phase{Name: assessment.PhaseStrength, FirstWeek: 3, LastWeek: 4})
	if err := ps.UpdateProgramme(ctx, draft); err != nil {
		t.Fatal(err)
	}
	check("draft issued with a new start and phases")
	pb := sampleProgramme(rb.ID)
	pb.Status = assessment.StatusIssued
	if err := ps.CreateProgramme(ctx, pb); err != nil {
		t.Fatal(err)
	}
	if _, err := rawDB(t, db.Path).Exec(`UPDATE programmes SET status = 'superseded' WHERE id = ?`, draft.ID); err != nil {
		t.Fatal(err)
	}
	check("latest superseded")
	if err := ps.DeleteProgramme(ctx, p1.ID); err != nil {
		t.Fatal(err)
	}
	check("programme deleted")
	if err := rs.DeleteRecord(ctx, rb.ID); err != nil {
		t.Fatal(err)
	}
	check("assessment (and its programme) deleted")
}

// A client's assessment list without decoding: the same figures Interpret
// gives, kept after the first look, and worked out again when the
// assessment changes or another build of Keel stored them.
func TestRecordService_FindRecordSummaries(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	rs := sqlite.NewRecordService(db)
	c := mustClient(t, db, "Ana")
	other := mustClient(t, db, "Bea")
	mustRecord(t, db, other.ID, today)
	var recs []*assessment.Record
	for k := range 3 {
		recs = append(recs, mustRecord(t, db, c.ID, today.AddDays(-28*(2-k))))
	}
	recs[1].Kind = assessment.KindReassessment
	recs[1].RedFlags = &assessment.RedFlags{} // answered: nothing to refer
	if err := rs.UpdateRecord(ctx, recs[1]); err != nil {
		t.Fatal(err)
	}
	want := func() []assessment.RecordSummary {
		full, err := rs.FindRecords(ctx, assessment.RecordFilter{ClientID: c.ID})
		if err != nil {
			t.Fatal(err)
		}
		out := []assessment.RecordSummary{}
		for _, r := range full {
			out = append(out, assessment.Summarize(r))
		}
		return out
	}
	stored := func() int {
		var n int
		if err := rawDB(t, db.Path).QueryRow(`SELECT count(*) FROM assessment_summaries WHERE client_id = ?`, c.ID).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	check := func(step string) {
		t.Helper()
		got, err := rs.FindRecordSummaries(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if w := want(); !reflect.DeepEqual(got, w) {
			t.Fatalf("%s: summaries\n%+v\nwant\n%+v", step, got, w)
		}
	}

	if stored() != 0 {
		t.Fatal("summaries stored before anyone looked")
	}
	check("first look")
	if stored() != 3 {
		t.Fatalf("%d summaries kept, want 3", stored())
	}
	check("second look, from the kept summaries")

	// An edit drops the kept summary; the next look works it out again.
	recs[2].RedFlags = &assessment.RedFlags{NightPain: assessment.TriYes}
	if err := rs.UpdateRecord(ctx, recs[2]); err != nil {
		t.Fatal(err)
	}
	if stored() != 2 {
		t.Fatalf("after an edit %d summaries kept, want 2", stored())
	}
	check("after an edit")

	// Summaries another build of Keel stored are not trusted.
	if _, err := rawDB(t, db.Path).Exec(`UPDATE assessment_summaries SET rules = 'older keel', findings = 99, referral = 1`); err != nil {
		t.Fatal(err)
	}
	check("after an upgrade")

	t.Run("NoRecords", func(t *testing.T) {
		got, err := rs.FindRecordSummaries(ctx, mustClient(t, db, "Cleo").ID)
		if err != nil || got == nil || len(got) != 0 {
			t.Fatalf("got %v, %v; want an empty list", got, err)
		}
	})
	t.Run("Deleted", func(t *testing.T) {
		if err := rs.DeleteRecord(ctx, recs[0].ID); err != nil {
			t.Fatal(err)
		}
		if stored() != 2 {
			t.Fatalf("after a delete %d summaries kept, want 2", stored())
		}
		check("after a delete")
	})
}

// The searches and the due list read their indexes only (a client's row
// only for the page shown): the plans the figures in docs/PERFORMANCE.md
// rest on.
func TestQueryPlans(t *testing.T) {
	db := MustOpenDB(t)
	raw := rawDB(t, db.Path)
	for _, tc := range []struct{ query, want string }{
		{`SELECT count(*) FROM clients WHERE archived = 0 AND instr(search_key, 'a') > 0`,
			"SEARCH clients USING COVERING INDEX clients_list (archived=?)"},
		{`SELECT count(*) FROM clients WHERE instr(search_key, 'a') > 0`,
			"SCAN clients USING COVERING INDEX clients_list_all"},
		{`SELECT id, name FROM clients WHERE archived = 0 AND instr(search_key, 'a') > 0 ORDER BY sort_key, id LIMIT 50`,
			"SEARCH clients USING INDEX clients_list (archived=?)"},
		{`SELECT id, name FROM clients WHERE instr(search_key, 'a') > 0 ORDER BY sort_key, id LIMIT 50`,
			"SCAN clients USING INDEX clients_list_all"},
		{`SELECT count(*), group_concat(id || name || last_assessment || ifnull(programme_start, '') || ifnull(programme_phases, ''), '')
			FROM clients WHERE archived = 0 AND last_assessment BETWEEN '2026-01-01' AND '2026-02-01'`,
			"SEARCH clients USING COVERING INDEX clients_due (archived=? AND last_assessment>? AND last_assessment<?)"},
	} {
		plan := queryPlan(t, raw, tc.query)
		if len(plan) != 1 || plan[0] != tc.want {
			t.Errorf("plan of\n%s\n= %q\nwant %q", tc.query, plan, tc.want)
		}
	}
}

func queryPlan(t *testing.T, raw *sql.DB, query string) []string {
	t.Helper()
	rows, err := raw.Query(`EXPLAIN QUERY PLAN ` + query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		out = append(out, detail)
	}
	return out
}

// Searches run on an in-memory copy of the search keys; every change to
// the list, made through this handle or another one on the same file (a
// second Keel window, `keel import`), shows in the next search.
func TestClientService_SearchFollowsChanges(t *testing.T) {
	ctx := context.Background()
	a := MustOpenDB(t)
	b := mustOpenAt(t, a.Path)
	search := func(step, query string, want ...string) {
		t.Helper()
		got, n, err := sqlite.NewClientService(a).FindClients(ctx, assessment.ClientFilter{Query: query, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if g := names(got); n != len(want) || !reflect.DeepEqual(g, want) && len(want) > 0 {
			t.Fatalf("%s: FindClients(%q) = %q (%d), want %q", step, query, g, n, want)
		}
	}
	mustClient(t, a, "Ana Berg")
	search("first", "ana", "Ana Berg")

	other := sqlite.NewClientService(b)
	c := newClient("Anaïs Durand")
	if err := other.CreateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	search("added elsewhere", "ana", "Ana Berg", "Anaïs Durand")
	c.Name = "Zoë Durand"
	if err := other.UpdateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	search("renamed elsewhere", "ana", "Ana Berg")
	search("renamed elsewhere", "zoe", "Zoë Durand")
	if err := other.SetArchived(ctx, c.ID, true); err != nil {
		t.Fatal(err)
	}
	search("archived elsewhere", "durand")
	if err := other.SetArchived(ctx, c.ID, false); err != nil {
		t.Fatal(err)
	}
	search("restored elsewhere", "durand", "Zoë Durand")
	if err := other.DeleteClient(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	search("deleted elsewhere", "durand")
	search("deleted elsewhere", "", "Ana Berg")
}
