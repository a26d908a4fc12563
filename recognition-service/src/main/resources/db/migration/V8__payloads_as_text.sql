-- The outbox payload and a record's state are stored as written and read back whole: text, as in
-- audit. As jsonb each was parsed on insert (and printed again on read), with nothing querying inside.
DROP VIEW outbox_unpublished;
ALTER TABLE outbox_event ALTER COLUMN payload TYPE text USING payload::text;
CREATE VIEW outbox_unpublished AS
    SELECT * FROM outbox_event WHERE sequence IS NULL
    UNION ALL
    SELECT * FROM outbox_event WHERE sequence > (SELECT published_through FROM outbox_progress);
ALTER TABLE org_record ALTER COLUMN state TYPE text USING state::text;
