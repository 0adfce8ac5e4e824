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
-- reads a few bytes per programme instead of parsing whole plans.
-- start_date is the first day of week 1; phases is the JSON array of phases
-- (name, first_week, last_week).
ALTER TABLE programmes ADD COLUMN start_date TEXT;
ALTER TABLE programmes ADD COLUMN phases TEXT;

UPDATE programmes SET
	start_date = coalesce(json_extract(data, '$.weeks[0].start'), json_extract(data, '$.options.start')),
	phases = json_extract(data, '$.phases');

CREATE TRIGGER programmes_schedule_insert AFTER INSERT ON programmes BEGIN
	UPDATE programmes SET
		start_date = coalesce(json_extract(NEW.data, '$.weeks[0].start'), json_extract(NEW.data, '$.options.start')),
		phases = json_extract(NEW.data, '$.phases')
	WHERE id = NEW.id;
END;

CREATE TRIGGER programmes_schedule_update AFTER UPDATE OF data ON programmes BEGIN
	UPDATE programmes SET
		start_date = coalesce(json_extract(NEW.data, '$.weeks[0].start'), json_extract(NEW.data, '$.options.start')),
		phases = json_extract(NEW.data, '$.phases')
	WHERE id = NEW.id;
END;

-- The latest issued programme of each client.
CREATE INDEX programmes_client_status ON programmes (client_id, status, id);
