package postgres_test

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/postgres"
	"github.com/keel-coach/keel/assessment/postgres/pgtest"
)

func newClient(t *testing.T, db *postgres.DB, name string) *assessment.Client {
	t.Helper()
	c := &assessment.Client{Name: name, Births: 1, LastDelivery: today.AddDays(-7 * 20)}
	if err := postgres.NewClientService(db).CreateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	return c
}

// Two coaches, each with her own connections, open one client; Priya
// saves first. Sam's save, made on the copy she opened, is refused with
// who changed the client and when, and nothing of Priya's is lost. After
// a reload Sam's change goes in on top of Priya's.
func TestTwoCoachesEditOneClient(t *testing.T) {
	u := pgtest.NewDatabase(t)
	priya, sam := mustOpenURL(t, u, "Priya"), mustOpenURL(t, u, "Sam")
	c := newClient(t, priya, "Ana Lima")

	pc, err := postgres.NewClientService(priya).FindClientByID(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := postgres.NewClientService(sam).FindClientByID(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	pc.Phone = "0400 111 222"
	if err := postgres.NewClientService(priya).UpdateClient(ctx, pc); err != nil {
		t.Fatal(err)
	}
	sc.Notes = "Prefers mornings."
	err = postgres.NewClientService(sam).UpdateClient(ctx, sc)
	if got := assessment.ConflictReason(err); got != assessment.ReasonChanged {
		t.Fatalf("Sam's save on a stale copy: %v (reason %q); want refused as changed", err, got)
	}
	if msg := assessment.ErrorMessage(err); !strings.Contains(msg, "Priya saved this client") || !strings.Contains(msg, "10:00") {
		t.Errorf("message %q does not say who changed her and when", msg)
	}
	stored, err := postgres.NewClientService(sam).FindClientByID(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Phone != "0400 111 222" || stored.Notes != "" || stored.ChangedBy != "Priya" || stored.CreatedBy != "Priya" {
		t.Fatalf("stored after the refusal: phone %q notes %q by %q/%q", stored.Phone, stored.Notes, stored.CreatedBy, stored.ChangedBy)
	}
	stored.Notes = sc.Notes // the reload keeps her edit on screen
	if err := postgres.NewClientService(sam).UpdateClient(ctx, stored); err != nil {
		t.Fatal(err)
	}
	final, _ := postgres.NewClientService(priya).FindClientByID(ctx, c.ID)
	if final.Phone != "0400 111 222" || final.Notes != "Prefers mornings." || final.ChangedBy != "Sam" || final.Revision != 3 {
		t.Fatalf("final: %+v", final)
	}
}

// The same for an assessment, saved at the same moment by both coaches:
// exactly one save is made, the other is refused, and the stored
// assessment is the one that was made.
func TestTwoCoachesSaveOneAssessmentAtOnce(t *testing.T) {
	u := pgtest.NewDatabase(t)
	a, b := mustOpenURL(t, u, "Priya"), mustOpenURL(t, u, "Sam")
	c := newClient(t, a, "Ana Lima")
	r := assessment.NewIntake(c, today, "Priya")
	if err := postgres.NewRecordService(a).CreateRecord(ctx, r); err != nil {
		t.Fatal(err)
	}
	for round := range 5 {
		ra, err := postgres.NewRecordService(a).FindRecordByID(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		rb, err := postgres.NewRecordService(b).FindRecordByID(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		ra.Notes, rb.Notes = fmt.Sprintf("Priya %d", round), fmt.Sprintf("Sam %d", round)
		var wg sync.WaitGroup
		errs := make([]error, 2)
		wg.Add(2)
		go func() { defer wg.Done(); errs[0] = postgres.NewRecordService(a).UpdateRecord(ctx, ra) }()
		go func() { defer wg.Done(); errs[1] = postgres.NewRecordService(b).UpdateRecord(ctx, rb) }()
		wg.Wait()
		ok := 0
		var winner string
		for i, err := range errs {
			switch {
			case err == nil:
				ok++
				winner = []string{ra.Notes, rb.Notes}[i]
			case assessment.ConflictReason(err) != assessment.ReasonChanged:
				t.Fatalf("round %d: %v", round, err)
			}
		}
		if ok != 1 {
			t.Fatalf("round %d: %d saves made; want exactly 1 (%v)", round, ok, errs)
		}
		got, _ := postgres.NewRecordService(a).FindRecordByID(ctx, r.ID)
		if got.Notes != winner {
			t.Fatalf("round %d: stored %q; the save made was %q", round, got.Notes, winner)
		}
	}
}

// helperEnv makes the test binary act as a second Keel process (a second
// coach on another computer): it opens the database named by the
// environment as that coach and saves the client's phone.
const helperEnv = "KEEL_TEST_COACH_PROCESS"

func TestMain(m *testing.M) {
	if spec := os.Getenv(helperEnv); spec != "" {
		os.Exit(coachProcess(spec))
	}
	os.Exit(m.Run())
}

// coachProcess runs "url|coach|client id|revision|phone": it saves the
// phone on the copy of that revision and prints "saved" or the reason the
// save was refused.
func coachProcess(spec string) int {
	p := strings.SplitN(spec, "|", 5)
	db, err := postgres.Open(ctx, p[0])
	if err != nil {
		fmt.Println("open:", err)
		return 1
	}
	defer db.Close()
	db.Coach = p[1]
	id, _ := strconv.ParseInt(p[2], 10, 64)
	rev, _ := strconv.ParseInt(p[3], 10, 64)
	svc := postgres.NewClientService(db)
	c, err := svc.FindClientByID(ctx, id)
	if err != nil {
		fmt.Println("read:", err)
		return 1
	}
	c.Revision, c.Phone = rev, p[4]
	if err := svc.UpdateClient(ctx, c); err != nil {
		fmt.Println("refused:", assessment.ConflictReason(err), assessment.ErrorMessage(err))
		return 0
	}
	fmt.Println("saved")
	return 0
}

// Two Keel processes as two coaches edit one client, each from the copy
// she opened (revision 1): the first save is made, the second is refused
// naming the first coach, and the first coach's phone number stays.
func TestTwoCoachProcesses(t *testing.T) {
	u := pgtest.NewDatabase(t)
	db := mustOpenURL(t, u, "Admin")
	c := newClient(t, db, "Ana Lima")
	run := func(coach, phone string) string {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), helperEnv+"="+strings.Join([]string{u, coach, strconv.FormatInt(c.ID, 10), "1", phone}, "|"))
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s's process: %v\n%s", coach, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	if got := run("Priya", "0400 111 222"); got != "saved" {
		t.Fatalf("Priya's process: %s", got)
	}
	got := run("Sam", "0499 999 999")
	if !strings.HasPrefix(got, "refused: "+assessment.ReasonChanged+" Priya saved this client") {
		t.Fatalf("Sam's process: %s", got)
	}
	stored, err := postgres.NewClientService(db).FindClientByID(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Phone != "0400 111 222" || stored.ChangedBy != "Priya" {
		t.Fatalf("stored phone %q by %q; want Priya's", stored.Phone, stored.ChangedBy)
	}
}

// A coach's search sees the clients another coach adds, renames and
// archives as soon as they are saved (her Keel's copy of the search keys
// follows the studio's list), accents ignored.
func TestSearchSeesOtherCoachesChanges(t *testing.T) {
	u := pgtest.NewDatabase(t)
	priya, sam := mustOpenURL(t, u, "Priya"), mustOpenURL(t, u, "Sam")
	find := func(q string) []string {
		t.Helper()
		list, n, err := postgres.NewClientService(priya).FindClients(ctx, assessment.ClientFilter{Query: q, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, c := range list {
			names = append(names, c.Name)
		}
		if n != len(names) {
			t.Fatalf("count %d for %d listed", n, len(names))
		}
		return names
	}
	newClient(t, priya, "Anna Berg")
	if got := find("zoe"); len(got) != 0 {
		t.Fatalf("zoe before: %v", got)
	}
	c := newClient(t, sam, "Zoë Ólafsdóttir")
	if got := find("zoe olaf"); len(got) != 1 || got[0] != "Zoë Ólafsdóttir" {
		t.Fatalf("after Sam added her: %v", got)
	}
	c.Name = "Zoë Smith"
	if err := postgres.NewClientService(sam).UpdateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	if got := find("smith"); len(got) != 1 {
		t.Fatalf("after Sam renamed her: %v", got)
	}
	if err := postgres.NewClientService(sam).SetArchived(ctx, c.ID, true); err != nil {
		t.Fatal(err)
	}
	if got := find(""); len(got) != 1 || got[0] != "Anna Berg" {
		t.Fatalf("after Sam archived her: %v", got)
	}
}

// Four coaches add and change their own clients at the same moment. Every
// client change also changes the list's search token, so their saves
// meet on one row and the server refuses some to keep them serializable:
// each refused save is tried again from what the coach gave, so every save
// is made once, with the right revision, and none is reported as another
// coach's change.
func TestConcurrentSavesAreRetried(t *testing.T) {
	u := pgtest.NewDatabase(t)
	const coaches, saves = 4, 15
	var wg sync.WaitGroup
	errs := make(chan error, coaches*saves*2)
	ids := make([][]int64, coaches)
	for k := range coaches {
		db := mustOpenURL(t, u, fmt.Sprintf("Coach %d", k))
		wg.Add(1)
		go func() {
			defer wg.Done()
			svc := postgres.NewClientService(db)
			for i := range saves {
				c := &assessment.Client{Name: fmt.Sprintf("Client %d-%d", k, i), Births: 1, LastDelivery: today.AddDays(-100)}
				if err := svc.CreateClient(ctx, c); err != nil {
					errs <- err
					continue
				}
				c.Notes = "changed"
				if err := svc.UpdateClient(ctx, c); err != nil {
					errs <- err
					continue
				}
				if c.Revision != 2 {
					errs <- fmt.Errorf("client %d revision %d after one change", c.ID, c.Revision)
				}
				ids[k] = append(ids[k], c.ID)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	db := mustOpenURL(t, u, "Check")
	list, n, err := postgres.NewClientService(db).FindClients(ctx, assessment.ClientFilter{})
	if err != nil || n != coaches*saves {
		t.Fatalf("%d clients stored (%v); want %d", n, err, coaches*saves)
	}
	for _, c := range list {
		if c.Revision != 2 || c.Notes != "changed" {
			t.Errorf("%s: revision %d, notes %q", c.Name, c.Revision, c.Notes)
		}
	}
}

// TestDueListSeesOtherCoachesChanges: each Keel keeps its last due inputs
// while nothing has changed; another coach's new assessment shows in the
// next read.
func TestDueListSeesOtherCoachesChanges(t *testing.T) {
	u := pgtest.NewDatabase(t)
	priya, sam := mustOpenURL(t, u, "Priya"), mustOpenURL(t, u, "Sam")
	due := postgres.NewDueService(priya)
	read := func() []assessment.DueInput {
		t.Helper()
		in, err := due.FindDueInputs(ctx, today)
		if err != nil {
			t.Fatal(err)
		}
		return in
	}
	if n := len(read()); n != 0 {
		t.Fatalf("%d due inputs in an empty studio", n)
	}
	c := newClient(t, sam, "Ines Duarte")
	r := assessment.NewIntake(c, today.AddDays(-30), "Sam")
	n := assessment.TriNo
	r.RedFlags = &assessment.RedFlags{SaddleAnaesthesia: n, BladderBowelChange: n, ProgressiveNeuro: n, FeverUnwell: n, UnexplainedWeightLoss: n,
		CancerHistory: n, SignificantTrauma: n, NightPain: n, SteroidsOrOsteoporosis: n, AgeOnset: n}
	if err := postgres.NewRecordService(sam).CreateRecord(ctx, r); err != nil {
		t.Fatal(err)
	}
	if in := read(); len(in) != 1 || in[0].ClientID != c.ID {
		t.Fatalf("after Sam assessed her: %+v", in)
	}
	if err := postgres.NewClientService(sam).SetArchived(ctx, c.ID, true); err != nil {
		t.Fatal(err)
	}
	if in := read(); len(in) != 0 {
		t.Fatalf("after Sam archived her: %+v", in)
	}
}
