-- The role catalog, normalised: skills and their aliases, roles and every
-- list a role page shows, in stored order. Names of related roles and tagged
-- skills are never copied; they are joined from roles and skills. Slugs
-- collate as bytes, so pages come in the same order whatever the database
-- locale, and the same order as on SQLite.

-- catalog_revision is a single row bumped by every write that changes the
-- catalog, so caches in every replica can notice. Catalog writers also lock
-- it first, which serialises them.
CREATE TABLE catalog_revision (
	id         smallint PRIMARY KEY CHECK (id = 1),
	revision   bigint NOT NULL,
	updated_at timestamptz NOT NULL
);
INSERT INTO catalog_revision (id, revision, updated_at) VALUES (1, 0, now());

CREATE TABLE skills (
	id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	slug       text COLLATE "C" NOT NULL UNIQUE,
	name       text NOT NULL,
	category   text NOT NULL,
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL
);

-- alias_key is the alias lower-cased by the store, so "Golang" and "golang"
-- cannot name two skills.
CREATE TABLE skill_aliases (
	skill_id  bigint NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
	position  integer NOT NULL,
	alias     text NOT NULL,
	alias_key text NOT NULL UNIQUE,
	PRIMARY KEY (skill_id, position)
);

-- fingerprint is the role's content fingerprint, so an import can skip roles
-- it would not change; an empty fingerprint forces the next import to rewrite.
CREATE TABLE roles (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	slug        text COLLATE "C" NOT NULL UNIQUE,
	name        text NOT NULL,
	summary     text NOT NULL,
	fingerprint text NOT NULL,
	created_at  timestamptz NOT NULL,
	updated_at  timestamptz NOT NULL
);

CREATE TABLE role_levels (
	role_id         bigint NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
	key             text NOT NULL CHECK (key IN ('junior', 'mid', 'senior')),
	position        smallint NOT NULL,
	experience      text NOT NULL,
	years_min       integer NOT NULL CHECK (years_min >= 0),
	years_max       integer CHECK (years_max >= years_min),
	salary_min      integer NOT NULL,
	salary_max      integer NOT NULL,
	salary_currency text NOT NULL,
	salary_period   text NOT NULL,
	salary_source   text NOT NULL,
	autonomy        text NOT NULL,
	ideal_for       text NOT NULL,
	PRIMARY KEY (role_id, key)
);

-- role_level_items holds a tier's bullets: responsibilities and
-- "Tools & Skills", each list in its own order.
CREATE TABLE role_level_items (
	role_id   bigint NOT NULL,
	level_key text NOT NULL,
	kind      text NOT NULL CHECK (kind IN ('responsibility', 'skill')),
	position  integer NOT NULL,
	text      text NOT NULL,
	PRIMARY KEY (role_id, level_key, kind, position),
	FOREIGN KEY (role_id, level_key) REFERENCES role_levels (role_id, key) ON DELETE CASCADE
);

CREATE TABLE role_key_factors (
	role_id  bigint NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
	position integer NOT NULL,
	key      text NOT NULL,
	name     text NOT NULL,
	PRIMARY KEY (role_id, position)
);

CREATE TABLE role_alternative_names (
	role_id  bigint NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
	position integer NOT NULL,
	name     text NOT NULL,
	lang     text NOT NULL,
	PRIMARY KEY (role_id, position)
);

CREATE TABLE role_related (
	role_id    bigint NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
	position   integer NOT NULL,
	related_id bigint NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
	reason     text NOT NULL,
	PRIMARY KEY (role_id, position),
	UNIQUE (role_id, related_id)
);
CREATE INDEX role_related_related_id ON role_related (related_id);

CREATE TABLE occupations (
	code  text PRIMARY KEY,
	title text NOT NULL
);

CREATE TABLE role_occupations (
	role_id  bigint NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
	position integer NOT NULL,
	code     text NOT NULL REFERENCES occupations (code),
	PRIMARY KEY (role_id, position),
	UNIQUE (role_id, code)
);
CREATE INDEX role_occupations_code ON role_occupations (code);

CREATE TABLE role_skills (
	role_id  bigint NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
	position integer NOT NULL,
	skill_id bigint NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
	PRIMARY KEY (role_id, position),
	UNIQUE (role_id, skill_id)
);
CREATE INDEX role_skills_skill_id ON role_skills (skill_id);
