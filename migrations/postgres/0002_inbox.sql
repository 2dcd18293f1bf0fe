-- The durable inbox. A message is stored (raw bytes first) before anything
-- processes it. Its identity is the Message-ID (empty when missing) plus a
-- SHA-256 of the raw bytes, because Message-IDs can be missing or reused;
-- where it was seen (IMAP UIDVALIDITY + UID, or a Maildir file name) lives
-- in `locations`, so a UIDVALIDITY change adds locations and never
-- reprocesses a message.
CREATE TABLE messages (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id    TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    raw           BYTEA NOT NULL,
    size          BIGINT NOT NULL,
    source        TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    -- received | processed | failed
    state         TEXT NOT NULL,
    attempts      BIGINT NOT NULL DEFAULT 0,
    error         TEXT,
    subject       TEXT,
    category      TEXT,
    decision      TEXT,
    reason        TEXT,
    order_id      TEXT,
    -- the whole triage (email, evidence, facts, link, decision) as JSON
    triage        TEXT,
    processed_at  TEXT,
    UNIQUE (message_id, content_hash)
);
CREATE INDEX messages_state ON messages (state, id);

CREATE TABLE locations (
    source    TEXT NOT NULL,
    epoch     BIGINT NOT NULL,
    key       TEXT NOT NULL,
    message   BIGINT NOT NULL REFERENCES messages (id),
    -- 1 once the server copy was filed away (moved or flagged)
    disposed  BIGINT NOT NULL DEFAULT 0,
    seen_at   TEXT NOT NULL,
    PRIMARY KEY (source, epoch, key)
);
CREATE INDEX locations_message ON locations (message);
CREATE INDEX locations_pending ON locations (source, epoch, disposed);
