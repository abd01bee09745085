-- The role catalog, normalised: skills and their aliases, roles and every
-- list a role page shows, in stored order. Names of related roles and tagged
-- skills are never copied; they are joined from roles and skills.

-- catalog_revision is a single row bumped by every write that changes the
-- catalog, so caches in every process can notice.
CREATE TABLE catalog_revision (
	id         INTEGER PRIMARY KEY CHECK (id = 1),
	revision   INTEGER NOT NULL,
	updated_at TEXT NOT NULL
);
INSERT INTO catalog_revision (id, revision, updated_at)
VALUES (1, 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

CREATE TABLE skills (
	id         INTEGER PRIMARY KEY,
	slug       TEXT NOT NULL UNIQUE,
	name       TEXT NOT NULL,
	category   TEXT NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);

-- alias_key is the alias lower-cased by the store, so "Golang" and "golang"
-- cannot name two skills.
CREATE TABLE skill_aliases (
	skill_id  INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
	position  INTEGER NOT NULL,
	alias     TEXT NOT NULL,
	alias_key TEXT NOT NULL UNIQUE,
	PRIMARY KEY (skill_id, position)
);

-- fingerprint is the role's content fingerprint, so an import can skip roles
-- it would not change; an empty fingerprint forces the next import to rewrite.
CREATE TABLE roles (
	id          INTEGER PRIMARY KEY,
	slug        TEXT NOT NULL UNIQUE,
	name        TEXT NOT NULL,
	summary     TEXT NOT NULL,
	fingerprint TEXT NOT NULL,
	created_at  TEXT NOT NULL,
	updated_at  TEXT NOT NULL
);

CREATE TABLE role_levels (
	role_id         INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
	key             TEXT NOT NULL CHECK (key IN ('junior', 'mid', 'senior')),
	position        INTEGER NOT NULL,
	experience      TEXT NOT NULL,
	years_min       INTEGER NOT NULL CHECK (years_min >= 0),
	years_max       INTEGER CHECK (years_max >= years_min),
	salary_min      INTEGER NOT NULL,
	salary_max      INTEGER NOT NULL,
	salary_currency TEXT NOT NULL,
	salary_period   TEXT NOT NULL,
	salary_source   TEXT NOT NULL,
	autonomy        TEXT NOT NULL,
	ideal_for       TEXT NOT NULL,
	PRIMARY KEY (role_id, key)
);

-- role_level_items holds a tier's bullets: responsibilities and
-- "Tools & Skills", each list in its own order.
CREATE TABLE role_level_items (
	role_id   INTEGER NOT NULL,
	level_key TEXT NOT NULL,
	kind      TEXT NOT NULL CHECK (kind IN ('responsibility', 'skill')),
	position  INTEGER NOT NULL,
	text      TEXT NOT NULL,
	PRIMARY KEY (role_id, level_key, kind, position),
	FOREIGN KEY (role_id, level_key) REFERENCES role_levels (role_id, key) ON DELETE CASCADE
);

CREATE TABLE role_key_factors (
	role_id  INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	key      TEXT NOT NULL,
	name     TEXT NOT NULL,
	PRIMARY KEY (role_id, position)
);

CREATE TABLE role_alternative_names (
	role_id  INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	name     TEXT NOT NULL,
	lang     TEXT NOT NULL,
	PRIMARY KEY (role_id, position)
);

CREATE TABLE role_related (
	role_id    INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	related_id INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
	reason     TEXT NOT NULL,
	PRIMARY KEY (role_id, position),
	UNIQUE (role_id, related_id)
);
CREATE INDEX role_related_related_id ON role_related (related_id);

CREATE TABLE occupations (
	code  TEXT PRIMARY KEY,
	title TEXT NOT NULL
);

CREATE TABLE role_occupations (
	role_id  INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	code     TEXT NOT NULL REFERENCES occupations (code),
	PRIMARY KEY (role_id, position),
	UNIQUE (role_id, code)
);
CREATE INDEX role_occupations_code ON role_occupations (code);

CREATE TABLE role_skills (
	role_id  INTEGER NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	skill_id INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
	PRIMARY KEY (role_id, position),
	UNIQUE (role_id, skill_id)
);
CREATE INDEX role_skills_skill_id ON role_skills (skill_id);
