package auth

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hirebase/hirebase/internal/hirebase"
)

// algEdDSA is the only JWS algorithm the service signs and accepts.
const algEdDSA = "EdDSA"

// missReload is the least time between reloads caused by an unknown kid, so
// tokens with made-up kids cannot turn into a query each.
const missReload = 5 * time.Second

// Keys holds the Ed25519 signing keys in memory, read from the database so
// every replica signs with the same active key and verifies the others'
// tokens. A replica rereads them every KeyRefresh, and sooner when it meets
// a kid it does not know, so a rotation made anywhere spreads within one
// refresh. A retired key keeps verifying for grace: the longest a token it
// signed can live, plus the refresh delay and clock skew.
type Keys struct {
	store   hirebase.KeyStore
	clock   func() time.Time
	refresh time.Duration
	grace   time.Duration

	// mu serialises reloads; readers use the current set meanwhile.
	mu  sync.Mutex
	set atomic.Pointer[keySet]
	// lastMiss is when an unknown kid last caused a reload (Unix ns).
	lastMiss atomic.Int64
}

// keySet is one snapshot of the keys.
type keySet struct {
	loadedAt time.Time
	active   *signingKey
	byID     map[string]*signingKey
	ordered  []*signingKey
}

type signingKey struct {
	id        string
	priv      ed25519.PrivateKey
	pub       ed25519.PublicKey
	retiredAt *time.Time
}

// NewKeys returns the keys of store under cfg's lifetimes. Nothing is read
// until first use.
func NewKeys(store hirebase.KeyStore, cfg Config, clock func() time.Time) *Keys {
	if clock == nil {
		clock = time.Now
	}
	return &Keys{store: store, clock: clock, refresh: cfg.KeyRefresh,
		grace: cfg.AccessTTL + cfg.KeyRefresh + cfg.ClockSkew}
}

// Ensure loads the keys, making the first one if the database has none, so
// a server can fail at start-up rather than on its first login.
func (k *Keys) Ensure(ctx context.Context) error {
	_, err := k.reload(ctx, nil)
	return err
}

// Rotate makes a new active key and retires the old one, which keeps
// verifying (and stays in the JWKS) until every token it signed has expired.
// It returns the new kid.
func (k *Keys) Rotate(ctx context.Context) (string, error) {
	nk, err := newSigningKey(k.clock())
	if err != nil {
		return "", err
	}
	if err := k.store.RotateSigningKey(ctx, nk); err != nil {
		return "", fmt.Errorf("rotate keys: %w", err)
	}
	if _, err := k.reload(ctx, nil); err != nil {
		return "", err
	}
	return nk.ID, nil
}

// JWK is one public key in RFC 7517 form; Ed25519 keys are OKP (RFC 8037).
type JWK struct {
	Kty string `json:"kty"`
	Crv string `json:"crv"`
	X   string `json:"x"`
	Kid string `json:"kid"`
	Alg string `json:"alg"`
	Use string `json:"use"`
}

// JWKS is the document served at /.well-known/jwks.json.
type JWKS struct {
	Keys []JWK `json:"keys"`
}

// JWKS returns every key a valid token may name: the active key and those
// retired within grace, newest first. Clients may cache it for KeyRefresh.
func (k *Keys) JWKS(ctx context.Context) (*JWKS, error) {
	set, err := k.current(ctx)
	if err != nil {
		return nil, err
	}
	doc := &JWKS{Keys: []JWK{}}
	now := k.clock()
	for _, sk := range set.ordered {
		if k.usable(sk, now) {
			doc.Keys = append(doc.Keys, JWK{Kty: "OKP", Crv: "Ed25519", Kid: sk.id, Alg: algEdDSA, Use: "sig",
				X: base64.RawURLEncoding.EncodeToString(sk.pub)})
		}
	}
	return doc, nil
}

// signer returns the active key.
func (k *Keys) signer(ctx context.Context) (*signingKey, error) {
	set, err := k.current(ctx)
	if err != nil {
		return nil, err
	}
	return set.active, nil
}

// publicKey returns the key named kid if it may still verify tokens; ok is
// false for a kid that is unknown or retired too long ago.
func (k *Keys) publicKey(ctx context.Context, kid string) (ed25519.PublicKey, bool, error) {
	set, err := k.current(ctx)
	if err != nil {
		return nil, false, err
	}
	sk, ok := set.byID[kid]
	if !ok && kid != "" && k.allowMissReload() {
		if set, err = k.reload(ctx, set); err != nil {
			return nil, false, err
		}
		sk, ok = set.byID[kid]
	}
	if !ok || !k.usable(sk, k.clock()) {
		return nil, false, nil
	}
	return sk.pub, true, nil
}

// allowMissReload reports whether an unknown kid may cause a reload now:
// at most one per missReload, so the first token signed by a key rotated in
// on another replica is checked at once, and made-up kids cost nothing.
func (k *Keys) allowMissReload() bool {
	now, last := k.clock().UnixNano(), k.lastMiss.Load()
	return now-last >= int64(missReload) && k.lastMiss.CompareAndSwap(last, now)
}

// usable reports whether sk may verify a token at now.
func (k *Keys) usable(sk *signingKey, now time.Time) bool {
	return sk.retiredAt == nil || now.Before(sk.retiredAt.Add(k.grace))
}

// current returns the loaded keys, reloading them if they are older than
// the refresh interval.
func (k *Keys) current(ctx context.Context) (*keySet, error) {
	set := k.set.Load()
	if set != nil && k.clock().Sub(set.loadedAt) < k.refresh {
		return set, nil
	}
	return k.reload(ctx, set)
}

// reload reads the keys, making the first one if there is none. seen is the
// set the caller found stale; if another goroutine replaced it meanwhile,
// that newer set is returned without another query.
func (k *Keys) reload(ctx context.Context, seen *keySet) (*keySet, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if set := k.set.Load(); set != nil && set != seen && seen != nil {
		return set, nil
	}
	for range 2 {
		now := k.clock()
		stored, err := k.store.SigningKeys(ctx, now.Add(-k.grace))
		if err != nil {
			return nil, fmt.Errorf("load signing keys: %w", err)
		}
		set, err := newKeySet(stored, now)
		if err != nil {
			return nil, err
		}
		if set.active != nil {
			k.set.Store(set)
			return set, nil
		}
		first, err := newSigningKey(now)
		if err != nil {
			return nil, err
		}
		// Replicas starting at once race here; the loser's ECONFLICT
		// means a key exists now, and the next pass reads it.
		if err := k.store.AddSigningKey(ctx, first); err != nil && hirebase.ErrorCode(err) != hirebase.ECONFLICT {
			return nil, fmt.Errorf("create signing key: %w", err)
		}
	}
	return nil, fmt.Errorf("load signing keys: no active key after creating one")
}

func newKeySet(stored []*hirebase.SigningKey, now time.Time) (*keySet, error) {
	set := &keySet{loadedAt: now, byID: map[string]*signingKey{}}
	for _, s := range stored {
		if s.Algorithm != algEdDSA || len(s.PrivateKey) != ed25519.SeedSize {
			return nil, fmt.Errorf("signing key %s: not an Ed25519 seed", s.ID)
		}
		priv := ed25519.NewKeyFromSeed(s.PrivateKey)
		sk := &signingKey{id: s.ID, priv: priv, pub: priv.Public().(ed25519.PublicKey), retiredAt: s.RetiredAt}
		if s.RetiredAt == nil && set.active == nil {
			set.active = sk
		}
		set.byID[s.ID] = sk
		set.ordered = append(set.ordered, sk)
	}
	return set, nil
}

// newSigningKey makes a fresh Ed25519 key created at now.
func newSigningKey(now time.Time) (*hirebase.SigningKey, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("generate signing key: %w", err)
	}
	return &hirebase.SigningKey{ID: hirebase.NewID(), Algorithm: algEdDSA, PrivateKey: priv.Seed(),
		PublicKey: pub, CreatedAt: now.UTC().Truncate(time.Microsecond)}, nil
}
