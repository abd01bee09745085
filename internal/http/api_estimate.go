package http

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/hirebase/hirebase/internal/auth"
	"github.com/hirebase/hirebase/internal/catalogcache"
	"github.com/hirebase/hirebase/internal/estimate"
	"github.com/hirebase/hirebase/internal/hirebase"
)

// maxEstimateBody bounds an estimate request: five factors with evidence and
// fifty skills fit in a few kilobytes.
const maxEstimateBody = 16 << 10

// minTitleScore is the least resolution score at which a free-text role is
// taken as the catalog role it matched.
const minTitleScore = 0.5

func (s *Server) estimateRoutes() []route {
	return []route{
		s.limitRoute(route{"POST", "/api/v1/estimate", auth.ActionRolesRead, s.handleEstimate}, "estimate", s.cfg.EstimateLimit, s.clientIP),
		s.limitRoute(route{"GET", "/roles/{slug}/estimate", auth.ActionRolesRead, s.handleEstimatePage}, "estimate", s.cfg.EstimateLimit, s.clientIP),
	}
}

// EstimateRequest is the body of POST /api/v1/estimate. Role is a catalog
// slug or a free-text job title.
type EstimateRequest struct {
	Role            string                 `json:"role"`
	YearsExperience *float64               `json:"years_experience"`
	Factors         map[string]FactorInput `json:"factors"`
	Skills          []string               `json:"skills"`
	Country         string                 `json:"country"`
}

// FactorInput is one key factor: a boolean, or an object with the boolean
// and the evidence behind it.
type FactorInput struct {
	Present  bool   `json:"present"`
	Evidence string `json:"evidence,omitempty"`
}

// UnmarshalJSON accepts true/false or {"present": ..., "evidence": ...}.
func (f *FactorInput) UnmarshalJSON(b []byte) error {
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] != '{' {
		return json.Unmarshal(t, &f.Present)
	}
	type plain FactorInput
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var p plain
	if err := dec.Decode(&p); err != nil {
		return err
	}
	*f = FactorInput(p)
	return nil
}

// EstimateResponse is an estimate with the role it was made for, and how a
// free-text role was understood.
type EstimateResponse struct {
	*estimate.Result
	RoleName string      `json:"role_name"`
	Matched  *TitleMatch `json:"matched_title,omitempty"`
}

func (s *Server) handleEstimate(w http.ResponseWriter, r *http.Request) {
	req, err := decodeEstimate(w, r)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	res, err := s.estimate(s.deps.Catalog.Snapshot(), req)
	if err != nil {
		s.Error(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, res)
}

// estimate resolves the role, then asks the estimator.
func (s *Server) estimate(snap *catalogcache.Snapshot, req *EstimateRequest) (*EstimateResponse, error) {
	if strings.TrimSpace(req.Role) == "" {
		return nil, hirebase.Invalid("role", "is required: a catalog slug or a job title")
	}
	if len(req.Role) > hirebase.MaxQueryLen {
		return nil, hirebase.Invalid("role", fmt.Sprintf("must be at most %d characters", hirebase.MaxQueryLen))
	}
	if req.YearsExperience == nil {
		return nil, hirebase.Invalid("years_experience", "is required")
	}
	out := &EstimateResponse{}
	role, err := snap.Role(req.Role)
	if err != nil {
		res := s.resolveTitle(req.Role, 1)
		if len(res.Matches) == 0 || res.Matches[0].Score < minTitleScore {
			return nil, hirebase.Invalid("role", "is neither a catalog role nor a job title that matches one")
		}
		out.Matched = &res.Matches[0]
		if role, err = snap.Role(res.Matches[0].Role.Slug); err != nil {
			return nil, err
		}
	}
	in := estimate.Input{Role: role.Slug, YearsExperience: *req.YearsExperience, Skills: req.Skills, Country: req.Country}
	if len(req.Factors) > 0 {
		in.Factors = make(map[string]estimate.Factor, len(req.Factors))
		for k, f := range req.Factors {
			in.Factors[k] = estimate.Factor{Present: f.Present, Evidence: f.Evidence}
		}
	}
	res, err := snap.Estimator.Estimate(in)
	if err != nil {
		return nil, err
	}
	out.Result, out.RoleName = res, role.Name
	return out, nil
}

// decodeEstimate reads an estimate request of at most maxEstimateBody bytes.
func decodeEstimate(w http.ResponseWriter, r *http.Request) (*EstimateRequest, error) {
	var req EstimateRequest
	if err := decodeBody(w, r, maxEstimateBody, &req); err != nil {
		return nil, err
	}
	return &req, nil
}
