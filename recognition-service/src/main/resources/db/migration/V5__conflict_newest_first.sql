-- The conflict list is newest first with a page limit; this index lets PostgreSQL read the newest
-- rows in order and stop at the page, instead of sorting every conflict on each request.
CREATE INDEX conflict_newest_first ON conflict (opened_at DESC, id);
