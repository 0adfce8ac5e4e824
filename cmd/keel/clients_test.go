package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

func TestClientsCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "keel.db")
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	today := assessment.DateOf(time.Now())
	cs := sqlite.NewClientService(db)
	hong := &assessment.Client{Name: "Nguyễn Thị Hồng", Births: 1, LastDelivery: today.AddDays(-7 * 10)}
	hasan := &assessment.Client{Name: "Ḥasan Al-Rashid", PreferredName: "Ḥas"}
	zoe := &assessment.Client{Name: "Zoë Smith", Archived: true}
	for _, c := range []*assessment.Client{hong, hasan, zoe} {
		if err := cs.CreateClient(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	r := &assessment.Record{ClientID: hong.ID, Date: today.AddDays(-14)}
	if err := sqlite.NewRecordService(db).CreateRecord(ctx, r); err != nil {
		t.Fatal(err)
	}
	lib, err := builtinLibrary()
	if err != nil {
		t.Fatal(err)
	}
	p, err := assessment.Generate(r, lib, assessment.ProgrammeOptions{Weeks: 4, Start: today})
	if err != nil {
		t.Fatal(err)
	}
	p.RecordID, p.Status = r.ID, assessment.StatusIssued
	if err := sqlite.NewProgrammeService(db).CreateProgramme(ctx, p); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	t.Run("Table", func(t *testing.T) {
		code, out, errs := keel("clients", "-db", path)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != 4 || !strings.HasPrefix(lines[0], "ID") || lines[3] != "2 clients" {
			t.Fatalf("output:\n%s", out)
		}
		// Sorted by folded name: Ḥasan before Nguyễn.
		for _, want := range []string{"Ḥasan Al-Rashid (Ḥas)", "not recorded", "never assessed", "none"} {
			if !strings.Contains(lines[1], want) {
				t.Errorf("row %q lacks %q", lines[1], want)
			}
		}
		when := today.AddDays(-14).Time().Format("2 Jan 2006") + " (2 weeks ago)"
		for _, want := range []string{itoa64(hong.ID), "Nguyễn Thị Hồng", " 10 ", when, "issued"} {
			if !strings.Contains(lines[2], want) {
				t.Errorf("row %q lacks %q", lines[2], want)
			}
		}
		if strings.Contains(out, "Zoë") {
			t.Error("an archived client is listed without --archived")
		}
	})
	t.Run("Search", func(t *testing.T) {
		for _, tc := range []struct{ query, want string }{
			{"nguyen", "Nguyễn Thị Hồng"},
			{"hasan", "Ḥasan Al-Rashid"},
			{"HONG thi", "Nguyễn Thị Hồng"},
		} {
			code, out, errs := keel("clients", "-db", path, "--search", tc.query)
			if code != 0 || !strings.Contains(out, tc.want) || !strings.Contains(out, "\n1 client\n") {
				t.Errorf("--search %q: exit %d, output:\n%s%s", tc.query, code, out, errs)
			}
		}
		code, out, _ := keel("clients", "-db", path, "--search", "xq")
		if code != 0 || out != "No client's name matches \"xq\".\n" {
			t.Errorf("no match: exit %d, %q", code, out)
		}
	})
	t.Run("JSON", func(t *testing.T) {
		code, out, errs := keel("clients", "-db", path, "--archived", "--json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		var got struct {
			Total   int
			Clients []clientJSON
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%v in\n%s", err, out)
		}
		if got.Total != 3 || len(got.Clients) != 3 {
			t.Fatalf("%d of %d clients, want 3", len(got.Clients), got.Total)
		}
		h, z := got.Clients[1], got.Clients[2]
		if h.ID != hong.ID || h.WeeksPostpartum == nil || *h.WeeksPostpartum != 10 || h.LatestAssessment == nil ||
			*h.LatestAssessment != today.AddDays(-14) || h.ProgrammeStatus != "issued" {
			t.Errorf("Hồng: %+v", h)
		}
		if z.Name != "Zoë Smith" || !z.Archived || z.WeeksPostpartum != nil || z.LatestAssessment != nil ||
			z.LatestAssessmentWords != "never assessed" || z.ProgrammeStatus != "none" {
			t.Errorf("Zoë: %+v", z)
		}
		if !strings.Contains(out, `"weeks_postpartum": null`) {
			t.Error("an unknown weeks postpartum is not null")
		}
	})
	t.Run("ErrMissingDatabase", func(t *testing.T) {
		missing := filepath.Join(t.TempDir(), "typo.db")
		code, out, errs := keel("clients", "-db", missing)
		if code != 1 || out != "" || !strings.Contains(errs, "there is no Keel database at "+missing) {
			t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
		}
		if _, err := os.Stat(missing); !os.IsNotExist(err) {
			t.Fatal("keel clients created a database")
		}
	})
	t.Run("ErrArgument", func(t *testing.T) {
		if code, _, _ := keel("clients", "-db", path, "nguyen"); code != 2 {
			t.Fatalf("exit %d for a bare argument, want 2", code)
		}
	})
}

func TestAssessedWords(t *testing.T) {
	today := assessment.NewDate(2026, 3, 2)
	for _, tc := range []struct {
		days int
		want string
	}{
		{0, "2 Mar 2026 (today)"},
		{1, "1 Mar 2026 (yesterday)"},
		{9, "21 Feb 2026 (9 days ago)"},
		{21, "9 Feb 2026 (3 weeks ago)"},
		{120, "2 Nov 2025 (3 months ago)"},
		{800, "23 Dec 2023 (2 years ago)"},
		{-3, "5 Mar 2026 (in the future)"},
	} {
		if got := assessedWords(today.AddDays(-tc.days), today); got != tc.want {
			t.Errorf("%d days: %q, want %q", tc.days, got, tc.want)
		}
	}
	if got := assessedWords(assessment.Date{}, today); got != "never assessed" {
		t.Errorf("no date: %q", got)
	}
}
