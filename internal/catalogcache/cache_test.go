package catalogcache_test

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/hirebase/hirebase/internal/catalog"
	"github.com/hirebase/hirebase/internal/catalogcache"
	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/sqlite"
)

type store struct {
	*sqlite.RoleStore
	*sqlite.CalibrationStore
}

// seeded opens a SQLite store holding the default catalog and calibration.
func seeded(t *testing.T) store {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s := store{sqlite.NewRoleStore(db), sqlite.NewCalibrationStore(db)}
	cal, err := catalog.DefaultCalibration()
	if err != nil {
		t.Fatal(err)
	}
	c, err := catalog.Default(cal)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PutCalibration(context.Background(), cal); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportCatalog(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestLoadFollowsRevision checks that a snapshot is rebuilt when, and only
// when, the catalog revision moves, and that the resolver and the estimator
// are rebuilt with it.
func TestLoadFollowsRevision(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	c := catalogcache.New(s, time.Hour, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := c.Load(ctx); err != nil {
		t.Fatal(err)
	}
	first := c.Snapshot()
	if len(first.Roles) != 36 || first.Resolver == nil || first.Estimator == nil || first.Calibration == nil {
		t.Fatalf("first snapshot: %d roles, resolver %v, estimator %v", len(first.Roles), first.Resolver != nil, first.Estimator != nil)
	}
	if err := c.Load(ctx); err != nil {
		t.Fatal(err)
	}
	if c.Snapshot() != first {
		t.Error("an unchanged revision rebuilt the snapshot")
	}

	role, err := first.Role("qa-engineer")
	if err != nil {
		t.Fatal(err)
	}
	renamed := *role
	renamed.Slug, renamed.Name = "quality-gatekeeper", "Quality Gatekeeper"
	renamed.Related = nil
	if _, err := s.PutRole(ctx, &renamed); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Snapshot().Role("quality-gatekeeper"); hirebase.ErrorCode(err) != hirebase.ENOTFOUND {
		t.Errorf("the snapshot changed before a load: %v", err)
	}
	if err := c.Load(ctx); err != nil {
		t.Fatal(err)
	}
	snap := c.Snapshot()
	if _, err := snap.Role("quality-gatekeeper"); err != nil {
		t.Errorf("new role missing after load: %v", err)
	}
	if res := snap.Resolver.Resolve("Quality Gatekeeper", 1); len(res.Matches) == 0 || res.Matches[0].Role != "quality-gatekeeper" {
		t.Errorf("the resolver was not rebuilt: %+v", res.Matches)
	}
	if snap.Revision <= first.Revision {
		t.Errorf("revision %d after a write, want above %d", snap.Revision, first.Revision)
	}
}

// TestRunPicksUpWrites checks that the poll loop brings in a write made
// through another handle, as another replica would.
func TestRunPicksUpWrites(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := seeded(t)
	c := catalogcache.New(s, 20*time.Millisecond, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := c.Load(ctx); err != nil {
		t.Fatal(err)
	}
	go c.Run(ctx)
	if err := s.DeleteRole(ctx, "scrum-master"); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, err := c.Snapshot().Role("scrum-master"); hirebase.ErrorCode(err) == hirebase.ENOTFOUND {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the poll loop never saw the deleted role")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
