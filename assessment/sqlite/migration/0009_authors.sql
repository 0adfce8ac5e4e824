-- 0009_authors: who made and who last saved each client, assessment and
-- programme, and a revision each save raises, so a save made on a copy
-- that someone else has saved since (another Keel window; another coach
-- when the file is shared) is refused instead of silently undoing hers.
-- Session logs record who logged them.
--
-- Rows saved before this version have no author (''), and revision 1.
-- 0008 is another branch's; this file does not depend on it.
--
-- A shipped migration is never edited; later changes go in 0010_*.sql and on.

ALTER TABLE clients ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE clients ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';

ALTER TABLE assessments ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE assessments ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE assessments ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';

ALTER TABLE programmes ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE programmes ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE programmes ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';

ALTER TABLE session_logs ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
