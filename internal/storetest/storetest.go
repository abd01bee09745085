// Package storetest is the behaviour every storage engine must share, written
// once and run by the tests of package sqlite and package postgres against a
// real database. It builds its own small catalog in Go and depends on the
// domain package only: never on an engine, never on the real catalog.
package storetest

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// Store is what the suites exercise.
type Store interface {
	hirebase.RoleStore
	hirebase.CalibrationStore
}

// Open returns an empty, migrated store of its own for the test t and closes
// it when t ends. Tests calling it run in parallel.
type Open func(t *testing.T) Store

// run runs each test as a parallel subtest on a store of its own.
func run(t *testing.T, open Open, tests map[string]func(t *testing.T, s Store)) {
	t.Helper()
	names := make([]string, 0, len(tests))
	for name := range tests {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			tests[name](t, open(t))
		})
	}
}

// wantCode fails t unless err carries the error code want.
func wantCode(t *testing.T, err error, want string) {
	t.Helper()
	if got := hirebase.ErrorCode(err); got != want {
		t.Fatalf("error code = %q (%v), want %q", got, err, want)
	}
}

// wantField fails t unless err is EINVALID and names field.
func wantField(t *testing.T, err error, field string) {
	t.Helper()
	wantCode(t, err, hirebase.EINVALID)
	for _, f := range hirebase.ErrorFields(err) {
		if f.Field == field {
			return
		}
	}
	t.Fatalf("error fields = %v, want %q among them", hirebase.ErrorFields(err), field)
}

// wantEqual fails t unless got and want are deeply equal, showing both as JSON.
func wantEqual(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", "  ")
		w, _ := json.MarshalIndent(want, "", "  ")
		t.Fatalf("%s:\ngot  %s\nwant %s", what, g, w)
	}
}

// check fails t if err is not nil.
func check(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
