-- Model answers by cache key (prompt version + model + exact messages), so
-- replaying a message or processing the same text again does not pay for
-- the model twice. Only usable answers are kept; failures are retried.
CREATE TABLE llm_cache (
    key TEXT PRIMARY KEY,
    prompt_version TEXT NOT NULL,
    model TEXT NOT NULL,
    content TEXT NOT NULL,
    prompt_tokens BIGINT NOT NULL,
    completion_tokens BIGINT NOT NULL,
    created_at TEXT NOT NULL
);
