package auth

import (
	"context"
	"fmt"
	"net/netip"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// throttleKeys returns the failure-counter keys of a login attempt: the
// account (the normalised email as typed, whether or not it exists, so the
// throttle reveals nothing) and the client address. IPv6 addresses count per
// /64, the block one subscriber usually holds. An empty or unparseable ip
// gives no address key.
func throttleKeys(email, ip string) (account, addr string) {
	account = "account:" + email
	a, err := netip.ParseAddr(ip)
	if err != nil {
		ap, err := netip.ParseAddrPort(ip)
		if err != nil {
			return account, ""
		}
		a = ap.Addr()
	}
	a = a.Unmap()
	if a.Is6() {
		if p, err := a.Prefix(64); err == nil {
			return account, "ip:" + p.String()
		}
	}
	return account, "ip:" + a.String()
}

// checkThrottle returns ETOOMANY, with how long to wait, if the account or
// the address has reached its limit of failures within the window. The wait
// ends when the oldest failure that counts toward the limit leaves the window.
func (s *Service) checkThrottle(ctx context.Context, account, addr string, now time.Time) error {
	since := now.Add(-s.cfg.FailureWindow)
	var wait time.Duration
	for _, k := range []struct {
		key   string
		limit int
	}{{account, s.cfg.AccountFailures}, {addr, s.cfg.IPFailures}} {
		if k.key == "" {
			continue
		}
		ats, err := s.st.Throttle.RecentLoginFailures(ctx, k.key, since, k.limit)
		if err != nil {
			return fmt.Errorf("check login throttle: %w", err)
		}
		if len(ats) >= k.limit {
			wait = max(wait, ats[k.limit-1].Add(s.cfg.FailureWindow).Sub(now))
		}
	}
	if wait > 0 {
		return hirebase.TooMany(wait, "Too many failed logins. Try again later.")
	}
	return nil
}

// recordFailure counts one failed login against the account and address,
// pruning failures that have left the window.
func (s *Service) recordFailure(ctx context.Context, account, addr string, now time.Time) error {
	var keys []string
	for _, k := range []string{account, addr} {
		if k != "" {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	if err := s.st.Throttle.RecordLoginFailure(ctx, keys, now, now.Add(-s.cfg.FailureWindow)); err != nil {
		return fmt.Errorf("record login failure: %w", err)
	}
	return nil
}
