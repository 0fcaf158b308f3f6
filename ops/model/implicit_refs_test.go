package model

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// implicitController returns a controller over the real definitions with a
// cache container, caches, a jgroups stack and the logging subsystem.
func implicitController(t *testing.T) *ops.Controller {
	t.Helper()
	c := ops.NewController(nil, Root(), ops.Options{AdminOnly: true})
	for _, s := range []string{
		`{"operation" => "add", "address" => [("subsystem" => "infinispan")]}`,
		`{"operation" => "add", "address" => [("subsystem" => "infinispan"), ("cache-container" => "k")]}`,
		`{"operation" => "add", "address" => [("subsystem" => "infinispan"), ("cache-container" => "k"), ("local-cache" => "l")]}`,
		`{"operation" => "add", "address" => [("subsystem" => "infinispan"), ("cache-container" => "k"), ("distributed-cache" => "d")]}`,
		`{"operation" => "add", "address" => [("subsystem" => "jgroups")]}`,
		`{"operation" => "add", "address" => [("subsystem" => "jgroups"), ("stack" => "tcp")]}`,
		`{"operation" => "add", "address" => [("subsystem" => "jgroups"), ("stack" => "tcp"), ("transport" => "TCP")], "socket-binding" => "jgroups-tcp", "properties" => {"port_range" => "0"}}`,
		`{"operation" => "add", "address" => [("subsystem" => "logging")]}`,
	} {
		r := c.Execute(implicitParse(t, s))
		if o, _ := r.Get("outcome"); o.Str() != "success" {
			t.Fatalf("setup %s: %s", s, r)
		}
	}
	return c
}

func implicitParse(t *testing.T, s string) dmr.Value {
	t.Helper()
	v, err := dmr.Parse(s)
	if err != nil {
		t.Fatalf("test input %q: %v", s, err)
	}
	return v
}

func TestImplicitChildrenOfTheRealDefinitions(t *testing.T) {
	const (
		cont  = `("subsystem" => "infinispan"), ("cache-container" => "k")`
		local = cont + `, ("local-cache" => "l")`
		dist  = cont + `, ("distributed-cache" => "d")`
		tcp   = `("subsystem" => "jgroups"), ("stack" => "tcp"), ("transport" => "TCP")`
	)
	names := func(addr, typ string) string {
		return `{"operation" => "read-children-names", "address" => [` + addr +
			`], "child-type" => "` + typ + `"}`
	}
	tests := []struct{ name, req, want string }{
		{"a local cache has locking, transaction and expiration", names(local, "component"),
			`["locking", "transaction", "expiration"]`},
		{"a distributed cache also has the shared-state components", names(dist, "component"),
			`["locking", "transaction", "expiration", "partition-handling", "state-transfer",
			"backups"]`},
		{"a cache without a memory element holds its entries on the heap",
			names(local, "memory"), `["heap"]`},
		{"a cache without a store element has store=none", names(local, "store"), `["none"]`},
		{"a container without a transport element has transport=none",
			names(cont, "transport"), `["none"]`},
		{"a container has every thread pool", names(cont, "thread-pool"),
			`["async-operations", "blocking", "listener", "non-blocking", "persistence",
			"remote-command", "state-transfer", "transport"]`},
		{"a component reads with its default",
			`{"operation" => "read-attribute", "address" => [` + local +
				`, ("component" => "locking")], "name" => "isolation"}`, `"READ_COMMITTED"`},
		{"a jgroups transport has its default thread pool", names(tcp, "thread-pool"),
			`["default"]`},
		{"the default pool reads with its defaults",
			`{"operation" => "read-attribute", "address" => [` + tcp +
				`, ("thread-pool" => "default")], "name" => "max-threads"}`, `200`},
		{"property children are the keys of the properties map", names(tcp, "property"),
			`["port_range"]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := implicitController(t)
			r := c.Execute(implicitParse(t, tc.req))
			got, _ := r.Get("result")
			if diff := cmp.Diff(implicitParse(t, tc.want).String(), got.String()); diff != "" {
				t.Errorf("%s (-want +got):\n%s", r, diff)
			}
		})
	}
}

func TestReferencesOfTheRealDefinitions(t *testing.T) {
	const logging = `("subsystem" => "logging")`
	tests := []struct {
		name  string
		steps []string
		want  string // the failure description; "" for success
	}{
		{"a root logger naming a missing handler fails",
			[]string{`{"operation" => "add", "address" => [` + logging +
				`, ("root-logger" => "ROOT")], "handlers" => ["CONSOLE"]}`},
			"WFLYCTL0369: Required capabilities are not available:\n    " +
				"org.wildfly.logging.handler.CONSOLE; Possible registration points for this " +
				"capability: \n\t\t/subsystem=logging/"},
		{"a batch may add the handler after the logger",
			[]string{`{"operation" => "add", "address" => [` + logging +
				`, ("logger" => "org.x")], "handlers" => ["F"]}`,
				`{"operation" => "add", "address" => [` + logging +
					`, ("console-handler" => "F")]}`}, ""},
		{"a channel naming a missing stack fails",
			[]string{`{"operation" => "add", "address" => [("subsystem" => "jgroups"),
				("channel" => "ee")], "stack" => "udp"}`},
			"WFLYCTL0369: Required capabilities are not available:\n    " +
				"org.wildfly.clustering.jgroups.channel-factory.udp; Possible registration " +
				"points for this capability: \n\t\t/subsystem=jgroups/stack=*"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := implicitController(t)
			steps := make([]dmr.Value, len(tc.steps))
			for i, s := range tc.steps {
				steps[i] = implicitParse(t, s)
			}
			op := ops.NewRequest("composite", ops.Address{})
			op.Set("steps", dmr.NewList(steps...))
			if len(steps) == 1 {
				op = steps[0]
			}
			r := c.Execute(op)
			fd, _ := r.Get("failure-description")
			got := ""
			if fd.IsDefined() {
				got = fd.Str()
			}
			if (tc.want == "" && got != "") || !strings.HasPrefix(got, tc.want) {
				t.Errorf("failure (-want prefix +got):\n%s", cmp.Diff(tc.want, got))
			}
		})
	}
}
