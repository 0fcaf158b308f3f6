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

// Corpus configurations the cases below boot.
const (
	kc33  = "keycloak330cr2__keycloak-3.3.0.CR2__standalone-ha.xml"
	kc4   = "ivangfr-kc-clustered__keycloak-4.x__standalone-ha.xml"
	kc14  = "rodryz-keycloak__keycloak-14.0.0__standalone-ha.xml"
	kc10  = "ganeshpahade-keyclock__keycloak-10.0.1__standalone-ha.xml"
	rhsso = "ravi-pmp-rhsso__rh-sso-7.6-18.0.0.redhat__standalone-ha.xml"
	wf28  = "oboegaki-wildfly-memo__wildfly-28.0.0__standalone-ha.xml"
	as71  = "kidaak-jboss7__as-7.1.4__standalone-ha.xml"
)

var (
	appRealm  = at("core-service", "management", "security-realm", "ApplicationRealm")
	mgmtRealm = at("core-service", "management", "security-realm", "ManagementRealm")
	ejb       = at("subsystem", "ejb3")
)

// TestLegacyResourcesRead boots corpus configurations and reads the
// resources of unnamed elements that Keycloak's migrate scripts address.
func TestLegacyResourcesRead(t *testing.T) {
	cases := []struct {
		name, file string
		req        dmr.Value
		want       string // the result, compact DMR text; "failed" means the outcome
	}{
		{"the application realm's ssl identity is read from its keystore", kc10,
			op("read-resource", appRealm.Child("server-identity", "ssl")),
			`{"alias"=>"server","enabled-cipher-suites"=>undefined,` +
				`"enabled-protocols"=>undefined,` +
				`"generate-self-signed-certificate-host"=>"localhost",` +
				`"key-password"=>"password","keystore-password"=>"password",` +
				`"keystore-path"=>"application.keystore","keystore-provider"=>"JKS",` +
				`"keystore-relative-to"=>"jboss.server.config.dir","protocol"=>"TLS"}`},
		{"adding the ssl identity the file already has is refused", kc10,
			op("add", appRealm.Child("server-identity", "ssl"), "keystore-path", "k.jks"),
			"failed"},
		{"the management realm has no server identity", kc10,
			op("read-children-names", mgmtRealm, "child-type", "server-identity"), `[]`},
		{"local authentication keeps its default user", kc10,
			op("read-resource", mgmtRealm.Child("authentication", "local")),
			`{"allowed-users"=>undefined,"default-user"=>"$local",` +
				`"skip-group-loading"=>true}`},
		{"map-groups-to-roles is read from <authorization>", kc10,
			op("read-attribute", mgmtRealm, "name", "map-groups-to-roles"), `false`},
		{"an unknown realm attribute is refused", kc10,
			op("write-attribute", appRealm.Child("authentication", "local"),
				"name", "no-such", "value", "x"), "failed"},
		{"the remote service lists its connectors", rhsso,
			op("read-attribute", ejb.Child("service", "remote"), "name", "connectors"),
			`["http-remoting-connector"]`},
		{"an older remote service names one connector", kc33,
			op("read-attribute", ejb.Child("service", "remote"), "name", "connector-ref"),
			`"http-remoting-connector"`},
		{"a channel option is read from its wrapper", rhsso,
			op("read-resource", ejb.Child("service", "remote").Child(
				"channel-creation-options", "MAX_OUTBOUND_MESSAGES")),
			`{"type"=>"remoting","value"=>"1234"}`},
		{"ejb3 statistics-enabled is the expression of <statistics>", kc10,
			op("read-attribute", ejb, "name", "statistics-enabled"),
			`expression "${wildfly.ejb3.statistics-enabled:${wildfly.statistics-enabled:false}}"`},
		{"the default stateful cache is read from <session-bean>", rhsso,
			op("read-attribute", ejb, "name", "default-sfsb-cache"), `"distributable"`},
		{"a thread pool's keepalive time is an object with a TimeUnit name", kc33,
			op("read-attribute", ejb.Child("thread-pool", "default"), "name", "keepalive-time"),
			`{"time"=>100L,"unit"=>"MILLISECONDS"}`},
		{"the timer service holds its file data store", rhsso,
			op("read-resource", ejb.Child("service", "timer-service").Child(
				"file-data-store", "default-file-store")),
			`{"path"=>"timer-service-data","relative-to"=>"jboss.server.data.dir"}`},
		{"WildFly 28 caches are simple and distributable caches", wf28,
			op("read-children-names", ejb, "child-type", "simple-cache"), `["simple"]`},
		{"strict max pools keep the acquisition timeout", rhsso,
			op("read-resource", ejb.Child("strict-max-bean-instance-pool",
				"slsb-strict-max-pool")),
			`{"derive-size"=>"from-worker-pools","max-pool-size"=>20,"timeout"=>5L,` +
				`"timeout-unit"=>"MINUTES"}`},
		{"AS 7.1 passivation stores of the older schema are read", as71,
			op("read-children-names", ejb, "child-type", "file-passivation-store"),
			`["file"]`},
		{"an unknown ejb3 attribute is refused", rhsso,
			op("write-attribute", ejb, "name", "no-such", "value", "x"), "failed"},
		{"the remoting endpoint of an older file is a resource", kc33,
			op("read-children-names", at("subsystem", "remoting"), "child-type",
				"configuration"), `["endpoint"]`},
		{"the ee default bindings are a resource", kc10,
			op("read-attribute", at("subsystem", "ee", "service", "default-bindings"),
				"name", "datasource"), `"java:jboss/datasources/ExampleDS"`},
		{"jpa's default data source is read from <jpa>", kc10,
			op("read-attribute", at("subsystem", "jpa"), "name", "default-datasource"), `""`},
		{"transactions statistics-enabled is read from <coordinator-environment>", kc10,
			op("read-attribute", at("subsystem", "transactions"), "name",
				"statistics-enabled"),
			`expression "${wildfly.transactions.statistics-enabled:` +
				`${wildfly.statistics-enabled:false}}"`},
		{"transactions statistics-enabled is false when the file says nothing", as71,
			op("read-attribute", at("subsystem", "transactions"), "name",
				"statistics-enabled"), `false`},
		{"the process identifier is a UUID when <uuid/> is present", as71,
			op("read-attribute", at("subsystem", "transactions"), "name",
				"process-id-uuid"), `true`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, err := server.Embed(server.Options{ConfigFile: corpusConfig(t, tc.file),
				AdminOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Stop()
			resp := s.Execute(tc.req)
			outcome, _ := resp.Get("outcome")
			if tc.want == "failed" {
				if outcome.AsString() != "failed" {
					t.Errorf("outcome %s, want failed", resp.CompactString())
				}
				return
			}
			got, _ := resp.Get("result")
			if outcome.AsString() != "success" || got.CompactString() != tc.want {
				t.Errorf("got %s\nwant result %s", resp.CompactString(), tc.want)
			}
		})
	}
}

// TestLegacyResourcesWrite changes the resources of unnamed elements and
// checks the file afterwards.
func TestLegacyResourcesWrite(t *testing.T) {
	ssl := mgmtRealm.Child("server-identity", "ssl")
	pool := ejb.Child("thread-pool", "default")
	cases := []struct {
		name, file string
		reqs       []dmr.Value
		has, lacks string // fragments the file holds and no longer holds afterwards
	}{
		{"an ssl identity goes before the realm's authentication", kc10,
			[]dmr.Value{op("add", ssl, "keystore-path", "k.jks", "alias", "srv")},
			`<security-realm name="ManagementRealm">` + "\n" +
				`                <server-identities>` + "\n" +
				`                    <ssl>` + "\n" +
				`                        <keystore path="k.jks" alias="srv"/>` + "\n" +
				`                    </ssl>` + "\n" +
				`                </server-identities>` + "\n" +
				`                <authentication>`, ""},
		{"local authentication removed leaves the properties", kc10,
			[]dmr.Value{op("remove", mgmtRealm.Child("authentication", "local"))},
			`<authentication>` + "\n" +
				`                    <properties path="mgmt-users.properties"`,
			`<local default-user="$local" skip-group-loading="true"/>`},
		{"the realm's last authorization removed keeps map-groups-to-roles", kc10,
			[]dmr.Value{op("remove", mgmtRealm.Child("authorization", "properties"))},
			`<authorization map-groups-to-roles="false"/>`,
			`<properties path="mgmt-groups.properties"`},
		{"the realm's identities, authentication and authorization removed", kc10,
			[]dmr.Value{op("remove", appRealm.Child("server-identity", "ssl")),
				op("remove", appRealm.Child("authentication", "local")),
				op("remove", appRealm.Child("authentication", "properties")),
				op("remove", appRealm.Child("authorization", "properties"))},
			`<security-realm name="ApplicationRealm"/>`,
			`<properties path="application-roles.properties"`},
		{"a thread pool's keepalive time is written in its element", kc33,
			[]dmr.Value{op("write-attribute", pool, "name", "keepalive-time.time",
				"value", dmr.NewLong(60))},
			`<keepalive-time time="60" unit="milliseconds"/>`, `time="100"`},
		{"ejb3 statistics-enabled is written in <statistics>", rhsso,
			[]dmr.Value{op("write-attribute", ejb, "name", "statistics-enabled",
				"value", dmr.NewBool(true))},
			`<statistics enabled="true"/>`, `<statistics enabled="${`},
		{"message-driven bean settings are written in <mdb> in the schema's order", kc10,
			[]dmr.Value{op("add", ejb.Child("mdb-delivery-group", "dg")),
				op("write-attribute", ejb, "name", "default-mdb-instance-pool",
					"value", "mdb-strict-max-pool"),
				op("write-attribute", ejb, "name", "default-resource-adapter-name",
					"value", "ra.rar")},
			"</session-bean>\n            <mdb>\n" +
				`                <resource-adapter-ref resource-adapter-name="ra.rar"/>` + "\n" +
				`                <bean-instance-pool-ref pool-name="mdb-strict-max-pool"/>` +
				"\n                <delivery-groups>\n" +
				`                    <delivery-group name="dg"/>` +
				"\n                </delivery-groups>\n            </mdb>\n            <pools>", ""},
		{"a remoting profile goes between the remote service and the thread pools", rhsso,
			[]dmr.Value{op("add", ejb.Child("remoting-profile", "p"),
				"exclude-local-receiver", "true")},
			"</remote>\n            <profiles>\n" +
				`                <profile name="p" exclude-local-receiver="true"/>` +
				"\n            </profiles>\n            <thread-pools>", ""},
		{"the remoting endpoint removed leaves the connector", kc33,
			[]dmr.Value{op("remove", at("subsystem", "remoting", "configuration",
				"endpoint"))},
			`<subsystem xmlns="urn:jboss:domain:remoting:4.0">` + "\n" +
				`            <http-connector`, `<endpoint/>`},
		{"jpa's default data source undefined leaves the inheritance", kc10,
			[]dmr.Value{op("undefine-attribute", at("subsystem", "jpa"), "name",
				"default-datasource")},
			`<jpa default-extended-persistence-inheritance="DEEP"/>`,
			`default-datasource=""`},
		{"a new metrics subsystem has its namespace and a spaced list", kc14,
			[]dmr.Value{op("remove", at("subsystem", "metrics")),
				op("add", at("subsystem", "metrics"), "exposed-subsystems",
					dmr.NewList(dmr.NewString("*")), "security-enabled", dmr.NewBool(false))},
			`<subsystem xmlns="urn:wildfly:metrics:1.0" security-enabled="false" ` +
				`exposed-subsystems="*"/>`, `prefix="${wildfly.metrics.prefix`},
		{"a new weld subsystem is written with the namespace WildFly writes", kc4,
			[]dmr.Value{op("add", at("extension", "org.jboss.as.weld")),
				op("add", at("subsystem", "weld"))},
			`<subsystem xmlns="urn:jboss:domain:weld:4.0"/>`, ""},
		{"a default binding is written in <default-bindings>", kc10,
			[]dmr.Value{op("write-attribute", at("subsystem", "ee", "service",
				"default-bindings"), "name", "jms-connection-factory", "value", "java:/CF")},
			`managed-thread-factory="java:jboss/ee/concurrency/factory/default" ` +
				`jms-connection-factory="java:/CF"/>`, ""},
		{"a node identifier goes into <core-environment>", as71,
			[]dmr.Value{op("write-attribute", at("subsystem", "transactions"), "name",
				"node-identifier", "value", dmr.NewExpression("${jboss.tx.node.id:1}"))},
			`<core-environment node-identifier="${jboss.tx.node.id:1}">`, ""},
		{"transactions statistics-enabled creates <coordinator-environment>", kc33,
			[]dmr.Value{op("write-attribute", at("subsystem", "transactions"), "name",
				"statistics-enabled", "value", dmr.NewBool(true))},
			`<recovery-environment socket-binding="txn-recovery-environment" ` +
				`status-socket-binding="txn-status-manager"/>` + "\n" +
				`            <coordinator-environment statistics-enabled="true"/>`, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			file := corpusConfig(t, tc.file)
			runAndStop(t, file, tc.reqs)
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), tc.has) {
				t.Errorf("the file lacks\n%s", tc.has)
			}
			if tc.lacks != "" && strings.Contains(string(b), tc.lacks) {
				t.Errorf("the file still holds\n%s", tc.lacks)
			}
		})
	}
}

// runAndStop runs requests one by one on a server over file, failing the
// test on the first that does not succeed, and stops the server.
func runAndStop(t *testing.T, file string, reqs []dmr.Value) {
	t.Helper()
	s, err := server.Embed(server.Options{ConfigFile: file, AdminOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reqs {
		if resp := s.Execute(r); !succeeded(resp) {
			t.Fatalf("%s: %s", r.CompactString(), resp.CompactString())
		}
	}
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
}

func succeeded(resp dmr.Value) bool {
	o, _ := resp.Get("outcome")
	return o.AsString() == "success"
}

// TestLegacyResourcesInEveryCorpusFile boots every corpus configuration and
// reads the subsystems and realms modelled here, which must succeed
// whatever schema version the file uses.
func TestLegacyResourcesInEveryCorpusFile(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus.XMLDir(t), "*.xml"))
	if len(files) == 0 {
		t.Skip("the corpus configurations are absent")
	}
	reads := []ops.Address{ejb, at("subsystem", "transactions"),
		at("core-service", "management")}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			s, err := server.Embed(server.Options{
				ConfigFile: corpusConfig(t, filepath.Base(f)), AdminOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Stop()
			for _, a := range reads {
				r := s.Execute(op("read-resource", a, "recursive", dmr.NewBool(true)))
				if !succeeded(r) {
					t.Errorf("%s: %s", a, r.CompactString())
				}
			}
		})
	}
}
