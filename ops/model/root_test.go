package model

import (
	"testing"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

func parseDMR(t *testing.T, s string) dmr.Value {
	t.Helper()
	v, err := dmr.Parse(s)
	if err != nil {
		t.Fatalf("test input %q: %v", s, err)
	}
	return v
}

func TestRootOperations(t *testing.T) {
	cases := []struct {
		name  string
		setup []string
		req   string
		want  string
	}{
		{name: "an extension's module is its name",
			setup: []string{`{"operation" => "add", "address" => [("extension" => "org.jboss.as.logging")]}`},
			req:   `{"operation" => "read-resource", "address" => [("extension" => "org.jboss.as.logging")]}`,
			want:  `{"outcome" => "success", "result" => {"module" => "org.jboss.as.logging"}}`},
		{name: "an extension's module cannot be written",
			setup: []string{`{"operation" => "add", "address" => [("extension" => "x")]}`},
			req:   `{"operation" => "write-attribute", "address" => [("extension" => "x")], "name" => "module", "value" => "y"}`,
			want:  `{"outcome" => "failed", "failure-description" => "WFLYCTL0048: Attribute module is not writable", "rolled-back" => true}`},
		{name: "a system property keeps an expression",
			setup: []string{`{"operation" => "add", "address" => [("system-property" => "p")], "value" => "${env.X:1}"}`},
			req:   `{"operation" => "read-attribute", "address" => [("system-property" => "p")], "name" => "value"}`,
			want:  `{"outcome" => "success", "result" => expression "${env.X:1}"}`},
		{name: "a path needs its path",
			req:  `{"operation" => "add", "address" => [("path" => "p")], "relative-to" => "jboss.home.dir"}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0155: 'path' may not be null", "rolled-back" => true}`},
		{name: "an interface takes its criteria",
			setup: []string{`{"operation" => "add", "address" => [("interface" => "public")], "inet-address" => "${jboss.bind.address:127.0.0.1}"}`},
			req:   `{"operation" => "read-attribute", "address" => [("interface" => "public")], "name" => "inet-address"}`,
			want:  `{"outcome" => "success", "result" => expression "${jboss.bind.address:127.0.0.1}"}`},
		{name: "a socket binding's port is checked",
			setup: []string{`{"operation" => "add", "address" => [("socket-binding-group" => "standard-sockets")], "default-interface" => "public"}`},
			req:   `{"operation" => "add", "address" => [("socket-binding-group" => "standard-sockets"), ("socket-binding" => "http")], "port" => 70000}`,
			want:  `{"outcome" => "failed", "failure-description" => "WFLYCTL0116: 70000 is an invalid value for parameter port. A maximum value of 65535 is required", "rolled-back" => true}`},
		{name: "a remote outbound binding needs host and port",
			setup: []string{`{"operation" => "add", "address" => [("socket-binding-group" => "standard-sockets")], "default-interface" => "public"}`},
			req:   `{"operation" => "add", "address" => [("socket-binding-group" => "standard-sockets"), ("remote-destination-outbound-socket-binding" => "db")], "host" => "pg"}`,
			want:  `{"outcome" => "failed", "failure-description" => "WFLYCTL0155: 'port' may not be null", "rolled-back" => true}`},
		{name: "the management http interface is modelled",
			setup: []string{
				`{"operation" => "add", "address" => [("core-service" => "management")]}`,
				`{"operation" => "add", "address" => [("core-service" => "management"), ("management-interface" => "http-interface")], "socket-binding" => "management-http"}`,
			},
			req:  `{"operation" => "read-attribute", "address" => [("core-service" => "management"), ("management-interface" => "http-interface")], "name" => "console-enabled"}`,
			want: `{"outcome" => "success", "result" => true}`},
		{name: "an unmodelled subsystem is lenient",
			req: `{"operation" => "add", "address" => [("subsystem" => "ee")], "spec-descriptor-property-replacement" => false}`,
			want: `{"outcome" => "success", "response-headers" => {"warnings" => [{
				"warning" => "Subsystem 'ee' is not modelled by this server: the operation 'add' was applied without validation",
				"level" => "WARNING",
				"operation" => {"operation" => "add", "address" => [("subsystem" => "ee")]}}]}}`},
		{name: "the root reports the running mode",
			req:  `{"operation" => "read-attribute", "name" => "running-mode"}`,
			want: `{"outcome" => "success", "result" => "ADMIN_ONLY"}`},
		{name: "the root reports the process state",
			req:  `{"operation" => "read-attribute", "name" => "server-state"}`,
			want: `{"outcome" => "success", "result" => "running"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ops.NewController(nil, Root(), ops.Options{AdminOnly: true})
			for _, s := range tc.setup {
				r := c.Execute(parseDMR(t, s))
				if o, _ := r.Get("outcome"); o.Str() != "success" {
					t.Fatalf("setup %s: %s", s, r)
				}
			}
			got := c.Execute(parseDMR(t, tc.req))
			if want := parseDMR(t, tc.want); !got.Equal(want) {
				t.Errorf("response\n got: %s\nwant: %s", got.CompactString(), want.CompactString())
			}
		})
	}
}

// TestRootChildrenArePlaced checks that every child type of the root and of
// management says where it goes in the XML.
func TestRootChildrenArePlaced(t *testing.T) {
	for _, ch := range Root().Children {
		var defs []*ops.Definition
		if ch.Definition != nil {
			defs = append(defs, ch.Definition)
		}
		for _, d := range ch.ByName {
			defs = append(defs, d)
		}
		for _, d := range defs {
			if d.XML == nil || (d.XML.Element == "" && !d.XML.Skip) {
				t.Errorf("child type %s has no XML element", ch.Type)
			}
		}
	}
}

func TestRootDescriptionIsComplete(t *testing.T) {
	c := ops.NewController(nil, Root(), ops.Options{AdminOnly: true})
	r := c.Execute(parseDMR(t, `{"operation" => "read-resource-description", "recursive" => true, "operations" => true}`))
	if o, _ := r.Get("outcome"); o.Str() != "success" {
		t.Fatalf("read-resource-description failed: %s", r)
	}
	res, _ := r.Get("result")
	children, _ := res.Get("children")
	want := []string{"extension", "system-property", "path", "core-service", "subsystem",
		"interface", "socket-binding-group"}
	if got := children.Keys(); !equalStrings(got, want) {
		t.Errorf("root child types %v, want %v", got, want)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
