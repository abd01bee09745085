-- Calibrations are stored whole, as the JSON document the estimator reads.
-- Exactly one row is active: the one put last.
CREATE TABLE calibrations (
	id         TEXT PRIMARY KEY,
	as_of      TEXT NOT NULL,
	document   TEXT NOT NULL CHECK (json_valid(document)),
	active     INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX calibrations_active ON calibrations (active) WHERE active = 1;
