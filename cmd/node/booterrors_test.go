package main

import (
	"context"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

func TestCacheInterfaceNeedsCredentials(t *testing.T) {
	ports := transportPorts(t)
	n := startCacheNode(t, 0, ports)
	tests := []struct {
		name, method, auth string
		want               int
	}{
		{"an anonymous write is refused", "PUT", "", 401},
		{"an anonymous read is refused", "GET", "", 401},
		{"a wrong local token is refused", "GET", "Local nope", 401},
		{"a peer call without the peer token is forbidden", "PEER", "", 403},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			method, path := tc.method, "/cache/keycloak/sessions/k"
			if method == "PEER" {
				method, path = "GET", "/cache-peer/keycloak/sessions/k"
			}
			if code, body := restAs(t, n, method, path, "v", tc.auth); code != tc.want {
				t.Errorf("%s %s = %d %q, want %d", method, path, code, body, tc.want)
			}
		})
	}
	if code, body := rest(t, n, "PUT", "/cache/keycloak/sessions/k", "v"); code != 204 {
		t.Errorf("PUT with the local token = %d %q, want 204", code, body)
	}

	// Only the authenticated write counted; reset-statistics clears it.
	sessions := []string{"subsystem", "infinispan", "cache-container", "keycloak",
		"distributed-cache", "sessions"}
	if got := readAttr(t, n, "writes", sessions...); got != "1" {
		t.Errorf("writes = %s, want 1", got)
	}
	if r := nodeOp(n, "reset-statistics", sessions); !strings.Contains(r.String(),
		`"outcome" => "success"`) {
		t.Fatalf("reset-statistics: %s", r)
	}
	if got := readAttr(t, n, "writes", sessions...); got != "0" {
		t.Errorf("writes after reset-statistics = %s, want 0", got)
	}
}

// bootErrorsOf runs read-boot-errors on n and returns, for each, its
// failed address and service names.
func bootErrorsOf(t *testing.T, n *Node) []string {
	t.Helper()
	op := dmr.NewObject()
	op.Set("operation", dmr.NewString("read-boot-errors"))
	op.Set("address", address([]string{"core-service", "management"}))
	r := n.Execute(op)
	if o, _ := r.Get("outcome"); o.AsString() != "success" {
		t.Fatalf("read-boot-errors: %s", r)
	}
	res, _ := r.Get("result")
	var out []string
	for i := range res.Len() {
		e := res.Index(i)
		fo, _ := e.Get("failed-operation")
		addr, _ := fo.Get("address")
		svcs, _ := e.Get("failed-services")
		a, err := ops.AddressFromValue(addr)
		if err != nil {
			t.Fatalf("failed-operation address %s: %v", addr, err)
		}
		out = append(out, a.CLI()+" "+strings.Join(svcs.Keys(), ","))
	}
	return out
}

func TestFailedChannelIsABootError(t *testing.T) {
	ports := transportPorts(t)
	// Another process holds node0's transport port: its channel cannot
	// start.
	ln, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(ports[0]))
	if err != nil {
		t.Skip("transport port taken: ", err)
	}
	defer ln.Close()
	n := startClusterNode(t, 0, ports)
	want := "/subsystem=jgroups/channel=ee jboss.jgroups.channel.ee"
	if got := bootErrorsOf(t, n); len(got) != 1 || got[0] != want {
		t.Errorf("boot errors = %q, want [%q]", got, want)
	}
	if got := readAttr(t, n, "state", "subsystem", "jgroups", "channel", "ee"); got !=
		"CLOSED" {
		t.Errorf("state = %q, want CLOSED", got)
	}
	// The port is free again: a reload starts the channel and clears the
	// boot errors.
	ln.Close()
	op := dmr.NewObject()
	op.Set("operation", dmr.NewString("reload"))
	op.Set("address", dmr.NewList())
	if r := n.Execute(op); !strings.Contains(r.String(), `"outcome" => "success"`) {
		t.Fatalf("reload: %s", r)
	}
	if got := bootErrorsOf(t, n); len(got) != 0 {
		t.Errorf("boot errors after reload = %q, want none", got)
	}
	if got := readAttr(t, n, "state", "subsystem", "jgroups", "channel", "ee"); got !=
		"CONNECTED" {
		t.Errorf("state after reload = %q, want CONNECTED", got)
	}
}

// nodeOp runs operation name at the address pairs on n with the string
// parameters kv (name, value, ...) and returns the response.
func nodeOp(n *Node, name string, pairs []string, kv ...string) dmr.Value {
	op := dmr.NewObject()
	op.Set("operation", dmr.NewString(name))
	op.Set("address", address(pairs))
	for i := 0; i+1 < len(kv); i += 2 {
		op.Set(kv[i], dmr.NewString(kv[i+1]))
	}
	return n.Execute(op)
}

func TestStopDoesNotWaitForASilentDatabase(t *testing.T) {
	// A database that accepts connections and never answers.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		var held []net.Conn
		defer func() {
			for _, c := range held {
				c.Close()
			}
		}()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			held = append(held, c)
		}
	}()
	home := install(t)
	port := freePorts(t)
	n := startNode(t, "-c", "standalone-ha.xml", "-Djboss.home.dir="+home,
		"-Djboss.management.http.port="+strconv.Itoa(port))
	ds := []string{"subsystem", "datasources", "data-source", "Silent"}
	steps := []dmr.Value{
		nodeOp(n, "add", []string{"subsystem", "datasources", "jdbc-driver", "postgresql"},
			"driver-name", "postgresql", "driver-module-name", "org.postgresql.jdbc"),
		nodeOp(n, "add", ds, "jndi-name", "java:/Silent", "driver-name", "postgresql",
			"connection-url", "jdbc:postgresql://"+ln.Addr().String()+"/test",
			"user-name", "postgres"),
	}
	for _, r := range steps {
		if !strings.Contains(r.String(), `"outcome" => "success"`) {
			t.Fatalf("setting up the data source: %s", r)
		}
	}
	answered := make(chan dmr.Value, 1)
	go func() { answered <- nodeOp(n, "test-connection-in-pool", ds) }()
	time.Sleep(300 * time.Millisecond)
	start := time.Now()
	if err := n.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("the stop took %s waiting for the database", took)
	}
	r := <-answered
	if desc, _ := r.Get("failure-description"); !strings.Contains(desc.AsString(),
		"the node is stopping") {
		t.Errorf("test-connection-in-pool answered %s", r)
	}
}
