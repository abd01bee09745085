package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
	"github.com/hirebase/hirebase/internal/sqlite"
)

// runCmd runs the program with args, stdin as standard input and no
// environment, and returns its standard output.
func runCmd(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), args, func(string) string { return "" }, strings.NewReader(stdin), &stdout, &stderr)
	return stdout.String(), err
}

// TestUserAddAndKeysRotate bootstraps an admin and rotates keys from the
// command line while another handle on the same SQLite file, standing in for
// a running server, keeps writing.
func TestUserAddAndKeysRotate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "hirebase.db")
	server, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	serverStore := sqlite.NewAuthStore(server)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			e := &hirebase.AuditEvent{At: time.Now().UTC(), Type: "test.server_write", Subject: "server"}
			if err := serverStore.AppendAudit(ctx, e); err != nil {
				t.Errorf("server write %d: %v", i, err)
				return
			}
			// A busy server, not a writer that never lets go: SQLite's
			// busy handler is not fair to a lock held back to back.
			time.Sleep(time.Millisecond)
		}
	})
	defer func() { close(stop); wg.Wait() }()

	out, err := runCmd(t, "plum-harbour-velvet-91\n", "user", "add", "--email", "Admin@Agency.test", "--role", "admin",
		"--name", "First Admin", "--password-stdin", "--db", path)
	if err != nil {
		t.Fatal(err)
	}
	var u hirebase.User
	if err := json.Unmarshal([]byte(out), &u); err != nil {
		t.Fatalf("output %q: %v", out, err)
	}
	if u.Email != "admin@agency.test" || u.Role != hirebase.RoleAdmin || u.OrgID == "" || u.Name != "First Admin" {
		t.Errorf("created %+v", u)
	}
	agency, err := serverStore.AgencyOrg(ctx)
	if err != nil || agency.ID != u.OrgID {
		t.Errorf("agency %+v, %v", agency, err)
	}
	_, hash, err := serverStore.FindUserByEmail(ctx, u.Email)
	if err != nil || !strings.HasPrefix(hash, "$argon2id$") {
		t.Errorf("stored hash %q, %v", hash, err)
	}

	if _, err := runCmd(t, "another-long-passphrase\n", "user", "add", "--email", "r@agency.test", "--role", "recruiter",
		"--password-stdin", "--db", path); err != nil {
		t.Fatal(err)
	}
	r, _, err := serverStore.FindUserByEmail(ctx, "r@agency.test")
	if err != nil || r.OrgID != agency.ID {
		t.Errorf("recruiter %+v in another org than %s: %v", r, agency.ID, err)
	}

	for _, tt := range []struct {
		stdin, want string
		args        []string
	}{
		{"plum-harbour-velvet-91", "exists", []string{"--email", "admin@agency.test", "--role", "admin", "--password-stdin"}},
		{"short\n", "password", []string{"--email", "x@agency.test", "--role", "admin", "--password-stdin"}},
		{"plum-harbour-velvet-91", "password-stdin", []string{"--email", "x@agency.test", "--role", "admin"}},
		{"", "empty", []string{"--email", "x@agency.test", "--role", "admin", "--password-stdin"}},
		{"plum-harbour-velvet-91", "role", []string{"--email", "x@agency.test", "--role", "root", "--password-stdin"}},
	} {
		_, err := runCmd(t, tt.stdin, append([]string{"user", "add", "--db", path}, tt.args...)...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("user add %v: %v, want an error about %s", tt.args, err, tt.want)
		}
	}

	var kids []string
	for range 2 {
		out, err := runCmd(t, "", "keys", "rotate", "--db", path)
		if err != nil {
			t.Fatal(err)
		}
		kids = append(kids, strings.Fields(out)[3])
	}
	keys, err := serverStore.SigningKeys(ctx, time.Now().Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 2 || keys[0].ID != kids[1] || keys[0].RetiredAt != nil || keys[1].ID != kids[0] || keys[1].RetiredAt == nil {
		t.Errorf("keys after two rotations: %+v (printed %v)", keys, kids)
	}
}

func TestReadPassword(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"pw\n": "pw", "pw\r\n": "pw", " pw with spaces \n": " pw with spaces ", "pw": "pw", "pw\n\n": "pw\n",
	} {
		if got, err := readPassword(strings.NewReader(in)); err != nil || got != want {
			t.Errorf("readPassword(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}
