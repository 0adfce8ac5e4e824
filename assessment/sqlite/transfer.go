package sqlite

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/keel-coach/keel/assessment"
)

// TransferService exports clients to, and imports them from, the
// keel.export/1 file form (assessment.Export).
//
// Identity: ids are this database's own, so an imported client is matched
// with one already here by assessment.SameClient (same name ignoring case,
// accents and spacing, and the same date of birth). The coach's
// ImportOptions.OnConflict decides what happens to a match.
type TransferService struct {
	db *DB
	// Builtin is the library shipped with Keel: an imported custom exercise
	// must not take a built-in id and may link to built-in exercises.
	Builtin *assessment.Library
}

var _ assessment.TransferService = (*TransferService)(nil)

// NewTransferService returns the export and import service of db.
func NewTransferService(db *DB, builtin *assessment.Library) *TransferService {
	return &TransferService{db: db, Builtin: builtin}
}

// ExportClients gathers one client (clientID > 0) or every client
// (clientID 0), archived ones included, with their assessments, every
// version of their programmes, their session logs and the custom exercises
// those programmes use (every one, and every template, for all clients),
// in one read transaction (a consistent snapshot), and renumbers it. ExportedAt is the database clock.
func (s *TransferService) ExportClients(ctx context.Context, clientID int64) (*assessment.Export, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	e := &assessment.Export{Format: assessment.FormatExport, ExportedAt: s.db.Now().UTC()}

	if clientID != 0 {
		c, err := findClientByID(ctx, tx, clientID)
		if err != nil {
			return nil, err
		}
		e.Clients = []*assessment.Client{c}
	} else if e.Clients, _, err = findClients(ctx, tx, assessment.ClientFilter{IncludeArchived: true}); err != nil {
		return nil, err
	}

	where, args := "", []any{}
	if clientID != 0 {
		where, args = " WHERE client_id = ?", []any{clientID}
	}
	if e.Assessments, err = queryAll(ctx, tx, `SELECT `+recordColumns+` FROM assessments`+where+` ORDER BY id`, args, scanRecord); err != nil {
		return nil, mapError("export the assessments", err)
	}
	if e.Programmes, err = queryAll(ctx, tx, `SELECT `+programmeColumns+` FROM programmes`+where+` ORDER BY id`, args, scanProgramme); err != nil {
		return nil, mapError("export the programmes", err)
	}
	if e.SessionLogs, err = exportSessionLogs(ctx, tx, where, args); err != nil {
		return nil, err
	}
	custom, err := findExercises(ctx, tx)
	if err != nil {
		return nil, err
	}
	if clientID == 0 {
		e.Exercises = custom
		// The coach's templates are hers, not a client's: they travel with
		// an export of every client.
		if e.Templates, err = findTemplates(ctx, tx); err != nil {
			return nil, err
		}
	} else {
		e.Exercises = usedExercises(e.Programmes, custom)
	}
	if err := e.Renumber(); err != nil {
		return nil, err
	}
	return e, nil
}

// queryAll runs a query and scans every row with scan.
func queryAll[T any](ctx context.Context, q querier, query string, args []any, scan func(scanner) (*T, error)) ([]*T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// exportSessionLogs reads the session logs (table session_logs,
// migrations 0002 and 0008) with their storage columns.
func exportSessionLogs(ctx context.Context, q querier, where string, args []any) ([]*assessment.SessionLog, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+sessionLogColumns+` FROM session_logs`+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, mapError("export the session logs", err)
	}
	defer rows.Close()
	var out []*assessment.SessionLog
	for rows.Next() {
		l, err := scanSessionLog(rows)
		if err != nil {
			return nil, assessment.Internal("export the session logs", err)
		}
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, mapError("export the session logs", err)
	}
	return out, nil
}

// usedExercises returns the custom exercises the programmes name (in a
// session, as an exclusion or an override), with the custom exercises
// those link to as easier or harder variations, so the set is complete on
// its own.
func usedExercises(progs []*assessment.Programme, custom []*assessment.Exercise) []*assessment.Exercise {
	byID := make(map[string]*assessment.Exercise, len(custom))
	for _, e := range custom {
		byID[e.ID] = e
	}
	want := map[string]bool{}
	var visit func(id string)
	visit = func(id string) {
		e, ok := byID[id]
		if !ok || want[id] {
			return
		}
		want[id] = true
		visit(e.Regression)
		visit(e.Progression)
	}
	for _, p := range progs {
		for _, w := range p.Weeks {
			for _, d := range w.Days {
				for _, x := range d.Exercises {
					visit(x.ExerciseID)
				}
			}
		}
		for _, x := range p.Excluded {
			visit(x.ExerciseID)
		}
		for _, o := range p.Overrides {
			visit(o.ExerciseID)
		}
	}
	out := []*assessment.Exercise{}
	for _, e := range custom {
		if want[e.ID] {
			out = append(out, e)
		}
	}
	return out
}

// ImportClients stores the export's clients, with everything about them,
// in one transaction: on any error nothing is stored. Each client of the
// file is matched against the clients here before the import
// (assessment.SameClient); a match is skipped, replaced (deleted with
// everything about her, then stored under her old id) or kept beside the
// imported copy, as opts.OnConflict says. Times (created, updated) are kept
// from the file, so an export of the imported clients reads like the file.
//
// Custom exercises: a new one is added; one with the same id and the same
// content is left alone; one with other content is replaced under
// ConflictReplace and kept as it is otherwise. The library must still hold
// together afterwards (links resolve, no built-in id taken), or the import
// is refused.
//
// With opts.DryRun nothing is written and the summary says what would
// happen.
func (s *TransferService) ImportClients(ctx context.Context, e *assessment.Export, opts assessment.ImportOptions) (*assessment.ImportSummary, error) {
	if e == nil {
		return nil, assessment.Errorf(assessment.EINVALID, "There is nothing to import.")
	}
	policy := opts.OnConflict
	if policy == "" {
		policy = assessment.ConflictSkip
	}
	if !slices.Contains(assessment.ConflictPolicies, policy) {
		return nil, assessment.FieldErrorf(assessment.EINVALID, "on_conflict", "Choose skip, replace or keep-both.")
	}
	if e.Format != "" && e.Format != assessment.FormatExport {
		return nil, assessment.FieldErrorf(assessment.EUNSUPPORTED, "format", "Keel imports %s files, not %q.", assessment.FormatExport, e.Format)
	}
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	today := tx.today()
	if err := e.Validate(today); err != nil {
		return nil, err
	}
	day := e.ValidationDay(today)

	sum := &assessment.ImportSummary{DryRun: opts.DryRun}
	if err := s.importExercises(ctx, tx, e.Exercises, policy, sum); err != nil {
		return nil, err
	}

	if err := importTemplates(ctx, tx, e.Templates, sum); err != nil {
		return nil, err
	}

	clientID := map[int64]int64{} // file id → database id, for clients imported
	fresh := map[int64]bool{}
	for _, c := range e.Clients {
		ic, dbID, err := importClient(ctx, tx, c, policy, fresh, day)
		if err != nil {
			return nil, assessment.ImportFailed(c, err)
		}
		sum.Clients = append(sum.Clients, ic)
		if dbID != 0 {
			clientID[c.ID] = dbID
			fresh[dbID] = true
		}
	}

	recordID := map[int64]int64{}
	for _, r := range e.Assessments {
		cid, ok := clientID[r.ClientID]
		if !ok {
			continue // her client was skipped
		}
		id, err := insertRecord(ctx, tx, r, cid)
		if err != nil {
			return nil, err
		}
		recordID[r.ID] = id
		sum.Assessments++
	}

	// The first version of each lineage goes in first: it names the
	// lineage after its new id.
	progs := assessment.ProgrammesInImportOrder(e.Programmes)
	progID := map[int64]int64{}
	lineage := map[int64]int64{}
	for _, p := range progs {
		cid, ok := clientID[p.ClientID]
		if !ok {
			continue
		}
		id, err := insertProgramme(ctx, tx, p, cid, recordID[p.RecordID], lineage[p.Lineage])
		if err != nil {
			return nil, err
		}
		progID[p.ID] = id
		if p.ID == p.Lineage {
			lineage[p.Lineage] = id
		}
		sum.Programmes++
	}

	for _, l := range e.SessionLogs {
		cid, ok := clientID[l.ClientID]
		if !ok {
			continue
		}
		if err := insertSessionLog(ctx, tx, l, cid, progID[l.ProgrammeID]); err != nil {
			return nil, err
		}
		sum.SessionLogs++
	}

	if opts.DryRun {
		for i := range sum.Clients {
			if sum.Clients[i].Action != assessment.ImportReplaced && sum.Clients[i].Action != assessment.ImportSkipped {
				sum.Clients[i].ID = 0 // the rollback takes the new ids back
			}
		}
		return sum, nil // the deferred rollback undoes everything
	}
	if err := tx.commit("import the clients"); err != nil {
		return nil, err
	}
	// A replaced client's old details leave the write-ahead log at once, as
	// after an erase.
	for _, c := range sum.Clients {
		if c.Action == assessment.ImportReplaced {
			s.db.checkpoint(ctx)
			break
		}
	}
	return sum, nil
}

// importClient stores one client of the file as the policy says and
// returns what it did and her database id (0 when skipped). fresh holds
// the ids this import has stored so far, which are never a conflict.
func importClient(ctx context.Context, tx *writeTx, fc *assessment.Client, policy assessment.ConflictPolicy, fresh map[int64]bool, day assessment.Date) (assessment.ImportedClient, int64, error) {
	c := *fc
	if fc.Clearance != nil {
		cl := *fc.Clearance
		c.Clearance = &cl
	}
	c.Normalize()
	ic := assessment.ImportedClient{Name: c.Name, Action: assessment.ImportAdded}

	match, err := matchClient(ctx, tx, &c, fresh)
	if err != nil {
		return ic, 0, err
	}
	var reuse int64
	if match != 0 {
		switch policy {
		case assessment.ConflictSkip:
			ic.Action, ic.ID = assessment.ImportSkipped, match
			return ic, 0, nil
		case assessment.ConflictReplace:
			// Deleting cascades to everything about her, including tables
			// added later; she comes back under the same id.
			if _, err := tx.ExecContext(ctx, `DELETE FROM clients WHERE id = ?`, match); err != nil {
				return ic, 0, mapError("replace the client", err)
			}
			ic.Action, reuse = assessment.ImportReplaced, match
		case assessment.ConflictKeepBoth:
			ic.Action = assessment.ImportCopied
			c.Name = markImported(c.Name)
			ic.Name = c.Name
		}
	}
	id, err := insertClient(ctx, tx, &c, reuse, day)
	if err != nil {
		return ic, 0, err
	}
	ic.ID = id
	return ic, id, nil
}

// markImported appends ImportedSuffix, shortening the name to keep it
// within MaxNameLen.
func markImported(name string) string {
	room := assessment.MaxNameLen - utf8.RuneCountInString(assessment.ImportedSuffix)
	if r := []rune(name); len(r) > room {
		name = strings.TrimSpace(string(r[:room]))
	}
	return name + assessment.ImportedSuffix
}

// matchClient returns the id of a client already here who is the same
// person as c (the lowest id if several), or 0. Clients stored by this
// import do not count: only what was here before is a conflict. The
// clients' sort_key is their folded name, so the index finds candidates.
func matchClient(ctx context.Context, tx *writeTx, c *assessment.Client, fresh map[int64]bool) (int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+clientColumns+` FROM clients WHERE sort_key = ? ORDER BY id`, assessment.Fold(c.Name))
	if err != nil {
		return 0, mapError("look for the client", err)
	}
	defer rows.Close()
	for rows.Next() {
		have, err := scanClient(rows)
		if err != nil {
			return 0, mapError("look for the client", err)
		}
		if !fresh[have.ID] && assessment.SameClient(have, c) {
			return have.ID, nil
		}
	}
	return 0, mapError("look for the client", rows.Err())
}

// insertClient stores c with its own times, under id reuse when not 0,
// checked as of day (Export.ValidationDay).
func insertClient(ctx context.Context, tx *writeTx, c *assessment.Client, reuse int64, day assessment.Date) (int64, error) {
	if err := c.Validate(day); err != nil {
		return 0, err
	}
	cb, cd := clearanceCols(c)
	var id any
	if reuse != 0 {
		id = reuse
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO clients (
		id, name, preferred_name, birth_date, phone, email, births, births_unknown, last_delivery_date,
		delivery_mode, clearance_date, clearance_by, notes, archived,
		sort_key, search_key, created_at, updated_at
	) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, c.Name, c.PreferredName, nullDate(c.BirthDate), c.Phone, c.Email, c.Births, c.BirthsUnknown, nullDate(c.LastDelivery),
		string(c.DeliveryMode), cd, cb, c.Notes, c.Archived,
		assessment.Fold(c.Name), searchKey(c), formatTime(orNow(c.CreatedAt, tx)), formatTime(orNow(c.UpdatedAt, tx)))
	if err != nil {
		return 0, mapError("import the client", err)
	}
	n, err := res.LastInsertId()
	if err != nil {
		return 0, mapError("import the client", err)
	}
	return n, nil
}

// orNow is t, or the transaction's time when the file gave none.
func orNow(t time.Time, tx *writeTx) time.Time {
	if t.IsZero() {
		return tx.now
	}
	return t
}

func insertRecord(ctx context.Context, tx *writeTx, fr *assessment.Record, clientID int64) (int64, error) {
	r := *fr
	r.Format = assessment.FormatAssessment
	data, err := r.StoredDocument()
	if err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO assessments (client_id, date, kind, data, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?)`, clientID, r.Date.String(), r.Kind, data,
		formatTime(orNow(r.CreatedAt, tx)), formatTime(orNow(r.UpdatedAt, tx)))
	if err != nil {
		return 0, mapError("import the assessment", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, mapError("import the assessment", err)
	}
	return id, nil
}

// insertProgramme stores one version. lineage is the database id of the
// first version of its lineage, or 0 for that first version itself (which
// then names the lineage after its own new id).
func insertProgramme(ctx context.Context, tx *writeTx, fp *assessment.Programme, clientID, recordID, lineage int64) (int64, error) {
	data, err := programmeJSON(fp)
	if err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO programmes (client_id, record_id, lineage, version, status, data, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, clientID, recordID, lineage, fp.Version, fp.Status, data,
		formatTime(orNow(fp.CreatedAt, tx)), formatTime(orNow(fp.UpdatedAt, tx)))
	if err != nil {
		return 0, mapError("import the programme", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, mapError("import the programme", err)
	}
	if lineage == 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE programmes SET lineage = id WHERE id = ?`, id); err != nil {
			return 0, mapError("import the programme", err)
		}
	}
	return id, nil
}

func insertSessionLog(ctx context.Context, tx *writeTx, l *assessment.SessionLog, clientID, programmeID int64) error {
	return insertSessionLogAs(ctx, tx, l, 0, clientID, programmeID)
}

// insertSessionLogAs stores l with its own times, under id when not 0.
func insertSessionLogAs(ctx context.Context, tx *writeTx, l *assessment.SessionLog, id, clientID, programmeID int64) error {
	exercises, err := assessment.OutcomesJSON(l.Exercises)
	if err != nil {
		return err
	}
	var rowID any
	if id != 0 {
		rowID = id
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO session_logs (id, client_id, programme_id, date, status, pain, doming, note, session, exercises, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, rowID, clientID, programmeID, l.Date.String(), l.Status, l.Pain, l.Doming, l.Note, l.Session, exercises,
		formatTime(orNow(l.CreatedAt, tx)), formatTime(orNow(l.UpdatedAt, tx))); err != nil {
		return mapError("save the session log", err)
	}
	return nil
}

// importExercises adds, replaces or keeps the file's custom exercises and
// checks the library still holds together.
func (s *TransferService) importExercises(ctx context.Context, tx *writeTx, file []*assessment.Exercise, policy assessment.ConflictPolicy, sum *assessment.ImportSummary) error {
	if len(file) == 0 {
		return nil
	}
	have, err := findExercises(ctx, tx)
	if err != nil {
		return err
	}
	write, err := assessment.MergeExercises(have, file, s.Builtin, policy, sum)
	if err != nil {
		return err
	}
	for _, e := range write {
		if err := putExercise(ctx, tx, e, "import the exercises"); err != nil {
			return err
		}
	}
	return nil
}

// ClientCount returns how many clients the database holds (archived ones
// included); the data screen shows it.
func (s *TransferService) ClientCount(ctx context.Context) (int, error) {
	var n int
	if err := s.db.rdb.QueryRowContext(ctx, `SELECT count(*) FROM clients`).Scan(&n); err != nil {
		return 0, mapError("count the clients", err)
	}
	return n, nil
}
