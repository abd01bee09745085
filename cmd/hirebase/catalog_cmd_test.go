package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// TestCatalogExportImport exports the seeded catalog, imports it back (no
// change), then imports an edited copy (one role updated) and reads the edit
// back.
func TestCatalogExportImport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "hirebase.db")
	doc := filepath.Join(dir, "catalog.json")
	if _, err := runCmd(t, "", "catalog", "export", "--db", db, "--out", doc); err != nil {
		t.Fatal(err)
	}
	var c hirebase.Catalog
	b, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Roles) != 36 || len(c.Skills) == 0 {
		t.Fatalf("exported %d roles and %d skills", len(c.Roles), len(c.Skills))
	}

	out, err := runCmd(t, "", "catalog", "import", "--db", db, doc)
	if err != nil {
		t.Fatal(err)
	}
	var res hirebase.ImportResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("import output %q: %v", out, err)
	}
	if res.RolesUnchanged != 36 || res.RolesCreated+res.RolesUpdated+res.SkillsCreated+res.SkillsUpdated != 0 {
		t.Errorf("re-importing the export changed something: %+v", res)
	}

	c.Roles[0].Summary = "An edited summary that is long enough to be a real sentence."
	var edited bytes.Buffer
	if err := json.NewEncoder(&edited).Encode(&c); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(doc, edited.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err = runCmd(t, "", "catalog", "import", "--db", db, doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.RolesUpdated != 1 || res.RolesUnchanged != 35 {
		t.Errorf("importing one edit: %+v", res)
	}
	again := filepath.Join(dir, "again.json")
	if _, err := runCmd(t, "", "catalog", "export", "--db", db, "--out", again); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(again); !strings.Contains(string(b), "An edited summary") {
		t.Error("the edit did not survive a round trip")
	}
}

// TestCatalogImportRefusesInvalid checks that a bad document is refused with
// the field at fault and nothing is written.
func TestCatalogImportRefusesInvalid(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "hirebase.db")
	doc := filepath.Join(dir, "bad.json")
	bad := `{"version": 1, "skills": [], "roles": [{"slug": "Not A Slug", "name": "", "summary": "x"}]}`
	if err := os.WriteFile(doc, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := runCmd(t, "", "catalog", "import", "--db", db, doc)
	if err == nil || !strings.Contains(err.Error(), "roles[0].slug") {
		t.Fatalf("import of an invalid document: %v, want an error naming roles[0].slug", err)
	}
}

// TestCalibrateReproducesShipped recalibrates from the public data files and
// checks the result is the shipped calibration, byte for byte.
func TestCalibrateReproducesShipped(t *testing.T) {
	data := os.Getenv("HIREBASE_DATA_DIR")
	if data == "" {
		t.Skip("HIREBASE_DATA_DIR is unset: set it to the directory holding the survey and postings files to check the shipped calibration reproduces")
	}
	out := filepath.Join(t.TempDir(), "calibration.json")
	if _, err := runCmd(t, "", "calibrate", "--survey", filepath.Join(data, "sysarmy-ar-2025-02-dev.csv"),
		"--postings", filepath.Join(data, "djinni-titles-dev.tsv"), "--out", out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../internal/catalog/data/calibration.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("calibrate --out differs from internal/catalog/data/calibration.json")
	}
}

// TestEvalSummaryLines checks the evaluation commands end with their
// one-line summaries in the documented format.
func TestEvalSummaryLines(t *testing.T) {
	data := os.Getenv("HIREBASE_DATA_DIR")
	if data == "" {
		t.Skip("HIREBASE_DATA_DIR is unset: set it to the directory holding the public data files to run the evaluations")
	}
	out, err := runCmd(t, "", "eval", "titles", filepath.Join(data, "djinni-titles-dev.tsv"), filepath.Join(data, "djinni-category-roles.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(lastLine(out), "title-eval: strict_n=") {
		t.Errorf("eval titles last line %q", lastLine(out))
	}
	out, err = runCmd(t, "", "eval", "salaries", "--survey", filepath.Join(data, "sysarmy-ar-2025-02-dev.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(lastLine(out), "salary-eval: n=") || !strings.Contains(out, " p10_p90_coverage=") {
		t.Errorf("eval salaries last line %q", lastLine(out))
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}
