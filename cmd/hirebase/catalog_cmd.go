package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/hirebase/hirebase/internal/catalog"
	"github.com/hirebase/hirebase/internal/hirebase"
)

func runCatalog(ctx context.Context, cfg Config, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("catalog: want import or export")
	}
	switch args[0] {
	case "import":
		return runCatalogImport(ctx, cfg, args[1:], stdout, stderr)
	case "export":
		return runCatalogExport(ctx, cfg, args[1:], stdout, stderr)
	}
	return fmt.Errorf("catalog: unknown sub-command %q", args[0])
}

// runCatalogImport creates or replaces the roles and skills of a catalog
// document; running it twice with the same file changes nothing.
func runCatalogImport(ctx context.Context, cfg Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("catalog import", flag.ContinueOnError)
	cfg.bindDB(fs)
	rest, err := parse(fs, &cfg, args, stderr)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return fmt.Errorf("catalog import: want one FILE (use - for standard input)")
	}
	var in io.Reader = os.Stdin
	if rest[0] != "-" {
		f, err := os.Open(rest[0])
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	c, err := catalog.Read(in)
	if err != nil {
		return describe(err)
	}
	store, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer store.Close()
	res, err := store.ImportCatalog(ctx, c)
	if err != nil {
		return describe(err)
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}

// runCatalogExport writes the stored catalog as a document import accepts.
func runCatalogExport(ctx context.Context, cfg Config, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("catalog export", flag.ContinueOnError)
	cfg.bindDB(fs)
	out := fs.String("out", "", "write to FILE instead of standard output")
	if _, err := parse(fs, &cfg, args, stderr); err != nil {
		return err
	}
	store, err := openStore(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := seedIfEmpty(ctx, store, newLogger(cfg, stderr)); err != nil {
		return err
	}
	c := &hirebase.Catalog{Version: hirebase.CatalogVersion}
	if c.Skills, err = store.ListSkills(ctx); err != nil {
		return err
	}
	if c.Roles, err = store.ListRoles(ctx); err != nil {
		return err
	}
	w := stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	return catalog.Write(w, c)
}

// describe expands a validation error with the fields at fault, for the
// terminal.
func describe(err error) error {
	fields := hirebase.ErrorFields(err)
	if len(fields) == 0 {
		return err
	}
	msg := hirebase.ErrorMessage(err)
	for _, f := range fields {
		msg += fmt.Sprintf("\n  %s: %s", f.Field, f.Reason)
	}
	return fmt.Errorf("%s", msg)
}
