-- Calibrations are stored whole, as the JSON document the estimator reads.
-- json, not jsonb, keeps the document exactly as written, so the model's raw
-- parameters read back byte for byte. Exactly one row is active: the one put
-- last.
CREATE TABLE calibrations (
	id         text PRIMARY KEY,
	as_of      text NOT NULL,
	document   json NOT NULL,
	active     boolean NOT NULL DEFAULT false,
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX calibrations_active ON calibrations (active) WHERE active;
