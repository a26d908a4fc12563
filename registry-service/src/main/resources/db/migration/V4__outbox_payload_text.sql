-- The payload is stored as the service wrote it and published as stored: text, as in audit. As jsonb
-- every row was parsed on insert and printed again for the relay, with nothing ever querying inside.
DROP VIEW outbox_unpublished;
ALTER TABLE outbox_event ALTER COLUMN payload TYPE text USING payload::text;
CREATE VIEW outbox_unpublished AS
    SELECT * FROM outbox_event WHERE sequence IS NULL
    UNION ALL
    SELECT * FROM outbox_event WHERE sequence > (SELECT published_through FROM outbox_progress);
