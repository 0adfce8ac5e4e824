package main

import (
	"fmt"
	"io"
	"os"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/atomicfile"
	"github.com/keel-coach/keel/assessment/sqlite"
	"github.com/keel-coach/keel/assets"
)

// runAssessment is `keel assessment export|import`.
func runAssessment(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: keel assessment export -db PATH -id N [-out FILE]\n       keel assessment import -db PATH [-client ID] FILE")
		return 2
	}
	switch args[0] {
	case "export":
		return runAssessmentExport(args[1:], stdout, stderr)
	case "import":
		return runAssessmentImport(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "keel assessment: unknown action %q (export or import)\n", args[0])
	return 2
}

func runAssessmentExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("assessment export", stderr)
	dbFlag := fs.String("db", "", "database file")
	id := fs.Int64("id", 0, "the assessment's id")
	out := fs.String("out", "", "write to this file instead of standard output")
	force := fs.Bool("force", false, "replace the -out file if it already exists")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out != "" && !checkOut("keel assessment export", *out, *dbFlag, *force, stderr) {
		return 1
	}
	if *id <= 0 {
		fmt.Fprintln(stderr, "keel assessment export: give the assessment with -id N (keel assessment list is not needed: the id is in the window's title bar and in keel progress)")
		return 2
	}
	db, code := openDB(*dbFlag, stderr)
	if db == nil {
		return code
	}
	defer db.Close()
	s := newServices(db)
	r, err := s.records.FindRecordByID(ctx(), *id)
	if err != nil {
		fmt.Fprintf(stderr, "keel assessment export: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	b, err := assessment.MarshalRecordJSON(r)
	if err != nil {
		fmt.Fprintf(stderr, "keel assessment export: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	if *out == "" {
		if _, err := stdout.Write(b); err != nil {
			fmt.Fprintln(stderr, "keel assessment export: Keel could not write the assessment to the output (is it closed or the disk full?).")
			return 1
		}
		return 0
	}
	if err := atomicfile.Write(*out, b, fileMode); err != nil {
		fmt.Fprintf(stderr, "keel assessment export: %s.\n", err) // *atomicfile.Error: the file and the reason, in words
		return 1
	}
	return 0
}

// fileMode is the mode of every file keel writes for the coach (-out,
// --csv): they hold health information, so only her account may read them.
const fileMode = 0o600

// runAssessmentImport stores an assessment file for a client: the one named
// by -client, else the client with the file's name, else a new client made
// from the file. A bad file writes nothing.
func runAssessmentImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("assessment import", stderr)
	dbFlag := fs.String("db", "", "database file")
	clientID := fs.Int64("client", 0, "the client the assessment belongs to (default: matched by name, or created)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: keel assessment import -db PATH [-client ID] FILE")
		return 2
	}
	r, code := readRecordFile(fs.Arg(0), "keel assessment import", stderr)
	if r == nil {
		return code
	}
	db, code := createDB(*dbFlag, stdout, stderr)
	if db == nil {
		return code
	}
	defer db.Close()
	// The client is found or made, and the assessment saved, in one
	// transaction: a stopped import leaves nothing half done, and two at
	// once never make the same new client twice.
	c, created, err := sqlite.NewRecordService(db).ImportRecord(ctx(), r, *clientID)
	if err != nil {
		fmt.Fprintf(stderr, "keel assessment import: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	how := "existing client"
	if created {
		how = "new client"
	}
	fmt.Fprintf(stdout, "Imported assessment %d of %s (%s, id %d) dated %s\n", r.ID, c.Name, how, c.ID, r.Date)
	return 0
}

// readRecordFile reads and checks an assessment file, printing every
// problem with its key when it is refused.
func readRecordFile(path, cmd string, stderr io.Writer) (*assessment.Record, int) {
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(stderr, "%s: cannot read %s: %v\n", cmd, path, unwrapPathErr(err))
		return nil, 1
	}
	r, err := assessment.ParseRecordJSON(data)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %s is not a valid assessment file:\n", cmd, path)
		if fe := assessment.FieldErrors(err); len(fe) > 0 {
			for _, e := range fe {
				fmt.Fprintf(stderr, "  %s\n", e.Error())
			}
		} else {
			fmt.Fprintf(stderr, "  %s\n", assessment.ErrorMessage(err))
		}
		return nil, 1
	}
	if b, err := assessment.StrictJSON(data); err == nil {
		data = b // a byte-order mark dropped, as the parser did
	}
	for _, k := range assessment.IgnoredRecordKeys(data) {
		fmt.Fprintf(stderr, "%s: warning: %s ignores the unknown key %q (a misspelt section counts as not tested)\n", cmd, path, k)
	}
	return r, 0
}

func unwrapPathErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// builtinLibrary is the exercise library shipped in assets.
func builtinLibrary() (*assessment.Library, error) {
	return assessment.ParseLibrary(assets.LibraryJSON)
}
