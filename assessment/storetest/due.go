package storetest

import (
	"slices"
	"testing"

	"github.com/keel-coach/keel/assessment"
)

// testDue: the due list's inputs follow every change that can move them,
// read after read on the same store (a store that keeps its last inputs
// must notice each of these): a client assessed in the window appears, a
// rename shows, an archived client goes, a restored one comes back.
func testDue(t *testing.T, open func(t *testing.T) Stores) {
	t.Run("FollowsChanges", func(t *testing.T) {
		s := open(t)
		if s.Due == nil {
			t.Skip("this store has no due list")
		}
		ins := func() []assessment.DueInput {
			t.Helper()
			in, err := s.Due.FindDueInputs(ctx, s.Today)
			if err != nil {
				t.Fatal(err)
			}
			return in
		}
		has := func(in []assessment.DueInput, id int64, name string) bool {
			return slices.ContainsFunc(in, func(x assessment.DueInput) bool { return x.ClientID == id && (name == "" || x.Name == name) })
		}
		c := mustClient(t, s, "Ana Lima")
		if in := ins(); has(in, c.ID, "") {
			t.Fatal("a client with no assessment is listed")
		}
		mustRecord(t, s, c, s.Today.AddDays(-30), false)
		if !has(ins(), c.ID, "Ana Lima") {
			t.Fatal("a client assessed 30 days ago is not in the due inputs")
		}
		c.Name = "Ana Lima Souza"
		if err := s.Clients.UpdateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
		if !has(ins(), c.ID, "Ana Lima Souza") {
			t.Fatal("the rename does not show in the due inputs")
		}
		if err := s.Clients.SetArchived(ctx, c.ID, true); err != nil {
			t.Fatal(err)
		}
		if has(ins(), c.ID, "") {
			t.Fatal("an archived client is still in the due inputs")
		}
		if err := s.Clients.SetArchived(ctx, c.ID, false); err != nil {
			t.Fatal(err)
		}
		if !has(ins(), c.ID, "") {
			t.Fatal("a restored client is not back in the due inputs")
		}
	})
}
