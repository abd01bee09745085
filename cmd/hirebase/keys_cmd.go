package main

import (
	"context"
	"flag"
	"fmt"
	"io"
)

func runKeys(ctx context.Context, cfg Config, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "rotate" {
		return fmt.Errorf("keys: want rotate")
	}
	fs := flag.NewFlagSet("keys rotate", flag.ContinueOnError)
	cfg.bindDB(fs)
	if _, err := parse(fs, &cfg, args[1:], stderr); err != nil {
		return err
	}
	svc, st, err := openAuthService(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	defer st.Close()
	kid, err := svc.RotateKeys(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "new signing key %s is active; the previous key verifies until its tokens expire\n", kid)
	return nil
}
