-- 审计事件: every event the federation published, stored once, never changed.
CREATE TABLE audit_event (
    leaf_index      bigint      PRIMARY KEY,        -- position in the Merkle tree, from 0, gap-free
    event_id        uuid        NOT NULL UNIQUE,    -- ce_id: a redelivery is not stored twice
    topic           text        NOT NULL,
    kafka_partition integer     NOT NULL,
    kafka_offset    bigint      NOT NULL,
    event_type      text        NOT NULL,           -- ce_type
    source          text        NOT NULL,           -- ce_source
    subject         text,                           -- ce_subject: the USCC
    province        text,                           -- ce_province
    sequence        bigint,                         -- ce_sequence
    event_time      timestamptz,                    -- ce_time
    payload         jsonb       NOT NULL,
    received_at     timestamptz NOT NULL
);

CREATE FUNCTION reject_audit_event_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % rejected', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION reject_audit_event_change();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION reject_audit_event_change();
