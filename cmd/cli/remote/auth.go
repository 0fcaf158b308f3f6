package remote

import (
	"errors"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"

	"github.com/icholy/digest"
)

// ErrInteraction is the failure of a prompt that --error-on-interact
// forbids, or that has no terminal to ask on.
var ErrInteraction = errors.New("user interaction is not allowed " +
	"(--error-on-interact): give --user and --password")

// authTransport authenticates requests to the node: with the local token
// when the node offers local authentication and its token file is readable
// (unless disabled), else with HTTP Digest, prompting for the user name and
// password the first time they are needed. A request that gets 401 was not
// run, so sending it again with credentials is safe. It is safe for
// concurrent use.
type authTransport struct {
	base    http.RoundTripper
	local   bool
	prompt  func(string, bool) (string, error)
	promptE error // the prompt's failure, kept so that it is asked once

	promptUser string // the user --user gave without a password

	// mu guards the credentials: the token, and the Digest transport
	// (whose user and password are set once known).
	mu     sync.Mutex
	token  string
	digest *digest.Transport
}

func newAuthTransport(base http.RoundTripper, o Options) *authTransport {
	t := &authTransport{base: base, local: !o.NoLocalAuth && o.User == "", prompt: o.Prompt}
	if o.User != "" {
		t.digest = &digest.Transport{Username: o.User, Password: o.Password, Transport: base}
		if o.Password == "" {
			t.digest = nil
			t.promptUser = o.User
		}
	}
	return t
}

// RoundTrip sends req with the credentials known, and on a 401 obtains
// them (token file, then prompt) and sends it once more. The caller may
// have set the local token already (see token), which spares a copy of
// the request.
func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	t.mu.Lock()
	token, dt := t.token, t.digest
	t.mu.Unlock()
	if dt != nil {
		return dt.RoundTrip(req)
	}
	if token != "" && req.Header.Get("Authorization") == "" {
		req = req.Clone(req.Context())
		req.Header.Set("Authorization", LocalScheme+" "+token)
	}
	resp, err := t.base.RoundTrip(req)
	if err != nil || resp.StatusCode != http.StatusUnauthorized {
		return resp, err
	}
	next := t.credentials(resp, req.Header.Get("Authorization"))
	if next == nil || req.GetBody == nil {
		return resp, nil
	}
	body, err := req.GetBody()
	if err != nil {
		return resp, nil
	}
	drain(resp)
	again := req.Clone(req.Context())
	again.Body = body
	again.Header.Del("Authorization")
	return next(again)
}

// currentToken returns the local token once known, "" before.
func (t *authTransport) currentToken() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.digest != nil {
		return ""
	}
	return t.token
}

// LocalScheme is the scheme of the node's local authentication (see
// package server/endpoint).
const LocalScheme = "Local"

// credentials learns credentials after a 401 of a request sent with the
// Authorization header sent: the local token when the node offers it and
// the file is readable, else the user's name and password from the prompt.
// It returns how to send the request again, or nil when nothing new is
// known.
func (t *authTransport) credentials(resp *http.Response,
	sent string) func(*http.Request) (*http.Response, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.token != "" && sent == LocalScheme+" "+t.token {
		t.token = "" // the node restarted with a new token: read it again
	}
	if t.local && t.token == "" {
		if tok := readToken(resp.Header); tok != "" {
			t.token = tok
			return func(r *http.Request) (*http.Response, error) {
				r.Header.Set("Authorization", LocalScheme+" "+tok)
				return t.base.RoundTrip(r)
			}
		}
	}
	realm, ok := digestRealm(resp.Header)
	if t.digest != nil || t.promptE != nil || !ok {
		return nil
	}
	user, pass, err := t.ask(realm)
	if err != nil {
		t.promptE = err
		return nil
	}
	t.digest = &digest.Transport{Username: user, Password: pass, Transport: t.base}
	return t.digest.RoundTrip
}

// ask prompts for the user name (unless --user gave it) and the password,
// naming the realm first as jboss-cli does.
func (t *authTransport) ask(realm string) (string, string, error) {
	if t.prompt == nil {
		return "", "", ErrInteraction
	}
	intro := "Authenticating against security realm: " + realm + "\n"
	user := t.promptUser
	if user == "" {
		u, err := t.prompt(intro+"Username: ", false)
		if err != nil {
			return "", "", err
		}
		user, intro = strings.TrimSpace(u), ""
	}
	pass, err := t.prompt(intro+"Password: ", true)
	return user, pass, err
}

// hasCredentials reports whether a user name and password are known
// (given or answered at the prompt).
func (t *authTransport) hasCredentials() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.digest != nil
}

// promptError returns why the prompt failed, nil if it did not.
func (t *authTransport) promptError() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.promptE
}

// readToken reads the token file a Local challenge names; "" when there is
// none or it cannot be read (another user's node).
func readToken(h http.Header) string {
	for _, v := range h.Values("WWW-Authenticate") {
		rest, ok := strings.CutPrefix(v, LocalScheme+" ")
		if !ok {
			continue
		}
		path, ok := strings.CutPrefix(strings.TrimSpace(rest), "path=")
		if !ok {
			continue
		}
		data, err := os.ReadFile(strings.Trim(path, `"`))
		if err != nil {
			return ""
		}
		return strings.TrimSpace(string(data))
	}
	return ""
}

// digestRealm returns the realm of the first Digest challenge, and false
// when the node offers no Digest.
func digestRealm(h http.Header) (string, bool) {
	for _, v := range h.Values("WWW-Authenticate") {
		if c, err := digest.ParseChallenge(v); err == nil {
			return c.Realm, true
		}
	}
	return "", false
}

func drain(resp *http.Response) {
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}
