-- The review queue: every escalated message is an item people work.
CREATE TABLE queue_items (
    message             BIGINT PRIMARY KEY REFERENCES messages (id),
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
-- Append-only: the trigger refuses any change or deletion.
CREATE TABLE audit (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    automatic  BIGINT NOT NULL,
    action     TEXT NOT NULL,
    message    BIGINT,
    order_id   TEXT,
    before     TEXT,
    after      TEXT
);
CREATE INDEX audit_message ON audit (message, id);
CREATE INDEX audit_order ON audit (order_id, id);
CREATE FUNCTION audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
