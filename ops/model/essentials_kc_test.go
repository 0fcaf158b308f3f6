package model

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// These tests run the operations the Keycloak container image's scripts
// (corpus/cli/kc-containers__*.cli) send to the datasources, logging,
// undertow, keycloak-server and elytron subsystems, against a model holding
// what Keycloak's default standalone-ha.xml holds there. Each script line
// is rendered below as the request jboss-cli builds for it, with the
// image's CLI variables set as its shell scripts set them; a test checks
// that the table covers every such line of the corpus.

// essKCLine is one script line and its request.
type essKCLine struct {
	line             string // the line, continuations joined, indentation trimmed
	addr, op, params string
}

// The values the image's shell scripts give the CLI variables.
const (
	essKeystoreFile   = "/etc/x509/https/keystore.jks"
	essKeystorePass   = "keystore-secret"
	essTruststoreFile = "/opt/jboss/keycloak/standalone/configuration/keystores/truststore.jks"
	essTruststorePass = "truststore-secret"
	essVaultDir       = "/secrets"
)

var essKCScripts = map[string][]essKCLine{
	"databases-postgres-change-database": {
		{"/subsystem=datasources/data-source=KeycloakDS: remove()",
			"subsystem=datasources/data-source=KeycloakDS", "remove", ""},
		{"/subsystem=datasources/data-source=KeycloakDS: add(jndi-name=java:jboss/" +
			"datasources/KeycloakDS,enabled=true,use-java-context=true,use-ccm=true, " +
			"connection-url=jdbc:postgresql://${env.DB_ADDR:postgres}/" +
			"${env.DB_DATABASE:keycloak}${env.JDBC_PARAMS:}, driver-name=postgresql)",
			"subsystem=datasources/data-source=KeycloakDS", "add",
			`{"jndi-name" => "java:jboss/datasources/KeycloakDS", "enabled" => true, ` +
				`"use-java-context" => true, "use-ccm" => true, "connection-url" => ` +
				`"jdbc:postgresql://${env.DB_ADDR:postgres}/${env.DB_DATABASE:keycloak}` +
				`${env.JDBC_PARAMS:}", "driver-name" => "postgresql"}`},
		essWrite("datasources/data-source=KeycloakDS", "user-name",
			"${env.DB_USER:keycloak}", true),
		essWrite("datasources/data-source=KeycloakDS", "password",
			"${env.DB_PASSWORD:password}", true),
		{"/subsystem=datasources/data-source=KeycloakDS: write-attribute(" +
			`name=check-valid-connection-sql, value="SELECT 1")`,
			"subsystem=datasources/data-source=KeycloakDS", "write-attribute",
			`{"name" => "check-valid-connection-sql", "value" => "SELECT 1"}`},
		essWrite("datasources/data-source=KeycloakDS", "background-validation", "true", true),
		essWrite("datasources/data-source=KeycloakDS", "background-validation-millis",
			"60000", true),
		essWrite("datasources/data-source=KeycloakDS", "flush-strategy", "IdleConnections",
			true),
		{"/subsystem=datasources/jdbc-driver=postgresql:add(driver-name=postgresql, " +
			"driver-module-name=org.postgresql.jdbc, driver-xa-datasource-class-name=" +
			"org.postgresql.xa.PGXADataSource)",
			"subsystem=datasources/jdbc-driver=postgresql", "add",
			`{"driver-name" => "postgresql", "driver-module-name" => "org.postgresql.jdbc", ` +
				`"driver-xa-datasource-class-name" => "org.postgresql.xa.PGXADataSource"}`},
		essWrite("keycloak-server/spi=connectionsJpa/provider=default", "properties.schema",
			"${env.DB_SCHEMA:public}", false),
	},
	"loglevel": {
		{"/subsystem=logging/logger=org.keycloak:add",
			"subsystem=logging/logger=org.keycloak", "add", ""},
		essWrite("logging/logger=org.keycloak", "level", "${env.KEYCLOAK_LOGLEVEL:INFO}",
			false),
		{"/subsystem=logging/root-logger=ROOT:change-root-log-level(" +
			"level=${env.ROOT_LOGLEVEL:INFO})", "subsystem=logging/root-logger=ROOT",
			"change-root-log-level", `{"level" => "${env.ROOT_LOGLEVEL:INFO}"}`},
		{`/subsystem=logging/root-logger=ROOT:remove-handler(name="FILE")`,
			"subsystem=logging/root-logger=ROOT", "remove-handler", `{"name" => "FILE"}`},
		{"/subsystem=logging/periodic-rotating-file-handler=FILE:remove",
			"subsystem=logging/periodic-rotating-file-handler=FILE", "remove", ""},
		{"/subsystem=logging/console-handler=CONSOLE:undefine-attribute(name=level)",
			"subsystem=logging/console-handler=CONSOLE", "undefine-attribute",
			`{"name" => "level"}`},
	},
	"proxy": {
		essWrite("undertow/server=default-server/http-listener=default",
			"proxy-address-forwarding", "${env.PROXY_ADDRESS_FORWARDING:false}", true),
		essWrite("undertow/server=default-server/https-listener=https",
			"proxy-address-forwarding", "${env.PROXY_ADDRESS_FORWARDING:false}", true),
	},
	"theme": {
		essWrite("keycloak-server/theme=defaults", "welcomeTheme",
			"${env.KEYCLOAK_WELCOME_THEME:keycloak}", false),
		essWrite("keycloak-server/theme=defaults", "default",
			"${env.KEYCLOAK_DEFAULT_THEME:keycloak}", false),
	},
	"hostname": {
		{"/subsystem=keycloak-server/spi=hostname:write-attribute(name=default-provider, " +
			`value="${keycloak.hostname.provider:default}")`,
			"subsystem=keycloak-server/spi=hostname", "write-attribute",
			`{"name" => "default-provider", "value" => "${keycloak.hostname.provider:default}"}`},
		{"/subsystem=keycloak-server/spi=hostname/provider=fixed/:add(properties={hostname" +
			` => "${keycloak.hostname.fixed.hostname:localhost}",httpPort => ` +
			`"${keycloak.hostname.fixed.httpPort:-1}",httpsPort => ` +
			`"${keycloak.hostname.fixed.httpsPort:-1}",alwaysHttps => ` +
			`"${keycloak.hostname.fixed.alwaysHttps:false}"},enabled=true)`,
			"subsystem=keycloak-server/spi=hostname/provider=fixed", "add",
			`{"properties" => {"hostname" => "${keycloak.hostname.fixed.hostname:localhost}",` +
				` "httpPort" => "${keycloak.hostname.fixed.httpPort:-1}", "httpsPort" => ` +
				`"${keycloak.hostname.fixed.httpsPort:-1}", "alwaysHttps" => ` +
				`"${keycloak.hostname.fixed.alwaysHttps:false}"}, "enabled" => true}`},
	},
	"files-plaintext-vault": {
		{"/subsystem=keycloak-server/spi=vault/:add", "subsystem=keycloak-server/spi=vault",
			"add", ""},
		{"/subsystem=keycloak-server/spi=vault/provider=files-plaintext/:add(enabled=true," +
			"properties={dir => $plaintext_vault_provider_dir})",
			"subsystem=keycloak-server/spi=vault/provider=files-plaintext", "add",
			`{"enabled" => true, "properties" => {"dir" => "` + essVaultDir + `"}}`},
		essWrite("keycloak-server/spi=vault", "default-provider", "files-plaintext", false),
	},
	"x509-keystore": {
		{"/subsystem=elytron/key-store=kcKeyStore:add(path=$keycloak_tls_keystore_file," +
			"type=JKS,credential-reference={clear-text=$keycloak_tls_keystore_password})",
			"subsystem=elytron/key-store=kcKeyStore", "add",
			`{"path" => "` + essKeystoreFile + `", "type" => "JKS", "credential-reference"` +
				` => {"clear-text" => "` + essKeystorePass + `"}}`},
		{"/subsystem=elytron/key-manager=kcKeyManager:add(key-store=kcKeyStore," +
			"credential-reference={clear-text=$keycloak_tls_keystore_password})",
			"subsystem=elytron/key-manager=kcKeyManager", "add",
			`{"key-store" => "kcKeyStore", "credential-reference" => {"clear-text" => "` +
				essKeystorePass + `"}}`},
		{"/subsystem=elytron/server-ssl-context=kcSSLContext:add(key-manager=kcKeyManager)",
			"subsystem=elytron/server-ssl-context=kcSSLContext", "add",
			`{"key-manager" => "kcKeyManager"}`},
		{"/subsystem=undertow/server=default-server/https-listener=https:" +
			"undefine-attribute(name=security-realm)",
			"subsystem=undertow/server=default-server/https-listener=https",
			"undefine-attribute", `{"name" => "security-realm"}`},
		essWrite("undertow/server=default-server/https-listener=https", "ssl-context",
			"kcSSLContext", false),
	},
	"x509-truststore": {
		{"/subsystem=elytron/key-store=kcTrustStore:add(path=$keycloak_tls_truststore_file," +
			"type=JKS,credential-reference={clear-text=$keycloak_tls_truststore_password})",
			"subsystem=elytron/key-store=kcTrustStore", "add",
			`{"path" => "` + essTruststoreFile + `", "type" => "JKS", "credential-reference"` +
				` => {"clear-text" => "` + essTruststorePass + `"}}`},
		{"/subsystem=elytron/trust-manager=kcTrustManager:add(key-store=kcTrustStore)",
			"subsystem=elytron/trust-manager=kcTrustManager", "add",
			`{"key-store" => "kcTrustStore"}`},
		essWriteSpaced("elytron/server-ssl-context=kcSSLContext", "trust-manager",
			"kcTrustManager"),
		essWriteSpaced("elytron/server-ssl-context=kcSSLContext", "want-client-auth", "true"),
		{"/subsystem=keycloak-server/spi=truststore/:add",
			"subsystem=keycloak-server/spi=truststore", "add", ""},
		{"/subsystem=keycloak-server/spi=truststore/provider=file/:add(enabled=true," +
			"properties={     file => $keycloak_tls_truststore_file,     password => " +
			`$keycloak_tls_truststore_password,     hostname-verification-policy => ` +
			`"WILDCARD", disabled => "false"})`,
			"subsystem=keycloak-server/spi=truststore/provider=file", "add",
			`{"enabled" => true, "properties" => {"file" => "` + essTruststoreFile +
				`", "password" => "` + essTruststorePass + `", ` +
				`"hostname-verification-policy" => "WILDCARD", "disabled" => "false"}}`},
	},
}

// essWrite renders "/subsystem=<addr>: write-attribute(name=N, value=V)" (with
// the space after the colon the database scripts have when spaced is set).
func essWrite(addr, name, value string, spaced bool) essKCLine {
	line := "/subsystem=" + addr + ":write-attribute(name=" + name + ",value=" + value + ")"
	if spaced {
		line = "/subsystem=" + addr + ": write-attribute(name=" + name + ", value=" +
			value + ")"
	}
	v := `"` + value + `"`
	if _, err := dmr.Parse(value); err == nil {
		v = value // the CLI sends what parses as DMR typed (true, 60000)
	}
	return essKCLine{line, "subsystem=" + addr, "write-attribute",
		`{"name" => "` + name + `", "value" => ` + v + `}`}
}

// essWriteSpaced renders "...:write-attribute(name=N, value=V)".
func essWriteSpaced(addr, name, value string) essKCLine {
	l := essWrite(addr, name, value, false)
	l.line = "/subsystem=" + addr + ":write-attribute(name=" + name + ", value=" + value + ")"
	return l
}

// essKCSubsystemLine matches the script lines this file covers.
var essKCSubsystemLine = regexp.MustCompile(
	`^/subsystem=(datasources|logging|undertow|keycloak-server|elytron)[/:]`)

// TestKCScriptTableCoversCorpus checks that every line of the image's
// scripts that addresses one of the five subsystems is in the table, so the
// scenarios below run what the scripts run. The mssql and h2 variants of
// the database script differ from postgres only in values.
func TestKCScriptTableCoversCorpus(t *testing.T) {
	shared := essShared(t)
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "cli", "kc-containers__*.cli"))
	have := map[string]bool{}
	for _, lines := range essKCScripts {
		for _, l := range lines {
			have[l.line] = true
		}
	}
	var missing []string
	for _, f := range files {
		if strings.Contains(f, "mssql") || strings.Contains(f, "-h2-") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.ReplaceAll(string(b), "\\\n", "")
		for _, line := range strings.Split(text, "\n") {
			line = strings.TrimSpace(line)
			if essKCSubsystemLine.MatchString(line) && !have[line] {
				missing = append(missing, filepath.Base(f)+": "+line)
			}
		}
	}
	sort.Strings(missing)
	if diff := cmp.Diff([]string(nil), missing); diff != "" {
		t.Errorf("script lines not in the table (-want +got):\n%s", diff)
	}
}

// essKCDefaults is what Keycloak 14's standalone-ha.xml holds in the five
// subsystems, as far as the scripts touch it.
func essKCDefaults() []essStep {
	steps := append([]essStep{}, essLoggingSetup...)
	steps = append(steps, essDatasourceSetup...)
	return append(steps,
		essStep{"subsystem=undertow", "add", "", ""},
		essStep{"subsystem=undertow/server=default-server", "add", "", ""},
		essStep{"subsystem=undertow/server=default-server/http-listener=default", "add",
			`{"socket-binding" => "http", "redirect-socket" => "https", ` +
				`"enable-http2" => true}`, ""},
		essStep{"subsystem=undertow/server=default-server/https-listener=https", "add",
			`{"socket-binding" => "https", "security-realm" => "ApplicationRealm", ` +
				`"enable-http2" => true}`, ""},
		essStep{"subsystem=keycloak-server", "add", `{"web-context" => "auth"}`, ""},
		essStep{"subsystem=keycloak-server/theme=defaults", "add",
			`{"dir" => "${jboss.home.dir}/themes"}`, ""},
		essStep{"subsystem=keycloak-server/spi=connectionsJpa", "add", "", ""},
		essStep{"subsystem=keycloak-server/spi=connectionsJpa/provider=default", "add",
			`{"enabled" => true, "properties" => {"dataSource" => ` +
				`"java:jboss/datasources/KeycloakDS", "initializeEmpty" => "true"}}`, ""},
		essStep{"subsystem=keycloak-server/spi=hostname", "add",
			`{"default-provider" => "default"}`, ""},
		essStep{"subsystem=elytron", "add", "", ""},
	)
}

// essBatch runs lines as one composite, as run-batch does.
func essBatch(t *testing.T, c *ops.Controller, lines []essKCLine) dmr.Value {
	t.Helper()
	steps := dmr.NewList()
	for _, l := range lines {
		steps.Append(essReq(t, l.addr, l.op, l.params))
	}
	req := essReq(t, "", "composite", "")
	req.Set("steps", steps)
	return c.Execute(req)
}

// essKCOrder is the order in which the image's entrypoint runs the scripts.
var essKCOrder = []string{"databases-postgres-change-database", "loglevel", "proxy",
	"hostname", "theme", "files-plaintext-vault", "x509-keystore", "x509-truststore"}

// essRead returns the compact text of attribute name at addr ("" for the
// whole resource, read without defaults).
func essRead(t *testing.T, c *ops.Controller, addr, name string) string {
	t.Helper()
	if name != "" {
		return essTyped(essAttrOf(t, c, addr, name))
	}
	resp := c.Execute(essReq(t, addr, "read-resource", `{"include-defaults" => false}`))
	if o, _ := resp.Get("outcome"); o.AsString() != "success" {
		return "failed"
	}
	return "exists"
}

func TestKCScriptsOnDefaults(t *testing.T) {
	c := essController(t, essKCDefaults())
	for _, script := range essKCOrder {
		resp := essBatch(t, c, essKCScripts[script])
		if o, _ := resp.Get("outcome"); o.AsString() != "success" {
			t.Fatalf("%s: %s", script, resp.String())
		}
	}
	const (
		ds    = "subsystem=datasources/data-source=KeycloakDS"
		https = "subsystem=undertow/server=default-server/https-listener=https"
		ssc   = "subsystem=elytron/server-ssl-context=kcSSLContext"
	)
	tests := []struct {
		name, addr, attr, want string
	}{
		{"the URL expression is kept verbatim", ds, "connection-url",
			`expression "jdbc:postgresql://${env.DB_ADDR:postgres}/` +
				`${env.DB_DATABASE:keycloak}${env.JDBC_PARAMS:}"`},
		{"the data source uses the postgresql driver", ds, "driver-name", `"postgresql"`},
		{"the user name is an expression", ds, "user-name",
			`expression "${env.DB_USER:keycloak}"`},
		{"the validation SQL is set", ds, "check-valid-connection-sql", `"SELECT 1"`},
		{"background validation is on", ds, "background-validation", "true"},
		{"the validation interval is a LONG", ds, "background-validation-millis", "60000L"},
		{"the flush strategy is set", ds, "flush-strategy", `"IdleConnections"`},
		{"the driver module is set", "subsystem=datasources/jdbc-driver=postgresql",
			"driver-module-name", `"org.postgresql.jdbc"`},
		{"the schema is a key of the provider's properties",
			"subsystem=keycloak-server/spi=connectionsJpa/provider=default", "properties",
			`{"dataSource"=>"java:jboss/datasources/KeycloakDS","initializeEmpty"=>` +
				`"true","schema"=>expression "${env.DB_SCHEMA:public}"}`},
		{"the Keycloak logger level is an expression", "subsystem=logging/logger=org.keycloak",
			"level", `expression "${env.KEYCLOAK_LOGLEVEL:INFO}"`},
		{"the root level is an expression", "subsystem=logging/root-logger=ROOT", "level",
			`expression "${env.ROOT_LOGLEVEL:INFO}"`},
		{"the root logger keeps only the console", "subsystem=logging/root-logger=ROOT",
			"handlers", `["CONSOLE"]`},
		{"the file handler is gone", "subsystem=logging/periodic-rotating-file-handler=FILE",
			"", "failed"},
		{"the console level is undefined", "subsystem=logging/console-handler=CONSOLE",
			"level", "undefined"},
		{"proxy forwarding is an expression",
			"subsystem=undertow/server=default-server/http-listener=default",
			"proxy-address-forwarding", `expression "${env.PROXY_ADDRESS_FORWARDING:false}"`},
		{"the HTTPS listener left its security realm", https, "security-realm", "undefined"},
		{"the HTTPS listener uses the new SSL context", https, "ssl-context", `"kcSSLContext"`},
		{"the welcome theme is an expression", "subsystem=keycloak-server/theme=defaults",
			"welcomeTheme", `expression "${env.KEYCLOAK_WELCOME_THEME:keycloak}"`},
		{"the hostname provider is an expression", "subsystem=keycloak-server/spi=hostname",
			"default-provider", `expression "${keycloak.hostname.provider:default}"`},
		{"the vault provider is the default", "subsystem=keycloak-server/spi=vault",
			"default-provider", `"files-plaintext"`},
		{"the key store keeps its path", "subsystem=elytron/key-store=kcKeyStore", "path",
			`"` + essKeystoreFile + `"`},
		{"the key store password is a credential reference",
			"subsystem=elytron/key-store=kcKeyStore", "credential-reference",
			`{"clear-text"=>"` + essKeystorePass + `"}`},
		{"the SSL context trusts the trust manager", ssc, "trust-manager",
			`"kcTrustManager"`},
		{"the SSL context wants client certificates", ssc, "want-client-auth", "true"},
		{"the truststore provider exists",
			"subsystem=keycloak-server/spi=truststore/provider=file", "", "exists"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, essRead(t, c, tc.addr, tc.attr)); diff != "" {
				t.Errorf("%s %s (-want +got):\n%s", tc.addr, tc.attr, diff)
			}
		})
	}
}

// TestKCScriptTwice runs the database script a second time: the driver
// exists, so the batch fails, names the step, and changes nothing.
func TestKCScriptTwice(t *testing.T) {
	c := essController(t, essKCDefaults())
	lines := essKCScripts["databases-postgres-change-database"]
	if resp := essBatch(t, c, lines); !strings.Contains(resp.String(), `"success"`) {
		t.Fatalf("first run: %s", resp.String())
	}
	before := c.Model()
	resp := essBatch(t, c, lines)
	desc, _ := resp.Get("failure-description")
	want := `{"WFLYCTL0062: Composite operation failed and was rolled back. Steps that ` +
		`failed:"=>{"Operation step-9"=>"WFLYCTL0212: Duplicate resource [` +
		"\n    (\\\"subsystem\\\" => \\\"datasources\\\"),\n    " +
		"(\\\"jdbc-driver\\\" => \\\"postgresql\\\")\n]\"}}"
	if diff := cmp.Diff(want, desc.CompactString()); diff != "" {
		t.Errorf("failure (-want +got):\n%s", diff)
	}
	if c.Model() != before {
		t.Errorf("the failed batch replaced the model")
	}
}
