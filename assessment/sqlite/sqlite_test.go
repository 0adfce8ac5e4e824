package sqlite_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
	_ "github.com/mattn/go-sqlite3"
)

// now is the fixed clock of test databases: a Monday in 2026.
var now = time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)

// today is the calendar day of now.
var today = assessment.DateOf(now)

// MustOpenDB opens a new database file in a temporary folder, with a fixed
// clock, and closes it when the test ends.
func MustOpenDB(tb testing.TB) *sqlite.DB {
	tb.Helper()
	return mustOpenAt(tb, filepath.Join(tb.TempDir(), "keel.db"))
}

func mustOpenAt(tb testing.TB, path string) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(path)
	if err != nil {
		tb.Fatalf("Open(%s): %v", path, err)
	}
	db.Now = func() time.Time { return now }
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return db
}

// rawDB opens a second, plain connection to the file for looking at what is
// stored, outside the services under test.
func rawDB(tb testing.TB, path string) *sql.DB {
	tb.Helper()
	raw, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { raw.Close() })
	return raw
}

func fileHash(tb testing.TB, path string) string {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		tb.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func wantCode(tb testing.TB, err error, code string) {
	tb.Helper()
	if got := assessment.ErrorCode(err); got != code {
		tb.Fatalf("error code = %q, want %q (err: %v)", got, code, err)
	}
}

// noSQL fails when a message meant for a coach leaks SQL or driver text.
func noSQL(tb testing.TB, err error) {
	tb.Helper()
	msg := assessment.ErrorMessage(err)
	for _, leak := range []string{"constraint", "SQL", "sqlite", "UNIQUE", "FOREIGN", "no rows"} {
		if strings.Contains(msg, leak) {
			tb.Errorf("message %q shows %q to the coach", msg, leak)
		}
	}
}

func TestOpen(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "new", "keel")
		path := filepath.Join(dir, "keel.db")
		db := mustOpenAt(t, path)

		v, err := db.SchemaVersion(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if got, want := v, sqlite.SchemaVersion; got != want {
			t.Fatalf("schema version = %d, want %d", got, want)
		}
		raw := rawDB(t, path)
		var n int
		if err := raw.QueryRow(`SELECT max(version) FROM schema_migrations`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != sqlite.SchemaVersion {
			t.Fatalf("schema_migrations ends at %d, want %d", n, sqlite.SchemaVersion)
		}
		var mode string
		if err := raw.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if mode != "wal" {
			t.Fatalf("journal_mode = %q, want wal", mode)
		}
		if runtime.GOOS != "windows" {
			checkMode(t, dir, 0o700)
			checkMode(t, path, 0o600)
		}
	})

	t.Run("EmptyFile", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "keel.db")
		if err := os.WriteFile(path, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		db := mustOpenAt(t, path)
		c := &assessment.Client{Name: "Ana"}
		if err := sqlite.NewClientService(db).CreateClient(context.Background(), c); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("Reopen", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "keel.db")
		db, err := sqlite.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		c := &assessment.Client{Name: "Ana"}
		if err := sqlite.NewClientService(db).CreateClient(context.Background(), c); err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		db = mustOpenAt(t, path)
		got, err := sqlite.NewClientService(db).FindClientByID(context.Background(), c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != "Ana" {
			t.Fatalf("name = %q after reopening", got.Name)
		}
	})

	t.Run("PathWithSpecialCharacters", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "Zoë's 50% #1?", "keel.db")
		db := mustOpenAt(t, path)
		if err := sqlite.NewClientService(db).CreateClient(context.Background(), &assessment.Client{Name: "Ana"}); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
			t.Fatalf("database not written at %s (%v)", path, err)
		}
	})

	t.Run("ErrNotSQLite", func(t *testing.T) {
		for name, content := range map[string]string{
			"Text":   "name,phone\nAna,+44 20 7946 0958\n",
			"Short":  "SQLite",
			"Binary": "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11",
		} {
			t.Run(name, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "clients.db")
				if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
				before := fileHash(t, path)
				db, err := sqlite.Open(path)
				if err == nil {
					db.Close()
					t.Fatal("Open accepted a file that is not SQLite")
				}
				wantCode(t, err, assessment.EUNSUPPORTED)
				if msg := assessment.ErrorMessage(err); !strings.Contains(msg, path) {
					t.Errorf("message %q does not name the file", msg)
				}
				if after := fileHash(t, path); after != before {
					t.Fatal("the refused file was changed")
				}
				assertNoSidecars(t, path)
			})
		}
	})

	t.Run("ErrCorruptSQLite", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "keel.db")
		b := append([]byte("SQLite format 3\x00"), make([]byte, 4096)...)
		for i := 16; i < len(b); i++ {
			b[i] = 0xA5
		}
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		before := fileHash(t, path)
		_, err := sqlite.Open(path)
		if got, want := assessment.ErrorMessage(err), assessment.ErrorMessage(sqlite.DamagedError(path, nil)); got != want {
			t.Fatalf("message %q, want the one damaged-file message %q", got, want)
		}
		if after := fileHash(t, path); after != before {
			t.Fatal("the refused file was changed")
		}
	})

	t.Run("ErrOtherProgram", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "other.db")
		raw := rawDB(t, path)
		if _, err := raw.Exec(`CREATE TABLE photos (id INTEGER PRIMARY KEY, file TEXT)`); err != nil {
			t.Fatal(err)
		}
		raw.Close()
		before := fileHash(t, path)
		_, err := sqlite.Open(path)
		wantCode(t, err, assessment.EUNSUPPORTED)
		if after := fileHash(t, path); after != before {
			t.Fatal("the refused file was changed")
		}
	})

	t.Run("ErrNewerSchema", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "keel.db")
		db, err := sqlite.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := sqlite.NewClientService(db).CreateClient(context.Background(), &assessment.Client{Name: "Ana"}); err != nil {
			t.Fatal(err)
		}
		db.Close()
		newer := sqlite.SchemaVersion + 1
		raw := rawDB(t, path)
		if _, err := raw.Exec(`PRAGMA user_version = ` + strconv.Itoa(newer)); err != nil {
			t.Fatal(err)
		}
		raw.Close()
		assertNoSidecars(t, path) // everything is in the main file, so its hash is the whole state
		before := fileHash(t, path)

		_, err = sqlite.Open(path)
		wantCode(t, err, assessment.EUNSUPPORTED)
		msg := assessment.ErrorMessage(err)
		for _, want := range []string{path, strconv.Itoa(newer), strconv.Itoa(sqlite.SchemaVersion)} {
			if !strings.Contains(msg, want) {
				t.Errorf("message %q does not mention %q", msg, want)
			}
		}
		if after := fileHash(t, path); after != before {
			t.Fatal("the newer database was changed")
		}
		if got := dirNames(t, filepath.Dir(path)); !reflect.DeepEqual(got, []string{"keel.db"}) {
			t.Errorf("refusing left files behind: %q", got)
		}
	})

	t.Run("ErrNewerSchemaInWAL", func(t *testing.T) {
		// Keel stopped before folding the log into the file: the newer
		// version is only in keel.db-wal.
		path := crashCopy(t, func(raw *sql.DB) {
			if _, err := raw.Exec(`PRAGMA user_version = ` + strconv.Itoa(sqlite.SchemaVersion+1)); err != nil {
				t.Fatal(err)
			}
		})
		before, beforeWAL := fileHash(t, path), fileHash(t, path+"-wal")
		_, err := sqlite.Open(path)
		wantCode(t, err, assessment.EUNSUPPORTED)
		if fileHash(t, path) != before || fileHash(t, path+"-wal") != beforeWAL {
			t.Fatal("the newer database or its log was changed")
		}
		if got := dirNames(t, filepath.Dir(path)); !reflect.DeepEqual(got, []string{"keel.db", "keel.db-wal"}) {
			t.Errorf("refusing left files behind: %q", got)
		}
	})

	t.Run("RecoversLog", func(t *testing.T) {
		path := crashCopy(t, func(raw *sql.DB) {
			if _, err := raw.Exec(`UPDATE clients SET name = 'Ana Logged'`); err != nil {
				t.Fatal(err)
			}
		})
		db := mustOpenAt(t, path)
		got, _, err := sqlite.NewClientService(db).FindClients(context.Background(), assessment.ClientFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Name != "Ana Logged" {
			t.Fatalf("clients = %q, want the change saved in the log", names(got))
		}
	})

	t.Run("ErrFolder", func(t *testing.T) {
		_, err := sqlite.Open(t.TempDir())
		wantCode(t, err, assessment.EINVALID)
	})

	t.Run("ErrPathRequired", func(t *testing.T) {
		_, err := sqlite.Open("")
		wantCode(t, err, assessment.EINVALID)
	})
}

// crashCopy makes a Keel database with one client, applies change through
// a plain connection, and copies the file and its write-ahead log while
// that connection is still open, as if Keel had been stopped before
// checkpointing. It returns the copy's path.
func crashCopy(t *testing.T, change func(*sql.DB)) string {
	t.Helper()
	src := filepath.Join(t.TempDir(), "keel.db")
	db, err := sqlite.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := sqlite.NewClientService(db).CreateClient(context.Background(), newClient("Ana")); err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw := rawDB(t, src)
	if _, err := raw.Exec(`PRAGMA wal_autocheckpoint = 0`); err != nil {
		t.Fatal(err)
	}
	raw.SetMaxOpenConns(1)
	change(raw)
	dst := filepath.Join(t.TempDir(), "keel.db")
	for _, ext := range []string{"", "-wal"} {
		b, err := os.ReadFile(src + ext)
		if err != nil {
			t.Fatal(err)
		}
		if ext == "-wal" && len(b) == 0 {
			t.Fatal("the change did not stay in the log")
		}
		if err := os.WriteFile(dst+ext, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func checkMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("%s has mode %o, want %o", path, got, want)
	}
}

// assertNoSidecars checks SQLite left no -wal or -journal file beside path,
// which would hold changes the main file's hash does not see.
func assertNoSidecars(t *testing.T, path string) {
	t.Helper()
	for _, ext := range []string{"-wal", "-journal"} {
		if fi, err := os.Stat(path + ext); err == nil && fi.Size() > 0 {
			t.Errorf("%s%s exists with %d bytes", path, ext, fi.Size())
		}
	}
}

func TestWALFilesArePrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("file modes are Unix")
	}
	path := filepath.Join(t.TempDir(), "keel.db")
	db := mustOpenAt(t, path)
	if err := sqlite.NewClientService(db).CreateClient(context.Background(), &assessment.Client{Name: "Ana"}); err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + ext); err == nil {
			checkMode(t, path+ext, 0o600)
		}
	}
}

func TestResolvePath(t *testing.T) {
	def, err := sqlite.DefaultPath()
	if err != nil {
		t.Skipf("no user config folder here: %v", err)
	}
	if !strings.HasSuffix(filepath.ToSlash(def), "keel/keel.db") {
		t.Errorf("DefaultPath() = %q, want .../keel/keel.db", def)
	}
	abs := filepath.Join(t.TempDir(), "x.db")
	tests := []struct {
		name, flag, env, want string
	}{
		{"Flag", abs, "", abs},
		{"FlagBeatsEnv", abs, filepath.Join(t.TempDir(), "env.db"), abs},
		{"Env", "", abs, abs},
		{"Default", "", "", def},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(sqlite.EnvDB, tt.env)
			got, err := sqlite.ResolvePath(tt.flag)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("ResolvePath(%q) with %s=%q = %q, want %q", tt.flag, sqlite.EnvDB, tt.env, got, tt.want)
			}
		})
	}
	t.Run("RelativeMadeAbsolute", func(t *testing.T) {
		t.Setenv(sqlite.EnvDB, "")
		got, err := sqlite.ResolvePath("data/keel.db")
		if err != nil {
			t.Fatal(err)
		}
		if !filepath.IsAbs(got) {
			t.Fatalf("ResolvePath gave relative %q", got)
		}
	})
}
