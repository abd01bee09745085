package redis_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/redis"
)

// open connects to the server in HIREBASE_TEST_REDIS_URL or skips.
func open(t *testing.T) *redis.Client {
	t.Helper()
	url := os.Getenv("HIREBASE_TEST_REDIS_URL")
	if url == "" {
		t.Skip("set HIREBASE_TEST_REDIS_URL (e.g. redis://127.0.0.1:6379/0) to run the Redis tests")
	}
	c, err := redis.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// TestRateLimiterShared checks that two limiters on one Redis, like two
// replicas, draw on one allowance.
func TestRateLimiterShared(t *testing.T) {
	c := open(t)
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	prefix := "hirebase-test-" + hex.EncodeToString(b) + ":"
	a, other := redis.NewRateLimiter(c, prefix), redis.NewRateLimiter(c, prefix)
	l := hirebase.Limit{Rate: 3, Period: time.Minute, Burst: 3}
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		lim := a
		if i%2 == 1 {
			lim = other
		}
		d, err := lim.Allow(ctx, "client", l)
		if err != nil || !d.Allowed {
			t.Fatalf("request %d refused: %+v %v", i, d, err)
		}
		if d.Remaining != 2-i {
			t.Errorf("request %d: remaining %d, want %d", i, d.Remaining, 2-i)
		}
	}
	d, err := other.Allow(ctx, "client", l)
	if err != nil {
		t.Fatal(err)
	}
	if d.Allowed || d.RetryAfter <= 0 || d.RetryAfter > 20*time.Second {
		t.Fatalf("fourth request: %+v, want refused with a retry-after of at most one interval", d)
	}
	if d, _ := a.Allow(ctx, "another-client", l); !d.Allowed {
		t.Error("clients share an allowance")
	}
}
