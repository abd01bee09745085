-- Sessions and the keys that sign access tokens, kept in the database so
-- every replica (and the command line) shares them. Tokens are stored only as
-- SHA-256 hashes.

-- A family is one sign-in session; expires_at is its absolute end.
CREATE TABLE refresh_families (
	id            TEXT PRIMARY KEY,
	user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	client_id     TEXT NOT NULL,
	created_at    TEXT NOT NULL,
	expires_at    TEXT NOT NULL,
	revoked_at    TEXT,
	revoke_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX refresh_families_user_id ON refresh_families (user_id);
CREATE INDEX refresh_families_expires_at ON refresh_families (expires_at);

-- A spent token (used_at set) is kept until its family ends, so presenting
-- it again is recognised as reuse.
CREATE TABLE refresh_tokens (
	token_hash TEXT PRIMARY KEY,
	family_id  TEXT NOT NULL REFERENCES refresh_families (id) ON DELETE CASCADE,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL,
	used_at    TEXT
);
CREATE INDEX refresh_tokens_family_id ON refresh_tokens (family_id);

-- Revoked access tokens, by jti, until they would have expired anyway.
CREATE TABLE revoked_access_tokens (
	jti        TEXT PRIMARY KEY,
	expires_at TEXT NOT NULL
);
CREATE INDEX revoked_access_tokens_expires_at ON revoked_access_tokens (expires_at);

-- private_key is the Ed25519 seed. The partial unique index allows one
-- active (unretired) key.
CREATE TABLE signing_keys (
	kid         TEXT PRIMARY KEY,
	algorithm   TEXT NOT NULL CHECK (algorithm = 'EdDSA'),
	private_key BLOB NOT NULL,
	public_key  BLOB NOT NULL,
	created_at  TEXT NOT NULL,
	retired_at  TEXT
);
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (algorithm) WHERE retired_at IS NULL;

-- One row per failed login per key ("account:EMAIL", "ip:ADDRESS"),
-- pruned past the throttling window.
CREATE TABLE login_failures (
	key TEXT NOT NULL,
	at  TEXT NOT NULL
);
CREATE INDEX login_failures_key_at ON login_failures (key, at);
CREATE INDEX login_failures_at ON login_failures (at);
