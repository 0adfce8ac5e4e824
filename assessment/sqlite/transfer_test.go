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
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// transferFixture fills db with what Keel can hold about clients: three
// clients (one archived, one with accents and every field), assessments,
// programmes with several versions (one lineage whose first version was
// deleted), session logs, the coach's own exercises (one used by a
// programme, linked to another), and a handout export record (not part of
// an export file). It returns the clients.
func transferFixture(t *testing.T, db *sqlite.DB) []*assessment.Client {
	t.Helper()
	ctx := context.Background()
	lib := builtinLibrary(t)
	ex := sqlite.NewExerciseService(db, lib)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// A chain of her own (banded → heavy), saved in an order that always
	// resolves: the harder one links back, then the easier links forward.
	must(ex.SaveExercise(ctx, exercise("my_band_bridge", "Banded bridge", "", "")))
	must(ex.SaveExercise(ctx, exercise("my_heavy_bridge", "Heavy bridge", "my_band_bridge", "")))
	must(ex.SaveExercise(ctx, exercise("my_band_bridge", "Banded bridge", "", "my_heavy_bridge")))
	must(ex.SaveExercise(ctx, exercise("my_unused", "Unused", "glute_bridge", "")))

	clients := sqlite.NewClientService(db)
	progs := sqlite.NewProgrammeService(db)
	logs := sqlite.NewSessionLogService(db)
	zoe := fullClient()
	must(clients.CreateClient(ctx, zoe))
	ana := newClient("Ana Sousa")
	must(clients.CreateClient(ctx, ana))
	old := &assessment.Client{Name: "Bea Old", Notes: "Moved away <2025> & stopped"}
	must(clients.CreateClient(ctx, old))
	must(clients.SetArchived(ctx, old.ID, true))

	for _, c := range []*assessment.Client{zoe, ana} {
		r1 := mustRecord(t, db, c.ID, today.AddDays(-60))
		r2 := mustRecord(t, db, c.ID, today.AddDays(-20))
		p := sampleProgramme(r1.ID)
		p.Status = assessment.StatusIssued
		if c == zoe {
			p.Weeks[0].Days[0].Exercises[0].ExerciseID = "my_band_bridge"
			p.Weeks[0].Days[0].Exercises[0].Name = "Banded bridge"
		}
		must(progs.CreateProgramme(ctx, p))
		must(logs.CreateSessionLog(ctx, &assessment.SessionLog{ProgrammeID: p.ID, Date: today.AddDays(-50), Status: assessment.SessionDone, Pain: 2}))
		v2 := sampleProgramme(r2.ID)
		v2.Lineage, v2.Status, v2.Note = p.Lineage, assessment.StatusIssued, "Regressed after a sore week."
		must(progs.CreateProgramme(ctx, v2))
		must(logs.CreateSessionLog(ctx, &assessment.SessionLog{ProgrammeID: v2.ID, Date: today.AddDays(-10), Status: assessment.SessionPartial, Pain: 5, Doming: true, Note: "Tired"}))
		v3 := sampleProgramme(r2.ID)
		v3.Lineage = p.Lineage
		must(progs.CreateProgramme(ctx, v3))
		if c == ana {
			must(progs.DeleteProgramme(ctx, p.ID)) // lineage without its first version
		}
	}
	must(sqlite.NewExportLog(db).AddExport(ctx, &assessment.ExportedFile{ClientID: zoe.ID, Path: "/home/coach/zoe.pdf", Kind: assessment.ExportKindHandout}))
	return []*assessment.Client{zoe, ana, old}
}

// exportBytes exports from db and writes the file form.
func exportBytes(t *testing.T, db *sqlite.DB, clientID int64) []byte {
	t.Helper()
	e, err := sqlite.NewTransferService(db, builtinLibrary(t)).ExportClients(context.Background(), clientID)
	if err != nil {
		t.Fatal(err)
	}
	b, err := assessment.MarshalExport(e)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// importBytes reads a file form and imports it into db.
func importBytes(t *testing.T, db *sqlite.DB, b []byte, opts assessment.ImportOptions) *assessment.ImportSummary {
	t.Helper()
	e, err := assessment.ParseExport(b, today)
	if err != nil {
		t.Fatalf("ParseExport: %v", err)
	}
	sum, err := sqlite.NewTransferService(db, builtinLibrary(t)).ImportClients(context.Background(), e, opts)
	if err != nil {
		t.Fatalf("ImportClients: %v", err)
	}
	return sum
}

func countRows(t *testing.T, path string) map[string]int {
	t.Helper()
	raw := rawDB(t, path)
	out := map[string]int{}
	for _, tbl := range []string{"clients", "assessments", "programmes", "session_logs", "custom_exercises", "exports"} {
		var n int
		if err := raw.QueryRow(`SELECT count(*) FROM ` + tbl).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[tbl] = n
	}
	return out
}

func TestTransfer_RoundTrip(t *testing.T) {
	a := MustOpenDB(t)
	cs := transferFixture(t, a)

	t.Run("All", func(t *testing.T) {
		first := exportBytes(t, a, 0)
		b := MustOpenDB(t)
		sum := importBytes(t, b, first, assessment.ImportOptions{})
		if got := sum.Count(assessment.ImportAdded); got != 3 {
			t.Fatalf("added %d clients, want 3 (%s)", got, sum.Text())
		}
		second := exportBytes(t, b, 0)
		if !bytes.Equal(first, second) {
			t.Fatalf("export → import → export is not identical:\n%s", diffAt(first, second))
		}
		// Everything an export carries arrived, and nothing else.
		ca, cb := countRows(t, a.Path), countRows(t, b.Path)
		for _, tbl := range []string{"clients", "assessments", "programmes", "session_logs", "custom_exercises"} {
			if ca[tbl] != cb[tbl] {
				t.Errorf("%s: %d rows imported, source has %d", tbl, cb[tbl], ca[tbl])
			}
		}
		if cb["exports"] != 0 {
			t.Errorf("handout records (paths on the old computer) were imported")
		}
		for _, want := range []string{`"name": "Zoë Ólafsdóttir-Łukasiewicz"`, `"archived": true`, `"Moved away <2025> & stopped"`,
			`"status": "superseded"`, `"doming": true`, `"id": "my_unused"`, `"note": "Regressed after a sore week."`} {
			if !bytes.Contains(first, []byte(want)) {
				t.Errorf("export lacks %s", want)
			}
		}
		if bytes.Contains(first, []byte("zoe.pdf")) {
			t.Error("export holds a handout path")
		}
		// Imported clients still work with the services: a new version of
		// an imported lineage goes on from its last version.
		ps, err := sqlite.NewProgrammeService(b).FindProgrammes(context.Background(), assessment.ProgrammeFilter{LatestOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		next := sampleProgramme(ps[0].RecordID)
		next.Lineage = ps[0].Lineage
		if err := sqlite.NewProgrammeService(b).CreateProgramme(context.Background(), next); err != nil {
			t.Fatal(err)
		}
		if next.Version != ps[0].Version+1 {
			t.Errorf("new version %d after imported version %d", next.Version, ps[0].Version)
		}
	})

	t.Run("OneClient", func(t *testing.T) {
		first := exportBytes(t, a, cs[0].ID)
		e, err := assessment.ParseExport(first, today)
		if err != nil {
			t.Fatal(err)
		}
		if len(e.Clients) != 1 || e.Clients[0].Name != cs[0].Name {
			t.Fatalf("clients = %d", len(e.Clients))
		}
		if got := []int{len(e.Assessments), len(e.Programmes), len(e.SessionLogs)}; !slices.Equal(got, []int{2, 3, 2}) {
			t.Errorf("assessments, programmes, logs = %v, want [2 3 2]", got)
		}
		var ids []string
		for _, x := range e.Exercises {
			ids = append(ids, x.ID)
		}
		// The one her programme uses, and the harder one it links to.
		if want := []string{"my_band_bridge", "my_heavy_bridge"}; !slices.Equal(ids, want) {
			t.Errorf("exercises = %q, want %q", ids, want)
		}
		b := MustOpenDB(t)
		importBytes(t, b, first, assessment.ImportOptions{})
		if second := exportBytes(t, b, 0); !bytes.Equal(first, second) {
			t.Fatalf("one-client round trip is not identical:\n%s", diffAt(first, second))
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := sqlite.NewTransferService(a, nil).ExportClients(context.Background(), 9999)
		wantCode(t, err, assessment.ENOTFOUND)
	})

	t.Run("Empty", func(t *testing.T) {
		empty := MustOpenDB(t)
		b := exportBytes(t, empty, 0)
		if _, err := assessment.ParseExport(b, today); err != nil {
			t.Fatalf("export of an empty database does not read: %v", err)
		}
	})
}

func diffAt(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-120)
	return fmt.Sprintf("first difference at byte %d:\n first …%s\nsecond …%s", i, a[lo:min(len(a), i+120)], b[lo:min(len(b), i+120)])
}

func TestTransfer_Conflicts(t *testing.T) {
	ctx := context.Background()
	src := MustOpenDB(t)
	transferFixture(t, src)
	file := exportBytes(t, src, 0)

	// setup is a database that already holds the file's clients (imported
	// once) plus one of its own.
	setup := func(t *testing.T) *sqlite.DB {
		db := MustOpenDB(t)
		importBytes(t, db, file, assessment.ImportOptions{})
		mustClient(t, db, "Her Own Client")
		return db
	}
	names := func(t *testing.T, db *sqlite.DB) []string {
		cs, _, err := sqlite.NewClientService(db).FindClients(ctx, assessment.ClientFilter{IncludeArchived: true})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range cs {
			out = append(out, c.Name)
		}
		return out
	}

	t.Run("Skip", func(t *testing.T) {
		db := setup(t)
		before := exportBytes(t, db, 0)
		sum := importBytes(t, db, file, assessment.ImportOptions{OnConflict: assessment.ConflictSkip})
		if got := sum.Count(assessment.ImportSkipped); got != 3 {
			t.Fatalf("skipped %d, want 3: %s", got, sum.Text())
		}
		for _, c := range sum.Clients {
			if c.ID == 0 {
				t.Errorf("skipped %s without naming the client already there", c.Name)
			}
		}
		if after := exportBytes(t, db, 0); !bytes.Equal(before, after) {
			t.Fatal("a skipping import changed the database")
		}
	})

	t.Run("Replace", func(t *testing.T) {
		db := setup(t)
		// The file's Ana has new notes; she replaces the one in the database.
		e, err := assessment.ParseExport(file, today)
		if err != nil {
			t.Fatal(err)
		}
		var anaFile *assessment.Client
		for _, c := range e.Clients {
			if c.Name == "Ana Sousa" {
				anaFile = c
			}
		}
		anaFile.Notes = "Updated on the laptop."
		cs, _, _ := sqlite.NewClientService(db).FindClients(ctx, assessment.ClientFilter{Query: "Ana Sousa"})
		oldID := cs[0].ID
		// She also has something the file does not: it goes with her.
		mustRecord(t, db, oldID, today)
		rows := countRows(t, db.Path)

		sum, err := sqlite.NewTransferService(db, builtinLibrary(t)).ImportClients(ctx, e, assessment.ImportOptions{OnConflict: assessment.ConflictReplace})
		if err != nil {
			t.Fatal(err)
		}
		if got := sum.Count(assessment.ImportReplaced); got != 3 {
			t.Fatalf("replaced %d, want 3: %s", got, sum.Text())
		}
		ana, err := sqlite.NewClientService(db).FindClientByID(ctx, oldID)
		if err != nil {
			t.Fatalf("the replaced client lost her id: %v", err)
		}
		if ana.Notes != "Updated on the laptop." {
			t.Errorf("notes = %q, want the file's", ana.Notes)
		}
		after := countRows(t, db.Path)
		if after["clients"] != rows["clients"] {
			t.Errorf("clients %d → %d; replacing must not add any", rows["clients"], after["clients"])
		}
		if after["assessments"] != rows["assessments"]-1 {
			t.Errorf("assessments %d → %d; her extra one should be gone with her", rows["assessments"], after["assessments"])
		}
		if got := names(t, db); !slices.Contains(got, "Her Own Client") {
			t.Errorf("a client not in the file was touched: %q", got)
		}
	})

	t.Run("KeepBoth", func(t *testing.T) {
		db := setup(t)
		sum := importBytes(t, db, file, assessment.ImportOptions{OnConflict: assessment.ConflictKeepBoth})
		if got := sum.Count(assessment.ImportCopied); got != 3 {
			t.Fatalf("copied %d, want 3: %s", got, sum.Text())
		}
		got := names(t, db)
		for _, want := range []string{"Ana Sousa", "Ana Sousa (imported)", "Bea Old", "Bea Old (imported)", "Her Own Client"} {
			if !slices.Contains(got, want) {
				t.Errorf("clients %q lack %q", got, want)
			}
		}
		if c := countRows(t, db.Path); c["clients"] != 7 {
			t.Errorf("%d clients, want 7", c["clients"])
		}
	})

	// Two clients of one file match the same person here: only the first
	// replaces her; the second is new (it matches nothing that was here).
	t.Run("ReplaceOnceOnly", func(t *testing.T) {
		db := MustOpenDB(t)
		mustClient(t, db, "Ana Sousa")
		e := &assessment.Export{Format: assessment.FormatExport, Clients: []*assessment.Client{
			{ID: 1, Name: "Ana Sousa", Notes: "first", CreatedAt: now, UpdatedAt: now},
			{ID: 2, Name: "ana  sousa", Notes: "second", CreatedAt: now, UpdatedAt: now},
		}}
		sum, err := sqlite.NewTransferService(db, nil).ImportClients(ctx, e, assessment.ImportOptions{OnConflict: assessment.ConflictReplace})
		if err != nil {
			t.Fatal(err)
		}
		got := []string{sum.Clients[0].Action, sum.Clients[1].Action}
		if want := []string{assessment.ImportReplaced, assessment.ImportAdded}; !slices.Equal(got, want) {
			t.Fatalf("actions %q, want %q", got, want)
		}
	})

	t.Run("DryRun", func(t *testing.T) {
		db := setup(t)
		before := exportBytes(t, db, 0)
		for _, p := range assessment.ConflictPolicies {
			sum := importBytes(t, db, file, assessment.ImportOptions{OnConflict: p, DryRun: true})
			if !sum.DryRun || sum.Conflicts() != 3 {
				t.Fatalf("%s dry run: %s", p, sum.Text())
			}
		}
		if after := exportBytes(t, db, 0); !bytes.Equal(before, after) {
			t.Fatal("a dry run changed the database")
		}
	})

	t.Run("Exercises", func(t *testing.T) {
		db := MustOpenDB(t)
		ex := sqlite.NewExerciseService(db, builtinLibrary(t))
		mine := exercise("my_unused", "Unused, my way", "glute_bridge", "")
		if err := ex.SaveExercise(ctx, mine); err != nil {
			t.Fatal(err)
		}
		sum := importBytes(t, db, file, assessment.ImportOptions{OnConflict: assessment.ConflictSkip})
		if sum.ExercisesAdded != 2 || sum.ExercisesKept != 1 {
			t.Fatalf("exercises added %d kept %d, want 2 and 1", sum.ExercisesAdded, sum.ExercisesKept)
		}
		all, _ := ex.FindExercises(ctx)
		for _, e := range all {
			if e.ID == "my_unused" && e.Name != "Unused, my way" {
				t.Errorf("skip replaced the coach's own exercise: %q", e.Name)
			}
		}
		db2 := MustOpenDB(t)
		if err := sqlite.NewExerciseService(db2, builtinLibrary(t)).SaveExercise(ctx, exercise("my_unused", "Unused, my way", "glute_bridge", "")); err != nil {
			t.Fatal(err)
		}
		sum = importBytes(t, db2, file, assessment.ImportOptions{OnConflict: assessment.ConflictReplace})
		if sum.ExercisesReplaced != 1 {
			t.Fatalf("replaced %d exercises, want 1", sum.ExercisesReplaced)
		}
	})
}

func TestTransfer_ImportErrors(t *testing.T) {
	ctx := context.Background()
	src := MustOpenDB(t)
	transferFixture(t, src)
	file := exportBytes(t, src, 0)
	parse := func(t *testing.T) *assessment.Export {
		e, err := assessment.ParseExport(file, today)
		if err != nil {
			t.Fatal(err)
		}
		return e
	}

	// A failure late in the import (here: the session logs, after clients,
	// assessments and programmes went in) leaves nothing behind.
	t.Run("AllOrNothing", func(t *testing.T) {
		db := MustOpenDB(t)
		mustClient(t, db, "Already Here")
		if _, err := rawDB(t, db.Path).Exec(`CREATE TRIGGER no_logs BEFORE INSERT ON session_logs BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`); err != nil {
			t.Fatal(err)
		}
		before := countRows(t, db.Path)
		_, err := sqlite.NewTransferService(db, builtinLibrary(t)).ImportClients(ctx, parse(t), assessment.ImportOptions{})
		if err == nil {
			t.Fatal("import succeeded despite the failing table")
		}
		noSQL(t, err)
		if after := countRows(t, db.Path); !mapsEqual(before, after) {
			t.Fatalf("a failed import left rows: %v → %v", before, after)
		}
	})

	t.Run("ErrBuiltinID", func(t *testing.T) {
		db := MustOpenDB(t)
		e := parse(t)
		e.Exercises[0].ID = "glute_bridge"
		e.Exercises[0].Progression, e.Exercises[0].Regression = "", ""
		_, err := sqlite.NewTransferService(db, builtinLibrary(t)).ImportClients(ctx, e, assessment.ImportOptions{})
		wantCode(t, err, assessment.ECONFLICT)
		if c := countRows(t, db.Path); c["clients"] != 0 {
			t.Fatal("clients stored despite the refusal")
		}
	})

	t.Run("ErrBrokenLink", func(t *testing.T) {
		db := MustOpenDB(t)
		e := parse(t)
		e.Exercises[0].Regression = "not_anywhere"
		_, err := sqlite.NewTransferService(db, builtinLibrary(t)).ImportClients(ctx, e, assessment.ImportOptions{})
		wantCode(t, err, assessment.EINVALID)
	})

	t.Run("ErrInvalidExport", func(t *testing.T) {
		db := MustOpenDB(t)
		e := parse(t)
		e.Assessments[0].ClientID = 99
		_, err := sqlite.NewTransferService(db, nil).ImportClients(ctx, e, assessment.ImportOptions{})
		wantCode(t, err, assessment.EINVALID)
	})

	t.Run("ErrPolicy", func(t *testing.T) {
		_, err := sqlite.NewTransferService(MustOpenDB(t), nil).ImportClients(ctx, parse(t), assessment.ImportOptions{OnConflict: "merge"})
		wantCode(t, err, assessment.EINVALID)
	})

	t.Run("ErrNil", func(t *testing.T) {
		_, err := sqlite.NewTransferService(MustOpenDB(t), nil).ImportClients(ctx, nil, assessment.ImportOptions{})
		wantCode(t, err, assessment.EINVALID)
	})
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestWriteFileAtomic(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "exports")
	path := filepath.Join(dir, "clients.json")
	// A missing folder is refused, naming it, and not created.
	err := sqlite.WriteFileAtomic(path, []byte("one"))
	wantCode(t, err, assessment.EINVALID)
	if !strings.Contains(assessment.ErrorMessage(err), dir) {
		t.Errorf("message %q does not name the missing folder", assessment.ErrorMessage(err))
	}
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := sqlite.WriteFileAtomic(path, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := sqlite.WriteFileAtomic(path, []byte("two")); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || string(b) != "two" {
		t.Fatalf("file = %q, %v", b, err)
	}
	if got := dirNames(t, dir); !slices.Equal(got, []string{"clients.json"}) {
		t.Fatalf("folder holds %q: a temporary file was left", got)
	}
	if runtime.GOOS != "windows" {
		checkMode(t, path, 0o600)
		checkMode(t, dir, 0o700)
	}
	t.Run("ErrFolder", func(t *testing.T) {
		err := sqlite.WriteFileAtomic(dir, []byte("x"))
		wantCode(t, err, assessment.EINVALID)
		if !strings.Contains(assessment.ErrorMessage(err), dir) {
			t.Errorf("message %q does not name the folder", assessment.ErrorMessage(err))
		}
	})
}
