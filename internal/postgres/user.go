package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

const (
	insertUserQuery = `
INSERT INTO users (id, email, name, role, org_id, password_hash, disabled,
	created_at, password_changed_at, sessions_valid_after)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`
	userColumns = `id, email, name, role, org_id, disabled, created_at, password_changed_at, sessions_valid_after`

	userByIDQuery    = `SELECT ` + userColumns + ` FROM users WHERE id = $1`
	userByEmailQuery = `SELECT ` + userColumns + `, password_hash FROM users WHERE email = $1`

	updatePasswordHashQuery = `UPDATE users SET password_hash = $1 WHERE id = $2`
	setPasswordQuery        = `
UPDATE users SET password_hash = $1, password_changed_at = $2, sessions_valid_after = $2 WHERE id = $3`
	setUserRoleQuery = `UPDATE users SET role = $1 WHERE id = $2`
	enableUserQuery  = `UPDATE users SET disabled = false WHERE id = $1`
	disableUserQuery = `UPDATE users SET disabled = true, sessions_valid_after = $1 WHERE id = $2`

	// revokeUserFamiliesQuery ends every live session of a user.
	revokeUserFamiliesQuery = `
UPDATE refresh_families SET revoked_at = $1, revoke_reason = $2 WHERE user_id = $3 AND revoked_at IS NULL`
)

// CreateUser stores u with its password hash; an email in use is ECONFLICT.
func (s *AuthStore) CreateUser(ctx context.Context, u *hirebase.User, passwordHash string) error {
	if err := u.Validate(); err != nil {
		return fmt.Errorf("create user: %w", err)
	}
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("create user: %w", err)
	}
	defer tx.Rollback()

	if err := insertUser(ctx, tx, u, passwordHash); err != nil {
		return fmt.Errorf("create user: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("create user: %w", err)
	}
	return nil
}

func insertUser(ctx context.Context, tx *sql.Tx, u *hirebase.User, passwordHash string) error {
	_, err := tx.ExecContext(ctx, insertUserQuery, u.ID, u.Email, u.Name, string(u.Role), nullString(u.OrgID),
		passwordHash, u.Disabled, u.CreatedAt, u.PasswordChangedAt, u.SessionsValidAfter)
	return conflict(err, "An account with this email exists already.")
}

// FindUserByID returns the user or ENOTFOUND.
func (s *AuthStore) FindUserByID(ctx context.Context, id string) (*hirebase.User, error) {
	u, err := scanUser(s.db.db.QueryRowContext(ctx, userByIDQuery, id).Scan)
	if err != nil {
		return nil, fmt.Errorf("find user: %w", err)
	}
	return u, nil
}

// FindUserByEmail returns the user with the normalised email and its
// password hash, or ENOTFOUND.
func (s *AuthStore) FindUserByEmail(ctx context.Context, email string) (*hirebase.User, string, error) {
	var hash string
	u, err := scanUser(func(dest ...any) error {
		return s.db.db.QueryRowContext(ctx, userByEmailQuery, email).Scan(append(dest, &hash)...)
	})
	if err != nil {
		return nil, "", fmt.Errorf("find user: %w", err)
	}
	return u, hash, nil
}

// scanUser reads the userColumns through scan, which may add destinations
// of its own after them.
func scanUser(scan func(dest ...any) error) (*hirebase.User, error) {
	var u hirebase.User
	var role string
	var orgID sql.NullString
	err := scan(&u.ID, &u.Email, &u.Name, &role, &orgID, &u.Disabled, &u.CreatedAt, &u.PasswordChangedAt, &u.SessionsValidAfter)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, hirebase.Errorf(hirebase.ENOTFOUND, "User not found.")
	} else if err != nil {
		return nil, err
	}
	u.Role, u.OrgID = hirebase.UserRole(role), orgID.String
	u.CreatedAt, u.PasswordChangedAt, u.SessionsValidAfter = u.CreatedAt.UTC(), u.PasswordChangedAt.UTC(), u.SessionsValidAfter.UTC()
	return &u, nil
}

// UpdatePasswordHash replaces the hash of an unchanged password.
func (s *AuthStore) UpdatePasswordHash(ctx context.Context, id, passwordHash string) error {
	err := s.updateUser(ctx, id, func(tx *sql.Tx) (sql.Result, error) {
		return tx.ExecContext(ctx, updatePasswordHashQuery, passwordHash, id)
	})
	if err != nil {
		return fmt.Errorf("update password hash: %w", err)
	}
	return nil
}

// SetPassword stores a new password's hash and ends every session of the
// user, in one transaction.
func (s *AuthStore) SetPassword(ctx context.Context, id, passwordHash string, now time.Time) error {
	err := s.updateUser(ctx, id, func(tx *sql.Tx) (sql.Result, error) {
		res, err := tx.ExecContext(ctx, setPasswordQuery, passwordHash, now, id)
		if err != nil {
			return nil, err
		}
		_, err = tx.ExecContext(ctx, revokeUserFamiliesQuery, now, "password changed", id)
		return res, err
	})
	if err != nil {
		return fmt.Errorf("set password: %w", err)
	}
	return nil
}

// SetUserRole changes the user's role.
func (s *AuthStore) SetUserRole(ctx context.Context, id string, role hirebase.UserRole) error {
	err := s.updateUser(ctx, id, func(tx *sql.Tx) (sql.Result, error) {
		return tx.ExecContext(ctx, setUserRoleQuery, string(role), id)
	})
	if err != nil {
		return fmt.Errorf("set user role: %w", err)
	}
	return nil
}

// SetUserDisabled disables or re-enables the user; disabling also ends every
// session, in the same transaction.
func (s *AuthStore) SetUserDisabled(ctx context.Context, id string, disabled bool, now time.Time) error {
	err := s.updateUser(ctx, id, func(tx *sql.Tx) (sql.Result, error) {
		if !disabled {
			return tx.ExecContext(ctx, enableUserQuery, id)
		}
		res, err := tx.ExecContext(ctx, disableUserQuery, now, id)
		if err != nil {
			return nil, err
		}
		_, err = tx.ExecContext(ctx, revokeUserFamiliesQuery, now, "user disabled", id)
		return res, err
	})
	if err != nil {
		return fmt.Errorf("set user disabled: %w", err)
	}
	return nil
}

// updateUser runs update in a write transaction and answers ENOTFOUND if the
// result it returns changed no row of users.
func (s *AuthStore) updateUser(ctx context.Context, id string, update func(tx *sql.Tx) (sql.Result, error)) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	res, err := update(tx)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return hirebase.Errorf(hirebase.ENOTFOUND, "User %q not found.", id)
	}
	return tx.Commit()
}
