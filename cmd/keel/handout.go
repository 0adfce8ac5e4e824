package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/report"
)

// runHandout is `keel handout`: from an assessment file (no database), or
// the latest programme of a stored client with her history.
func runHandout(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("handout", stderr)
	in := fs.String("in", "", "an assessment file (keel.assessment/1); no database needed")
	weeks := fs.Int("weeks", assessment.DefaultProgrammeWeeks, "programme length in weeks with -in (4–12)")
	dbFlag := fs.String("db", "", "database file (with -client)")
	clientID := fs.Int64("client", 0, "the client whose latest programme to print")
	out := fs.String("out", "", "the PDF file to write")
	force := fs.Bool("force", false, "replace the -out file if it already exists")
	paper := fs.String("paper", "", "a4 or letter (default: the coach's profile with -db, else a4)")
	phase := fs.Int("phase", 0, "print this phase in full (1, 2, …; default: the phase she is starting)")
	from := fs.Int("from-week", 0, "print from this week in full")
	to := fs.Int("to-week", 0, "print up to this week in full")
	all := fs.Bool("all", false, "print the whole plan in full")
	print := fs.Bool("print", false, "also send the handout to the default printer")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || (*in == "") == (*clientID == 0) {
		fmt.Fprintln(stderr, "usage: keel handout -in ASSESSMENT.json [-weeks N] [-db PATH] [--force] -out FILE.pdf [-paper a4|letter] [-phase N | -from-week N -to-week N | -all] [-print]\n       keel handout -db PATH -client ID [--force] -out FILE.pdf [same options]")
		return 2
	}
	if !checkOut("keel handout", *out, *dbFlag, *force, stderr) {
		return 1
	}
	var input report.Input
	var code int
	if *in != "" {
		input, code = handoutFromFile(*in, *weeks, stderr)
		if code == 0 && *dbFlag != "" {
			input.Settings, code = profileSettings(*dbFlag, stderr)
		}
	} else {
		input, code = handoutFromDB(*dbFlag, *clientID, stderr)
	}
	if code != 0 {
		return code
	}
	if code := handoutOptions(&input, *paper, report.PrintRange{Phase: *phase, FromWeek: *from, ToWeek: *to, All: *all}, stderr); code != 0 {
		return code
	}
	if err := report.WritePDF(input, *out); err != nil {
		fmt.Fprintf(stderr, "keel handout: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	fmt.Fprintf(stdout, "Wrote %s\n", *out)
	if *print {
		if err := (report.Printer{}).Print(ctx(), *out); err != nil {
			fmt.Fprintf(stderr, "keel handout: %s\n", assessment.ErrorMessage(err))
			return 1
		}
		fmt.Fprintf(stdout, "Sent %s to the printer\n", *out)
	}
	return 0
}

// handoutOptions applies the paper and print-range flags.
func handoutOptions(in *report.Input, paper string, pr report.PrintRange, stderr io.Writer) int {
	switch strings.ToLower(paper) {
	case "":
	case "a4":
		in.Settings.Paper = report.PaperA4
	case "letter":
		in.Settings.Paper = report.PaperLetter
	default:
		fmt.Fprintf(stderr, "keel handout: -paper is a4 or letter, not %q\n", paper)
		return 2
	}
	in.Print = pr
	return 0
}

// profileSettings reads the coach's profile, so a handout printed from an
// assessment file carries her name, contact and logo too.
func profileSettings(dbFlag string, stderr io.Writer) (report.Settings, int) {
	db, code := openDB(dbFlag, stderr)
	if db == nil {
		return report.Settings{}, code
	}
	defer db.Close()
	prof, err := newServices(db).profiles.Profile(ctx())
	if err != nil {
		fmt.Fprintf(stderr, "keel handout: %s\n", assessment.ErrorMessage(err))
		return report.Settings{}, 1
	}
	return report.SettingsFrom(prof), 0
}

func handoutFromFile(path string, weeks int, stderr io.Writer) (report.Input, int) {
	r, code := readRecordFile(path, "keel handout", stderr)
	if r == nil {
		return report.Input{}, code
	}
	lib, err := builtinLibrary()
	if err != nil {
		fmt.Fprintf(stderr, "keel handout: %s\n", assessment.ErrorMessage(err))
		return report.Input{}, 1
	}
	p, err := assessment.Generate(r, lib, assessment.ProgrammeOptions{Weeks: weeks})
	if err != nil {
		fmt.Fprintf(stderr, "keel handout: %s\n", assessment.ErrorMessage(err))
		return report.Input{}, 1
	}
	return report.Input{Record: r, Programme: p, Library: lib, Settings: report.DefaultSettings()}, 0
}

// handoutFromDB gathers a stored client's latest programme, the assessment
// it came from, her first assessment as the baseline, and the coach's
// profile.
func handoutFromDB(dbFlag string, clientID int64, stderr io.Writer) (report.Input, int) {
	db, code := openDB(dbFlag, stderr)
	if db == nil {
		return report.Input{}, code
	}
	defer db.Close()
	in, err := report.InputForClient(ctx(), newServices(db).sources(), clientID)
	if err != nil {
		fmt.Fprintf(stderr, "keel handout: %s\n", assessment.ErrorMessage(err))
		return report.Input{}, 1
	}
	return in, 0
}

// sources are the stored data handouts are drawn from.
func (s services) sources() report.Sources {
	return report.Sources{Clients: s.clients, Records: s.records, Programmes: s.programmes, Profiles: s.profiles,
		Library: func(context.Context) (*assessment.Library, error) { return s.library() }}
}
