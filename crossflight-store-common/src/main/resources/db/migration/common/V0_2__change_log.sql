-- Every committed change, in commit order: the source of SSE resumption (Last-Event-ID) and
-- webhook deliveries.
CREATE TABLE change_log (
    seq        BIGSERIAL PRIMARY KEY,
    type       TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    payload    JSONB NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX change_log_entity ON change_log (entity_id, seq);
