-- Name search that forgives: trigram similarity (pg_trgm) on the normalized names, indexed. pg_trgm
-- sees Chinese characters only in a database whose LC_CTYPE knows them (C.UTF-8, zh_CN.UTF-8…),
-- not in one created with LC_CTYPE=C; NameSearch says so at start if it cannot.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX org_record_normalized_name_trigrams ON org_record
    USING gin (normalized_name gin_trgm_ops);
