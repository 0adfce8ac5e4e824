package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment/sqlite"
)

// The kill and race tests run the built keel binary as the coach would, in
// processes of its own. In `go test` they run a few rounds; for the full
// runs of issue 12 set the counts:
//
//	KEEL_KILL_ROUNDS=200 KEEL_RACE_ROUNDS=30 go test ./cmd/keel -run 'TestKill|TestRace' -count=1 -v
//
// (docs/DATA.md records the figures.)
const (
	envKillRounds = "KEEL_KILL_ROUNDS"
	envRaceRounds = "KEEL_RACE_ROUNDS"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// keelBinary builds cmd/keel once per test run and returns its path.
func keelBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "keel-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "keel")
		if runtime.GOOS == "windows" {
			binPath += ".exe"
		}
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		_ = os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

func rounds(env string, short int) int {
	if n, err := strconv.Atoi(os.Getenv(env)); err == nil && n > 0 {
		return n
	}
	return short
}

// assessmentFile writes docs/examples/full.json with the client's name set.
func assessmentFile(t *testing.T, dir, name string) string {
	t.Helper()
	src, err := os.ReadFile("../../docs/examples/full.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(src, &m); err != nil {
		t.Fatal(err)
	}
	m["client"].(map[string]any)["name"] = name
	b, _ := json.Marshal(m)
	p := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".json")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// runKeel runs the binary to the end.
func runKeel(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.Command(keelBinary(t), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("keel %q: %v\n%s", args, err, out)
	}
	return string(out)
}

// dbFacts are the invariants checked after every kill.
type dbFacts struct {
	clients, orphans, dupNames int
	integrity                  string
}

func factsOf(t *testing.T, path string) dbFacts {
	t.Helper()
	raw, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var f dbFacts
	q := func(query string, dst any) {
		if err := raw.QueryRow(query).Scan(dst); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
	}
	q(`PRAGMA integrity_check`, &f.integrity)
	q(`SELECT count(*) FROM clients`, &f.clients)
	q(`SELECT count(*) FROM clients WHERE id NOT IN (SELECT client_id FROM assessments)`, &f.orphans)
	q(`SELECT count(*) FROM (SELECT name FROM clients GROUP BY name HAVING count(*) > 1)`, &f.dupNames)
	return f
}

// leftovers lists temporary files and journals beside the database and in
// its backup folder.
func leftovers(t *testing.T, path string) []string {
	t.Helper()
	var out []string
	for _, dir := range []string{filepath.Dir(path), sqlite.BackupDir(path)} {
		es, _ := os.ReadDir(dir)
		for _, e := range es {
			n := e.Name()
			if strings.HasSuffix(n, ".tmp") || strings.Contains(n, ".tmp-") || strings.HasSuffix(n, "-journal") {
				out = append(out, filepath.Join(filepath.Base(dir), n))
			}
		}
	}
	return out
}

// TestKill kills keel at random moments during assessment import, import,
// restore and backup (in turn), and checks after each kill: the database
// opens, SQLite's integrity check is ok, no client is without her
// assessment, no name was made twice, and once Keel has started again
// nothing it left half-written remains, beside the database or in backups/.
func TestKill(t *testing.T) {
	if testing.Short() {
		t.Skip("runs processes")
	}
	bin := keelBinary(t)
	want := rounds(envKillRounds, 12) // kills
	dir := t.TempDir()
	path := filepath.Join(dir, "keel.db")
	files := t.TempDir()
	for i := range 6 {
		runKeel(t, "assessment", "import", "-db", path, assessmentFile(t, files, fmt.Sprintf("Base Client %d", i)))
	}
	export := filepath.Join(files, "export.json")
	runKeel(t, "export", "-db", path, "--out", export)
	backup := filepath.Join(files, "backup.db")
	runKeel(t, "backup", "-db", path, "--out", backup)
	out := filepath.Join(files, "out.db")

	ops := []string{"assessment import", "import", "restore", "backup"}
	killed := map[string]int{}
	finished := map[string]int{}
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 12))
	// How long each command takes when it is not killed, learnt as the
	// test goes (the disk's speed varies): kills land anywhere in it.
	took := map[string]time.Duration{}
	for _, op := range ops {
		took[op] = 100 * time.Millisecond
	}
	total, i := 0, 0
	for ; total < want && i < 4*want; i++ {
		op := ops[i%len(ops)]
		var args []string
		switch op {
		case "assessment import":
			args = []string{"assessment", "import", "-db", path, assessmentFile(t, files, fmt.Sprintf("Kill Round %d", i))}
		case "import":
			args = []string{"import", "-db", path, "--on-conflict", "replace", export}
		case "restore":
			args = []string{"restore", "-db", path, backup}
		case "backup":
			args = []string{"backup", "-db", path, "--out", out, "--force"}
		}
		cmd := exec.Command(bin, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("round %d %s ended on its own with %v: %s", i, op, err, stderr.String())
			}
			finished[op]++
			took[op] = (3*took[op] + time.Since(start)) / 4
		case <-time.After(time.Duration(rng.Int64N(int64(took[op])))):
			_ = cmd.Process.Kill()
			if err := <-done; err == nil {
				finished[op]++
				took[op] = (3*took[op] + time.Since(start)) / 4
			} else {
				killed[op]++
				total++
			}
		}

		// Keel starts again (the sweep runs at every open).
		db, err := sqlite.Open(path)
		if err != nil {
			t.Fatalf("round %d, after killing %s: the database does not open: %v", i, op, err)
		}
		db.Close()
		f := factsOf(t, path)
		if f.integrity != "ok" || f.orphans != 0 || f.dupNames != 0 || f.clients < 6 {
			t.Fatalf("round %d, after killing %s: %+v", i, op, f)
		}
		if l := leftovers(t, path); len(l) > 0 {
			t.Fatalf("round %d, after killing %s and starting again: left %q", i, op, l)
		}
		// A backup to a folder of the coach's cleans up after itself the
		// next time it writes the same file.
		if op == "backup" {
			runKeel(t, "backup", "-db", path, "--out", out, "--force")
			if l := leftovers(t, out); len(l) > 0 {
				t.Fatalf("round %d: beside the backup file, after the next backup: %q", i, l)
			}
		}
	}
	if total < want {
		t.Fatalf("only %d kills in %d rounds; want %d", total, i, want)
	}
	t.Logf("%d rounds: killed %v (%d in all), finished before the kill %v", i, killed, total, finished)
}

// TestRace runs 8 assessment imports of the same new client at once, round
// after round: each round must make exactly one client, holding all 8
// assessments.
func TestRace(t *testing.T) {
	if testing.Short() {
		t.Skip("runs processes")
	}
	bin := keelBinary(t)
	n := rounds(envRaceRounds, 3)
	const procs = 8
	path := filepath.Join(t.TempDir(), "keel.db")
	files := t.TempDir()
	runKeel(t, "assessment", "import", "-db", path, assessmentFile(t, files, "First Client"))
	for i := range n {
		name := fmt.Sprintf("Race Round %d", i)
		file := assessmentFile(t, files, name)
		var wg sync.WaitGroup
		errs := make(chan string, procs)
		for range procs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if out, err := exec.Command(bin, "assessment", "import", "-db", path, file).CombinedOutput(); err != nil {
					errs <- fmt.Sprintf("%v: %s", err, out)
				}
			}()
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Fatalf("round %d: an import failed: %s", i, e)
		}
		raw, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&_busy_timeout=5000")
		if err != nil {
			t.Fatal(err)
		}
		var clients, records int
		err = raw.QueryRow(`SELECT count(*), (SELECT count(*) FROM assessments a JOIN clients c ON c.id = a.client_id WHERE c.name = ?) FROM clients WHERE name = ?`, name, name).Scan(&clients, &records)
		raw.Close()
		if err != nil {
			t.Fatal(err)
		}
		if clients != 1 || records != procs {
			t.Fatalf("round %d: %d clients named %q with %d assessments; want 1 with %d", i, clients, name, records, procs)
		}
	}
	t.Logf("%d rounds of %d simultaneous imports: one client each", n, procs)
}

// envSmallFS names a folder on a small file system the test may fill
// (e.g. a 300 KB tmpfs: mount -t tmpfs -o size=300k tmpfs DIR). With it
// set, TestFullDisk runs.
const envSmallFS = "KEEL_TEST_SMALL_FS"

// TestFullDisk fills a real disk and checks a backup onto it and a save
// into a database on it: one message naming the file, and nothing left
// behind (issue 12 found a -journal left by a backup on a full disk).
func TestFullDisk(t *testing.T) {
	dir := os.Getenv(envSmallFS)
	if dir == "" {
		t.Skip("set " + envSmallFS + " to a folder on a small file system")
	}
	bin := keelBinary(t)
	files := t.TempDir()
	src := filepath.Join(files, "keel.db")
	for i := range 8 {
		runKeel(t, "assessment", "import", "-db", src, assessmentFile(t, files, fmt.Sprintf("Client %d", i)))
	}
	work := filepath.Join(dir, "keel-full-disk-test")
	if err := os.MkdirAll(work, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(work) })
	db := filepath.Join(work, "keel.db")
	b, _ := os.ReadFile(src)
	if err := os.WriteFile(db, b, 0o600); err != nil {
		t.Skipf("the small file system cannot hold the test database: %v", err)
	}
	// Fill the disk.
	fill, err := os.Create(filepath.Join(work, "fill"))
	if err != nil {
		t.Fatal(err)
	}
	chunk := make([]byte, 4096)
	for {
		if _, err := fill.Write(chunk); err != nil {
			break
		}
	}
	fill.Close()

	for _, args := range [][]string{
		{"backup", "-db", src, "--out", filepath.Join(work, "backup.db")},
		{"assessment", "import", "-db", db, assessmentFile(t, files, "One More")},
	} {
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err == nil {
			t.Fatalf("keel %s on a full disk succeeded: %s", args[0], out)
		}
		if !strings.Contains(string(out), "is full. Free some space and try again") || !strings.Contains(string(out), work) {
			t.Errorf("keel %s: %q; want the one full-disk message naming the file", args[0], out)
		}
	}
	es, _ := os.ReadDir(work)
	for _, e := range es {
		switch n := e.Name(); n {
		case "keel.db", "fill", "keel.db-wal", "keel.db-shm":
		default:
			t.Errorf("left on the full disk: %s", n)
		}
	}
	// Space again: the database saves and is whole.
	os.Remove(filepath.Join(work, "fill"))
	runKeel(t, "assessment", "import", "-db", db, assessmentFile(t, files, "One More"))
	if f := factsOf(t, db); f.integrity != "ok" || f.clients != 9 {
		t.Fatalf("after freeing space: %+v", f)
	}
}
