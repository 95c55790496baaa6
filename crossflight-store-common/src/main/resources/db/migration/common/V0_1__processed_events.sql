-- The message log of the duplicate-safe consumer: an event id is recorded in the same
-- transaction as the store change it caused, so a redelivered event changes nothing.
CREATE TABLE processed_events (
    event_id     TEXT PRIMARY KEY,
    mission_id   TEXT NOT NULL,
    article_id   TEXT NOT NULL,
    topic        TEXT,
    kafka_partition INT,
    kafka_offset BIGINT,
    applied_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
