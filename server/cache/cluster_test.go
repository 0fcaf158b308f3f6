package cache

import (
	"context"
	"fmt"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"
)

// testGroup is an in-memory view shared by members on loopback: each
// member's HTTP listener is an httptest server.
type testGroup struct {
	mu      sync.Mutex
	members []Member
	nodes   []*testNode
}

type testNode struct {
	group *testGroup
	self  Member
	mgr   *Manager
	srv   *httptest.Server
}

// testView is one member's view of the group.
type testView struct{ n *testNode }

func (v testView) Local() Member { return v.n.self }
func (v testView) Members() []Member {
	v.n.group.mu.Lock()
	defer v.n.group.mu.Unlock()
	return slices.Clone(v.n.group.members)
}
func (v testView) Cluster() string     { return "test" }
func (v testView) Coordinator() string { return v.Members()[0].Name }

// start adds a member named name whose container "web" runs cfg as
// "dist", and rebalances every member as a view change does.
func (g *testGroup) start(t testing.TB, name string, cfg Config) *testNode {
	n := &testNode{group: g, mgr: NewManager(nil)}
	n.srv = httptest.NewServer(n.mgr.Handler(nil))
	n.self = Member{Name: name, URL: n.srv.URL, Token: n.mgr.PeerToken()}
	c := NewContainer("web", testView{n}, nil)
	if _, err := c.Start("dist", cfg); err != nil {
		t.Fatal(err)
	}
	n.mgr.Add(c)
	g.mu.Lock()
	g.members = append(g.members, n.self)
	g.nodes = append(g.nodes, n)
	g.mu.Unlock()
	g.viewChanged()
	t.Cleanup(func() { n.srv.Close(); n.mgr.Stop() })
	return n
}

// stop stops n abruptly (its entries are gone) and tells the others.
func (g *testGroup) stop(n *testNode) {
	n.srv.Close()
	n.mgr.Stop()
	g.mu.Lock()
	g.members = slices.DeleteFunc(g.members, func(m Member) bool { return m == n.self })
	g.nodes = slices.DeleteFunc(g.nodes, func(o *testNode) bool { return o == n })
	g.mu.Unlock()
	g.viewChanged()
}

func (g *testGroup) viewChanged() {
	g.mu.Lock()
	nodes := slices.Clone(g.nodes)
	g.mu.Unlock()
	for _, n := range nodes {
		n.mgr.ViewChanged()
	}
}

func (n *testNode) cache() *Cache { return n.mgr.Container("web").Cache("dist") }

func startGroup(t testing.TB, size int, cfg Config) *testGroup {
	g := &testGroup{}
	for i := range size {
		g.start(t, fmt.Sprintf("node-%d", i), cfg)
	}
	return g
}

// lost writes entries through the first member, stops the last and
// counts the entries the first can no longer read.
func lost(t *testing.T, g *testGroup, entries int) int {
	ctx := context.Background()
	first := g.nodes[0]
	for i := range entries {
		k := fmt.Sprint("session-", i)
		if err := first.cache().Put(ctx, k, []byte(k)); err != nil {
			t.Fatal(err)
		}
	}
	g.stop(g.nodes[len(g.nodes)-1])
	missing := 0
	for i := range entries {
		k := fmt.Sprint("session-", i)
		v, ok, err := first.cache().Get(ctx, k)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			missing++
		} else if string(v) != k {
			t.Fatalf("%s reads %q", k, v)
		}
	}
	return missing
}

func TestDistributedCacheSurvivesAStoppedMember(t *testing.T) {
	tests := []struct {
		name     string
		owners   int
		wantLoss bool
	}{
		{"one owner loses the stopped member's entries", 1, true},
		{"two owners lose nothing", 2, false},
		{"three owners lose nothing", 3, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := startGroup(t, 3, Config{Mode: Distributed, Owners: tt.owners})
			n := lost(t, g, 1000)
			if got := n > 0; got != tt.wantLoss {
				t.Errorf("%d of 1,000 entries lost; want loss %v", n, tt.wantLoss)
			}
			// With one owner of three, the stopped member held about a third.
			if tt.wantLoss && (n < 200 || n > 470) {
				t.Errorf("%d of 1,000 entries lost, want about 333", n)
			}
		})
	}
}

// holders counts, for each key, the members holding it, and fails for a
// member that holds a key it does not own.
func holders(t *testing.T, g *testGroup, owners int) map[string]int {
	out := map[string]int{}
	names := names(g.nodes[0].cache().owner.members())
	for _, n := range g.nodes {
		for k := range n.cache().store.all() {
			if !slices.Contains(Owners(Segment(k, 256), names, owners), n.self.Name) {
				t.Errorf("%s holds %s, which it does not own", n.self.Name, k)
			}
			out[k]++
		}
	}
	return out
}

func TestDistributedCacheRebalancesOnJoin(t *testing.T) {
	ctx := context.Background()
	g := startGroup(t, 2, Config{Mode: Distributed, Owners: 2})
	for i := range 500 {
		k := fmt.Sprint("k", i)
		if err := g.nodes[1].cache().Put(ctx, k, []byte("v")); err != nil {
			t.Fatal(err)
		}
	}
	g.start(t, "node-2", Config{Mode: Distributed, Owners: 2})
	g.start(t, "node-3", Config{Mode: Distributed, Owners: 2})

	counts := holders(t, g, 2)
	if len(counts) != 500 {
		t.Fatalf("%d keys held after two joins, want 500", len(counts))
	}
	for k, c := range counts {
		if c != 2 {
			t.Errorf("%s is held by %d members, want 2", k, c)
		}
	}
	if got := g.nodes[3].cache().Len(); got == 0 {
		t.Errorf("the newest member holds no entry after rebalancing")
	}
}

func TestReplicatedAndInvalidationCaches(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name string
		mode Mode
		// want is what each member reads after the first writes "v1"
		// and the second then writes "v2".
		want []string
	}{
		{"replicated holds every entry everywhere", Replicated, []string{"v2", "v2", "v2"}},
		{"invalidation keeps only the last writer's copy", Invalidation,
			[]string{"", "v2", ""}},
		{"local keeps each member's own write", Local, []string{"v1", "v2", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := startGroup(t, 3, Config{Mode: tt.mode})
			if err := g.nodes[0].cache().Put(ctx, "k", []byte("v1")); err != nil {
				t.Fatal(err)
			}
			if err := g.nodes[1].cache().Put(ctx, "k", []byte("v2")); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range g.nodes {
				v, _, err := n.cache().Get(ctx, "k")
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, string(v))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("members read %q, want %q", got, tt.want)
			}
		})
	}
}

func TestReplicatedCacheCopiesEverythingToANewcomer(t *testing.T) {
	ctx := context.Background()
	g := startGroup(t, 2, Config{Mode: Replicated})
	for i := range 100 {
		if err := g.nodes[i%2].cache().Put(ctx, fmt.Sprint("k", i), []byte("v")); err != nil {
			t.Fatal(err)
		}
	}
	n := g.start(t, "node-2", Config{Mode: Replicated})
	var got []int
	for _, m := range g.nodes {
		got = append(got, m.cache().Len())
	}
	if want := []int{100, 100, 100}; !slices.Equal(got, want) {
		t.Errorf("members hold %v entries, want %v", got, want)
	}
	if v, ok, _ := n.cache().Get(ctx, "k7"); !ok || string(v) != "v" {
		t.Errorf("the newcomer reads k7 = %q, %v", v, ok)
	}
}

func TestRebalanceRetriesUntilTheNewcomersCacheRuns(t *testing.T) {
	ctx := context.Background()
	cfg := Config{Mode: Distributed, Owners: 1}
	g := startGroup(t, 2, cfg)
	for i := range 300 {
		if err := g.nodes[0].cache().Put(ctx, fmt.Sprint("k", i), []byte("v")); err != nil {
			t.Fatal(err)
		}
	}
	// The newcomer is in the view before its cache runs: moves to it fail.
	n := &testNode{group: g, mgr: NewManager(nil)}
	n.srv = httptest.NewServer(n.mgr.Handler(nil))
	defer n.srv.Close()
	n.self = Member{Name: "node-2", URL: n.srv.URL, Token: n.mgr.PeerToken()}
	c := NewContainer("web", testView{n}, nil)
	n.mgr.Add(c)
	defer n.mgr.Stop()
	g.mu.Lock()
	g.members, g.nodes = append(g.members, n.self), append(g.nodes, n)
	g.mu.Unlock()
	g.viewChanged()
	if _, err := c.Start("dist", cfg); err != nil {
		t.Fatal(err)
	}

	deadline := time.Now().Add(10 * time.Second)
	for misplaced(g, 1) > 0 || n.cache().Len() == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("after retries, %d entries misplaced, the newcomer holds %d",
				misplaced(g, 1), n.cache().Len())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if got := len(holders(t, g, 1)); got != 300 {
		t.Errorf("%d keys held, want 300", got)
	}
	for i := range 300 {
		if _, ok, err := g.nodes[2].cache().Get(ctx, fmt.Sprint("k", i)); !ok || err != nil {
			t.Fatalf("k%d: found %v, %v", i, ok, err)
		}
	}
}

// misplaced counts the entries held by a member that does not own them.
func misplaced(g *testGroup, owners int) int {
	n := 0
	names := names(g.nodes[0].cache().owner.members())
	for _, m := range g.nodes {
		for k := range m.cache().store.all() {
			if !slices.Contains(Owners(Segment(k, 256), names, owners), m.self.Name) {
				n++
			}
		}
	}
	return n
}
