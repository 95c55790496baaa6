-- crew-service store. Two layers:
--  * the claims (crew_mission_facts, crew_claims): every event as it was, never overwritten; the
--    source of truth for current values, history, asOf and rebuilds;
--  * the materialised current rows (crew_missions, crew_persons, crew_assignments), recomputed
--    from all claims of the touched people after every applied event.

-- What each event said about its mission that crew views show (name, status), plus the article.
CREATE TABLE crew_mission_facts (
    event_id           TEXT PRIMARY KEY,
    article_id         TEXT NOT NULL,
    published_at       TIMESTAMPTZ NOT NULL,
    published_at_known BOOLEAN NOT NULL,
    article_title      TEXT,
    article_source     TEXT,
    article_url        TEXT,
    mission_id         TEXT NOT NULL,
    mission_name       TEXT NOT NULL,
    mission_aliases    JSONB NOT NULL DEFAULT '[]',
    status             TEXT,
    status_evidence    JSONB NOT NULL DEFAULT '[]'
);
CREATE INDEX crew_mission_facts_mission ON crew_mission_facts (mission_id, published_at);

-- One row per (person, event): every claim kept, with its evidence.
CREATE TABLE crew_claims (
    person_id    TEXT NOT NULL,
    event_id     TEXT NOT NULL REFERENCES crew_mission_facts (event_id),
    article_id   TEXT NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    mission_id   TEXT NOT NULL,
    name         TEXT NOT NULL,
    aliases      JSONB NOT NULL DEFAULT '[]',
    agency       TEXT,
    nationality  TEXT,
    role         TEXT,
    assignment   TEXT NOT NULL CHECK (assignment IN ('prime', 'backup', 'removed')),
    position     TEXT,
    evidence     JSONB NOT NULL DEFAULT '[]',
    confidence   DOUBLE PRECISION NOT NULL DEFAULT 0,
    PRIMARY KEY (person_id, event_id)
);
CREATE INDEX crew_claims_mission ON crew_claims (mission_id, person_id);

-- Current mission name and status (latest-published wins), as crew views show them.
CREATE TABLE crew_missions (
    mission_id          TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    status              TEXT,
    name_article_id     TEXT NOT NULL,
    name_published_at   TIMESTAMPTZ NOT NULL,
    status_article_id   TEXT,
    status_published_at TIMESTAMPTZ
);

-- Current people. view is exactly what GET /crew/{id} answers.
CREATE TABLE crew_persons (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    agency      TEXT,
    nationality TEXT,
    role        TEXT,
    aliases     JSONB NOT NULL DEFAULT '[]',
    -- every name and alias, transliterated to Latin, accent-free, lower-case, variants folded
    search_key  TEXT NOT NULL,
    sort_name   TEXT NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    view        JSONB NOT NULL
);
CREATE INDEX crew_persons_sort ON crew_persons (sort_name, id);
CREATE INDEX crew_persons_agency ON crew_persons (lower(agency));
CREATE INDEX crew_persons_nationality ON crew_persons (nationality);
CREATE INDEX crew_persons_role ON crew_persons (role);

-- Current (person, mission) assignments, removed ones included, with the deciding claim.
CREATE TABLE crew_assignments (
    person_id    TEXT NOT NULL REFERENCES crew_persons (id) ON DELETE CASCADE,
    mission_id   TEXT NOT NULL,
    assignment   TEXT NOT NULL,
    position     TEXT,
    event_id     TEXT NOT NULL,
    article_id   TEXT NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (person_id, mission_id)
);
CREATE INDEX crew_assignments_mission ON crew_assignments (mission_id, person_id);
