package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/keel-coach/keel/assessment"
)

// ProgrammeService stores programmes with the assessment they were made
// from. A programme keeps its history: a new version of a lineage is a new
// row, and the version it replaces stays, marked superseded.
type ProgrammeService struct {
	db *DB
}

var _ assessment.ProgrammeService = (*ProgrammeService)(nil)

// NewProgrammeService returns the programme store of db.
func NewProgrammeService(db *DB) *ProgrammeService { return &ProgrammeService{db: db} }

// CreateProgramme stores p for the assessment p.RecordID. With p.Lineage
// zero it starts a new lineage (version 1, Lineage = its own ID); otherwise
// it stores the next version of that lineage, and when that version is
// issued marks the earlier versions superseded, all in one transaction (a
// new draft supersedes them when UpdateProgramme issues it). A programme with no status is a
// draft. A new version whose Version (the version it was made on) is set
// but is not the latest is refused with ECONFLICT, and so is an issued
// programme, not Blocked, made from an assessment that now blocks every
// programme.
func (s *ProgrammeService) CreateProgramme(ctx context.Context, p *assessment.Programme) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := createProgramme(ctx, tx, p); err != nil {
		return err
	}
	return tx.commit("save the programme")
}

// UpdateProgramme replaces a stored draft in place: its content and
// status change; its client, assessment, lineage and version do not. Only
// the latest version of a lineage changes (ECONFLICT, ReasonOlderVersion),
// only while it is a draft (an issued programme is what the client holds:
// ECONFLICT, ReasonIssued; save the change as a new version), and it
// cannot be issued while its assessment blocks every programme unless it
// is itself Blocked (ECONFLICT, ReasonRecordBlocked).
func (s *ProgrammeService) UpdateProgramme(ctx context.Context, p *assessment.Programme) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := updateProgramme(ctx, tx, p); err != nil {
		return err
	}
	return tx.commit("save the programme")
}

// FindProgrammeByID returns one version.
func (s *ProgrammeService) FindProgrammeByID(ctx context.Context, id int64) (*assessment.Programme, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	p, err := scanProgramme(tx.QueryRowContext(ctx, `SELECT `+programmeColumns+` FROM programmes WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return nil, notFound("programme")
	} else if err != nil {
		return nil, mapError("read the programme", err)
	}
	return p, nil
}

// FindProgrammes lists programmes, newest first. Zero ClientID or RecordID
// match any.
func (s *ProgrammeService) FindProgrammes(ctx context.Context, f assessment.ProgrammeFilter) ([]*assessment.Programme, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var where []string
	var args []any
	if f.ClientID != 0 {
		where = append(where, "client_id = ?")
		args = append(args, f.ClientID)
	}
	if f.RecordID != 0 {
		where = append(where, "record_id = ?")
		args = append(args, f.RecordID)
	}
	if f.LatestOnly {
		where = append(where, "version = (SELECT max(version) FROM programmes AS l WHERE l.lineage = programmes.lineage)")
	}
	query := `SELECT ` + programmeColumns + ` FROM programmes`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	rows, err := tx.QueryContext(ctx, query+` ORDER BY id DESC`, args...)
	if err != nil {
		return nil, mapError("list the programmes", err)
	}
	defer rows.Close()
	out := []*assessment.Programme{}
	for rows.Next() {
		p, err := scanProgramme(rows)
		if err != nil {
			return nil, mapError("list the programmes", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, mapError("list the programmes", err)
	}
	return out, nil
}

// DeleteProgramme removes one version. The other versions of its lineage
// stay.
func (s *ProgrammeService) DeleteProgramme(ctx context.Context, id int64) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `DELETE FROM programmes WHERE id = ?`, id)
	if err := mustAffect(res, err, "programme", "delete the programme"); err != nil {
		return err
	}
	return tx.commit("delete the programme")
}

// checkProgramme validates what storage relies on and fills the defaults.
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

func createProgramme(ctx context.Context, tx *writeTx, p *assessment.Programme) error {
	if err := checkProgramme(p); err != nil {
		return err
	}
	// The assessment decides the client; a programme cannot belong to one
	// client and be made from another's assessment.
	var recordClient int64
	err := tx.QueryRowContext(ctx, `SELECT client_id FROM assessments WHERE id = ?`, p.RecordID).Scan(&recordClient)
	if err == sql.ErrNoRows {
		return notFound("assessment")
	} else if err != nil {
		return mapError("save the programme", err)
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
	now := formatTime(tx.now)
	res, err := tx.ExecContext(ctx, `INSERT INTO programmes (client_id, record_id, lineage, version, status, data, created_at, updated_at, created_by, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, p.ClientID, p.RecordID, p.Lineage, version, p.Status, data, now, now, tx.coach, tx.coach)
	if err != nil {
		return mapError("save the programme", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return mapError("save the programme", err)
	}
	if p.Lineage == 0 {
		// Version 1 names its lineage after its own ID, known only now.
		if _, err := tx.ExecContext(ctx, `UPDATE programmes SET lineage = id WHERE id = ?`, id); err != nil {
			return mapError("save the programme", err)
		}
		p.Lineage = id
	}
	p.ID, p.Version = id, version
	p.CreatedAt, p.UpdatedAt = tx.now, tx.now
	p.Saved = assessment.Saved{Revision: 1, CreatedBy: tx.coach, ChangedBy: tx.coach}
	return nil
}

// nextVersion is the version number p is stored as: 1 for a new lineage,
// else the one after the lineage's latest, which p must have been made on
// (ReasonStaleVersion otherwise). An issued new version supersedes the
// earlier ones here.
func nextVersion(ctx context.Context, tx *writeTx, p *assessment.Programme) (int, error) {
	if p.Lineage == 0 {
		return 1, nil
	}
	var latest int
	var lineageClient int64
	err := tx.QueryRowContext(ctx, `SELECT version, client_id FROM programmes WHERE lineage = ? ORDER BY version DESC LIMIT 1`,
		p.Lineage).Scan(&latest, &lineageClient)
	if err == sql.ErrNoRows {
		return 0, notFound("programme")
	} else if err != nil {
		return 0, mapError("save the programme", err)
	}
	if lineageClient != p.ClientID {
		return 0, assessment.FieldErrorf(assessment.EINVALID, "lineage",
			"A new version must be for the same client as the programme it replaces.")
	}
	// p.Version, when set, is the version the change was made on. Built
	// on anything but the latest, the new version would silently undo
	// what was saved since (another window, another coach's edit).
	if p.Version != 0 && p.Version != latest {
		return 0, assessment.ErrStaleVersion()
	}
	// An issued version replaces the earlier ones at once; a new draft
	// replaces them only when it is issued: until then she keeps the
	// version she was given.
	if p.Status == assessment.StatusIssued {
		if err := supersedeOthers(ctx, tx, p.Lineage, 0); err != nil {
			return 0, err
		}
	}
	return latest + 1, nil
}

func updateProgramme(ctx context.Context, tx *writeTx, p *assessment.Programme) error {
	if p == nil {
		return assessment.Errorf(assessment.EINVALID, "There is no programme to save.")
	}
	var (
		clientID, recordID, lineage int64
		version                     int
		status, storedData, created string
	)
	err := tx.QueryRowContext(ctx, `SELECT client_id, record_id, lineage, version, status, data, created_at FROM programmes WHERE id = ?`, p.ID).
		Scan(&clientID, &recordID, &lineage, &version, &status, &storedData, &created)
	if err == sql.ErrNoRows {
		return notFound("programme")
	} else if err != nil {
		return mapError("save the programme", err)
	}
	// Only the latest version of a lineage changes: an older one is the
	// history of what she was given, and issuing it again would hand out a
	// plan the coach has since replaced. When the newer versions have been
	// deleted, the one left is the latest again and may change.
	var latest int
	if err := tx.QueryRowContext(ctx, `SELECT max(version) FROM programmes WHERE lineage = ?`, lineage).Scan(&latest); err != nil {
		return mapError("save the programme", err)
	}
	if version < latest {
		return assessment.ErrOlderVersion()
	}
	rev, createdBy, err := checkRevision(ctx, tx, "programmes", p.ID, p.Revision, "this programme", "programme")
	if err != nil {
		return err
	}
	p.ClientID, p.RecordID, p.Lineage, p.Version = clientID, recordID, lineage, version
	if err := checkProgramme(p); err != nil {
		return err
	}
	data, err := programmeJSON(p)
	if err != nil {
		return err
	}
	// What she was handed stays as it was: a change to an issued
	// programme is a new version (assessment.Programme.Revise). A version
	// that is the latest again (its successors deleted) may be issued once
	// more, as it stands.
	stored := assessment.Programme{Status: status}
	if !stored.Editable() && (status == assessment.StatusIssued || data != storedData) {
		return assessment.ErrIssuedInPlace()
	}
	if err := checkIssuable(ctx, tx, p); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE programmes SET status = ?, data = ?, updated_at = ?, updated_by = ?, revision = ? WHERE id = ?`,
		p.Status, data, formatTime(tx.now), tx.coach, rev+1, p.ID); err != nil {
		return mapError("save the programme", err)
	}
	// Issuing a draft version replaces the version she had.
	if p.Status == assessment.StatusIssued && status != assessment.StatusIssued {
		if err := supersedeOthers(ctx, tx, lineage, p.ID); err != nil {
			return err
		}
	}
	t, err := parseTime(created)
	if err != nil {
		return assessment.Internal("save the programme", err)
	}
	p.CreatedAt, p.UpdatedAt = t, tx.now
	p.Saved = assessment.Saved{Revision: rev + 1, CreatedBy: createdBy, ChangedBy: tx.coach}
	return nil
}

// supersedeOthers marks every version of lineage but the one with id
// except superseded.
func supersedeOthers(ctx context.Context, tx *writeTx, lineage, except int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE programmes SET status = ?, updated_at = ?, updated_by = ?, revision = revision + 1 WHERE lineage = ? AND id <> ? AND status <> ?`,
		assessment.StatusSuperseded, formatTime(tx.now), tx.coach, lineage, except, assessment.StatusSuperseded); err != nil {
		return mapError("save the programme", err)
	}
	return nil
}

// checkIssuable applies assessment.IssuableFrom to an issued programme,
// reading its assessment inside tx, so an edit saved a moment earlier
// counts.
func checkIssuable(ctx context.Context, tx *writeTx, p *assessment.Programme) error {
	if p.Status != assessment.StatusIssued || p.Blocked {
		return nil
	}
	return checkRecordAllows(ctx, tx, p, p.RecordID, "")
}

// checkRecordAllows refuses (ReasonRecordBlocked, on field) when the stored
// assessment recordID blocks every programme and p is not Blocked.
func checkRecordAllows(ctx context.Context, tx *writeTx, p *assessment.Programme, recordID int64, field string) error {
	r, err := findRecordByID(ctx, tx, recordID)
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
		status, data, created, updated  string
		saved                           assessment.Saved
	)
	if err := row.Scan(&id, &clientID, &recordID, &lineage, &version, &status, &data, &created, &updated,
		&saved.Revision, &saved.CreatedBy, &saved.ChangedBy); err != nil {
		return nil, err
	}
	var p assessment.Programme
	if err := json.Unmarshal([]byte(data), &p); err != nil {
		return nil, err
	}
	p.ID, p.ClientID, p.RecordID, p.Lineage, p.Version, p.Status = id, clientID, recordID, lineage, version, status
	p.Saved = saved
	var err error
	if p.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	if p.UpdatedAt, err = parseTime(updated); err != nil {
		return nil, err
	}
	return &p, nil
}
