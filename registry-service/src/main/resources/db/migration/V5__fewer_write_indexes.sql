-- Indexes every registration paid for and no query of the registry reads.
-- The registry never looks organizations up by person: recognition checks persons on its own view.
-- This random 64-character key was the largest index of the table.
DROP INDEX organization_person_ref;

-- Each outbox row's event id is also its history entry's, whose index keeps it unique; the relay
-- never looks a row up by it, and the numbering update wrote a second entry for every row.
ALTER TABLE outbox_event DROP CONSTRAINT outbox_event_event_id_key;

-- Unnumbered rows no longer get an entry in the index of numbers.
ALTER TABLE outbox_event DROP CONSTRAINT outbox_event_sequence_key;
CREATE UNIQUE INDEX outbox_event_sequence ON outbox_event (sequence) WHERE sequence IS NOT NULL;
