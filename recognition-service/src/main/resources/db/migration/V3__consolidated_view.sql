-- 跨省视图: each province's latest state of each organization, as its registry published it.
CREATE TABLE org_record (
    uscc                char(18)    NOT NULL,
    province            text        NOT NULL,
    name                text        NOT NULL,
    normalized_name     text        NOT NULL,
    category            text        NOT NULL,
    status              text        NOT NULL,
    person_ref          text        NOT NULL,
    legal_rep_name      text        NOT NULL,
    grade_level         smallint,
    grade_awarded_on    date,
    grade_expires_on    date,
    abnormal_listed     boolean     NOT NULL,
    serious_listed      boolean     NOT NULL,
    revocation_date     date,
    deregistration_date date,
    transferred_from    text,
    transferred_to      text,
    version             bigint      NOT NULL,
    sequence            bigint      NOT NULL,
    last_event_type     text        NOT NULL,
    state               jsonb       NOT NULL,
    updated_at          timestamptz NOT NULL,
    PRIMARY KEY (uscc, province)
);
CREATE INDEX org_record_normalized_name ON org_record (normalized_name);
CREATE INDEX org_record_person_ref ON org_record (person_ref);
CREATE INDEX org_record_province_status ON org_record (province, status);

-- Per-province ce_sequence tracking: everything up to contiguous arrived; pending holds the rest.
CREATE TABLE sequence_tracker (
    province        text        PRIMARY KEY,
    contiguous      bigint      NOT NULL DEFAULT 0,
    highest         bigint      NOT NULL DEFAULT 0,
    gap_since       timestamptz,
    last_event_at   timestamptz
);
CREATE TABLE sequence_pending (
    province        text        NOT NULL,
    sequence        bigint      NOT NULL,
    PRIMARY KEY (province, sequence)
);

-- 冲突: flagged conditions and their lifecycle.
CREATE TABLE conflict (
    id              uuid        PRIMARY KEY,
    type            text        NOT NULL,
    severity        text        NOT NULL,
    status          text        NOT NULL,
    condition_key   text        NOT NULL,
    scope_key       text        NOT NULL,   -- the uscc:, name:, person: or province: the rule reads
    fingerprint     text        NOT NULL,   -- what the evidence names; a dismissal holds for it
    usccs           text[]      NOT NULL,
    provinces       text[]      NOT NULL,
    evidence        jsonb       NOT NULL,
    opened_at       timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    acknowledged_by text,
    acknowledged_at timestamptz,
    closed_by       text,
    closed_at       timestamptz,
    resolution      text,
    note            text
);
-- Never two open conflicts for one condition.
CREATE UNIQUE INDEX conflict_one_open ON conflict (condition_key) WHERE status IN ('OPEN', 'ACKNOWLEDGED');
CREATE INDEX conflict_scope ON conflict (scope_key, status);
CREATE INDEX conflict_usccs ON conflict USING gin (usccs);

-- 互认: mutual-recognition requests and decisions.
CREATE TABLE recognition (
    id                          uuid        PRIMARY KEY,
    uscc                        char(18)    NOT NULL,
    home_province               text        NOT NULL,
    host_province               text        NOT NULL,
    scope                       text        NOT NULL,
    status                      text        NOT NULL,
    reasons                     text[]      NOT NULL,
    recognized_grade_level      smallint,
    recognized_grade_expires_on date,
    requested_by                text        NOT NULL,
    requested_at                timestamptz NOT NULL,
    decided_by                  text,
    decided_at                  timestamptz,
    note                        text,
    updated_at                  timestamptz NOT NULL
);
CREATE UNIQUE INDEX recognition_one_live ON recognition (uscc, host_province, scope)
    WHERE status IN ('GRANTED', 'PENDING_REVIEW', 'SUSPENDED');
CREATE INDEX recognition_uscc ON recognition (uscc);
