-- Organisations, the people and integrations that belong to them, the
-- invites that bring people in, and the audit log of security events. Times
-- are fixed-width UTC text, so they compare as text.

CREATE TABLE orgs (
	id         TEXT PRIMARY KEY,
	name       TEXT NOT NULL,
	kind       TEXT NOT NULL CHECK (kind IN ('agency', 'client')),
	created_at TEXT NOT NULL
);
-- One agency runs an installation; concurrent bootstraps make only one.
CREATE UNIQUE INDEX orgs_one_agency ON orgs (kind) WHERE kind = 'agency';

-- Candidates belong to no organisation, everyone else to exactly one.
-- sessions_valid_after moves when all sessions end (password change,
-- disabling): access tokens issued before it are refused.
CREATE TABLE users (
	id                   TEXT PRIMARY KEY,
	email                TEXT NOT NULL UNIQUE,
	name                 TEXT NOT NULL,
	role                 TEXT NOT NULL
		CHECK (role IN ('admin', 'recruiter', 'client_admin', 'client_member', 'candidate')),
	org_id               TEXT REFERENCES orgs (id),
	password_hash        TEXT NOT NULL,
	disabled             INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	created_at           TEXT NOT NULL,
	password_changed_at  TEXT NOT NULL,
	sessions_valid_after TEXT NOT NULL,
	CHECK ((role = 'candidate') = (org_id IS NULL))
);
CREATE INDEX users_org_id ON users (org_id);

-- token_hash is the SHA-256 of the invite token, which is never stored.
CREATE TABLE invites (
	id          TEXT PRIMARY KEY,
	token_hash  TEXT NOT NULL UNIQUE,
	org_id      TEXT NOT NULL REFERENCES orgs (id),
	email       TEXT NOT NULL,
	role        TEXT NOT NULL,
	invited_by  TEXT NOT NULL,
	created_at  TEXT NOT NULL,
	expires_at  TEXT NOT NULL,
	accepted_at TEXT
);
CREATE INDEX invites_org_id ON invites (org_id);

-- scopes is space-separated, as OAuth 2.0 writes them; secret_hash the
-- SHA-256 of the secret, which is never stored.
CREATE TABLE api_clients (
	client_id   TEXT PRIMARY KEY,
	secret_hash TEXT NOT NULL,
	org_id      TEXT NOT NULL REFERENCES orgs (id),
	name        TEXT NOT NULL,
	scopes      TEXT NOT NULL,
	created_by  TEXT NOT NULL,
	created_at  TEXT NOT NULL,
	revoked_at  TEXT
);
CREATE INDEX api_clients_org_id ON api_clients (org_id);

-- AUTOINCREMENT never reuses an id, so cursors stay valid after pruning.
CREATE TABLE audit_events (
	id       INTEGER PRIMARY KEY AUTOINCREMENT,
	at       TEXT NOT NULL,
	type     TEXT NOT NULL,
	actor_id TEXT NOT NULL,
	org_id   TEXT NOT NULL,
	subject  TEXT NOT NULL,
	ip       TEXT NOT NULL,
	detail   TEXT NOT NULL
);
