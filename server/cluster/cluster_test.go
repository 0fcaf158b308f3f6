package cluster

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// freePorts returns n distinct TCP ports that are free on loopback now.
func freePorts(t testing.TB, n int) []int {
	t.Helper()
	var ports []int
	var lns []net.Listener
	for len(ports) < n {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		lns = append(lns, ln)
		ports = append(ports, ln.Addr().(*net.TCPAddr).Port)
	}
	for _, ln := range lns {
		ln.Close()
	}
	return ports
}

// waitFor polls cond every 20ms until it holds or timeout passes.
func waitFor(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// startTCPPing starts node i of a TCPPING cluster over ports.
func startTCPPing(t testing.TB, name string, port int, ports []int) *Channel {
	t.Helper()
	var hosts string
	for i, p := range ports {
		if i > 0 {
			hosts += ","
		}
		hosts += "127.0.0.1[" + strconv.Itoa(p) + "]"
	}
	seeds, err := ParseInitialHosts(hosts, 0)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := Start(context.Background(), Config{Name: name, Cluster: "ejb",
		BindAddr: "127.0.0.1", BindPort: port, Discovery: &TCPPing{Hosts: seeds},
		ProbeInterval: 100 * time.Millisecond, RediscoverInterval: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ch.Kill)
	return ch
}

func viewNames(ch *Channel) []string { return ch.View().Names() }

func TestThreeNodesFormOneClusterByTCPPing(t *testing.T) {
	ports := freePorts(t, 3)
	names := []string{"node0", "node1", "node2"}
	var chs []*Channel
	for i, name := range names {
		chs = append(chs, startTCPPing(t, name, ports[i], ports))
	}
	for _, ch := range chs {
		waitFor(t, 5*time.Second, ch.Name()+" to see three members", func() bool {
			return len(ch.View().Members) == 3
		})
		if diff := cmp.Diff(names, viewNames(ch)); diff != "" {
			t.Errorf("%s view (-want +got):\n%s", ch.Name(), diff)
		}
		if got := ch.State(); got != StateConnected {
			t.Errorf("%s state = %q, want CONNECTED", ch.Name(), got)
		}
		waitFor(t, 2*time.Second, ch.Name()+" to send and receive", func() bool {
			sent, _ := ch.Counters().Sent()
			received, _ := ch.Counters().Received()
			return sent > 0 && received > 0
		})
	}
	if !chs[0].IsCoordinator() || chs[1].IsCoordinator() {
		t.Errorf("the oldest node should coordinate: %s", chs[1].View())
	}

	if err := chs[1].Leave(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := chs[1].State(); got != StateClosed {
		t.Errorf("left node state = %q, want CLOSED", got)
	}
	for _, ch := range []*Channel{chs[0], chs[2]} {
		waitFor(t, 5*time.Second, ch.Name()+" to drop node1", func() bool {
			return len(ch.View().Members) == 2
		})
		if diff := cmp.Diff([]string{"node0", "node2"}, viewNames(ch)); diff != "" {
			t.Errorf("%s view after leave (-want +got):\n%s", ch.Name(), diff)
		}
	}

	chs[0].Kill()
	waitFor(t, 10*time.Second, "node2 to drop the killed coordinator", func() bool {
		return len(chs[2].View().Members) == 1
	})
	if !chs[2].IsCoordinator() {
		t.Errorf("node2 should coordinate when alone: %s", chs[2].View())
	}
}

func TestMessagesReachTheNamedMember(t *testing.T) {
	ports := freePorts(t, 2)
	got := make(chan string, 1)
	a := startTCPPing(t, "a", ports[0], ports)
	seeds, _ := ParseInitialHosts("127.0.0.1["+strconv.Itoa(ports[0])+"]", 0)
	b, err := Start(context.Background(), Config{Name: "b", Cluster: "ejb",
		BindAddr: "127.0.0.1", BindPort: ports[1], Discovery: &TCPPing{Hosts: seeds},
		ProbeInterval: 100 * time.Millisecond,
		OnMessage: func(from string, msg []byte) {
			got <- from + ": " + string(msg)
		}})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Kill()
	waitFor(t, 5*time.Second, "a to see b", func() bool { return len(a.View().Members) == 2 })
	if err := a.Send("b", []byte("hello")); err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-got:
		if s != "a: hello" {
			t.Errorf("received %q, want %q", s, "a: hello")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("b received nothing")
	}
	if err := a.Send("nobody", nil); err == nil {
		t.Error("sending to a non-member should fail")
	}
}

func TestParseInitialHosts(t *testing.T) {
	tests := []struct {
		name, in  string
		portRange int
		want      []string
		err       string
	}{
		{"two hosts", "a[7600],b[7700]", 0, []string{"a:7600", "b:7700"}, ""},
		{"a port range adds the following ports", "a[7600]", 2,
			[]string{"a:7600", "a:7601", "a:7602"}, ""},
		{"spaces and an empty entry are skipped", " a[1] ,,", 0, []string{"a:1"}, ""},
		{"an IPv6 host is bracketed", "::1[7600]", 0, []string{"[::1]:7600"}, ""},
		{"a host without a port", "a", 0, nil,
			`initial_hosts entry "a" is not host[port]`},
		{"a port that is no number", "a[x]", 0, nil,
			`initial_hosts entry "a[x]" has no valid port`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseInitialHosts(tt.in, tt.portRange)
			if fmt.Sprint(err) != tt.err && !(err == nil && tt.err == "") {
				t.Fatalf("error = %v, want %q", err, tt.err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestViewString(t *testing.T) {
	v := View{ID: 3, Members: []Member{{Name: "n1"}, {Name: "n2"}}}
	if got, want := v.String(), "[n1|3] (2) [n1, n2]"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got := (View{}).String(); got != "" {
		t.Errorf("empty view String() = %q, want empty", got)
	}
}

func TestStartFailures(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	busy := ln.Addr().(*net.TCPAddr).Port
	tests := []struct {
		name string
		cfg  Config
		want string
	}{
		{"no name", Config{BindAddr: "127.0.0.1", Discovery: &TCPPing{}},
			"channel needs a name, a bind address and a discovery"},
		{"no discovery", Config{Name: "a", BindAddr: "127.0.0.1"},
			"channel needs a name, a bind address and a discovery"},
		{"a port in use", Config{Name: "a", BindAddr: "127.0.0.1", BindPort: busy,
			Discovery: &TCPPing{}},
			"binding 127.0.0.1:" + strconv.Itoa(busy) + ": "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ch, err := Start(context.Background(), tt.cfg)
			if err == nil {
				ch.Kill()
				t.Fatal("Start succeeded")
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %q, want it to start %q", err, tt.want)
			}
		})
	}
}

func TestWholeClusterLeavingAtOnceIsNoFailure(t *testing.T) {
	ports := freePorts(t, 3)
	var chs []*Channel
	for i, name := range []string{"a", "b", "c"} {
		chs = append(chs, startTCPPing(t, name, ports[i], ports))
	}
	for _, ch := range chs {
		waitFor(t, 5*time.Second, ch.Name()+" to see three members", func() bool {
			return len(ch.View().Members) == 3
		})
	}
	errs := make(chan error, len(chs))
	for _, ch := range chs {
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
			defer cancel()
			errs <- ch.Leave(ctx)
		}()
	}
	for range chs {
		if err := <-errs; err != nil {
			t.Errorf("Leave: %v", err)
		}
	}
}

func TestLeaveTimeoutIsRecognised(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"memberlist's timeout", fmt.Errorf("timeout waiting for leave broadcast"), true},
		{"no error", nil, false},
		{"another error", fmt.Errorf("connection refused"), false},
	}
	for _, tc := range tests {
		if got := isLeaveTimeout(tc.err); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}
