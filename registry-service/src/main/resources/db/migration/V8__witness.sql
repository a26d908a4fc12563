-- 见证: the latest checkpoint this province's witness cosigned, per log (C2SP tlog-witness). The
-- size only ever grows; add-checkpoint compares and replaces it in one transaction.
CREATE TABLE witnessed_log (
    origin      text        PRIMARY KEY,   -- the log's checkpoint origin line
    tree_size   bigint      NOT NULL,
    root_hash   bytea       NOT NULL,
    note        text        NOT NULL,      -- the checkpoint as cosigned (empty before the first)
    updated_at  timestamptz NOT NULL
);
