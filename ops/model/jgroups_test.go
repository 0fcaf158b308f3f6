package model

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// defAt walks from d through type/name pairs ("stack", "tcp", "protocol",
// "MPING") and returns the definition there, failing the test when a step
// has no definition.
func defAt(t *testing.T, d *ops.Definition, steps ...string) *ops.Definition {
	t.Helper()
	for i := 0; i+1 < len(steps); i += 2 {
		c := d.Child(steps[i])
		if c == nil {
			t.Fatalf("no child type %q after %v", steps[i], steps[:i])
		}
		if d = c.DefinitionFor(steps[i+1]); d == nil {
			t.Fatalf("no definition for %s=%s", steps[i], steps[i+1])
		}
	}
	return d
}

// attrSummary is what the tables below check of an attribute.
type attrSummary struct {
	Type        dmr.Type
	Default     string // the default's compact DMR text; "undefined" for none
	Expressions bool
	Required    bool
	Restart     ops.Restart
}

func summarize(a *ops.Attribute) attrSummary {
	return attrSummary{Type: a.Type, Default: a.Default.CompactString(),
		Expressions: a.Expressions, Required: a.Required, Restart: a.Restart}
}

type attrCase struct {
	name  string
	path  []string
	attr  string
	wants attrSummary
}

func runAttrCases(t *testing.T, root *ops.Definition, cases []attrCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := defAt(t, root, tc.path...).Attribute(tc.attr)
			if a == nil {
				t.Fatalf("attribute %q is missing", tc.attr)
			}
			if diff := cmp.Diff(tc.wants, summarize(a)); diff != "" {
				t.Errorf("attribute %q (-want +got):\n%s", tc.attr, diff)
			}
		})
	}
}

const rs = ops.ResourceServices

func TestJGroupsAttributes(t *testing.T) {
	str := func(def string, expr, req bool) attrSummary {
		return attrSummary{dmr.String, def, expr, req, rs}
	}
	cases := []attrCase{
		{"the subsystem names its default channel", nil, "default-channel",
			str("undefined", false, false)},
		{"the subsystem keeps the deprecated default stack", nil, "default-stack",
			str("undefined", false, false)},
		{"a channel needs a stack and takes no expression for it",
			[]string{"channel", "ee"}, "stack", str("undefined", false, true)},
		{"a channel's cluster is optional", []string{"channel", "ee"}, "cluster",
			str("undefined", true, false)},
		{"a channel's module has WildFly's default", []string{"channel", "ee"}, "module",
			str(`"org.wildfly.clustering.server"`, true, false)},
		{"channel statistics are off by default", []string{"channel", "ee"},
			"statistics-enabled", attrSummary{dmr.Boolean, "false", true, false, rs}},
		{"a transport needs a socket binding", []string{"stack", "tcp", "transport", "TCP"},
			"socket-binding", str("undefined", false, true)},
		{"a transport's site allows expressions", []string{"stack", "tcp", "transport", "TCP"},
			"site", str("undefined", true, false)},
		{"the default thread pool keeps no idle threads",
			[]string{"stack", "tcp", "transport", "TCP", "thread-pool", "default"},
			"min-threads", attrSummary{dmr.Int, "0", true, false, rs}},
		{"the default thread pool holds up to 200 threads",
			[]string{"stack", "tcp", "transport", "TCP", "thread-pool", "default"},
			"max-threads", attrSummary{dmr.Int, "200", true, false, rs}},
		{"the default thread pool's keepalive is a minute",
			[]string{"stack", "tcp", "transport", "TCP", "thread-pool", "default"},
			"keepalive-time", attrSummary{dmr.Long, "60000L", true, false, rs}},
		{"the timer pool of old schemas keeps its own keepalive",
			[]string{"stack", "tcp", "transport", "TCP", "thread-pool", "timer"},
			"keepalive-time", attrSummary{dmr.Long, "5000L", true, false, rs}},
		{"a protocol's module defaults to org.jgroups",
			[]string{"stack", "udp", "protocol", "PING"}, "module",
			str(`"org.jgroups"`, true, false)},
		{"a protocol's statistics follow the stack unless set",
			[]string{"stack", "udp", "protocol", "PING"}, "statistics-enabled",
			attrSummary{dmr.Boolean, "undefined", true, false, rs}},
		{"protocol properties are a map of strings",
			[]string{"stack", "udp", "protocol", "PING"}, "properties",
			attrSummary{dmr.Object, "undefined", true, false, rs}},
		{"MPING has a socket binding", []string{"stack", "tcp", "protocol", "MPING"},
			"socket-binding", str("undefined", false, false)},
		{"FD_SOCK has a client socket binding", []string{"stack", "tcp", "protocol", "FD_SOCK"},
			"client-socket-binding", str("undefined", false, false)},
		{"TCPPING lists outbound socket bindings",
			[]string{"stack", "tcp", "protocol", "TCPPING"}, "socket-bindings",
			attrSummary{dmr.List, "undefined", false, false, rs}},
		{"JDBC_PING names a data source without expressions",
			[]string{"stack", "tcp", "protocol", "JDBC_PING"}, "data-source",
			str("undefined", false, false)},
		{"a relay needs its site", []string{"stack", "tcp", "relay", "relay.RELAY2"}, "site",
			str("undefined", true, true)},
		{"a remote site needs its channel",
			[]string{"stack", "tcp", "relay", "relay.RELAY2", "remote-site", "NYC"},
			"channel", str("undefined", false, true)},
		{"the property alias holds a value",
			[]string{"stack", "tcp", "protocol", "JDBC_PING", "property", "initialize_sql"},
			"value", str("undefined", true, true)},
	}
	runAttrCases(t, JGroups(), cases)
}

func TestJGroupsChannelMetrics(t *testing.T) {
	ch := defAt(t, JGroups(), "channel", "ee")
	var got []string
	for _, a := range ch.Attributes {
		if a.Storage == ops.Runtime {
			if a.Access != ops.Metric {
				t.Errorf("runtime attribute %q is not a metric", a.Name)
			}
			got = append(got, a.Name)
		}
	}
	want := []string{"address", "address-as-uuid", "discard-own-messages",
		"num-tasks-in-timer", "num-timer-threads", "received-bytes", "received-messages",
		"sent-bytes", "sent-messages", "state", "version", "view"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("channel metrics (-want +got):\n%s", diff)
	}
}

func TestProtocolElement(t *testing.T) {
	with := func(kv ...string) dmr.Value {
		o := dmr.NewObject()
		for i := 0; i+1 < len(kv); i += 2 {
			o.Set(kv[i], dmr.NewString(kv[i+1]))
		}
		return o
	}
	props := dmr.NewObject()
	props.Set("properties", with("initial_hosts", "a[7600]"))
	cases := []struct {
		name     string
		protocol string
		attrs    dmr.Value
		want     string
	}{
		{"PING is a plain protocol", "PING", with(), "protocol"},
		{"MPING with a socket binding is a socket protocol", "MPING",
			with("socket-binding", "jgroups-mping"), "socket-protocol"},
		{"FD_SOCK with a socket binding is a socket protocol", "FD_SOCK",
			with("socket-binding", "jgroups-tcp-fd"), "socket-protocol"},
		{"FD_SOCK without a socket binding stays generic", "FD_SOCK", with(), "protocol"},
		{"TCPPING with socket bindings is a socket discovery protocol", "TCPPING",
			with("socket-bindings", "a b"), "socket-discovery-protocol"},
		{"TCPPING with properties only is the generic flavour", "TCPPING", props, "protocol"},
		{"JDBC_PING with a data source is a jdbc protocol", "JDBC_PING",
			with("data-source", "KeycloakDS"), "jdbc-protocol"},
		{"JDBC_PING with properties only is the generic flavour", "JDBC_PING", props,
			"protocol"},
		{"JDBC_PING with an undefined data source is generic", "JDBC_PING",
			func() dmr.Value { o := with(); o.Set("data-source", dmr.Value{}); return o }(),
			"protocol"},
		{"kubernetes.KUBE_PING is a plain protocol", "kubernetes.KUBE_PING", props, "protocol"},
		{"SYM_ENCRYPT with a key store is an encrypt protocol", "SYM_ENCRYPT",
			with("key-store", "ks"), "encrypt-protocol"},
		{"AUTH is an auth protocol", "AUTH", with(), "auth-protocol"},
		{"an undefined attribute set is read as empty", "JDBC_PING", dmr.Value{}, "protocol"},
	}
	stack := defAt(t, JGroups(), "stack", "tcp")
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := ProtocolElement(tc.protocol, tc.attrs); got != tc.want {
				t.Errorf("ProtocolElement(%q) = %q, want %q", tc.protocol, got, tc.want)
			}
			// The definition the stack picks for the name must use the same rule.
			x := stack.Child("protocol").DefinitionFor(tc.protocol).XML
			if got := x.ElementFor(tc.protocol, tc.attrs); got != tc.want {
				t.Errorf("definition's ElementFor(%q) = %q, want %q", tc.protocol, got, tc.want)
			}
		})
	}
}

func TestJGroupsStructure(t *testing.T) {
	d := JGroups()
	cases := []struct {
		name string
		got  any
		want any
	}{
		{"stack protocols are ordered", defAt(t, d, "stack", "s").Child("protocol").Ordered,
			true},
		{"fork protocols are ordered",
			defAt(t, d, "channel", "c", "fork", "f").Child("protocol").Ordered, true},
		{"channels sit in the channels wrapper", defAt(t, d, "channel", "c").XML.Wrapper,
			"channels"},
		{"stacks sit in the stacks wrapper", defAt(t, d, "stack", "s").XML.Wrapper, "stacks"},
		{"the default channel is the channels element's default",
			*d.Attribute("default-channel").XML, ops.XMLAttribute{Path: "channels",
				Attr: "default"}},
		{"the default stack is the stacks element's default",
			*d.Attribute("default-stack").XML, ops.XMLAttribute{Path: "stacks",
				Attr: "default"}},
		{"a transport is named by its type attribute",
			defAt(t, d, "stack", "s", "transport", "TCP").XML.NameAttr, "type"},
		{"the default thread pool is default-thread-pool",
			defAt(t, d, "stack", "s", "transport", "T", "thread-pool", "default").XML.Element,
			"default-thread-pool"},
		{"the oob thread pool of old schemas is oob-thread-pool",
			defAt(t, d, "stack", "s", "transport", "T", "thread-pool", "oob").XML.Element,
			"oob-thread-pool"},
		{"protocol properties are property elements with the value as text",
			*defAt(t, d, "stack", "s", "protocol", "PING").Attribute("properties").XML,
			ops.XMLAttribute{Form: ops.PropertyMap, Item: "property", KeyAttr: "name"}},
		{"the property alias has no element",
			defAt(t, d, "stack", "s", "protocol", "PING", "property", "k").XML.Skip, true},
		{"the transport's property alias has no element",
			defAt(t, d, "stack", "s", "transport", "T", "property", "k").XML.Skip, true},
		{"protocols are read from every flavour's element",
			defAt(t, d, "stack", "s", "protocol", "X").XML.Elements, jgProtocolElements},
		{"the transport comes before the protocols",
			defAt(t, d, "stack", "s", "transport", "T").XML.Order <
				defAt(t, d, "stack", "s", "protocol", "P").XML.Order, true},
		{"the relay comes after the protocols",
			defAt(t, d, "stack", "s", "relay", "relay.RELAY2").XML.Order >
				defAt(t, d, "stack", "s", "protocol", "P").XML.Order, true},
		{"the subsystem is written in schema 8.0", d.XML.Namespace,
			"urn:jboss:domain:jgroups:8.0"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestClusteringRestartLevels checks section 3.1 and 3.3 of the model
// reference: every configuration attribute of both subsystems restarts the
// resource's services, every runtime attribute is a metric, and every
// resource and attribute has a description.
func TestClusteringRestartLevels(t *testing.T) {
	for name, d := range map[string]*ops.Definition{"jgroups": JGroups(),
		"infinispan": Infinispan()} {
		t.Run(name, func(t *testing.T) {
			walkDefinitions(d, name, func(path string, d *ops.Definition) {
				if d.Description == "" {
					t.Errorf("%s: the resource has no description", path)
				}
				for _, a := range d.Attributes {
					switch {
					case a.Storage == ops.Configuration && a.Restart != ops.ResourceServices:
						t.Errorf("%s %s: restart %v, want resource-services", path, a.Name,
							a.Restart)
					case a.Storage == ops.Runtime && a.Access != ops.Metric:
						t.Errorf("%s %s: runtime attribute is not a metric", path, a.Name)
					case a.Description == "":
						t.Errorf("%s %s: no description", path, a.Name)
					}
				}
			})
		})
	}
}

// walkDefinitions calls fn for d and every definition below it, once each.
func walkDefinitions(d *ops.Definition, path string, fn func(string, *ops.Definition)) {
	seen := map[*ops.Definition]bool{}
	var walk func(string, *ops.Definition)
	walk = func(path string, d *ops.Definition) {
		if d == nil || seen[d] {
			return
		}
		seen[d] = true
		fn(path, d)
		for _, c := range d.Children {
			walk(path+"/"+c.Type+"=*", c.Definition)
			for n, bd := range c.ByName {
				walk(path+"/"+c.Type+"="+n, bd)
			}
		}
	}
	walk(path, d)
}

// BenchmarkClusteringDefinitions measures building both subsystems'
// definitions, which Root does once per process.
func BenchmarkClusteringDefinitions(b *testing.B) {
	for b.Loop() {
		JGroups()
		Infinispan()
	}
}
