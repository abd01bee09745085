package estimate

import (
	"errors"
	"math"
	"sort"
)

// sparseRow is one row of a design matrix: the columns it touches and their
// values. Survey rows name a handful of the model's columns each, so sparse
// rows keep a 200-resample bootstrap fast.
type sparseRow struct {
	Idx []int
	Val []float64
}

// ridgeProblem is a penalised least-squares fit:
//
//	minimise sum_i w_i (y_i - x_i.b)^2 + sum_j Penalty_j (b_j - Prior_j)^2
//	subject to b_j >= 0 where NonNeg_j.
//
// A penalty of k on a group column acts like k pseudo-rows at the prior,
// which is how small groups borrow strength; non-negativity is how a factor
// or a year of experience is kept from lowering pay.
type ridgeProblem struct {
	P       int
	X       []sparseRow
	Y       []float64
	Penalty []float64
	Prior   []float64
	NonNeg  []bool
}

// errSingular reports a fit whose equations have no unique solution; with
// every group penalised it means the data are empty or degenerate.
var errSingular = errors.New("model equations are singular")

// solve fits the problem with row weights w (nil means 1 each): bootstrap
// resamples are weights, so no rows are copied.
func (pr *ridgeProblem) solve(w []float64) ([]float64, error) {
	p := pr.P
	a := make([]float64, p*p)
	r := make([]float64, p)
	for i, row := range pr.X {
		wi := 1.0
		if w != nil {
			wi = w[i]
		}
		if wi == 0 {
			continue
		}
		for s, j := range row.Idx {
			v := wi * row.Val[s]
			r[j] += v * pr.Y[i]
			for t, k := range row.Idx {
				a[j*p+k] += v * row.Val[t]
			}
		}
	}
	for j := 0; j < p; j++ {
		a[j*p+j] += pr.Penalty[j] + 1e-9
		r[j] += pr.Penalty[j] * pr.Prior[j]
	}
	return activeSet(a, r, p, pr.NonNeg)
}

// activeSet minimises b'Ab/2 - r'b subject to the non-negativity flags, by
// the Lawson-Hanson strategy: drop the most negative constrained coefficient,
// re-solve, and bring back any fixed one whose gradient says it would rise.
func activeSet(a, r []float64, p int, nonneg []bool) ([]float64, error) {
	free := make([]bool, p)
	for j := range free {
		free[j] = true
	}
	var b []float64
	for iter := 0; iter < 4*p+10; iter++ {
		var err error
		b, err = solveSubset(a, r, p, free)
		if err != nil {
			return nil, err
		}
		worst, worstVal := -1, 0.0
		for j := 0; j < p; j++ {
			if free[j] && nonneg[j] && b[j] < worstVal {
				worst, worstVal = j, b[j]
			}
		}
		if worst >= 0 {
			free[worst] = false
			continue
		}
		best, bestGrad := -1, 1e-10
		for j := 0; j < p; j++ {
			if free[j] {
				continue
			}
			g := r[j]
			for k := 0; k < p; k++ {
				g -= a[j*p+k] * b[k]
			}
			if g > bestGrad {
				best, bestGrad = j, g
			}
		}
		if best < 0 {
			return b, nil
		}
		free[best] = true
	}
	return b, nil
}

// solveSubset solves the equations restricted to the free columns by
// Cholesky decomposition; fixed columns are zero.
func solveSubset(a, r []float64, p int, free []bool) ([]float64, error) {
	var cols []int
	for j := 0; j < p; j++ {
		if free[j] {
			cols = append(cols, j)
		}
	}
	m := len(cols)
	l := make([]float64, m*m)
	for i := 0; i < m; i++ {
		for j := 0; j <= i; j++ {
			s := a[cols[i]*p+cols[j]]
			for k := 0; k < j; k++ {
				s -= l[i*m+k] * l[j*m+k]
			}
			if i == j {
				if s <= 0 {
					return nil, errSingular
				}
				l[i*m+i] = math.Sqrt(s)
			} else {
				l[i*m+j] = s / l[j*m+j]
			}
		}
	}
	z := make([]float64, m)
	for i := 0; i < m; i++ {
		s := r[cols[i]]
		for k := 0; k < i; k++ {
			s -= l[i*m+k] * z[k]
		}
		z[i] = s / l[i*m+i]
	}
	x := make([]float64, m)
	for i := m - 1; i >= 0; i-- {
		s := z[i]
		for k := i + 1; k < m; k++ {
			s -= l[k*m+i] * x[k]
		}
		x[i] = s / l[i*m+i]
	}
	b := make([]float64, p)
	for i, j := range cols {
		b[j] = x[i]
	}
	return b, nil
}

// leverages returns each row's leverage under the fit b: x_i' A^-1 x_i over
// the columns the fit left free. A residual divided by (1 - leverage) is the
// residual the row would have had if it had been left out of the fit, which
// is what a new respondent sees.
func (pr *ridgeProblem) leverages(b []float64) ([]float64, error) {
	p := pr.P
	var cols []int
	pos := make([]int, p)
	for j := 0; j < p; j++ {
		pos[j] = -1
		if !pr.NonNeg[j] || b[j] > 0 {
			pos[j] = len(cols)
			cols = append(cols, j)
		}
	}
	m := len(cols)
	a := make([]float64, m*m)
	for _, row := range pr.X {
		for s, j := range row.Idx {
			if pos[j] < 0 {
				continue
			}
			for t, k := range row.Idx {
				if pos[k] >= 0 {
					a[pos[j]*m+pos[k]] += row.Val[s] * row.Val[t]
				}
			}
		}
	}
	for i, j := range cols {
		a[i*m+i] += pr.Penalty[j] + 1e-9
	}
	all := make([]bool, m)
	for i := range all {
		all[i] = true
	}
	h := make([]float64, len(pr.X))
	for i, row := range pr.X {
		r := make([]float64, m)
		for s, j := range row.Idx {
			if pos[j] >= 0 {
				r[pos[j]] = row.Val[s]
			}
		}
		z, err := solveSubset(a, r, m, all)
		if err != nil {
			return nil, err
		}
		for k := range z {
			h[i] += z[k] * r[k]
		}
	}
	return h, nil
}

// tierPenalty keeps the tier model's slope finite: in the survey, seniority
// is a function of years, so the tiers separate perfectly and an unpenalised
// logit's slope would grow without bound.
const tierPenalty = 1.0

// fitTier fits the cumulative logit of tier rank on completed years by
// Newton's method on (log slope, first cut, log gap to second cut), so the
// slope stays positive and the cuts ordered whatever the data.
func fitTier(years []float64, ranks []int) tierModel {
	// Aggregate by (completed years, rank): at most 51 x 3 cells.
	var counts [int(maxYears) + 1][3]float64
	for i, y := range years {
		x := int(math.Floor(math.Min(math.Max(y, 0), maxYears)))
		counts[x][ranks[i]]++
	}
	unpack := func(th [3]float64) (float64, float64, float64) {
		return math.Exp(th[0]), th[1], th[1] + math.Exp(th[2])
	}
	objective := func(th [3]float64) float64 {
		a, c1, c2 := unpack(th)
		ll := -tierPenalty * a * a
		for x := range counts {
			t := tierModel{Slope: a, Cuts: [2]float64{c1, c2}}
			p := t.probabilities(float64(x))
			for k := 0; k < 3; k++ {
				if counts[x][k] > 0 {
					ll += counts[x][k] * math.Log(math.Max(p[k], 1e-300))
				}
			}
		}
		return ll
	}
	th := [3]float64{0, 2.5, math.Log(3)}
	const h = 1e-4
	for iter := 0; iter < 100; iter++ {
		f0 := objective(th)
		var g [3]float64
		var hess [3][3]float64
		for i := 0; i < 3; i++ {
			up, dn := th, th
			up[i] += h
			dn[i] -= h
			fu, fd := objective(up), objective(dn)
			g[i] = (fu - fd) / (2 * h)
			hess[i][i] = (fu - 2*f0 + fd) / (h * h)
			for j := 0; j < i; j++ {
				pp, pm, mp, mm := th, th, th, th
				pp[i], pp[j] = pp[i]+h, pp[j]+h
				pm[i], pm[j] = pm[i]+h, pm[j]-h
				mp[i], mp[j] = mp[i]-h, mp[j]+h
				mm[i], mm[j] = mm[i]-h, mm[j]-h
				v := (objective(pp) - objective(pm) - objective(mp) + objective(mm)) / (4 * h * h)
				hess[i][j], hess[j][i] = v, v
			}
		}
		step, ok := newtonStep(hess, g)
		if !ok {
			step = g // gradient ascent when the Hessian is not negative definite
			for i := range step {
				step[i] *= 0.01
			}
		}
		improved := false
		for t := 1.0; t > 1e-6; t /= 2 {
			var next [3]float64
			for i := range th {
				next[i] = th[i] + t*step[i]
			}
			if objective(next) > f0 {
				th, improved = next, true
				break
			}
		}
		if !improved || math.Abs(g[0])+math.Abs(g[1])+math.Abs(g[2]) < 1e-8 {
			break
		}
	}
	a, c1, c2 := unpack(th)
	return tierModel{Slope: round(a, 4), Cuts: [2]float64{round(c1, 4), round(c2, 4)}}
}

// newtonStep solves H s = -g for a 3x3 negative-definite H.
func newtonStep(h [3][3]float64, g [3]float64) ([3]float64, bool) {
	a := make([]float64, 9)
	r := make([]float64, 3)
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			a[i*3+j] = -h[i][j]
		}
		r[i] = g[i]
	}
	s, err := solveSubset(a, r, 3, []bool{true, true, true})
	if err != nil {
		return [3]float64{}, false
	}
	return [3]float64{s[0], s[1], s[2]}, true
}

// quantile returns the q-th quantile of sorted values by linear
// interpolation between order statistics (Hyndman-Fan type 7, as R and
// NumPy default to).
func quantile(sorted []float64, q float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	h := float64(n-1) * q
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= n {
		return sorted[n-1]
	}
	return sorted[i] + (h-lo)*(sorted[i+1]-sorted[i])
}

// median returns the median of values without modifying them.
func median(values []float64) float64 {
	s := append([]float64(nil), values...)
	sort.Float64s(s)
	return quantile(s, 0.5)
}

// round rounds v to the given number of decimals. Stored parameters are
// rounded so the calibration's JSON stays byte-identical even where a
// platform fuses multiply-adds differently in the last bits.
func round(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	r := math.Round(v*p) / p
	if r == 0 {
		return 0 // never -0 in the JSON
	}
	return r
}

// rng is a SplitMix64 generator: tiny, fast and fully specified, so a
// bootstrap with a fixed seed resamples the same rows on every platform and
// Go version.
type rng struct{ state uint64 }

func (g *rng) next() uint64 {
	g.state += 0x9e3779b97f4a7c15
	z := g.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a uniform integer in [0, n) without modulo bias.
func (g *rng) intn(n int) int {
	limit := math.MaxUint64 - math.MaxUint64%uint64(n)
	for {
		if v := g.next(); v < limit {
			return int(v % uint64(n))
		}
	}
}
