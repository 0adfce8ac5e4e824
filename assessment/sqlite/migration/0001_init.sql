-- 0001_init: the first Keel schema.
--
-- A shipped migration is never edited; later changes go in 0002_*.sql and on.
-- Every table that holds something about a client has a client_id column
-- with ON DELETE CASCADE, so deleting a client removes all of it (the
-- right to erasure): a test enumerates such tables and checks each.
--
-- Dates are TEXT 'YYYY-MM-DD' (NULL when not given); timestamps are TEXT
-- RFC 3339 in UTC. Assessments, programmes and custom exercises are stored
-- as JSON documents so every optional section survives exactly (a section
-- that was not tested stays absent, never "normal").

-- 'KEEL' in ASCII: lets Keel tell its own database from another program's.
PRAGMA application_id = 1262830924;

CREATE TABLE clients (
	id                 INTEGER PRIMARY KEY AUTOINCREMENT,
	name               TEXT    NOT NULL CHECK (length(trim(name)) > 0),
	preferred_name     TEXT    NOT NULL DEFAULT '',
	birth_date         TEXT,
	phone              TEXT    NOT NULL DEFAULT '',
	email              TEXT    NOT NULL DEFAULT '',
	births             INTEGER NOT NULL DEFAULT 0 CHECK (births BETWEEN 0 AND 15),
	last_delivery_date TEXT,
	delivery_mode      TEXT    NOT NULL DEFAULT '' CHECK (delivery_mode IN ('', 'vaginal', 'assisted', 'caesarean')),
	clearance_date     TEXT,
	clearance_by       TEXT,
	notes              TEXT    NOT NULL DEFAULT '',
	archived           INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
	-- sort_key is the folded name (accent- and case-free) so "Åsa" sorts
	-- with "Asa", not after "Zoë"; search_key is the folded name and
	-- preferred name that a search matches against.
	sort_key           TEXT    NOT NULL,
	search_key         TEXT    NOT NULL,
	created_at         TEXT    NOT NULL,
	updated_at         TEXT    NOT NULL
);

-- The client list: active (or all) clients by name, one page at a time.
CREATE INDEX clients_archived_sort ON clients (archived, sort_key, id);
CREATE INDEX clients_sort ON clients (sort_key, id);

CREATE TABLE assessments (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
	date       TEXT    NOT NULL CHECK (length(date) = 10),
	kind       TEXT    NOT NULL DEFAULT '',
	data       TEXT    NOT NULL CHECK (json_valid(data)),
	created_at TEXT    NOT NULL,
	updated_at TEXT    NOT NULL
);

-- A client's assessments, oldest first.
CREATE INDEX assessments_client_date ON assessments (client_id, date, id);

CREATE TABLE programmes (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
	record_id  INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
	lineage    INTEGER NOT NULL,
	version    INTEGER NOT NULL CHECK (version >= 1),
	status     TEXT    NOT NULL CHECK (status IN ('draft', 'issued', 'superseded')),
	data       TEXT    NOT NULL CHECK (json_valid(data)),
	created_at TEXT    NOT NULL,
	updated_at TEXT    NOT NULL,
	UNIQUE (lineage, version)
);

CREATE INDEX programmes_client ON programmes (client_id, id);
CREATE INDEX programmes_record ON programmes (record_id, id);

-- The coach's own exercises. Built-in exercises live in the embedded
-- library, never here.
CREATE TABLE custom_exercises (
	id         TEXT NOT NULL PRIMARY KEY CHECK (length(id) > 0),
	data       TEXT NOT NULL CHECK (json_valid(data)),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);

-- Small key/value settings such as the coach's profile.
CREATE TABLE settings (
	key        TEXT NOT NULL PRIMARY KEY CHECK (length(key) > 0),
	value      TEXT NOT NULL,
	updated_at TEXT NOT NULL
);

-- Handouts exported for a client, so the coach can find them again.
CREATE TABLE exports (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	client_id  INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
	path       TEXT    NOT NULL CHECK (length(path) > 0),
	kind       TEXT    NOT NULL DEFAULT '',
	created_at TEXT    NOT NULL
);

CREATE INDEX exports_client ON exports (client_id, id);
