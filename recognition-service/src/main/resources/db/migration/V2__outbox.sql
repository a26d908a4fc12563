-- 发件箱: every accepted change writes one row here in its own transaction; the relay publishes it.
CREATE TABLE outbox_event (
    position      bigserial   PRIMARY KEY,          -- insertion order; the relay claims rows in this order
    event_id      uuid        NOT NULL UNIQUE,      -- ce_id
    topic         text        NOT NULL,
    event_type    text        NOT NULL,             -- ce_type
    subject       text        NOT NULL,             -- ce_subject and Kafka key: the USCC
    payload       jsonb       NOT NULL,             -- full record state after the change
    occurred_at   timestamptz NOT NULL,             -- ce_time
    sequence      bigint      UNIQUE,               -- ce_sequence, set by the relay before sending
    published_at  timestamptz
);

CREATE INDEX outbox_event_unpublished ON outbox_event (position) WHERE published_at IS NULL;
