-- 0006_scale: searching, the due list and a client's assessment list at
-- studio scale (50,000 clients), and search keys for every Latin script.
--
-- A shipped migration is never edited; later changes go in 0007_*.sql and on.

-- The client list and search read only these indexes: a keystroke scans
-- the folded search keys in name order and looks up the rows of the one
-- page it shows. The key is the last column so the index stays ordered by
-- name; the old (archived, sort_key, id) and (sort_key, id) indexes are
-- their prefixes and go.
DROP INDEX clients_archived_sort;
DROP INDEX clients_sort;
CREATE INDEX clients_list ON clients (archived, sort_key, id, search_key);
CREATE INDEX clients_list_all ON clients (sort_key, id, archived, search_key);

-- The due list needs, for each active client whose latest assessment falls
-- in the due window, her name, that date and the schedule of her latest
-- issued programme. Until now each such client cost two seeks (her latest
-- issued programme, then its schedule): 15,000 clients at 50,000. The
-- schedule of her latest issued programme is now kept on her row by the
-- triggers below, and everything the list reads is in one index, so the
-- list is one range of one index.
ALTER TABLE clients ADD COLUMN programme_start TEXT;
ALTER TABLE clients ADD COLUMN programme_phases TEXT;

UPDATE clients SET (programme_start, programme_phases) = (
	SELECT s.start_date, s.phases FROM programme_schedules AS s
	WHERE s.programme_id = (SELECT max(p.id) FROM programmes AS p WHERE p.client_id = clients.id AND p.status = 'issued'));

DROP INDEX clients_due;
CREATE INDEX clients_due ON clients (archived, last_assessment, id, name, programme_start, programme_phases);

-- A schedule is written for every new programme and every changed plan
-- (migration 0002's triggers): the client's copy follows.
CREATE TRIGGER schedules_client_insert AFTER INSERT ON programme_schedules BEGIN
	UPDATE clients SET (programme_start, programme_phases) = (
		SELECT s.start_date, s.phases FROM programme_schedules AS s
		WHERE s.programme_id = (SELECT max(p.id) FROM programmes AS p WHERE p.client_id = clients.id AND p.status = 'issued'))
	WHERE id = (SELECT client_id FROM programmes WHERE id = NEW.programme_id);
END;

CREATE TRIGGER schedules_client_update AFTER UPDATE ON programme_schedules BEGIN
	UPDATE clients SET (programme_start, programme_phases) = (
		SELECT s.start_date, s.phases FROM programme_schedules AS s
		WHERE s.programme_id = (SELECT max(p.id) FROM programmes AS p WHERE p.client_id = clients.id AND p.status = 'issued'))
	WHERE id = (SELECT client_id FROM programmes WHERE id = NEW.programme_id);
END;

-- Issuing, superseding or deleting a programme changes which one is her
-- latest issued.
CREATE TRIGGER programmes_client_status AFTER UPDATE OF status, client_id ON programmes BEGIN
	UPDATE clients SET (programme_start, programme_phases) = (
		SELECT s.start_date, s.phases FROM programme_schedules AS s
		WHERE s.programme_id = (SELECT max(p.id) FROM programmes AS p WHERE p.client_id = clients.id AND p.status = 'issued'))
	WHERE id IN (NEW.client_id, OLD.client_id);
END;

CREATE TRIGGER programmes_client_delete AFTER DELETE ON programmes BEGIN
	UPDATE clients SET (programme_start, programme_phases) = (
		SELECT s.start_date, s.phases FROM programme_schedules AS s
		WHERE s.programme_id = (SELECT max(p.id) FROM programmes AS p WHERE p.client_id = clients.id AND p.status = 'issued'))
	WHERE id = OLD.client_id;
END;

-- Search keys and sort keys again, with the fold that covers every Latin
-- letter with a diacritic ("Nguyễn" now sorts and is found as "nguyen").
-- keel_fold is Keel's own fold, offered to its connections; nothing in the
-- schema refers to it.
UPDATE clients SET
	sort_key   = keel_fold(name),
	search_key = keel_fold(name || ' ' || preferred_name);

-- What a client's list of assessments shows beside each date and kind: the
-- number of findings and whether a referral is needed. Keel works these
-- out from the assessment document the first time the list shows it and
-- keeps them here, so opening a client decodes no document. A row holds
-- for one assessment document under one build of the rules (rules names
-- the Keel program that worked it out); a changed document deletes it
-- (trigger below) and a new Keel works it out again.
CREATE TABLE assessment_summaries (
	assessment_id INTEGER PRIMARY KEY REFERENCES assessments (id) ON DELETE CASCADE,
	client_id     INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
	rules         TEXT    NOT NULL,
	findings      INTEGER NOT NULL CHECK (findings >= 0),
	referral      INTEGER NOT NULL CHECK (referral IN (0, 1))
);

CREATE INDEX assessment_summaries_client ON assessment_summaries (client_id);

CREATE TRIGGER assessments_summary_update AFTER UPDATE OF data, client_id ON assessments BEGIN
	DELETE FROM assessment_summaries WHERE assessment_id = NEW.id;
END;

-- A token that changes whenever a client is added, renamed, archived,
-- restored or deleted: Keel keeps the folded search keys of the client
-- list in memory (a search keystroke then tests 50,000 keys in about a
-- millisecond instead of walking an index), and reads this one row to know
-- whether its copy still holds. A random value rather than a counter, so a
-- restored backup never looks like the list Keel holds.
CREATE TABLE client_list_version (
	id    INTEGER PRIMARY KEY CHECK (id = 1),
	token INTEGER NOT NULL
);
INSERT INTO client_list_version (id, token) VALUES (1, random());

CREATE TRIGGER clients_list_insert AFTER INSERT ON clients BEGIN
	UPDATE client_list_version SET token = random();
END;
CREATE TRIGGER clients_list_update AFTER UPDATE OF sort_key, search_key, archived ON clients BEGIN
	UPDATE client_list_version SET token = random();
END;
CREATE TRIGGER clients_list_delete AFTER DELETE ON clients BEGIN
	UPDATE client_list_version SET token = random();
END;
