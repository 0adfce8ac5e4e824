-- 0004_portable_triggers: the schedule triggers of 0002, rewritten so any
-- SQLite from 3.37 on can read the file.
--
-- 0002 ordered the phases with group_concat(... ORDER BY key), syntax only
-- SQLite 3.44 and later understand. SQLite parses every trigger when it
-- opens a file, so older tools (the sqlite3 of Debian 12 and Ubuntu 22.04,
-- Python 3.11) refused the whole database as malformed. Here the phases are
-- put in order by a subquery and joined outside it, which older versions
-- parse and which gives the same text.
--
-- A shipped migration is never edited; later changes go in 0005_*.sql and on.

DROP TRIGGER IF EXISTS programmes_schedule_insert;
DROP TRIGGER IF EXISTS programmes_schedule_update;

CREATE TRIGGER programmes_schedule_insert AFTER INSERT ON programmes BEGIN
	INSERT OR REPLACE INTO programme_schedules (programme_id, start_date, phases) VALUES (NEW.id,
		coalesce(json_extract(NEW.data, '$.weeks[0].start'), json_extract(NEW.data, '$.options.start')),
		(SELECT group_concat(phase, ';') FROM (
			SELECT json_extract(value, '$.name') || ',' || json_extract(value, '$.first_week') || ',' || json_extract(value, '$.last_week') AS phase
			FROM json_each(NEW.data, '$.phases') ORDER BY key)));
END;

CREATE TRIGGER programmes_schedule_update AFTER UPDATE OF data ON programmes BEGIN
	INSERT OR REPLACE INTO programme_schedules (programme_id, start_date, phases) VALUES (NEW.id,
		coalesce(json_extract(NEW.data, '$.weeks[0].start'), json_extract(NEW.data, '$.options.start')),
		(SELECT group_concat(phase, ';') FROM (
			SELECT json_extract(value, '$.name') || ',' || json_extract(value, '$.first_week') || ',' || json_extract(value, '$.last_week') AS phase
			FROM json_each(NEW.data, '$.phases') ORDER BY key)));
END;
