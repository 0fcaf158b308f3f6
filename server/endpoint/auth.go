package endpoint

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/icholy/digest"
)

// LocalScheme is the HTTP authentication scheme of local authentication: a
// client on the node's machine proves it is local by sending the token it
// read from the node's token file ("Authorization: Local <token>"). It
// plays the part of JBOSS-LOCAL-USER, which WildFly offers on its SASL side.
const LocalScheme = "Local"

// DefaultNonceLifetime is how long a Digest nonce is accepted.
const DefaultNonceLifetime = 5 * time.Minute

// Auth checks the credentials of management requests: HTTP Digest against
// the users of the management realm (MD5 and SHA-256, qop=auth), and the
// local token. The zero Auth is not usable; use NewAuth. Safe for
// concurrent use.
//
// Limitation: nonces are stateless (signed and timed), so a captured
// Digest request can be replayed until its nonce expires; the nonce count
// is not tracked.
type Auth struct {
	users    *Users
	lifetime time.Duration
	key      []byte // signs nonces
	token    []byte // the local token; nil disables local authentication
	tokenAt  string // the token file's path
	now      func() time.Time
}

// AuthOptions configure an Auth.
type AuthOptions struct {
	// Users is the user store; nil means no user can log in with Digest.
	Users *Users
	// TokenDir is the directory (the node's tmp/auth) where the local token
	// is written; "" disables local authentication.
	TokenDir string
	// NonceLifetime is how long a nonce is accepted; 0 means
	// DefaultNonceLifetime.
	NonceLifetime time.Duration
	// Now returns the time; nil means time.Now (tests move it).
	Now func() time.Time
}

// NewAuth returns an Auth. With a TokenDir it writes a fresh random token
// to TokenDir/local-token-<random id>, readable only by this process's user
// (the directory 0700, the file 0600). The file is this node's own, so
// that two nodes sharing a base directory do not overwrite or remove each
// other's token; the 401 challenge names it to local clients.
func NewAuth(o AuthOptions) (*Auth, error) {
	a := &Auth{users: o.Users, lifetime: o.NonceLifetime, now: o.Now,
		key: randomBytes(32)}
	if a.lifetime <= 0 {
		a.lifetime = DefaultNonceLifetime
	}
	if a.now == nil {
		a.now = time.Now
	}
	if a.users == nil {
		a.users = NewUsers("")
	}
	if o.TokenDir == "" {
		return a, nil
	}
	if err := os.MkdirAll(o.TokenDir, 0o700); err != nil {
		return nil, fmt.Errorf("creating the local token directory: %w", err)
	}
	if err := os.Chmod(o.TokenDir, 0o700); err != nil {
		return nil, fmt.Errorf("restricting the local token directory: %w", err)
	}
	a.token = []byte(hex.EncodeToString(randomBytes(32)))
	a.tokenAt = filepath.Join(o.TokenDir, "local-token-"+hex.EncodeToString(randomBytes(8)))
	if err := writeFile(a.tokenAt, a.token); err != nil {
		return nil, err
	}
	return a, nil
}

// TokenFile returns the path of the local token file, "" when local
// authentication is off.
func (a *Auth) TokenFile() string { return a.tokenAt }

// RemoveToken deletes the token file (at shutdown).
func (a *Auth) RemoveToken() error {
	if a.tokenAt == "" {
		return nil
	}
	err := os.Remove(a.tokenAt)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	rand.Read(b)
	return b
}

// check authenticates r. It returns the user's name ("$local" for the local
// token) and true, or false after writing a 401 with the challenges.
func (a *Auth) check(w http.ResponseWriter, r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	stale := false
	switch {
	case a.token != nil && strings.HasPrefix(h, LocalScheme+" "):
		got := []byte(strings.TrimSpace(strings.TrimPrefix(h, LocalScheme+" ")))
		if subtle.ConstantTimeCompare(got, a.token) == 1 {
			return "$local", true
		}
	case digest.IsDigest(h):
		name, age, err := a.checkDigest(r, h)
		if err == nil {
			if age > a.lifetime/2 {
				w.Header().Set("Authentication-Info",
					fmt.Sprintf("nextnonce=%q", a.nonce()))
			}
			return name, true
		}
		stale = errors.Is(err, errStale)
	}
	a.challenge(w, r, stale)
	return "", false
}

// challenge writes a 401 offering Digest with MD5 (WildFly's default,
// first so that clients pick it) and SHA-256, and, to a caller on the
// loopback interface, local authentication with the token file's path.
func (a *Auth) challenge(w http.ResponseWriter, r *http.Request, stale bool) {
	for _, alg := range []string{"MD5", "SHA-256"} {
		c := digest.Challenge{Realm: Realm, Nonce: a.nonce(), Algorithm: alg,
			QOP: []string{"auth"}, Stale: stale, Opaque: "00000000"}
		w.Header().Add("WWW-Authenticate", c.String())
	}
	if a.token != nil && isLoopback(r.RemoteAddr) {
		w.Header().Add("WWW-Authenticate", fmt.Sprintf("%s path=%q", LocalScheme, a.tokenAt))
	}
	writeText(w, http.StatusUnauthorized, "Unauthorized: authentication is required "+
		"(HTTP Digest, realm "+Realm+", or local authentication)")
}

func isLoopback(remote string) bool {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

var (
	errBadDigest = errors.New("bad digest credentials")
	errStale     = errors.New("stale nonce")
)

// checkDigest verifies Digest credentials h for r and returns the user and
// the age of the nonce.
func (a *Auth) checkDigest(r *http.Request, h string) (string, time.Duration, error) {
	c, err := digest.ParseCredentials(h)
	if err != nil || c.Realm != Realm || c.URI != r.URL.RequestURI() {
		return "", 0, errBadDigest
	}
	age, err := a.nonceAge(c.Nonce)
	if err != nil {
		return "", 0, err
	}
	u, known := a.users.lookup(c.Username)
	var newHash func() hash.Hash
	var ha1 string
	switch strings.ToUpper(c.Algorithm) {
	case "", "MD5":
		newHash, ha1 = md5.New, u.md5
	case "SHA-256":
		newHash, ha1 = sha256.New, u.sha256
	default:
		return "", 0, errBadDigest
	}
	want := expectedResponse(newHash, ha1, r.Method, c)
	// Compare even for an unknown user, so that timing does not tell
	// which users exist.
	ok := subtle.ConstantTimeCompare([]byte(want), []byte(strings.ToLower(c.Response))) == 1
	if !ok || !known || ha1 == "" {
		return "", 0, errBadDigest
	}
	return c.Username, age, nil
}

// expectedResponse computes the Digest response (RFC 7616) from the stored
// HA1 = H(user:realm:password).
func expectedResponse(newHash func() hash.Hash, ha1, method string,
	c *digest.Credentials) string {
	hx := func(parts ...string) string {
		h := newHash()
		h.Write([]byte(strings.Join(parts, ":")))
		return hex.EncodeToString(h.Sum(nil))
	}
	ha2 := hx(method, c.URI)
	if c.QOP == "" {
		return hx(ha1, c.Nonce, ha2)
	}
	return hx(ha1, c.Nonce, fmt.Sprintf("%08x", c.Nc), c.Cnonce, c.QOP, ha2)
}

// nonce returns a new nonce: its time and random bytes, signed with the
// Auth's key, so that checking it needs no state.
func (a *Auth) nonce() string {
	b := make([]byte, 16, 32)
	binary.BigEndian.PutUint64(b, uint64(a.now().UnixNano()))
	rand.Read(b[8:16])
	m := hmac.New(sha256.New, a.key)
	m.Write(b)
	b = m.Sum(b)[:32]
	return base64.RawURLEncoding.EncodeToString(b)
}

// nonceAge checks a nonce's signature and returns its age; errStale when it
// is older than the lifetime.
func (a *Auth) nonceAge(n string) (time.Duration, error) {
	b, err := base64.RawURLEncoding.DecodeString(n)
	if err != nil || len(b) != 32 {
		return 0, errBadDigest
	}
	m := hmac.New(sha256.New, a.key)
	m.Write(b[:16])
	if !hmac.Equal(m.Sum(nil)[:16], b[16:]) {
		return 0, errBadDigest
	}
	issued := time.Unix(0, int64(binary.BigEndian.Uint64(b)))
	age := a.now().Sub(issued)
	if age > a.lifetime || age < -time.Minute {
		return 0, errStale
	}
	return age, nil
}
