package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"github.com/keel-coach/keel/assessment"
)

// TemplateService stores the studio's programme templates, shared by its
// coaches, under the SQLite store's rules (names unique when folded).
type TemplateService struct{ db *DB }

var _ assessment.TemplateService = (*TemplateService)(nil)

// NewTemplateService returns the template store of db.
func NewTemplateService(db *DB) *TemplateService { return &TemplateService{db: db} }

// SaveTemplate creates or replaces t in one transaction.
func (s *TemplateService) SaveTemplate(ctx context.Context, t *assessment.Template) error {
	const op = "save the template"
	if t == nil {
		return assessment.Errorf(assessment.EINVALID, "There is no template to save.")
	}
	t.Name = strings.TrimSpace(t.Name)
	if t.Name == "" || len([]rune(t.Name)) > assessment.MaxTemplateName {
		return assessment.FieldErrorf(assessment.EINVALID, assessment.FieldTemplateName, "Give the template a name of 1 to %d characters.", assessment.MaxTemplateName)
	}
	return writeOn(ctx, s.db, op, t, func(tx *writeTx) error {
		// Names are compared folded (case and accents), as the coach reads them.
		rows, err := tx.QueryContext(ctx, `SELECT name FROM programme_templates WHERE id <> $1`, t.ID)
		if err != nil {
			return tx.db.mapError(op, err)
		}
		clash := false
		for rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				rows.Close()
				return tx.db.mapError(op, err)
			}
			clash = clash || assessment.Fold(name) == assessment.Fold(t.Name)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return tx.db.mapError(op, err)
		}
		if clash {
			return assessment.FieldErrorf(assessment.ECONFLICT, assessment.FieldTemplateName, "A template called %q already exists: choose another name.", t.Name)
		}
		doc := *t
		doc.ID = 0 // the id is the row's, not part of the stored data
		data, err := json.Marshal(&doc)
		if err != nil {
			return assessment.Internal(op, err)
		}
		if t.ID == 0 {
			if err := tx.QueryRowContext(ctx, `INSERT INTO programme_templates (name, data, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING id`,
				t.Name, string(data), tx.now).Scan(&t.ID); err != nil {
				return tx.db.mapError(op, err)
			}
			return nil
		}
		res, err := tx.ExecContext(ctx, `UPDATE programme_templates SET name = $1, data = $2, updated_at = $3 WHERE id = $4`, t.Name, string(data), tx.now, t.ID)
		return tx.db.mustAffect(res, err, "template", op)
	})
}

// FindTemplates lists every template by name.
func (s *TemplateService) FindTemplates(ctx context.Context) ([]*assessment.Template, error) {
	const op = "list the templates"
	var out []*assessment.Template
	err := s.db.read(ctx, op, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, data FROM programme_templates ORDER BY lower(name), id`)
		if err != nil {
			return s.db.mapError(op, err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var data string
			if err := rows.Scan(&id, &data); err != nil {
				return s.db.mapError(op, err)
			}
			t := &assessment.Template{}
			if err := json.Unmarshal([]byte(data), t); err != nil {
				return assessment.Internal("read a template", err)
			}
			t.ID = id
			out = append(out, t)
		}
		return s.db.mapError(op, rows.Err())
	})
	return out, err
}

// DeleteTemplate removes one template.
func (s *TemplateService) DeleteTemplate(ctx context.Context, id int64) error {
	return s.db.write(ctx, "delete the template", func(tx *writeTx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM programme_templates WHERE id = $1`, id)
		return tx.db.mustAffect(res, err, "template", "delete the template")
	})
}

// The programme store also keeps the templates, so the programme screens
// reach them through the service they already have (as in the SQLite
// store).
var _ assessment.TemplateService = (*ProgrammeService)(nil)

// SaveTemplate stores a template (see TemplateService.SaveTemplate).
func (s *ProgrammeService) SaveTemplate(ctx context.Context, t *assessment.Template) error {
	return (&TemplateService{db: s.db}).SaveTemplate(ctx, t)
}

// FindTemplates lists the templates by name.
func (s *ProgrammeService) FindTemplates(ctx context.Context) ([]*assessment.Template, error) {
	return (&TemplateService{db: s.db}).FindTemplates(ctx)
}

// DeleteTemplate removes one template.
func (s *ProgrammeService) DeleteTemplate(ctx context.Context, id int64) error {
	return (&TemplateService{db: s.db}).DeleteTemplate(ctx, id)
}
