package cache

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops"
)

func TestInterfacesRequireCredentials(t *testing.T) {
	m := NewManager(nil)
	c := NewContainer("web", Alone("node-a"), nil)
	if _, err := c.Start("sessions", Config{}); err != nil {
		t.Fatal(err)
	}
	m.Add(c)
	defer m.Stop()
	onlyAlice := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if u, _, _ := r.BasicAuth(); u != "alice" {
				http.Error(w, "who?", http.StatusUnauthorized)
				return
			}
			h.ServeHTTP(w, r)
		})
	}
	guarded := httptest.NewServer(m.Handler(onlyAlice))
	defer guarded.Close()
	peersOnly := httptest.NewServer(m.Handler(nil))
	defer peersOnly.Close()

	tests := []struct {
		name, url, method, path string
		user, token             string
		want                    int
	}{
		{"an anonymous write is refused", guarded.URL, "PUT", "/cache/web/sessions/k", "", "",
			401},
		{"an authenticated write is served", guarded.URL, "PUT", "/cache/web/sessions/k",
			"alice", "", 204},
		{"an anonymous read is refused", guarded.URL, "GET", "/cache/web/sessions/k", "", "",
			401},
		{"a peer call without the token is forbidden", guarded.URL, "GET",
			"/cache-peer/web/sessions/k", "alice", "", 403},
		{"a peer call with a wrong token is forbidden", guarded.URL, "GET",
			"/cache-peer/web/sessions/k", "", "guess", 403},
		{"a peer call with the token is served", guarded.URL, "GET",
			"/cache-peer/web/sessions/k", "", m.PeerToken(), 200},
		{"without an authenticator there is no public interface", peersOnly.URL, "GET",
			"/cache/web/sessions/k", "alice", m.PeerToken(), 404},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(tc.method, tc.url+tc.path, strings.NewReader("v"))
			if tc.user != "" {
				req.SetBasicAuth(tc.user, "pw")
			}
			if tc.token != "" {
				req.Header.Set(PeerTokenHeader, tc.token)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Errorf("%s %s = %d, want %d", tc.method, tc.path, resp.StatusCode, tc.want)
			}
		})
	}
	if a, b := NewManager(nil).PeerToken(), m.PeerToken(); a == b || len(a) < 20 {
		t.Errorf("peer tokens %q and %q are not random", a, b)
	}
}

func TestDisabledStatisticsReadZero(t *testing.T) {
	m := NewManager(nil)
	c := NewContainer("web", Alone("node-a"), nil)
	if _, err := c.Start("sessions", Config{}); err != nil {
		t.Fatal(err)
	}
	m.Add(c)
	defer m.Stop()
	ctx := context.Background()
	ca := c.Cache("sessions")
	if err := ca.Put(ctx, "k", []byte("v")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ca.Get(ctx, "k"); err != nil {
		t.Fatal(err)
	}
	at := ops.Address{{Type: "subsystem", Name: "infinispan"},
		{Type: "cache-container", Name: "web"}, {Type: "local-cache", Name: "sessions"}}
	want := map[string]string{"number-of-entries": "1", "hits": "0L", "writes": "0L",
		"hit-ratio": "0.0"}
	got := map[string]string{}
	for attr := range want {
		v, ok := m.Value(at, attr)
		if !ok {
			t.Fatalf("no value for %s", attr)
		}
		got[attr] = v.String()
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("metrics with statistics disabled (-want +got):\n%s", diff)
	}
}

func TestResetStatistics(t *testing.T) {
	m := NewManager(nil)
	c := NewContainer("web", Alone("node-a"), nil)
	if _, err := c.Start("sessions", Config{StatisticsEnabled: true}); err != nil {
		t.Fatal(err)
	}
	m.Add(c)
	defer m.Stop()
	ctx := context.Background()
	ca := c.Cache("sessions")
	for _, k := range []string{"a", "b"} {
		if err := ca.Put(ctx, k, []byte("v")); err != nil {
			t.Fatal(err)
		}
	}
	at := ops.Address{{Type: "subsystem", Name: "infinispan"},
		{Type: "cache-container", Name: "web"}, {Type: "local-cache", Name: "sessions"}}
	writes := func() string { v, _ := m.Value(at, "writes"); return v.String() }
	if got := writes(); got != "2L" {
		t.Fatalf("writes before the reset = %s, want 2L", got)
	}
	tests := []struct {
		name string
		addr ops.Address
		ok   bool
	}{
		{"another cache type is no running cache", at[:2].Child("replicated-cache",
			"sessions"), false},
		{"an unknown cache is no running cache", at[:2].Child("local-cache", "x"), false},
		{"the cache as the model names it is reset", at, true},
	}
	for _, tc := range tests {
		if got := m.ResetStatistics(tc.addr); got != tc.ok {
			t.Errorf("%s: ResetStatistics = %v, want %v", tc.name, got, tc.ok)
		}
	}
	if got := writes(); got != "0L" {
		t.Errorf("writes after the reset = %s, want 0L", got)
	}
	if got, _ := m.Value(at, "number-of-entries"); got.String() != "2" {
		t.Errorf("the reset dropped entries: number-of-entries = %s", got)
	}
}
