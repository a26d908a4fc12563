-- R-LIST-04: a serious listing's clean period starts at the listing and again at every new serious
-- reason while it is open; the period's start is kept beside the listing date.
ALTER TABLE list_entry ADD COLUMN period_from date;
UPDATE list_entry SET period_from = listed_on;
ALTER TABLE list_entry ALTER COLUMN period_from SET NOT NULL;

-- R-LIST-02 and the due list read the open listings by list and date.
CREATE INDEX list_entry_open_by_date ON list_entry (list, listed_on) WHERE removed_on IS NULL;

-- R-GRADE-03: a downgrade keeps the award's expiry; its date is when the grade was last decided.
ALTER TABLE organization ADD COLUMN grade_downgraded_on date;
