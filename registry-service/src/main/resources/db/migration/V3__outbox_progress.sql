-- 发布进度: the relay's progress. Every row numbered up to published_through has been acknowledged
-- by the broker, so publishing a batch writes this one row instead of updating each outbox row again.
CREATE TABLE outbox_progress (
    singleton          boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    published_through  bigint  NOT NULL
);

-- Rows numbered but not acknowledged stay unpublished, and so does everything numbered after them.
INSERT INTO outbox_progress (published_through)
SELECT coalesce(
    (SELECT min(sequence) - 1 FROM outbox_event WHERE sequence IS NOT NULL AND published_at IS NULL),
    (SELECT max(sequence) FROM outbox_event),
    0);

DROP INDEX outbox_event_unpublished;
ALTER TABLE outbox_event DROP COLUMN published_at;
CREATE INDEX outbox_event_unnumbered ON outbox_event (position) WHERE sequence IS NULL;

-- What the relay has still to send; each branch reads one index.
CREATE VIEW outbox_unpublished AS
    SELECT * FROM outbox_event WHERE sequence IS NULL
    UNION ALL
    SELECT * FROM outbox_event WHERE sequence > (SELECT published_through FROM outbox_progress);
