package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// newDB makes a database holding the named clients and returns its path.
func newDB(t *testing.T, names ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "keel.db")
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, n := range names {
		if err := sqlite.NewClientService(db).CreateClient(context.Background(), &assessment.Client{Name: n}); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func namesIn(t *testing.T, path string) []string {
	t.Helper()
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer db.Close()
	cs, _, err := sqlite.NewClientService(db).FindClients(context.Background(), assessment.ClientFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

// keel runs a subcommand and returns its exit code and output.
func keel(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func fileHashOf(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestBackupRestoreCommands(t *testing.T) {
	db := newDB(t, "Ana")
	out := filepath.Join(t.TempDir(), "usb", "monday.db")
	if err := os.Mkdir(filepath.Dir(out), 0o700); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := keel("backup", "-db", db, "--out", out)
	if code != 0 {
		t.Fatalf("backup exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, out) {
		t.Errorf("backup output %q does not name the file", stdout)
	}
	if err := sqlite.CheckBackup(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
			t.Errorf("backup mode %o", fi.Mode().Perm())
		}
		if fi, _ := os.Stat(filepath.Dir(out)); fi.Mode().Perm() != 0o700 {
			t.Errorf("backup folder mode %o", fi.Mode().Perm())
		}
	}

	// A client added after the backup; restoring takes her away, and the
	// database as it was is kept.
	h, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := sqlite.NewClientService(h).CreateClient(context.Background(), &assessment.Client{Name: "Bea"}); err != nil {
		t.Fatal(err)
	}
	h.Close()
	code, stdout, stderr = keel("restore", "-db", db, out)
	if code != 0 {
		t.Fatalf("restore exit %d: %s", code, stderr)
	}
	if got := namesIn(t, db); !slices.Equal(got, []string{"Ana"}) {
		t.Fatalf("after restore: %q", got)
	}
	i := strings.Index(stdout, "kept in ")
	if i < 0 {
		t.Fatalf("restore output %q does not say where the old database is", stdout)
	}
	kept := strings.TrimSpace(stdout[i+len("kept in "):])
	if got := namesIn(t, kept); !slices.Equal(got, []string{"Ana", "Bea"}) {
		t.Fatalf("kept copy holds %q", got)
	}

	t.Run("ErrBadBackup", func(t *testing.T) {
		junk := filepath.Join(t.TempDir(), "junk.db")
		if err := os.WriteFile(junk, []byte("not a backup"), 0o600); err != nil {
			t.Fatal(err)
		}
		before := fileHashOf(t, db)
		code, _, stderr := keel("restore", "-db", db, junk)
		if code != 1 || !strings.Contains(stderr, junk) || !strings.Contains(stderr, "not a Keel backup") {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
		if fileHashOf(t, db) != before {
			t.Fatal("a refused restore changed the database")
		}
	})
	t.Run("ErrUsage", func(t *testing.T) {
		if code, _, _ := keel("backup", "-db", db); code != 2 {
			t.Errorf("backup without --out: exit %d", code)
		}
		if code, _, _ := keel("restore", "-db", db); code != 2 {
			t.Errorf("restore without a file: exit %d", code)
		}
	})
}

func TestExportImportCommands(t *testing.T) {
	src := newDB(t, "Ana Sousa", "Zoë Ó")
	file := filepath.Join(t.TempDir(), "moving", "clients.json")
	if err := os.Mkdir(filepath.Dir(file), 0o700); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := keel("export", "-db", src, "--out", file)
	if code != 0 {
		t.Fatalf("export exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "Exported 2 clients") {
		t.Errorf("export output %q", stdout)
	}
	if runtime.GOOS != "windows" {
		if fi, _ := os.Stat(file); fi.Mode().Perm() != 0o600 {
			t.Errorf("export file mode %o", fi.Mode().Perm())
		}
		if fi, _ := os.Stat(filepath.Dir(file)); fi.Mode().Perm() != 0o700 {
			t.Errorf("export folder mode %o", fi.Mode().Perm())
		}
	}

	dst := newDB(t, "Ana Sousa") // already has one of them
	code, stdout, stderr = keel("import", "-db", dst, "--dry-run", file)
	if code != 0 || !strings.Contains(stdout, "1 new to Keel, 1 already in Keel") {
		t.Fatalf("dry run: exit %d, %q %q", code, stdout, stderr)
	}
	if got := namesIn(t, dst); len(got) != 1 {
		t.Fatalf("a dry run stored clients: %q", got)
	}
	code, stdout, stderr = keel("import", "-db", dst, file)
	if code != 0 {
		t.Fatalf("import exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "1 new client") || !strings.Contains(stdout, "skipped  Ana Sousa") {
		t.Errorf("import output %q", stdout)
	}
	if got := namesIn(t, dst); !slices.Equal(got, []string{"Ana Sousa", "Zoë Ó"}) {
		t.Fatalf("after import: %q", got)
	}
	code, stdout, _ = keel("import", "-db", dst, "--on-conflict", "replace", file)
	if code != 0 || !strings.Contains(stdout, "backed up to") {
		t.Fatalf("replace: exit %d, %q (want a safety backup first)", code, stdout)
	}
	code, _, _ = keel("import", "-db", dst, "--on-conflict", "keep-both", file)
	if got := namesIn(t, dst); code != 0 || len(got) != 4 {
		t.Fatalf("keep-both: exit %d, %q", code, got)
	}

	t.Run("OneClientToStdout", func(t *testing.T) {
		code, stdout, stderr := keel("export", "-db", src, "--client", "1", "--out", "-")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		e, err := assessment.ParseExport([]byte(stdout), assessment.DateOf(time.Now()))
		if err != nil {
			t.Fatal(err)
		}
		if len(e.Clients) != 1 || e.Clients[0].Name != "Ana Sousa" {
			t.Fatalf("exported %d clients", len(e.Clients))
		}
	})
	t.Run("ErrClientNotFound", func(t *testing.T) {
		code, _, stderr := keel("export", "-db", src, "--client", "99", "--out", filepath.Join(t.TempDir(), "x.json"))
		if code != 1 || stderr == "" {
			t.Fatalf("exit %d, %q", code, stderr)
		}
	})
	t.Run("ErrBadFile", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "bad.json")
		if err := os.WriteFile(bad, []byte(`{"format": "keel.export/1", "clients": [{"id": 1, "name": "", "nick": "x"}]}`), 0o600); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := keel("import", "-db", dst, bad)
		if code != 1 || !strings.Contains(stderr, "clients[0].nick") {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
	})
	t.Run("ErrPolicy", func(t *testing.T) {
		if code, _, stderr := keel("import", "-db", dst, "--on-conflict", "merge", file); code != 2 || !strings.Contains(stderr, "keep-both") {
			t.Fatalf("exit %d, %q", code, stderr)
		}
	})
	t.Run("ErrMissingFile", func(t *testing.T) {
		missing := filepath.Join(t.TempDir(), "nope.json")
		if code, _, stderr := keel("import", "-db", dst, missing); code != 1 || !strings.Contains(stderr, missing) {
			t.Fatalf("exit %d, %q", code, stderr)
		}
	})
}

// timeOf is noon on a day, local time.
func timeOf(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.Local) }

// breakFile overwrites a database with something Keel must refuse.
func breakFile(t *testing.T, path string, with []byte) {
	t.Helper()
	for _, side := range []string{"-wal", "-shm"} {
		os.Remove(path + side)
	}
	if err := os.WriteFile(path, with, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestStartupActions(t *testing.T) {
	ctx := context.Background()

	t.Run("RestoreLatest", func(t *testing.T) {
		path := newDB(t, "Ana")
		db, err := sqlite.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.AutoBackup(ctx, timeOf(2026, 3, 1)); err != nil {
			t.Fatal(err)
		}
		db.Close()
		broken := []byte("the disk ate it")
		breakFile(t, path, broken)
		_, openErr := sqlite.Open(path)
		if openErr == nil {
			t.Fatal("opened a broken file")
		}

		var got *sqlite.DB
		var notice string
		act := startupActions(path, func(db *sqlite.DB, n string) { got, notice = db, n })
		if act.LatestBackup == "" || act.LatestBackupDate.String() != "2026-03-01" {
			t.Fatalf("latest backup %q %s", act.LatestBackup, act.LatestBackupDate)
		}
		if err := act.RestoreLatest(); err != nil {
			t.Fatal(err)
		}
		if got == nil {
			t.Fatal("the main window was not opened")
		}
		defer got.Close()
		cs, _, err := sqlite.NewClientService(got).FindClients(ctx, assessment.ClientFilter{})
		if err != nil || len(cs) != 1 || cs[0].Name != "Ana" {
			t.Fatalf("restored clients %v, %v", cs, err)
		}
		i := strings.Index(notice, "kept, unchanged, as ")
		if i < 0 {
			t.Fatalf("notice %q does not say where the broken file went", notice)
		}
		kept := strings.TrimSuffix(notice[i+len("kept, unchanged, as "):], ".")
		if b, err := os.ReadFile(kept); err != nil || !bytes.Equal(b, broken) {
			t.Fatalf("broken file not kept as it was: %q, %v", b, err)
		}
	})

	t.Run("NoBackup", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "keel.db")
		breakFile(t, path, []byte("x"))
		act := startupActions(path, func(*sqlite.DB, string) { t.Fatal("opened") })
		if act.LatestBackup != "" || act.RestoreLatest != nil {
			t.Fatal("offers a backup that does not exist")
		}
	})

	t.Run("OpenOther", func(t *testing.T) {
		broken := filepath.Join(t.TempDir(), "keel.db")
		breakFile(t, broken, []byte("x"))
		other := newDB(t, "Cleo")
		var got *sqlite.DB
		act := startupActions(broken, func(db *sqlite.DB, _ string) { got = db })
		junk := filepath.Join(t.TempDir(), "junk.db")
		breakFile(t, junk, []byte("junk"))
		if err := act.OpenOther(junk); err == nil || !strings.Contains(assessment.ErrorMessage(err), junk) {
			t.Fatalf("opening junk: %v", err)
		}
		if err := act.OpenOther(other); err != nil {
			t.Fatal(err)
		}
		if got == nil || got.Path != other {
			t.Fatal("the other file was not opened")
		}
		got.Close()
	})

	// A file cut in half passes the header check and fails inside SQLite;
	// the window says it is damaged rather than "could not read".
	t.Run("ExplainTruncated", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "keel.db")
		db, err := sqlite.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		for range 300 {
			if err := sqlite.NewClientService(db).CreateClient(ctx, &assessment.Client{Name: "A client with a name long enough to fill pages"}); err != nil {
				t.Fatal(err)
			}
		}
		db.Close()
		b, _ := os.ReadFile(path)
		breakFile(t, path, b[:len(b)/2])
		_, err = sqlite.Open(path)
		if err == nil {
			t.Skip("this SQLite opened the half file; nothing to explain")
		}
		msg := assessment.ErrorMessage(explainOpen(path, err))
		if !strings.Contains(msg, "damaged") || !strings.Contains(msg, path) {
			t.Fatalf("message %q", msg)
		}
	})
}

func TestRestoreInPlace(t *testing.T) {
	ctx := context.Background()
	path := newDB(t, "Ana")
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	h := &dbHolder{db: db}
	defer h.close()
	backup := filepath.Join(t.TempDir(), "b.db")
	if err := db.BackupTo(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if err := sqlite.NewClientService(db).CreateClient(ctx, &assessment.Client{Name: "Bea"}); err != nil {
		t.Fatal(err)
	}

	t.Run("ErrBadBackup", func(t *testing.T) {
		junk := filepath.Join(t.TempDir(), "junk.db")
		breakFile(t, junk, []byte("junk"))
		svc, _, err := restoreInPlace(ctx, h, junk)
		if err == nil || svc.Clients != nil {
			t.Fatalf("restored junk: %v", err)
		}
		// The window's database is still open and whole.
		if _, n, err := sqlite.NewClientService(h.get()).FindClients(ctx, assessment.ClientFilter{}); err != nil || n != 2 {
			t.Fatalf("after a refused restore: %d clients, %v", n, err)
		}
	})

	svc, kept, err := restoreInPlace(ctx, h, backup)
	if err != nil {
		t.Fatal(err)
	}
	if kept == "" || svc.Data == nil {
		t.Fatalf("kept %q, data actions %v", kept, svc.Data)
	}
	if _, n, err := svc.Clients.FindClients(ctx, assessment.ClientFilter{}); err != nil || n != 1 {
		t.Fatalf("after restore the window sees %d clients, %v", n, err)
	}
	if h.get() == db {
		t.Fatal("the holder still has the closed database")
	}
}

// The example export printed in docs/DATA.md must be a file Keel imports.
func TestDataDocExample(t *testing.T) {
	doc, err := os.ReadFile("../../docs/DATA.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "### The export file: `keel.export/1`")
	if !ok {
		t.Fatal("DATA.md lacks the export file section")
	}
	_, rest, ok = strings.Cut(rest, "```json\n")
	block, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("DATA.md has no JSON example in the export section")
	}
	// Checked as of a day long after the example was written: the file's
	// own export day is then the one that counts (Export.ValidationDay).
	later := assessment.NewDate(2100, 1, 1)
	e, err := assessment.ParseExport([]byte(block), later)
	if err != nil {
		t.Fatalf("the DATA.md example is not a valid export: %v", err)
	}
	out, err := assessment.MarshalExport(e)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != block {
		t.Error("the DATA.md example is not in the form Keel writes (indentation, key order)")
	}
	path := newDB(t)
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.Now = func() time.Time { return later.Time() }
	sum, err := sqlite.NewTransferService(db, nil).ImportClients(context.Background(), e, assessment.ImportOptions{})
	if err != nil || sum.Count(assessment.ImportAdded) != 1 || sum.SessionLogs != 1 {
		t.Fatalf("importing the example: %v, %+v", err, sum)
	}
}
