// Package catalogcache keeps an immutable, in-memory snapshot of the role
// catalog and the title resolver built from it, refreshed when the store's
// catalog revision moves. Role pages and title resolution read the snapshot
// and never touch the database, which is what lets every replica serve them
// at memory speed; replicas converge within one poll interval of a write made
// anywhere. It depends on the domain and the resolver, never on a driver.
package catalogcache

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hirebase/hirebase/internal/estimate"
	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/resolve"
)

// Store is what the cache needs from storage.
type Store interface {
	ListRoles(ctx context.Context) ([]*hirebase.Role, error)
	CatalogRevision(ctx context.Context) (int64, error)
	ActiveCalibration(ctx context.Context) (*hirebase.Calibration, error)
}

// Snapshot is one consistent view of the catalog. It is never modified after
// it is published, so readers share it without locks.
type Snapshot struct {
	Revision int64
	Roles    []*hirebase.Role // ordered by slug
	Resolver *resolve.Resolver
	// Calibration is the active calibration and Estimator its model, read
	// with the roles so bands and estimates always agree.
	Calibration *hirebase.Calibration
	Estimator   *estimate.Estimator
	bySlug      map[string]*hirebase.Role
}

// Role returns the role with the given slug or an ENOTFOUND error.
func (s *Snapshot) Role(slug string) (*hirebase.Role, error) {
	if r, ok := s.bySlug[slug]; ok {
		return r, nil
	}
	return nil, hirebase.Errorf(hirebase.ENOTFOUND, "Role %q not found.", slug)
}

// Cache publishes snapshots.
type Cache struct {
	store    Store
	interval time.Duration
	logger   *slog.Logger

	mu   sync.Mutex // serialises reloads
	snap atomic.Pointer[Snapshot]
}

// New returns a cache that polls store every interval once Run is called.
func New(store Store, interval time.Duration, logger *slog.Logger) *Cache {
	return &Cache{store: store, interval: interval, logger: logger}
}

// Snapshot returns the current snapshot; Load must have succeeded first.
func (c *Cache) Snapshot() *Snapshot {
	return c.snap.Load()
}

// Load reads the catalog if its revision differs from the published one. It
// is called at start-up, by the poll loop, and after a local write so the
// writer reads its own write at once.
func (c *Cache) Load(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	rev, err := c.store.CatalogRevision(ctx)
	if err != nil {
		return fmt.Errorf("catalog revision: %w", err)
	}
	if cur := c.snap.Load(); cur != nil && cur.Revision == rev {
		return nil
	}
	roles, err := c.store.ListRoles(ctx)
	if err != nil {
		return fmt.Errorf("list roles: %w", err)
	}
	// A write landing between the two reads gives newer roles under the
	// older revision; the next poll sees the newer revision and reloads, so a
	// snapshot is never older than the revision it carries.
	cal, err := c.store.ActiveCalibration(ctx)
	if err != nil {
		return fmt.Errorf("active calibration: %w", err)
	}
	est, err := estimate.New(cal)
	if err != nil {
		return err
	}
	s := &Snapshot{Revision: rev, Roles: roles, Resolver: resolve.New(roles), Calibration: cal, Estimator: est,
		bySlug: make(map[string]*hirebase.Role, len(roles))}
	for _, r := range roles {
		s.bySlug[r.Slug] = r
	}
	c.snap.Store(s)
	return nil
}

// Run polls the store until ctx ends. Errors are logged and retried on the
// next tick: a database blip must not take pages down.
func (c *Cache) Run(ctx context.Context) {
	t := time.NewTicker(c.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := c.Load(ctx); err != nil && ctx.Err() == nil {
				c.logger.Warn("catalog refresh failed", slog.Any("err", err))
			}
		}
	}
}
