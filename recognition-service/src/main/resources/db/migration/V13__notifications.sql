-- 风险信息预警: a notification to one province about a conflict opened or closed, or a recognition
-- decision (cascades included), that involves it; its acknowledgement is the receipt.
CREATE TABLE notification (
    id               uuid        PRIMARY KEY,
    province         text        NOT NULL,   -- the addressee
    kind             text        NOT NULL,   -- CONFLICT_OPENED, CONFLICT_CLOSED, RECOGNITION_DECIDED
    event_type       text        NOT NULL,   -- the CloudEvents type of what happened
    uscc             text,                   -- the organization (a conflict's first); none for a sequence gap
    rule_id          text,                   -- the rulebook's ID (docs/rules.md)
    severity         text        NOT NULL,   -- HIGH, MEDIUM or LOW
    payload          text        NOT NULL,   -- the conflict's or the recognition's new state, JSON
    created_at       timestamptz NOT NULL,
    acknowledged_by  text,
    acknowledged_at  timestamptz
);
CREATE INDEX notification_by_province ON notification (province, created_at DESC, id);
CREATE INDEX notification_unacknowledged ON notification (severity, created_at)
    WHERE acknowledged_at IS NULL;
