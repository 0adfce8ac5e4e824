-- 0010_births_unknown: a client's number of births can be "not recorded",
-- apart from 0 (never given birth). Before this version a blank births
-- field was stored as 0, so a stored 0 with no delivery date cannot be
-- told from "not asked": it becomes not recorded, the strictest reading
-- (the postpartum safety rules stay on until the coach records 0 again).
--
-- A shipped migration is never edited; later changes go in 0011_*.sql and on.

ALTER TABLE clients ADD COLUMN births_unknown INTEGER NOT NULL DEFAULT 0 CHECK (births_unknown IN (0, 1));
UPDATE clients SET births_unknown = 1 WHERE births = 0 AND last_delivery_date IS NULL;
