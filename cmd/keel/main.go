// Command keel is Keel, the offline desktop app for strength coaches who
// assess postpartum clients and build their corrective programmes.
//
// With no arguments it opens the window; subcommands (keel help) work on the
// command line.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
)

// AppID is the application's reverse-DNS identifier. It must equal the ID in
// FyneApp.toml (a test checks), because a plain `go build` does not read that
// file and preferences are stored under this ID.
const AppID = "com.keelcoach.keel"

// Version is Keel's version, as in FyneApp.toml.
const Version = "0.1.0"

// command is one subcommand.
type command struct {
	name    string
	usage   string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"help", "keel help", "show this help", func([]string, io.Writer, io.Writer) int { return 0 }},
		{"version", "keel version", "print the version", runVersion},
		{"demo", "keel demo [-db PATH]", "add sample clients (names with accents among them) to the database", runDemo},
		{"assessment", "keel assessment export|import", "write one assessment as JSON, or read one in (docs/FORMAT.md)", runAssessment},
		{"library", "keel library [--json] | --sheet FILE.pdf [-db PATH] [--paper a4|letter]", "list the exercise library, or print it with a figure for every exercise", runLibraryCmd},
		{"clients", "keel clients [-db PATH] [--search TEXT] [--archived] [--json]", "list clients with their ids, weeks postpartum, latest assessment and programme", runClients},
		{"programme", "keel programme -in FILE [-weeks N] [--json]", "generate a programme from an assessment file", runProgramme},
		{"handout", "keel handout -in FILE|-client ID [--force] -out PDF", "print a client's handout to a PDF file", runHandout},
		{"progress", "keel progress -db PATH -client ID [--json] [--csv FILE [--force]]", "a client's progress: first and latest assessments compared, chart series, CSV of her measures", runProgress},
		{"backup", "keel backup [-db PATH] [--force] --out FILE", "write a consistent copy of the database to FILE", runBackup},
		{"restore", "keel restore [-db PATH] FILE", "put a backup in place of the database (the current one is kept)", runRestore},
		{"export", "keel export [-db PATH] [--client N] [--force] --out FILE", "write clients and all about them to a keel.export/1 file (docs/DATA.md)", runExport},
		{"import", "keel import [-db PATH] [--on-conflict X] FILE", "read clients from an export file (X: skip, replace or keep-both)", runImport},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches to the window or a subcommand and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if !isSubcommand(args) {
		return runGUI(args, stderr)
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" {
		printHelp(stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "keel: unknown command %q\n\n", name)
	printHelp(stderr)
	return 2
}

func printHelp(w io.Writer) {
	fmt.Fprintf(w, "Keel %s: assessments, programmes and handouts for strength coaches, offline.\n\n", Version)
	fmt.Fprintln(w, "Usage:")
	fmt.Fprintf(w, "  %-46s %s\n", "keel [-db PATH]", "open the window")
	cs := commands()
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-46s %s\n", c.usage, c.summary)
	}
	fmt.Fprintln(w, "\nFlags:")
	fmt.Fprintln(w, "  -db PATH   the database file (default: $KEEL_DB, else the per-user data folder)")
	fmt.Fprintln(w, "  --force    replace an existing output file (never the database)")
	fmt.Fprintln(w, "\nRun `keel COMMAND -h` for a command's own flags.")
}

func runVersion(_ []string, stdout, _ io.Writer) int {
	fmt.Fprintf(stdout, "keel %s\n", Version)
	return 0
}

// newFlags returns a flag set that prints errors and usage to stderr.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("keel "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

func ctx() context.Context { return context.Background() }
