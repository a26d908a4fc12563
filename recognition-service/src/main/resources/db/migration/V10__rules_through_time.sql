-- The rulebook's ID of the rule behind each conflict, and what ended an AUTO-resolved one
-- (RECORDS_CHANGED by an event, or a date: BAR_ENDED, GRADE_EXPIRED).
ALTER TABLE conflict ADD COLUMN rule_id text;
ALTER TABLE conflict ADD COLUMN resolution_reason text;
UPDATE conflict SET rule_id = CASE type
    WHEN 'DUPLICATE_REGISTRATION' THEN 'R-CONFLICT-01'
    WHEN 'REGION_MISMATCH' THEN 'R-CONFLICT-02'
    WHEN 'NAME_COLLISION' THEN 'R-CONFLICT-03'
    WHEN 'LEGAL_REP_CONCURRENT' THEN 'R-CONFLICT-04'
    WHEN 'LEGAL_REP_BARRED' THEN 'R-CONFLICT-06'
    WHEN 'STATUS_DIVERGENCE' THEN 'R-CONFLICT-07'
    WHEN 'SANCTION_RATING' THEN 'R-CONFLICT-08'
    WHEN 'SEQUENCE_GAP' THEN 'R-CONFLICT-09' END;
UPDATE conflict SET resolution_reason = 'RECORDS_CHANGED' WHERE resolution = 'AUTO';

-- R-CONFLICT-10: an officer's dismissal keeps its condition from being raised again only until the
-- condition once stops holding; then it lapses.
ALTER TABLE conflict ADD COLUMN dismissal_lapsed_at timestamptz;
DROP INDEX conflict_closed_by_officer;
CREATE INDEX conflict_standing_dismissals ON conflict (scope_key)
    WHERE resolution = 'OFFICER' AND dismissal_lapsed_at IS NULL;

-- The dates on which a scope's truth changes with no event: a grade's expiry (the organization's
-- scope), a revocation's bar ending (the person's scope). The daily run reads these ranges.
CREATE INDEX org_record_grade_expires_on ON org_record (grade_expires_on)
    WHERE grade_expires_on IS NOT NULL;
CREATE INDEX org_record_revocation_date ON org_record (revocation_date)
    WHERE revocation_date IS NOT NULL;
CREATE INDEX recognition_grade_expiry ON recognition (recognized_grade_expires_on)
    WHERE recognized_grade_expires_on IS NOT NULL;

-- The last business day whose date-driven changes have been applied.
CREATE TABLE rule_calendar (
    id                  smallint PRIMARY KEY CHECK (id = 1),
    evaluated_through   date     NOT NULL
);
