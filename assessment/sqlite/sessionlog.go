package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"github.com/keel-coach/keel/assessment"
)

// SessionLogService stores the coach's log of each session of an issued
// programme. A log belongs to one programme version and to its client;
// deleting either deletes the log.
type SessionLogService struct {
	db *DB
}

var _ assessment.SessionLogService = (*SessionLogService)(nil)

// NewSessionLogService returns the session log store of db.
func NewSessionLogService(db *DB) *SessionLogService { return &SessionLogService{db: db} }

// CreateSessionLog validates l against today (the database clock) and
// stores it for its programme, in one transaction. Only an issued
// programme takes new logs: a draft has not been handed out yet, and a
// superseded version has been replaced by the one she now follows. Nor does
// one whose assessment has since gained a red flag without a medical
// clearance (unless the programme is itself Blocked): she should not be
// following it.
func (s *SessionLogService) CreateSessionLog(ctx context.Context, l *assessment.SessionLog) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := createSessionLog(ctx, tx, l); err != nil {
		return err
	}
	return tx.commit("save the session")
}

// UpdateSessionLog replaces a stored log's date, status, pain, doming,
// note, session and exercise outcomes; its programme and client do not
// change.
func (s *SessionLogService) UpdateSessionLog(ctx context.Context, l *assessment.SessionLog) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := updateSessionLog(ctx, tx, l); err != nil {
		return err
	}
	return tx.commit("save the session")
}

// FindSessionLogs returns the matching logs, oldest first (by date, then
// by the order they were logged).
func (s *SessionLogService) FindSessionLogs(ctx context.Context, f assessment.SessionLogFilter) ([]*assessment.SessionLog, error) {
	var where []string
	var args []any
	if f.ClientID != 0 {
		where = append(where, "client_id = ?")
		args = append(args, f.ClientID)
	}
	if f.ProgrammeID != 0 {
		where = append(where, "programme_id = ?")
		args = append(args, f.ProgrammeID)
	}
	query := `SELECT ` + sessionLogColumns + ` FROM session_logs`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	rows, err := s.db.rdb.QueryContext(ctx, query+` ORDER BY date, id`, args...)
	if err != nil {
		return nil, mapError("list the sessions", err)
	}
	defer rows.Close()
	out := []*assessment.SessionLog{}
	for rows.Next() {
		l, err := scanSessionLog(rows)
		if err != nil {
			return nil, mapError("list the sessions", err)
		}
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, mapError("list the sessions", err)
	}
	return out, nil
}

var _ assessment.SessionLogRestorer = (*SessionLogService)(nil)

// RestoreSessionLog puts a deleted log back as it was, in one transaction:
// its ID, programme version, fields and times. Unlike CreateSessionLog it
// takes a log of a superseded version: the log was right when it was made.
func (s *SessionLogService) RestoreSessionLog(ctx context.Context, l *assessment.SessionLog) error {
	if l == nil || l.ID <= 0 {
		return assessment.Errorf(assessment.EINVALID, "There is no session to put back.")
	}
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := checkSessionLog(l, assessment.Date{}); err != nil {
		return err
	}
	var clientID int64
	err = tx.QueryRowContext(ctx, `SELECT client_id FROM programmes WHERE id = ?`, l.ProgrammeID).Scan(&clientID)
	if err == sql.ErrNoRows {
		return notFound("programme")
	} else if err != nil {
		return mapError("put the session back", err)
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM session_logs WHERE id = ?`, l.ID).Scan(&n); err != nil {
		return mapError("put the session back", err)
	}
	if n > 0 {
		return assessment.Errorf(assessment.ECONFLICT, "This session is already in the log.")
	}
	if err := insertSessionLogAs(ctx, tx, l, l.ID, clientID, l.ProgrammeID); err != nil {
		return err
	}
	l.ClientID = clientID
	return tx.commit("put the session back")
}

// DeleteSessionLog removes one log.
func (s *SessionLogService) DeleteSessionLog(ctx context.Context, id int64) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `DELETE FROM session_logs WHERE id = ?`, id)
	if err := mustAffect(res, err, "session", "delete the session"); err != nil {
		return err
	}
	return tx.commit("delete the session")
}

func checkSessionLog(l *assessment.SessionLog, today assessment.Date) error {
	if l == nil {
		return assessment.Errorf(assessment.EINVALID, "There is no session to save.")
	}
	l.Note = strings.TrimSpace(l.Note)
	return l.Validate(today)
}

func createSessionLog(ctx context.Context, tx *writeTx, l *assessment.SessionLog) error {
	if err := checkSessionLog(l, tx.today()); err != nil {
		return err
	}
	var (
		clientID, recordID int64
		status             string
		version            int
		blocked            bool
	)
	// json_extract reads the one flag without decoding the whole plan.
	err := tx.QueryRowContext(ctx, `SELECT client_id, record_id, status, version, coalesce(json_extract(data, '$.blocked'), 0)
		FROM programmes WHERE id = ?`, l.ProgrammeID).
		Scan(&clientID, &recordID, &status, &version, &blocked)
	if err == sql.ErrNoRows {
		return notFound("programme")
	} else if err != nil {
		return mapError("save the session", err)
	}
	switch status {
	case assessment.StatusDraft:
		e := assessment.Conflict(assessment.ReasonNotFollowable, "This programme is still a draft. Issue it before logging her sessions.")
		e.Field = assessment.FieldSessionProgramme
		return e
	case assessment.StatusSuperseded:
		e := assessment.Conflict(assessment.ReasonOlderVersion, "Version %d of this programme has been replaced by a newer one. Log the session against the current version.", version)
		e.Field = assessment.FieldSessionProgramme
		return e
	}
	// A session logged against a plan her assessment no longer allows
	// would record her following it; she should not.
	if !blocked {
		if err := checkRecordAllows(ctx, tx, &assessment.Programme{}, recordID, assessment.FieldSessionProgramme); err != nil {
			return err
		}
	}
	l.ClientID = clientID
	now := formatTime(tx.now)
	exercises, err := assessment.OutcomesJSON(l.Exercises)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO session_logs (client_id, programme_id, date, status, pain, doming, note, session, exercises, created_at, updated_at, created_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, l.ClientID, l.ProgrammeID, l.Date.String(), l.Status, l.Pain, l.Doming, l.Note, l.Session, exercises, now, now, tx.coach)
	if err != nil {
		return mapError("save the session", err)
	}
	if l.ID, err = res.LastInsertId(); err != nil {
		return mapError("save the session", err)
	}
	l.CreatedAt, l.UpdatedAt = tx.now, tx.now
	return nil
}

func updateSessionLog(ctx context.Context, tx *writeTx, l *assessment.SessionLog) error {
	if l == nil {
		return assessment.Errorf(assessment.EINVALID, "There is no session to save.")
	}
	var (
		clientID, programmeID int64
		created               string
	)
	err := tx.QueryRowContext(ctx, `SELECT client_id, programme_id, created_at FROM session_logs WHERE id = ?`, l.ID).
		Scan(&clientID, &programmeID, &created)
	if err == sql.ErrNoRows {
		return notFound("session")
	} else if err != nil {
		return mapError("save the session", err)
	}
	l.ClientID, l.ProgrammeID = clientID, programmeID
	if err := checkSessionLog(l, tx.today()); err != nil {
		return err
	}
	exercises, err := assessment.OutcomesJSON(l.Exercises)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE session_logs SET date = ?, status = ?, pain = ?, doming = ?, note = ?, session = ?, exercises = ?, updated_at = ? WHERE id = ?`,
		l.Date.String(), l.Status, l.Pain, l.Doming, l.Note, l.Session, exercises, formatTime(tx.now), l.ID); err != nil {
		return mapError("save the session", err)
	}
	t, err := parseTime(created)
	if err != nil {
		return assessment.Internal("save the session", err)
	}
	l.CreatedAt, l.UpdatedAt = t, tx.now
	return nil
}

const sessionLogColumns = `id, client_id, programme_id, date, status, pain, doming, note, session, exercises, created_at, updated_at`

func scanSessionLog(row scanner) (*assessment.SessionLog, error) {
	var (
		l                      assessment.SessionLog
		date, created, updated string
		exercises              string
	)
	if err := row.Scan(&l.ID, &l.ClientID, &l.ProgrammeID, &date, &l.Status, &l.Pain, &l.Doming, &l.Note, &l.Session, &exercises, &created, &updated); err != nil {
		return nil, err
	}
	var err error
	if l.Exercises, err = assessment.ParseOutcomesJSON(exercises); err != nil {
		return nil, err
	}
	if l.Date, err = assessment.ParseDate(date); err != nil {
		return nil, err
	}
	if l.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	if l.UpdatedAt, err = parseTime(updated); err != nil {
		return nil, err
	}
	return &l, nil
}
