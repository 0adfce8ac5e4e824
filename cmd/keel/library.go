package main

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/atomicfile"
	"github.com/keel-coach/keel/assessment/sqlite"
	"github.com/keel-coach/keel/report"
)

// runLibraryCmd is `keel library`: with --sheet it prints the catalogue,
// otherwise it lists the library (runLibrary).
func runLibraryCmd(args []string, stdout, stderr io.Writer) int {
	if wantsHelp(args) {
		fmt.Fprintln(stderr, "usage: keel library [--json]                 list the exercise library (as JSON with --json)")
		fmt.Fprintln(stderr, "       keel library --sheet FILE.pdf [-db PATH] [--paper a4|letter] [--force]")
		fmt.Fprintln(stderr, "                                            print the library with a figure for every exercise;")
		fmt.Fprintln(stderr, "                                            -db adds the coach's own exercises")
		return 0
	}
	if slices.ContainsFunc(args, func(a string) bool {
		return a == "-sheet" || a == "--sheet" || strings.HasPrefix(a, "-sheet=") || strings.HasPrefix(a, "--sheet=")
	}) {
		return runLibrarySheet(args, stdout, stderr)
	}
	return runLibrary(args, stdout, stderr)
}

// wantsHelp reports a -h or --help that is an option, not the value of
// --sheet (which the output rule then refuses as a file name).
func wantsHelp(args []string) bool {
	for i, a := range args {
		switch a {
		case "-h", "--h", "-help", "--help":
			if i == 0 || (args[i-1] != "-sheet" && args[i-1] != "--sheet") {
				return true
			}
		}
	}
	return false
}

// runLibrarySheet is `keel library --sheet FILE.pdf [-db PATH] [--paper
// a4|letter]`: a printable catalogue of the library with every exercise's
// figure, name, equipment and cues; the coach's own exercises follow the
// built-in ones when -db is given.
func runLibrarySheet(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("library", stderr)
	sheet := fs.String("sheet", "", "write the printable catalogue to this PDF file")
	dbFlag := fs.String("db", "", "database file whose own exercises are added (default: built-in only)")
	paper := fs.String("paper", "a4", "paper size: a4 or letter")
	force := fs.Bool("force", false, "replace FILE.pdf if it already exists")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 || *sheet == "" {
		fmt.Fprintln(stderr, "usage: keel library --sheet FILE.pdf [-db PATH] [--paper a4|letter] [--force]")
		return 2
	}
	if !checkOut("keel library", *sheet, *dbFlag, *force, stderr) { // the one output rule (open.go)
		return 1
	}
	size := report.PaperA4
	switch strings.ToLower(*paper) {
	case "a4":
	case "letter":
		size = report.PaperLetter
	default:
		fmt.Fprintf(stderr, "keel library: --paper must be a4 or letter, not %q\n", *paper)
		return 2
	}
	lib, err := builtinLibrary()
	if err != nil {
		fmt.Fprintf(stderr, "keel library: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	exercises := append([]*assessment.Exercise(nil), lib.Exercises...)
	if *dbFlag != "" {
		db, code := openDB(*dbFlag, stderr)
		if db == nil {
			return code
		}
		defer db.Close()
		own, err := sqlite.NewExerciseService(db, lib).FindExercises(ctx())
		if err != nil {
			fmt.Fprintf(stderr, "keel library: %s\n", assessment.ErrorMessage(err))
			return 1
		}
		exercises = append(exercises, own...)
	}
	var buf bytes.Buffer
	if err := report.RenderCatalogue(report.BuildCatalogue(exercises, size), &buf, report.RenderOptions{}); err != nil {
		fmt.Fprintf(stderr, "keel library: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	if err := atomicfile.Write(*sheet, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintf(stderr, "keel library: could not write %s: %s\n", *sheet, atomicfile.Reason(err))
		return 1
	}
	fmt.Fprintf(stdout, "Wrote the library sheet (%d exercises) to %s\n", len(exercises), *sheet)
	return 0
}
