package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"wfcli/cmd/cli/remote"
	"wfcli/cmd/cli/shell"
	"wfcli/server/endpoint"
)

// startCacheNode boots node i of a TCPPING cluster on ports, its HTTP
// listener on a free port, with the statistics of keycloak's sessions
// cache enabled.
func startCacheNode(t testing.TB, i int, ports []int) *Node {
	t.Helper()
	home := tcppingInstall(t, ports)
	file := filepath.Join(home, "standalone", "configuration", "standalone-ha.xml")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	const sessions = `<distributed-cache name="sessions" owners="1"`
	xml := strings.Replace(string(data), sessions, sessions+` statistics-enabled="true"`, 1)
	if xml == string(data) {
		t.Fatal("the default configuration has no sessions cache")
	}
	if err := os.WriteFile(file, []byte(xml), 0o644); err != nil {
		t.Fatal(err)
	}
	return startNode(t, "-c", "standalone-ha.xml", "-Djboss.home.dir="+home,
		"-Djboss.management.http.port=0", "-Djboss.http.port=0",
		"-Djboss.node.name=node"+strconv.Itoa(i),
		"-Djboss.socket.binding.port-offset="+strconv.Itoa(ports[i]-7600))
}

// waitCacheMembers polls until container of n places entries over want
// members.
func waitCacheMembers(t testing.TB, n *Node, container string, want int) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		got := 0
		if c := n.caches.mgr.Container(container); c != nil {
			got = len(c.View().Members())
		}
		if got == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("container %s has %d members, want %d", container, got, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// rest sends method to the cache path on n's HTTP listener, with the
// node's local token, and returns the status and body.
func rest(t testing.TB, n *Node, method, path, body string) (int, string) {
	t.Helper()
	token, err := os.ReadFile(n.auth.TokenFile())
	if err != nil {
		t.Fatal(err)
	}
	return restAs(t, n, method, path, body, endpoint.LocalScheme+" "+string(token))
}

// restAs sends method to the cache path on n's HTTP listener with the
// Authorization header auth ("" sends none).
func restAs(t testing.TB, n *Node, method, path, body, auth string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, "http://"+n.caches.ln.Addr().String()+path,
		strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// setOwners runs a CLI script on n that sets the owners of keycloak's
// sessions cache and reloads.
func setOwners(t testing.TB, n *Node, owners int) {
	t.Helper()
	sh, out := remoteShell(t, n.Addr(), remote.Options{})
	script := "/subsystem=infinispan/cache-container=keycloak/distributed-cache=sessions:" +
		"write-attribute(name=owners, value=" + strconv.Itoa(owners) + ")\nreload\n"
	if !sh.Run(shell.SplitScript("owners.cli", script)) {
		t.Fatalf("owners script failed:\n%s", out)
	}
}

func TestOwnersDecideWhatAStoppedNodeLoses(t *testing.T) {
	tests := []struct {
		name     string
		owners   int
		kill     bool
		wantLoss bool
	}{
		{"one owner, as Keycloak ships, loses entries", 1, false, true},
		{"two owners set by a CLI script and reload lose none", 2, false, false},
		{"two owners lose none when a node crashes", 2, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ports := transportPorts(t)
			var nodes []*Node
			for i := range 3 {
				nodes = append(nodes, startCacheNode(t, i, ports))
			}
			if tt.owners != 1 {
				for _, n := range nodes {
					setOwners(t, n, tt.owners)
				}
			}
			for _, n := range nodes {
				waitCacheMembers(t, n, "keycloak", 3)
			}
			for i := range 1000 {
				k := "/cache/keycloak/sessions/s" + strconv.Itoa(i)
				if code, body := rest(t, nodes[0], "PUT", k, "v"); code != 204 {
					t.Fatalf("PUT %s = %d %s", k, code, body)
				}
			}
			checkCacheMetrics(t, nodes, tt.owners)
			if tt.kill {
				crash(nodes[2])
			} else if err := nodes[2].Shutdown(context.Background()); err != nil {
				t.Fatal(err)
			}
			waitCacheMembers(t, nodes[0], "keycloak", 2)

			lost := 0
			for i := range 1000 {
				k := "/cache/keycloak/sessions/s" + strconv.Itoa(i)
				switch code, body := rest(t, nodes[1], "GET", k, ""); code {
				case 200:
				case 404:
					lost++
				default:
					t.Fatalf("GET %s = %d %s", k, code, body)
				}
			}
			if got := lost > 0; got != tt.wantLoss {
				t.Errorf("%d of 1,000 entries lost with owners=%d", lost, tt.owners)
			}
			t.Logf("owners=%d: %d of 1,000 entries lost", tt.owners, lost)
			if !tt.wantLoss {
				waitEntries(t, nodes[:2], 1000*tt.owners)
			}
		})
	}
}

// checkCacheMetrics reads, through the management model, the metrics of
// the sessions cache after 1,000 writes through node0.
func checkCacheMetrics(t *testing.T, nodes []*Node, owners int) {
	t.Helper()
	cache := []string{"subsystem", "infinispan", "cache-container", "keycloak",
		"distributed-cache", "sessions"}
	entries := 0
	for _, n := range nodes {
		e, _ := strconv.Atoi(readAttr(t, n, "number-of-entries", cache...))
		entries += e
	}
	container := cache[:4]
	got := []string{strconv.Itoa(entries), readAttr(t, nodes[0], "writes", cache...),
		readAttr(t, nodes[1], "local-address", container...),
		readAttr(t, nodes[1], "cluster-name", container...),
		readAttr(t, nodes[1], "coordinator-address", container...),
		readAttr(t, nodes[1], "is-coordinator", container...)}
	want := []string{strconv.Itoa(1000 * owners), "1000", "node1", "ejb", "node0", "false"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("cache metrics (-want +got):\n%s", diff)
	}
}

// BenchmarkCacheREST measures a PUT and a GET through node0's REST
// interface on a three-node cluster, for the local cache (keycloak's
// realms) and the distributed one (web's dist, owners=2).
func BenchmarkCacheREST(b *testing.B) {
	ports := transportPorts(b)
	var nodes []*Node
	for i := range 3 {
		nodes = append(nodes, startCacheNode(b, i, ports))
	}
	for _, n := range nodes {
		waitCacheMembers(b, n, "web", 3)
	}
	for _, path := range []string{"/cache/keycloak/realms/", "/cache/web/dist/"} {
		for _, method := range []string{"PUT", "GET"} {
			b.Run(method+" "+path, func(b *testing.B) {
				for i := 0; b.Loop(); i++ {
					k := path + strconv.Itoa(i%1000)
					if code, body := rest(b, nodes[0], method, k, "v"); code >= 300 {
						b.Fatalf("%s %s = %d %s", method, k, code, body)
					}
				}
			})
		}
	}
}

// BenchmarkOwnersReload measures the time from a CLI script that sets
// owners=2 and reloads, run on each of three nodes in turn, to the caches
// of every node placing entries over all three again.
func BenchmarkOwnersReload(b *testing.B) {
	ports := transportPorts(b)
	var nodes []*Node
	for i := range 3 {
		nodes = append(nodes, startCacheNode(b, i, ports))
	}
	for i := 0; b.Loop(); i++ {
		for _, n := range nodes {
			setOwners(b, n, 2+i%2)
		}
		for _, n := range nodes {
			waitCacheMembers(b, n, "keycloak", 3)
		}
	}
}

// crash stops n as a crash would: its HTTP listener and channel close at
// once and its entries are gone; the others notice by failure detection.
func crash(n *Node) {
	n.caches.http.Close()
	n.channel.Channel().Kill()
	n.caches.mgr.Stop()
}

// waitEntries polls until the sessions caches of nodes hold want entries
// in all: the rebalance after a view change restored every copy.
func waitEntries(t *testing.T, nodes []*Node, want int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got := 0
		for _, n := range nodes {
			e, _ := strconv.Atoi(readAttr(t, n, "number-of-entries", "subsystem",
				"infinispan", "cache-container", "keycloak", "distributed-cache", "sessions"))
			got += e
		}
		if got == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the survivors hold %d entries, want %d", got, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
