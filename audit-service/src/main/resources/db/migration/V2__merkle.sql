-- The event's exact bytes are kept (text, not jsonb), so a leaf can always be recomputed.
ALTER TABLE audit_event ALTER COLUMN payload TYPE text;
-- SHA-256(0x00 ‖ canonical bytes): the Merkle leaf (RFC 6962 §2.1).
ALTER TABLE audit_event ADD COLUMN leaf_hash bytea NOT NULL;
-- Groups the events of one recognition request or one conflict.
ALTER TABLE audit_event ADD COLUMN correlation_id text;

CREATE INDEX audit_event_subject ON audit_event (subject, leaf_index);
CREATE INDEX audit_event_province ON audit_event (province, leaf_index);
CREATE INDEX audit_event_type ON audit_event (event_type, leaf_index);
CREATE INDEX audit_event_time ON audit_event (event_time, leaf_index);
CREATE INDEX audit_event_correlation ON audit_event (correlation_id, leaf_index);

-- Complete subtrees: (level, idx) hashes leaves [idx·2^level, (idx+1)·2^level). Level 0 = leaves.
CREATE TABLE merkle_node (
    level   smallint NOT NULL,
    idx     bigint   NOT NULL,
    hash    bytea    NOT NULL,
    PRIMARY KEY (level, idx)
);
CREATE TRIGGER merkle_node_append_only
    BEFORE UPDATE OR DELETE ON merkle_node
    FOR EACH ROW EXECUTE FUNCTION reject_audit_event_change();

-- Signed tree heads (C2SP checkpoints).
CREATE TABLE checkpoint (
    tree_size   bigint      PRIMARY KEY,
    root_hash   bytea       NOT NULL,
    note        text        NOT NULL,
    created_at  timestamptz NOT NULL
);
