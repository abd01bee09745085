package hirebase

import (
	"context"
	"time"
)

// Limit is a rate: Rate requests per Period, with bursts of up to Burst.
type Limit struct {
	Rate   int
	Period time.Duration
	Burst  int
}

// LimitDecision is the outcome of one rate-limited request.
type LimitDecision struct {
	Allowed bool
	// Remaining is how many more requests would be allowed right now.
	Remaining int
	// RetryAfter is how long to wait before a refused request could pass.
	RetryAfter time.Duration
	// ResetAfter is how long until the full burst is available again.
	ResetAfter time.Duration
}

// RateLimiter decides whether the request identified by key may proceed under
// limit. Implementations share state across replicas (Redis) or keep it in
// the process (one replica).
type RateLimiter interface {
	Allow(ctx context.Context, key string, limit Limit) (LimitDecision, error)
}
