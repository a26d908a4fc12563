-- 登记前核查: level-1 answers that found conflicts, kept so that the asking province's registrar can
-- read their details (level 2). A CLEAR answer is not kept: there is nothing to disclose.
CREATE TABLE clearance (
    id           uuid        PRIMARY KEY,
    province     text        NOT NULL,   -- the asking province
    asked_by     text        NOT NULL,
    uscc         text        NOT NULL,   -- the intended registration's code
    findings     text        NOT NULL,   -- JSON: the ClearanceFindings of the answer
    asked_at     timestamptz NOT NULL
);
