-- Typo-tolerant search over crew_persons.search_key. pg_trgm is a trusted contrib extension
-- (the embedded and the Debian/Docker PostgreSQL ship it); where it is missing the service falls
-- back to substring matching on the same normalised key instead of failing to start.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'pg_trgm is not available (%); crew search will not tolerate typos', SQLERRM;
END
$$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX crew_persons_search_trgm ON crew_persons USING gin (search_key gin_trgm_ops)';
    END IF;
END
$$;
