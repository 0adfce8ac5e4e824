package sqlite

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/keel-coach/keel/assessment"
)

// TemplateService stores programme templates.
type TemplateService struct{ db *DB }

var _ assessment.TemplateService = (*TemplateService)(nil)

// NewTemplateService returns the template store of db.
func NewTemplateService(db *DB) *TemplateService { return &TemplateService{db: db} }

// SaveTemplate creates or replaces t in one transaction.
func (s *TemplateService) SaveTemplate(ctx context.Context, t *assessment.Template) error {
	if t == nil {
		return assessment.Errorf(assessment.EINVALID, "There is no template to save.")
	}
	t.Name = strings.TrimSpace(t.Name)
	if t.Name == "" || len([]rune(t.Name)) > assessment.MaxTemplateName {
		return assessment.FieldErrorf(assessment.EINVALID, assessment.FieldTemplateName, "Give the template a name of 1 to %d characters.", assessment.MaxTemplateName)
	}
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Names are compared folded (case and accents), as the coach reads them.
	rows, err := tx.QueryContext(ctx, `SELECT id, name FROM programme_templates WHERE id != ?`, t.ID)
	if err != nil {
		return mapError("save the template", err)
	}
	clash := false
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return mapError("save the template", err)
		}
		clash = clash || assessment.Fold(name) == assessment.Fold(t.Name)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return mapError("save the template", err)
	}
	if clash {
		return assessment.FieldErrorf(assessment.ECONFLICT, assessment.FieldTemplateName, "A template called %q already exists: choose another name.", t.Name)
	}
	id := t.ID
	t.ID = 0 // the id is the row's, not part of the stored data
	data, jerr := json.Marshal(t)
	t.ID = id
	if jerr != nil {
		return assessment.Internal("save the template", jerr)
	}
	now := formatTime(tx.now)
	if t.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO programme_templates (name, data, created_at, updated_at) VALUES (?, ?, ?, ?)`, t.Name, string(data), now, now)
		if err != nil {
			return mapError("save the template", err)
		}
		if t.ID, err = res.LastInsertId(); err != nil {
			return mapError("save the template", err)
		}
	} else {
		res, err := tx.ExecContext(ctx, `UPDATE programme_templates SET name = ?, data = ?, updated_at = ? WHERE id = ?`, t.Name, string(data), now, t.ID)
		if err != nil {
			return mapError("save the template", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("template")
		}
	}
	return tx.commit("save the template")
}

// FindTemplates lists every template by name.
func (s *TemplateService) FindTemplates(ctx context.Context) ([]*assessment.Template, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return findTemplates(ctx, tx)
}

func findTemplates(ctx context.Context, q querier) ([]*assessment.Template, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, data FROM programme_templates ORDER BY name COLLATE NOCASE, id`)
	if err != nil {
		return nil, mapError("list the templates", err)
	}
	defer rows.Close()
	var out []*assessment.Template
	for rows.Next() {
		var id int64
		var data string
		if err := rows.Scan(&id, &data); err != nil {
			return nil, mapError("list the templates", err)
		}
		t := &assessment.Template{}
		if err := json.Unmarshal([]byte(data), t); err != nil {
			return nil, assessment.Internal("read a template", err)
		}
		t.ID = id
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, mapError("list the templates", err)
	}
	return out, nil
}

// importedBefore reports whether an earlier import already saved t under
// a new name ("name (imported)", "name (imported 2)", …) with the same
// content, so importing the same file again adds no copy.
func importedBefore(byName map[string]*assessment.Template, t *assessment.Template) bool {
	prefix := assessment.Fold(strings.TrimSpace(t.Name) + " (imported")
	for name, have := range byName {
		if strings.HasPrefix(name, prefix) && assessment.SameTemplate(have, t) {
			return true
		}
	}
	return false
}

// importTemplates stores the file's templates inside the import's
// transaction. One whose name Keel already has (compared as the coach
// reads it) is kept out when its content is the same, and otherwise saved
// under a new name (assessment.ImportedTemplateName): the coach's own
// template is never replaced.
func importTemplates(ctx context.Context, tx *writeTx, file []*assessment.Template, sum *assessment.ImportSummary) error {
	if len(file) == 0 {
		return nil
	}
	have, err := findTemplates(ctx, tx)
	if err != nil {
		return err
	}
	byName := map[string]*assessment.Template{}
	for _, t := range have {
		byName[assessment.Fold(t.Name)] = t
	}
	taken := func(name string) bool { return byName[assessment.Fold(name)] != nil }
	for _, ft := range file {
		t := &assessment.Template{Name: strings.TrimSpace(ft.Name), Weeks: ft.Weeks}
		it := assessment.ImportedTemplate{Name: t.Name, Action: assessment.TemplateAdded}
		if old := byName[assessment.Fold(t.Name)]; old != nil {
			if assessment.SameTemplate(old, t) || importedBefore(byName, t) {
				it.Action = assessment.TemplateKept
				sum.Templates = append(sum.Templates, it)
				continue
			}
			t.Name = assessment.ImportedTemplateName(t.Name, taken)
			it.Action, it.As = assessment.TemplateRenamed, t.Name
		}
		data, err := json.Marshal(t)
		if err != nil {
			return assessment.Internal("import the template", err)
		}
		now := formatTime(tx.now)
		if _, err := tx.ExecContext(ctx, `INSERT INTO programme_templates (name, data, created_at, updated_at) VALUES (?, ?, ?, ?)`, t.Name, string(data), now, now); err != nil {
			return mapError("import the template", err)
		}
		byName[assessment.Fold(t.Name)] = t
		sum.Templates = append(sum.Templates, it)
	}
	return nil
}

// DeleteTemplate removes one template.
func (s *TemplateService) DeleteTemplate(ctx context.Context, id int64) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `DELETE FROM programme_templates WHERE id = ?`, id)
	if err != nil {
		return mapError("delete the template", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("template")
	}
	return tx.commit("delete the template")
}

// The programme store also keeps the templates made from programmes, so
// the programme screens reach them through the service they already have.
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
