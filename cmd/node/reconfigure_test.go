package main

import (
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/cmd/cli/remote"
	"wfcli/cmd/cli/shell"
	"wfcli/ops/dmr"
)

var (
	keycloak = []string{"subsystem", "infinispan", "cache-container", "keycloak"}
	newcache = append(append([]string{}, keycloak...), "distributed-cache", "newcache")
	sessions = append(append([]string{}, keycloak...), "distributed-cache", "sessions")
)

// reloadHeaders are the response headers of a change that waits for a
// reload.
const reloadHeaders = `{"operation-requires-reload"=>true,` +
	`"process-state"=>"reload-required"}`

// request is operation name at pairs with the parameters kv, and the
// header allow-resource-service-restart=true when restart is set.
func request(name string, pairs []string, restart bool, kv ...dmr.Value) dmr.Value {
	op := dmr.NewObject()
	op.Set("operation", dmr.NewString(name))
	op.Set("address", address(pairs))
	for i := 0; i+1 < len(kv); i += 2 {
		op.Set(kv[i].Str(), kv[i+1])
	}
	if restart {
		h := dmr.NewObject()
		h.Set("allow-resource-service-restart", dmr.NewBool(true))
		op.Set("operation-headers", h)
	}
	return op
}

// outcome is the outcome of response r and its response headers, compact.
func outcome(r dmr.Value) []string {
	o, _ := r.Get("outcome")
	h, _ := r.Get("response-headers")
	if !h.IsDefined() {
		return []string{o.AsString(), ""}
	}
	return []string{o.AsString(), h.CompactString()}
}

func TestCacheAddRemoveAndFailedBatch(t *testing.T) {
	add := request("add", newcache, false)
	bad := request("write-attribute", []string{"subsystem", "infinispan",
		"cache-container", "nosuch"}, false, dmr.NewString("name"),
		dmr.NewString("statistics-enabled"), dmr.NewString("value"), dmr.NewBool(true))
	batch := request("composite", nil, false, dmr.NewString("steps"), dmr.NewList(add, bad))
	tests := []struct {
		name        string
		op          dmr.Value
		cache       string
		want        []string
		wantRunning bool
	}{
		{"a cache added to a running container serves at once", add, "newcache",
			[]string{"success", ""}, true},
		{"a batch that adds a cache then fails leaves no running cache", batch, "newcache",
			[]string{"failed", ""}, false},
		{"a cache removed with allow-resource-service-restart stops at once",
			request("remove", sessions, true), "sessions", []string{"success", ""}, false},
		{"a cache removed without it runs until reload", request("remove", sessions, false),
			"sessions", []string{"success", reloadHeaders}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := startCacheNode(t, 0, transportPorts(t))
			got := outcome(n.Execute(tt.op))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("response (-want +got):\n%s", diff)
			}
			running := n.caches.mgr.Container("keycloak").Cache(tt.cache) != nil
			if running != tt.wantRunning {
				t.Errorf("%s running = %v, want %v", tt.cache, running, tt.wantRunning)
			}
			path := "/cache/keycloak/" + tt.cache + "/k"
			code, body := rest(t, n, "PUT", path, "v")
			if tt.wantRunning && code != 204 {
				t.Fatalf("PUT = %d %s", code, body)
			}
			wantGet := 404
			if tt.wantRunning {
				wantGet = 200
			}
			if code, _ := rest(t, n, "GET", path, ""); code != wantGet {
				t.Errorf("GET = %d, want %d", code, wantGet)
			}
		})
	}
}

func TestOwnersChangeWithAndWithoutServiceRestart(t *testing.T) {
	tests := []struct {
		name        string
		restart     bool
		want        []string
		wantOwners  int
		wantEntries int
	}{
		{"with allow-resource-service-restart the owners change at once", true,
			[]string{"success", ""}, 2, 200},
		{"without it the old owners stay until reload", false,
			[]string{"success", reloadHeaders}, 1, 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ports := transportPorts(t)
			nodes := []*Node{startCacheNode(t, 0, ports), startCacheNode(t, 1, ports)}
			for _, n := range nodes {
				waitCacheMembers(t, n, "keycloak", 2)
			}
			for i := range 100 {
				k := "/cache/keycloak/sessions/s" + strconv.Itoa(i)
				if code, body := rest(t, nodes[0], "PUT", k, "v"); code != 204 {
					t.Fatalf("PUT %s = %d %s", k, code, body)
				}
			}
			waitEntries(t, nodes, 100)
			for _, n := range nodes {
				op := request("write-attribute", sessions, tt.restart,
					dmr.NewString("name"), dmr.NewString("owners"),
					dmr.NewString("value"), dmr.NewInt(2))
				if diff := cmp.Diff(tt.want, outcome(n.Execute(op))); diff != "" {
					t.Errorf("response (-want +got):\n%s", diff)
				}
			}
			waitEntries(t, nodes, tt.wantEntries)
			for i, n := range nodes {
				got := n.caches.mgr.Container("keycloak").Cache("sessions").Config().Owners
				if got != tt.wantOwners {
					t.Errorf("node%d runs owners=%d, want %d", i, got, tt.wantOwners)
				}
			}
			if tt.restart {
				return
			}
			for i, n := range nodes {
				outcome(n.Execute(request("reload", nil, false)))
				waitCacheMembers(t, n, "keycloak", 2)
				got := n.caches.mgr.Container("keycloak").Cache("sessions").Config().Owners
				if got != 2 {
					t.Errorf("node%d runs owners=%d after reload, want 2", i, got)
				}
			}
		})
	}
}

func TestChannelChangeWithAndWithoutServiceRestart(t *testing.T) {
	tests := []struct {
		name        string
		restart     bool
		wantRestart bool
	}{
		{"with allow-resource-service-restart the channel restarts and rejoins", true, true},
		{"without it the channel runs on until reload", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ports := transportPorts(t)
			nodes := []*Node{startCacheNode(t, 0, ports), startCacheNode(t, 1, ports)}
			for _, n := range nodes {
				waitCacheMembers(t, n, "keycloak", 2)
			}
			before := nodes[1].channel.Channel()
			op := request("write-attribute", []string{"subsystem", "jgroups", "channel", "ee"},
				tt.restart, dmr.NewString("name"), dmr.NewString("statistics-enabled"),
				dmr.NewString("value"), dmr.NewBool(true))
			r := nodes[1].Execute(op)
			if o, _ := r.Get("outcome"); o.AsString() != "success" {
				t.Fatalf("write-attribute: %s", r.CompactString())
			}
			if got := nodes[1].channel.Channel() != before; got != tt.wantRestart {
				t.Errorf("channel restarted = %v, want %v", got, tt.wantRestart)
			}
			for _, n := range nodes {
				waitCacheMembers(t, n, "keycloak", 2)
			}
			if code, body := rest(t, nodes[1], "PUT", "/cache/keycloak/sessions/k", "v"); code != 204 {
				t.Errorf("PUT after the change = %d %s", code, body)
			}
		})
	}
}

// BenchmarkOwnersServiceRestart measures write-attribute(owners) with
// allow-resource-service-restart on each of three nodes in turn, 1,000
// entries held, until every node places entries over all three again:
// the live counterpart of BenchmarkOwnersReload.
func BenchmarkOwnersServiceRestart(b *testing.B) {
	ports := transportPorts(b)
	var nodes []*Node
	for i := range 3 {
		nodes = append(nodes, startCacheNode(b, i, ports))
	}
	for _, n := range nodes {
		waitCacheMembers(b, n, "keycloak", 3)
	}
	for i := range 1000 {
		k := "/cache/keycloak/sessions/s" + strconv.Itoa(i)
		if code, body := rest(b, nodes[0], "PUT", k, "v"); code != 204 {
			b.Fatalf("PUT %s = %d %s", k, code, body)
		}
	}
	for i := 0; b.Loop(); i++ {
		for _, n := range nodes {
			op := request("write-attribute", sessions, true, dmr.NewString("name"),
				dmr.NewString("owners"), dmr.NewString("value"), dmr.NewInt(int32(2+i%2)))
			if r := n.Execute(op); outcome(r)[0] != "success" {
				b.Fatalf("write-attribute: %s", r.CompactString())
			}
		}
		for _, n := range nodes {
			waitCacheMembers(b, n, "keycloak", 3)
		}
	}
}

func TestServiceRestartHeaderThroughTheCLI(t *testing.T) {
	tests := []struct {
		name       string
		headers    string
		wantOwners int
		wantState  string
	}{
		{"the header in a CLI script changes the running owners",
			"{allow-resource-service-restart=true}", 2, "running"},
		{"without it the script leaves them for the reload", "", 1, "reload-required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := startCacheNode(t, 0, transportPorts(t))
			sh, out := remoteShell(t, n.Addr(), remote.Options{})
			script := "/subsystem=infinispan/cache-container=keycloak/distributed-cache=" +
				"sessions:write-attribute(name=owners, value=2)" + tt.headers + "\n"
			if !sh.Run(shell.SplitScript("owners.cli", script)) {
				t.Fatalf("owners script failed:\n%s", out)
			}
			got := n.caches.mgr.Container("keycloak").Cache("sessions").Config().Owners
			if got != tt.wantOwners {
				t.Errorf("owners = %d, want %d", got, tt.wantOwners)
			}
			if got := readAttr(t, n, "server-state"); got != tt.wantState {
				t.Errorf("server-state = %q, want %q", got, tt.wantState)
			}
		})
	}
}
