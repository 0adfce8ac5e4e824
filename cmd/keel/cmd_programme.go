package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/keel-coach/keel/assessment"
)

// runLibrary is `keel library [-json]`: the built-in exercise library, as
// the contract JSON of docs/PROGRAMME.md or as a table.
func runLibrary(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("library", stderr)
	asJSON := fs.Bool("json", false, "print the library as JSON (docs/PROGRAMME.md)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: keel library [-json]")
		return 2
	}
	lib, err := builtinLibrary()
	if err != nil {
		fmt.Fprintf(stderr, "keel library: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	if *asJSON {
		b, err := assessment.LibraryJSON(lib)
		if err != nil {
			fmt.Fprintf(stderr, "keel library: %s\n", assessment.ErrorMessage(err))
			return 1
		}
		_, err = stdout.Write(b)
		return writeStatus(err, stderr)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tFAMILY\tEQUIPMENT\tDEMANDS")
	for _, e := range lib.Exercises {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", e.ID, e.Name, e.Family, strings.Join(e.Equipment, ","), orDash(strings.Join(e.Demands, ",")))
	}
	return writeStatus(tw.Flush(), stderr)
}

// runProgramme is `keel programme -in ASSESSMENT.json [-weeks N] [-start
// DATE] [-equipment LIST] [-json]`: the programme Keel generates for one
// assessment file, with the built-in library and no database.
func runProgramme(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("programme", stderr)
	in := fs.String("in", "", "the assessment file (keel.assessment/1)")
	weeks := fs.Int("weeks", assessment.DefaultProgrammeWeeks, "programme length in weeks (4–12)")
	start := fs.String("start", "", "first day of week 1, YYYY-MM-DD (default: the Monday after the assessment)")
	equipment := fs.String("equipment", "", "comma-separated equipment available, e.g. band,dowel,kettlebell (default: all)")
	asJSON := fs.Bool("json", false, "print the programme as JSON (docs/PROGRAMME.md)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *in == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: keel programme -in ASSESSMENT.json [-weeks N] [-start YYYY-MM-DD] [-equipment a,b] [-json]")
		return 2
	}
	opts := assessment.ProgrammeOptions{Weeks: *weeks}
	if *start != "" {
		d, err := assessment.ParseDate(*start)
		if err != nil {
			fmt.Fprintf(stderr, "keel programme: -start must be a date written as YYYY-MM-DD, got %q\n", *start)
			return 2
		}
		opts.Start = d
	}
	for _, e := range strings.Split(*equipment, ",") {
		if e = strings.TrimSpace(e); e != "" {
			opts.Equipment = append(opts.Equipment, e)
		}
	}
	r, code := readRecordFile(*in, "keel programme", stderr)
	if r == nil {
		return code
	}
	lib, err := builtinLibrary()
	if err != nil {
		fmt.Fprintf(stderr, "keel programme: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	p, err := assessment.Generate(r, lib, opts)
	if err != nil {
		fmt.Fprintf(stderr, "keel programme: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	if *asJSON {
		b, err := assessment.MarshalProgrammeJSON(p)
		if err != nil {
			fmt.Fprintf(stderr, "keel programme: %s\n", assessment.ErrorMessage(err))
			return 1
		}
		_, err = stdout.Write(b)
		return writeStatus(err, stderr)
	}
	_, err = io.WriteString(stdout, p.Text())
	return writeStatus(err, stderr)
}

// writeStatus turns a write error on stdout into exit status 1.
func writeStatus(err error, stderr io.Writer) int {
	if err != nil {
		fmt.Fprintf(stderr, "keel: cannot write the output: %v\n", err)
		return 1
	}
	return 0
}

// orDash shows "-" for an empty table cell.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
