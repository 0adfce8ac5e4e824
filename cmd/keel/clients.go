package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// runClients is `keel clients`: every client with her database id (what
// `keel handout -client N` and `keel progress -client N` take), weeks
// postpartum, latest assessment and the status of her newest programme.
// The search is the app's: every word, anywhere in the name or preferred
// name, ignoring case and accents.
func runClients(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("clients", stderr)
	dbFlag := fs.String("db", "", "database file")
	search := fs.String("search", "", "only the clients whose name contains every word of TEXT (accents and case ignored)")
	archived := fs.Bool("archived", false, "include archived clients")
	asJSON := fs.Bool("json", false, "print JSON instead of a table")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "keel clients: unexpected %q (search with --search TEXT)\n", fs.Arg(0))
		return 2
	}
	db, code := openExistingDB("clients", *dbFlag, stderr)
	if db == nil {
		return code
	}
	defer db.Close()
	f := assessment.ClientFilter{Query: *search, IncludeArchived: *archived}
	list, total, err := sqlite.NewClientService(db).FindClientOverviews(ctx(), f)
	if err != nil {
		fmt.Fprintf(stderr, "keel clients: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	today := assessment.DateOf(time.Now())
	if *asJSON {
		err = writeClientsJSON(stdout, list, total, today)
	} else {
		err = writeClientsTable(stdout, list, *search, today)
	}
	if err != nil {
		fmt.Fprintln(stderr, "keel clients: Keel could not write the list to the output (is it closed or the disk full?).")
		return 1
	}
	return 0
}

// openExistingDB opens the database the flag, $KEEL_DB or the default path
// names, but never creates one: a listing of a mistyped path must say so,
// not report an empty new database.
func openExistingDB(cmd, flagValue string, stderr io.Writer) (*sqlite.DB, int) {
	path, err := sqlite.ResolvePath(flagValue)
	if err != nil {
		fmt.Fprintf(stderr, "keel %s: %s\n", cmd, assessment.ErrorMessage(err))
		return nil, 1
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(stderr, "keel %s: there is no Keel database at %s (nothing was created). Check the path, or name the file with -db PATH.\n", cmd, path)
		return nil, 1
	}
	db, err := sqlite.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, "keel %s: %s\n", cmd, assessment.ErrorMessage(err))
		return nil, 1
	}
	return db, 0
}

func writeClientsTable(w io.Writer, list []assessment.ClientOverview, search string, today assessment.Date) error {
	if len(list) == 0 {
		var err error
		if search != "" {
			_, err = fmt.Fprintf(w, "No client's name matches %q.\n", search)
		} else {
			_, err = fmt.Fprintln(w, "No clients yet.")
		}
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tWEEKS POSTPARTUM\tLATEST ASSESSMENT\tPROGRAMME")
	for _, ov := range list {
		c := ov.Client
		name := c.Name
		if c.PreferredName != "" {
			name += " (" + c.PreferredName + ")"
		}
		if c.Archived {
			name += ", archived"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", c.ID, name, weeksWords(c, today), assessedWords(ov.LastAssessment, today), programmeWords(ov.ProgrammeStatus))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d %s\n", len(list), plural(len(list), "client", "clients"))
	return err
}

// clientJSON is one client in `keel clients --json`. Unknown values are
// null, never a made-up zero.
type clientJSON struct {
	ID                    int64            `json:"id"`
	Name                  string           `json:"name"`
	PreferredName         string           `json:"preferred_name,omitempty"`
	Archived              bool             `json:"archived"`
	WeeksPostpartum       *int             `json:"weeks_postpartum"`
	LatestAssessment      *assessment.Date `json:"latest_assessment"`
	LatestAssessmentWords string           `json:"latest_assessment_words"`
	ProgrammeStatus       string           `json:"programme_status"`
}

func writeClientsJSON(w io.Writer, list []assessment.ClientOverview, total int, today assessment.Date) error {
	out := struct {
		Total   int             `json:"total"`
		Today   assessment.Date `json:"today"`
		Clients []clientJSON    `json:"clients"`
	}{Total: total, Today: today, Clients: make([]clientJSON, 0, len(list))}
	for _, ov := range list {
		c := ov.Client
		j := clientJSON{ID: c.ID, Name: c.Name, PreferredName: c.PreferredName, Archived: c.Archived,
			LatestAssessmentWords: assessedWords(ov.LastAssessment, today), ProgrammeStatus: ov.ProgrammeStatus}
		if wk, ok := c.WeeksPostpartum(today); ok {
			j.WeeksPostpartum = &wk
		}
		if !ov.LastAssessment.IsZero() {
			d := ov.LastAssessment
			j.LatestAssessment = &d
		}
		if j.ProgrammeStatus == "" {
			j.ProgrammeStatus = "none"
		}
		out.Clients = append(out.Clients, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// weeksWords is her weeks postpartum today, or why it is not known.
func weeksWords(c *assessment.Client, today assessment.Date) string {
	if c.LastDelivery.IsZero() {
		return "not recorded"
	}
	wk, ok := c.WeeksPostpartum(today)
	if !ok {
		return "delivery date after today"
	}
	return strconv.Itoa(wk)
}

// assessedWords is a latest-assessment date in the local form with how
// long ago it was: "23 Feb 2026 (1 week ago)".
func assessedWords(d, today assessment.Date) string {
	if d.IsZero() {
		return "never assessed"
	}
	days := today.DaysSince(d)
	var ago string
	switch {
	case days < 0:
		ago = "in the future"
	case days == 0:
		ago = "today"
	case days == 1:
		ago = "yesterday"
	case days < 14:
		ago = strconv.Itoa(days) + " days ago"
	case days < 7*9:
		ago = strconv.Itoa(days/7) + " weeks ago"
	case days < 730:
		ago = strconv.Itoa(days*12/365) + " months ago"
	default:
		ago = strconv.Itoa(days/365) + " years ago"
	}
	return d.Time().Format("2 Jan 2006") + " (" + ago + ")"
}

// programmeWords is the status of her newest programme, in words.
func programmeWords(status string) string {
	switch status {
	case "":
		return "none"
	case assessment.StatusDraft:
		return "draft, not issued"
	case assessment.StatusIssued:
		return "issued"
	case assessment.StatusSuperseded:
		return "superseded"
	}
	return status
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
