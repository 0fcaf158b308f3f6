package endpoint

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/icholy/digest"

	"wfcli/server"
)

// testConfig is a small configuration with one system property.
const testConfig = `<?xml version='1.0' encoding='UTF-8'?>

<server xmlns="urn:jboss:domain:20.0">
    <system-properties>
        <property name="greeting" value="hello"/>
    </system-properties>
</server>
`

// fixture is a node's endpoint on a loopback port, with user admin and a
// clock the test moves.
type fixture struct {
	srv   *server.Server
	auth  *Auth
	url   string
	file  string
	mu    sync.Mutex
	clock time.Time
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "standalone.xml")
	if err := os.WriteFile(file, []byte(testConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	srv, err := server.Embed(server.Options{ConfigFile: file, AdminOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Stop() })
	users := filepath.Join(dir, "mgmt-users.properties")
	if err := AddUser(users, "admin", "secret-1"); err != nil {
		t.Fatal(err)
	}
	f := &fixture{srv: srv, file: file, clock: time.Unix(1_800_000_000, 0)}
	f.auth, err = NewAuth(AuthOptions{Users: NewUsers(users), TokenDir: filepath.Join(dir,
		"tmp", "auth"), Now: f.now})
	if err != nil {
		t.Fatal(err)
	}
	h, err := New(Options{Executor: srv, Auth: f.auth, MaxBody: 4096})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(h)
	t.Cleanup(hs.Close)
	f.url = hs.URL
	return f
}

func (f *fixture) now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.clock
}

func (f *fixture) advance(d time.Duration) {
	f.mu.Lock()
	f.clock = f.clock.Add(d)
	f.mu.Unlock()
}

func (f *fixture) token(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(f.auth.TokenFile())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// reply is what a test compares of a response.
type reply struct {
	Status int
	Body   string
}

// send sends a request through client c (nil: no credentials).
func send(t *testing.T, c *http.Client, method, url, ctype, body string,
	header map[string]string) reply {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	if c == nil {
		c = http.DefaultClient
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return reply{resp.StatusCode, string(b)}
}

// digestClient authenticates with Digest, choosing the challenge of alg.
func digestClient(user, pass, alg string) *http.Client {
	return &http.Client{Transport: &digest.Transport{Username: user, Password: pass,
		FindChallenge: func(h http.Header) (*digest.Challenge, error) {
			for _, v := range h.Values("WWW-Authenticate") {
				c, err := digest.ParseChallenge(v)
				if err == nil && c.Algorithm == alg {
					return c, nil
				}
			}
			return nil, digest.ErrNoChallenge
		}}}
}

const readGreeting = `{"operation":"read-attribute","address":[{"system-property":"greeting"}],` +
	`"name":"value"}`

func TestAuthentication(t *testing.T) {
	f := newFixture(t)
	ok := reply{200, `{"outcome":"success","result":"hello"}`}
	tests := []struct {
		name   string
		client *http.Client
		header func() map[string]string
		want   int
	}{
		{"no credentials get 401", nil, nil, 401},
		{"a wrong password gets 401", digestClient("admin", "wrong", "MD5"), nil, 401},
		{"an unknown user gets 401", digestClient("nobody", "secret-1", "MD5"), nil, 401},
		{"the right password with MD5 gets in", digestClient("admin", "secret-1", "MD5"),
			nil, 200},
		{"the right password with SHA-256 gets in",
			digestClient("admin", "secret-1", "SHA-256"), nil, 200},
		{"the local token gets in", nil,
			func() map[string]string { return map[string]string{"Authorization": "Local " + f.token(t)} },
			200},
		{"a wrong local token gets 401", nil,
			func() map[string]string { return map[string]string{"Authorization": "Local abc"} },
			401},
		{"basic authentication is not accepted", nil,
			func() map[string]string { return map[string]string{"Authorization": "Basic YTpi"} },
			401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var h map[string]string
			if tt.header != nil {
				h = tt.header()
			}
			got := send(t, tt.client, "POST", f.url+"/management", "application/json",
				readGreeting, h)
			if got.Status != tt.want {
				t.Fatalf("status = %d, want %d (%s)", got.Status, tt.want, got.Body)
			}
			if tt.want == 200 {
				if diff := cmp.Diff(ok, got); diff != "" {
					t.Errorf("reply (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestChallengeOffersDigestAndLocalPath(t *testing.T) {
	f := newFixture(t)
	resp, err := http.Get(f.url + "/management")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("GET without credentials: status %d, want 401", resp.StatusCode)
	}
	var got []string
	for _, v := range resp.Header.Values("WWW-Authenticate") {
		if c, err := digest.ParseChallenge(v); err == nil {
			got = append(got, c.Realm+" "+c.Algorithm+" "+strings.Join(c.QOP, ","))
			continue
		}
		got = append(got, v)
	}
	want := []string{"ManagementRealm MD5 auth", "ManagementRealm SHA-256 auth",
		`Local path="` + f.auth.TokenFile() + `"`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("challenges (-want +got):\n%s", diff)
	}
	st, err := os.Stat(f.auth.TokenFile())
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("token file mode = %v, want 0600", st.Mode().Perm())
	}
}

// answer computes Digest credentials for a POST of body to /management
// from the challenge in resp.
func answer(t *testing.T, resp *http.Response, pass string) string {
	t.Helper()
	chal, err := digest.FindChallenge(resp.Header)
	if err != nil {
		t.Fatal(err)
	}
	cred, err := digest.Digest(chal, digest.Options{Method: "POST", URI: "/management",
		Username: "admin", Password: pass, Count: 1})
	if err != nil {
		t.Fatal(err)
	}
	return cred.String()
}

func TestNonceLifetime(t *testing.T) {
	tests := []struct {
		name          string
		wait          time.Duration
		wantStatus    int
		wantStale     bool
		wantNextNonce bool
	}{
		{"a fresh nonce is accepted", time.Second, 200, false, false},
		{"an old nonce is accepted and a next nonce is offered", 3 * time.Minute, 200,
			false, true},
		{"an expired nonce gets 401 marked stale", 6 * time.Minute, 401, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			first, err := http.Post(f.url+"/management", "application/json", nil)
			if err != nil {
				t.Fatal(err)
			}
			first.Body.Close()
			auth := answer(t, first, "secret-1")
			f.advance(tt.wait)
			req, _ := http.NewRequest("POST", f.url+"/management",
				strings.NewReader(readGreeting))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", auth)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			stale := strings.Contains(resp.Header.Get("WWW-Authenticate"), "stale=true")
			next := strings.HasPrefix(resp.Header.Get("Authentication-Info"), "nextnonce=")
			got := []any{resp.StatusCode, stale, next}
			want := []any{tt.wantStatus, tt.wantStale, tt.wantNextNonce}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("status, stale, nextnonce (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTokenFileIsRemoved(t *testing.T) {
	f := newFixture(t)
	if err := f.auth.RemoveToken(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(f.auth.TokenFile()); !os.IsNotExist(err) {
		t.Errorf("token file still there after RemoveToken: %v", err)
	}
}

// local returns the header of local authentication for f.
func local(t *testing.T, f *fixture) map[string]string {
	t.Helper()
	return map[string]string{"Authorization": "Local " + f.token(t)}
}

func TestBadRequestsChangeNothing(t *testing.T) {
	f := newFixture(t)
	before, _ := os.ReadFile(f.file)
	huge := `{"operation":"write-attribute","address":[{"system-property":"greeting"}],` +
		`"name":"value","value":"` + strings.Repeat("x", 5000) + `"}`
	tests := []struct {
		name, method, ctype, body string
		want                      reply
	}{
		{"a body that is not JSON gets 400", "POST", "application/json", `{"operation":`,
			reply{400, "{\n    \"outcome\" : \"failed\",\n    \"failure-description\" : " +
				"\"The request body is not a valid JSON operation: Unexpected EOF while " +
				"reading DMR stream\",\n    \"rolled-back\" : true\n}"}},
		{"a request without an operation gets 400", "POST", "application/json",
			`{"address":[],"name":"x"}`,
			reply{400, "{\n    \"outcome\" : \"failed\",\n    \"failure-description\" : " +
				"\"The operation request has no \\\"operation\\\": give the name of the " +
				"operation to run\",\n    \"rolled-back\" : true\n}"}},
		{"a body that is a list gets 400", "POST", "application/json", `[1]`,
			reply{400, "{\n    \"outcome\" : \"failed\",\n    \"failure-description\" : " +
				"\"The request body must be a JSON object (an operation), not LIST\",\n" +
				"    \"rolled-back\" : true\n}"}},
		{"a body above the limit gets 413", "POST", "application/json", huge,
			reply{413, "{\n    \"outcome\" : \"failed\",\n    \"failure-description\" : " +
				"\"The request body is larger than the limit of 4 KiB\",\n" +
				"    \"rolled-back\" : true\n}"}},
		{"a body that is not JSON content gets 415", "POST", "text/plain", readGreeting,
			reply{415, "Unsupported media type: send the operation as application/json\n"}},
		{"PUT gets 405", "PUT", "application/json", readGreeting,
			reply{405, "Method not allowed: use POST with a JSON operation, or GET\n"}},
		{"another path gets 404", "GET", "", "", reply{404,
			"Not found: the management API is at /management\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			url := f.url + "/management"
			if tt.want.Status == 404 {
				url = f.url + "/console"
			}
			got := send(t, nil, tt.method, url, tt.ctype, tt.body, local(t, f))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("reply (-want +got):\n%s", diff)
			}
		})
	}
	after, _ := os.ReadFile(f.file)
	if !bytes.Equal(before, after) {
		t.Errorf("the configuration changed:\n%s", after)
	}
}

func TestTwoNodesOnOneDirectoryKeepTheirOwnTokens(t *testing.T) {
	dir := t.TempDir()
	first, err := NewAuth(AuthOptions{TokenDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	second, err := NewAuth(AuthOptions{TokenDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if first.TokenFile() == second.TokenFile() {
		t.Fatalf("both nodes write %s", first.TokenFile())
	}
	if err := second.RemoveToken(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(first.TokenFile())
	if err != nil {
		t.Fatalf("the first node's token is gone after the second stopped: %v", err)
	}
	if diff := cmp.Diff(string(first.token), string(b)); diff != "" {
		t.Errorf("first token (-want +got):\n%s", diff)
	}
}
