package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"github.com/keel-coach/keel/assessment"
)

// RecordService stores assessments, each as its JSON document, with the
// client, date and kind also in columns so listings never parse JSON.
type RecordService struct {
	db *DB
}

var _ assessment.RecordService = (*RecordService)(nil)

// NewRecordService returns the assessment store of db.
func NewRecordService(db *DB) *RecordService { return &RecordService{db: db} }

// CreateRecord validates r and stores it for r.ClientID, in one
// transaction. It sets r.ID, the times, the author and the revision.
func (s *RecordService) CreateRecord(ctx context.Context, r *assessment.Record) error {
	return writeOn(ctx, s.db, "save the assessment", r, func(tx *writeTx) error { return createRecord(ctx, tx, r) })
}

// UpdateRecord validates r and replaces the stored assessment with the same
// ID. An assessment stays with the client it was made for. An r read
// before another coach saved it is refused (ECONFLICT, ReasonChanged).
func (s *RecordService) UpdateRecord(ctx context.Context, r *assessment.Record) error {
	return writeOn(ctx, s.db, "save the assessment", r, func(tx *writeTx) error { return updateRecord(ctx, tx, r) })
}

// FindRecordByID returns one assessment.
func (s *RecordService) FindRecordByID(ctx context.Context, id int64) (*assessment.Record, error) {
	var r *assessment.Record
	err := s.db.read(ctx, "read the assessment", func(tx *sql.Tx) error {
		var err error
		r, err = findRecordByID(ctx, s.db, tx, id)
		return err
	})
	return r, err
}

// FindRecords returns a client's assessments, oldest first (by date, then
// by the order they were saved). A zero ClientID lists every client's.
func (s *RecordService) FindRecords(ctx context.Context, f assessment.RecordFilter) ([]*assessment.Record, error) {
	const op = "list the assessments"
	query := `SELECT ` + recordColumns + ` FROM assessments`
	var args []any
	if f.ClientID != 0 {
		query += ` WHERE client_id = $1`
		args = append(args, f.ClientID)
	}
	return findAll(ctx, s.db, op, query+` ORDER BY date, id`, args, scanRecord)
}

// DeleteRecord removes an assessment and, through ON DELETE CASCADE, the
// programmes made from it.
func (s *RecordService) DeleteRecord(ctx context.Context, id int64) error {
	return s.db.write(ctx, "delete the assessment", func(tx *writeTx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM assessments WHERE id = $1`, id)
		return tx.db.mustAffect(res, err, "assessment", "delete the assessment")
	})
}

// ImportRecord stores an assessment read from a file with the client it
// belongs to, in one transaction: the client clientID when not 0, else the
// client already saved under the file's client name, else a new client
// made from the file's client section. It reports the client and whether
// she was created. Serializable transactions mean two imports of the same
// new name at once cannot both create her: one is run again and finds her.
func (s *RecordService) ImportRecord(ctx context.Context, r *assessment.Record, clientID int64) (*assessment.Client, bool, error) {
	if r == nil {
		return nil, false, assessment.Errorf(assessment.EINVALID, "There is no assessment to save.")
	}
	var (
		c       *assessment.Client
		created bool
	)
	err := writeOn(ctx, s.db, "import the assessment", r, func(tx *writeTx) error {
		var err error
		c, created, err = clientForRecord(ctx, tx, r, clientID)
		if err != nil {
			return err
		}
		r.ClientID = c.ID
		if err := createRecord(ctx, tx, r); err != nil {
			if created {
				r.ClientID = 0
			}
			return err
		}
		return nil
	})
	if err != nil {
		return nil, false, err
	}
	return c, created, nil
}

func clientForRecord(ctx context.Context, tx *writeTx, r *assessment.Record, id int64) (*assessment.Client, bool, error) {
	if id > 0 {
		c, err := findClientByID(ctx, tx.db, tx, id)
		return c, false, err
	}
	c, err := r.ClientFromFile()
	if err != nil {
		return nil, false, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+clientColumns+` FROM clients WHERE sort_key = $1 ORDER BY id`, assessment.Fold(c.Name))
	if err != nil {
		return nil, false, tx.db.mapError("look for the client", err)
	}
	defer rows.Close()
	for rows.Next() {
		have, err := scanClient(rows)
		if err != nil {
			return nil, false, tx.db.mapError("look for the client", err)
		}
		if have.Name == c.Name {
			return have, false, nil
		}
	}
	if err := rows.Err(); err != nil {
		return nil, false, tx.db.mapError("look for the client", err)
	}
	rows.Close()
	if err := createClient(ctx, tx, c); err != nil {
		return nil, false, err
	}
	return c, true, nil
}

func clientExists(ctx context.Context, tx *writeTx, id int64) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM clients WHERE id = $1`, id).Scan(&one)
	if err == sql.ErrNoRows {
		return notFound("client")
	}
	return tx.db.mapError("find the client", err)
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
	err = tx.QueryRowContext(ctx, `INSERT INTO assessments (client_id, date, kind, data, created_by, updated_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $5, $6, $6) RETURNING id`, r.ClientID, r.Date.String(), r.Kind, data, tx.db.Coach, tx.now).Scan(&r.ID)
	if err != nil {
		return tx.db.mapError("save the assessment", err)
	}
	r.CreatedAt, r.UpdatedAt = tx.now, tx.now
	r.Saved = assessment.Saved{Revision: 1, CreatedBy: tx.db.Coach, ChangedBy: tx.db.Coach}
	return nil
}

func updateRecord(ctx context.Context, tx *writeTx, r *assessment.Record) error {
	if r == nil {
		return assessment.Errorf(assessment.EINVALID, "There is no assessment to save.")
	}
	var clientID int64
	err := tx.QueryRowContext(ctx, `SELECT client_id FROM assessments WHERE id = $1`, r.ID).Scan(&clientID)
	if err == sql.ErrNoRows {
		return notFound("assessment")
	} else if err != nil {
		return tx.db.mapError("save the assessment", err)
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
	created, createdBy, err := checkRevision(ctx, tx, "assessments", r.ID, r.Revision, "this assessment", "assessment")
	if err != nil {
		return err
	}
	data, err := r.StoredDocument()
	if err != nil {
		return err
	}
	var rev int64
	if err := tx.QueryRowContext(ctx, `UPDATE assessments SET date = $1, kind = $2, data = $3, updated_at = $4, updated_by = $5,
		revision = revision + 1 WHERE id = $6 RETURNING revision`,
		r.Date.String(), r.Kind, data, tx.now, tx.db.Coach, r.ID).Scan(&rev); err != nil {
		return tx.db.mapError("save the assessment", err)
	}
	r.CreatedAt, r.UpdatedAt = created.UTC(), tx.now
	r.Saved = assessment.Saved{Revision: rev, CreatedBy: createdBy, ChangedBy: tx.db.Coach}
	return nil
}

const recordColumns = `id, client_id, data, created_at, updated_at, revision, created_by, updated_by`

func scanRecord(row scanner) (*assessment.Record, error) {
	var (
		id, clientID int64
		data         string
		s            assessment.Saved
		created, upd time.Time
	)
	if err := row.Scan(&id, &clientID, &data, &created, &upd, &s.Revision, &s.CreatedBy, &s.ChangedBy); err != nil {
		return nil, err
	}
	var r assessment.Record
	if err := json.Unmarshal([]byte(data), &r); err != nil {
		return nil, err
	}
	r.ID, r.ClientID = id, clientID
	r.CreatedAt, r.UpdatedAt, r.Saved = created.UTC(), upd.UTC(), s
	return &r, nil
}

func findRecordByID(ctx context.Context, db *DB, q querier, id int64) (*assessment.Record, error) {
	r, err := scanRecord(q.QueryRowContext(ctx, `SELECT `+recordColumns+` FROM assessments WHERE id = $1`, id))
	if err == sql.ErrNoRows {
		return nil, notFound("assessment")
	} else if err != nil {
		return nil, db.mapError("read the assessment", err)
	}
	return r, nil
}
