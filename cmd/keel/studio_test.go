package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/postgres/pgtest"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// unreachable is a studio address where nothing listens (port 9 of
// loopback), with a password that must never be shown.
const unreachable = "postgres://sam:pw-never-shown@127.0.0.1:9/studio?sslmode=disable"

// Starting the window on a studio server that is away says so, naming the
// server (no password) and what to do, offers to try again, and opens no
// local file in its place.
func TestStartupUnreachableStudio(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	t.Setenv("KEEL_DB", "")
	a := test.NewApp()
	defer a.Quit()
	var shown error
	defer func(f func(fyne.App, error, func() error)) { showStudioError = f }(showStudioError)
	showStudioError = func(_ fyne.App, err error, tryAgain func() error) {
		shown = err
		if err := tryAgain(); err == nil {
			t.Error("trying again opened a server that is not there")
		}
	}
	var stderr bytes.Buffer
	if code := runStudioGUI(a, unreachable, &stderr); code != 1 {
		t.Fatalf("exit code %d; want 1", code)
	}
	if shown == nil {
		t.Fatal("no start-up window")
	}
	for _, msg := range []string{stderr.String(), assessment.ErrorMessage(shown)} {
		if !strings.Contains(msg, "127.0.0.1:9") || !strings.Contains(msg, "that the server is running") || !strings.Contains(msg, "opened nothing in its place") {
			t.Errorf("message %q does not name the server and what to do", msg)
		}
		if strings.Contains(msg, "pw-never-shown") {
			t.Errorf("the password is shown: %q", msg)
		}
	}
	if strings.Contains(shown.Error(), "pw-never-shown") {
		t.Errorf("the password is in the logged cause: %v", shown)
	}
	var files []string
	_ = filepath.Walk(home, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if len(files) > 0 {
		t.Errorf("files were created in place of the studio database: %v", files)
	}
}

// A command that works on a Keel file refuses a studio address instead of
// taking it for a file name (which would create an empty local file).
func TestFileCommandsRefuseStudioAddress(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, args := range [][]string{
		{"demo", "-db", unreachable},
		{"clients", "-db", unreachable},
		{"backup", "-db", unreachable, "--out", "copy.db"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code == 0 {
			t.Errorf("%v: exit code 0", args)
		}
		if msg := stderr.String(); !strings.Contains(msg, "studio database on a server") || strings.Contains(msg, "pw-never-shown") {
			t.Errorf("%v: %q", args, msg)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("files created: %v", entries)
	}
}

// On a reachable studio database the window's services record the coach
// named by KEEL_COACH as the author of what she saves.
func TestStudioServicesRecordTheCoach(t *testing.T) {
	u := pgtest.NewDatabase(t)
	t.Setenv(envCoach, "Priya")
	db, err := openStudio(t.Context(), u, "ignored")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := newStudioServices(db)
	c := &assessment.Client{Name: "Ana Lima", Births: 1, LastDelivery: assessment.DateOf(db.Now()).AddDays(-100)}
	if err := s.clients.CreateClient(t.Context(), c); err != nil {
		t.Fatal(err)
	}
	got, err := s.clients.FindClientByID(t.Context(), c.ID)
	if err != nil || got.CreatedBy != "Priya" {
		t.Fatalf("created by %q, %v", got.CreatedBy, err)
	}
	if !strings.Contains(s.where, "as Priya") || strings.Contains(s.where, "postgres://") {
		t.Errorf("window names the database as %q", s.where)
	}
	if checkStudioAddress("postgres://sam:pw@db/keel") == nil || checkStudioAddress("/home/sam/keel.db") == nil || checkStudioAddress("postgres://sam@db/keel") != nil {
		t.Error("checkStudioAddress")
	}
}

// Clients move from a coach's file into the studio and back with keel
// export and keel import: the file exported from the studio holds the
// same clients, assessments, programme versions and session logs, byte for
// byte apart from the export time and the times' digits past the
// microsecond (PostgreSQL keeps microseconds).
var stamp = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z`)

func TestExportImportBetweenFileAndStudio(t *testing.T) {
	u := pgtest.NewDatabase(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "keel.db")
	runOK := func(args ...string) string {
		t.Helper()
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 0 {
			t.Fatalf("keel %v: %d\n%s%s", args, code, stdout.String(), stderr.String())
		}
		if strings.Contains(stdout.String()+stderr.String(), "keel_test_") && strings.Contains(stdout.String(), "postgres://") {
			t.Errorf("keel %v names the address: %s", args, stdout.String())
		}
		return stdout.String()
	}
	runOK("demo", "-db", file)
	fromFile := filepath.Join(dir, "from-file.json")
	runOK("export", "-db", file, "--out", fromFile)
	out := runOK("import", "-db", u, fromFile)
	if !strings.Contains(out, "added") {
		t.Errorf("import said %q", out)
	}
	again := runOK("import", "-db", u, fromFile)
	if !strings.Contains(again, "skipped") {
		t.Errorf("second import said %q; want her skipped", again)
	}
	fromStudio := filepath.Join(dir, "from-studio.json")
	runOK("export", "-db", u, "--out", fromStudio)
	a, _ := os.ReadFile(fromFile)
	b, _ := os.ReadFile(fromStudio)
	strip := func(s []byte) string {
		var keep []string
		for _, l := range strings.Split(string(s), "\n") {
			if !strings.Contains(l, `"exported_at"`) {
				keep = append(keep, l)
			}
		}
		return stamp.ReplaceAllStringFunc(strings.Join(keep, "\n"), func(m string) string {
			ts, err := time.Parse(time.RFC3339Nano, m)
			if err != nil {
				return m
			}
			return ts.Truncate(time.Microsecond).Format("2006-01-02T15:04:05.000000Z07:00")
		})
	}
	if strip(a) != strip(b) {
		t.Errorf("the studio's export differs from the file's (%d and %d bytes)", len(a), len(b))
	}
	back := filepath.Join(dir, "back.db")
	runOK("import", "-db", back, fromStudio)
}

// On a coach's own file too, what she saves records her name: KEEL_COACH
// here (else the name in the settings, else the profile's).
func TestFileRecordsTheCoach(t *testing.T) {
	t.Setenv(envCoach, "Sam")
	file := filepath.Join(t.TempDir(), "keel.db")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"demo", "-db", file}, &stdout, &stderr); code != 0 {
		t.Fatalf("keel demo: %d %s", code, stderr.String())
	}
	db, err := sqlite.OpenExisting(file)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	list, _, err := sqlite.NewClientService(db).FindClients(t.Context(), assessment.ClientFilter{Limit: 1})
	if err != nil || len(list) != 1 {
		t.Fatal(list, err)
	}
	if list[0].CreatedBy != "Sam" {
		t.Fatalf("created by %q", list[0].CreatedBy)
	}
}
