-- 变更订阅: the change feed. Every change of the consolidated view, every conflict change and every
-- recognition decision is one entry, written in the change's own transaction. Its position is
-- given after commit by one numbering step at a time (FeedSequencer), so positions are gap-free and
-- become visible in order: a reader that has seen position n has seen every position before it.
CREATE TABLE feed_entry (
    id           uuid        PRIMARY KEY,            -- the entry's own id, time-ordered
    arrival      bigserial   NOT NULL,               -- insertion order; numbering follows it
    position     bigint,                             -- null until numbered
    kind         text        NOT NULL,               -- ORGANIZATION, CONFLICT or RECOGNITION
    event_type   text        NOT NULL,               -- what changed it (a CloudEvents ce_type)
    uscc         text,                               -- the organization (a conflict's first); none for a sequence gap
    provinces    text        NOT NULL,               -- the provinces concerned, e.g. 'JS,SH'
    version      bigint,                             -- an ORGANIZATION entry's record version
    payload      text        NOT NULL,               -- the new state, JSON
    recorded_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX feed_entry_position ON feed_entry (position) WHERE position IS NOT NULL;
CREATE INDEX feed_entry_unnumbered ON feed_entry (arrival) WHERE position IS NULL;

-- 保留期: every entry up to pruned_through has been removed (older than the retention); a reader
-- asking for an older position is sent to the snapshot.
CREATE TABLE feed_horizon (
    singleton        boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    pruned_through   bigint  NOT NULL
);
INSERT INTO feed_horizon (pruned_through) VALUES (0);
