package e2e

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"wfcli/server/defaultconfig"
)

// The stock Keycloak 10 to 16 and RH-SSO 7.6 configurations of the corpus,
// and our own default.
var stockConfigs = []struct{ name, file string }{
	{"Keycloak 10.0.1", "ganeshpahade-keyclock__keycloak-10.0.1__standalone-ha.xml"},
	{"Keycloak 13.0.0", "manishbelwa-keycloak__keycloak-13.0.0__standalone-ha.xml"},
	{"Keycloak 14.0.0", "rodryz-keycloak__keycloak-14.0.0__standalone-ha.xml"},
	{"Keycloak 15.0.2", "raviroygit-keycloak__keycloak-15.0.2__standalone-ha.xml"},
	{"Keycloak 16.1.0", "findynamics-sso__keycloak-16.1.0__standalone-ha.xml"},
	{"RH-SSO 7.6", "ravi-pmp-rhsso__rh-sso-7.6-18.0.0.redhat__standalone-ha.xml"},
	{"wfcli default", ""}, // ours must take the image's scripts as Keycloak's do
}

// stockConfig returns the bytes of a configuration of stockConfigs.
func stockConfig(t *testing.T, file string) []byte {
	t.Helper()
	if file == "" {
		return defaultconfig.StandaloneHA()
	}
	return corpusFile(t, "xml/"+file)
}

// imageRun is one script of the Keycloak image with the .jbossclirc its
// shell wrapper writes and the check of its result.
type imageRun struct {
	script     string // kc-containers__<script>.cli
	protocol   string // keycloak_jgroups_discovery_protocol
	properties string // keycloak_jgroups_discovery_protocol_properties
	check      check
}

var imageRuns = []imageRun{
	{"databases-postgres-standalone-ha-configuration", "JDBC_PING", jdbcPingProperties,
		checkPostgres},
	{"jgroups-discovery-JDBC_PING", "JDBC_PING", jdbcPingProperties, checkJDBCPing},
	{"jgroups-discovery-default", "dns.DNS_PING", "{dns_query=>" + dnsQuery + "}",
		checkDNSPing},
	{"infinispan-cache-owners", "JDBC_PING", jdbcPingProperties, checkImageOwners},
	{"standalone-ha-configuration", "JDBC_PING", jdbcPingProperties, checkStandaloneHA},
	{"x509-keystore", "JDBC_PING", jdbcPingProperties, checkKeystore},
	{"x509-truststore", "JDBC_PING", jdbcPingProperties, checkTruststore},
	{"files-plaintext-vault", "JDBC_PING", jdbcPingProperties, checkVault},
}

// imageRunNamed returns the entry of imageRuns for a script.
func imageRunNamed(t *testing.T, script string) imageRun {
	t.Helper()
	for _, r := range imageRuns {
		if r.script == script {
			return r
		}
	}
	t.Fatalf("no image run for %s", script)
	return imageRun{}
}

// runImageScript lays out a home with the configuration, runs one image
// script in it and returns the home and the result.
func runImageScript(t *testing.T, config []byte, r imageRun) (home, result) {
	t.Helper()
	h := newHome(t, config)
	h.imageRC(t, r.protocol, r.properties)
	script := h.imageScript(t, r.script)
	return h, h.run(t, "--file="+script)
}

func TestKeycloakImageScriptsOnStockConfigurations(t *testing.T) {
	sharedDir(t)
	for _, c := range stockConfigs {
		config := stockConfig(t, c.file)
		for _, r := range imageRuns {
			t.Run(c.name+"/"+r.script, func(t *testing.T) {
				h, res := runImageScript(t, config, r)
				if res.code != 0 {
					t.Fatalf("exit code %d, want 0\n%s", res.code, res.output())
				}
				after := h.readConfig(t)
				if bytes.Equal(after, config) {
					t.Fatalf("the configuration did not change\n%s", res.output())
				}
				r.check(t, parseXML(t, config), parseXML(t, after), res.output())
			})
		}
	}
}

// The image runs its scripts one after the other on the same file; the
// truststore script then finds the keystore's SSL context and extends it.
func TestKeycloakImageSequenceOnStockConfigurations(t *testing.T) {
	sharedDir(t)
	sequence := []string{
		"databases-postgres-standalone-ha-configuration", "jgroups-discovery-JDBC_PING",
		"infinispan-cache-owners", "standalone-ha-configuration", "x509-keystore",
		"x509-truststore", "files-plaintext-vault",
	}
	for _, c := range stockConfigs {
		t.Run(c.name, func(t *testing.T) {
			config := stockConfig(t, c.file)
			h := newHome(t, config)
			h.imageRC(t, "JDBC_PING", jdbcPingProperties)
			var out strings.Builder
			for _, s := range sequence {
				res := h.run(t, "--file="+h.imageScript(t, s))
				out.WriteString(res.output())
				if res.code != 0 {
					t.Fatalf("%s: exit code %d, want 0\n%s", s, res.code, res.output())
				}
			}

			before, after := parseXML(t, config), parseXML(t, h.readConfig(t))
			checkPostgres(t, before, after, "")
			checkJDBCPing(t, before, after, "")
			checkImageOwners(t, before, after, "")
			checkLogHostTheme(t, before, after)
			assertListener(t, before, after, "http-listener[@name='default']", proxy)
			assertListener(t, before, after, "https-listener[@name='https']", proxy, sslContext)
			checkVault(t, before, after, out.String())
			assertFragment(t, after, "//server-ssl-context[@name='kcSSLContext']",
				`<server-ssl-context name="kcSSLContext" key-manager="kcKeyManager"
				    trust-manager="kcTrustManager" want-client-auth="true"/>`)
			assertFragment(t, after, "//spi[@name='truststore']", truststoreSPI)
			if strings.Contains(out.String(), noKeyManager) {
				t.Errorf("the truststore script did not find the keystore's SSL context:\n%s",
					out.String())
			}
		})
	}
}

// Customized configurations that already hold part of what the image adds:
// where a script adds something that exists (or removes something that does
// not), WildFly fails the batch, exits 1 and leaves the file as it was.
func TestKeycloakImageScriptsOnCustomizedConfigurations(t *testing.T) {
	sharedDir(t)
	const (
		ihub = "ihub-keycloak__keycloak-docker-customized__standalone-ha.xml"
		mu   = "mu-wahba-kc-for-production__keycloak-11.0.0-customized__standalone-ha.xml"
	)
	tests := []struct {
		name   string
		config string
		script string
		// For a failure: the words the output must hold (script line, step,
		// WildFly's code). For a success: nothing; the script's check runs.
		failure []string
	}{
		{"ihub already on PostgreSQL", ihub, "databases-postgres-standalone-ha-configuration",
			[]string{"kc-containers__databases-postgres-change-database.cli:9", "step-9", "WFLYCTL0062",
				"WFLYCTL0212"}},
		{"ihub already has the org.keycloak logger", ihub, "standalone-ha-configuration",
			[]string{"kc-containers__loglevel.cli:1", "step-1", "WFLYCTL0062", "WFLYCTL0212"}},
		{"ihub still discovers by PING", ihub, "jgroups-discovery-JDBC_PING", nil},
		{"ihub caches still on one owner", ihub, "infinispan-cache-owners", nil},
		{"mu-wahba has no udp stack", mu, "jgroups-discovery-JDBC_PING",
			[]string{"kc-containers__jgroups-discovery-JDBC_PING.cli:3", "step-1", "WFLYCTL0062",
				"WFLYCTL0216"}},
		{"mu-wahba caches", mu, "infinispan-cache-owners", nil},
		{"mu-wahba on MySQL", mu, "databases-postgres-standalone-ha-configuration", nil},
		{"mu-wahba log levels, proxy, hostname and theme", mu, "standalone-ha-configuration",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			config := corpusFile(t, "xml/"+tt.config)
			r := imageRunNamed(t, tt.script)
			h, res := runImageScript(t, config, r)
			after := h.readConfig(t)
			if tt.failure == nil {
				if res.code != 0 {
					t.Fatalf("exit code %d, want 0\n%s", res.code, res.output())
				}
				r.check(t, parseXML(t, config), parseXML(t, after), res.output())
				return
			}
			assertFailedUnchanged(t, res, config, after, tt.failure)
		})
	}
}

// assertFailedUnchanged checks a run that must fail: exit code 1, every
// wanted word in the output, and the configuration byte-identical.
func assertFailedUnchanged(t *testing.T, res result, before, after []byte, words []string) {
	t.Helper()
	if res.code != 1 {
		t.Errorf("exit code %d, want 1\n%s", res.code, res.output())
	}
	for _, w := range words {
		if !strings.Contains(res.output(), w) {
			t.Errorf("output lacks %q:\n%s", w, res.output())
		}
	}
	if !bytes.Equal(before, after) {
		removed, added := lineDiff(string(before), string(after))
		t.Errorf("the configuration changed; removed %q, added %q", removed, added)
	}
}

// The image's shell scripts append to $JBOSS_HOME/bin/.jbossclirc and run
// jboss-cli from elsewhere; the variables must be found there too.
func TestImageRCInJBossHomeBin(t *testing.T) {
	sharedDir(t)
	config := corpusFile(t, "xml/findynamics-sso__keycloak-16.1.0__standalone-ha.xml")
	h := newHome(t, config)
	h.write(t, filepath.Join("bin", ".jbossclirc"), imageRCText("JDBC_PING", jdbcPingProperties))
	script := h.imageScript(t, "jgroups-discovery-JDBC_PING")
	res := h.runIn(t, t.TempDir(), "--file="+script)
	if res.code != 0 {
		t.Fatalf("exit code %d, want 0\n%s", res.code, res.output())
	}
	checkJDBCPing(t, parseXML(t, config), parseXML(t, h.readConfig(t)), res.output())
}

// The image switches to its other databases with the same wrapper around
// databases/<vendor>/change-database.cli; the corpus holds the h2 (remote)
// and mssql scripts, which we wrap the same way.
func TestKeycloakImageOtherDatabases(t *testing.T) {
	sharedDir(t)
	tests := []struct {
		vendor string
		check  check
	}{
		{"h2", databaseCheck("jdbc:h2:tcp://${env.DB_ADDR:h2}:${env.DB_PORT:9092}/"+
			"${env.DB_DATABASE:keycloak};schema=${env.DB_SCHEMA:public}${env.JDBC_PARAMS:}",
			"h2tcp", jdbcDriver("h2tcp", "com.h2database.h2", "org.h2.jdbcx.JdbcDataSource"),
			"")},
		{"mssql", databaseCheck("jdbc:sqlserver://${env.DB_ADDR:mssql}:${env.DB_PORT:1433};"+
			"databaseName=${env.DB_DATABASE:keycloak};sendStringParametersAsUnicode=false;"+
			"${env.JDBC_PARAMS:}",
			"sqlserver", jdbcDriver("sqlserver", "com.microsoft.sqlserver.jdbc",
				"com.microsoft.sqlserver.jdbc.SQLServerXADataSource"),
			"${env.DB_SCHEMA:dbo}")},
	}
	cliDir := filepath.Join(sharedDir(t), "corpus", "cli")
	for _, c := range stockConfigs {
		config := stockConfig(t, c.file)
		for _, tt := range tests {
			t.Run(c.name+"/"+tt.vendor, func(t *testing.T) {
				h := newHome(t, config)
				target := filepath.Join(cliDir,
					"kc-containers__databases-"+tt.vendor+"-change-database.cli")
				script := h.write(t, "change-database.cli", strings.Join([]string{
					"embed-server --server-config=standalone-ha.xml --std-out=echo",
					"run-batch --file=" + target,
					"stop-embedded-server"}, "\n")+"\n")
				res := h.run(t, "--file="+script)
				if res.code != 0 {
					t.Fatalf("exit code %d, want 0\n%s", res.code, res.output())
				}
				tt.check(t, parseXML(t, config), parseXML(t, h.readConfig(t)), res.output())
			})
		}
	}
}
