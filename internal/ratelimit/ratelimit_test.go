package ratelimit_test

import (
	"context"
	"testing"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/ratelimit"
)

func TestMemoryBurstThenRate(t *testing.T) {
	m := ratelimit.NewMemory()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	m.SetClock(func() time.Time { return now })
	l := hirebase.Limit{Rate: 10, Period: time.Second, Burst: 5}
	ctx := context.Background()
	for i := 0; i < 5; i++ {
		d, err := m.Allow(ctx, "k", l)
		if err != nil || !d.Allowed {
			t.Fatalf("request %d refused within the burst: %+v %v", i, d, err)
		}
		if d.Remaining != 4-i {
			t.Errorf("request %d: remaining %d, want %d", i, d.Remaining, 4-i)
		}
	}
	d, _ := m.Allow(ctx, "k", l)
	if d.Allowed || d.RetryAfter != 100*time.Millisecond {
		t.Fatalf("sixth request: %+v, want refused with retry after 100ms", d)
	}
	if d, _ := m.Allow(ctx, "other", l); !d.Allowed {
		t.Error("keys share state")
	}
	now = now.Add(100 * time.Millisecond)
	if d, _ := m.Allow(ctx, "k", l); !d.Allowed {
		t.Errorf("after one interval: %+v, want allowed", d)
	}
	if d, _ := m.Allow(ctx, "k", l); d.Allowed {
		t.Error("two requests passed after one interval")
	}
	now = now.Add(time.Second)
	for i := 0; i < 5; i++ {
		if d, _ := m.Allow(ctx, "k", l); !d.Allowed {
			t.Fatalf("burst not restored after a quiet second (request %d)", i)
		}
	}
}
