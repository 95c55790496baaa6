-- The mission store. Every claim an article made is kept (mission_event, mission_claim,
-- crew_claim); the current mission (mission, mission_crew, mission_search_term) is a
-- materialised fold of those claims in which each field is the claim of the latest-published
-- article, so it never depends on arrival order.

-- Trigram search (typo tolerance, indexed substring match); trusted extensions since PG 13.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One row per applied event (article x mission).
CREATE TABLE mission_event (
    event_id           TEXT PRIMARY KEY,
    mission_id         TEXT NOT NULL,
    article_id         TEXT NOT NULL,
    published_at       TIMESTAMPTZ NOT NULL,
    published_at_known BOOLEAN NOT NULL,
    article_title      TEXT,
    article_source     TEXT,
    article_url        TEXT,
    mission_name       TEXT NOT NULL,
    aliases            TEXT[] NOT NULL,
    applied_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX mission_event_mission ON mission_event (mission_id, published_at, article_id);

-- One row per mission field an event states (spacecraft, launchVehicle, launchSite,
-- destination, launchDate, status).
CREATE TABLE mission_claim (
    mission_id     TEXT NOT NULL,
    field          TEXT NOT NULL,
    event_id       TEXT NOT NULL REFERENCES mission_event (event_id) ON DELETE CASCADE,
    article_id     TEXT NOT NULL,
    published_at   TIMESTAMPTZ NOT NULL,
    value          TEXT NOT NULL,
    date_precision TEXT,
    date_season    TEXT,
    date_text      TEXT,
    evidence       TEXT[] NOT NULL,
    confidence     DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (mission_id, field, event_id)
);

-- One row per person an event puts on (prime, backup) or takes off (removed) the mission.
CREATE TABLE crew_claim (
    mission_id     TEXT NOT NULL,
    person_id      TEXT NOT NULL,
    event_id       TEXT NOT NULL REFERENCES mission_event (event_id) ON DELETE CASCADE,
    article_id     TEXT NOT NULL,
    published_at   TIMESTAMPTZ NOT NULL,
    assignment     TEXT NOT NULL CHECK (assignment IN ('prime', 'backup', 'removed')),
    position       TEXT,
    person_name    TEXT NOT NULL,
    person_aliases TEXT[] NOT NULL,
    agency         TEXT,
    nationality    TEXT,
    role           TEXT,
    evidence       TEXT[] NOT NULL,
    confidence     DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (mission_id, person_id, event_id)
);
CREATE INDEX crew_claim_person ON crew_claim (person_id);

-- The current mission: `state` is the fold (each value with the claim that won it), `view` the
-- list document, `detail` the GET /missions/{id} document (with provenance); the rest is for
-- filters. JSON, not JSONB: served as written (key order kept), never queried inside.
CREATE TABLE mission (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    status            TEXT,
    launch_date       TEXT,
    launch_date_start DATE,
    launch_date_end   DATE,
    updated_at        TIMESTAMPTZ NOT NULL,
    state             JSON NOT NULL,
    view              JSON NOT NULL,
    detail            JSON NOT NULL
);
CREATE INDEX mission_name ON mission (lower(name), id);
CREATE INDEX mission_launch ON mission (launch_date_start, id);
CREATE INDEX mission_status ON mission (status);

-- Current prime and backup crew (removed people are not here; their claims are).
CREATE TABLE mission_crew (
    mission_id TEXT NOT NULL REFERENCES mission (id) ON DELETE CASCADE,
    person_id  TEXT NOT NULL,
    name       TEXT NOT NULL,
    agency     TEXT,
    assignment TEXT NOT NULL,
    position   TEXT,
    PRIMARY KEY (mission_id, person_id)
);
CREATE INDEX mission_crew_person ON mission_crew (person_id);
CREATE INDEX mission_crew_agency ON mission_crew (lower(agency));

-- Every name and alias of a mission, normalised (Latin script, no accents, lower case) once in
-- Java so that one trigram index serves case-, accent-, script- and typo-insensitive search.
CREATE TABLE mission_search_term (
    mission_id TEXT NOT NULL REFERENCES mission (id) ON DELETE CASCADE,
    term       TEXT NOT NULL,
    PRIMARY KEY (mission_id, term)
);
CREATE INDEX mission_search_term_trgm ON mission_search_term USING gin (term gin_trgm_ops);
