-- A checkpoint is published to readers only once a quorum of witnesses has cosigned it. The
-- cosigned note carries the log's signature and the witnesses' cosignatures (C2SP).
ALTER TABLE checkpoint ADD COLUMN cosigned_note text;
ALTER TABLE checkpoint ADD COLUMN published_at timestamptz;
-- Checkpoints from before witnessing were published as signed.
UPDATE checkpoint SET cosigned_note = note, published_at = created_at;
CREATE INDEX checkpoint_published ON checkpoint (tree_size) WHERE published_at IS NOT NULL;
