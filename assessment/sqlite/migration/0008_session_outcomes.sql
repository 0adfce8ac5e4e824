-- 0008_session_outcomes: a logged session says which session of the plan
-- she did and how each of its exercises went.
--
-- A shipped migration is never edited; later changes go in 0009_*.sql and on.

-- session is the day the plan holds the session on ('mon' … 'sun'), 'other'
-- for an activity outside the plan, or '' for a log written before Keel
-- asked (not known). exercises is a JSON array of the outcome of each
-- exercise (assessment.ExerciseOutcome): its id and name, done, skipped or
-- hurt, and the pain and doming where the coach answered them. Logs already
-- stored keep every value they had and get '' and '[]': nothing is made up
-- for them.
ALTER TABLE session_logs ADD COLUMN session TEXT NOT NULL DEFAULT ''
	CHECK (session IN ('', 'other', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'));
ALTER TABLE session_logs ADD COLUMN exercises TEXT NOT NULL DEFAULT '[]'
	CHECK (json_valid(exercises) AND json_type(exercises) = 'array');
