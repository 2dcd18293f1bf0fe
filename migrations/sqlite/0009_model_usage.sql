-- What the model tier cost for each message (calls made, tokens paid;
-- answers from the cache or a recording cost nothing), for /metrics.
ALTER TABLE messages ADD COLUMN model_calls BIGINT NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN model_tokens BIGINT NOT NULL DEFAULT 0;
