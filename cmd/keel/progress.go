package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/atomicfile"
)

// FormatProgress is the "format" value of `keel progress --json`.
const FormatProgress = "keel.progress/1"

// progressJSON is the document `keel progress --json` writes
// (docs/FORMAT.md, "Progress (keel.progress/1)"). Keys may be added, never
// renamed.
type progressJSON struct {
	Format      string                 `json:"format"`
	Client      progressClient         `json:"client"`
	Assessments []assessment.RecordRef `json:"assessments"`
	Comparison  *assessment.Comparison `json:"comparison"`
	Trends      []assessment.Trend     `json:"trends"`
	Next        *progressNext          `json:"next_reassessment"`
	// Phase is, when her latest assessment was made after her current
	// programme began, the phase she is in, the next one, which of its
	// entry criteria that assessment meets, and whether Keel proposes
	// moving on (rule 14).
	Phase     *assessment.PhaseProposal  `json:"phase,omitempty"`
	phaseName map[string]string          // phase code to its title in her programme
	Adherence []assessment.WeekAdherence `json:"adherence"`
}

type progressClient struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

type progressNext struct {
	Date   assessment.Date `json:"date"`
	Reason string          `json:"reason"`
}

// runProgress is `keel progress`: a client's first and latest assessments
// compared, the series behind her charts, when she is next due, and
// optionally her measures as CSV.
func runProgress(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("progress", stderr)
	dbFlag := fs.String("db", "", "database file")
	clientID := fs.Int64("client", 0, "the client's id")
	asJSON := fs.Bool("json", false, "write keel.progress/1 JSON (docs/FORMAT.md) instead of text")
	csvPath := fs.String("csv", "", "also write her measures over time to this CSV file (one row per assessment)")
	force := fs.Bool("force", false, "replace the --csv file if it already exists")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *csvPath != "" && !checkOut("keel progress", *csvPath, *dbFlag, *force, stderr) {
		return 1
	}
	if *clientID <= 0 || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: keel progress -db PATH -client ID [--json] [--csv FILE [--force]]")
		return 2
	}
	db, code := openDB(*dbFlag, stderr)
	if db == nil {
		return code
	}
	defer db.Close()
	s := newServices(db)
	doc, recs, err := gatherProgress(s, *clientID, assessment.DateOf(db.Now()))
	if err != nil {
		fmt.Fprintf(stderr, "keel progress: %s\n", assessment.ErrorMessage(err))
		return 1
	}
	if *csvPath != "" {
		var buf bytes.Buffer
		if err := assessment.MeasuresCSV(&buf, doc.Client.Name, recs); err != nil {
			fmt.Fprintf(stderr, "keel progress: %s\n", assessment.ErrorMessage(err))
			return 1
		}
		if err := atomicfile.Write(*csvPath, buf.Bytes(), fileMode); err != nil {
			fmt.Fprintf(stderr, "keel progress: %s.\n", err) // *atomicfile.Error: the file and the reason, in words
			return 1
		}
		if err := s.exports.AddExport(ctx(), &assessment.ExportedFile{ClientID: *clientID, Path: absPath(*csvPath), Kind: assessment.ExportKindCSV}); err != nil {
			fmt.Fprintf(stderr, "keel progress: %s\n", assessment.ErrorMessage(err))
			return 1
		}
	}
	if *asJSON {
		b, err := json.MarshalIndent(doc, "", "  ")
		if err != nil {
			fmt.Fprintf(stderr, "keel progress: %v\n", err)
			return 1
		}
		_, _ = stdout.Write(append(b, '\n'))
		return 0
	}
	writeProgressText(stdout, doc)
	if *csvPath != "" {
		fmt.Fprintf(stdout, "\nWrote %s\n", *csvPath)
	}
	return 0
}

// absPath names the file in full, so the timeline can open it from
// anywhere.
func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// gatherProgress reads what the progress document needs.
func gatherProgress(s services, clientID int64, today assessment.Date) (*progressJSON, []*assessment.Record, error) {
	c, err := s.clients.FindClientByID(ctx(), clientID)
	if err != nil {
		return nil, nil, err
	}
	recs, err := s.records.FindRecords(ctx(), assessment.RecordFilter{ClientID: c.ID})
	if err != nil {
		return nil, nil, err
	}
	doc := &progressJSON{Format: FormatProgress, Client: progressClient{ID: c.ID, Name: c.Name},
		Assessments: []assessment.RecordRef{}, Trends: assessment.Trends(recs), Adherence: []assessment.WeekAdherence{}}
	for _, r := range recs {
		doc.Assessments = append(doc.Assessments, assessment.RecordRef{ID: r.ID, Date: r.Date, Kind: r.Kind})
	}
	if doc.Trends == nil {
		doc.Trends = []assessment.Trend{}
	}
	if len(recs) >= 2 {
		cmp := assessment.Compare(recs[0], recs[len(recs)-1])
		if cmp.Rows == nil {
			cmp.Rows = []assessment.MeasureChange{}
		}
		doc.Comparison = &cmp
	}
	ps, err := s.programmes.FindProgrammes(ctx(), assessment.ProgrammeFilter{ClientID: c.ID})
	if err != nil {
		return nil, nil, err
	}
	issued := assessment.CurrentProgramme(ps)
	if len(recs) > 0 && issued != nil && issued.RecordID != recs[len(recs)-1].ID {
		if pp := assessment.ProposeNextPhase(issued, recs[len(recs)-1]); pp.Current != "" {
			doc.Phase = &pp
			doc.phaseName = map[string]string{}
			for _, ph := range issued.Phases {
				if ph.Title != "" {
					doc.phaseName[ph.Name] = strings.ToLower(ph.Title)
				}
			}
		}
	}
	if len(recs) > 0 {
		in := assessment.DueInputFor(c, recs[len(recs)-1].Date, issued)
		if d, why, ok := assessment.NextReassessment(in); ok {
			doc.Next = &progressNext{Date: d, Reason: why}
		}
	}
	if issued != nil && s.sessionLogs != nil {
		logs, err := s.sessionLogs.FindSessionLogs(ctx(), assessment.SessionLogFilter{ClientID: c.ID})
		if err != nil {
			return nil, nil, err
		}
		if a := assessment.Adherence(issued, logs, today); a != nil {
			doc.Adherence = a
		}
	}
	return doc, recs, nil
}

// writePhaseProposal says, after a reassessment, which entry criteria of
// her next phase are met and whether Keel proposes moving on.
func writePhaseProposal(w io.Writer, pp *assessment.PhaseProposal, names map[string]string) {
	if pp == nil {
		return
	}
	name := func(code string) string {
		if t, ok := names[code]; ok {
			return t
		}
		return strings.ReplaceAll(code, "_", " ")
	}
	if pp.Next == "" {
		fmt.Fprintf(w, "Phase: she is in the last phase (%s) of her programme.\n", name(pp.Current))
		return
	}
	verdict := "stay in the current phase until every criterion below is met"
	if pp.Ready {
		verdict = "move on: every criterion is met"
	}
	fmt.Fprintf(w, "Phase: %s now; next %s. Keel proposes to %s.\n", name(pp.Current), name(pp.Next), verdict)
	for _, c := range pp.Checks {
		mark := "not met"
		if c.Met {
			mark = "met"
		}
		fmt.Fprintf(w, "  - %s (%s)\n", c.Text, mark)
	}
}

// writeProgressText writes the document for a person to read.
func writeProgressText(w io.Writer, doc *progressJSON) {
	fmt.Fprintf(w, "%s: %d assessments\n", doc.Client.Name, len(doc.Assessments))
	if doc.Next != nil {
		fmt.Fprintf(w, "Next reassessment: %s (%s)\n", doc.Next.Date, doc.Next.Reason)
	}
	writePhaseProposal(w, doc.Phase, doc.phaseName)
	if c := doc.Comparison; c != nil {
		fmt.Fprintf(w, "\nFirst (%s) and latest (%s) assessments:\n", c.Before.Date, c.After.Date)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "Measure\tFirst\tLatest\tChange\t")
		for _, r := range c.Rows {
			change := r.ChangeText
			switch {
			case r.Only == assessment.OnlyEarlier:
				change = "recorded only in the first"
			case r.Only == assessment.OnlyLater:
				change = "recorded only in the latest"
			case !r.Compared():
				change = "not compared"
			case r.Direction == assessment.DirectionBetter || r.Direction == assessment.DirectionWorse:
				change += " (" + string(r.Direction) + ")"
			}
			if r.Meaningful {
				change += " *"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", r.Measure, r.BeforeText, r.AfterText, change)
		}
		tw.Flush()
		fmt.Fprintln(w, "* a real change: more than measurement noise (domain rules: pain 2 points or 30%, gap 1 finger or 10 mm, tilt over 4°, any grade or hinge step)")
	} else {
		fmt.Fprintln(w, "\nOne assessment so far: nothing to compare yet.")
	}
	if len(doc.Trends) > 0 {
		fmt.Fprintln(w, "\nOver time:")
		for _, t := range doc.Trends {
			for _, s := range t.Series {
				var pts []string
				for _, p := range s.Points {
					pts = append(pts, p.Date.String()+" "+p.Text)
				}
				fmt.Fprintf(w, "  %s, %s: %s\n", t.Title, s.Label, strings.Join(pts, ", "))
			}
		}
	}
	if pct, ok := assessment.OverallAdherence(doc.Adherence); ok {
		fmt.Fprintf(w, "\nAdherence to her current programme: %d%% of the sessions planned so far\n", pct)
	}
}
