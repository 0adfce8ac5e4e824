-- The date of each client's latest assessment, kept by triggers, so the
-- home screen's "due for reassessment" list reads only the clients whose
-- last assessment falls in the due window (an index range) instead of
-- seeking every client's assessments.
ALTER TABLE clients ADD COLUMN last_assessment TEXT;

UPDATE clients SET last_assessment = (SELECT max(date) FROM assessments WHERE client_id = clients.id);

CREATE INDEX clients_due ON clients (archived, last_assessment);

CREATE TRIGGER assessments_last_insert AFTER INSERT ON assessments BEGIN
	UPDATE clients SET last_assessment = (SELECT max(date) FROM assessments WHERE client_id = NEW.client_id)
	WHERE id = NEW.client_id;
END;

CREATE TRIGGER assessments_last_update AFTER UPDATE OF date, client_id ON assessments BEGIN
	UPDATE clients SET last_assessment = (SELECT max(date) FROM assessments WHERE client_id = NEW.client_id)
	WHERE id = NEW.client_id;
	UPDATE clients SET last_assessment = (SELECT max(date) FROM assessments WHERE client_id = OLD.client_id)
	WHERE id = OLD.client_id AND OLD.client_id <> NEW.client_id;
END;

CREATE TRIGGER assessments_last_delete AFTER DELETE ON assessments BEGIN
	UPDATE clients SET last_assessment = (SELECT max(date) FROM assessments WHERE client_id = OLD.client_id)
	WHERE id = OLD.client_id;
END;
