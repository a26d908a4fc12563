-- The conflict list counts the conflicts matching its filters; by type and status (the console's
-- and the pollers' filters) this index answers the count without reading every conflict row.
CREATE INDEX conflict_type_status ON conflict (type, status);
