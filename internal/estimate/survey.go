package estimate

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
)

// ARSPerUSD converts the survey's pesos to dollars: the official rate when the
// survey was published, the one its own summary uses (2,877,951 ARS = 2,171 USD).
const ARSPerUSD = 1326.0

// The outlier filter, in dollars a month and years of experience. The bounds
// are fixed rather than fitted so the same filter applies to any half of the
// survey: below 300 USD sits under the legal minimum wage for full-time work
// (a typo or a figure in thousands), above 20,000 USD are a handful of
// entries far beyond any published band.
const (
	minUSD   = 300.0
	maxUSD   = 20000.0
	maxYears = 50.0
)

// filterText states the filter for CalibrationSource and the README.
const filterText = "Full-Time respondents only; gross monthly salary between 300 and 20,000 USD " +
	"(ARS at 1,326/USD); 0 to 50 years of experience; role mapped to a catalog role " +
	"(drops Recruiter, Sales / Pre-Sales, Consultant, VP / C-Level, Designer, teaching and non-IT rows)"

// The survey columns the estimator reads.
const (
	colTimestamp  = "timestamp"
	colDedication = "dedicacion"
	colSalary     = "ultimo_salario_mensual_o_retiro_bruto_en_pesos_argentinos"
	colPaidUSD    = "pagos_en_dolares"
	colDollarized = "sueldo_dolarizado"
	colRole       = "trabajo_de"
	colSeniority  = "seniority"
	colYears      = "anos_de_experiencia"
	colReports    = "cuantas_personas_tenes_a_cargo"
	colPlatforms  = "plataformas_que_utilizas_en_tu_puesto_actual"
	colLanguages  = "lenguajes_de_programacion_o_tecnologias_que_utilices_en_tu_puesto_actual"
	colFrameworks = "frameworksherramientas_y_librerias_que_utilices_en_tu_puesto_actual"
	colDatabases  = "bases_de_datos"
	colQA         = "qa_testing"
)

var requiredColumns = []string{
	colDedication, colSalary, colPaidUSD, colDollarized, colRole, colSeniority,
	colYears, colReports, colPlatforms, colLanguages, colFrameworks, colDatabases, colQA,
}

// maxSurveyRows bounds what one calibration reads, so a wrong file fails
// instead of exhausting memory.
const maxSurveyRows = 500000

// respondent is one survey row, parsed but not yet filtered.
type respondent struct {
	Index      int // position among the file's data rows, for reproducible splits
	SurveyRole string
	Seniority  string
	FullTime   bool
	USD        float64 // NaN when the salary does not parse
	Years      float64 // NaN when the years do not parse
	PaidUSD    bool    // paid wholly or partly in dollars, or dollarized
	Reports    int
	Date       string // YYYY-MM-DD of the response, "" if unparsed
	Platforms  map[string]bool
	Tech       map[string]bool // languages, frameworks, databases and QA tools
	Role       string          // catalog role slug, "" when outside the catalog
}

// usable reports whether the row passes the outlier filter.
func (r *respondent) usable() bool {
	return r.FullTime && r.Role != "" &&
		r.USD >= minUSD && r.USD <= maxUSD &&
		r.Years >= 0 && r.Years <= maxYears
}

// factors returns the row's factor proxies in FactorKeys order.
func (r *respondent) factors() [numFactors]bool {
	return [numFactors]bool{
		r.PaidUSD,
		r.hasAny(cloudPlatforms),
		false, // security_performance: the survey asks nothing that stands for it
		r.Reports > 0,
		r.hasAny(devopsTools),
	}
}

// hasAny reports whether the row names any of the tokens among its platforms
// or technologies.
func (r *respondent) hasAny(tokens []string) bool {
	for _, t := range tokens {
		if r.Platforms[t] || r.Tech[t] {
			return true
		}
	}
	return false
}

// skills returns the row's technologies as catalog skill slugs, sorted and
// without the ones that stand for a factor.
func (r *respondent) skills() []string {
	seen := map[string]bool{}
	for _, set := range []map[string]bool{r.Platforms, r.Tech} {
		for t := range set {
			if s, ok := surveySkills[t]; ok {
				seen[s] = true
			}
		}
	}
	return sortedKeys(seen)
}

// The factor proxies, as lower-case survey tokens. Large-scale cloud is the
// big public clouds and cluster platforms; DevOps automation is containers,
// infrastructure as code and CI servers, from platforms or tools.
var (
	cloudPlatforms = []string{"amazon web services", "azure", "google cloud platform", "kubernetes",
		"openshift", "ibm cloud / watson", "serverless"}
	devopsTools = []string{"docker", "kubernetes", "openshift", "terraform", "ansible", "jenkins",
		"gitlab", "github actions", "argocd", "helm"}
)

// readSurvey parses the survey CSV; it fails only on a malformed file or a
// missing column, never on a noisy row, which the filter drops instead.
func readSurvey(r io.Reader) ([]*respondent, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("read survey header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")] = i
	}
	for _, c := range requiredColumns {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("survey has no column %q", c)
		}
	}
	var rows []*respondent
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("read survey: %w", err)
		}
		if len(rows) >= maxSurveyRows {
			return nil, fmt.Errorf("survey has more than %d rows", maxSurveyRows)
		}
		get := func(c string) string {
			if i, ok := col[c]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		ars := parseNumber(get(colSalary))
		row := &respondent{
			Index:      len(rows),
			SurveyRole: get(colRole),
			Seniority:  get(colSeniority),
			FullTime:   strings.EqualFold(get(colDedication), "Full-Time"),
			USD:        ars / ARSPerUSD,
			Years:      parseNumber(get(colYears)),
			PaidUSD:    get(colPaidUSD) != "" || strings.EqualFold(get(colDollarized), "true"),
			Date:       parseDate(get(colTimestamp)),
			Platforms:  tokens(get(colPlatforms)),
			Tech:       tokens(get(colLanguages), get(colFrameworks), get(colDatabases), get(colQA)),
		}
		if n := parseNumber(get(colReports)); n > 0 && n < 1e6 {
			row.Reports = int(n)
		}
		row.Role = classify(row)
		rows = append(rows, row)
	}
	return rows, nil
}

// parseNumber reads a survey number ("3218866.0", "5"); anything else is NaN.
func parseNumber(s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) {
		return math.NaN()
	}
	return v
}

// parseDate reads the survey's month/day/year timestamps.
func parseDate(s string) string {
	day, _, _ := strings.Cut(s, " ")
	t, err := time.Parse("1/2/2006", day)
	if err != nil {
		return ""
	}
	return t.Format("2006-01-02")
}

// tokens splits the survey's comma-separated multiple choices into a set of
// lower-case entries, dropping the "none of the above" answers.
func tokens(cells ...string) map[string]bool {
	set := map[string]bool{}
	for _, c := range cells {
		for _, t := range strings.Split(c, ",") {
			t = strings.ToLower(strings.Join(strings.Fields(t), " "))
			if t == "" || strings.HasPrefix(t, "ningun") {
				continue
			}
			set[t] = true
		}
	}
	return set
}
