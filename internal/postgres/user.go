package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/sqlstore"
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

// userQueries are the user queries for package sqlstore.
var userQueries = sqlstore.UserQueries{
	Insert:             insertUserQuery,
	ByID:               userByIDQuery,
	ByEmail:            userByEmailQuery,
	UpdatePasswordHash: updatePasswordHashQuery,
	SetPassword:        setPasswordQuery,
	SetRole:            setUserRoleQuery,
	Enable:             enableUserQuery,
	Disable:            disableUserQuery,
	RevokeFamilies:     revokeUserFamiliesQuery,
}

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

	if err := auth.CreateUser(ctx, tx, u, passwordHash); err != nil {
		return fmt.Errorf("create user: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("create user: %w", err)
	}
	return nil
}

// FindUserByID returns the user or ENOTFOUND.
func (s *AuthStore) FindUserByID(ctx context.Context, id string) (*hirebase.User, error) {
	u, err := auth.FindUserByID(ctx, s.db.db, id)
	if err != nil {
		return nil, fmt.Errorf("find user: %w", err)
	}
	return u, nil
}

// FindUserByEmail returns the user with the normalised email and its
// password hash, or ENOTFOUND.
func (s *AuthStore) FindUserByEmail(ctx context.Context, email string) (*hirebase.User, string, error) {
	u, hash, err := auth.FindUserByEmail(ctx, s.db.db, email)
	if err != nil {
		return nil, "", fmt.Errorf("find user: %w", err)
	}
	return u, hash, nil
}

// UpdatePasswordHash replaces the hash of an unchanged password.
func (s *AuthStore) UpdatePasswordHash(ctx context.Context, id, passwordHash string) error {
	err := s.updateUser(ctx, func(tx *sql.Tx) error {
		return auth.UpdatePasswordHash(ctx, tx, id, passwordHash)
	})
	if err != nil {
		return fmt.Errorf("update password hash: %w", err)
	}
	return nil
}

// SetPassword stores a new password's hash and ends every session of the
// user, in one transaction.
func (s *AuthStore) SetPassword(ctx context.Context, id, passwordHash string, now time.Time) error {
	err := s.updateUser(ctx, func(tx *sql.Tx) error {
		return auth.SetPassword(ctx, tx, id, passwordHash, now)
	})
	if err != nil {
		return fmt.Errorf("set password: %w", err)
	}
	return nil
}

// SetUserRole changes the user's role.
func (s *AuthStore) SetUserRole(ctx context.Context, id string, role hirebase.UserRole) error {
	err := s.updateUser(ctx, func(tx *sql.Tx) error {
		return auth.SetUserRole(ctx, tx, id, role)
	})
	if err != nil {
		return fmt.Errorf("set user role: %w", err)
	}
	return nil
}

// SetUserDisabled disables or re-enables the user; disabling also ends every
// session, in the same transaction.
func (s *AuthStore) SetUserDisabled(ctx context.Context, id string, disabled bool, now time.Time) error {
	err := s.updateUser(ctx, func(tx *sql.Tx) error {
		return auth.SetUserDisabled(ctx, tx, id, disabled, now)
	})
	if err != nil {
		return fmt.Errorf("set user disabled: %w", err)
	}
	return nil
}

// updateUser runs update in a write transaction and commits it if update
// returns no error.
func (s *AuthStore) updateUser(ctx context.Context, update func(tx *sql.Tx) error) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	if err := update(tx); err != nil {
		return err
	}
	return tx.Commit()
}
