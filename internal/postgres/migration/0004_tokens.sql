-- Sessions and the keys that sign access tokens, kept in the database so
-- every replica (and the command line) shares them. Tokens are stored only as
-- SHA-256 hashes.

-- A family is one sign-in session; expires_at is its absolute end.
CREATE TABLE refresh_families (
	id            text PRIMARY KEY,
	user_id       text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	client_id     text NOT NULL,
	created_at    timestamptz NOT NULL,
	expires_at    timestamptz NOT NULL,
	revoked_at    timestamptz,
	revoke_reason text NOT NULL DEFAULT ''
);
CREATE INDEX refresh_families_user_id ON refresh_families (user_id);
CREATE INDEX refresh_families_expires_at ON refresh_families (expires_at);

-- A spent token (used_at set) is kept until its family ends, so presenting
-- it again is recognised as reuse.
CREATE TABLE refresh_tokens (
	token_hash text PRIMARY KEY,
	family_id  text NOT NULL REFERENCES refresh_families (id) ON DELETE CASCADE,
	created_at timestamptz NOT NULL,
	expires_at timestamptz NOT NULL,
	used_at    timestamptz
);
CREATE INDEX refresh_tokens_family_id ON refresh_tokens (family_id);

-- Revoked access tokens, by jti, until they would have expired anyway.
CREATE TABLE revoked_access_tokens (
	jti        text PRIMARY KEY,
	expires_at timestamptz NOT NULL
);
CREATE INDEX revoked_access_tokens_expires_at ON revoked_access_tokens (expires_at);

-- private_key is the Ed25519 seed. The partial unique index allows one
-- active (unretired) key.
CREATE TABLE signing_keys (
	kid         text PRIMARY KEY,
	algorithm   text NOT NULL CHECK (algorithm = 'EdDSA'),
	private_key bytea NOT NULL,
	public_key  bytea NOT NULL,
	created_at  timestamptz NOT NULL,
	retired_at  timestamptz
);
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (algorithm) WHERE retired_at IS NULL;

-- One row per failed login per key ("account:EMAIL", "ip:ADDRESS"),
-- pruned past the throttling window.
CREATE TABLE login_failures (
	key text NOT NULL,
	at  timestamptz NOT NULL
);
CREATE INDEX login_failures_key_at ON login_failures (key, at);
CREATE INDEX login_failures_at ON login_failures (at);
