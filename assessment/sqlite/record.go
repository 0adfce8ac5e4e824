package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/keel-coach/keel/assessment"
)

// RecordService stores assessments. Each record is kept as its JSON
// document, so every optional section comes back exactly as saved (a
// section that was not tested stays nil); the client, date and kind are
// also columns so listings never parse JSON.
type RecordService struct {
	db *DB
}

var _ assessment.RecordService = (*RecordService)(nil)

// NewRecordService returns the assessment store of db.
func NewRecordService(db *DB) *RecordService { return &RecordService{db: db} }

// CreateRecord validates r and stores it for r.ClientID, in one
// transaction. It sets r.ID and the times.
func (s *RecordService) CreateRecord(ctx context.Context, r *assessment.Record) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := createRecord(ctx, tx, r); err != nil {
		return err
	}
	return tx.commit("save the assessment")
}

// UpdateRecord validates r and replaces the stored assessment with the same
// ID. An assessment stays with the client it was made for.
func (s *RecordService) UpdateRecord(ctx context.Context, r *assessment.Record) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := updateRecord(ctx, tx, r); err != nil {
		return err
	}
	return tx.commit("save the assessment")
}

// FindRecordByID returns one assessment.
func (s *RecordService) FindRecordByID(ctx context.Context, id int64) (*assessment.Record, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return findRecordByID(ctx, tx, id)
}

// FindRecords returns a client's assessments, oldest first (by date, then
// by the order they were saved). A zero ClientID lists every client's.
func (s *RecordService) FindRecords(ctx context.Context, f assessment.RecordFilter) ([]*assessment.Record, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	query := `SELECT ` + recordColumns + ` FROM assessments`
	var args []any
	if f.ClientID != 0 {
		query += ` WHERE client_id = ?`
		args = append(args, f.ClientID)
	}
	rows, err := tx.QueryContext(ctx, query+` ORDER BY date, id`, args...)
	if err != nil {
		return nil, mapError("list the assessments", err)
	}
	defer rows.Close()
	out := []*assessment.Record{}
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return nil, mapError("list the assessments", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, mapError("list the assessments", err)
	}
	return out, nil
}

// DeleteRecord removes an assessment and, through ON DELETE CASCADE, the
// programmes made from it.
func (s *RecordService) DeleteRecord(ctx context.Context, id int64) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `DELETE FROM assessments WHERE id = ?`, id)
	if err := mustAffect(res, err, "assessment", "delete the assessment"); err != nil {
		return err
	}
	if err := tx.commit("delete the assessment"); err != nil {
		return err
	}
	s.db.checkpoint(ctx) // erased text leaves the write-ahead log at once
	return nil
}

// ImportRecord stores an assessment read from a file, with the client it
// belongs to, in one write transaction: the client clientID when not 0,
// else the client already saved under the file's client name, else a new
// client made from the file's client section. It reports the client and
// whether she was created.
//
// The transaction takes the write lock before it looks the name up (BEGIN
// IMMEDIATE), so two imports of the same new name, from two windows or two
// commands at once, cannot both find her missing: the second waits, then
// finds the client the first made. A stopped import leaves neither a client
// without her assessment nor anything else. Clients who share a name are
// still allowed when the coach creates them; an import picks the one saved
// first.
func (s *RecordService) ImportRecord(ctx context.Context, r *assessment.Record, clientID int64) (*assessment.Client, bool, error) {
	if r == nil {
		return nil, false, assessment.Errorf(assessment.EINVALID, "There is no assessment to save.")
	}
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return nil, false, err
	}
	defer tx.Rollback()
	c, created, err := clientForRecord(ctx, tx, r, clientID)
	if err != nil {
		return nil, false, err
	}
	r.ClientID = c.ID
	if err := createRecord(ctx, tx, r); err != nil {
		if created {
			r.ClientID = 0
		}
		return nil, false, err
	}
	if err := tx.commit("import the assessment"); err != nil {
		return nil, false, err
	}
	return c, created, nil
}

// clientForRecord finds or creates, inside tx, the client an imported
// record belongs to (see ImportRecord).
func clientForRecord(ctx context.Context, tx *writeTx, r *assessment.Record, id int64) (*assessment.Client, bool, error) {
	if id > 0 {
		c, err := findClientByID(ctx, tx, id)
		return c, false, err
	}
	c, err := r.ClientFromFile()
	if err != nil {
		return nil, false, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+clientColumns+` FROM clients WHERE sort_key = ? ORDER BY id`, assessment.Fold(c.Name))
	if err != nil {
		return nil, false, mapError("look for the client", err)
	}
	defer rows.Close()
	for rows.Next() {
		have, err := scanClient(rows)
		if err != nil {
			return nil, false, mapError("look for the client", err)
		}
		if have.Name == c.Name {
			return have, false, nil
		}
	}
	if err := rows.Err(); err != nil {
		return nil, false, mapError("look for the client", err)
	}
	rows.Close()
	if err := createClient(ctx, tx, c); err != nil {
		return nil, false, err
	}
	return c, true, nil
}

func clientExists(ctx context.Context, tx *writeTx, id int64) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM clients WHERE id = ?`, id).Scan(&one)
	if err == sql.ErrNoRows {
		return notFound("client")
	}
	return mapError("find the client", err)
}

func createRecord(ctx context.Context, tx *writeTx, r *assessment.Record) error {
	if err := r.PrepareToStore(); err != nil {
		return err
	}
	if err := clientExists(ctx, tx, r.ClientID); err != nil {
		return err
	}
	data, err := r.StoredDocument()
	if err != nil {
		return err
	}
	now := formatTime(tx.now)
	res, err := tx.ExecContext(ctx, `INSERT INTO assessments (client_id, date, kind, data, created_at, updated_at, created_by, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, r.ClientID, r.Date.String(), r.Kind, data, now, now, tx.coach, tx.coach)
	if err != nil {
		return mapError("save the assessment", err)
	}
	if r.ID, err = res.LastInsertId(); err != nil {
		return mapError("save the assessment", err)
	}
	r.CreatedAt, r.UpdatedAt = tx.now, tx.now
	r.Saved = assessment.Saved{Revision: 1, CreatedBy: tx.coach, ChangedBy: tx.coach}
	return nil
}

func updateRecord(ctx context.Context, tx *writeTx, r *assessment.Record) error {
	if r == nil {
		return assessment.Errorf(assessment.EINVALID, "There is no assessment to save.")
	}
	var clientID int64
	var created string
	err := tx.QueryRowContext(ctx, `SELECT client_id, created_at FROM assessments WHERE id = ?`, r.ID).Scan(&clientID, &created)
	if err == sql.ErrNoRows {
		return notFound("assessment")
	} else if err != nil {
		return mapError("save the assessment", err)
	}
	if r.ClientID == 0 {
		r.ClientID = clientID
	}
	if r.ClientID != clientID {
		return assessment.FieldErrorf(assessment.EINVALID, "client_id",
			"An assessment stays with the client it was made for; start a new assessment for the other client.")
	}
	if err := r.PrepareToStore(); err != nil {
		return err
	}
	rev, createdBy, err := checkRevision(ctx, tx, "assessments", r.ID, r.Revision, "this assessment", "assessment")
	if err != nil {
		return err
	}
	data, err := r.StoredDocument()
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE assessments SET date = ?, kind = ?, data = ?, updated_at = ?, updated_by = ?, revision = ? WHERE id = ?`,
		r.Date.String(), r.Kind, data, formatTime(tx.now), tx.coach, rev+1, r.ID); err != nil {
		return mapError("save the assessment", err)
	}
	t, err := parseTime(created)
	if err != nil {
		return assessment.Internal("save the assessment", err)
	}
	r.CreatedAt, r.UpdatedAt = t, tx.now
	r.Saved = assessment.Saved{Revision: rev + 1, CreatedBy: createdBy, ChangedBy: tx.coach}
	return nil
}

const recordColumns = `id, client_id, data, created_at, updated_at, revision, created_by, updated_by`

func scanRecord(row scanner) (*assessment.Record, error) {
	var (
		id, clientID     int64
		data             string
		created, updated string
		saved            assessment.Saved
	)
	if err := row.Scan(&id, &clientID, &data, &created, &updated, &saved.Revision, &saved.CreatedBy, &saved.ChangedBy); err != nil {
		return nil, err
	}
	var r assessment.Record
	if err := json.Unmarshal([]byte(data), &r); err != nil {
		return nil, err
	}
	r.ID, r.ClientID, r.Saved = id, clientID, saved
	var err error
	if r.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	if r.UpdatedAt, err = parseTime(updated); err != nil {
		return nil, err
	}
	return &r, nil
}

func findRecordByID(ctx context.Context, q querier, id int64) (*assessment.Record, error) {
	r, err := scanRecord(q.QueryRowContext(ctx, `SELECT `+recordColumns+` FROM assessments WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return nil, notFound("assessment")
	} else if err != nil {
		return nil, mapError("read the assessment", err)
	}
	return r, nil
}
