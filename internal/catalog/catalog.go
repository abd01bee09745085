// Package catalog holds the default role catalog, embedded in the binary, and
// reads and writes catalog documents for import and export. It depends only
// on the domain package.
package catalog

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/hirebase/hirebase/internal/hirebase"
)

//go:embed data
var files embed.FS

// MaxDocumentSize bounds a catalog document read by Read.
const MaxDocumentSize = 16 << 20

// Default returns the embedded catalog with every band taken from cal, related
// role names and skill names filled in, validated.
func Default(cal *hirebase.Calibration) (*hirebase.Catalog, error) {
	c, err := Content()
	if err != nil {
		return nil, err
	}
	if err := ApplyCalibration(c, cal); err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("default catalog: %w: %v", err, hirebase.ErrorFields(err))
	}
	return c, nil
}

// Content returns the embedded roles and skills as written, without salary
// bands, which come from a calibration.
func Content() (*hirebase.Catalog, error) {
	c := &hirebase.Catalog{Version: hirebase.CatalogVersion}
	skillFiles, err := fs.Glob(files, "data/skills*.json")
	if err != nil {
		return nil, err
	}
	for _, name := range skillFiles {
		var ss []*hirebase.Skill
		if err := decodeFile(name, &ss); err != nil {
			return nil, err
		}
		c.Skills = append(c.Skills, ss...)
	}
	sort.Slice(c.Skills, func(i, j int) bool { return c.Skills[i].Slug < c.Skills[j].Slug })

	roleFiles, err := fs.Glob(files, "data/roles/*.json")
	if err != nil {
		return nil, err
	}
	for _, name := range roleFiles {
		var r hirebase.Role
		if err := decodeFile(name, &r); err != nil {
			return nil, err
		}
		if want := strings.TrimSuffix(path.Base(name), ".json"); r.Slug != want {
			return nil, fmt.Errorf("%s: slug %q does not match file name", name, r.Slug)
		}
		c.Roles = append(c.Roles, &r)
	}
	sort.Slice(c.Roles, func(i, j int) bool { return c.Roles[i].Slug < c.Roles[j].Slug })
	fillNames(c)
	return c, nil
}

// DefaultCalibration returns the calibration shipped with the binary.
func DefaultCalibration() (*hirebase.Calibration, error) {
	var cal hirebase.Calibration
	if err := decodeFile("data/calibration.json", &cal); err != nil {
		return nil, err
	}
	return &cal, nil
}

// ApplyCalibration sets every tier's salary band from cal; a role or tier
// without a band is an error, so no page ever shows an empty range.
func ApplyCalibration(c *hirebase.Catalog, cal *hirebase.Calibration) error {
	for _, r := range c.Roles {
		for i := range r.Levels {
			b, ok := cal.Band(r.Slug, r.Levels[i].Key)
			if !ok {
				return fmt.Errorf("calibration %s has no band for %s/%s", cal.ID, r.Slug, r.Levels[i].Key)
			}
			r.Levels[i].Salary = b.Salary
		}
	}
	return nil
}

// fillNames completes related-role and skill-tag names from the catalog
// itself, so content files carry slugs only.
func fillNames(c *hirebase.Catalog) {
	roleNames := map[string]string{}
	for _, r := range c.Roles {
		roleNames[r.Slug] = r.Name
	}
	skillNames := map[string]string{}
	for _, s := range c.Skills {
		skillNames[s.Slug] = s.Name
	}
	for _, r := range c.Roles {
		for i := range r.Related {
			if n, ok := roleNames[r.Related[i].Slug]; ok {
				r.Related[i].Name = n
			}
		}
		for i := range r.SkillTags {
			if n, ok := skillNames[r.SkillTags[i].Slug]; ok {
				r.SkillTags[i].Name = n
			}
		}
	}
}

func decodeFile(name string, v any) error {
	b, err := files.ReadFile(name)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// Read decodes a catalog document, refusing unknown fields and anything past
// MaxDocumentSize, and validates it.
func Read(r io.Reader) (*hirebase.Catalog, error) {
	lr := &io.LimitedReader{R: r, N: MaxDocumentSize + 1}
	dec := json.NewDecoder(lr)
	dec.DisallowUnknownFields()
	var c hirebase.Catalog
	if err := dec.Decode(&c); err != nil {
		if lr.N <= 0 {
			return nil, hirebase.Errorf(hirebase.ETOOLARGE, "catalog document exceeds %d bytes", MaxDocumentSize)
		}
		return nil, hirebase.Errorf(hirebase.EINVALID, "catalog document: %v", err)
	}
	fillNames(&c)
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

// Write encodes c as an indented catalog document.
func Write(w io.Writer, c *hirebase.Catalog) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(c)
}
