-- 已处理事件: the ce_id of every event whose effect has been committed, written in the same
-- transaction as the effect, so a redelivered event changes nothing.
CREATE TABLE processed_event (
    event_id      uuid        PRIMARY KEY,   -- ce_id
    topic         text        NOT NULL,
    kafka_partition integer   NOT NULL,
    kafka_offset  bigint      NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT now()
);
