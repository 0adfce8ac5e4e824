package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"github.com/keel-coach/keel/assessment"
)

// ClientService stores clients in the database.
type ClientService struct {
	db *DB
}

var _ assessment.ClientService = (*ClientService)(nil)

// NewClientService returns the client store of db.
func NewClientService(db *DB) *ClientService { return &ClientService{db: db} }

// CreateClient validates c, stores it and sets its ID and times.
func (s *ClientService) CreateClient(ctx context.Context, c *assessment.Client) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := createClient(ctx, tx, c); err != nil {
		return err
	}
	return tx.commit("save the client")
}

// UpdateClient validates c and stores every field of it.
func (s *ClientService) UpdateClient(ctx context.Context, c *assessment.Client) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := updateClient(ctx, tx, c); err != nil {
		return err
	}
	return tx.commit("save the client")
}

// FindClientByID returns one client.
func (s *ClientService) FindClientByID(ctx context.Context, id int64) (*assessment.Client, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return findClientByID(ctx, tx, id)
}

// FindClients returns the clients matching f sorted by name (ignoring case
// and accents), and how many match in all. The matching runs on the
// in-memory search keys (search.go); only the page's rows are read. Every word of f.Query must
// appear somewhere in the name or preferred name: "zoe" finds "Zoë", and
// "smith jo" finds "Joanna Smith".
func (s *ClientService) FindClients(ctx context.Context, f assessment.ClientFilter) ([]*assessment.Client, int, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()
	ids, total, err := s.db.searchIndex().matches(ctx, tx, f)
	if err != nil {
		return nil, 0, mapError("list the clients", err)
	}
	byID := make(map[int64]*assessment.Client, len(ids))
	if err := readPage(ctx, tx, ids, clientColumns, func(rows *sql.Rows) error {
		c, err := scanClient(rows)
		if err == nil {
			byID[c.ID] = c
		}
		return err
	}); err != nil {
		return nil, 0, mapError("list the clients", err)
	}
	out, err := inOrder(ids, byID)
	if err != nil {
		return nil, 0, assessment.Internal("list the clients", err)
	}
	return out, total, nil
}

// SetArchived archives or restores a client. Archived clients leave the
// everyday list but keep all their records.
func (s *ClientService) SetArchived(ctx context.Context, id int64, archived bool) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `UPDATE clients SET archived = ?, updated_at = ?, updated_by = ?, revision = revision + 1 WHERE id = ?`,
		archived, formatTime(tx.now), s.db.Coach, id)
	if err := mustAffect(res, err, "client", "archive the client"); err != nil {
		return err
	}
	return tx.commit("archive the client")
}

// DeleteClient removes the client and, through ON DELETE CASCADE, every
// assessment, programme and export recorded about her. secure_delete zeroes
// her rows in the file, and a checkpoint then empties the write-ahead log,
// where copies of the pages that held them would otherwise stay while Keel
// is open.
func (s *ClientService) DeleteClient(ctx context.Context, id int64) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `DELETE FROM clients WHERE id = ?`, id)
	if err := mustAffect(res, err, "client", "delete the client"); err != nil {
		return err
	}
	if err := tx.commit("delete the client"); err != nil {
		return err
	}
	s.db.checkpoint(ctx)
	return nil
}

// mustAffect maps an Exec result: an error for the coach, ENOTFOUND when no
// row matched.
func mustAffect(res sql.Result, err error, what, op string) error {
	if err != nil {
		return mapError(op, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return mapError(op, err)
	}
	if n == 0 {
		return notFound(what)
	}
	return nil
}

// checkClient tidies and validates a client about to be written.
func checkClient(tx *writeTx, c *assessment.Client) error {
	if c == nil {
		return assessment.Errorf(assessment.EINVALID, "There is no client to save.")
	}
	c.Normalize()
	return c.Validate(tx.today())
}

func createClient(ctx context.Context, tx *writeTx, c *assessment.Client) error {
	if err := checkClient(tx, c); err != nil {
		return err
	}
	cb, cd := clearanceCols(c)
	now := formatTime(tx.now)
	res, err := tx.ExecContext(ctx, `INSERT INTO clients (
		name, preferred_name, birth_date, phone, email, births, births_unknown, last_delivery_date,
		delivery_mode, clearance_date, clearance_by, notes, archived,
		sort_key, search_key, created_at, updated_at, created_by, updated_by
	) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.Name, c.PreferredName, nullDate(c.BirthDate), c.Phone, c.Email, c.Births, c.BirthsUnknown, nullDate(c.LastDelivery),
		string(c.DeliveryMode), cd, cb, c.Notes, c.Archived,
		assessment.Fold(c.Name), searchKey(c), now, now, tx.coach, tx.coach)
	if err != nil {
		return mapError("save the client", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return mapError("save the client", err)
	}
	c.ID = id
	c.CreatedAt, c.UpdatedAt = tx.now, tx.now
	c.Saved = assessment.Saved{Revision: 1, CreatedBy: tx.coach, ChangedBy: tx.coach}
	return nil
}

func updateClient(ctx context.Context, tx *writeTx, c *assessment.Client) error {
	if err := checkClient(tx, c); err != nil {
		return err
	}
	rev, createdBy, err := checkRevision(ctx, tx, "clients", c.ID, c.Revision, "this client", "client")
	if err != nil {
		return err
	}
	cb, cd := clearanceCols(c)
	res, err := tx.ExecContext(ctx, `UPDATE clients SET
		name = ?, preferred_name = ?, birth_date = ?, phone = ?, email = ?, births = ?, births_unknown = ?,
		last_delivery_date = ?, delivery_mode = ?, clearance_date = ?, clearance_by = ?,
		notes = ?, archived = ?, sort_key = ?, search_key = ?, updated_at = ?, updated_by = ?, revision = ?
		WHERE id = ?`,
		c.Name, c.PreferredName, nullDate(c.BirthDate), c.Phone, c.Email, c.Births, c.BirthsUnknown,
		nullDate(c.LastDelivery), string(c.DeliveryMode), cd, cb,
		c.Notes, c.Archived, assessment.Fold(c.Name), searchKey(c), formatTime(tx.now), tx.coach, rev+1,
		c.ID)
	if err := mustAffect(res, err, "client", "save the client"); err != nil {
		return err
	}
	var created string
	if err := tx.QueryRowContext(ctx, `SELECT created_at FROM clients WHERE id = ?`, c.ID).Scan(&created); err != nil {
		return mapError("save the client", err)
	}
	t, err := parseTime(created)
	if err != nil {
		return assessment.Internal("save the client", err)
	}
	c.CreatedAt, c.UpdatedAt = t, tx.now
	c.Saved = assessment.Saved{Revision: rev + 1, CreatedBy: createdBy, ChangedBy: tx.coach}
	return nil
}

// clearanceCols returns the clearance as two nullable columns (by, date).
func clearanceCols(c *assessment.Client) (by, date any) {
	if c.Clearance == nil {
		return nil, nil
	}
	return c.Clearance.By, nullDate(c.Clearance.Date)
}

// searchKey is what a search matches: name and preferred name, folded.
func searchKey(c *assessment.Client) string {
	return assessment.Fold(c.Name + " " + c.PreferredName)
}

// querier is what both read and write transactions offer, so the finders
// serve both.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

const clientColumns = `id, name, preferred_name, birth_date, phone, email, births, births_unknown,
	last_delivery_date, delivery_mode, clearance_date, clearance_by, notes, archived,
	created_at, updated_at, revision, created_by, updated_by`

type scanner interface{ Scan(dest ...any) error }

func scanClient(row scanner) (*assessment.Client, error) {
	var (
		c                          assessment.Client
		birth, delivery, clearDate sql.NullString
		clearBy                    sql.NullString
		mode, created, updated     string
	)
	if err := row.Scan(&c.ID, &c.Name, &c.PreferredName, &birth, &c.Phone, &c.Email, &c.Births, &c.BirthsUnknown,
		&delivery, &mode, &clearDate, &clearBy, &c.Notes, &c.Archived, &created, &updated,
		&c.Revision, &c.CreatedBy, &c.ChangedBy); err != nil {
		return nil, err
	}
	var err error
	if c.BirthDate, err = parseNullDate(birth); err != nil {
		return nil, err
	}
	if c.LastDelivery, err = parseNullDate(delivery); err != nil {
		return nil, err
	}
	c.DeliveryMode = assessment.DeliveryMode(mode)
	if clearDate.Valid || clearBy.Valid {
		d, err := parseNullDate(clearDate)
		if err != nil {
			return nil, err
		}
		c.Clearance = &assessment.Clearance{Date: d, By: clearBy.String}
	}
	if c.CreatedAt, err = parseTime(created); err != nil {
		return nil, err
	}
	if c.UpdatedAt, err = parseTime(updated); err != nil {
		return nil, err
	}
	return &c, nil
}

func findClientByID(ctx context.Context, q querier, id int64) (*assessment.Client, error) {
	c, err := scanClient(q.QueryRowContext(ctx, `SELECT `+clientColumns+` FROM clients WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return nil, notFound("client")
	} else if err != nil {
		return nil, mapError("read the client", err)
	}
	return c, nil
}

// findClients is the search in SQL alone, for readers inside another
// transaction (the export reads every client in its own); the client list
// searches through the in-memory keys instead (search.go), several times
// faster at 50,000 clients. It reads one page of matching clients and the
// number of matches. Both walk an index in name order (clients_list, or
// clients_list_all with archived clients) that holds each client's folded
// search key, so a client's row is read only when she is on the page.
//
// The page comes first and stops at its last row. When it comes back
// short, it has seen every match and gives the count for free; only a full
// page needs a second walk to count. (A single query with count(*) OVER ()
// was measured and rejected: the window keeps every match, 45,000 rows for
// an empty search at 50,000 clients, before the page can be cut; see
// docs/PERFORMANCE.md.)
func findClients(ctx context.Context, q querier, f assessment.ClientFilter) ([]*assessment.Client, int, error) {
	var out []*assessment.Client
	total, err := findPage(ctx, q, f, clientColumns, func(rows *sql.Rows) error {
		c, err := scanClient(rows)
		if err == nil {
			out = append(out, c)
		}
		return err
	})
	if out == nil {
		out = []*assessment.Client{}
	}
	return out, total, err
}

// findPage runs the search of f, selecting columns for each client on the
// page and handing each row to scan, and returns the number of matches.
func findPage(ctx context.Context, q querier, f assessment.ClientFilter, columns string, scan func(*sql.Rows) error) (int, error) {
	var where []string
	var args []any
	if !f.IncludeArchived {
		where = append(where, "archived = 0")
	}
	// instr on the folded key and the folded words: a plain substring
	// test, so "50%" or "a_b" mean those characters literally.
	for _, w := range strings.Fields(assessment.Fold(f.Query)) {
		where = append(where, `instr(search_key, ?) > 0`)
		args = append(args, w)
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	limit, offset := f.Limit, f.Offset
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	if offset < 0 {
		offset = 0
	}
	rows, err := q.QueryContext(ctx, `SELECT `+columns+` FROM clients`+cond+
		` ORDER BY sort_key, id LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return 0, mapError("list the clients", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		if err := scan(rows); err != nil {
			return 0, mapError("list the clients", err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return 0, mapError("list the clients", err)
	}
	// A short page (or no limit) has seen every match from offset on, so
	// it gives the total, unless it is empty past the start: then the
	// offset may lie beyond the last match.
	seenAll := limit < 0 || n < limit
	if seenAll && (n > 0 || offset == 0) {
		return offset + n, nil
	}
	var total int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM clients`+cond, args...).Scan(&total); err != nil {
		return 0, mapError("list the clients", err)
	}
	return total, nil
}

// checkRevision reads the stored revision of row id of table inside the
// write transaction (which holds the file's write lock, so nothing can
// change it before the save), and refuses a save made on an older copy:
// rev 0 is not checked. It returns the stored revision and author. what
// names the row for the coach ("this client"), thing for ENOTFOUND.
func checkRevision(ctx context.Context, tx *writeTx, table string, id, rev int64, what, thing string) (int64, string, error) {
	var (
		stored             int64
		createdBy, updater string
		updated            string
	)
	err := tx.QueryRowContext(ctx, `SELECT revision, created_by, updated_by, updated_at FROM `+table+` WHERE id = ?`, id).
		Scan(&stored, &createdBy, &updater, &updated)
	if err == sql.ErrNoRows {
		return 0, "", notFound(thing)
	} else if err != nil {
		return 0, "", mapError("save "+what, err)
	}
	if rev != 0 && rev != stored {
		at, _ := parseTime(updated)
		return 0, "", assessment.ErrChanged(what, updater, at)
	}
	return stored, createdBy, nil
}
