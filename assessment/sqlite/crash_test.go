package sqlite_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// The crash and two-process tests run this test binary again as a child
// process (the os/exec test-helper pattern): with helperEnv set, the child
// runs only TestHelperSaver, which saves in a loop and prints one line per
// committed save. What the child printed is what it was told was saved.
const (
	helperEnv     = "KEEL_TEST_SAVER_DB"    // the database the child writes to
	helperSaves   = "KEEL_TEST_SAVER_SAVES" // how many saves; 0 means until killed
	helperTag     = "KEEL_TEST_SAVER_TAG"   // names the child in client names
	helperGo      = "KEEL_TEST_SAVER_GO"    // if set, a file to wait for before saving
	readyLine     = "ready"
	committedLine = "saved" // "saved CLIENT RECORD"
)

// crashRounds is how many times the crash test kills the child (the
// issue's figure). (H)
const crashRounds = 50

// TestHelperSaver is the child process, not a test of its own: it is
// skipped unless a parent test started it.
func TestHelperSaver(t *testing.T) {
	path := os.Getenv(helperEnv)
	if path == "" {
		t.Skip("helper process for the crash and two-process tests")
	}
	n, _ := strconv.Atoi(os.Getenv(helperSaves))
	tag := os.Getenv(helperTag)
	ctx := context.Background()
	db, err := sqlite.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		os.Exit(3)
	}
	clients, records := sqlite.NewClientService(db), sqlite.NewRecordService(db)
	fmt.Fprintln(os.Stdout, readyLine)
	gate := os.Getenv(helperGo)
	if gate != "" {
		// Wait for the parent's go, so two children save at the same time.
		for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			if _, err := os.Stat(gate); err == nil {
				break
			}
		}
	}
	for i := 0; n == 0 || i < n; i++ {
		c := newClient(fmt.Sprintf("Saver %s %d", tag, i))
		if err := clients.CreateClient(ctx, c); err != nil {
			fmt.Fprintln(os.Stderr, "client:", err)
			os.Exit(4)
		}
		r := sampleRecord(c.ID, today)
		if err := records.CreateRecord(ctx, r); err != nil {
			fmt.Fprintln(os.Stderr, "record:", err)
			os.Exit(5)
		}
		// Only now, both transactions committed, does the child say so.
		fmt.Fprintf(os.Stdout, "%s %d %d\n", committedLine, c.ID, r.ID)
		if gate != "" {
			// A breath between saves, as between a coach's clicks: without
			// it one process re-takes SQLite's write lock before the other's
			// busy handler wakes, and the two simply run in turn.
			time.Sleep(time.Millisecond)
		}
	}
	if err := db.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "close:", err)
		os.Exit(6)
	}
	os.Exit(0) // skip the testing package's own output
}

// saver is a running child process.
type saver struct {
	cmd   *exec.Cmd
	out   *bufio.Reader
	saved chan [2]int64 // committed (client, record) ids, as printed
	ready chan struct{}
	done  chan struct{} // closed when stdout is drained
}

func startSaver(t *testing.T, path string, saves int, tag, gate string) *saver {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperSaver$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperEnv+"="+path, helperSaves+"="+strconv.Itoa(saves), helperTag+"="+tag, helperGo+"="+gate)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &saver{cmd: cmd, out: bufio.NewReader(stdout), saved: make(chan [2]int64, 1<<16),
		ready: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		readyOnce := false
		for {
			// A line counts only when its newline arrived: a line cut by
			// the kill was never fully reported.
			line, err := s.out.ReadString('\n')
			if err != nil {
				if err != io.EOF {
					t.Errorf("reading the child: %v", err)
				}
				return
			}
			line = strings.TrimSpace(line)
			switch {
			case line == readyLine && !readyOnce:
				readyOnce = true
				close(s.ready)
			case strings.HasPrefix(line, committedLine+" "):
				var c, r int64
				if _, err := fmt.Sscanf(line, committedLine+" %d %d", &c, &r); err != nil {
					t.Errorf("child printed %q", line)
					continue
				}
				s.saved <- [2]int64{c, r}
			}
		}
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = s.wait()
		if t.Failed() && stderr.Len() > 0 {
			t.Logf("child stderr: %s", stderr.String())
		}
	})
	return s
}

// wait waits for the child to end. Its output is read to the end first:
// exec closes the pipe once Wait returns.
func (s *saver) wait() error {
	<-s.done
	if s.cmd.ProcessState != nil {
		return nil // already waited for
	}
	return s.cmd.Wait()
}

// collect drains what the child reported after its output ended.
func (s *saver) collect() [][2]int64 {
	<-s.done
	var out [][2]int64
	for {
		select {
		case v := <-s.saved:
			out = append(out, v)
		default:
			return out
		}
	}
}

// checkSaved opens the database as Keel would at the next start and checks
// SQLite's integrity and that every reported save is there.
func checkSaved(t *testing.T, path string, saved [][2]int64) {
	t.Helper()
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatalf("Keel cannot open the database after the crash: %v", err)
	}
	defer db.Close()
	var res string
	if err := rawDB(t, path).QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil {
		t.Fatal(err)
	}
	if res != "ok" {
		t.Fatalf("integrity_check = %q", res)
	}
	ctx := context.Background()
	clients, records := sqlite.NewClientService(db), sqlite.NewRecordService(db)
	for _, s := range saved {
		if _, err := clients.FindClientByID(ctx, s[0]); err != nil {
			t.Fatalf("client %d was reported saved but is gone: %v", s[0], err)
		}
		r, err := records.FindRecordByID(ctx, s[1])
		if err != nil {
			t.Fatalf("assessment %d was reported saved but is gone: %v", s[1], err)
		}
		if r.ClientID != s[0] || r.Pain == nil || *r.Pain.Now != 3 {
			t.Fatalf("assessment %d came back different: %+v", s[1], r)
		}
	}
}

// TestCrashSafety kills a saving Keel (SIGKILL: no chance to clean up) at
// random moments, 50 times over one database: sometimes before it has
// opened the file, mostly in the middle of saving. After each kill the
// database must open, pass SQLite's integrity check, and hold every save
// the child reported as committed.
func TestCrashSafety(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is Unix")
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, seed>>1))
	path := filepath.Join(t.TempDir(), "keel.db")
	var all [][2]int64
	killedMidSave := 0
	for round := range crashRounds {
		s := startSaver(t, path, 0, strconv.Itoa(round), "")
		if rng.IntN(5) == 0 {
			// Early: while the child starts, opens or migrates the file.
			time.Sleep(time.Duration(rng.IntN(15)) * time.Millisecond)
		} else {
			select {
			case <-s.ready:
			case <-time.After(30 * time.Second):
				t.Fatal("the child did not open the database within 30 s")
			}
			// Long enough for the first save even under the race detector
			// (an open that had to empty the log makes that save slower);
			// the child saves in a loop, so a later kill still lands mid-save.
			time.Sleep(time.Duration(1+rng.IntN(60)) * time.Millisecond)
		}
		if err := s.cmd.Process.Kill(); err != nil { // SIGKILL on Unix
			t.Fatal(err)
		}
		_ = s.wait()
		saved := s.collect()
		if len(saved) > 0 {
			killedMidSave++
		}
		all = append(all, saved...)
		checkSaved(t, path, saved) // the integrity check covers the rest
		if t.Failed() {
			t.Fatalf("round %d", round)
		}
	}
	checkSaved(t, path, all) // no later round lost an earlier save
	t.Logf("%d kills, %d of them after saves had begun; %d saves reported and all present", crashRounds, killedMidSave, len(all))
	if killedMidSave < crashRounds/2 {
		t.Errorf("only %d of %d kills came after saves had begun; the test is not hitting saves", killedMidSave, crashRounds)
	}
}

// TestTwoProcesses runs two Keels on one database at once (two windows
// the coach opened by mistake), each saving clients with assessments.
// Keel lets both work: writes queue on SQLite's lock (immediate
// transactions, busy timeout), so no save fails, none is lost, and the
// file stays sound.
func TestTwoProcesses(t *testing.T) {
	const saves = 150 // per process (H): enough to interleave many times
	path := filepath.Join(t.TempDir(), "keel.db")
	mustOpenAt(t, path).Close() // created and migrated, as by the first window
	gate := filepath.Join(t.TempDir(), "go")
	a := startSaver(t, path, saves, "A", gate)
	b := startSaver(t, path, saves, "B", gate)
	for _, s := range []*saver{a, b} {
		select {
		case <-s.ready:
		case <-time.After(30 * time.Second):
			t.Fatal("a child did not open the database within 30 s")
		}
	}
	if err := os.WriteFile(gate, nil, 0o600); err != nil { // both start saving now
		t.Fatal(err)
	}
	for _, s := range []*saver{a, b} {
		if err := s.wait(); err != nil {
			t.Fatalf("a Keel process failed: %v", err)
		}
	}
	sa, sb := a.collect(), b.collect()
	if len(sa) != saves || len(sb) != saves {
		t.Fatalf("saves reported: %d and %d, want %d each", len(sa), len(sb), saves)
	}
	checkSaved(t, path, append(sa, sb...))
	db := mustOpenAt(t, path)
	_, total, err := sqlite.NewClientService(db).FindClients(context.Background(), assessment.ClientFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	if total != 2*saves {
		t.Fatalf("%d clients stored, want %d", total, 2*saves)
	}
	// The two really wrote at the same time: their ids interleave.
	if maxID(sa) < minID(sb) || maxID(sb) < minID(sa) {
		t.Errorf("the processes did not overlap (A %d–%d, B %d–%d), so the test proved nothing",
			minID(sa), maxID(sa), minID(sb), maxID(sb))
	}
	t.Logf("%d saves each, interleaved: A's clients %d–%d, B's %d–%d", saves, minID(sa), maxID(sa), minID(sb), maxID(sb))
}

func minID(s [][2]int64) int64 {
	m := s[0][0]
	for _, v := range s {
		m = min(m, v[0])
	}
	return m
}

func maxID(s [][2]int64) int64 {
	m := s[0][0]
	for _, v := range s {
		m = max(m, v[0])
	}
	return m
}
