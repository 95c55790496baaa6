-- What stream and webhook filters match on (status, agency, crew, mission …), kept beside each
-- change so a resumed stream and the webhook fan-out filter exactly as the live stream does.
ALTER TABLE change_log ADD COLUMN tags JSONB NOT NULL DEFAULT '{}'::jsonb;

-- Webhook subscriptions. cursor_seq is the last change_log seq fanned out into deliveries for
-- this subscription: ChangeLog serialises its writers, so seq order is commit order and a
-- cursor never skips a change that commits late.
CREATE TABLE webhook_subscriptions (
    id                   TEXT PRIMARY KEY,
    callback_url         TEXT NOT NULL,
    filter               JSONB NOT NULL DEFAULT '{}'::jsonb,
    secret               TEXT NOT NULL,
    description          TEXT,
    status               TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    disabled_reason      TEXT,
    disabled_at          TIMESTAMPTZ,
    cursor_seq           BIGINT NOT NULL,
    consecutive_failures INT NOT NULL DEFAULT 0,
    failing_since        TIMESTAMPTZ,
    last_success_at      TIMESTAMPTZ,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per (subscription, change): the message, its state and when to try it next.
-- attempts doubles as a fencing token: a result is recorded only for the attempt that was claimed.
CREATE TABLE webhook_deliveries (
    id               TEXT PRIMARY KEY,
    subscription_id  TEXT NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    change_seq       BIGINT NOT NULL,
    type             TEXT NOT NULL,
    entity_id        TEXT NOT NULL,
    body             TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
    attempts         INT NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,
    last_attempt_at  TIMESTAMPTZ,
    last_status_code INT,
    last_error       TEXT,
    delivered_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (subscription_id, change_seq)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_subscription ON webhook_deliveries (subscription_id, change_seq DESC);

-- Every attempt, for GET /subscriptions/{id}/deliveries.
CREATE TABLE webhook_attempts (
    delivery_id  TEXT NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt      INT NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL,
    status_code  INT,
    error        TEXT,
    duration_ms  BIGINT,
    PRIMARY KEY (delivery_id, attempt)
);
