package xmlmodel

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// addr builds an address from alternating types and names.
func addr(path ...string) ops.Address {
	var a ops.Address
	for i := 0; i+1 < len(path); i += 2 {
		a = a.Child(path[i], path[i+1])
	}
	return a
}

// res builds a resource from alternating attribute names and values.
func res(kv ...any) *ops.Resource {
	r := ops.NewResource()
	for i := 0; i+1 < len(kv); i += 2 {
		r.SetAttr(kv[i].(string), kv[i+1].(dmr.Value))
	}
	return r
}

func str(s string) dmr.Value  { return dmr.NewString(s) }
func expr(s string) dmr.Value { return dmr.NewExpression(s) }

var (
	keycloakCaches = addr("subsystem", "infinispan", "cache-container", "keycloak")
	udpStack       = addr("subsystem", "jgroups", "stack", "udp")
	datasources    = addr("subsystem", "datasources")
	exampleDS      = datasources.Child("data-source", "ExampleDS")
	rootLogger     = addr("subsystem", "logging", "root-logger", "ROOT")
)

func TestApplyChangesOnlyTheExpectedLines(t *testing.T) {
	const p20 = "                    "
	tests := []struct {
		name   string
		change func(m *ops.Resource)
		want   []string
	}{
		{
			name: "owners expression on the distributed caches",
			change: func(m *ops.Resource) {
				for _, c := range []string{"sessions", "actionTokens"} {
					m.Navigate(keycloakCaches.Child("distributed-cache", c)).
						SetAttr("owners", expr("${env.CACHE_OWNERS_COUNT:1}"))
				}
			},
			want: []string{
				`-                <distributed-cache name="sessions" owners="1">`,
				`+                <distributed-cache name="sessions" owners="${env.CACHE_OWNERS_COUNT:1}">`,
				`-                <distributed-cache name="actionTokens" owners="2">`,
				`+                <distributed-cache name="actionTokens" owners="${env.CACHE_OWNERS_COUNT:1}">`,
			},
		},
		{
			name: "JDBC_PING inserted first in the udp stack, PING removed",
			change: func(m *ops.Resource) {
				s := m.Navigate(udpStack)
				s.RemoveChild("protocol", "PING")
				s.AddChild("protocol", "JDBC_PING", res("data-source", str("KeycloakDS")), 0)
			},
			want: []string{
				"-" + p20 + `<protocol type="PING"/>`,
				"+" + p20 + `<jdbc-protocol type="JDBC_PING" data-source="KeycloakDS"/>`,
			},
		},
		{
			name: "a protocol with properties inserted at an index",
			change: func(m *ops.Resource) {
				props := dmr.NewObject()
				props.Set("initialize_sql", str("CREATE TABLE x"))
				m.Navigate(udpStack).AddChild("protocol", "JDBC_PING",
					res("data-source", str("KeycloakDS"), "properties", props), 2)
			},
			want: []string{
				"+" + p20 + `<jdbc-protocol type="JDBC_PING" data-source="KeycloakDS">`,
				"+" + p20 + `    <property name="initialize_sql">CREATE TABLE x</property>`,
				"+" + p20 + `</jdbc-protocol>`,
			},
		},
		{
			name: "an attribute at a new nested path goes where its Order says",
			change: func(m *ops.Resource) {
				m.Navigate(exampleDS).SetAttr("min-pool-size", dmr.NewInt(5))
			},
			want: []string{
				"+" + p20 + `<pool>`,
				"+" + p20 + `    <min-pool-size>5</min-pool-size>`,
				"+" + p20 + `</pool>`,
			},
		},
		{
			name: "undefining every attribute of a nested element removes it",
			change: func(m *ops.Resource) {
				ds := m.Navigate(exampleDS)
				ds.SetAttr("user-name", dmr.Value{})
				ds.Attributes.Remove("password")
			},
			want: []string{
				"-" + p20 + `<security>`,
				"-" + p20 + `    <user-name>sa</user-name>`,
				"-" + p20 + `    <password>sa</password>`,
				"-" + p20 + `</security>`,
			},
		},
		{
			name: "a presence boolean creates its element and its parent",
			change: func(m *ops.Resource) {
				m.Navigate(exampleDS).SetAttr("share-prepared-statements", dmr.NewBool(true))
			},
			want: []string{
				"+" + p20 + `<statement>`,
				"+" + p20 + `    <share-prepared-statements/>`,
				"+" + p20 + `</statement>`,
			},
		},
		{
			name: "an item list loses one item",
			change: func(m *ops.Resource) {
				m.Navigate(rootLogger).SetAttr("handlers", dmr.NewList(str("FILE")))
			},
			want: []string{`-                    <handler name="CONSOLE"/>`},
		},
		{
			name: "an item list in a new order is written again",
			change: func(m *ops.Resource) {
				m.Navigate(rootLogger).SetAttr("handlers",
					dmr.NewList(str("FILE"), str("CONSOLE")))
			},
			want: []string{
				`-                    <handler name="CONSOLE"/>`,
				`+                    <handler name="CONSOLE"/>`,
			},
		},
		{
			name: "a field object undefined removes its element",
			change: func(m *ops.Resource) {
				m.Navigate(addr("subsystem", "logging", "periodic-rotating-file-handler",
					"FILE")).SetAttr("file", dmr.Value{})
			},
			want: []string{
				`-                <file relative-to="jboss.server.log.dir" path="server.log"/>`,
			},
		},
		{
			name: "a system property where there were none",
			change: func(m *ops.Resource) {
				m.AddChild("system-property", "a.b", res("value", expr("${env.X:1}")), -1)
			},
			want: []string{
				`+    <system-properties>`,
				`+        <property name="a.b" value="${env.X:1}"/>`,
				`+    </system-properties>`,
			},
		},
		{
			name: "a root-logger level and a new handler",
			change: func(m *ops.Resource) {
				r := m.Navigate(rootLogger)
				r.SetAttr("level", str("DEBUG"))
				r.SetAttr("handlers", dmr.NewList(str("CONSOLE"), str("FILE"), str("JSON")))
			},
			want: []string{
				`-                <level name="INFO"/>`,
				`+                <level name="DEBUG"/>`,
				`+                    <handler name="JSON"/>`,
			},
		},
		{
			name: "a field object changes one XML attribute",
			change: func(m *ops.Resource) {
				f := m.Navigate(addr("subsystem", "logging", "periodic-rotating-file-handler",
					"FILE"))
				f.SetAttr("file", fileObject("jboss.server.log.dir", "kc.log"))
			},
			want: []string{
				`-                <file relative-to="jboss.server.log.dir" path="server.log"/>`,
				`+                <file relative-to="jboss.server.log.dir" path="kc.log"/>`,
			},
		},
		{
			name: "a lenient subsystem attribute and a new lenient child",
			change: func(m *ops.Resource) {
				u := m.Navigate(addr("subsystem", "undertow", "server", "default-server"))
				u.Navigate(addr("http-listener", "default")).SetAttr("proxy-address-forwarding",
					str("true"))
			},
			want: []string{
				`-                <http-listener name="default" socket-binding="http" redirect-socket="https" enable-http2="true"/>`,
				`+                <http-listener name="default" socket-binding="http" redirect-socket="https" enable-http2="true" proxy-address-forwarding="true"/>`,
			},
		},
		{
			name: "a socket binding removed",
			change: func(m *ops.Resource) {
				m.Navigate(addr("socket-binding-group", "standard-sockets")).
					RemoveChild("socket-binding", "ajp")
			},
			want: []string{`-        <socket-binding name="ajp" port="${jboss.ajp.port:8009}"/>`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data, before, b := load(t, kc16)
			after := before.Clone()
			tc.change(after)
			if err := b.Apply(before, after); err != nil {
				t.Fatal(err)
			}
			out, err := b.Serialize()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, lineDiff(string(data), string(out))); diff != "" {
				t.Errorf("line diff (-want +got):\n%s", diff)
			}
			_, reread, _ := loadBytes(t, out)
			if !sameModel(reread, after) {
				t.Errorf("the written file does not read back as the changed model")
			}
		})
	}
}

func TestDatasourceRemovedAndAddedBack(t *testing.T) {
	data, m0, b := load(t, kc16)
	m1 := m0.Clone()
	m1.Navigate(datasources).RemoveChild("data-source", "KeycloakDS")
	if err := b.Apply(m0, m1); err != nil {
		t.Fatal(err)
	}
	m2 := m1.Clone()
	m2.Navigate(datasources).AddChild("data-source", "KeycloakDS", res(
		"jndi-name", str("java:jboss/datasources/KeycloakDS"),
		"enabled", dmr.NewBool(true),
		"connection-url", expr("jdbc:postgresql://${env.DB_ADDR:postgres}/keycloak"),
		"driver-name", str("postgresql"),
		"user-name", expr("${env.DB_USER:keycloak}"),
		"check-valid-connection-sql", str("SELECT 1"),
		"min-pool-size", dmr.NewInt(5),
	), -1)
	m2.Navigate(datasources).AddChild("jdbc-driver", "postgresql", res(
		"driver-module-name", str("org.postgresql.jdbc"),
		"driver-xa-datasource-class-name", str("org.postgresql.xa.PGXADataSource")), -1)
	if err := b.Apply(m1, m2); err != nil {
		t.Fatal(err)
	}
	out, _ := b.Serialize()
	oldDS := `                <datasource jndi-name="java:jboss/datasources/KeycloakDS" pool-name="KeycloakDS" enabled="true" use-java-context="true" statistics-enabled="${wildfly.datasources.statistics-enabled:${wildfly.statistics-enabled:false}}">
                    <connection-url>jdbc:h2:${jboss.server.data.dir}/keycloak;AUTO_SERVER=TRUE</connection-url>
                    <driver>h2</driver>
                    <security>
                        <user-name>sa</user-name>
                        <password>sa</password>
                    </security>
                </datasource>
`
	newDS := `                <datasource pool-name="KeycloakDS" jndi-name="java:jboss/datasources/KeycloakDS" enabled="true">
                    <connection-url>jdbc:postgresql://${env.DB_ADDR:postgres}/keycloak</connection-url>
                    <driver>postgresql</driver>
                    <pool>
                        <min-pool-size>5</min-pool-size>
                    </pool>
                    <security>
                        <user-name>${env.DB_USER:keycloak}</user-name>
                    </security>
                    <validation>
                        <check-valid-connection-sql>SELECT 1</check-valid-connection-sql>
                    </validation>
                </datasource>
`
	oldDrv := `                        <xa-datasource-class>org.h2.jdbcx.JdbcDataSource</xa-datasource-class>
                    </driver>
`
	newDrv := oldDrv + `                    <driver name="postgresql" module="org.postgresql.jdbc">
                        <xa-datasource-class>org.postgresql.xa.PGXADataSource</xa-datasource-class>
                    </driver>
`
	want := strings.Replace(string(data), oldDS, newDS, 1)
	want = strings.Replace(want, oldDrv, newDrv, 1)
	if want == string(data) || string(out) != want {
		t.Errorf("the file is not as expected; line diff from the expected file:\n%s",
			strings.Join(lineDiff(want, string(out)), "\n"))
	}
}

func TestAddThenRemoveRestoresTheFile(t *testing.T) {
	data, m0, b := load(t, kc16)
	m1 := m0.Clone()
	m1.AddChild("system-property", "x", res("value", str("1")), -1)
	m1.Navigate(udpStack).AddChild("protocol", "JDBC_PING", res("data-source", str("DS")), 0)
	m1.Navigate(exampleDS).SetAttr("min-pool-size", dmr.NewInt(5))
	if err := b.Apply(m0, m1); err != nil {
		t.Fatal(err)
	}
	if err := b.Apply(m1, m0.Clone()); err != nil {
		t.Fatal(err)
	}
	out, _ := b.Serialize()
	if string(out) != string(data) {
		t.Errorf("adding and removing changed the file:\n%s",
			strings.Join(lineDiff(string(data), string(out)), "\n"))
	}
}

// sameModel reports whether two models hold the same attributes and
// children, ignoring attributes that are set but undefined.
func sameModel(a, b *ops.Resource) bool {
	if !defined(a.Attributes).Equal(defined(b.Attributes)) {
		return false
	}
	at, bt := a.ChildTypes(), b.ChildTypes()
	sortStrings(at)
	sortStrings(bt)
	if !cmp.Equal(at, bt) {
		return false
	}
	for _, typ := range a.ChildTypes() {
		if !cmp.Equal(a.ChildNames(typ), b.ChildNames(typ)) {
			return false
		}
		for _, n := range a.ChildNames(typ) {
			if !sameModel(a.Child(typ, n), b.Child(typ, n)) {
				return false
			}
		}
	}
	return true
}

// defined returns the defined entries of an OBJECT, sorted by key.
func defined(o dmr.Value) dmr.Value {
	out := dmr.NewObject()
	keys := o.Keys()
	sortStrings(keys)
	for _, k := range keys {
		if v, _ := o.Get(k); v.IsDefined() {
			out.Set(k, v)
		}
	}
	return out
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
