package main

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"wfcli/ops/dmr"
)

// tcppingInstall is an install whose default channel runs the tcp stack
// with TCPPING over the three given transport ports.
func tcppingInstall(t testing.TB, ports []int) string {
	t.Helper()
	home := install(t)
	file := filepath.Join(home, "standalone", "configuration", "standalone-ha.xml")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var hosts []string
	for _, p := range ports {
		hosts = append(hosts, "127.0.0.1["+strconv.Itoa(p)+"]")
	}
	xml := strings.Replace(string(data), `stack="udp" cluster="ejb"`,
		`stack="tcp" cluster="ejb"`, 1)
	xml = strings.Replace(xml, `<socket-protocol type="MPING" socket-binding="jgroups-mping"/>`,
		`<protocol type="TCPPING"><property name="initial_hosts">`+strings.Join(hosts, ",")+
			`</property><property name="port_range">0</property></protocol>`, 1)
	if xml == string(data) {
		t.Fatal("the default configuration has no udp channel or MPING to replace")
	}
	if err := os.WriteFile(file, []byte(xml), 0o644); err != nil {
		t.Fatal(err)
	}
	return home
}

// transportPorts returns three free loopback ports p, p+100, p+200: the
// jgroups-tcp ports of port offsets o, o+100, o+200.
func transportPorts(t testing.TB) []int {
	t.Helper()
	for range 20 {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		p := ln.Addr().(*net.TCPAddr).Port
		ln.Close()
		ports := []int{p, p + 100, p + 200}
		if ports[2] <= 65535 && free(ports[1]) && free(ports[2]) {
			return ports
		}
	}
	t.Skip("no three free loopback ports p, p+100 and p+200")
	return nil
}

func free(port int) bool {
	ln, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(port))
	if err != nil {
		return false
	}
	ln.Close()
	return true
}

// startClusterNode boots node i of a TCPPING cluster on ports.
func startClusterNode(t testing.TB, i int, ports []int) *Node {
	t.Helper()
	home := tcppingInstall(t, ports)
	return startNode(t, "-c", "standalone-ha.xml", "-Djboss.home.dir="+home,
		"-Djboss.management.http.port=0", "-Djboss.node.name=node"+strconv.Itoa(i),
		"-Djboss.socket.binding.port-offset="+strconv.Itoa(ports[i]-7600))
}

// channelView reads the view of the ee channel through the management model.
func channelView(n *Node) string {
	return readString(n, "", "view", "subsystem", "jgroups", "channel", "ee")
}

// waitView polls the node's view until it is want.
func waitView(t testing.TB, n *Node, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got := channelView(n)
		if strings.HasSuffix(got, want) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("view = %q, want one ending %q", got, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestThreeNodesClusterByTCPPingThroughTheModel(t *testing.T) {
	ports := transportPorts(t)
	var nodes []*Node
	for i := range 3 {
		nodes = append(nodes, startClusterNode(t, i, ports))
	}
	for _, n := range nodes {
		waitView(t, n, "(3) [node0, node1, node2]")
	}
	tests := []struct{ attr, want string }{
		{"address", "node1"},
		{"state", "CONNECTED"},
	}
	for _, tt := range tests {
		if got := readString(nodes[1], "", tt.attr, "subsystem", "jgroups", "channel",
			"ee"); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.attr, got, tt.want)
		}
	}
	sent := readString(nodes[1], "0", "sent-messages", "subsystem", "jgroups",
		"channel", "ee")
	if n, _ := strconv.Atoi(sent); n <= 0 {
		t.Errorf("sent-messages = %q, want a positive count", sent)
	}

	if err := nodes[2].Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, n := range nodes[:2] {
		waitView(t, n, "(2) [node0, node1]")
	}

	// A reload reconnects the channel: node0 sees node1 leave and join
	// again, in a later view.
	before := channelView(nodes[0])
	op := dmr.NewObject()
	op.Set("operation", dmr.NewString("reload"))
	op.Set("address", dmr.NewList())
	if r := nodes[1].Execute(op); !strings.Contains(r.String(), `"outcome" => "success"`) {
		t.Fatalf("reload: %s", r)
	}
	waitView(t, nodes[1], "(2) [node0, node1]")
	deadline := time.Now().Add(10 * time.Second)
	for got := channelView(nodes[0]); got == before ||
		!strings.HasSuffix(got, "(2) [node0, node1]"); got = channelView(nodes[0]) {
		if time.Now().After(deadline) {
			t.Fatalf("node0's view after node1's reload = %q, before = %q", got, before)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
