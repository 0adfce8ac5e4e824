package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/keel-coach/keel/assessment"
)

// TransferService exports clients to, and imports them from, the
// keel.export/1 file form (assessment.Export), so clients move between a
// coach's own file and the studio database (keel export from one, keel
// import into the other). The rules are the SQLite store's
// (assessment/sqlite/transfer.go): ids are each database's own, a client
// already here is matched by assessment.SameClient, and the coach's
// ImportOptions.OnConflict decides what happens to a match.
type TransferService struct {
	db *DB
	// Builtin is the library shipped with Keel.
	Builtin *assessment.Library
}

var _ assessment.TransferService = (*TransferService)(nil)

// NewTransferService returns the export and import service of db.
func NewTransferService(db *DB, builtin *assessment.Library) *TransferService {
	return &TransferService{db: db, Builtin: builtin}
}

// ExportClients gathers one client (clientID > 0) or every client
// (clientID 0), archived ones included, with their assessments, every
// version of their programmes, their session logs and the custom
// exercises those programmes use, from one snapshot, and renumbers it.
func (s *TransferService) ExportClients(ctx context.Context, clientID int64) (*assessment.Export, error) {
	e := &assessment.Export{Format: assessment.FormatExport, ExportedAt: s.db.Now().UTC()}
	err := s.db.read(ctx, "export the clients", func(tx *sql.Tx) error {
		var err error
		if clientID != 0 {
			c, err := findClientByID(ctx, s.db, tx, clientID)
			if err != nil {
				return err
			}
			e.Clients = []*assessment.Client{c}
		} else if e.Clients, err = queryAll(ctx, tx, `SELECT `+clientColumns+` FROM clients ORDER BY sort_key, id`, nil, scanClient); err != nil {
			return s.db.mapError("export the clients", err)
		}
		where, args := "", []any{}
		if clientID != 0 {
			where, args = " WHERE client_id = $1", []any{clientID}
		}
		if e.Assessments, err = queryAll(ctx, tx, `SELECT `+recordColumns+` FROM assessments`+where+` ORDER BY id`, args, scanRecord); err != nil {
			return s.db.mapError("export the assessments", err)
		}
		if e.Programmes, err = queryAll(ctx, tx, `SELECT `+programmeColumns+` FROM programmes`+where+` ORDER BY id`, args, scanProgramme); err != nil {
			return s.db.mapError("export the programmes", err)
		}
		if e.SessionLogs, err = queryAll(ctx, tx, `SELECT `+sessionLogColumns+` FROM session_logs`+where+` ORDER BY id`, args, scanSessionLog); err != nil {
			return s.db.mapError("export the session logs", err)
		}
		custom, err := findExercises(ctx, s.db, tx)
		if err != nil {
			return err
		}
		if clientID == 0 {
			e.Exercises = custom
		} else {
			e.Exercises = usedExercises(e.Programmes, custom)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if e.Clients == nil {
		e.Clients = []*assessment.Client{}
	}
	if err := e.Renumber(); err != nil {
		return nil, err
	}
	return e, nil
}

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

// findAll is a listing in one read transaction: every row of query,
// scanned, as a list that is empty rather than nil when nothing matches.
func findAll[T any](ctx context.Context, db *DB, op, query string, args []any, scan func(scanner) (*T, error)) ([]*T, error) {
	out := []*T{}
	err := db.read(ctx, op, func(tx *sql.Tx) error {
		rows, err := queryAll(ctx, tx, query, args, scan)
		if err != nil {
			return db.mapError(op, err)
		}
		out = append(out, rows...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// usedExercises returns the custom exercises the programmes name, with the
// custom exercises those link to, so the set is complete on its own.
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

// errDryRun ends a dry run's transaction without committing it.
var errDryRun = errors.New("dry run")

// ImportClients stores the export's clients, with everything about them,
// in one transaction: on any error nothing is stored. See the SQLite
// store for the rules; with opts.DryRun nothing is written and the summary
// says what would happen.
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
	var sum *assessment.ImportSummary
	err := s.db.write(ctx, "import the clients", func(tx *writeTx) error {
		var err error
		sum, err = s.importAll(ctx, tx, e, policy, opts.DryRun)
		if err == nil && opts.DryRun {
			return errDryRun
		}
		return err
	})
	if err != nil && !errors.Is(err, errDryRun) {
		return nil, err
	}
	return sum, nil
}

func (s *TransferService) importAll(ctx context.Context, tx *writeTx, e *assessment.Export, policy assessment.ConflictPolicy, dryRun bool) (*assessment.ImportSummary, error) {
	today := tx.today()
	if err := e.Validate(today); err != nil {
		return nil, err
	}
	day := e.ValidationDay(today)
	sum := &assessment.ImportSummary{DryRun: dryRun}
	if err := s.importExercises(ctx, tx, e.Exercises, policy, sum); err != nil {
		return nil, err
	}
	clientID := map[int64]int64{}
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
			continue
		}
		rec := *r
		rec.Format = assessment.FormatAssessment
		data, err := rec.StoredDocument()
		if err != nil {
			return nil, err
		}
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO assessments (client_id, date, kind, data, created_by, updated_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $5, $6, $7) RETURNING id`, cid, rec.Date.String(), rec.Kind, data, tx.db.Coach,
			orNow(rec.CreatedAt, tx), orNow(rec.UpdatedAt, tx)).Scan(&id); err != nil {
			return nil, tx.db.mapError("import the assessment", err)
		}
		recordID[r.ID] = id
		sum.Assessments++
	}
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
		exercises, err := assessment.OutcomesJSON(l.Exercises)
		if err != nil {
			return nil, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO session_logs (client_id, programme_id, date, status, pain, doming, note, session, exercises, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`, cid, progID[l.ProgrammeID], l.Date.String(), l.Status, l.Pain, l.Doming, l.Note,
			l.Session, exercises, tx.db.Coach, orNow(l.CreatedAt, tx), orNow(l.UpdatedAt, tx)); err != nil {
			return nil, tx.db.mapError("import the session log", err)
		}
		sum.SessionLogs++
	}
	if dryRun {
		for i := range sum.Clients {
			if sum.Clients[i].Action != assessment.ImportReplaced && sum.Clients[i].Action != assessment.ImportSkipped {
				sum.Clients[i].ID = 0
			}
		}
	}
	return sum, nil
}

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
			if _, err := tx.ExecContext(ctx, `DELETE FROM clients WHERE id = $1`, match); err != nil {
				return ic, 0, tx.db.mapError("replace the client", err)
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

func markImported(name string) string {
	room := assessment.MaxNameLen - utf8.RuneCountInString(assessment.ImportedSuffix)
	if r := []rune(name); len(r) > room {
		name = strings.TrimSpace(string(r[:room]))
	}
	return name + assessment.ImportedSuffix
}

func matchClient(ctx context.Context, tx *writeTx, c *assessment.Client, fresh map[int64]bool) (int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+clientColumns+` FROM clients WHERE sort_key = $1 ORDER BY id`, assessment.Fold(c.Name))
	if err != nil {
		return 0, tx.db.mapError("look for the client", err)
	}
	defer rows.Close()
	for rows.Next() {
		have, err := scanClient(rows)
		if err != nil {
			return 0, tx.db.mapError("look for the client", err)
		}
		if !fresh[have.ID] && assessment.SameClient(have, c) {
			return have.ID, nil
		}
	}
	return 0, tx.db.mapError("look for the client", rows.Err())
}

// insertClient stores c with its own times, under id reuse when not 0.
func insertClient(ctx context.Context, tx *writeTx, c *assessment.Client, reuse int64, day assessment.Date) (int64, error) {
	if err := c.Validate(day); err != nil {
		return 0, err
	}
	cb, cd := clearanceCols(c)
	cols := `name, preferred_name, birth_date, phone, email, births, last_delivery_date,
		delivery_mode, clearance_date, clearance_by, notes, archived,
		sort_key, search_key, created_by, updated_by, created_at, updated_at, births_unknown`
	vals := `$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17, $18`
	args := []any{c.Name, c.PreferredName, nullDate(c.BirthDate), c.Phone, c.Email, c.Births, nullDate(c.LastDelivery),
		string(c.DeliveryMode), cd, cb, c.Notes, c.Archived,
		assessment.Fold(c.Name), searchKey(c), tx.db.Coach, orNow(c.CreatedAt, tx), orNow(c.UpdatedAt, tx), c.BirthsUnknown}
	if reuse != 0 {
		cols, vals, args = "id, "+cols, "$19, "+vals, append(args, reuse)
	}
	var id int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO clients (`+cols+`) VALUES (`+vals+`) RETURNING id`, args...).Scan(&id); err != nil {
		return 0, tx.db.mapError("import the client", err)
	}
	return id, nil
}

// orNow is t, or the transaction's time when the file gave none, cut to
// the microsecond PostgreSQL keeps (it would round instead).
func orNow(t time.Time, tx *writeTx) time.Time {
	if t.IsZero() {
		return tx.now
	}
	return t.UTC().Truncate(time.Microsecond)
}

// insertProgramme stores one version; lineage is the database id of the
// first version of its lineage, or 0 for that first version itself.
func insertProgramme(ctx context.Context, tx *writeTx, fp *assessment.Programme, clientID, recordID, lineage int64) (int64, error) {
	data, err := programmeJSON(fp)
	if err != nil {
		return 0, err
	}
	start, phases := scheduleCols(fp)
	var id int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO programmes (client_id, record_id, lineage, version, status, data, start_date, phases,
		created_by, updated_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11) RETURNING id`, clientID, recordID, lineage, fp.Version, fp.Status, data,
		start, phases, tx.db.Coach, orNow(fp.CreatedAt, tx), orNow(fp.UpdatedAt, tx)).Scan(&id); err != nil {
		return 0, tx.db.mapError("import the programme", err)
	}
	if lineage == 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE programmes SET lineage = id WHERE id = $1`, id); err != nil {
			return 0, tx.db.mapError("import the programme", err)
		}
	}
	return id, nil
}

func (s *TransferService) importExercises(ctx context.Context, tx *writeTx, file []*assessment.Exercise, policy assessment.ConflictPolicy, sum *assessment.ImportSummary) error {
	if len(file) == 0 {
		return nil
	}
	have, err := findExercises(ctx, tx.db, tx)
	if err != nil {
		return err
	}
	write, err := assessment.MergeExercises(have, file, s.Builtin, policy, sum)
	if err != nil {
		return err
	}
	for _, e := range write {
		data, err := json.Marshal(e)
		if err != nil {
			return assessment.Internal("import the exercises", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO custom_exercises (id, data, created_at, updated_at) VALUES ($1, $2, $3, $3)
			ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`, e.ID, string(data), tx.now); err != nil {
			return tx.db.mapError("import the exercises", err)
		}
	}
	return nil
}

// ClientCount returns how many clients the database holds.
func (s *TransferService) ClientCount(ctx context.Context) (int, error) {
	var n int
	if err := s.db.db.QueryRowContext(ctx, `SELECT count(*) FROM clients`).Scan(&n); err != nil {
		return 0, s.db.mapError("count the clients", err)
	}
	return n, nil
}
