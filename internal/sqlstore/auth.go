package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// Auth is the Go logic of the auth stores over one engine's queries:
// organisations, users, invites, API clients, sessions, signing keys, failed
// logins and the audit log. Its methods run in the transaction they are
// given, or for a read of one statement on the Querier; the engine begins the
// transaction and commits it. Times go in as Dialect.Time makes them and come
// back through Dialect.ParseTime.
type Auth struct {
	Dialect       Dialect
	Orgs          OrgQueries
	Users         UserQueries
	Invites       InviteQueries
	Clients       ClientQueries
	Tokens        TokenQueries
	Keys          SigningKeyQueries
	Audit         AuditQueries
	LoginFailures LoginFailureQueries
}

// scanTime returns a scan destination that reads a time column, which must
// not be NULL, into t.
func (d *Dialect) scanTime(t *time.Time) sql.Scanner {
	return &timeDest{parse: d.ParseTime, t: t}
}

// scanNullTime returns a scan destination that reads a nullable time column
// into t, nil for NULL.
func (d *Dialect) scanNullTime(t **time.Time) sql.Scanner {
	return &nullTimeDest{parse: d.ParseTime, t: t}
}

// timeDest reads a time column through the engine's ParseTime, so one scan
// serves text on SQLite and timestamptz on PostgreSQL.
type timeDest struct {
	parse func(any) (time.Time, error)
	t     *time.Time
}

func (d *timeDest) Scan(src any) error {
	if src == nil {
		return errors.New("time column is NULL")
	}
	t, err := d.parse(src)
	if err != nil {
		return err
	}
	*d.t = t
	return nil
}

// nullTimeDest is timeDest for a nullable column, which leaves nil for NULL.
type nullTimeDest struct {
	parse func(any) (time.Time, error)
	t     **time.Time
}

func (d *nullTimeDest) Scan(src any) error {
	if src == nil {
		*d.t = nil
		return nil
	}
	t, err := d.parse(src)
	if err != nil {
		return err
	}
	*d.t = &t
	return nil
}

// revoked checks the result of a revocation that changes no row of a thing
// revoked already: if it changed none, exists, run with id, says whether the
// thing is there at all, and if not the answer is ENOTFOUND with notFound as
// its message. It returns err, the revocation's error, first.
func revoked(ctx context.Context, tx *sql.Tx, res sql.Result, err error, exists, id, notFound string) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n > 0 {
		return nil
	}
	var found bool
	if err := tx.QueryRowContext(ctx, exists, id).Scan(&found); err != nil {
		return err
	}
	if !found {
		return hirebase.Errorf(hirebase.ENOTFOUND, "%s", notFound)
	}
	return nil
}

// nullString stores "" as NULL, for optional references.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}
