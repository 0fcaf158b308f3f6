package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wfcli/internal/corpus"
)

// sharedDir returns ../shared (found by walking up from the test's
// directory), or skips the test when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	corpus.Dir(t, "corpus")
	return corpus.Dir(t)
}

// imageScripts are the Keycloak image's CLI scripts in the order its
// entrypoint runs them; their run-batch --file targets are copied beside.
var imageScripts = []string{
	"standalone-ha-configuration",
	"databases-postgres-standalone-ha-configuration",
	"jgroups-discovery-JDBC_PING",
	"infinispan-cache-owners",
}

// batchTargets maps the image's paths to the corpus scripts behind them.
var batchTargets = map[string]string{
	"loglevel.cli":                           "kc-containers__loglevel.cli",
	"proxy.cli":                              "kc-containers__proxy.cli",
	"hostname.cli":                           "kc-containers__hostname.cli",
	"theme.cli":                              "kc-containers__theme.cli",
	"databases/postgres/change-database.cli": "kc-containers__databases-postgres-change-database.cli",
}

// imageRC is what the image's jgroups.sh appends to bin/.jbossclirc for
// JGROUPS_DISCOVERY_PROTOCOL=JDBC_PING.
const imageRC = "set keycloak_jgroups_discovery_protocol=JDBC_PING\n" +
	"set keycloak_jgroups_discovery_protocol_properties=" +
	"{datasource_jndi_name=>java:jboss/datasources/KeycloakDS}\n" +
	"set keycloak_jgroups_transport_stack=tcp\n"

// keycloakHome lays out a JBOSS_HOME for config: the configuration as
// standalone-ha.xml, the rc file, and the image's scripts with their
// /opt/jboss/tools/cli paths pointed at the copies.
func keycloakHome(t *testing.T, shared, config string) string {
	home := t.TempDir()
	cfgDir := filepath.Join(home, "standalone", "configuration")
	tools := filepath.Join(home, "tools", "cli")
	for _, d := range []string{cfgDir, filepath.Join(home, "bin"),
		filepath.Join(tools, "databases", "postgres")} {
		must(t, os.MkdirAll(d, 0o755))
	}
	copyFile(t, filepath.Join(shared, "corpus", "xml", config+"__standalone-ha.xml"),
		filepath.Join(cfgDir, "standalone-ha.xml"), nil)
	must(t, os.WriteFile(filepath.Join(home, "bin", ".jbossclirc"), []byte(imageRC), 0o644))
	for target, src := range batchTargets {
		copyFile(t, filepath.Join(shared, "corpus", "cli", src), filepath.Join(tools, target), nil)
	}
	fix := strings.NewReplacer("/opt/jboss/tools/cli", tools, "--std-out=echo", "--std-out=discard")
	for _, s := range imageScripts {
		copyFile(t, filepath.Join(shared, "corpus", "cli", "kc-containers__"+s+".cli"),
			filepath.Join(home, s+".cli"), fix)
	}
	return home
}

func copyFile(t *testing.T, from, to string, fix *strings.Replacer) {
	data, err := os.ReadFile(from)
	must(t, err)
	if fix != nil {
		data = []byte(fix.Replace(string(data)))
	}
	must(t, os.WriteFile(to, data, 0o644))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// runScript runs cli --file=<home>/<name>.cli in-process and returns the
// exit code and the configuration before and after.
func runScript(t *testing.T, home, name string) (code int, before, after []byte, out string) {
	cfg := filepath.Join(home, "standalone", "configuration", "standalone-ha.xml")
	before, err := os.ReadFile(cfg)
	must(t, err)
	var stdout, stderr bytes.Buffer
	code = run([]string{"--file=" + filepath.Join(home, name+".cli")}, nil, &stdout, &stderr)
	after, err = os.ReadFile(cfg)
	must(t, err)
	return code, before, after, stdout.String() + stderr.String()
}

// TestKeycloakImageScripts runs the Keycloak image's scripts, in its order,
// on each stock Keycloak 10 to 16 and RH-SSO 7.6 configuration of the
// corpus, and checks the XML WildFly would write.
func TestKeycloakImageScripts(t *testing.T) {
	shared := sharedDir(t)
	configs := []string{
		"ganeshpahade-keyclock__keycloak-10.0.1",
		"manishbelwa-keycloak__keycloak-13.0.0",
		"rodryz-keycloak__keycloak-14.0.0",
		"raviroygit-keycloak__keycloak-15.0.2",
		"ravi-pmp-rhsso__rh-sso-7.6-18.0.0.redhat",
		"findynamics-sso__keycloak-16.1.0",
	}
	for _, config := range configs {
		t.Run(config, func(t *testing.T) {
			home := keycloakHome(t, shared, config)
			t.Setenv("JBOSS_HOME", home)
			var xml []byte
			for _, s := range imageScripts {
				code, _, after, out := runScript(t, home, s)
				if code != 0 {
					t.Fatalf("%s: exit %d\n%s", s, code, out)
				}
				xml = after
			}
			checkKeycloakXML(t, string(xml))
		})
	}
}

func checkKeycloakXML(t *testing.T, xml string) {
	t.Helper()
	for _, want := range []string{
		"<connection-url>jdbc:postgresql://${env.DB_ADDR:postgres}/" +
			"${env.DB_DATABASE:keycloak}${env.JDBC_PARAMS:}</connection-url>",
		"<driver>postgresql</driver>",
		"<user-name>${env.DB_USER:keycloak}</user-name>",
		"<driver name=\"postgresql\" module=\"org.postgresql.jdbc\">\n" +
			"                        <xa-datasource-class>org.postgresql.xa.PGXADataSource" +
			"</xa-datasource-class>",
		`<distributed-cache name="authenticationSessions" ` +
			`owners="${env.CACHE_OWNERS_AUTH_SESSIONS_COUNT:1}"`,
		`<channel name="ee" stack="tcp"`,
	} {
		if !strings.Contains(xml, want) {
			t.Errorf("the configuration lacks %s", want)
		}
	}
	if n := strings.Count(xml, `owners="${env.CACHE_OWNERS_COUNT:1}"`); n != 6 {
		t.Errorf("%d caches have owners=${env.CACHE_OWNERS_COUNT:1}, want 6", n)
	}
	for _, stack := range []string{"udp", "tcp"} {
		body := xml[strings.Index(xml, `<stack name="`+stack+`">`):]
		first := body[strings.Index(body, "\n                    <"):][1:]
		first = first[strings.Index(first, "\n")+1:] // skip the transport
		want := "                    <jdbc-protocol type=\"JDBC_PING\" data-source=\"KeycloakDS\">\n" +
			"                        <property name=\"datasource_jndi_name\">" +
			"java:jboss/datasources/KeycloakDS</property>\n"
		if !strings.HasPrefix(first, want) {
			t.Errorf("stack %s does not start with JDBC_PING:\n%.300s", stack, first)
		}
	}
}

// TestKeycloakScriptsOnCustomizedConfigs runs the image's scripts on
// configurations that already hold what a script adds: as in WildFly, that
// script's batch fails, the CLI exits 1 and the file is left byte-identical.
func TestKeycloakScriptsOnCustomizedConfigs(t *testing.T) {
	shared := sharedDir(t)
	tests := []struct {
		config  string
		failing map[string]string // script -> text the failure names
	}{
		{"ihub-keycloak__keycloak-docker-customized", map[string]string{
			"standalone-ha-configuration": "loglevel.cli:1: step-1: " +
				"/subsystem=logging/logger=org.keycloak:add: WFLYCTL0212: Duplicate resource",
			"databases-postgres-standalone-ha-configuration": "change-database.cli:9: step-9: " +
				"/subsystem=datasources/jdbc-driver=postgresql:add(",
		}},
		{"mu-wahba-kc-for-production__keycloak-11.0.0-customized", map[string]string{
			"jgroups-discovery-JDBC_PING": "jgroups-discovery-JDBC_PING.cli:3: step-1: " +
				"/subsystem=jgroups/stack=udp/protocol=PING:remove(): WFLYCTL0216",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.config, func(t *testing.T) {
			home := keycloakHome(t, shared, tc.config)
			t.Setenv("JBOSS_HOME", home)
			for _, s := range imageScripts {
				code, before, after, out := runScript(t, home, s)
				want, fails := tc.failing[s]
				switch {
				case fails && code != 1:
					t.Errorf("%s: exit %d, want 1", s, code)
				case fails && !bytes.Equal(before, after):
					t.Errorf("%s failed but changed the configuration", s)
				case fails && !strings.Contains(out, want):
					t.Errorf("%s: the failure does not name %q:\n%s", s, want, out)
				case !fails && code != 0:
					t.Errorf("%s: exit %d, want 0\n%s", s, code, out)
				}
			}
		})
	}
}
