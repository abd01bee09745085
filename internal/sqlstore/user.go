package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// UserQueries write and read users. ByID and ByEmail select id, email, name,
// role, org_id, disabled, created_at, password_changed_at and
// sessions_valid_after; ByEmail adds password_hash.
type UserQueries struct {
	// Insert takes id, email, name, role, org_id (NULL for none),
	// password_hash, disabled, created_at, password_changed_at and
	// sessions_valid_after.
	Insert  string
	ByID    string
	ByEmail string

	UpdatePasswordHash string // password_hash and id
	// SetPassword takes password_hash, the time (of the change, and
	// after which sessions are valid) and id.
	SetPassword string
	SetRole     string // role and id
	Enable      string // id
	Disable     string // the time after which sessions are valid, and id
	// RevokeFamilies ends every live session of a user; it takes the
	// time, the reason and the user id.
	RevokeFamilies string
}

// CreateUser stores u, which the caller has validated, with its password
// hash; an email in use is ECONFLICT.
func (a *Auth) CreateUser(ctx context.Context, tx *sql.Tx, u *hirebase.User, passwordHash string) error {
	t := a.Dialect.Time
	_, err := tx.ExecContext(ctx, a.Users.Insert, u.ID, u.Email, u.Name, string(u.Role), nullString(u.OrgID),
		passwordHash, u.Disabled, t(u.CreatedAt), t(u.PasswordChangedAt), t(u.SessionsValidAfter))
	return a.Dialect.conflict(err, "An account with this email exists already.")
}

// FindUserByID returns the user or ENOTFOUND.
func (a *Auth) FindUserByID(ctx context.Context, q Querier, id string) (*hirebase.User, error) {
	return a.scanUser(q.QueryRowContext(ctx, a.Users.ByID, id).Scan)
}

// FindUserByEmail returns the user with the normalised email and its
// password hash, or ENOTFOUND.
func (a *Auth) FindUserByEmail(ctx context.Context, q Querier, email string) (*hirebase.User, string, error) {
	var hash string
	u, err := a.scanUser(func(dest ...any) error {
		return q.QueryRowContext(ctx, a.Users.ByEmail, email).Scan(append(dest, &hash)...)
	})
	if err != nil {
		return nil, "", err
	}
	return u, hash, nil
}

// scanUser reads a user's columns through scan, which may add destinations
// of its own after them.
func (a *Auth) scanUser(scan func(dest ...any) error) (*hirebase.User, error) {
	var u hirebase.User
	var role string
	var orgID sql.NullString
	d := &a.Dialect
	err := scan(&u.ID, &u.Email, &u.Name, &role, &orgID, &u.Disabled,
		d.scanTime(&u.CreatedAt), d.scanTime(&u.PasswordChangedAt), d.scanTime(&u.SessionsValidAfter))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, hirebase.Errorf(hirebase.ENOTFOUND, "User not found.")
	} else if err != nil {
		return nil, err
	}
	u.Role, u.OrgID = hirebase.UserRole(role), orgID.String
	return &u, nil
}

// UpdatePasswordHash replaces the hash of an unchanged password.
func (a *Auth) UpdatePasswordHash(ctx context.Context, tx *sql.Tx, id, passwordHash string) error {
	res, err := tx.ExecContext(ctx, a.Users.UpdatePasswordHash, passwordHash, id)
	return userUpdated(id, res, err)
}

// SetPassword stores a new password's hash and ends every session of the
// user.
func (a *Auth) SetPassword(ctx context.Context, tx *sql.Tx, id, passwordHash string, now time.Time) error {
	res, err := tx.ExecContext(ctx, a.Users.SetPassword, passwordHash, a.Dialect.Time(now), id)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, a.Users.RevokeFamilies, a.Dialect.Time(now), "password changed", id)
	return userUpdated(id, res, err)
}

// SetUserRole changes the user's role.
func (a *Auth) SetUserRole(ctx context.Context, tx *sql.Tx, id string, role hirebase.UserRole) error {
	res, err := tx.ExecContext(ctx, a.Users.SetRole, string(role), id)
	return userUpdated(id, res, err)
}

// SetUserDisabled disables or re-enables the user; disabling also ends every
// session.
func (a *Auth) SetUserDisabled(ctx context.Context, tx *sql.Tx, id string, disabled bool, now time.Time) error {
	if !disabled {
		res, err := tx.ExecContext(ctx, a.Users.Enable, id)
		return userUpdated(id, res, err)
	}
	res, err := tx.ExecContext(ctx, a.Users.Disable, a.Dialect.Time(now), id)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, a.Users.RevokeFamilies, a.Dialect.Time(now), "user disabled", id)
	return userUpdated(id, res, err)
}

// userUpdated returns err, or ENOTFOUND if res, the result of an update of
// the user with id, changed no row.
func userUpdated(id string, res sql.Result, err error) error {
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return hirebase.Errorf(hirebase.ENOTFOUND, "User %q not found.", id)
	}
	return nil
}
