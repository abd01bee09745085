// Command hirebase runs the hirebase service and its maintenance tasks. It
// only wires: it reads configuration, opens the store, builds the services
// and runs one sub-command.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

const usage = `hirebase: role catalog, title resolution and salary estimates for remote-talent staffing.

Usage:
  hirebase serve [--addr 127.0.0.1:8080] [--db hirebase.db | --db postgres://...]
  hirebase migrate [--db ...]
  hirebase catalog import [--db ...] FILE
  hirebase catalog export [--db ...] [--out FILE]
  hirebase calibrate --survey FILE [--postings FILE] [--out FILE] [--db ...]
  hirebase eval titles [-v] TITLES_TSV MAPPING_TSV
  hirebase eval salaries --survey FILE
  hirebase user add --email E --role ROLE --password-stdin [--name N] [--org ORG_ID] [--db ...]
  hirebase keys rotate [--db ...]

Every setting can also come from a HIREBASE_* environment variable; run a
sub-command with -h for its flags.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr); err != nil {
		switch {
		case errors.Is(err, flag.ErrHelp):
			// Help was asked for and printed: not a failure.
			os.Exit(0)
		case errors.Is(err, errUsage):
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, "hirebase:", err)
		os.Exit(1)
	}
}

// errUsage reports a command line that names no command; the usage has
// been printed.
var errUsage = errors.New("no command given")

// run is main without process globals, so tests can drive every sub-command.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	cfg := defaultConfig()
	if err := cfg.loadEnv(getenv); err != nil {
		return err
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return runServe(ctx, cfg, rest, stderr)
	case "migrate":
		return runMigrate(ctx, cfg, rest, stdout, stderr)
	case "catalog":
		return runCatalog(ctx, cfg, rest, stdout, stderr)
	case "calibrate":
		return runCalibrate(ctx, cfg, rest, stdout, stderr)
	case "eval":
		return runEval(ctx, rest, stdout, stderr)
	case "user":
		return runUser(ctx, cfg, rest, stdin, stdout, stderr)
	case "keys":
		return runKeys(ctx, cfg, rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", cmd)
}

func newLogger(cfg Config, w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// parse parses a sub-command's flags, validates the configuration and
// returns the remaining arguments.
func parse(fs *flag.FlagSet, cfg *Config, args []string, stderr io.Writer) ([]string, error) {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	return fs.Args(), nil
}
