-- 0002_session_logs: the session log and what "due for reassessment" reads.
--
-- A shipped migration is never edited; later changes go in 0003_*.sql and on.

-- One row per session the coach logs against an issued programme: done,
-- partly done or missed, the pain during it (0–10), whether the belly domed,
-- and a note. The log belongs to one programme version; deleting the
-- programme (or the assessment it came from, or the client) deletes its log.
CREATE TABLE session_logs (
	id           INTEGER PRIMARY KEY AUTOINCREMENT,
	client_id    INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
	programme_id INTEGER NOT NULL REFERENCES programmes (id) ON DELETE CASCADE,
	date         TEXT    NOT NULL CHECK (length(date) = 10),
	status       TEXT    NOT NULL CHECK (status IN ('done', 'partial', 'missed')),
	pain         INTEGER NOT NULL DEFAULT 0 CHECK (pain BETWEEN 0 AND 10),
	doming       INTEGER NOT NULL DEFAULT 0 CHECK (doming IN (0, 1)),
	note         TEXT    NOT NULL DEFAULT '',
	created_at   TEXT    NOT NULL,
	updated_at   TEXT    NOT NULL
);

-- A client's log in date order (timeline, adherence), and a programme's
-- (the traffic light; the cascade from programmes).
CREATE INDEX session_logs_client_date ON session_logs (client_id, date, id);
CREATE INDEX session_logs_programme ON session_logs (programme_id, date, id);

-- The schedule of each programme, copied out of its JSON document by
-- triggers, so the "due for reassessment" list over thousands of clients
-- reads a few bytes per programme instead of parsing whole plans. It is a
-- table of its own rather than columns of programmes: a column stored after
-- a large document is reached only by walking the document's overflow
-- pages. start_date is the first day of week 1; phases lists the phases in
-- order as "name,first_week,last_week" joined by ";" (e.g.
-- "activation,1,4;strength,5,8"), short text that needs no JSON parser.
CREATE TABLE programme_schedules (
	programme_id INTEGER PRIMARY KEY REFERENCES programmes (id) ON DELETE CASCADE,
	start_date   TEXT,
	phases       TEXT
);

INSERT INTO programme_schedules (programme_id, start_date, phases)
	SELECT id, coalesce(json_extract(data, '$.weeks[0].start'), json_extract(data, '$.options.start')), (SELECT group_concat(json_extract(value, '$.name') || ',' || json_extract(value, '$.first_week') || ',' || json_extract(value, '$.last_week'), ';' ORDER BY key) FROM json_each(programmes.data, '$.phases'))
	FROM programmes;

CREATE TRIGGER programmes_schedule_insert AFTER INSERT ON programmes BEGIN
	INSERT OR REPLACE INTO programme_schedules (programme_id, start_date, phases) VALUES (NEW.id,
		coalesce(json_extract(NEW.data, '$.weeks[0].start'), json_extract(NEW.data, '$.options.start')),
		(SELECT group_concat(json_extract(value, '$.name') || ',' || json_extract(value, '$.first_week') || ',' || json_extract(value, '$.last_week'), ';' ORDER BY key) FROM json_each(NEW.data, '$.phases')));
END;

CREATE TRIGGER programmes_schedule_update AFTER UPDATE OF data ON programmes BEGIN
	INSERT OR REPLACE INTO programme_schedules (programme_id, start_date, phases) VALUES (NEW.id,
		coalesce(json_extract(NEW.data, '$.weeks[0].start'), json_extract(NEW.data, '$.options.start')),
		(SELECT group_concat(json_extract(value, '$.name') || ',' || json_extract(value, '$.first_week') || ',' || json_extract(value, '$.last_week'), ';' ORDER BY key) FROM json_each(NEW.data, '$.phases')));
END;

-- The latest issued programme of each client, read from the index alone.
CREATE INDEX programmes_client_status ON programmes (client_id, status, id);
