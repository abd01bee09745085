package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/hirebase/hirebase/internal/catalog"
	"github.com/hirebase/hirebase/internal/estimate"
	"github.com/hirebase/hirebase/internal/resolve"
)

func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("eval: want titles or salaries")
	}
	switch args[0] {
	case "titles":
		return runEvalTitles(args[1:], stdout, stderr)
	case "salaries":
		return runEvalSalaries(args[1:], stdout, stderr)
	}
	return fmt.Errorf("eval: unknown sub-command %q", args[0])
}

// runEvalTitles measures title resolution on a labelled file of titles
// against the embedded catalog; its last line is the summary.
func runEvalTitles(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval titles", flag.ContinueOnError)
	fs.SetOutput(stderr)
	verbose := fs.Bool("v", false, "list every miss and the per-category figures")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return fmt.Errorf("eval titles: want TITLES_TSV MAPPING_TSV")
	}
	titles, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer titles.Close()
	mapping, err := os.Open(fs.Arg(1))
	if err != nil {
		return err
	}
	defer mapping.Close()
	c, err := catalog.Content()
	if err != nil {
		return err
	}
	rep, err := resolve.Evaluate(titles, mapping, resolve.New(c.Roles))
	if err != nil {
		return err
	}
	if *verbose {
		for _, name := range rep.CategoryNames() {
			ct := rep.Categories[name]
			fmt.Fprintf(stdout, "%-22s %-6s n=%-4d top1=%.3f\n", name, ct.Kind, ct.N, ct.Accuracy())
		}
		for _, m := range rep.Misses {
			got := m.Got
			if got == "" {
				got = "(no match)"
			}
			fmt.Fprintf(stdout, "miss\t%s\t%s\t%s\n", m.Kind, m.Category, m.Title+"\t-> "+got)
		}
	}
	fmt.Fprintln(stdout, rep.Summary())
	return nil
}

// runEvalSalaries predicts every usable row of a survey file with the
// shipped calibration (or another one) and prints the summary line last.
func runEvalSalaries(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval salaries", flag.ContinueOnError)
	fs.SetOutput(stderr)
	survey := fs.String("survey", "", "survey CSV to predict (required)")
	calFile := fs.String("calibration", "", "calibration JSON to use instead of the shipped one")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *survey == "" {
		return fmt.Errorf("eval salaries: --survey is required")
	}
	cal, err := catalog.DefaultCalibration()
	if *calFile != "" {
		cal, err = readCalibration(*calFile)
	}
	if err != nil {
		return err
	}
	est, err := estimate.New(cal)
	if err != nil {
		return err
	}
	f, err := os.Open(*survey)
	if err != nil {
		return err
	}
	defer f.Close()
	rep, err := estimate.EvalSalaries(f, est)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, rep.Summary())
	return nil
}
