-- Automatic resolution: what mailroom changed, what it prepared, what it
-- sends.

-- State the SPEC §3 order shape has no field for.
ALTER TABLE orders ADD COLUMN hold TEXT;
ALTER TABLE orders ADD COLUMN requested_delivery TEXT;

-- Append-only history of every order change, automatic or human.
CREATE TABLE order_events (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id   TEXT NOT NULL,
    at         TEXT NOT NULL,
    -- what happened: status, expected_delivery, shipping_address, hold,
    -- requested_delivery, line_quantities, wismo_answered...
    kind       TEXT NOT NULL,
    old_value  TEXT,
    new_value  TEXT,
    reason     TEXT NOT NULL,
    -- the message that caused it, when one did
    message    BIGINT REFERENCES messages (id),
    -- 'mailroom' for automatic changes, else who
    actor      TEXT NOT NULL,
    automatic  BIGINT NOT NULL
);
CREATE INDEX order_events_order ON order_events (order_id, id);

-- Every action the policy allowed, with how far it went.
CREATE TABLE actions (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message     BIGINT NOT NULL REFERENCES messages (id),
    order_id    TEXT NOT NULL,
    category    TEXT NOT NULL,
    action      TEXT NOT NULL,
    -- shadow | awaiting | applied | rejected
    state       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    decided_by  TEXT,
    decided_at  TEXT,
    UNIQUE (message)
);
CREATE INDEX actions_state ON actions (state, id);

-- Everything mailroom sends, rendered, waiting or done.
CREATE TABLE outbox (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- one notice per (order, kind, facts): a second mail saying the same
    -- thing finds it here and sends nothing
    dedupe_key       TEXT NOT NULL UNIQUE,
    channel          TEXT NOT NULL,
    order_id         TEXT,
    message          BIGINT REFERENCES messages (id),
    kind             TEXT NOT NULL,
    recipient        TEXT NOT NULL,
    payload          TEXT NOT NULL,
    -- pending | held | sent | dead
    state            TEXT NOT NULL,
    held_reason      TEXT,
    attempts         BIGINT NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    last_error       TEXT,
    created_at       TEXT NOT NULL,
    sent_at          TEXT,
    -- the Message-ID of a sent mail
    external_id      TEXT
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX outbox_recipient ON outbox (recipient, created_at);

CREATE TABLE settings (
    name   TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
