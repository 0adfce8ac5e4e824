package sqlite_test

import (
	"bytes"
	"context"
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

// copyWithWAL copies a database that is open (its saves still in the
// write-ahead log) as a coach would by hand: the file and its -wal.
func copyWithWAL(t *testing.T, src, dst string) {
	t.Helper()
	for _, side := range []string{"", "-wal"} {
		b, err := os.ReadFile(src + side)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst+side, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// Point 2: a backup whose saves are in its -wal (a hand copy, or the
// before-restore copy of a database Keel was killed on) restores whole.
func TestRestore_BackupWithWAL(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	src := filepath.Join(dir, "live.db")
	db := mustOpenAt(t, src)
	for i := range 8 {
		mustClient(t, db, fmt.Sprintf("Client %d", i))
	}
	if fi, err := os.Stat(src + "-wal"); err != nil || fi.Size() == 0 {
		t.Fatalf("the test needs saves in the -wal: %v", err)
	}
	hand := filepath.Join(dir, "hand-copy.db")
	copyWithWAL(t, src, hand)
	if err := sqlite.CheckBackup(ctx, hand); err != nil {
		t.Fatalf("CheckBackup on a copy with its -wal: %v", err)
	}

	target := filepath.Join(t.TempDir(), "keel.db")
	mustOpenAt(t, target).Close()
	if _, err := sqlite.Restore(ctx, hand, target); err != nil {
		t.Fatal(err)
	}
	if got := clientNames(t, target); len(got) != 8 {
		t.Fatalf("restored %d clients, want 8: %q", len(got), got)
	}
	// The restored database is one file: no -wal came with it.
	if _, err := os.Stat(target + "-wal"); err == nil {
		if fi, _ := os.Stat(target + "-wal"); fi.Size() != 0 {
			t.Fatal("the restored database has a -wal")
		}
	}
	// The hand copy was only read.
	if got := dirNames(t, dir); !slices.Contains(got, "hand-copy.db-wal") || slices.ContainsFunc(got, func(n string) bool { return strings.HasSuffix(n, ".tmp") }) {
		t.Fatalf("the backup's folder holds %q", got)
	}
}

// Point 2: undoing a restore with Keel's own before-restore copy gives back
// every save, even those that were still in the -wal.
func TestRestore_UndoKeepsEverySave(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "keel.db")
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 8 {
		mustClient(t, db, fmt.Sprintf("Client %d", i))
	}
	older := filepath.Join(t.TempDir(), "older.db")
	// A backup holding 6 of them.
	if err := db.BackupTo(ctx, older); err != nil {
		t.Fatal(err)
	}
	cs := sqlite.NewClientService(db)
	list, _, _ := cs.FindClients(ctx, assessment.ClientFilter{})
	for _, c := range list[:2] {
		if err := cs.DeleteClient(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.BackupTo(ctx, older); err != nil {
		t.Fatal(err)
	}
	for _, c := range list[:2] {
		mustClient(t, db, c.Name)
	}
	// Keel is killed: the last saves are only in the -wal (simulated by a
	// hand copy of the open files).
	crashed := filepath.Join(t.TempDir(), "keel.db")
	copyWithWAL(t, path, crashed)
	db.Close()

	kept, err := sqlite.Restore(ctx, older, crashed)
	if err != nil {
		t.Fatal(err)
	}
	if got := clientNames(t, crashed); len(got) != 6 {
		t.Fatalf("after the restore: %d clients, want 6", len(got))
	}
	if _, err := sqlite.Restore(ctx, kept, crashed); err != nil {
		t.Fatalf("undoing with %s: %v", kept, err)
	}
	if got := clientNames(t, crashed); len(got) != 8 {
		t.Fatalf("after undoing the restore: %d clients, want 8 (saves in the -wal were dropped)", len(got))
	}
}

// Points 3 and 4: finding or making the client and saving her assessment
// is one transaction, and two imports of one new name make one client.
func TestImportRecord(t *testing.T) {
	ctx := context.Background()

	t.Run("Concurrent", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "keel.db")
		mustOpenAt(t, path)
		const n = 8
		var wg sync.WaitGroup
		errs := make(chan error, n)
		start := make(chan struct{})
		for range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				db, err := sqlite.Open(path) // a connection of its own, as another process
				if err != nil {
					errs <- err
					return
				}
				defer db.Close()
				r := sampleRecord(0, today)
				r.Client.Name = "Maja  Nowak"
				<-start
				_, _, err = sqlite.NewRecordService(db).ImportRecord(ctx, r, 0)
				errs <- err
			}()
		}
		close(start)
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		db := mustOpenAt(t, path)
		cs, total, err := sqlite.NewClientService(db).FindClients(ctx, assessment.ClientFilter{Query: "Maja Nowak", IncludeArchived: true})
		if err != nil || total != 1 {
			t.Fatalf("%d clients named Maja Nowak (%v); want 1", total, err)
		}
		recs, _ := sqlite.NewRecordService(db).FindRecords(ctx, assessment.RecordFilter{ClientID: cs[0].ID})
		if len(recs) != n {
			t.Fatalf("%d assessments; want %d", len(recs), n)
		}
	})

	t.Run("ErrRecordLeavesNoClient", func(t *testing.T) {
		db := MustOpenDB(t)
		r := sampleRecord(0, today)
		r.Client.Name = "Lena Novak"
		r.Pain.Now = ptr(42) // refused when the record is saved
		_, _, err := sqlite.NewRecordService(db).ImportRecord(ctx, r, 0)
		wantCode(t, err, assessment.EINVALID)
		_, total, _ := sqlite.NewClientService(db).FindClients(ctx, assessment.ClientFilter{IncludeArchived: true})
		if total != 0 {
			t.Fatalf("%d clients saved by a refused import; want 0", total)
		}
	})

	t.Run("ExistingClient", func(t *testing.T) {
		db := MustOpenDB(t)
		c := mustClient(t, db, "Zoë Ó")
		r := sampleRecord(0, today)
		r.Client.Name = " Zoë   Ó "
		got, created, err := sqlite.NewRecordService(db).ImportRecord(ctx, r, 0)
		if err != nil || created || got.ID != c.ID {
			t.Fatalf("ImportRecord = %v, created %v, %v; want her, id %d", got, created, err, c.ID)
		}
	})
}

// Point 6: the start-up sweep removes only Keel's own leftovers of processes
// that have ended.
func TestSweepLeftovers(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "keel.db")
	mustOpenAt(t, path).Close()
	backups := sqlite.BackupDir(path)
	if err := os.MkdirAll(backups, 0o700); err != nil {
		t.Fatal(err)
	}
	dead := deadPID(t)
	mine := os.Getpid()
	old := time.Now().Add(-2 * time.Hour)
	files := []struct {
		path  string
		gone  bool
		mtime time.Time
	}{
		{filepath.Join(dir, fmt.Sprintf(".keel.db.keel-%d-123.tmp", dead)), true, time.Time{}},
		{filepath.Join(dir, fmt.Sprintf(".keel.db.keel-%d-123.tmp-journal", dead)), true, time.Time{}},
		{filepath.Join(backups, fmt.Sprintf(".keel-2026-03-02.db.keel-%d-9.tmp", dead)), true, time.Time{}},
		{filepath.Join(backups, fmt.Sprintf(".keel-2026-03-02.db.keel-%d-9.tmp-journal", dead)), true, time.Time{}},
		{filepath.Join(backups, fmt.Sprintf(".keel-before-import-2026-03-02-093000.db.keel-%d-9.tmp", dead)), true, time.Time{}},
		// An earlier Keel's names: swept once old.
		{filepath.Join(dir, ".keel.db.4242.tmp"), true, old},
		{filepath.Join(dir, ".keel.db.4243.tmp"), false, time.Time{}},
		// A running Keel's (this one's) file is left alone.
		{filepath.Join(backups, fmt.Sprintf(".keel-2026-03-02.db.keel-%d-9.tmp", mine)), false, time.Time{}},
		// Not Keel's: the coach's own files, another database's.
		{filepath.Join(dir, "notes.tmp"), false, old},
		{filepath.Join(dir, fmt.Sprintf(".backup.db.keel-%d-77.tmp", dead)), true, time.Time{}},
		{filepath.Join(dir, ".other.db.1234.tmp"), false, old},
		{filepath.Join(backups, "keel-2026-03-01.db"), false, old},
		{filepath.Join(dir, ".keel.db.keel-x-1.tmp"), false, old},
	}
	for _, f := range files {
		if err := os.WriteFile(f.path, []byte("Ana Sousa"), 0o600); err != nil {
			t.Fatal(err)
		}
		if !f.mtime.IsZero() {
			if err := os.Chtimes(f.path, f.mtime, f.mtime); err != nil {
				t.Fatal(err)
			}
		}
	}
	db, err := sqlite.Open(path) // the sweep runs at every open
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, f := range files {
		_, err := os.Stat(f.path)
		if gone := os.IsNotExist(err); gone != f.gone {
			t.Errorf("%s: removed %v, want %v", filepath.Base(f.path), gone, f.gone)
		}
	}
}

// deadPID returns the id of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	p, err := os.StartProcess(os.Args[0], []string{os.Args[0], "-test.run=^$"}, &os.ProcAttr{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Wait(); err != nil {
		t.Fatal(err)
	}
	return p.Pid
}

// Point 7: a deleted client's text leaves the -wal at once, while Keel is
// still open, and is not in the file either.
func TestDeleteClient_LeavesNoTrace(t *testing.T) {
	ctx := context.Background()
	db := MustOpenDB(t)
	const secret = "Quintessa Marchbanks-Oyelaran"
	c := mustClient(t, db, secret)
	mustRecord(t, db, c.ID, today)
	if b, _ := os.ReadFile(db.Path + "-wal"); !bytes.Contains(b, []byte(secret)) {
		t.Fatal("the test expects the name in the -wal before the erase")
	}
	if err := sqlite.NewClientService(db).DeleteClient(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	for _, side := range []string{"", "-wal"} {
		b, err := os.ReadFile(db.Path + side)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(secret)) {
			t.Errorf("the erased name is still in keel.db%s while Keel is open", side)
		}
	}
}

// Point 8: one message per cause, naming the file; nothing created by a
// command that only reads; the read-only -shm case.
func TestOpen_Causes(t *testing.T) {
	t.Run("ErrTruncated", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "keel.db")
		db := mustOpenAt(t, path)
		for i := range 300 {
			mustClient(t, db, fmt.Sprintf("Client with a longish name to fill pages %d", i))
		}
		db.Close()
		b, _ := os.ReadFile(path)
		if err := os.WriteFile(path, b[:len(b)/2], 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := sqlite.Open(path)
		if got, want := assessment.ErrorMessage(err), assessment.ErrorMessage(sqlite.DamagedError(path, nil)); got != want {
			t.Fatalf("message %q\nwant %q", got, want)
		}
		// The window's check says the same.
		if got, want := assessment.ErrorMessage(sqlite.Diagnose(context.Background(), path)), assessment.ErrorMessage(sqlite.DamagedError(path, nil)); got != want {
			t.Fatalf("Diagnose says %q\nwant %q", got, want)
		}
	})

	t.Run("ErrMissingNotCreated", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "typo", "keel.db")
		_, err := sqlite.OpenExisting(path)
		wantCode(t, err, assessment.ENOTFOUND)
		wantMessageNames(t, err, path)
		if _, err := os.Stat(filepath.Dir(path)); !os.IsNotExist(err) {
			t.Fatalf("a folder was created for a database that does not exist (%v)", err)
		}
		db, err := sqlite.Open(path)
		if err != nil || !db.Created {
			t.Fatalf("Open = %v; want a new database, Created set", err)
		}
		db.Close()
		db, err = sqlite.OpenExisting(path)
		if err != nil || db.Created {
			t.Fatalf("OpenExisting on the new file = %v, Created %v", err, db != nil && db.Created)
		}
		db.Close()
	})

	t.Run("ErrReadOnlyLeavesNoShm", func(t *testing.T) {
		if runtime.GOOS == "windows" || os.Getuid() == 0 {
			t.Skip("file permissions: not on Windows or as root")
		}
		path := filepath.Join(t.TempDir(), "keel.db")
		mustOpenAt(t, path).Close()
		if err := os.Chmod(path, 0o400); err != nil {
			t.Fatal(err)
		}
		_, err := sqlite.Open(path)
		if got, want := assessment.ErrorMessage(err), assessment.ErrorMessage(sqlite.PermissionError(path, nil)); got != want {
			t.Fatalf("message %q\nwant %q", got, want)
		}
		if _, err := os.Stat(path + "-shm"); err == nil {
			t.Fatal("a -shm file was left beside the read-only database")
		}
		// The coach fixes the permissions: Keel saves again.
		if err := os.Chmod(path, 0o600); err != nil {
			t.Fatal(err)
		}
		mustClient(t, mustOpenAt(t, path), "Ana")
	})

	t.Run("ReadOnlyShmHealed", func(t *testing.T) {
		if runtime.GOOS == "windows" || os.Getuid() == 0 {
			t.Skip("file permissions: not on Windows or as root")
		}
		path := filepath.Join(t.TempDir(), "keel.db")
		mustOpenAt(t, path).Close()
		// What an older Keel left: a -shm made while the file was read-only.
		if err := os.WriteFile(path+"-shm", make([]byte, 32768), 0o400); err != nil {
			t.Fatal(err)
		}
		mustClient(t, mustOpenAt(t, path), "Ana")
	})
}
