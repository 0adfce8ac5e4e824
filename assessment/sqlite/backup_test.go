package sqlite_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// clientNames opens the database at path on its own and lists its clients
// by name, archived ones included.
func clientNames(t *testing.T, path string) []string {
	t.Helper()
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	defer db.Close()
	cs, _, err := sqlite.NewClientService(db).FindClients(context.Background(), assessment.ClientFilter{IncludeArchived: true})
	if err != nil {
		t.Fatal(err)
	}
	return names(cs)
}

// integrityOK runs SQLite's own check on the file.
func integrityOK(t *testing.T, path string) {
	t.Helper()
	var res string
	if err := rawDB(t, path).QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil {
		t.Fatal(err)
	}
	if res != "ok" {
		t.Fatalf("integrity_check on %s = %q", path, res)
	}
}

// wantMessageNames fails unless the coach's message names the file.
func wantMessageNames(t *testing.T, err error, path string) {
	t.Helper()
	if msg := assessment.ErrorMessage(err); !strings.Contains(msg, path) {
		t.Errorf("message %q does not name %s", msg, path)
	}
}

func TestDB_BackupTo(t *testing.T) {
	ctx := context.Background()

	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		mustClient(t, db, "Ana")
		mustClient(t, db, "Zoë")
		dir := filepath.Join(t.TempDir(), "new folder")
		dest := filepath.Join(dir, "copy.db")
		// A missing folder is refused, naming it (a typing slip must not
		// plant client data in a new folder).
		err := db.BackupTo(ctx, dest)
		wantCode(t, err, assessment.EINVALID)
		wantMessageNames(t, err, dir)
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Fatalf("the missing folder was created: %v", err)
		}
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := db.BackupTo(ctx, dest); err != nil {
			t.Fatal(err)
		}
		if got, want := clientNames(t, dest), []string{"Ana", "Zoë"}; !slices.Equal(got, want) {
			t.Fatalf("backup holds %q, want %q", got, want)
		}
		if err := sqlite.CheckBackup(ctx, dest); err != nil {
			t.Fatalf("CheckBackup on a fresh backup: %v", err)
		}
		if runtime.GOOS != "windows" {
			checkMode(t, dest, 0o600)
			checkMode(t, dir, 0o700)
		}
		if got := dirNames(t, dir); !slices.Equal(got, []string{"copy.db", "copy.db-shm", "copy.db-wal"}) && !slices.Equal(got, []string{"copy.db"}) {
			t.Fatalf("folder holds %q: a temporary file was left behind", got)
		}
	})

	t.Run("ReplacesExisting", func(t *testing.T) {
		db := MustOpenDB(t)
		mustClient(t, db, "Ana")
		dest := filepath.Join(t.TempDir(), "copy.db")
		if err := os.WriteFile(dest, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := db.BackupTo(ctx, dest); err != nil {
			t.Fatal(err)
		}
		if got := clientNames(t, dest); !slices.Equal(got, []string{"Ana"}) {
			t.Fatalf("backup holds %q", got)
		}
		if runtime.GOOS != "windows" {
			checkMode(t, dest, 0o600) // the new file, not the old one's mode
		}
	})

	// A backup taken while saves go on holds a consistent state: every
	// client it has comes with her assessment (both are saved in separate
	// transactions, so a client without one is possible, but never an
	// assessment without its client), and SQLite's check passes.
	t.Run("DuringSaves", func(t *testing.T) {
		db := MustOpenDB(t)
		var wg sync.WaitGroup
		stop := make(chan struct{})
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				c := newClient(fmt.Sprintf("Client %d", i))
				if err := sqlite.NewClientService(db).CreateClient(ctx, c); err != nil {
					t.Error(err)
					return
				}
				if err := sqlite.NewRecordService(db).CreateRecord(ctx, sampleRecord(c.ID, today)); err != nil {
					t.Error(err)
					return
				}
			}
		}()
		dir := t.TempDir()
		for i := range 5 {
			dest := filepath.Join(dir, fmt.Sprintf("b%d.db", i))
			if err := db.BackupTo(ctx, dest); err != nil {
				t.Fatal(err)
			}
		}
		close(stop)
		wg.Wait()
		for i := range 5 {
			dest := filepath.Join(dir, fmt.Sprintf("b%d.db", i))
			integrityOK(t, dest)
			var orphans int
			if err := rawDB(t, dest).QueryRow(`SELECT count(*) FROM assessments WHERE client_id NOT IN (SELECT id FROM clients)`).Scan(&orphans); err != nil {
				t.Fatal(err)
			}
			if orphans != 0 {
				t.Fatalf("%s has %d assessments without their client", dest, orphans)
			}
		}
	})

	t.Run("ErrDestIsDatabase", func(t *testing.T) {
		db := MustOpenDB(t)
		before := fileHash(t, db.Path)
		err := db.BackupTo(ctx, db.Path)
		wantCode(t, err, assessment.EINVALID)
		if fileHash(t, db.Path) != before {
			t.Fatal("the database changed")
		}
	})

	t.Run("ErrDestIsFolder", func(t *testing.T) {
		db := MustOpenDB(t)
		dir := t.TempDir()
		err := db.BackupTo(ctx, dir)
		wantCode(t, err, assessment.EINVALID)
		wantMessageNames(t, err, dir)
	})

	t.Run("ErrFolderNotWritable", func(t *testing.T) {
		if runtime.GOOS == "windows" || os.Geteuid() == 0 {
			t.Skip("needs Unix permissions that apply to this user (not root)")
		}
		db := MustOpenDB(t)
		dir := t.TempDir()
		if err := os.Chmod(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		dest := filepath.Join(dir, "copy.db")
		err := db.BackupTo(ctx, dest)
		if err == nil {
			t.Fatal("backup into a read-only folder succeeded")
		}
		wantMessageNames(t, err, dir)
		if _, err := os.Stat(dest); err == nil {
			t.Fatal("a file was left behind")
		}
	})
}

// dayAt is noon on a day in 2026, local time, for backup clocks.
func dayAt(month time.Month, day int) time.Time {
	return time.Date(2026, month, day, 12, 0, 0, 0, time.Local)
}

func TestDB_AutoBackup(t *testing.T) {
	ctx := context.Background()

	t.Run("OncePerDay", func(t *testing.T) {
		db := MustOpenDB(t)
		mustClient(t, db, "Ana")
		path, made, err := db.AutoBackup(ctx, dayAt(3, 2))
		if err != nil {
			t.Fatal(err)
		}
		if !made {
			t.Fatal("first backup of the day not made")
		}
		if got, want := path, filepath.Join(filepath.Dir(db.Path), "backups", "keel-2026-03-02.db"); got != want {
			t.Fatalf("path = %s, want %s", got, want)
		}
		if runtime.GOOS != "windows" {
			checkMode(t, path, 0o600)
			checkMode(t, filepath.Dir(path), 0o700)
		}
		mustClient(t, db, "Bea")
		again, made, err := db.AutoBackup(ctx, dayAt(3, 2).Add(5*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if made || again != path {
			t.Fatalf("second backup the same day: made %v, path %s", made, again)
		}
		if got := clientNames(t, path); !slices.Equal(got, []string{"Ana"}) {
			t.Fatalf("the day's backup was overwritten: %q", got)
		}
		next, made, err := db.AutoBackup(ctx, dayAt(3, 3))
		if err != nil {
			t.Fatal(err)
		}
		if !made {
			t.Fatal("next day's backup not made")
		}
		if got := clientNames(t, next); !slices.Equal(got, []string{"Ana", "Bea"}) {
			t.Fatalf("next day's backup holds %q", got)
		}
	})

	// Keel is started on scattered days over two months; what stays is the
	// seven newest and the newest of each of the latest four ISO weeks.
	t.Run("Prune", func(t *testing.T) {
		db := MustOpenDB(t)
		dir := sqlite.BackupDir(db.Path)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		// Files that are not automatic backups of this database stay.
		others := []string{"notes.txt", "other-2026-01-05.db", "keel-before-restore-2026-01-05-101010.db", "keel-2026-1-5.db"}
		for _, n := range others {
			if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		days := []time.Time{
			dayAt(1, 5), dayAt(1, 7), // ISO week 2
			dayAt(1, 14), dayAt(1, 16), // week 3
			dayAt(1, 20),                          // week 4
			dayAt(1, 28),                          // week 5
			dayAt(2, 2), dayAt(2, 4), dayAt(2, 6), // week 6
			dayAt(2, 9), dayAt(2, 10), dayAt(2, 11), dayAt(2, 12), dayAt(2, 13), // week 7
		}
		for _, d := range days {
			if _, made, err := db.AutoBackup(ctx, d); err != nil || !made {
				t.Fatalf("AutoBackup(%s): made %v, %v", d.Format("2006-01-02"), made, err)
			}
		}
		list, err := sqlite.ListBackups(db.Path)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, b := range list {
			got = append(got, b.Date.String())
		}
		// Daily: 02-13 … 02-04 (seven). Weekly: 02-13 (w7), 02-06 (w6),
		// 01-28 (w5), 01-20 (w4). Weeks 2 and 3 are gone.
		want := []string{"2026-02-13", "2026-02-12", "2026-02-11", "2026-02-10", "2026-02-09", "2026-02-06", "2026-02-04", "2026-01-28", "2026-01-20"}
		if !slices.Equal(got, want) {
			t.Fatalf("kept backups\n got %q\nwant %q", got, want)
		}
		for _, n := range others {
			if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
				t.Errorf("pruning removed %s, which is not an automatic backup", n)
			}
		}
	})
}

func TestListBackups(t *testing.T) {
	t.Run("NoFolder", func(t *testing.T) {
		list, err := sqlite.ListBackups(filepath.Join(t.TempDir(), "keel.db"))
		if err != nil || len(list) != 0 {
			t.Fatalf("ListBackups = %v, %v; want none", list, err)
		}
	})
	t.Run("NewestFirst", func(t *testing.T) {
		dbPath := filepath.Join(t.TempDir(), "clients.sqlite")
		dir := sqlite.BackupDir(dbPath)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		for _, n := range []string{"clients-2026-01-02.db", "clients-2026-03-01.db", "clients-2025-12-31.db", "keel-2026-04-01.db", "clients-2026-02-30.db"} {
			if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		list, err := sqlite.ListBackups(dbPath)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, b := range list {
			got = append(got, filepath.Base(b.Path))
		}
		want := []string{"clients-2026-03-01.db", "clients-2026-01-02.db", "clients-2025-12-31.db"}
		if !slices.Equal(got, want) {
			t.Fatalf("got %q, want %q", got, want)
		}
	})
}

// backupOf makes a Keel database holding the named clients and returns a
// backup of it.
func backupOf(t *testing.T, clients ...string) string {
	t.Helper()
	db := MustOpenDB(t)
	for _, n := range clients {
		mustClient(t, db, n)
	}
	dest := filepath.Join(t.TempDir(), "backup.db")
	if err := db.BackupTo(context.Background(), dest); err != nil {
		t.Fatal(err)
	}
	return dest
}

// badFiles are files Keel must refuse to restore, each with the words the
// refusal must contain.
func badFiles(t *testing.T) []struct {
	name, path, code, words string
} {
	t.Helper()
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good, err := os.ReadFile(backupOf(t, "Ana", "Bea", "Cleo"))
	if err != nil {
		t.Fatal(err)
	}
	// Damage a page after the first (the header stays valid): SQLite's
	// check must notice.
	corrupt := slices.Clone(good)
	const page = 4096
	if len(corrupt) < 3*page {
		t.Fatalf("backup is only %d bytes", len(corrupt))
	}
	for i := page; i < 3*page; i += 7 {
		corrupt[i] ^= 0x5A
	}
	other := filepath.Join(dir, "other.db")
	raw, err := sql.Open("sqlite3", "file:"+other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`PRAGMA application_id = 42; CREATE TABLE t (x); INSERT INTO t VALUES (1)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	newer := slices.Clone(good)
	newer[60], newer[61], newer[62], newer[63] = 0, 0, 0, 99 // user_version 99

	return []struct{ name, path, code, words string }{
		{"Missing", filepath.Join(dir, "nope.db"), assessment.EINVALID, "cannot open"},
		{"Empty", write("empty.db", nil), assessment.EINVALID, "empty"},
		{"NotSQLite", write("notes.db", []byte("Dear diary, today I backed up nothing at all.")), assessment.EINVALID, "not a Keel backup"},
		{"Truncated", write("cut.db", good[:len(good)/2]), assessment.EINVALID, "damaged"},
		{"Corrupt", write("corrupt.db", corrupt), assessment.EINVALID, "damaged"},
		{"OtherProgram", other, assessment.EINVALID, "another program"},
		{"Newer", write("newer.db", newer), assessment.EUNSUPPORTED, "newer version of Keel"},
	}
}

func TestCheckBackup(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		if err := sqlite.CheckBackup(ctx, backupOf(t, "Ana")); err != nil {
			t.Fatal(err)
		}
	})
	for _, tt := range badFiles(t) {
		t.Run("Err"+tt.name, func(t *testing.T) {
			var before string
			if _, err := os.Stat(tt.path); err == nil {
				before = fileHash(t, tt.path)
			}
			err := sqlite.CheckBackup(ctx, tt.path)
			wantCode(t, err, tt.code)
			wantMessageNames(t, err, tt.path)
			if msg := assessment.ErrorMessage(err); !strings.Contains(msg, tt.words) {
				t.Errorf("message %q does not say %q", msg, tt.words)
			}
			if before != "" {
				if fileHash(t, tt.path) != before {
					t.Error("checking changed the file")
				}
				if got := dirNames(t, filepath.Dir(tt.path)); slices.ContainsFunc(got, func(n string) bool {
					return strings.HasSuffix(n, "-shm") || strings.HasSuffix(n, "-wal")
				}) {
					t.Errorf("checking left files beside it: %q", got)
				}
			}
		})
	}
}

func TestRestore(t *testing.T) {
	ctx := context.Background()

	t.Run("OK", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "data", "keel.db")
		db, err := sqlite.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		mustClient(t, db, "Ana")
		backup := filepath.Join(t.TempDir(), "monday.db")
		if err := db.BackupTo(ctx, backup); err != nil {
			t.Fatal(err)
		}
		mustClient(t, db, "Bea") // after the backup
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		backupHash := fileHash(t, backup)

		kept, err := sqlite.Restore(ctx, backup, path)
		if err != nil {
			t.Fatal(err)
		}
		if got := clientNames(t, path); !slices.Equal(got, []string{"Ana"}) {
			t.Fatalf("restored database holds %q, want the backup's [Ana]", got)
		}
		if kept == "" || filepath.Dir(kept) != sqlite.BackupDir(path) {
			t.Fatalf("kept copy %q, want one in %s", kept, sqlite.BackupDir(path))
		}
		if got := clientNames(t, kept); !slices.Equal(got, []string{"Ana", "Bea"}) {
			t.Fatalf("kept copy holds %q, want the database as it was", got)
		}
		if fileHash(t, backup) != backupHash {
			t.Fatal("the backup file changed")
		}
		if runtime.GOOS != "windows" {
			checkMode(t, path, 0o600)
		}
		integrityOK(t, path)
	})

	// Keel was stopped with saves still in the write-ahead log: the kept
	// copy has them, and the old log is not replayed onto the backup.
	t.Run("CurrentHasLog", func(t *testing.T) {
		path := crashCopy(t, func(raw *sql.DB) {
			if _, err := raw.Exec(`UPDATE clients SET name = 'Ana Logged'`); err != nil {
				t.Fatal(err)
			}
		})
		backup := backupOf(t, "Zara")
		kept, err := sqlite.Restore(ctx, backup, path)
		if err != nil {
			t.Fatal(err)
		}
		if got := clientNames(t, path); !slices.Equal(got, []string{"Zara"}) {
			t.Fatalf("restored database holds %q", got)
		}
		integrityOK(t, path)
		if got := clientNames(t, kept); !slices.Equal(got, []string{"Ana Logged"}) {
			t.Fatalf("kept copy holds %q, want the change from the log", got)
		}
	})

	// The database is not SQLite at all (the start-up window offers to
	// restore): the broken file is kept byte for byte.
	t.Run("CurrentBroken", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "keel.db")
		junk := []byte("this is not a database, but it is the coach's file")
		if err := os.WriteFile(path, junk, 0o600); err != nil {
			t.Fatal(err)
		}
		kept, err := sqlite.Restore(ctx, backupOf(t, "Ana"), path)
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(kept)
		if err != nil || string(b) != string(junk) {
			t.Fatalf("kept copy = %q, %v; want the broken file unchanged", b, err)
		}
		if got := clientNames(t, path); !slices.Equal(got, []string{"Ana"}) {
			t.Fatalf("restored database holds %q", got)
		}
	})

	t.Run("NoCurrent", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "fresh", "keel.db")
		kept, err := sqlite.Restore(ctx, backupOf(t, "Ana"), path)
		if err != nil {
			t.Fatal(err)
		}
		if kept != "" {
			t.Fatalf("kept %q when there was nothing to keep", kept)
		}
		if got := clientNames(t, path); !slices.Equal(got, []string{"Ana"}) {
			t.Fatalf("restored database holds %q", got)
		}
	})

	t.Run("TwiceKeepsBoth", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "keel.db")
		mustOpenAt(t, path).Close()
		backup := backupOf(t, "Ana")
		k1, err := sqlite.Restore(ctx, backup, path)
		if err != nil {
			t.Fatal(err)
		}
		k2, err := sqlite.Restore(ctx, backup, path)
		if err != nil {
			t.Fatal(err)
		}
		if k1 == k2 {
			t.Fatalf("second restore reused the kept name %s", k1)
		}
		for _, k := range []string{k1, k2} {
			if _, err := os.Stat(k); err != nil {
				t.Fatal(err)
			}
		}
	})

	for _, tt := range badFiles(t) {
		t.Run("Err"+tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "keel.db")
			db := mustOpenAt(t, path)
			mustClient(t, db, "Ana")
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			before := fileHash(t, path)
			files := dirNames(t, dir)
			kept, err := sqlite.Restore(ctx, tt.path, path)
			wantCode(t, err, tt.code)
			wantMessageNames(t, err, tt.path)
			if kept != "" {
				t.Errorf("kept a copy (%s) though nothing was restored", kept)
			}
			if fileHash(t, path) != before {
				t.Fatal("a refused restore changed the database")
			}
			if got := dirNames(t, dir); !slices.Equal(got, files) {
				t.Fatalf("a refused restore left files: %q, was %q", got, files)
			}
		})
	}

	t.Run("ErrBackupIsDatabase", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "keel.db")
		mustOpenAt(t, path).Close()
		_, err := sqlite.Restore(ctx, path, path)
		wantCode(t, err, assessment.EINVALID)
	})
}

func TestDB_BackupBefore(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	mustClient(t, db, "Ana")
	p1, err := db.BackupBefore(ctx, "import")
	if err != nil {
		t.Fatal(err)
	}
	p2, err := db.BackupBefore(ctx, "import")
	if err != nil {
		t.Fatal(err)
	}
	if p1 == p2 {
		t.Fatalf("two backups in the same second share the name %s", p1)
	}
	for _, p := range []string{p1, p2} {
		if filepath.Dir(p) != sqlite.BackupDir(db.Path) || !strings.Contains(filepath.Base(p), "keel-before-import-") {
			t.Errorf("backup at %s", p)
		}
		if got := clientNames(t, p); !slices.Equal(got, []string{"Ana"}) {
			t.Errorf("%s holds %q", p, got)
		}
	}
	// They are not daily backups: pruning never removes them.
	list, err := sqlite.ListBackups(db.Path)
	if err != nil || len(list) != 0 {
		t.Fatalf("ListBackups = %v, %v; want none", list, err)
	}
}

// A database cut off half-way passes the header check at open and then
// fails inside SQLite; Diagnose says in words what is wrong.
func TestDiagnose(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "keel.db")
	db := mustOpenAt(t, path)
	for i := range 300 {
		mustClient(t, db, fmt.Sprintf("Client with a longish name to fill pages %d", i))
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := sqlite.Diagnose(ctx, path); err != nil {
		t.Fatalf("Diagnose on a sound database: %v", err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b[:len(b)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, path)
	err = sqlite.Diagnose(ctx, path)
	wantCode(t, err, assessment.EINVALID)
	wantMessageNames(t, err, path)
	if msg := assessment.ErrorMessage(err); msg != assessment.ErrorMessage(sqlite.DamagedError(path, nil)) {
		t.Errorf("message %q, want the one damaged-file message", msg)
	}
	if fileHash(t, path) != before {
		t.Fatal("Diagnose changed the file")
	}
	if got := dirNames(t, filepath.Dir(path)); !slices.Equal(got, []string{"keel.db"}) {
		t.Fatalf("Diagnose left files: %q", got)
	}
}

// Erasing a client leaves no trace of her in the database file or in a
// backup made afterwards: secure_delete zeroes the freed pages, and a
// backup copies only live data. (Backups made before the erasure still
// hold her until they are pruned; docs/DATA.md says so.)
func TestDeletedClientLeavesNoTrace(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "keel.db")
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	const marker = "Xanthippe Quarrington-Vollmer"
	c := &assessment.Client{Name: marker, Notes: strings.Repeat(marker+" ", 40)}
	if err := sqlite.NewClientService(db).CreateClient(ctx, c); err != nil {
		t.Fatal(err)
	}
	r := sampleRecord(c.ID, today)
	r.Notes = marker
	if err := sqlite.NewRecordService(db).CreateRecord(ctx, r); err != nil {
		t.Fatal(err)
	}
	for i := range 50 { // other clients, so pages are reused, not dropped
		mustClient(t, db, fmt.Sprintf("Other client %d", i))
	}
	before := filepath.Join(t.TempDir(), "before.db")
	if err := db.BackupTo(ctx, before); err != nil {
		t.Fatal(err)
	}
	if !fileContains(t, before, marker) {
		t.Fatal("the fixture never wrote the marker; the test would prove nothing")
	}
	if err := sqlite.NewClientService(db).DeleteClient(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	after := filepath.Join(t.TempDir(), "after.db")
	if err := db.BackupTo(ctx, after); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil { // folds the log into the file
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal", after} {
		if fileContains(t, p, marker) {
			t.Errorf("%s still holds the deleted client's name", p)
		}
	}
}

// fileContains reports whether the file (if it exists) holds s.
func fileContains(t *testing.T, path, s string) bool {
	t.Helper()
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return false
	} else if err != nil {
		t.Fatal(err)
	}
	return bytes.Contains(b, []byte(s))
}
