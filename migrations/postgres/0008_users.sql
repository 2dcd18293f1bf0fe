-- Ops accounts for the review queue (passwords as argon2 PHC strings).
CREATE TABLE users (
    name           TEXT PRIMARY KEY,
    password_hash  TEXT NOT NULL,
    created_at     TEXT NOT NULL
);

-- Signed-in sessions. Only a hash of the cookie's token is stored, so a
-- copy of the database does not sign anyone in; `csrf` is the token every
-- form of the session carries.
CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    user_name   TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
    csrf        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_name);
