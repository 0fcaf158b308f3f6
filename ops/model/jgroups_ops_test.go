package model

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// clusterModel builds the parts of a Keycloak standalone-ha model that the
// keycloak-containers scripts change: the KeycloakDS data source, the tcp
// and udp stacks, the ee channel and the keycloak cache container.
func clusterModel() *ops.Resource {
	root := ops.NewResource()
	ds := ops.NewResource()
	kds := ops.NewResource()
	kds.SetAttr("jndi-name", dmr.NewString("java:jboss/datasources/KeycloakDS"))
	ds.AddChild("data-source", "KeycloakDS", kds, -1)
	root.AddChild("subsystem", "datasources", ds, -1)

	jg := ops.NewResource()
	jg.SetAttr("default-channel", dmr.NewString("ee"))
	ee := ops.NewResource()
	ee.SetAttr("stack", dmr.NewString("udp"))
	ee.SetAttr("cluster", dmr.NewString("ejb"))
	jg.AddChild("channel", "ee", ee, -1)
	jg.AddChild("stack", "udp", stackModel("UDP", "jgroups-udp", "PING", "MERGE3",
		"FD_SOCK", "FD_ALL"), -1)
	jg.AddChild("stack", "tcp", stackModel("TCP", "jgroups-tcp", "MPING", "MERGE3",
		"FD_SOCK", "FD_ALL"), -1)
	root.AddChild("subsystem", "jgroups", jg, -1)

	ispn := ops.NewResource()
	kc := ops.NewResource()
	for _, n := range []string{"sessions", "authenticationSessions"} {
		c := ops.NewResource()
		c.SetAttr("owners", dmr.NewInt(1))
		kc.AddChild("distributed-cache", n, c, -1)
	}
	ispn.AddChild("cache-container", "keycloak", kc, -1)
	root.AddChild("subsystem", "infinispan", ispn, -1)
	return root
}

func stackModel(transport, binding string, protocols ...string) *ops.Resource {
	s := ops.NewResource()
	t := ops.NewResource()
	t.SetAttr("socket-binding", dmr.NewString(binding))
	s.AddChild("transport", transport, t, -1)
	for _, p := range protocols {
		s.AddChild("protocol", p, ops.NewResource(), -1)
	}
	return s
}

func addr(kv ...string) ops.Address {
	var a ops.Address
	for i := 0; i+1 < len(kv); i += 2 {
		a = a.Child(kv[i], kv[i+1])
	}
	return a
}

var (
	tcpStack = addr("subsystem", "jgroups", "stack", "tcp")
	sessions = addr("subsystem", "infinispan", "cache-container", "keycloak",
		"distributed-cache", "sessions")
	jdbcPing = tcpStack.Child("protocol", "JDBC_PING")
	noSuchDS = "WFLYCTL0369: Required capabilities are not available:\n" +
		"    org.wildfly.data-source.NoSuchDS; Possible registration points for this " +
		"capability: \n\t\t/subsystem=datasources/data-source=*" +
		"\n\t\t/subsystem=datasources/xa-data-source=*"
	discovery = func() dmr.Value {
		p := dmr.NewObject()
		p.Set("datasource_jndi_name", dmr.NewString("java:jboss/datasources/KeycloakDS"))
		return p
	}
)

// request builds an operation with parameters given as name, value pairs.
func request(name string, a ops.Address, params ...any) dmr.Value {
	op := ops.NewRequest(name, a)
	for i := 0; i+1 < len(params); i += 2 {
		switch v := params[i+1].(type) {
		case string:
			op.Set(params[i].(string), dmr.NewString(v))
		case int:
			op.Set(params[i].(string), dmr.NewInt(int32(v)))
		case dmr.Value:
			op.Set(params[i].(string), v)
		}
	}
	return op
}

func TestKeycloakClusteringOperations(t *testing.T) {
	cases := []struct {
		name    string
		ops     []dmr.Value
		failure string // the last request's failure description; "" for success
		check   func(t *testing.T, m *ops.Resource)
	}{
		{
			name: "cache owners take an expression, kept unresolved",
			ops: []dmr.Value{request("write-attribute", sessions, "name", "owners",
				"value", "${env.CACHE_OWNERS_COUNT:1}")},
			check: func(t *testing.T, m *ops.Resource) {
				got := m.Navigate(sessions).Attr("owners")
				want := dmr.NewExpression("${env.CACHE_OWNERS_COUNT:1}")
				if !got.Equal(want) {
					t.Errorf("owners = %s, want %s", got, want)
				}
			},
		},
		{
			name: "JDBC_PING replaces MPING as the first protocol",
			ops: []dmr.Value{
				request("remove", tcpStack.Child("protocol", "MPING")),
				request("add", jdbcPing, "add-index", 0, "data-source", "KeycloakDS",
					"properties", discovery()),
			},
			check: func(t *testing.T, m *ops.Resource) {
				got := m.Navigate(tcpStack).ChildNames("protocol")
				want := []string{"JDBC_PING", "MERGE3", "FD_SOCK", "FD_ALL"}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("protocols (-want +got):\n%s", diff)
				}
				p := m.Navigate(jdbcPing)
				if got := ProtocolElement("JDBC_PING", p.Attributes); got != "jdbc-protocol" {
					t.Errorf("element %q, want jdbc-protocol", got)
				}
			},
		},
		{
			name: "JDBC_PING on a data source that does not exist fails",
			ops: []dmr.Value{request("add", jdbcPing, "add-index", 0,
				"data-source", "NoSuchDS")},
			failure: noSuchDS,
		},
		{
			name: "JDBC_PING with properties only is the generic flavour",
			ops:  []dmr.Value{request("add", jdbcPing, "properties", discovery())},
			check: func(t *testing.T, m *ops.Resource) {
				p := m.Navigate(jdbcPing)
				if got := ProtocolElement("JDBC_PING", p.Attributes); got != "protocol" {
					t.Errorf("element %q, want protocol", got)
				}
				if got := m.Navigate(tcpStack).ChildIndex("protocol", "JDBC_PING"); got != 4 {
					t.Errorf("index %d, want 4 (appended)", got)
				}
			},
		},
		{
			name: "a property child adds one entry to the protocol's properties",
			ops: []dmr.Value{
				request("add", jdbcPing, "properties", discovery()),
				request("add", jdbcPing.Child("property", "initialize_sql"),
					"value", "CREATE TABLE IF NOT EXISTS ${env.DB_SCHEMA:public}.JGROUPSPING"),
			},
			check: func(t *testing.T, m *ops.Resource) {
				want := discovery()
				want.Set("initialize_sql", dmr.NewExpression(
					"CREATE TABLE IF NOT EXISTS ${env.DB_SCHEMA:public}.JGROUPSPING"))
				if got := m.Navigate(jdbcPing).Attr("properties"); !got.Equal(want) {
					t.Errorf("properties = %s, want %s", got, want)
				}
			},
		},
		{
			name: "a property child that exists cannot be added again",
			ops: []dmr.Value{
				request("add", jdbcPing, "properties", discovery()),
				request("add", jdbcPing.Child("property", "datasource_jndi_name"),
					"value", "x"),
			},
			failure: "WFLYCTL0212: Duplicate resource " +
				jdbcPing.Child("property", "datasource_jndi_name").String(),
		},
		{
			name: "a data source is named literally, never by an expression",
			ops: []dmr.Value{request("add", jdbcPing, "data-source",
				"${env.DS:KeycloakDS}")},
			failure: "WFLYCTL0369: Required capabilities are not available:\n" +
				"    org.wildfly.data-source.${env.DS:KeycloakDS}; Possible registration " +
				"points for this capability: \n\t\t/subsystem=datasources/data-source=*" +
				"\n\t\t/subsystem=datasources/xa-data-source=*",
		},
		{
			name: "a channel added without a stack takes the default stack",
			ops: []dmr.Value{
				request("write-attribute", addr("subsystem", "jgroups"), "name",
					"default-stack", "value", "tcp"),
				request("add", addr("subsystem", "jgroups", "channel", "web")),
			},
			check: func(t *testing.T, m *ops.Resource) {
				got := m.Navigate(addr("subsystem", "jgroups", "channel", "web")).Attr("stack")
				if !got.Equal(dmr.NewString("tcp")) {
					t.Errorf("stack = %s, want \"tcp\"", got)
				}
			},
		},
		{
			name:    "a channel needs a stack when there is no default stack",
			ops:     []dmr.Value{request("add", addr("subsystem", "jgroups", "channel", "web"))},
			failure: "WFLYCTL0155: 'stack' may not be null",
		},
		{
			name: "cache owners below one are refused",
			ops: []dmr.Value{request("write-attribute", sessions, "name", "owners",
				"value", 0)},
			failure: "WFLYCTL0117: 0 is an invalid value for parameter owners. " +
				"A minimum value of 1 is required",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ops.NewController(clusterModel(), Root(), ops.Options{AdminOnly: true})
			var resp dmr.Value
			for i, op := range tc.ops {
				resp = c.Execute(op)
				outcome, _ := resp.Get("outcome")
				if i < len(tc.ops)-1 && outcome.AsString() != "success" {
					t.Fatalf("step %d failed: %s", i+1, resp)
				}
			}
			outcome, _ := resp.Get("outcome")
			desc, _ := resp.Get("failure-description")
			if tc.failure != "" {
				if outcome.AsString() != "failed" || desc.AsString() != tc.failure {
					t.Fatalf("response %s\nwant failure %q", resp, tc.failure)
				}
				return
			}
			if outcome.AsString() != "success" {
				t.Fatalf("response %s", resp)
			}
			tc.check(t, c.Model())
		})
	}
}

// TestClusteringDescriptions reads the whole description of both subsystems
// through the controller, with operations, as the CLI's completion does.
func TestClusteringDescriptions(t *testing.T) {
	c := ops.NewController(clusterModel(), Root(), ops.Options{AdminOnly: true})
	for _, sub := range []string{"jgroups", "infinispan"} {
		t.Run(sub, func(t *testing.T) {
			resp := c.Execute(request("read-resource-description", addr("subsystem", sub),
				"recursive", dmr.NewBool(true), "operations", dmr.NewBool(true)))
			if o, _ := resp.Get("outcome"); o.AsString() != "success" {
				t.Fatalf("response %s", resp)
			}
			res, _ := resp.Get("result")
			if d, _ := res.Get("description"); d.AsString() == "" {
				t.Errorf("the subsystem has no description: %s", res)
			}
		})
	}
	add := c.Execute(request("read-operation-description",
		addr("subsystem", "jgroups", "stack", "tcp", "protocol", "MERGE3"), "name", "add"))
	res, _ := add.Get("result")
	props, _ := res.Get("request-properties")
	if !props.Has("add-index") || !props.Has("properties") {
		t.Errorf("the add of a protocol is described as %s", add)
	}
}
