-- 0007_templates: programmes kept for reuse, without the client.
--
-- A shipped migration is never edited; later changes go in 0008_*.sql and on.

-- data is the template (assessment.Template) as JSON: its weeks, sessions,
-- exercises and doses. The name is unique, compared without case.
CREATE TABLE programme_templates (
	id         INTEGER PRIMARY KEY,
	name       TEXT    NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 80),
	data       TEXT    NOT NULL CHECK (json_valid(data)),
	created_at TEXT    NOT NULL,
	updated_at TEXT    NOT NULL
);
CREATE UNIQUE INDEX programme_templates_name ON programme_templates (name COLLATE NOCASE);
