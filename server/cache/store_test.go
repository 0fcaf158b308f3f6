package cache

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

func TestLocalCacheBoundsItsSize(t *testing.T) {
	c := NewContainer("c", Alone("n"), nil)
	ca, err := c.Start("bounded", Config{MaxEntries: 100})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Stop()
	for i := range 1000 {
		ca.Put(context.Background(), fmt.Sprint(i), []byte("v"))
	}
	ca.store.c.CleanUp()
	if n := ca.Len(); n > 100 {
		t.Errorf("a cache of size 100 holds %d entries", n)
	}
}

func TestLocalCacheExpires(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		// touch reads the entry every 20 ms for this long before the check.
		touch time.Duration
		wait  time.Duration
		want  bool
	}{
		{"an entry outlives no lifespan", Config{}, 0, 60 * time.Millisecond, true},
		{"an entry dies at its lifespan", Config{Lifespan: 40 * time.Millisecond},
			0, 80 * time.Millisecond, false},
		{"an idle entry dies at max-idle", Config{MaxIdle: 40 * time.Millisecond},
			0, 80 * time.Millisecond, false},
		{"reads keep an entry alive past max-idle", Config{MaxIdle: 200 * time.Millisecond},
			400 * time.Millisecond, 0, true},
		{"reads do not extend the lifespan",
			Config{MaxIdle: 200 * time.Millisecond, Lifespan: 300 * time.Millisecond},
			500 * time.Millisecond, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			c := NewContainer("c", Alone("n"), nil)
			defer c.Stop()
			ca, err := c.Start("x", tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			ca.Put(ctx, "k", []byte("v"))
			for end := time.Now().Add(tt.touch); time.Now().Before(end); {
				time.Sleep(20 * time.Millisecond)
				ca.Get(ctx, "k")
			}
			time.Sleep(tt.wait)
			if _, ok, _ := ca.Get(ctx, "k"); ok != tt.want {
				t.Errorf("entry present = %v, want %v", ok, tt.want)
			}
		})
	}
}

func TestRESTInterfaceAndMetrics(t *testing.T) {
	m := NewManager(nil)
	c := NewContainer("web", Alone("node-a"), nil)
	if _, err := c.Start("sessions", Config{StatisticsEnabled: true}); err != nil {
		t.Fatal(err)
	}
	m.Add(c)
	defer m.Stop()
	srv := httptest.NewServer(m.Handler(func(h http.Handler) http.Handler { return h }))
	defer srv.Close()

	steps := []struct {
		method, path, body string
		wantCode           int
		wantBody           string
	}{
		{"GET", "/cache/web/sessions/a%2Fb", "", 404, "no such entry\n"},
		{"PUT", "/cache/web/sessions/a%2Fb", "hello", 204, ""},
		{"GET", "/cache/web/sessions/a%2Fb", "", 200, "hello"},
		{"DELETE", "/cache/web/sessions/a%2Fb", "", 204, ""},
		{"GET", "/cache/web/sessions/a%2Fb", "", 404, "no such entry\n"},
		{"PUT", "/cache/web/sessions/kept", "1", 204, ""},
		{"GET", "/cache/web/nothing/k", "", 404, "no cache nothing in web\n"},
		{"GET", "/cache/none/sessions/k", "", 404, "no cache container none\n"},
	}
	for _, s := range steps {
		req, _ := http.NewRequest(s.method, srv.URL+s.path, strings.NewReader(s.body))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != s.wantCode || string(b) != s.wantBody {
			t.Errorf("%s %s = %d %q, want %d %q", s.method, s.path, resp.StatusCode, b,
				s.wantCode, s.wantBody)
		}
	}

	at := ops.Address{{Type: "subsystem", Name: "infinispan"},
		{Type: "cache-container", Name: "web"}, {Type: "local-cache", Name: "sessions"}}
	got := map[string]string{}
	for _, attr := range []string{"number-of-entries", "hits", "misses", "writes",
		"stores", "remove-hits"} {
		v, ok := m.Value(at, attr)
		if !ok {
			t.Fatalf("no value for %s", attr)
		}
		got[attr] = fmt.Sprint(v.Int64())
	}
	want := map[string]string{"number-of-entries": "1", "hits": "1", "misses": "2",
		"writes": "2", "stores": "2", "remove-hits": "1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("metrics (-want +got):\n%s", diff)
	}
	if _, ok := m.Value(at[:2].Child("distributed-cache", "sessions"), "hits"); ok {
		t.Errorf("a local cache answers as a distributed cache")
	}
	if _, ok := m.Value(at[:2], "cluster-name"); ok {
		t.Errorf("a container without a channel reports a cluster name")
	}
}

func TestContainerRuntimeAttributes(t *testing.T) {
	g := startGroup(t, 2, Config{Mode: Distributed})
	at := ops.Address{{Type: "subsystem", Name: "infinispan"},
		{Type: "cache-container", Name: "web"}}
	tests := []struct {
		name string
		node int
		attr string
		want dmr.Value
	}{
		{"the cluster's name", 1, "cluster-name", dmr.NewString("test")},
		{"the coordinator is the oldest member", 1, "coordinator-address",
			dmr.NewString("node-0")},
		{"the local address is the member's name", 1, "local-address",
			dmr.NewString("node-1")},
		{"a younger member is not coordinator", 1, "is-coordinator", dmr.NewBool(false)},
		{"the oldest member is coordinator", 0, "is-coordinator", dmr.NewBool(true)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := g.nodes[tt.node].mgr.Value(at, tt.attr)
			if !ok || !got.Equal(tt.want) {
				t.Errorf("%s = %v (%v), want %v", tt.attr, got, ok, tt.want)
			}
		})
	}
}
