package postgres

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"github.com/keel-coach/keel/assessment"
)

// SessionLogService stores the coaches' log of each session of an issued
// programme, with the coach who logged it, under the rules of the SQLite
// store (assessment/sqlite/sessionlog.go).
type SessionLogService struct {
	db *DB
}

var _ assessment.SessionLogService = (*SessionLogService)(nil)

// NewSessionLogService returns the session log store of db.
func NewSessionLogService(db *DB) *SessionLogService { return &SessionLogService{db: db} }

// CreateSessionLog validates l against today and stores it for its
// programme, which must be issued (not a draft, not superseded) and, unless
// Blocked, still allowed by its assessment.
func (s *SessionLogService) CreateSessionLog(ctx context.Context, l *assessment.SessionLog) error {
	return writeOn(ctx, s.db, "save the session", l, func(tx *writeTx) error { return createSessionLog(ctx, tx, l) })
}

// UpdateSessionLog replaces a stored log's date, status, pain, doming and
// note; its programme and client do not change.
func (s *SessionLogService) UpdateSessionLog(ctx context.Context, l *assessment.SessionLog) error {
	return writeOn(ctx, s.db, "save the session", l, func(tx *writeTx) error { return updateSessionLog(ctx, tx, l) })
}

// FindSessionLogs returns the matching logs, oldest first.
func (s *SessionLogService) FindSessionLogs(ctx context.Context, f assessment.SessionLogFilter) ([]*assessment.SessionLog, error) {
	const op = "list the sessions"
	var where []string
	var args []any
	if f.ClientID != 0 {
		args = append(args, f.ClientID)
		where = append(where, "client_id = $"+strconv.Itoa(len(args)))
	}
	if f.ProgrammeID != 0 {
		args = append(args, f.ProgrammeID)
		where = append(where, "programme_id = $"+strconv.Itoa(len(args)))
	}
	query := `SELECT ` + sessionLogColumns + ` FROM session_logs`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	return findAll(ctx, s.db, op, query+` ORDER BY date, id`, args, scanSessionLog)
}

// DeleteSessionLog removes one log.
func (s *SessionLogService) DeleteSessionLog(ctx context.Context, id int64) error {
	return s.db.write(ctx, "delete the session", func(tx *writeTx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM session_logs WHERE id = $1`, id)
		return tx.db.mustAffect(res, err, "session", "delete the session")
	})
}

func checkSessionLog(l *assessment.SessionLog, today assessment.Date) error {
	if l == nil {
		return assessment.Errorf(assessment.EINVALID, "There is no session to save.")
	}
	l.Note = strings.TrimSpace(l.Note)
	return l.Validate(today)
}

func createSessionLog(ctx context.Context, tx *writeTx, l *assessment.SessionLog) error {
	const op = "save the session"
	if err := checkSessionLog(l, tx.today()); err != nil {
		return err
	}
	var (
		clientID, recordID int64
		status             string
		version            int
		blocked            bool
	)
	err := tx.QueryRowContext(ctx, `SELECT client_id, record_id, status, version, coalesce((data::json->>'blocked')::boolean, false)
		FROM programmes WHERE id = $1`, l.ProgrammeID).Scan(&clientID, &recordID, &status, &version, &blocked)
	if err == sql.ErrNoRows {
		return notFound("programme")
	} else if err != nil {
		return tx.db.mapError(op, err)
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
	if !blocked {
		if err := checkRecordAllows(ctx, tx, &assessment.Programme{}, recordID, assessment.FieldSessionProgramme); err != nil {
			return err
		}
	}
	l.ClientID = clientID
	exercises, err := assessment.OutcomesJSON(l.Exercises)
	if err != nil {
		return err
	}
	if err := tx.QueryRowContext(ctx, `INSERT INTO session_logs (client_id, programme_id, date, status, pain, doming, note, session, exercises, created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
		l.ClientID, l.ProgrammeID, l.Date.String(), l.Status, l.Pain, l.Doming, l.Note, l.Session, exercises, tx.db.Coach, tx.now).Scan(&l.ID); err != nil {
		return tx.db.mapError(op, err)
	}
	l.CreatedAt, l.UpdatedAt = tx.now, tx.now
	return nil
}

func updateSessionLog(ctx context.Context, tx *writeTx, l *assessment.SessionLog) error {
	const op = "save the session"
	if l == nil {
		return assessment.Errorf(assessment.EINVALID, "There is no session to save.")
	}
	var (
		clientID, programmeID int64
		created               time.Time
	)
	err := tx.QueryRowContext(ctx, `SELECT client_id, programme_id, created_at FROM session_logs WHERE id = $1 FOR UPDATE`, l.ID).
		Scan(&clientID, &programmeID, &created)
	if err == sql.ErrNoRows {
		return notFound("session")
	} else if err != nil {
		return tx.db.mapError(op, err)
	}
	l.ClientID, l.ProgrammeID = clientID, programmeID
	if err := checkSessionLog(l, tx.today()); err != nil {
		return err
	}
	exercises, err := assessment.OutcomesJSON(l.Exercises)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE session_logs SET date = $1, status = $2, pain = $3, doming = $4, note = $5, session = $6, exercises = $7, updated_at = $8 WHERE id = $9`,
		l.Date.String(), l.Status, l.Pain, l.Doming, l.Note, l.Session, exercises, tx.now, l.ID); err != nil {
		return tx.db.mapError(op, err)
	}
	l.CreatedAt, l.UpdatedAt = created.UTC(), tx.now
	return nil
}

const sessionLogColumns = `id, client_id, programme_id, date, status, pain, doming, note, session, exercises, created_at, updated_at`

func scanSessionLog(row scanner) (*assessment.SessionLog, error) {
	var (
		l         assessment.SessionLog
		date      string
		exercises string
	)
	if err := row.Scan(&l.ID, &l.ClientID, &l.ProgrammeID, &date, &l.Status, &l.Pain, &l.Doming, &l.Note, &l.Session, &exercises, &l.CreatedAt, &l.UpdatedAt); err != nil {
		return nil, err
	}
	var err error
	if l.Exercises, err = assessment.ParseOutcomesJSON(exercises); err != nil {
		return nil, err
	}
	l.CreatedAt, l.UpdatedAt = l.CreatedAt.UTC(), l.UpdatedAt.UTC()
	l.Date, err = assessment.ParseDate(date)
	return &l, err
}

var _ assessment.SessionLogRestorer = (*SessionLogService)(nil)

// RestoreSessionLog puts a deleted log back as it was (the coach's undo of
// a delete), in one transaction: its ID, programme version, fields and
// times, also when that version has been replaced since. Errors: EINVALID,
// ENOTFOUND (its programme is gone), ECONFLICT (a log with its ID exists).
func (s *SessionLogService) RestoreSessionLog(ctx context.Context, l *assessment.SessionLog) error {
	const op = "put the session back"
	if l == nil || l.ID <= 0 {
		return assessment.Errorf(assessment.EINVALID, "There is no session to put back.")
	}
	if err := checkSessionLog(l, assessment.Date{}); err != nil {
		return err
	}
	exercises, err := assessment.OutcomesJSON(l.Exercises)
	if err != nil {
		return err
	}
	return s.db.write(ctx, op, func(tx *writeTx) error {
		var clientID int64
		err := tx.QueryRowContext(ctx, `SELECT client_id FROM programmes WHERE id = $1`, l.ProgrammeID).Scan(&clientID)
		if err == sql.ErrNoRows {
			return notFound("programme")
		} else if err != nil {
			return tx.db.mapError(op, err)
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM session_logs WHERE id = $1`, l.ID).Scan(&n); err != nil {
			return tx.db.mapError(op, err)
		}
		if n > 0 {
			return assessment.Errorf(assessment.ECONFLICT, "This session is already in the log.")
		}
		created, updated := orNow(l.CreatedAt, tx), orNow(l.UpdatedAt, tx)
		if _, err := tx.ExecContext(ctx, `INSERT INTO session_logs (id, client_id, programme_id, date, status, pain, doming, note, session, exercises, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
			l.ID, clientID, l.ProgrammeID, l.Date.String(), l.Status, l.Pain, l.Doming, l.Note, l.Session, exercises, tx.db.Coach, created, updated); err != nil {
			return tx.db.mapError(op, err)
		}
		l.ClientID = clientID
		return nil
	})
}
