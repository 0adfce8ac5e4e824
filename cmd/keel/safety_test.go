package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// Tests of issue 12 ("nothing lost, nothing left behind") that run keel as
// the coach does: on real files, and where processes matter (kills, races,
// another SQLite), as real processes of the built binary (proc_test.go).

// Point 1: no writer writes over the database, its -wal or -shm, however
// the path is spelt; --force does not change that.
func TestWritersRefuseDatabase(t *testing.T) {
	path, clientID := demoDB(t, "Gosia")
	dir := filepath.Dir(path)
	recID := firstRecordID(t, path, clientID)
	if err := os.Symlink(path, filepath.Join(dir, "link.db")); err != nil && runtime.GOOS != "windows" {
		t.Fatal(err)
	}
	if err := os.Link(path, filepath.Join(dir, "hard.db")); err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	rel, err := filepath.Rel(wd, path)
	if err != nil {
		rel = path
	}
	targets := []string{path, path + "-wal", path + "-shm", rel, filepath.Join(dir, ".", "keel.db"), filepath.Join(dir, "hard.db")}
	if runtime.GOOS != "windows" {
		targets = append(targets, filepath.Join(dir, "link.db"))
	}
	writers := map[string]func(out string) []string{
		"export": func(o string) []string { return []string{"export", "-db", path, "--out", o, "--force"} },
		"assessment export": func(o string) []string {
			return []string{"assessment", "export", "-db", path, "-id", itoa64(recID), "-out", o, "--force"}
		},
		"handout": func(o string) []string {
			return []string{"handout", "-db", path, "-client", itoa64(clientID), "-out", o, "--force"}
		},
		"progress --csv": func(o string) []string {
			return []string{"progress", "-db", path, "-client", itoa64(clientID), "--csv", o, "--force"}
		},
		"backup":          func(o string) []string { return []string{"backup", "-db", path, "--out", o, "--force"} },
		"library --sheet": func(o string) []string { return []string{"library", "--sheet", o, "-db", path, "--force"} },
	}
	before := fileHashOf(t, path)
	names := namesIn(t, path)
	for name, args := range writers {
		for _, target := range targets {
			code, _, stderr := keel(args(target)...)
			if code == 0 {
				t.Errorf("%s --out %s: exit 0; want a refusal", name, target)
			}
			if !strings.Contains(stderr, "Keel will not write to") || !strings.Contains(stderr, "Keel's database") && !strings.Contains(stderr, path) {
				t.Errorf("%s --out %s: stderr %q; want the refusal naming the file", name, target, stderr)
			}
		}
	}
	if fileHashOf(t, path) != before {
		t.Fatal("the database changed")
	}
	if got := namesIn(t, path); !slices.Equal(got, names) {
		t.Fatalf("clients after: %q, want %q", got, names)
	}
}

// Point 10: one rule for every writer: a missing folder is refused with its
// name (not created), an existing file needs --force.
func TestOutputRule(t *testing.T) {
	path, clientID := demoDB(t, "Gosia")
	recID := firstRecordID(t, path, clientID)
	writers := map[string]func(out string) []string{
		"export": func(o string) []string { return []string{"export", "-db", path, "--out", o} },
		"assessment export": func(o string) []string {
			return []string{"assessment", "export", "-db", path, "-id", itoa64(recID), "-out", o}
		},
		"handout": func(o string) []string {
			return []string{"handout", "-db", path, "-client", itoa64(clientID), "-out", o}
		},
		"progress --csv": func(o string) []string {
			return []string{"progress", "-db", path, "-client", itoa64(clientID), "--csv", o}
		},
		"backup": func(o string) []string { return []string{"backup", "-db", path, "--out", o} },
	}
	for name, args := range writers {
		t.Run(strings.ReplaceAll(name, " ", "_"), func(t *testing.T) {
			missing := filepath.Join(t.TempDir(), "no such folder", "out.file")
			code, _, stderr := keel(args(missing)...)
			if code != 1 || !strings.Contains(stderr, "The folder "+filepath.Dir(missing)+" does not exist") {
				t.Errorf("missing folder: exit %d, stderr %q", code, stderr)
			}
			if _, err := os.Stat(filepath.Dir(missing)); !os.IsNotExist(err) {
				t.Errorf("the folder was created (%v)", err)
			}
			existing := filepath.Join(t.TempDir(), "out.file")
			if err := os.WriteFile(existing, []byte("the coach's file"), 0o600); err != nil {
				t.Fatal(err)
			}
			code, _, stderr = keel(args(existing)...)
			if code != 1 || !strings.Contains(stderr, existing+" already exists") || !strings.Contains(stderr, "--force") {
				t.Errorf("existing file: exit %d, stderr %q", code, stderr)
			}
			if b, _ := os.ReadFile(existing); string(b) != "the coach's file" {
				t.Error("the existing file was changed without --force")
			}
			if code, _, stderr := keel(append(args(existing), "--force")...); code != 0 {
				t.Errorf("with --force: exit %d, %s", code, stderr)
			}
		})
	}
}

// Point 8: commands that only read or write out never create a database;
// those that may say so.
func TestReadCommandsCreateNothing(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "kee", "keel.db")
	out := filepath.Join(dir, "out")
	for _, args := range [][]string{
		{"export", "-db", typo, "--out", out},
		{"assessment", "export", "-db", typo, "-id", "1", "-out", out},
		{"handout", "-db", typo, "-client", "1", "-out", out + ".pdf"},
		{"progress", "-db", typo, "-client", "1"},
		{"backup", "-db", typo, "--out", out},
	} {
		code, stdout, stderr := keel(args...)
		if code != 1 || !strings.Contains(stderr, assessment.ErrorMessage(sqlite.MissingError(typo))) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want the missing database named", args[0], code, stdout, stderr)
		}
		if _, err := os.Stat(filepath.Dir(typo)); !os.IsNotExist(err) {
			t.Fatalf("%s created the folder %s", args[0], filepath.Dir(typo))
		}
	}
	// keel import may start a database, and says so.
	exp := filepath.Join(dir, "clients.json")
	if code, _, stderr := keel("export", "-db", newDB(t, "Ana"), "--out", exp); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, _ := keel("import", "-db", typo, "--dry-run", exp); code != 1 {
		t.Errorf("a dry run into a missing database: exit %d; want 1", code)
	}
	if _, err := os.Stat(filepath.Dir(typo)); !os.IsNotExist(err) {
		t.Fatal("a dry run created the folder")
	}
	code, stdout, stderr := keel("import", "-db", typo, exp)
	if code != 0 || !strings.Contains(stdout, "Created a new database at "+typo) {
		t.Fatalf("import into a new file: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if code, stdout, _ := keel("import", "-db", typo, exp); code != 0 || strings.Contains(stdout, "Created") {
		t.Fatalf("second import: exit %d, stdout %q", code, stdout)
	}
}

// Point 8: a damaged file gives the same words on the command line as in
// the window's start-up check.
func TestDamagedMessageSameEverywhere(t *testing.T) {
	path := newDB(t, "Ana")
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 300 {
		if err := sqlite.NewClientService(db).CreateClient(ctx(), &assessment.Client{Name: fmt.Sprintf("Client with a longish name %d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	b, _ := os.ReadFile(path)
	if err := os.WriteFile(path, b[:len(b)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	want := assessment.ErrorMessage(sqlite.DamagedError(path, nil))
	_, _, stderr := keel("export", "-db", path, "--out", filepath.Join(t.TempDir(), "x.json"))
	if !strings.Contains(stderr, want) {
		t.Errorf("CLI: %q\nwant %q", stderr, want)
	}
	_, gerr := sqlite.Open(path)
	if got := assessment.ErrorMessage(explainOpen(path, gerr)); got != want {
		t.Errorf("window: %q\nwant %q", got, want)
	}
}

// Point 9: names need a letter and no direction controls; duplicate keys
// are refused with the key named; a byte-order mark is accepted.
func TestAssessmentImportInputEdges(t *testing.T) {
	src, err := os.ReadFile("../../docs/examples/full.json")
	if err != nil {
		t.Fatal(err)
	}
	withName := func(name string) []byte {
		var m map[string]any
		if err := json.Unmarshal(src, &m); err != nil {
			t.Fatal(err)
		}
		m["client"].(map[string]any)["name"] = name
		b, _ := json.Marshal(m)
		return b
	}
	tests := []struct {
		name   string
		file   []byte
		ok     bool
		stderr string
	}{
		{"ZeroWidthName", withName("\u200b"), false, "at least one letter"},
		{"BidiOverride", withName("Ana \u202eaosuoS"), false, "direction of the text"},
		{"DuplicateKey", bytes.Replace(src, []byte(`"coach": "Sam Rivera",`), []byte(`"coach": "Sam Rivera", "coach": "Someone Else",`), 1), false, "coach: This key appears twice"},
		{"DuplicateNestedKey", bytes.Replace(src, []byte(`"births": 2,`), []byte(`"births": 2, "births": 3,`), 1), false, "client.births: This key appears twice"},
		{"ByteOrderMark", append([]byte("\xef\xbb\xbf"), src...), true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "keel.db")
			file := filepath.Join(t.TempDir(), "a.json")
			if err := os.WriteFile(file, tt.file, 0o600); err != nil {
				t.Fatal(err)
			}
			code, _, stderr := keel("assessment", "import", "-db", db, file)
			if (code == 0) != tt.ok || !strings.Contains(stderr, tt.stderr) {
				t.Fatalf("exit %d, stderr %q; want ok=%v and %q", code, stderr, tt.ok, tt.stderr)
			}
		})
	}
}

// Point 5: the demo database opens in the sqlite3 of Debian 12 (3.40):
// integrity_check, .tables and a query on every table.
func TestSQLite3CLIReadsDemoDatabase(t *testing.T) {
	cli, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Skip("sqlite3 is not installed (.ci/deps test installs it)")
	}
	path, _ := demoDB(t, "Gosia")
	sq := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(cli, append([]string{path}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("sqlite3 %q: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	if v := sq("select sqlite_version()"); v == "" {
		t.Fatal("no version")
	} else {
		t.Logf("sqlite3 %s", v)
	}
	if got := sq("PRAGMA integrity_check"); got != "ok" {
		t.Fatalf("integrity_check = %q", got)
	}
	tables := strings.Fields(sq(".tables"))
	for _, want := range []string{"clients", "assessments", "programmes", "programme_schedules", "session_logs", "custom_exercises", "settings", "exports", "schema_migrations"} {
		if !slices.Contains(tables, want) {
			t.Errorf(".tables lacks %s: %q", want, tables)
		}
	}
	for _, tbl := range tables {
		sq("SELECT count(*) FROM " + tbl)
		sq("SELECT * FROM " + tbl + " LIMIT 3")
	}
	if got := sq("SELECT count(*) FROM programme_schedules WHERE phases LIKE '%,%,%'"); got == "0" {
		t.Error("no programme schedule with phases was read")
	}
	// And the database still opens in Keel after another SQLite had it.
	if _, err := sqlite.Open(path); err != nil {
		t.Fatal(err)
	}
}

func firstRecordID(t *testing.T, path string, clientID int64) int64 {
	t.Helper()
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	recs, err := sqlite.NewRecordService(db).FindRecords(context.Background(), assessment.RecordFilter{ClientID: clientID})
	if err != nil || len(recs) == 0 {
		t.Fatalf("records: %d (%v)", len(recs), err)
	}
	return recs[0].ID
}

// Point 8, in the window: its first run on a new file says where the
// database was created.
func TestWindowSaysNewDatabase(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "keel.db")
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	h := &dbHolder{}
	defer h.close()
	u := runWindow(a, h, db, "")
	found := false
	for _, o := range u.Window().Canvas().Overlays().List() {
		for _, l := range test.LaidOutObjects(o) {
			if lbl, ok := l.(*widget.Label); ok && strings.Contains(lbl.Text, "Created a new database at "+path) {
				found = true
			}
		}
	}
	if !found {
		t.Fatal("the window does not say a new database was created")
	}
}
