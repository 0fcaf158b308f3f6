package e2e

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/beevik/etree"
	"github.com/google/go-cmp/cmp"

	"wfcli/server/defaultconfig"
)

// Our scripts on our default configuration: these need no corpus, so they
// run on a fresh clone too.

const ownDataSource = `
<datasource jndi-name="java:jboss/datasources/KeycloakDS" pool-name="KeycloakDS"
        enabled="true" use-java-context="true">
    <connection-url>jdbc:postgresql://${env.DB_ADDR:localhost}:${env.DB_PORT:5432}/` +
	`${env.DB_DATABASE:keycloak}</connection-url>
    <driver>postgresql</driver>
    <security>
        <user-name>${env.DB_USER:keycloak}</user-name>
        <password>${env.DB_PASSWORD:keycloak}</password>
    </security>
    <validation>
        <check-valid-connection-sql>SELECT 1</check-valid-connection-sql>
        <background-validation>true</background-validation>
        <background-validation-millis>60000</background-validation-millis>
    </validation>
</datasource>`

// checkOwnPostgres covers scripts/postgres.cli.
func checkOwnPostgres(t *testing.T, before, after *etree.Document, _ string) {
	assertFragment(t, after, "//datasources/datasource[@pool-name='KeycloakDS']", ownDataSource)
	assertFragment(t, after, "//datasources/drivers/driver[@name='postgresql']", postgresDriver)
	assertSame(t, before, after, "//datasources/datasource[@pool-name='ExampleDS']")
	assertFragment(t, after, "//spi[@name='connectionsJpa']/provider[@name='default']", `
<provider name="default" enabled="true">
    <properties>
        <property name="dataSource" value="java:jboss/datasources/KeycloakDS"/>
        <property name="initializeEmpty" value="true"/>
        <property name="migrationStrategy" value="update"/>
        <property name="schema" value="${env.DB_SCHEMA:public}"/>
    </properties>
</provider>`)
}

var checkOwnJDBCPing = discoveryCheck("/jdbc-protocol[@type='JDBC_PING']", `
<jdbc-protocol type="JDBC_PING" data-source="KeycloakDS">
    <property name="remove_all_data_on_view_change">true</property>
</jdbc-protocol>`)

var checkOwnOwners = ownersCheck("${env.CACHE_OWNERS:2}", "${env.CACHE_OWNERS:2}")

// checkOwnLogLevels covers scripts/log-levels.cli.
func checkOwnLogLevels(t *testing.T, _, after *etree.Document, _ string) {
	assertFragment(t, after, "//logger[@category='org.keycloak']",
		`<logger category="org.keycloak"><level name="${env.KEYCLOAK_LOGLEVEL:INFO}"/></logger>`)
	assertFragment(t, after, "//root-logger", `
<root-logger>
    <level name="${env.ROOT_LOGLEVEL:INFO}"/>
    <handlers>
        <handler name="CONSOLE"/>
        <handler name="FILE"/>
    </handlers>
</root-logger>`)
}

var ownScripts = []struct {
	script string
	check  check
}{
	{"postgres.cli", checkOwnPostgres},
	{"jdbc-ping.cli", checkOwnJDBCPing},
	{"cache-owners.cli", checkOwnOwners},
	{"log-levels.cli", checkOwnLogLevels},
}

func TestOwnScriptsOnTheDefault(t *testing.T) {
	for _, s := range ownScripts {
		t.Run(s.script, func(t *testing.T) {
			config := defaultconfig.StandaloneHA()
			h := newHome(t, config)
			res := h.run(t, "--file="+filepath.Join(repoRoot, "scripts", s.script))
			if res.code != 0 {
				t.Fatalf("exit code %d, want 0\n%s", res.code, res.output())
			}
			after := h.readConfig(t)
			if bytes.Equal(after, config) {
				t.Fatalf("the configuration did not change\n%s", res.output())
			}
			s.check(t, parseXML(t, config), parseXML(t, after), res.output())
			if diff := cmp.Diff(commentLines(string(config)),
				commentLines(string(after))); diff != "" {
				t.Errorf("comment lines (-before +after):\n%s", diff)
			}
		})
	}
}

func TestOwnScriptsInSequence(t *testing.T) {
	config := defaultconfig.StandaloneHA()
	h := newHome(t, config)
	for _, s := range ownScripts {
		res := h.run(t, "--file="+filepath.Join(repoRoot, "scripts", s.script))
		if res.code != 0 {
			t.Fatalf("%s: exit code %d, want 0\n%s", s.script, res.code, res.output())
		}
	}
	before, after := parseXML(t, config), parseXML(t, h.readConfig(t))
	for _, s := range ownScripts {
		s.check(t, before, after, "")
	}
}

// Only the seven owners lines change; the rest of our default, comments
// included, is left byte for byte.
func TestOwnCacheOwnersChangesSevenLines(t *testing.T) {
	config := string(defaultconfig.StandaloneHA())
	h := newHome(t, []byte(config))
	res := h.run(t, "--file="+filepath.Join(repoRoot, "scripts", "cache-owners.cli"))
	if res.code != 0 {
		t.Fatalf("exit code %d, want 0\n%s", res.code, res.output())
	}
	removed, added := lineDiff(config, string(h.readConfig(t)))

	var wantRemoved, wantAdded []string
	for _, l := range strings.Split(config, "\n") {
		for _, c := range distributedCaches {
			if strings.Contains(l, `<distributed-cache name="`+c+`"`) {
				wantRemoved = append(wantRemoved, l)
				wantAdded = append(wantAdded,
					ownersAttr.ReplaceAllLiteralString(l, `owners="${env.CACHE_OWNERS:2}"`))
			}
		}
	}
	if !slices.Equal(wantRemoved, removed) {
		t.Errorf("removed lines (-want +got):\n%s", cmp.Diff(wantRemoved, removed))
	}
	if !slices.Equal(wantAdded, added) {
		t.Errorf("added lines (-want +got):\n%s", cmp.Diff(wantAdded, added))
	}
}

// The default boots in our strict model and answers reads with the values
// it was written with.
func TestDefaultBootsAndAnswers(t *testing.T) {
	tests := []struct {
		name string
		op   string
		want string
	}{
		{"channel ee stack", "/subsystem=jgroups/channel=ee:read-attribute(name=stack)",
			`"result" => "udp"`},
		{"sessions owners", "/subsystem=infinispan/cache-container=keycloak/" +
			"distributed-cache=sessions:read-attribute(name=owners)", `"result" => 1`},
		{"KeycloakDS driver", "/subsystem=datasources/data-source=KeycloakDS:" +
			"read-attribute(name=driver-name)", `"result" => "h2"`},
		{"jgroups tcp port", "/socket-binding-group=standard-sockets/" +
			"socket-binding=jgroups-tcp:read-attribute(name=port)", `"result" => 7600`},
		{"public interface", "/interface=public:read-attribute(name=inet-address)",
			`"result" => expression "${jboss.bind.address:127.0.0.1}"`},
		{"root log level", "/subsystem=logging/root-logger=ROOT:read-attribute(name=level)",
			`"result" => "INFO"`},
		{"udp protocols", "/subsystem=jgroups/stack=udp:read-children-names(child-type=protocol)",
			`"PING",`},
		{"the whole model", ":read-resource(recursive=true)", `"outcome" => "success"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			config := defaultconfig.StandaloneHA()
			h := newHome(t, config)
			script := h.write(t, "read.cli", strings.Join([]string{
				"embed-server --server-config=standalone-ha.xml --std-out=discard",
				tt.op, "stop-embedded-server"}, "\n")+"\n")
			res := h.run(t, "--file="+script)
			if res.code != 0 {
				t.Fatalf("exit code %d, want 0\n%s", res.code, res.output())
			}
			if !strings.Contains(res.stdout, tt.want) {
				t.Errorf("stdout lacks %s:\n%s", tt.want, res.stdout)
			}
			if !bytes.Equal(config, h.readConfig(t)) {
				t.Errorf("a read changed the configuration")
			}
		})
	}
}
