-- 分叉告警: a witness's split-view alarms, written in the transaction that refused the checkpoint
-- and published to yrd.witness.v1 after it commits (so none is lost when Kafka is down).
CREATE TABLE witness_alarm (
    event_id      uuid        PRIMARY KEY,   -- ce_id
    origin        text        NOT NULL,      -- ce_subject and Kafka key: the log
    payload       text        NOT NULL,      -- SplitViewDetected, as published
    detected_at   timestamptz NOT NULL,      -- ce_time
    published_at  timestamptz
);
CREATE INDEX witness_alarm_unpublished ON witness_alarm (detected_at) WHERE published_at IS NULL;
