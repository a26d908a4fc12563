-- 发件箱: the outbox every publishing service shares (OutboxWriter writes it, OutboxRelay publishes
-- it). Version 0.1 runs before each service's own migrations (db/migration, from V1).

-- Every accepted change writes one row here in its own transaction; the relay numbers and sends it.
CREATE TABLE outbox_event (
    position      bigserial   PRIMARY KEY,   -- insertion order; the relay numbers rows in this order
    event_id      uuid        NOT NULL,      -- ce_id; the writer's own record of the change keeps it unique
    topic         text        NOT NULL,
    event_type    text        NOT NULL,      -- ce_type
    subject       text        NOT NULL,      -- ce_subject and Kafka key: the USCC
    payload       text        NOT NULL,      -- stored as written and published as stored
    occurred_at   timestamptz NOT NULL,      -- ce_time
    sequence      bigint                     -- ce_sequence, set by the relay before sending
);

-- Unnumbered rows stay out of the index of numbers, which keeps the numbers unique.
CREATE UNIQUE INDEX outbox_event_sequence ON outbox_event (sequence) WHERE sequence IS NOT NULL;
CREATE INDEX outbox_event_unnumbered ON outbox_event (position) WHERE sequence IS NULL;

-- 发布进度: every row numbered up to published_through has been acknowledged by the broker, so
-- publishing a batch writes this one row instead of updating each outbox row again.
CREATE TABLE outbox_progress (
    singleton          boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    published_through  bigint  NOT NULL
);
INSERT INTO outbox_progress (published_through) VALUES (0);

-- What the relay has still to send; each branch reads one index.
CREATE VIEW outbox_unpublished AS
    SELECT * FROM outbox_event WHERE sequence IS NULL
    UNION ALL
    SELECT * FROM outbox_event WHERE sequence > (SELECT published_through FROM outbox_progress);
