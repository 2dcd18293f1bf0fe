-- The review queue: every escalated message is an item people work.
CREATE TABLE queue_items (
    message             INTEGER PRIMARY KEY REFERENCES messages (id),
    -- open | in_progress | done | dismissed
    state               TEXT NOT NULL,
    assignee            TEXT,
    -- the category a person corrected the message to (a correction)
    corrected_category  TEXT,
    -- the reply drafted for the customer (model or template), editable
    draft               TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX queue_items_state ON queue_items (state, message);

-- Escalations recorded before the queue existed become open items.
INSERT INTO queue_items (message, state, created_at, updated_at)
    SELECT id, 'open', COALESCE(processed_at, received_at), COALESCE(processed_at, received_at)
    FROM messages WHERE decision = 'escalate';

-- Every human and automatic action: who, what, when, before and after.
-- Append-only: the triggers refuse any change or deletion.
CREATE TABLE audit (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    automatic  INTEGER NOT NULL,
    action     TEXT NOT NULL,
    message    INTEGER,
    order_id   TEXT,
    before     TEXT,
    after      TEXT
);
CREATE INDEX audit_message ON audit (message, id);
CREATE INDEX audit_order ON audit (order_id, id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
