package hirebase

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// LevelKey names a seniority tier.
type LevelKey string

// The three seniority tiers, in ascending order.
const (
	Junior LevelKey = "junior"
	Mid    LevelKey = "mid"
	Senior LevelKey = "senior"
)

// LevelKeys lists the tiers in ascending order of seniority.
var LevelKeys = []LevelKey{Junior, Mid, Senior}

// Valid reports whether k is one of the three tiers.
func (k LevelKey) Valid() bool {
	return k == Junior || k == Mid || k == Senior
}

// Rank orders tiers: junior 0, mid 1, senior 2, anything else -1.
func (k LevelKey) Rank() int {
	for i, l := range LevelKeys {
		if l == k {
			return i
		}
	}
	return -1
}

// The five key factors that move salary and seniority. Every role words them
// in its own terms, but the estimator knows them by these keys.
const (
	FactorUSCompanies         = "us_companies"
	FactorLargeScaleCloud     = "large_scale_cloud"
	FactorSecurityPerformance = "security_performance"
	FactorLeadership          = "leadership"
	FactorDevOpsAutomation    = "devops_automation"
)

// FactorKeys lists the key factors in the order the seed page gives them.
var FactorKeys = []string{
	FactorUSCompanies,
	FactorLargeScaleCloud,
	FactorSecurityPerformance,
	FactorLeadership,
	FactorDevOpsAutomation,
}

// Role is a catalog role: what the job is, what each seniority tier does and
// costs, what moves pay and seniority, what else it is called and what else
// may suit a client.
type Role struct {
	Slug             string           `json:"slug"`
	Name             string           `json:"name"`
	Summary          string           `json:"summary"`
	Levels           []Level          `json:"levels"`
	KeyFactors       []KeyFactor      `json:"key_factors"`
	AlternativeNames []AlternateName  `json:"alternative_names"`
	Related          []RelatedRole    `json:"related"`
	Occupations      []OccupationCode `json:"occupations"`
	// SkillTags are the normalised skills the role works with, by skill slug.
	SkillTags []SkillRef `json:"skill_tags"`
}

// Level is one seniority tier of a role.
type Level struct {
	Key LevelKey `json:"key"`
	// Experience is the one-line summary of who sits at this tier.
	Experience       string     `json:"experience"`
	Years            YearsRange `json:"years"`
	Salary           SalaryBand `json:"salary"`
	Responsibilities []string   `json:"responsibilities"`
	Autonomy         string     `json:"autonomy"`
	// Skills are the "Tools & Skills" bullets, as written.
	Skills   []string `json:"skills"`
	IdealFor string   `json:"ideal_for"`
}

// YearsRange is a span of professional experience in years; a nil Max means
// "and more".
type YearsRange struct {
	Min int  `json:"min"`
	Max *int `json:"max"`
}

// SalaryBand is a tier's pay range: monthly gross in a currency, with the
// data it was derived from.
type SalaryBand struct {
	Min      int    `json:"min"`
	Max      int    `json:"max"`
	Currency string `json:"currency"`
	Period   string `json:"period"`
	Source   string `json:"source"`
}

// KeyFactor is a factor that moves a role's salary and seniority, worded for
// the role; Key is one of FactorKeys.
type KeyFactor struct {
	Key  string `json:"key"`
	Name string `json:"name"`
}

// AlternateName is another name the role goes by; Lang is a BCP 47 tag
// ("en", "es", "pt").
type AlternateName struct {
	Name string `json:"name"`
	Lang string `json:"lang"`
}

// RelatedRole points to another catalog role that may suit the same need.
type RelatedRole struct {
	Slug   string `json:"slug"`
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// OccupationCode is an O*NET-SOC occupation that fits the role.
type OccupationCode struct {
	Code  string `json:"code"`
	Title string `json:"title"`
}

// SkillRef is a short reference to a normalised skill.
type SkillRef struct {
	Slug string `json:"slug"`
	Name string `json:"name"`
}

// Level returns the tier with the given key, or nil.
func (r *Role) Level(k LevelKey) *Level {
	for i := range r.Levels {
		if r.Levels[i].Key == k {
			return &r.Levels[i]
		}
	}
	return nil
}

// RoleSummary is a role as listed in the catalog index.
type RoleSummary struct {
	Slug    string        `json:"slug"`
	Name    string        `json:"name"`
	Summary string        `json:"summary"`
	Salary  []LevelSalary `json:"salary"`
}

// LevelSalary is one tier's band, for listings.
type LevelSalary struct {
	Key    LevelKey   `json:"key"`
	Salary SalaryBand `json:"salary"`
}

// Summarize returns the listing form of r.
func (r *Role) Summarize() RoleSummary {
	s := RoleSummary{Slug: r.Slug, Name: r.Name, Summary: r.Summary}
	for _, l := range r.Levels {
		s.Salary = append(s.Salary, LevelSalary{Key: l.Key, Salary: l.Salary})
	}
	return s
}

// Limits on catalog text, so a single role can never be unbounded.
const (
	MaxSlugLen     = 64
	MaxNameLen     = 120
	MaxTextLen     = 2000
	MaxListItems   = 50
	MaxQueryLen    = 200
	MaxPageLimit   = 100
	DefaultPageLen = 20
)

var slugRE = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// ValidSlug reports whether s is a well-formed slug.
func ValidSlug(s string) bool {
	return len(s) <= MaxSlugLen && slugRE.MatchString(s)
}

// Validate checks the role's structure: required text present and bounded,
// exactly the three tiers in order, bands rising with seniority. It does not
// check that related roles exist; the store does that.
func (r *Role) Validate() error {
	var fs []FieldError
	add := func(field, reason string) { fs = append(fs, FieldError{Field: field, Reason: reason}) }
	text := func(field, v string, max int) {
		switch {
		case strings.TrimSpace(v) == "":
			add(field, "is required")
		case !utf8.ValidString(v):
			add(field, "must be valid UTF-8")
		case utf8.RuneCountInString(v) > max:
			add(field, fmt.Sprintf("must be at most %d characters", max))
		}
	}
	list := func(field string, vs []string) {
		if len(vs) == 0 {
			add(field, "must not be empty")
		}
		if len(vs) > MaxListItems {
			add(field, fmt.Sprintf("must have at most %d items", MaxListItems))
		}
		for i, v := range vs {
			text(fmt.Sprintf("%s[%d]", field, i), v, MaxTextLen)
		}
	}

	if !ValidSlug(r.Slug) {
		add("slug", "must be lowercase words joined by hyphens")
	}
	text("name", r.Name, MaxNameLen)
	text("summary", r.Summary, MaxTextLen)
	if len(r.Levels) != len(LevelKeys) {
		add("levels", "must have exactly junior, mid and senior")
	}
	for i := range r.Levels {
		l := &r.Levels[i]
		p := fmt.Sprintf("levels[%d]", i)
		if i < len(LevelKeys) && l.Key != LevelKeys[i] {
			add(p+".key", fmt.Sprintf("must be %q", LevelKeys[i]))
		}
		text(p+".experience", l.Experience, MaxTextLen)
		text(p+".autonomy", l.Autonomy, MaxTextLen)
		text(p+".ideal_for", l.IdealFor, MaxTextLen)
		list(p+".responsibilities", l.Responsibilities)
		list(p+".skills", l.Skills)
		if l.Years.Min < 0 || (l.Years.Max != nil && *l.Years.Max < l.Years.Min) {
			add(p+".years", "must be a range of non-negative years")
		}
		if err := l.Salary.validate(); err != "" {
			add(p+".salary", err)
		}
		if i > 0 && i <= len(r.Levels) {
			prev := r.Levels[i-1].Salary
			if l.Salary.Min < prev.Min || l.Salary.Max <= prev.Max {
				add(p+".salary", "must rise above the tier below")
			}
		}
	}
	if len(r.KeyFactors) == 0 {
		add("key_factors", "must not be empty")
	}
	for i, f := range r.KeyFactors {
		if !ValidFactor(f.Key) {
			add(fmt.Sprintf("key_factors[%d].key", i), "must be one of "+strings.Join(FactorKeys, ", "))
		}
		text(fmt.Sprintf("key_factors[%d].name", i), f.Name, MaxNameLen)
	}
	for i, a := range r.AlternativeNames {
		text(fmt.Sprintf("alternative_names[%d].name", i), a.Name, MaxNameLen)
		if a.Lang != "en" && a.Lang != "es" && a.Lang != "pt" {
			add(fmt.Sprintf("alternative_names[%d].lang", i), "must be en, es or pt")
		}
	}
	for i, rel := range r.Related {
		if !ValidSlug(rel.Slug) || rel.Slug == r.Slug {
			add(fmt.Sprintf("related[%d].slug", i), "must be another role's slug")
		}
		text(fmt.Sprintf("related[%d].reason", i), rel.Reason, MaxTextLen)
	}
	for i, s := range r.SkillTags {
		if !ValidSlug(s.Slug) {
			add(fmt.Sprintf("skill_tags[%d].slug", i), "must be a skill slug")
		}
	}
	if len(fs) > 0 {
		return &Error{Code: EINVALID, Message: "The role is invalid.", Fields: fs}
	}
	return nil
}

func (b SalaryBand) validate() string {
	switch {
	case b.Min <= 0 || b.Max <= 0:
		return "min and max must be positive"
	case b.Min >= b.Max:
		return "min must be below max"
	case b.Currency != "USD":
		return "currency must be USD"
	case b.Period != "month":
		return "period must be month"
	case strings.TrimSpace(b.Source) == "":
		return "source is required"
	}
	return ""
}

// ValidFactor reports whether key is one of the five key factors.
func ValidFactor(key string) bool {
	for _, k := range FactorKeys {
		if k == key {
			return true
		}
	}
	return false
}

// RoleFilter selects roles for listing. Cursor is the opaque position after
// which the page starts.
type RoleFilter struct {
	Q     string // free text over name, alternative names and summary
	Skill string // skill slug or alias
	After string // slug of the last role on the previous page
	Limit int
}

// RoleStore persists the catalog.
type RoleStore interface {
	// FindRoleBySlug returns the whole role or an ENOTFOUND error.
	FindRoleBySlug(ctx context.Context, slug string) (*Role, error)
	// FindRoles returns up to f.Limit roles ordered by slug after f.After,
	// and whether more follow.
	FindRoles(ctx context.Context, f RoleFilter) (roles []*Role, more bool, err error)
	// ListRoles returns every role, ordered by slug.
	ListRoles(ctx context.Context) ([]*Role, error)
	// PutRole creates or replaces a role; related slugs must exist.
	PutRole(ctx context.Context, r *Role) (created bool, err error)
	// CreateRole creates a role, or answers ECONFLICT if its slug exists;
	// the check and the write are one transaction.
	CreateRole(ctx context.Context, r *Role) error
	// DeleteRole removes a role and every relation pointing to it.
	DeleteRole(ctx context.Context, slug string) error
	// ImportCatalog creates or replaces the catalog's skills and roles in one
	// transaction; roles and skills not in c are left alone. Importing the
	// same catalog twice changes nothing the second time.
	ImportCatalog(ctx context.Context, c *Catalog) (ImportResult, error)
	// FindSkills returns skills whose name or alias starts with, or contains,
	// q, best first.
	FindSkills(ctx context.Context, q string, limit int) ([]*Skill, error)
	// ListSkills returns every skill, ordered by slug.
	ListSkills(ctx context.Context) ([]*Skill, error)
	// CatalogRevision is a number that changes whenever the catalog does, for
	// caches in every replica to notice.
	CatalogRevision(ctx context.Context) (int64, error)
}

// ImportResult counts what an import changed.
type ImportResult struct {
	RolesCreated    int `json:"roles_created"`
	RolesUpdated    int `json:"roles_updated"`
	RolesUnchanged  int `json:"roles_unchanged"`
	SkillsCreated   int `json:"skills_created"`
	SkillsUpdated   int `json:"skills_updated"`
	SkillsUnchanged int `json:"skills_unchanged"`
}

// Fingerprint is a stable hash of the role's content, for change detection
// on import and for HTTP validators.
func (r *Role) Fingerprint() string {
	b, err := json.Marshal(r)
	if err != nil {
		// A Role holds only strings, numbers and slices: it always encodes.
		panic(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}
