-- Articles as received, with the text the extractor read.
CREATE TABLE articles (
    id                 TEXT PRIMARY KEY,
    content_hash       TEXT NOT NULL UNIQUE,
    url                TEXT UNIQUE,
    title              TEXT,
    source             TEXT,
    language           TEXT,
    content_type       TEXT NOT NULL,
    published_at       TIMESTAMPTZ NOT NULL,
    published_at_known BOOLEAN NOT NULL,
    published_text     TEXT,
    ingested_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    body               TEXT NOT NULL,
    text               TEXT NOT NULL,
    notes              JSONB NOT NULL DEFAULT '[]'::jsonb
);
CREATE INDEX articles_ingested ON articles (ingested_at DESC);

-- What was read out of each article for each mission: the event data, with evidence.
CREATE TABLE mission_updates (
    event_id    TEXT PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles (id),
    mission_id  TEXT NOT NULL,
    data        JSONB NOT NULL
);
CREATE INDEX mission_updates_article ON mission_updates (article_id);
CREATE INDEX mission_updates_mission ON mission_updates (mission_id);

-- Transactional outbox: written in the article's transaction, drained to Kafka by the relay.
CREATE TABLE outbox (
    id           BIGSERIAL PRIMARY KEY,
    event_id     TEXT NOT NULL UNIQUE,
    topic        TEXT NOT NULL,
    record_key   TEXT NOT NULL,
    payload      TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ,
    attempts     INT NOT NULL DEFAULT 0,
    last_error   TEXT
);
CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL;

-- Person identity, owned here so every store gets the same person id.
CREATE TABLE people (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    agency      TEXT,
    nationality TEXT,
    role        TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE person_aliases (
    person_id  TEXT NOT NULL REFERENCES people (id),
    alias      TEXT NOT NULL,
    PRIMARY KEY (person_id, alias)
);
