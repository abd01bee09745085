package http

import (
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/hirebase/hirebase/internal/estimate"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// estimateForm is the estimator form as submitted, echoed back into the page.
type estimateForm struct {
	Years   string
	Factors map[string]bool
	Skills  string
	Country string
}

// estimateView is an estimate laid out for the role page.
type estimateView struct {
	Result        *estimate.Result
	TierName      string
	Probabilities []tierProbability
	Contributions []contributionView
	Chart         template.HTML
}

type tierProbability struct {
	Name    string
	Percent int
}

type contributionView struct {
	Name    string
	Percent float64
	Note    string
}

// handleEstimatePage renders the role page with the estimator's answer for
// the submitted form, so the estimator works without JavaScript.
func (s *Server) handleEstimatePage(w http.ResponseWriter, r *http.Request) {
	snap := s.deps.Catalog.Snapshot()
	role, err := snap.Role(r.PathValue("slug"))
	if err != nil {
		s.Error(w, r, err)
		return
	}
	v, err := query(r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	form := estimateForm{Years: v.Get("years"), Skills: v.Get("skills"), Country: v.Get("country"), Factors: map[string]bool{}}
	for _, k := range v["factor"] {
		form.Factors[k] = true
	}
	data := roleData{Canonical: s.canonical("/roles/" + role.Slug), Role: role, Form: form}
	status := http.StatusOK
	if view, err := s.estimateFromForm(snap.Estimator, role, form); err != nil {
		if hirebase.ErrorCode(err) != hirebase.EINVALID {
			s.Error(w, r, err)
			return
		}
		status = http.StatusBadRequest
		data.FormErrors = hirebase.ErrorFields(err)
	} else {
		data.Estimate = view
	}
	e, err := s.renderRoleData(role, data)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", e.contentType)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(e.body)
}

func (s *Server) estimateFromForm(est *estimate.Estimator, role *hirebase.Role, form estimateForm) (*estimateView, error) {
	years, err := strconv.ParseFloat(strings.TrimSpace(form.Years), 64)
	if err != nil {
		return nil, hirebase.Invalid("years", "must be a number of years, such as 4 or 2.5")
	}
	in := estimate.Input{Role: role.Slug, YearsExperience: years, Country: strings.ToUpper(strings.TrimSpace(form.Country)),
		Factors: map[string]estimate.Factor{}}
	for k := range form.Factors {
		in.Factors[k] = estimate.Factor{Present: true}
	}
	for _, sk := range strings.Split(form.Skills, ",") {
		if sk = strings.TrimSpace(sk); sk != "" {
			in.Skills = append(in.Skills, sk)
		}
	}
	res, err := est.Estimate(in)
	if err != nil {
		return nil, err
	}
	view := &estimateView{Result: res, TierName: levelName(res.Tier.Key), Chart: salaryChart(res.Salary)}
	for _, k := range hirebase.LevelKeys {
		view.Probabilities = append(view.Probabilities, tierProbability{levelName(k), int(res.Tier.Probabilities[k]*100 + 0.5)})
	}
	names := map[string]string{}
	for _, f := range role.KeyFactors {
		names[f.Key] = f.Name
	}
	for _, c := range res.Contributions {
		name := names[c.Factor]
		if name == "" {
			name = c.Factor
		}
		view.Contributions = append(view.Contributions, contributionView{name, c.Percent, c.Note})
	}
	return view, nil
}

// salaryChart draws the pay distribution as a horizontal box plot: whiskers
// from p10 to p90, a box from p25 to p75 and a mark at the median. Only
// numbers and fixed words go into the markup.
func salaryChart(sal estimate.Salary) template.HTML {
	const w, h, left, right = 600, 110, 30, 30
	lo, hi := float64(sal.P10)*0.9, float64(sal.P90)*1.05
	if hi <= lo {
		hi = lo + 1
	}
	x := func(v int) float64 { return left + (float64(v)-lo)/(hi-lo)*(w-left-right) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-labelledby="chart-title">`, w, h)
	fmt.Fprintf(&b, `<title id="chart-title">Estimated monthly salary: 10th percentile %s, median %s, 90th percentile %s</title>`,
		money(sal.P10), money(sal.P50), money(sal.P90))
	fmt.Fprintf(&b, `<line x1="%.1f" y1="45" x2="%.1f" y2="45" stroke="#55606e" stroke-width="2"/>`, x(sal.P10), x(sal.P90))
	for _, v := range []int{sal.P10, sal.P90} {
		fmt.Fprintf(&b, `<line x1="%.1f" y1="33" x2="%.1f" y2="57" stroke="#55606e" stroke-width="2"/>`, x(v), x(v))
	}
	fmt.Fprintf(&b, `<rect x="%.1f" y="28" width="%.1f" height="34" fill="#cfe0f3" stroke="#0b5cad" stroke-width="2"/>`,
		x(sal.P25), x(sal.P75)-x(sal.P25))
	fmt.Fprintf(&b, `<line x1="%.1f" y1="24" x2="%.1f" y2="66" stroke="#0b5cad" stroke-width="4"/>`, x(sal.P50), x(sal.P50))
	label := func(v int, y int, name string) {
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" font-size="12" text-anchor="middle" fill="#1c1e21">%s %s</text>`, x(v), y, name, money(v))
	}
	label(sal.P10, 88, "p10")
	label(sal.P50, 16, "median")
	label(sal.P90, 88, "p90")
	label(sal.P25, 104, "p25")
	label(sal.P75, 104, "p75")
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
