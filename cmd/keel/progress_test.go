package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// demoDB runs `keel demo` into a fresh database and returns its path and
// the id of the sample client named name.
func demoDB(t *testing.T, name string) (string, int64) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "keel.db")
	var out, errb bytes.Buffer
	if code := run([]string{"demo", "-db", path}, &out, &errb); code != 0 {
		t.Fatalf("keel demo: exit %d: %s", code, errb.String())
	}
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cs, _, err := sqlite.NewClientService(db).FindClients(ctx(), assessment.ClientFilter{Query: name})
	if err != nil || len(cs) != 1 {
		t.Fatalf("sample %q: %d found (%v)", name, len(cs), err)
	}
	return path, cs[0].ID
}

func TestDemoHistory(t *testing.T) {
	path, id := demoDB(t, "Gosia")
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	recs, err := sqlite.NewRecordService(db).FindRecords(ctx(), assessment.RecordFilter{ClientID: id})
	if err != nil || len(recs) < 3 {
		t.Fatalf("%d assessments (%v); want three or more", len(recs), err)
	}
	ps, err := sqlite.NewProgrammeService(db).FindProgrammes(ctx(), assessment.ProgrammeFilter{ClientID: id})
	if err != nil || len(ps) != 2 || ps[0].Status != assessment.StatusIssued || ps[1].Status != assessment.StatusSuperseded {
		t.Fatalf("programmes %d (%v); want an issued version 2 made after the flare, version 1 kept", len(ps), err)
	}
	logs, err := sqlite.NewSessionLogService(db).FindSessionLogs(ctx(), assessment.SessionLogFilter{ClientID: id})
	if err != nil || len(logs) < 6 {
		t.Fatalf("%d sessions (%v)", len(logs), err)
	}
	flares, missed := 0, 0
	for _, l := range logs {
		if l.Light() == assessment.LightRed {
			flares++
		}
		if l.Status == assessment.SessionMissed {
			missed++
		}
	}
	if flares != 1 || missed == 0 {
		t.Errorf("%d flares, %d missed sessions; want one flare and some missed", flares, missed)
	}
	// Running it again adds nobody and nothing.
	var out, errb bytes.Buffer
	if code := run([]string{"demo", "-db", path}, &out, &errb); code != 0 || !strings.Contains(out.String(), "Added 0") {
		t.Errorf("second demo: exit %d, %q", code, out.String())
	}
}

func TestProgressCommand(t *testing.T) {
	path, id := demoDB(t, "Gosia")
	t.Run("JSON", func(t *testing.T) {
		var out, errb bytes.Buffer
		if code := run([]string{"progress", "-db", path, "--client", itoa64(id), "--json"}, &out, &errb); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		var doc struct {
			Format string
			Client struct {
				ID   int64
				Name string
			}
			Assessments []struct{ Date string }
			Comparison  struct {
				Before struct{ Date string }
				After  struct{ Date string }
				Rows   []struct {
					Key, Direction string
					Meaningful     bool
				}
			}
			Trends           []struct{ Key string }
			NextReassessment *struct{ Date, Reason string } `json:"next_reassessment"`
			Adherence        []struct{ Week, Percent int }
		}
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatalf("output is not JSON: %v\n%s", err, out.String())
		}
		if doc.Format != FormatProgress || doc.Client.ID != id || len(doc.Assessments) < 3 {
			t.Fatalf("doc %+v", doc)
		}
		if doc.Comparison.Before.Date != doc.Assessments[0].Date || doc.Comparison.After.Date != doc.Assessments[len(doc.Assessments)-1].Date {
			t.Error("the comparison is not of the first and latest assessments")
		}
		pain := false
		for _, r := range doc.Comparison.Rows {
			pain = pain || (r.Key == "pain.now" && r.Direction == "better" && r.Meaningful)
		}
		if !pain || len(doc.Trends) < 4 || doc.NextReassessment == nil || len(doc.Adherence) == 0 {
			t.Errorf("pain better %v, %d trends, next %+v, %d adherence weeks", pain, len(doc.Trends), doc.NextReassessment, len(doc.Adherence))
		}
		// The JSON keys are documented.
		spec, err := os.ReadFile(filepath.Join("..", "..", "docs", "FORMAT.md"))
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"keel.progress/1", "`comparison`", "`trends`", "`next_reassessment`", "`adherence`", "`meaningful`", "`direction`"} {
			if !strings.Contains(string(spec), k) {
				t.Errorf("docs/FORMAT.md does not document %s", k)
			}
		}
	})
	t.Run("TextAndCSV", func(t *testing.T) {
		csv := filepath.Join(t.TempDir(), "gosia.csv")
		var out, errb bytes.Buffer
		if code := run([]string{"progress", "-db", path, "-client", itoa64(id), "-csv", csv}, &out, &errb); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		for _, want := range []string{"Małgorzata Wiśniewska", "Pain now", "Next reassessment", "Adherence", "Wrote " + csv} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("text output lacks %q:\n%s", want, out.String())
			}
		}
		b, err := os.ReadFile(csv)
		if err != nil || !bytes.HasPrefix(b, []byte("\xef\xbb\xbfClient,Date,Kind")) || !bytes.Contains(b, []byte("Małgorzata Wiśniewska")) {
			t.Fatalf("CSV %q (%v)", b[:min(len(b), 80)], err)
		}
		if fi, _ := os.Stat(csv); fi.Mode().Perm() != 0o600 {
			t.Errorf("CSV mode %v; want 0600 (health data)", fi.Mode().Perm())
		}
		db, err := sqlite.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		xs, err := sqlite.NewExportLog(db).FindExports(ctx(), id)
		if err != nil || len(xs) != 1 || xs[0].Kind != assessment.ExportKindCSV {
			t.Errorf("exports %+v (%v); want the CSV remembered", xs, err)
		}
	})
	t.Run("Errors", func(t *testing.T) {
		var out, errb bytes.Buffer
		if code := run([]string{"progress", "-db", path}, &out, &errb); code != 2 {
			t.Errorf("no client: exit %d", code)
		}
		errb.Reset()
		if code := run([]string{"progress", "-db", path, "-client", "9999"}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "no longer saved") {
			t.Errorf("unknown client: exit %d, %q", code, errb.String())
		}
	})
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

// TestProgressPhaseProposal: after a reassessment, `keel progress` says
// which entry criteria of her next phase the latest assessment meets and
// what Keel proposes (rule 14).
func TestProgressPhaseProposal(t *testing.T) {
	path, id := demoDB(t, "Gosia")
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s := newServices(db)
	c, err := s.clients.FindClientByID(ctx(), id)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := s.records.FindRecords(ctx(), assessment.RecordFilter{ClientID: id})
	if err != nil || len(recs) < 2 {
		t.Fatalf("%d records (%v)", len(recs), err)
	}
	lib, err := s.library()
	if err != nil {
		t.Fatal(err)
	}
	// A plan from her first assessment, so the later ones are reassessments
	// against it.
	first := recs[0]
	p, err := assessment.NewProgramme(c, first, lib, assessment.ProgrammeOptions{Weeks: 8, Start: assessment.NextMonday(first.Date)})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Issue(first); err != nil {
		t.Fatal(err)
	}
	if err := s.programmes.CreateProgramme(ctx(), p); err != nil {
		t.Fatal(err)
	}
	db.Close()

	var out, errb bytes.Buffer
	if code := run([]string{"progress", "-db", path, "--client", itoa64(id)}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	t.Log(out.String())
	if !strings.Contains(out.String(), "Phase: ") || !strings.Contains(out.String(), "Keel proposes to") {
		t.Fatalf("no phase proposal in:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "(met)") && !strings.Contains(out.String(), "(not met)") {
		t.Errorf("no criterion marked met or not met:\n%s", out.String())
	}
	out.Reset()
	if code := run([]string{"progress", "-db", path, "--client", itoa64(id), "--json"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var doc struct {
		Phase *struct {
			Current, Next string
			Checks        []struct {
				Code string
				Met  bool
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil || doc.Phase == nil || doc.Phase.Current == "" {
		t.Fatalf("phase in JSON: %+v (%v)", doc.Phase, err)
	}
}
