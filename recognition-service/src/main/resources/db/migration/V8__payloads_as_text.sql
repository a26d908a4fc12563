-- A record's state is stored as written and read back whole: text, as in audit. As jsonb it was
-- parsed on insert (and printed again on read), with nothing querying inside.
ALTER TABLE org_record ALTER COLUMN state TYPE text USING state::text;
