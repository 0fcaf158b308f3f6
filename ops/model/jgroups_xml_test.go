package model_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wfcli/internal/corpus"
	"wfcli/ops"
	"wfcli/ops/dmr"
	"wfcli/server"
)

// kc16 is the stock Keycloak 16.1 standalone-ha.xml of the corpus.
const kc16 = "findynamics-sso__keycloak-16.1.0__standalone-ha.xml"

// stock are the stock Keycloak 10 to 16 and RH-SSO 7.6 standalone-ha.xml
// files of the corpus, which the keycloak-containers scripts must handle.
var stock = []string{
	"ganeshpahade-keyclock__keycloak-10.0.1__standalone-ha.xml",
	"manishbelwa-keycloak__keycloak-13.0.0__standalone-ha.xml",
	"rodryz-keycloak__keycloak-14.0.0__standalone-ha.xml",
	"raviroygit-keycloak__keycloak-15.0.2__standalone-ha.xml",
	kc16,
	"ravi-pmp-rhsso__rh-sso-7.6-18.0.0.redhat__standalone-ha.xml",
}

// corpusConfig copies a corpus configuration into a temporary directory and
// returns the copy's path, or skips when ../shared is absent.
func corpusConfig(t *testing.T, name string) string {
	t.Helper()
	src := filepath.Join(corpus.XMLDir(t), name)
	b, err := os.ReadFile(src)
	if err != nil {
		t.Skipf("the corpus configuration %s is absent: %v", name, err)
	}
	dst := filepath.Join(t.TempDir(), "standalone-ha.xml")
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

func op(name string, a ops.Address, params ...any) dmr.Value {
	r := ops.NewRequest(name, a)
	for i := 0; i+1 < len(params); i += 2 {
		switch v := params[i+1].(type) {
		case string:
			r.Set(params[i].(string), dmr.NewString(v))
		case int:
			r.Set(params[i].(string), dmr.NewInt(int32(v)))
		case dmr.Value:
			r.Set(params[i].(string), v)
		}
	}
	return r
}

func batch(steps ...dmr.Value) dmr.Value {
	c := ops.NewRequest("composite", ops.Address{})
	c.Set("steps", dmr.NewList(steps...))
	return c
}

func at(kv ...string) ops.Address {
	var a ops.Address
	for i := 0; i+1 < len(kv); i += 2 {
		a = a.Child(kv[i], kv[i+1])
	}
	return a
}

// TestClusteringXML runs the keycloak-containers clustering changes against
// the Keycloak 16 configuration and checks the XML the definitions' hints
// make the server write.
func TestClusteringXML(t *testing.T) {
	jndi := dmr.NewObject()
	jndi.Set("datasource_jndi_name", dmr.NewString("java:jboss/datasources/KeycloakDS"))
	udp := at("subsystem", "jgroups", "stack", "udp")
	tcp := at("subsystem", "jgroups", "stack", "tcp")
	const p = "\n                    " // the indentation of a stack's children
	cases := []struct {
		name    string
		files   []string // the corpus files to run on; nil means kc16
		request dmr.Value
		failed  bool
		want    []string // fragments of the file afterwards
	}{
		{
			name:  "JDBC_PING replaces the discovery protocol first in both stacks",
			files: stock,
			request: batch(
				op("remove", udp.Child("protocol", "PING")),
				op("add", udp.Child("protocol", "JDBC_PING"), "add-index", 0,
					"data-source", "KeycloakDS", "properties", jndi),
				op("remove", tcp.Child("protocol", "MPING")),
				op("add", tcp.Child("protocol", "JDBC_PING"), "add-index", 0,
					"data-source", "KeycloakDS", "properties", jndi),
				op("write-attribute", at("subsystem", "jgroups", "channel", "ee"),
					"name", "stack", "value", "tcp")),
			want: []string{
				`<transport type="UDP" socket-binding="jgroups-udp"/>` + p +
					`<jdbc-protocol type="JDBC_PING" data-source="KeycloakDS">` + p +
					`    <property name="datasource_jndi_name">` +
					`java:jboss/datasources/KeycloakDS</property>` + p +
					`</jdbc-protocol>` + p + `<protocol type="MERGE3"/>`,
				`<transport type="TCP" socket-binding="jgroups-tcp"/>` + p +
					`<jdbc-protocol type="JDBC_PING" data-source="KeycloakDS">`,
				`<channel name="ee" stack="tcp" cluster="ejb"/>`,
			},
		},
		{
			name: "a JDBC_PING configured by properties is a plain protocol",
			request: batch(
				op("add", tcp.Child("protocol", "JDBC_PING"), "add-index", 0,
					"properties", jndi),
				op("add", tcp.Child("protocol", "JDBC_PING").Child("property",
					"initialize_sql"), "value",
					"CREATE TABLE ${env.DB_SCHEMA:public}.JGROUPSPING")),
			want: []string{
				`<transport type="TCP" socket-binding="jgroups-tcp"/>` + p +
					`<protocol type="JDBC_PING">` + p +
					`    <property name="datasource_jndi_name">` +
					`java:jboss/datasources/KeycloakDS</property>` + p +
					`    <property name="initialize_sql">` +
					`CREATE TABLE ${env.DB_SCHEMA:public}.JGROUPSPING</property>` + p +
					`</protocol>` + p + `<socket-protocol type="MPING"`,
			},
		},
		{
			name:  "cache owners keep their expression",
			files: stock,
			request: op("write-attribute", at("subsystem", "infinispan", "cache-container",
				"keycloak", "distributed-cache", "sessions"), "name", "owners",
				"value", "${env.CACHE_OWNERS_COUNT:1}"),
			want: []string{
				`<distributed-cache name="sessions" owners="${env.CACHE_OWNERS_COUNT:1}"`,
			},
		},
		{
			name: "a new component goes where the schema puts it",
			request: op("add", at("subsystem", "infinispan", "cache-container", "keycloak",
				"distributed-cache", "sessions", "component", "locking"),
				"isolation", "REPEATABLE_READ"),
			want: []string{
				`<distributed-cache name="sessions" owners="1">` + p +
					`<locking isolation="REPEATABLE_READ"/>` + p +
					`<expiration lifespan="900000000000000000"/>`,
			},
		},
		{
			name: "a missing data source leaves the file as it was",
			request: batch(
				op("remove", tcp.Child("protocol", "MPING")),
				op("add", tcp.Child("protocol", "JDBC_PING"), "add-index", 0,
					"data-source", "NoSuchDS")),
			failed: true,
		},
	}
	for _, tc := range cases {
		files := tc.files
		if files == nil {
			files = []string{kc16}
		}
		for _, f := range files {
			t.Run(tc.name+" in "+f, func(t *testing.T) {
				runXMLCase(t, f, tc.request, tc.failed, tc.want)
			})
		}
	}
}

// runXMLCase runs request on a copy of the corpus file and checks the file
// afterwards: unchanged when the request fails, holding want otherwise.
func runXMLCase(t *testing.T, name string, request dmr.Value, failed bool, want []string) {
	t.Helper()
	file := corpusConfig(t, name)
	before, _ := os.ReadFile(file)
	s, err := server.Embed(server.Options{ConfigFile: file, AdminOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	resp := s.Execute(request)
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	outcome, _ := resp.Get("outcome")
	if got := outcome.AsString() == "failed"; got != failed {
		t.Fatalf("response %s", resp)
	}
	after, _ := os.ReadFile(file)
	if failed && string(after) != string(before) {
		t.Errorf("the file changed although the request failed")
	}
	for _, w := range want {
		if !strings.Contains(string(after), w) {
			t.Errorf("the file lacks\n%s", w)
		}
	}
}
