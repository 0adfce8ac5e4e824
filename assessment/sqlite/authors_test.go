package sqlite_test

import (
	"context"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// Two Keel windows on one file, as two coaches (migration 0009): each
// save records who made it, and a save made on a copy the other has saved
// since is refused naming her, leaving her save in place.
func TestAuthorsAndRevisions(t *testing.T) {
	ctx := context.Background()
	priya := MustOpenDB(t)
	priya.Coach = "Priya"
	sam, err := sqlite.Open(priya.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer sam.Close()
	sam.Coach = "Sam"

	c := &assessment.Client{Name: "Ana Lima", Births: 1, LastDelivery: today.AddDays(-140)}
	if err := sqlite.NewClientService(priya).CreateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	pc, _ := sqlite.NewClientService(priya).FindClientByID(ctx, c.ID)
	sc, _ := sqlite.NewClientService(sam).FindClientByID(ctx, c.ID)
	if pc.CreatedBy != "Priya" || pc.Revision != 1 {
		t.Fatalf("read back: by %q revision %d", pc.CreatedBy, pc.Revision)
	}
	pc.Phone = "0400 111 222"
	if err := sqlite.NewClientService(priya).UpdateClient(ctx, pc); err != nil {
		t.Fatal(err)
	}
	sc.Notes = "Prefers mornings."
	err = sqlite.NewClientService(sam).UpdateClient(ctx, sc)
	if assessment.ConflictReason(err) != assessment.ReasonChanged || !strings.Contains(assessment.ErrorMessage(err), "Priya saved this client") {
		t.Fatalf("Sam's stale save: %v", err)
	}
	got, _ := sqlite.NewClientService(sam).FindClientByID(ctx, c.ID)
	if got.Phone != "0400 111 222" || got.Notes != "" || got.ChangedBy != "Priya" || got.Revision != 2 {
		t.Fatalf("after the refusal: %+v", got)
	}

	r := assessment.NewIntake(c, today, "Priya")
	if err := sqlite.NewRecordService(priya).CreateRecord(ctx, r); err != nil {
		t.Fatal(err)
	}
	rs, _ := sqlite.NewRecordService(sam).FindRecordByID(ctx, r.ID)
	r.Notes = "Priya's note"
	if err := sqlite.NewRecordService(priya).UpdateRecord(ctx, r); err != nil {
		t.Fatal(err)
	}
	if r.Revision != 2 || r.ChangedBy != "Priya" {
		t.Fatalf("after saving: revision %d by %q", r.Revision, r.ChangedBy)
	}
	// The same copy saves again: it carries the new revision.
	r.Notes = "Priya's second note"
	if err := sqlite.NewRecordService(priya).UpdateRecord(ctx, r); err != nil {
		t.Fatal(err)
	}
	rs.Notes = "Sam's note"
	if err := sqlite.NewRecordService(sam).UpdateRecord(ctx, rs); assessment.ConflictReason(err) != assessment.ReasonChanged {
		t.Fatalf("Sam's stale assessment save: %v", err)
	}
	stored, _ := sqlite.NewRecordService(sam).FindRecordByID(ctx, r.ID)
	if stored.Notes != "Priya's second note" || stored.CreatedBy != "Priya" {
		t.Fatalf("stored %q by %q", stored.Notes, stored.CreatedBy)
	}
}
