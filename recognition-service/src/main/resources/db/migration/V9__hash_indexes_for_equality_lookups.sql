-- The consumer finds records with the same normalized name or the same person by equality only
-- (= ANY of a batch's keys), and so does GET /persons/{ref}/organizations; the name search is a
-- substring match that no index serves. A hash index keeps a 4-byte hash instead of the whole key:
-- with a 64-character person reference or a long name, these btrees were the costliest part of
-- every record's insert.
DROP INDEX org_record_normalized_name;
DROP INDEX org_record_person_ref;
CREATE INDEX org_record_normalized_name ON org_record USING hash (normalized_name);
CREATE INDEX org_record_person_ref ON org_record USING hash (person_ref);
