-- 登记簿: the province's register of social organizations.
CREATE TABLE organization (
    uscc                    char(18)      PRIMARY KEY,
    name                    text          NOT NULL,
    category                text          NOT NULL,
    legal_rep_name          text          NOT NULL,
    legal_rep_id_number     text          NOT NULL,   -- never leaves this database unmasked
    legal_rep_person_ref    char(64)      NOT NULL,
    domicile                text          NOT NULL,
    business_scope          text          NOT NULL,
    registered_funds        numeric(18,2) NOT NULL CHECK (registered_funds >= 0),
    supervisory_unit        text,
    registration_authority  text          NOT NULL,
    establishment_date      date          NOT NULL,
    status                  text          NOT NULL,
    grade_level             smallint      CHECK (grade_level BETWEEN 1 AND 5),
    grade_awarded_on        date,
    grade_expires_on        date,
    abnormal_listed         boolean       NOT NULL DEFAULT false,
    serious_listed          boolean       NOT NULL DEFAULT false,
    deregistration_date     date,
    revocation_date         date,
    revocation_reason       text,
    revocation_decision     text,
    transferred_from        text,
    version                 bigint        NOT NULL,
    created_at              timestamptz   NOT NULL,
    updated_at              timestamptz   NOT NULL
);

-- One name per organization in a registry (社会组织名称管理办法).
CREATE UNIQUE INDEX organization_name ON organization (name);
CREATE INDEX organization_status_category ON organization (status, category);
CREATE INDEX organization_person_ref ON organization (legal_rep_person_ref);

-- 变更记录: every change and supervision action, the organization's history.
CREATE TABLE organization_history (
    id              bigserial    PRIMARY KEY,
    uscc            char(18)     NOT NULL REFERENCES organization (uscc),
    event_id        uuid         NOT NULL UNIQUE,
    event_type      text         NOT NULL,
    effective_date  date         NOT NULL,
    decision_number text,
    reason          text,
    details         jsonb        NOT NULL,
    actor           text         NOT NULL,
    recorded_at     timestamptz  NOT NULL
);
CREATE INDEX organization_history_uscc ON organization_history (uscc, id DESC);

-- 行政处罚.
CREATE TABLE penalty (
    id              bigserial     PRIMARY KEY,
    uscc            char(18)      NOT NULL REFERENCES organization (uscc),
    kind            text          NOT NULL,
    fine_amount     numeric(18,2),
    stop_until      date,
    imposed_on      date          NOT NULL,
    decision_number text          NOT NULL,
    reason          text          NOT NULL
);
CREATE INDEX penalty_uscc ON penalty (uscc, imposed_on DESC);

-- 活动异常名录 and 严重违法失信名单: one row per listing, closed when removed.
CREATE TABLE list_entry (
    id                  bigserial   PRIMARY KEY,
    uscc                char(18)    NOT NULL REFERENCES organization (uscc),
    list                text        NOT NULL CHECK (list IN ('ABNORMAL', 'SERIOUS')),
    listed_on           date        NOT NULL,
    listed_reason       text        NOT NULL,
    listed_decision     text        NOT NULL,
    removed_on          date,
    removed_reason      text,
    removed_decision    text
);
CREATE UNIQUE INDEX list_entry_open ON list_entry (uscc, list) WHERE removed_on IS NULL;

-- 年检 / 年报.
CREATE TABLE annual_inspection (
    id              bigserial   PRIMARY KEY,
    uscc            char(18)    NOT NULL REFERENCES organization (uscc),
    year            integer     NOT NULL,
    result          text        NOT NULL,
    recorded_on     date        NOT NULL,
    decision_number text,
    UNIQUE (uscc, year)
);
