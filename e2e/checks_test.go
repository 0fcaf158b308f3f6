package e2e

import (
	"slices"
	"strings"
	"testing"

	"github.com/beevik/etree"
	"github.com/google/go-cmp/cmp"
)

// A check compares a configuration before and after one script, failing
// the test on any difference from what WildFly writes.
type check func(t *testing.T, before, after *etree.Document, output string)

// imageDataSource is the KeycloakDS the image's change-database.cli
// scripts leave, as WildFly writes it (the customized ihub configuration,
// switched to PostgreSQL by the image, shows the same).
func imageDataSource(url, driver string) string {
	return `
<datasource jndi-name="java:jboss/datasources/KeycloakDS" pool-name="KeycloakDS"
        enabled="true" use-java-context="true" use-ccm="true">
    <connection-url>` + url + `</connection-url>
    <driver>` + driver + `</driver>
    <pool>
        <flush-strategy>IdleConnections</flush-strategy>
    </pool>
    <security>
        <user-name>${env.DB_USER:keycloak}</user-name>
        <password>${env.DB_PASSWORD:password}</password>
    </security>
    <validation>
        <check-valid-connection-sql>SELECT 1</check-valid-connection-sql>
        <background-validation>true</background-validation>
        <background-validation-millis>60000</background-validation-millis>
    </validation>
</datasource>`
}

// jdbcDriver is a <driver> element with its XA data source class.
func jdbcDriver(name, module, xa string) string {
	return `<driver name="` + name + `" module="` + module + `">
    <xa-datasource-class>` + xa + `</xa-datasource-class>
</driver>`
}

var postgresDriver = jdbcDriver("postgresql", "org.postgresql.jdbc",
	"org.postgresql.xa.PGXADataSource")

// databaseCheck returns the check of one change-database.cli: KeycloakDS on
// url with driver, the driver added, the other data source and the h2
// driver untouched, and, when schema is not empty, the connectionsJpa
// provider given that schema property.
func databaseCheck(url, driver, xml, schema string) check {
	return func(t *testing.T, before, after *etree.Document, _ string) {
		assertFragment(t, after, "//datasources/datasource[@pool-name='KeycloakDS']",
			imageDataSource(url, driver))
		assertFragment(t, after, "//datasources/drivers/driver[@name='"+driver+"']", xml)
		assertSame(t, before, after, "//datasources/datasource[@pool-name='ExampleDS']")
		assertSame(t, before, after, "//datasources/drivers/driver[@name='h2']")

		const props = "//spi[@name='connectionsJpa']/provider[@name='default']/properties"
		want := findOne(t, before, props).Copy()
		if schema != "" {
			p := want.CreateElement("property")
			p.CreateAttr("name", "schema")
			p.CreateAttr("value", schema)
		}
		if diff := cmp.Diff(canon(want), canon(findOne(t, after, props))); diff != "" {
			t.Errorf("connectionsJpa properties (-want +got):\n%s", diff)
		}
	}
}

// checkPostgres covers databases/postgres/change-database.cli.
var checkPostgres = databaseCheck(
	"jdbc:postgresql://${env.DB_ADDR:postgres}/${env.DB_DATABASE:keycloak}${env.JDBC_PARAMS:}",
	"postgresql", postgresDriver, "${env.DB_SCHEMA:public}")

// assertSame checks that the element at path did not change.
func assertSame(t *testing.T, before, after *etree.Document, path string) {
	t.Helper()
	if diff := cmp.Diff(canon(findOne(t, before, path)), canon(findOne(t, after, path))); diff != "" {
		t.Errorf("element at %s changed (-before +after):\n%s", path, diff)
	}
}

// discoveryCheck returns the check for a discovery script that replaces
// PING (udp) and MPING (tcp) by the protocol fragment and moves channel ee
// to tcp.
func discoveryCheck(path, fragment string) check {
	return func(t *testing.T, before, after *etree.Document, _ string) {
		for stack, old := range map[string]string{"udp": "PING", "tcp": "MPING"} {
			sel := "//stacks/stack[@name='" + stack + "']"
			want := slices.DeleteFunc(childTypes(findOne(t, before, sel)),
				func(s string) bool { return s == old })
			first := etree.NewDocument()
			if err := first.ReadFromString(fragment); err != nil {
				t.Fatal(err)
			}
			want = slices.Insert(want, 1, first.Root().SelectAttrValue("type", ""))
			if diff := cmp.Diff(want, childTypes(findOne(t, after, sel))); diff != "" {
				t.Errorf("protocols of stack %s (-want +got):\n%s", stack, diff)
			}
			assertFragment(t, after, sel+path, fragment)
		}

		want := attrs(findOne(t, before, "//channels/channel[@name='ee']"))
		want["stack"] = "tcp"
		got := attrs(findOne(t, after, "//channels/channel[@name='ee']"))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("channel ee (-want +got):\n%s", diff)
		}
	}
}

var checkJDBCPing = discoveryCheck("/jdbc-protocol[@type='JDBC_PING']", `
<jdbc-protocol type="JDBC_PING" data-source="KeycloakDS">
    <property name="datasource_jndi_name">java:jboss/datasources/KeycloakDS</property>
    <property name="info_writer_sleep_time">500</property>
</jdbc-protocol>`)

const dnsQuery = "keycloak-headless.keycloak.svc.cluster.local"

var checkDNSPing = discoveryCheck("/protocol[@type='dns.DNS_PING']", `
<protocol type="dns.DNS_PING">
    <property name="dns_query">`+dnsQuery+`</property>
</protocol>`)

// ownersCheck returns the check that the seven distributed Keycloak caches
// carry the given owners expressions and nothing else changed on them.
func ownersCheck(owners, authOwners string) check {
	return func(t *testing.T, before, after *etree.Document, _ string) {
		caches := []string{"sessions", "authenticationSessions", "offlineSessions",
			"clientSessions", "offlineClientSessions", "loginFailures", "actionTokens"}
		for _, name := range caches {
			path := "//cache-container[@name='keycloak']/distributed-cache[@name='" + name + "']"
			want := findOne(t, before, path).Copy()
			if name == "authenticationSessions" {
				want.CreateAttr("owners", authOwners)
			} else {
				want.CreateAttr("owners", owners)
			}
			if diff := cmp.Diff(canon(want), canon(findOne(t, after, path))); diff != "" {
				t.Errorf("cache %s (-want +got):\n%s", name, diff)
			}
		}
	}
}

var checkImageOwners = ownersCheck("${env.CACHE_OWNERS_COUNT:1}",
	"${env.CACHE_OWNERS_AUTH_SESSIONS_COUNT:1}")

const hostnameFixed = `
<provider name="fixed" enabled="true">
    <properties>
        <property name="hostname" value="${keycloak.hostname.fixed.hostname:localhost}"/>
        <property name="httpPort" value="${keycloak.hostname.fixed.httpPort:-1}"/>
        <property name="httpsPort" value="${keycloak.hostname.fixed.httpsPort:-1}"/>
        <property name="alwaysHttps" value="${keycloak.hostname.fixed.alwaysHttps:false}"/>
    </properties>
</provider>`

// checkStandaloneHA covers loglevel.cli, proxy.cli, hostname.cli and
// theme.cli, which standalone-ha-configuration.cli runs as four batches.
func checkStandaloneHA(t *testing.T, before, after *etree.Document, _ string) {
	checkLogHostTheme(t, before, after)
	assertListener(t, before, after, "http-listener[@name='default']", proxy)
	assertListener(t, before, after, "https-listener[@name='https']", proxy)
}

// checkLogHostTheme covers loglevel.cli, hostname.cli and theme.cli.
func checkLogHostTheme(t *testing.T, before, after *etree.Document) {
	assertFragment(t, after, "//logger[@category='org.keycloak']",
		`<logger category="org.keycloak"><level name="${env.KEYCLOAK_LOGLEVEL:INFO}"/></logger>`)
	assertFragment(t, after, "//root-logger", `
<root-logger>
    <level name="${env.ROOT_LOGLEVEL:INFO}"/>
    <handlers>
        <handler name="CONSOLE"/>
    </handlers>
</root-logger>`)
	assertAbsent(t, after, "//periodic-rotating-file-handler[@name='FILE']")

	console := findOne(t, before, "//console-handler[@name='CONSOLE']").Copy()
	console.RemoveChild(console.SelectElement("level"))
	if diff := cmp.Diff(canon(console),
		canon(findOne(t, after, "//console-handler[@name='CONSOLE']"))); diff != "" {
		t.Errorf("CONSOLE handler (-want +got):\n%s", diff)
	}

	assertText(t, after, "//spi[@name='hostname']/default-provider",
		"${keycloak.hostname.provider:default}")
	assertFragment(t, after, "//spi[@name='hostname']/provider[@name='fixed']", hostnameFixed)
	assertText(t, after, "//theme/welcomeTheme", "${env.KEYCLOAK_WELCOME_THEME:keycloak}")
	assertText(t, after, "//theme/default", "${env.KEYCLOAK_DEFAULT_THEME:keycloak}")
}

// proxy is what proxy.cli does to a listener's attributes.
func proxy(m map[string]string) {
	m["proxy-address-forwarding"] = "${env.PROXY_ADDRESS_FORWARDING:false}"
}

// sslContext is what x509-keystore.cli does to the https listener's.
func sslContext(m map[string]string) {
	delete(m, "security-realm")
	m["ssl-context"] = "kcSSLContext"
}

// assertListener checks that an undertow listener's attributes are those it
// had before with the given changes applied.
func assertListener(t *testing.T, before, after *etree.Document, listener string,
	changes ...func(map[string]string)) {
	t.Helper()
	path := "//server[@name='default-server']/" + listener
	want := attrs(findOne(t, before, path))
	for _, c := range changes {
		c(want)
	}
	if diff := cmp.Diff(want, attrs(findOne(t, after, path))); diff != "" {
		t.Errorf("%s (-want +got):\n%s", listener, diff)
	}
}

// assertText checks the trimmed text of the single element at path.
func assertText(t *testing.T, doc *etree.Document, path, want string) {
	t.Helper()
	if got := strings.TrimSpace(findOne(t, doc, path).Text()); got != want {
		t.Errorf("text at %s = %q, want %q", path, got, want)
	}
}

// checkKeystore covers x509-keystore.cli.
func checkKeystore(t *testing.T, before, after *etree.Document, _ string) {
	assertFragment(t, after, "//tls/key-stores/key-store[@name='kcKeyStore']", `
<key-store name="kcKeyStore">
    <credential-reference clear-text="`+keystorePassword+`"/>
    <implementation type="JKS"/>
    <file path="`+keystoreFile+`"/>
</key-store>`)
	assertFragment(t, after, "//tls/key-managers/key-manager[@name='kcKeyManager']", `
<key-manager name="kcKeyManager" key-store="kcKeyStore">
    <credential-reference clear-text="`+keystorePassword+`"/>
</key-manager>`)
	assertFragment(t, after, "//tls/server-ssl-contexts/server-ssl-context[@name='kcSSLContext']",
		`<server-ssl-context name="kcSSLContext" key-manager="kcKeyManager"/>`)
	assertListener(t, before, after, "https-listener[@name='https']", sslContext)
}

const noKeyManager = "WARNING! There is no Key Manager (No Key Store specified). " +
	"Skipping HTTPS Listener configuration..."

const truststoreSPI = `
<spi name="truststore">
    <provider name="file" enabled="true">
        <properties>
            <property name="file" value="` + truststoreFile + `"/>
            <property name="password" value="` + truststorePassword + `"/>
            <property name="hostname-verification-policy" value="WILDCARD"/>
            <property name="disabled" value="false"/>
        </properties>
    </provider>
</spi>`

// checkTruststore covers x509-truststore.cli run without a keystore first.
func checkTruststore(t *testing.T, _, after *etree.Document, output string) {
	assertFragment(t, after, "//tls/key-stores/key-store[@name='kcTrustStore']", `
<key-store name="kcTrustStore">
    <credential-reference clear-text="`+truststorePassword+`"/>
    <implementation type="JKS"/>
    <file path="`+truststoreFile+`"/>
</key-store>`)
	assertFragment(t, after, "//tls/trust-managers/trust-manager[@name='kcTrustManager']",
		`<trust-manager name="kcTrustManager" key-store="kcTrustStore"/>`)
	assertAbsent(t, after, "//server-ssl-context[@name='kcSSLContext']")
	assertFragment(t, after, "//spi[@name='truststore']", truststoreSPI)
	if !strings.Contains(output, noKeyManager) {
		t.Errorf("output lacks the script's warning %q:\n%s", noKeyManager, output)
	}
}

// checkVault covers files-plaintext-vault.cli.
func checkVault(t *testing.T, _, after *etree.Document, output string) {
	assertFragment(t, after, "//spi[@name='vault']", `
<spi name="vault">
    <default-provider>files-plaintext</default-provider>
    <provider name="files-plaintext" enabled="true">
        <properties>
            <property name="dir" value="`+vaultDir+`"/>
        </properties>
    </provider>
</spi>`)
	if !strings.Contains(output, "** Adding vault spi **") {
		t.Errorf("output lacks the script's echo:\n%s", output)
	}
}
