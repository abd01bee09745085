package estimate

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// Inputs are the files a calibration is fitted on.
type Inputs struct {
	// Survey is the sysarmy/openqube salary survey CSV; required.
	Survey io.Reader
	// SurveyEdition labels the survey ("2025.02"); empty derives it from the
	// newest response: the year, then .01 for January to May, .02 from June.
	SurveyEdition string
	// Postings is the Djinni postings TSV; optional, a cross-check only.
	Postings io.Reader
	// PostingsAsOf is the date the postings were collected, which the file
	// does not carry; empty means DefaultPostingsAsOf.
	PostingsAsOf string
	// BLS is an OEWS wage table; nil means the embedded May 2024 table.
	BLS io.Reader
}

// DefaultPostingsAsOf is the collection date of the Djinni postings the
// project calibrates with.
const DefaultPostingsAsOf = "2026-02-15"

// maxInputSize bounds each input file.
const maxInputSize = 64 << 20

// minUsableRows is the fewest filtered survey rows worth fitting.
const minUsableRows = 20

// The fit's fixed choices. They are stated, not tuned to rows: a group
// penalty of 10 pseudo-rows lets a role with 100 rows keep 91% of its own
// level and one with 5 rows a third; skills are weaker evidence and get 50;
// bands blend a role's own tier quantiles with the all-roles ones at 20
// pseudo-rows.
const (
	groupPenalty       = 10.0
	skillPenalty       = 50.0
	skillMinRows       = 30
	bandPenalty        = 20.0
	transferMinRows    = 30
	bootstrapResamples = 200
	bootstrapSeed      = 20250802
	intervalLevel      = 0.95
	confidenceHigh     = 100
	confidenceMedium   = 30
)

// expKnots are the experience curve's knots in years: the tier thresholds
// (3 and 6) and the spans where survey pay flattens.
var expKnots = []float64{0, 3, 6, 10, 15, 25, 50}

// measurable lists the FactorKeys indexes the survey has a proxy for;
// security_performance (index 2) has none.
var measurable = []int{0, 1, 3, 4}

// Calibrate fits salary bands for every catalog role and tier and the
// estimator's parameters to the survey (plus, optionally, postings as a
// cross-check and a BLS table as the prior for thin roles). The same files
// always give byte-identical JSON: no clock, no map order, fixed seeds.
func Calibrate(in Inputs) (*hirebase.Calibration, error) {
	if in.Survey == nil {
		return nil, hirebase.Invalid("survey", "is required")
	}
	sum := sha256.New()
	surveyData, err := readInput(in.Survey, sum)
	if err != nil {
		return nil, fmt.Errorf("calibrate: survey: %w", err)
	}
	blsData := blsCSV
	if in.BLS != nil {
		if blsData, err = readInput(in.BLS, sum); err != nil {
			return nil, fmt.Errorf("calibrate: bls: %w", err)
		}
	} else {
		sum.Write(blsData)
	}
	var postingsData []byte
	if in.Postings != nil {
		if postingsData, err = readInput(in.Postings, sum); err != nil {
			return nil, fmt.Errorf("calibrate: postings: %w", err)
		}
	}

	all, err := readSurvey(bytes.NewReader(surveyData))
	if err != nil {
		return nil, fmt.Errorf("calibrate: %w", err)
	}
	var rows []*respondent
	newest := ""
	for _, r := range all {
		if r.Date > newest {
			newest = r.Date
		}
		if r.usable() {
			rows = append(rows, r)
		}
	}
	if len(rows) < minUsableRows {
		return nil, hirebase.Errorf(hirebase.EINVALID, "survey has %d usable rows, need at least %d", len(rows), minUsableRows)
	}
	bls, err := readBLS(bytes.NewReader(blsData))
	if err != nil {
		return nil, fmt.Errorf("calibrate: %w", err)
	}
	edition := in.SurveyEdition
	if edition == "" {
		edition = editionOf(newest)
	}

	m, err := fitModel(rows, bls)
	if err != nil {
		return nil, fmt.Errorf("calibrate: %w", err)
	}
	m.DataAsOf = newest
	m.Source = fmt.Sprintf("sysarmy/openqube Argentina salary survey %s (%s full-time IT respondents, ARS at 1,326/USD), "+
		"log-salary model by role, years of experience and key factors", edition, thousands(len(rows)))
	bands := fitBands(rows, m, edition)

	sources := []hirebase.CalibrationSource{{
		Name:     "sysarmy/openqube Argentina salary survey " + edition,
		Citation: "sysarmy / openqube, Encuesta de remuneración salarial Argentina " + edition + ", published as open data; rows used for fitting only, not shipped",
		AsOf:     newest,
		Rows:     len(all),
		Used:     len(rows),
		Filter:   filterText,
	}, {
		Name:     "BLS OEWS May 2024",
		Citation: "US Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2024 national estimates (public domain)",
		AsOf:     blsAsOf,
		Rows:     bls.Rows,
		Used:     len(usedSOCs(bls)),
		Filter:   "annual median wage of the occupations the role map names, relative to software developers (15-1252)",
	}}
	asOf := newest
	id := "sysarmy-" + edition
	if postingsData != nil {
		date := in.PostingsAsOf
		if date == "" {
			date = DefaultPostingsAsOf
		}
		check, total, used, err := checkPostings(bytes.NewReader(postingsData), m)
		if err != nil {
			return nil, fmt.Errorf("calibrate: postings: %w", err)
		}
		m.Postings = check
		sources = append(sources, hirebase.CalibrationSource{
			Name:     "Djinni job postings " + date,
			Citation: "Djinni job board (remote and Eastern European market), postings collected " + date + "; a cross-check of the model, never fitted and never shipped",
			AsOf:     date,
			Rows:     total,
			Used:     used,
			Filter:   "postings with a monthly USD salary, a stated experience requirement and a category that maps to a catalog role",
		})
		id += "+djinni-" + date
		if date > asOf {
			asOf = date
		}
	}
	m.Notes = modelNotes(m, all, rows, edition)

	raw, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("calibrate: encode model: %w", err)
	}
	return &hirebase.Calibration{
		ID:      id + "+" + hex.EncodeToString(sum.Sum(nil))[:8],
		AsOf:    asOf,
		Sources: sources,
		Bands:   bands,
		Model:   raw,
	}, nil
}

// Encode writes a calibration as the indented JSON the repository ships, so
// a recalibration can be compared with the shipped file byte for byte.
func Encode(w io.Writer, cal *hirebase.Calibration) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(cal)
}

// readInput reads one input whole, bounded, adding it to the data hash that
// names the calibration.
func readInput(r io.Reader, sum io.Writer) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxInputSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxInputSize {
		return nil, hirebase.Errorf(hirebase.ETOOLARGE, "input exceeds %d bytes", maxInputSize)
	}
	sum.Write(b)
	return b, nil
}

// editionOf labels a survey by its newest response: sysarmy runs two
// editions a year, the second fielded from June.
func editionOf(date string) string {
	if len(date) < 7 {
		return "unknown"
	}
	if date[5:7] <= "05" {
		return date[:4] + ".01"
	}
	return date[:4] + ".02"
}

// usedSOCs lists the occupations of the role map present in the table.
func usedSOCs(bls *blsTable) []string {
	set := map[string]bool{}
	for _, s := range roleSpecs {
		if _, ok := bls.Median[s.SOC]; ok {
			set[s.SOC] = true
		}
	}
	return sortedKeys(set)
}

// modelNotes explains the fit in sentences for the README and the API.
func modelNotes(m *model, all, rows []*respondent, edition string) []string {
	partTime, salary, years, role := 0, 0, 0, 0
	for _, r := range all {
		switch {
		case !r.FullTime:
			partTime++
		case r.Role == "":
			role++
		case !(r.USD >= minUSD && r.USD <= maxUSD):
			salary++
		case !(r.Years >= 0 && r.Years <= maxYears):
			years++
		}
	}
	notes := []string{
		fmt.Sprintf("Salaries are the sysarmy/openqube %s survey's monthly gross pesos converted at 1,326 ARS per USD, the official rate the survey's own summary uses.", edition),
		fmt.Sprintf("Filter: of %d rows, %d part-time, %d outside the catalog's roles, %d with a salary outside 300-20,000 USD and %d with years outside 0-50 were dropped, leaving %d.",
			len(all), partTime, role, salary, years, len(rows)),
		"Factor proxies: us_companies = paid wholly or partly in US dollars, or dollarized; large_scale_cloud = uses AWS, Azure, GCP, Kubernetes, OpenShift, IBM Cloud or serverless; leadership = manages at least one person; devops_automation = uses Docker, Kubernetes, OpenShift, Terraform, Ansible, Jenkins, GitLab, GitHub Actions, Argo CD or Helm.",
		"security_performance has no proxy in the survey: its effect is reported as not measurable and never moves an estimate.",
		"Factor effects are constrained to be non-negative and the experience curve to be non-decreasing, so turning a factor on or adding years never lowers an estimate.",
		fmt.Sprintf("Role levels are ridge-shrunk (%g pseudo-rows) toward a prior of the survey's average level plus %.2f x the BLS OEWS May 2024 log median-wage ratio of the role's occupation to software developers; that transfer coefficient is fitted across roles with %d+ rows.",
			groupPenalty, m.Fit.BLSTransfer, transferMinRows),
		fmt.Sprintf("Skills: effects of the %d skills named by %d+ respondents, ridge-shrunk (%g pseudo-rows), either sign; cloud, container and automation tools count through the factors instead. When no skill with a fitted effect is stated, the role's average skill mix is assumed.",
			len(m.Skills), skillMinRows, skillPenalty),
		"Developer rows are split by the stacks they name (niche platforms first, then mobile, WordPress, front-end and back-end frameworks); SysAdmin / DevOps / SRE rows by container and automation tools; Manager / Director rows by whether they manage people; QA rows by test-automation tools; Data Scientist rows by TensorFlow or PyTorch. Each role's 'who' says whose rows stand for it.",
		fmt.Sprintf("Factor intervals are %d-resample bootstrap percentile intervals (seed %d) at %.0f%%.", bootstrapResamples, bootstrapSeed, intervalLevel*100),
		"Tier probabilities come from completed years only: the survey derives seniority from years (Junior under 3, Semi-Senior 3-5, Senior 6+), so factors cannot be shown to move the tier and are left out of that model.",
		fmt.Sprintf("Confidence is high with %d+ survey rows behind the role and tier, medium with %d+, low below; a role that borrows another's rows is at most medium.", confidenceHigh, confidenceMedium),
		"The data are Argentine; estimates for other countries are not adjusted.",
	}
	for _, f := range m.Factors {
		if f.Measurable && f.Unconstrained < 0 {
			notes = append(notes, fmt.Sprintf("The data wanted a negative effect for %s (%.1f%% unconstrained); it is held at 0.", f.Key, f.Unconstrained))
		}
	}
	if m.Postings != nil {
		notes = append(notes, m.Postings.Note)
	}
	return notes
}

// thousands formats n with comma separators, as the README and band sources
// write counts.
func thousands(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// sortedKeys returns a set's keys in order.
func sortedKeys(set map[string]bool) []string {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
