// Package redis keeps state that stateless replicas must share in Redis: the
// API rate limits. It uses go-redis and redis_rate, whose GCRA script runs
// atomically inside Redis, so every replica draws on the same allowance. It
// depends on the domain package only.
package redis

import (
	"context"
	"fmt"
	"time"

	"github.com/go-redis/redis_rate/v10"
	goredis "github.com/redis/go-redis/v9"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// Client is an open Redis connection pool.
type Client struct {
	rdb *goredis.Client
}

// Open connects to the Redis server at url (redis://host:port/db) and checks
// it answers.
func Open(ctx context.Context, url string) (*Client, error) {
	opt, err := goredis.ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("open redis: %w", err)
	}
	rdb := goredis.NewClient(opt)
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := rdb.Ping(ctx).Err(); err != nil {
		rdb.Close()
		return nil, fmt.Errorf("open redis: %w", err)
	}
	return &Client{rdb: rdb}, nil
}

// Ping reports whether Redis answers.
func (c *Client) Ping(ctx context.Context) error { return c.rdb.Ping(ctx).Err() }

// Close closes the pool.
func (c *Client) Close() error { return c.rdb.Close() }

// RateLimiter is a hirebase.RateLimiter shared by every replica using the
// same Redis.
type RateLimiter struct {
	limiter *redis_rate.Limiter
	prefix  string
}

var _ hirebase.RateLimiter = (*RateLimiter)(nil)

// NewRateLimiter returns a limiter whose keys live under prefix, so several
// deployments may share one Redis.
func NewRateLimiter(c *Client, prefix string) *RateLimiter {
	return &RateLimiter{limiter: redis_rate.NewLimiter(c.rdb), prefix: prefix}
}

// Allow counts one request for key against limit.
func (l *RateLimiter) Allow(ctx context.Context, key string, limit hirebase.Limit) (hirebase.LimitDecision, error) {
	res, err := l.limiter.Allow(ctx, l.prefix+key, redis_rate.Limit{Rate: limit.Rate, Burst: max(limit.Burst, 1), Period: limit.Period})
	if err != nil {
		return hirebase.LimitDecision{}, fmt.Errorf("rate limit: %w", err)
	}
	d := hirebase.LimitDecision{Allowed: res.Allowed > 0, Remaining: res.Remaining, ResetAfter: res.ResetAfter}
	if !d.Allowed && res.RetryAfter > 0 {
		d.RetryAfter = res.RetryAfter
	}
	return d, nil
}
