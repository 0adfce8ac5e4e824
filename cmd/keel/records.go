package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/atomicfile"
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
	if err := fs.Parse(args); err != nil {
		return 2
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
	db, code := openDB(*dbFlag, stderr)
	if db == nil {
		return code
	}
	defer db.Close()
	s := newServices(db)
	c, created, err := clientFor(s, r, *clientID)
	if err != nil {
		fmt.Fprintf(stderr, "keel assessment import: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	r.ClientID = c.ID
	if err := s.records.CreateRecord(ctx(), r); err != nil {
		if created {
			_ = s.clients.DeleteClient(ctx(), c.ID) // leave nothing behind
		}
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

// clientFor finds or creates the client an imported record belongs to.
func clientFor(s services, r *assessment.Record, id int64) (*assessment.Client, bool, error) {
	if id > 0 {
		c, err := s.clients.FindClientByID(ctx(), id)
		return c, false, err
	}
	if r.Client == nil || strings.TrimSpace(r.Client.Name) == "" {
		return nil, false, assessment.Errorf(assessment.EINVALID, "The file names no client: add a \"client\" section with her name, or give -client ID.")
	}
	cs, _, err := s.clients.FindClients(ctx(), assessment.ClientFilter{Query: r.Client.Name, IncludeArchived: true})
	if err != nil {
		return nil, false, err
	}
	for _, c := range cs {
		if c.Name == strings.Join(strings.Fields(r.Client.Name), " ") {
			return c, false, nil
		}
	}
	c := &assessment.Client{Name: r.Client.Name, BirthDate: r.Client.BirthDate, Births: r.Client.Births,
		LastDelivery: r.Client.LastDelivery, DeliveryMode: r.Client.DeliveryMode}
	if r.MedicalClearance != nil {
		cl := *r.MedicalClearance
		c.Clearance = &cl
	}
	if err := s.clients.CreateClient(ctx(), c); err != nil {
		return nil, false, err
	}
	return c, true, nil
}

// builtinLibrary is the exercise library shipped in assets.
func builtinLibrary() (*assessment.Library, error) {
	return assessment.ParseLibrary(assets.LibraryJSON)
}
