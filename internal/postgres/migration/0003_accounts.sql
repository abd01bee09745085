-- Organisations, the people and integrations that belong to them, the
-- invites that bring people in, and the audit log of security events.

CREATE TABLE orgs (
	id         text PRIMARY KEY,
	name       text NOT NULL,
	kind       text NOT NULL CHECK (kind IN ('agency', 'client')),
	created_at timestamptz NOT NULL
);
-- One agency runs an installation; concurrent bootstraps make only one.
CREATE UNIQUE INDEX orgs_one_agency ON orgs (kind) WHERE kind = 'agency';

-- Candidates belong to no organisation, everyone else to exactly one.
-- sessions_valid_after moves when all sessions end (password change,
-- disabling): access tokens issued before it are refused.
CREATE TABLE users (
	id                   text PRIMARY KEY,
	email                text NOT NULL UNIQUE,
	name                 text NOT NULL,
	role                 text NOT NULL
		CHECK (role IN ('admin', 'recruiter', 'client_admin', 'client_member', 'candidate')),
	org_id               text REFERENCES orgs (id),
	password_hash        text NOT NULL,
	disabled             boolean NOT NULL DEFAULT false,
	created_at           timestamptz NOT NULL,
	password_changed_at  timestamptz NOT NULL,
	sessions_valid_after timestamptz NOT NULL,
	CHECK ((role = 'candidate') = (org_id IS NULL))
);
CREATE INDEX users_org_id ON users (org_id);

-- token_hash is the SHA-256 of the invite token, which is never stored.
CREATE TABLE invites (
	id          text PRIMARY KEY,
	token_hash  text NOT NULL UNIQUE,
	org_id      text NOT NULL REFERENCES orgs (id),
	email       text NOT NULL,
	role        text NOT NULL,
	invited_by  text NOT NULL,
	created_at  timestamptz NOT NULL,
	expires_at  timestamptz NOT NULL,
	accepted_at timestamptz
);
CREATE INDEX invites_org_id ON invites (org_id);

-- scopes is space-separated, as OAuth 2.0 writes them; secret_hash the
-- SHA-256 of the secret, which is never stored.
CREATE TABLE api_clients (
	client_id   text PRIMARY KEY,
	secret_hash text NOT NULL,
	org_id      text NOT NULL REFERENCES orgs (id),
	name        text NOT NULL,
	scopes      text NOT NULL,
	created_by  text NOT NULL,
	created_at  timestamptz NOT NULL,
	revoked_at  timestamptz
);
CREATE INDEX api_clients_org_id ON api_clients (org_id);

CREATE TABLE audit_events (
	id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	at       timestamptz NOT NULL,
	type     text NOT NULL,
	actor_id text NOT NULL,
	org_id   text NOT NULL,
	subject  text NOT NULL,
	ip       text NOT NULL,
	detail   text NOT NULL
);
