package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/hirebase"
)

func runUser(ctx context.Context, cfg Config, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "add" {
		return fmt.Errorf("user: want add")
	}
	return runUserAdd(ctx, cfg, args[1:], stdin, stdout, stderr)
}

// runUserAdd creates a user directly in the database: the way to make the
// first admin. The password comes from standard input only, never from an
// argument, so it stays out of shell history and process listings.
func runUserAdd(ctx context.Context, cfg Config, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	cfg.bindDB(fs)
	email := fs.String("email", "", "the user's email address (required)")
	role := fs.String("role", "", "admin, recruiter, client_admin, client_member or candidate (required)")
	name := fs.String("name", "", "the user's display name")
	org := fs.String("org", "", "client organisation ID, for client_admin and client_member")
	agency := fs.String("agency-name", "Agency", "name of the agency organisation, if this first agency user creates it")
	fromStdin := fs.Bool("password-stdin", false, "read the password from standard input (required)")
	if _, err := parse(fs, &cfg, args, stderr); err != nil {
		return err
	}
	if *email == "" || *role == "" || !*fromStdin {
		return fmt.Errorf("user add: --email, --role and --password-stdin are required")
	}
	password, err := readPassword(stdin)
	if err != nil {
		return err
	}
	svc, st, err := openAuthService(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := svc.AddUser(ctx, auth.NewUser{Email: *email, Name: *name, Role: hirebase.UserRole(*role),
		Password: password, OrgID: *org, AgencyName: *agency})
	if err != nil {
		return describe(err)
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(u)
}

// readPassword reads a password from r: everything up to the end, less one
// trailing line break, so `echo pw |` and a file both work while spaces
// inside or around the password are kept.
func readPassword(r io.Reader) (string, error) {
	b, err := io.ReadAll(io.LimitReader(r, auth.MaxPasswordBytes+3))
	if err != nil {
		return "", fmt.Errorf("read password: %w", err)
	}
	b = bytes.TrimSuffix(b, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	if len(b) == 0 {
		return "", fmt.Errorf("read password: standard input is empty")
	}
	return string(b), nil
}
