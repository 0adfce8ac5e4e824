package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/keel-coach/keel/assessment"
)

// ProgrammeService stores programmes with the assessment they were made
// from. A programme keeps its history: a new version of a lineage is a new
// row, and the version it replaces stays, marked superseded. The rules are
// those of the SQLite store (assessment/sqlite/programme.go); the storage
// contract holds both to them.
type ProgrammeService struct {
	db *DB
}

var _ assessment.ProgrammeService = (*ProgrammeService)(nil)

// NewProgrammeService returns the programme store of db.
func NewProgrammeService(db *DB) *ProgrammeService { return &ProgrammeService{db: db} }

// CreateProgramme stores p for the assessment p.RecordID: a new lineage
// when p.Lineage is zero, else the next version of that lineage (refused
// with ReasonStaleVersion when made on a version that is not the latest).
// An issued version supersedes the earlier ones in the same transaction.
func (s *ProgrammeService) CreateProgramme(ctx context.Context, p *assessment.Programme) error {
	return writeOn(ctx, s.db, "save the programme", p, func(tx *writeTx) error { return createProgramme(ctx, tx, p) })
}

// UpdateProgramme replaces a stored draft in place (see the SQLite store
// for the rules); a p read before another coach saved it is refused with
// ECONFLICT (ReasonChanged).
func (s *ProgrammeService) UpdateProgramme(ctx context.Context, p *assessment.Programme) error {
	return writeOn(ctx, s.db, "save the programme", p, func(tx *writeTx) error { return updateProgramme(ctx, tx, p) })
}

// FindProgrammeByID returns one version.
func (s *ProgrammeService) FindProgrammeByID(ctx context.Context, id int64) (*assessment.Programme, error) {
	var p *assessment.Programme
	err := s.db.read(ctx, "read the programme", func(tx *sql.Tx) error {
		var err error
		p, err = scanProgramme(tx.QueryRowContext(ctx, `SELECT `+programmeColumns+` FROM programmes WHERE id = $1`, id))
		if err == sql.ErrNoRows {
			return notFound("programme")
		}
		return s.db.mapError("read the programme", err)
	})
	return p, err
}

// FindProgrammes lists programmes, newest first. Zero ClientID or RecordID
// match any.
func (s *ProgrammeService) FindProgrammes(ctx context.Context, f assessment.ProgrammeFilter) ([]*assessment.Programme, error) {
	const op = "list the programmes"
	var where []string
	var args []any
	if f.ClientID != 0 {
		args = append(args, f.ClientID)
		where = append(where, "client_id = $"+strconv.Itoa(len(args)))
	}
	if f.RecordID != 0 {
		args = append(args, f.RecordID)
		where = append(where, "record_id = $"+strconv.Itoa(len(args)))
	}
	if f.LatestOnly {
		where = append(where, "version = (SELECT max(version) FROM programmes AS l WHERE l.lineage = programmes.lineage)")
	}
	query := `SELECT ` + programmeColumns + ` FROM programmes`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	return findAll(ctx, s.db, op, query+` ORDER BY id DESC`, args, scanProgramme)
}

// DeleteProgramme removes one version. The other versions of its lineage
// stay.
func (s *ProgrammeService) DeleteProgramme(ctx context.Context, id int64) error {
	return s.db.write(ctx, "delete the programme", func(tx *writeTx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM programmes WHERE id = $1`, id)
		return tx.db.mustAffect(res, err, "programme", "delete the programme")
	})
}

func checkProgramme(p *assessment.Programme) error {
	if p == nil {
		return assessment.Errorf(assessment.EINVALID, "There is no programme to save.")
	}
	if p.Format == "" {
		p.Format = assessment.FormatProgramme
	}
	if p.Status == "" {
		p.Status = assessment.StatusDraft
	}
	return p.Validate()
}

// programmeJSON is the stored document without the fields kept in columns.
func programmeJSON(p *assessment.Programme) (string, error) {
	doc := *p
	doc.ID, doc.ClientID, doc.RecordID, doc.Lineage, doc.Version, doc.Status = 0, 0, 0, 0, 0, ""
	doc.CreatedAt, doc.UpdatedAt = time.Time{}, time.Time{}
	b, err := json.Marshal(&doc)
	if err != nil {
		return "", assessment.Internal("save the programme", err)
	}
	return string(b), nil
}

// scheduleCols is p.Schedule as two nullable columns: the first day of
// week 1 and the phases as "name,first_week,last_week;...".
func scheduleCols(p *assessment.Programme) (start, phases any) {
	s, ph := p.Schedule()
	if len(ph) > 0 {
		parts := make([]string, len(ph))
		for i, x := range ph {
			parts[i] = x.Name + "," + strconv.Itoa(x.FirstWeek) + "," + strconv.Itoa(x.LastWeek)
		}
		phases = strings.Join(parts, ";")
	}
	return nullDate(s), phases
}

func createProgramme(ctx context.Context, tx *writeTx, p *assessment.Programme) error {
	const op = "save the programme"
	if err := checkProgramme(p); err != nil {
		return err
	}
	var recordClient int64
	err := tx.QueryRowContext(ctx, `SELECT client_id FROM assessments WHERE id = $1`, p.RecordID).Scan(&recordClient)
	if err == sql.ErrNoRows {
		return notFound("assessment")
	} else if err != nil {
		return tx.db.mapError(op, err)
	}
	if p.ClientID == 0 {
		p.ClientID = recordClient
	}
	if p.ClientID != recordClient {
		return assessment.FieldErrorf(assessment.EINVALID, "client_id",
			"This programme was made from another client's assessment.")
	}
	version, err := nextVersion(ctx, tx, p)
	if err != nil {
		return err
	}
	if err := checkIssuable(ctx, tx, p); err != nil {
		return err
	}
	data, err := programmeJSON(p)
	if err != nil {
		return err
	}
	start, phases := scheduleCols(p)
	var id int64
	// Version 1 names its lineage after its own id.
	err = tx.QueryRowContext(ctx, `INSERT INTO programmes (client_id, record_id, lineage, version, status, data, start_date, phases,
		created_by, updated_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $10) RETURNING id`,
		p.ClientID, p.RecordID, p.Lineage, version, p.Status, data, start, phases, tx.db.Coach, tx.now).Scan(&id)
	if err != nil {
		return tx.db.mapError(op, err)
	}
	if p.Lineage == 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE programmes SET lineage = id WHERE id = $1`, id); err != nil {
			return tx.db.mapError(op, err)
		}
		p.Lineage = id
	}
	p.ID, p.Version = id, version
	p.CreatedAt, p.UpdatedAt = tx.now, tx.now
	p.Saved = assessment.Saved{Revision: 1, CreatedBy: tx.db.Coach, ChangedBy: tx.db.Coach}
	return nil
}

// nextVersion is the version number p is stored as (see the SQLite store).
func nextVersion(ctx context.Context, tx *writeTx, p *assessment.Programme) (int, error) {
	if p.Lineage == 0 {
		return 1, nil
	}
	var latest int
	var lineageClient int64
	err := tx.QueryRowContext(ctx, `SELECT version, client_id FROM programmes WHERE lineage = $1 ORDER BY version DESC LIMIT 1 FOR UPDATE`,
		p.Lineage).Scan(&latest, &lineageClient)
	if err == sql.ErrNoRows {
		return 0, notFound("programme")
	} else if err != nil {
		return 0, tx.db.mapError("save the programme", err)
	}
	if lineageClient != p.ClientID {
		return 0, assessment.FieldErrorf(assessment.EINVALID, "lineage",
			"A new version must be for the same client as the programme it replaces.")
	}
	if p.Version != 0 && p.Version != latest {
		return 0, assessment.ErrStaleVersion()
	}
	if p.Status == assessment.StatusIssued {
		if err := supersedeOthers(ctx, tx, p.Lineage, 0); err != nil {
			return 0, err
		}
	}
	return latest + 1, nil
}

func updateProgramme(ctx context.Context, tx *writeTx, p *assessment.Programme) error {
	const op = "save the programme"
	if p == nil {
		return assessment.Errorf(assessment.EINVALID, "There is no programme to save.")
	}
	var (
		clientID, recordID, lineage, rev int64
		version                          int
		status, storedData               string
		created                          time.Time
		createdBy, updatedBy             string
		updated                          time.Time
	)
	err := tx.QueryRowContext(ctx, `SELECT client_id, record_id, lineage, version, status, data, created_at, revision, created_by, updated_by, updated_at
		FROM programmes WHERE id = $1 FOR UPDATE`, p.ID).
		Scan(&clientID, &recordID, &lineage, &version, &status, &storedData, &created, &rev, &createdBy, &updatedBy, &updated)
	if err == sql.ErrNoRows {
		return notFound("programme")
	} else if err != nil {
		return tx.db.mapError(op, err)
	}
	var latest int
	if err := tx.QueryRowContext(ctx, `SELECT max(version) FROM programmes WHERE lineage = $1`, lineage).Scan(&latest); err != nil {
		return tx.db.mapError(op, err)
	}
	if version < latest {
		return assessment.ErrOlderVersion()
	}
	if p.Revision != 0 && p.Revision != rev {
		return assessment.ErrChanged("this programme", updatedBy, updated)
	}
	p.ClientID, p.RecordID, p.Lineage, p.Version = clientID, recordID, lineage, version
	if err := checkProgramme(p); err != nil {
		return err
	}
	data, err := programmeJSON(p)
	if err != nil {
		return err
	}
	stored := assessment.Programme{Status: status}
	if !stored.Editable() && (status == assessment.StatusIssued || data != storedData) {
		return assessment.ErrIssuedInPlace()
	}
	if err := checkIssuable(ctx, tx, p); err != nil {
		return err
	}
	start, phases := scheduleCols(p)
	if err := tx.QueryRowContext(ctx, `UPDATE programmes SET status = $1, data = $2, start_date = $3, phases = $4,
		updated_at = $5, updated_by = $6, revision = revision + 1 WHERE id = $7 RETURNING revision`,
		p.Status, data, start, phases, tx.now, tx.db.Coach, p.ID).Scan(&rev); err != nil {
		return tx.db.mapError(op, err)
	}
	if p.Status == assessment.StatusIssued && status != assessment.StatusIssued {
		if err := supersedeOthers(ctx, tx, lineage, p.ID); err != nil {
			return err
		}
	}
	p.CreatedAt, p.UpdatedAt = created.UTC(), tx.now
	p.Saved = assessment.Saved{Revision: rev, CreatedBy: createdBy, ChangedBy: tx.db.Coach}
	return nil
}

// supersedeOthers marks every version of lineage but the one with id
// except superseded.
func supersedeOthers(ctx context.Context, tx *writeTx, lineage, except int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE programmes SET status = $1, updated_at = $2, updated_by = $3, revision = revision + 1
		WHERE lineage = $4 AND id <> $5 AND status <> $1`,
		assessment.StatusSuperseded, tx.now, tx.db.Coach, lineage, except); err != nil {
		return tx.db.mapError("save the programme", err)
	}
	return nil
}

// checkIssuable applies assessment.IssuableFrom to an issued programme,
// reading its assessment inside tx.
func checkIssuable(ctx context.Context, tx *writeTx, p *assessment.Programme) error {
	if p.Status != assessment.StatusIssued || p.Blocked {
		return nil
	}
	return checkRecordAllows(ctx, tx, p, p.RecordID, "")
}

func checkRecordAllows(ctx context.Context, tx *writeTx, p *assessment.Programme, recordID int64, field string) error {
	r, err := findRecordByID(ctx, tx.db, tx, recordID)
	if err != nil {
		return err
	}
	if err := assessment.IssuableFrom(p, r); err != nil {
		var e *assessment.Error
		if errors.As(err, &e) {
			e.Field = field
		}
		return err
	}
	return nil
}

const programmeColumns = `id, client_id, record_id, lineage, version, status, data, created_at, updated_at, revision, created_by, updated_by`

func scanProgramme(row scanner) (*assessment.Programme, error) {
	var (
		id, clientID, recordID, lineage int64
		version                         int
		status, data                    string
		created, updated                time.Time
		s                               assessment.Saved
	)
	if err := row.Scan(&id, &clientID, &recordID, &lineage, &version, &status, &data, &created, &updated,
		&s.Revision, &s.CreatedBy, &s.ChangedBy); err != nil {
		return nil, err
	}
	var p assessment.Programme
	if err := json.Unmarshal([]byte(data), &p); err != nil {
		return nil, err
	}
	p.ID, p.ClientID, p.RecordID, p.Lineage, p.Version, p.Status = id, clientID, recordID, lineage, version, status
	p.CreatedAt, p.UpdatedAt, p.Saved = created.UTC(), updated.UTC(), s
	return &p, nil
}
