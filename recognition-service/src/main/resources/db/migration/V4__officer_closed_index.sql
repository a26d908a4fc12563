-- Opening a conflict first asks whether an officer already closed the same condition with the same
-- fingerprint; without this index that question scanned every conflict ever stored.
CREATE INDEX conflict_closed_by_officer ON conflict (condition_key, fingerprint)
    WHERE resolution = 'OFFICER';
