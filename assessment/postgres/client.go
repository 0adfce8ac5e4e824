package postgres

import (
	"context"
	"database/sql"
	"time"

	"github.com/keel-coach/keel/assessment"
)

// ClientService stores clients in the studio database.
type ClientService struct {
	db *DB
}

var _ assessment.ClientService = (*ClientService)(nil)

// NewClientService returns the client store of db.
func NewClientService(db *DB) *ClientService { return &ClientService{db: db} }

// CreateClient validates c, stores it and sets its ID, times, author and
// revision.
func (s *ClientService) CreateClient(ctx context.Context, c *assessment.Client) error {
	return writeOn(ctx, s.db, "save the client", c, func(tx *writeTx) error { return createClient(ctx, tx, c) })
}

// UpdateClient validates c and stores every field of it. A c read before
// another coach saved her (an older Revision) is refused with ECONFLICT
// (ReasonChanged), naming who saved and when; nothing is written.
func (s *ClientService) UpdateClient(ctx context.Context, c *assessment.Client) error {
	return writeOn(ctx, s.db, "save the client", c, func(tx *writeTx) error { return updateClient(ctx, tx, c) })
}

// FindClientByID returns one client.
func (s *ClientService) FindClientByID(ctx context.Context, id int64) (*assessment.Client, error) {
	var c *assessment.Client
	err := s.db.read(ctx, "read the client", func(tx *sql.Tx) error {
		var err error
		c, err = findClientByID(ctx, s.db, tx, id)
		return err
	})
	return c, err
}

// FindClients returns the clients matching f sorted by name (ignoring case
// and accents), and how many match in all. Every word of f.Query must
// appear somewhere in the folded name or preferred name: "zoe" finds
// "Zoë", and "smith jo" finds "Joanna Smith". The matching runs on this
// Keel's copy of the search keys (search.go); only the page's rows are
// read.
func (s *ClientService) FindClients(ctx context.Context, f assessment.ClientFilter) ([]*assessment.Client, int, error) {
	var (
		out   []*assessment.Client
		total int
	)
	err := s.db.read(ctx, "list the clients", func(tx *sql.Tx) error {
		ids, n, err := s.db.search.matches(ctx, tx, f)
		if err != nil {
			return s.db.mapError("list the clients", err)
		}
		total = n
		out, err = readPage(ctx, s.db, tx, ids)
		return err
	})
	if err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// SetArchived archives or restores a client. Archived clients leave the
// everyday list but keep all their records.
func (s *ClientService) SetArchived(ctx context.Context, id int64, archived bool) error {
	return s.db.write(ctx, "archive the client", func(tx *writeTx) error {
		res, err := tx.ExecContext(ctx, `UPDATE clients SET archived = $1, updated_at = $2, updated_by = $3, revision = revision + 1 WHERE id = $4`,
			archived, tx.now, tx.db.Coach, id)
		return tx.db.mustAffect(res, err, "client", "archive the client")
	})
}

// DeleteClient removes the client and, through ON DELETE CASCADE, every
// assessment, programme, session and export recorded about her.
func (s *ClientService) DeleteClient(ctx context.Context, id int64) error {
	return s.db.write(ctx, "delete the client", func(tx *writeTx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM clients WHERE id = $1`, id)
		return tx.db.mustAffect(res, err, "client", "delete the client")
	})
}

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
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO clients (
		name, preferred_name, birth_date, phone, email, births, last_delivery_date,
		delivery_mode, clearance_date, clearance_by, notes, archived,
		sort_key, search_key, created_by, updated_by, created_at, updated_at, births_unknown
	) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $16, $17) RETURNING id`,
		c.Name, c.PreferredName, nullDate(c.BirthDate), c.Phone, c.Email, c.Births, nullDate(c.LastDelivery),
		string(c.DeliveryMode), cd, cb, c.Notes, c.Archived,
		assessment.Fold(c.Name), searchKey(c), tx.db.Coach, tx.now, c.BirthsUnknown).Scan(&id)
	if err != nil {
		return tx.db.mapError("save the client", err)
	}
	c.ID = id
	c.CreatedAt, c.UpdatedAt = tx.now, tx.now
	c.Saved = assessment.Saved{Revision: 1, CreatedBy: tx.db.Coach, ChangedBy: tx.db.Coach}
	return nil
}

// checkRevision reads, and locks for the rest of tx, the stored revision
// of row id of table, and refuses a save made on an older one (rev 0 is
// not checked). what names the row for the coach ("this client").
func checkRevision(ctx context.Context, tx *writeTx, table string, id, rev int64, what, thing string) (created time.Time, createdBy string, err error) {
	var (
		stored    int64
		updatedBy string
		updated   time.Time
	)
	err = tx.QueryRowContext(ctx, `SELECT revision, created_at, created_by, updated_at, updated_by FROM `+table+` WHERE id = $1 FOR UPDATE`, id).
		Scan(&stored, &created, &createdBy, &updated, &updatedBy)
	if err == sql.ErrNoRows {
		return time.Time{}, "", notFound(thing)
	} else if err != nil {
		return time.Time{}, "", tx.db.mapError("save "+what, err)
	}
	if rev != 0 && rev != stored {
		return time.Time{}, "", assessment.ErrChanged(what, updatedBy, updated)
	}
	return created, createdBy, nil
}

func updateClient(ctx context.Context, tx *writeTx, c *assessment.Client) error {
	if err := checkClient(tx, c); err != nil {
		return err
	}
	created, createdBy, err := checkRevision(ctx, tx, "clients", c.ID, c.Revision, "this client", "client")
	if err != nil {
		return err
	}
	cb, cd := clearanceCols(c)
	var rev int64
	err = tx.QueryRowContext(ctx, `UPDATE clients SET
		name = $1, preferred_name = $2, birth_date = $3, phone = $4, email = $5, births = $6,
		last_delivery_date = $7, delivery_mode = $8, clearance_date = $9, clearance_by = $10,
		notes = $11, archived = $12, sort_key = $13, search_key = $14, updated_at = $15, updated_by = $16,
		revision = revision + 1, births_unknown = $18
		WHERE id = $17 RETURNING revision`,
		c.Name, c.PreferredName, nullDate(c.BirthDate), c.Phone, c.Email, c.Births,
		nullDate(c.LastDelivery), string(c.DeliveryMode), cd, cb,
		c.Notes, c.Archived, assessment.Fold(c.Name), searchKey(c), tx.now, tx.db.Coach,
		c.ID, c.BirthsUnknown).Scan(&rev)
	if err != nil {
		return tx.db.mapError("save the client", err)
	}
	c.CreatedAt, c.UpdatedAt = created.UTC(), tx.now
	c.Saved = assessment.Saved{Revision: rev, CreatedBy: createdBy, ChangedBy: tx.db.Coach}
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

const clientColumns = `id, name, preferred_name, birth_date, phone, email, births,
	last_delivery_date, delivery_mode, clearance_date, clearance_by, notes, archived,
	created_at, updated_at, revision, created_by, updated_by, births_unknown`

func scanClient(row scanner) (*assessment.Client, error) {
	var (
		c                          assessment.Client
		birth, delivery, clearDate sql.NullString
		clearBy                    sql.NullString
		mode                       string
	)
	if err := row.Scan(&c.ID, &c.Name, &c.PreferredName, &birth, &c.Phone, &c.Email, &c.Births,
		&delivery, &mode, &clearDate, &clearBy, &c.Notes, &c.Archived, &c.CreatedAt, &c.UpdatedAt,
		&c.Revision, &c.CreatedBy, &c.ChangedBy, &c.BirthsUnknown); err != nil {
		return nil, err
	}
	c.CreatedAt, c.UpdatedAt = c.CreatedAt.UTC(), c.UpdatedAt.UTC()
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
	return &c, nil
}

func findClientByID(ctx context.Context, db *DB, q querier, id int64) (*assessment.Client, error) {
	c, err := scanClient(q.QueryRowContext(ctx, `SELECT `+clientColumns+` FROM clients WHERE id = $1`, id))
	if err == sql.ErrNoRows {
		return nil, notFound("client")
	} else if err != nil {
		return nil, db.mapError("read the client", err)
	}
	return c, nil
}
