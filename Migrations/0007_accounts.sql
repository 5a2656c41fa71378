-- Accounts for `plantrack serve`: users with a role, browser sessions, API tokens, and the
-- failed sign-ins that throttle guessing. Secrets are never stored: passwords as bcrypt hashes,
-- session ids and tokens as SHA-256 digests (hex) of the random value handed to the client.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
    role          TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    password_hash TEXT NOT NULL,
    -- Set by `user add` without --password and by `make demo`: the password must be changed.
    must_change   INTEGER NOT NULL DEFAULT 0 CHECK (must_change IN (0, 1)),
    disabled_at   TEXT,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE sessions (
    id_hash    TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    -- The per-session CSRF token every form carries back.
    csrf_token TEXT NOT NULL,
    expires_at INTEGER NOT NULL,  -- unix seconds
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    label        TEXT,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    revoked_at   TEXT
);

-- One row per failed sign-in; a window of them per address and per user name decides throttling.
CREATE TABLE login_failures (
    id        INTEGER PRIMARY KEY,
    address   TEXT NOT NULL,
    name      TEXT NOT NULL,
    failed_at INTEGER NOT NULL  -- unix seconds
);
CREATE INDEX login_failures_by_address ON login_failures (address, failed_at);
CREATE INDEX login_failures_by_name ON login_failures (name, failed_at);
