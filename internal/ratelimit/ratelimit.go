// Package ratelimit is an in-process rate limiter using the generic cell rate
// algorithm (GCRA), the same algorithm and semantics as the Redis limiter in
// package redis, so one replica without Redis behaves like many with it. It
// depends on the domain package only.
package ratelimit

import (
	"context"
	"sync"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// Memory keeps one theoretical arrival time per key.
type Memory struct {
	mu   sync.Mutex
	tat  map[string]time.Time
	now  func() time.Time
	seen int
}

var _ hirebase.RateLimiter = (*Memory)(nil)

// NewMemory returns an empty limiter.
func NewMemory() *Memory {
	return &Memory{tat: map[string]time.Time{}, now: time.Now}
}

// SetClock replaces the clock, for tests.
func (m *Memory) SetClock(now func() time.Time) { m.now = now }

// Allow applies GCRA: each request moves the key's theoretical arrival time
// (TAT) forward by one emission interval; a request is refused when the TAT
// would run more than the burst ahead of now.
func (m *Memory) Allow(_ context.Context, key string, l hirebase.Limit) (hirebase.LimitDecision, error) {
	interval := l.Period / time.Duration(max(l.Rate, 1))
	burst := max(l.Burst, 1)
	tolerance := interval * time.Duration(burst)

	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	m.prune(now)
	tat, ok := m.tat[key]
	if !ok || tat.Before(now) {
		tat = now
	}
	next := tat.Add(interval)
	if ahead := next.Sub(now); ahead > tolerance {
		return hirebase.LimitDecision{
			Allowed:    false,
			RetryAfter: ahead - tolerance,
			ResetAfter: tat.Sub(now),
		}, nil
	}
	m.tat[key] = next
	ahead := next.Sub(now)
	return hirebase.LimitDecision{
		Allowed:    true,
		Remaining:  int((tolerance - ahead) / interval),
		ResetAfter: ahead,
	}, nil
}

// prune drops keys whose TAT has passed, every so many calls, so the map
// holds only clients active within their last burst.
func (m *Memory) prune(now time.Time) {
	m.seen++
	if m.seen < 1024 {
		return
	}
	m.seen = 0
	for k, t := range m.tat {
		if t.Before(now) {
			delete(m.tat, k)
		}
	}
}
