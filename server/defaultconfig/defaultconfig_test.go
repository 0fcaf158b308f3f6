package defaultconfig

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beevik/etree"
	"github.com/google/go-cmp/cmp"
)

func parseDefault(t *testing.T) *etree.Document {
	t.Helper()
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(StandaloneHA()); err != nil {
		t.Fatalf("the default configuration is not well-formed XML: %v", err)
	}
	return doc
}

func TestDefaultHoldsTheNamespacesOfWildFly26(t *testing.T) {
	doc := parseDefault(t)
	var got []string
	got = append(got, doc.Root().SelectAttrValue("xmlns", ""))
	for _, s := range doc.FindElements("/server/profile/subsystem") {
		got = append(got, s.SelectAttrValue("xmlns", ""))
	}
	want := []string{
		"urn:jboss:domain:19.0",
		"urn:jboss:domain:logging:8.0",
		"urn:jboss:domain:datasources:6.0",
		"urn:wildfly:elytron:15.0",
		"urn:jboss:domain:infinispan:13.0",
		"urn:jboss:domain:io:3.0",
		"urn:jboss:domain:jgroups:8.0",
		"urn:jboss:domain:keycloak-server:1.1",
		"urn:jboss:domain:undertow:12.0",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("namespaces (-want +got):\n%s", diff)
	}
}

func TestEverySubsystemHasItsExtension(t *testing.T) {
	extensionOf := map[string]string{
		"logging":         "org.jboss.as.logging",
		"datasources":     "org.jboss.as.connector",
		"elytron":         "org.wildfly.extension.elytron",
		"infinispan":      "org.jboss.as.clustering.infinispan",
		"io":              "org.wildfly.extension.io",
		"jgroups":         "org.jboss.as.clustering.jgroups",
		"keycloak-server": "org.keycloak.keycloak-server-subsystem",
		"undertow":        "org.wildfly.extension.undertow",
	}
	doc := parseDefault(t)
	have := map[string]bool{}
	for _, e := range doc.FindElements("/server/extensions/extension") {
		have[e.SelectAttrValue("module", "")] = true
	}
	for _, s := range doc.FindElements("/server/profile/subsystem") {
		parts := strings.Split(s.SelectAttrValue("xmlns", ""), ":")
		name := parts[len(parts)-2]
		module, ok := extensionOf[name]
		if !ok {
			t.Errorf("subsystem %s has no known extension", name)
			continue
		}
		if !have[module] {
			t.Errorf("subsystem %s needs extension %s, which is missing", name, module)
		}
	}
	if len(have) != len(extensionOf) {
		t.Errorf("got %d extensions, want %d (one per subsystem)", len(have), len(extensionOf))
	}
}

func TestDefaultHoldsTheClusteredKeycloakParts(t *testing.T) {
	doc := parseDefault(t)
	tests := []struct {
		name  string
		path  string
		attrs map[string]string
	}{
		{"management interface uses the Digest factory",
			"/server/management/management-interfaces/http-interface",
			map[string]string{"http-authentication-factory": "management-http-authentication"}},
		{"management interface listens on management-http",
			"/server/management/management-interfaces/http-interface/socket-binding",
			map[string]string{"http": "management-http"}},
		{"KeycloakDS is an H2 file",
			"//datasource[@pool-name='KeycloakDS']",
			map[string]string{"jndi-name": "java:jboss/datasources/KeycloakDS",
				"pool-name": "KeycloakDS", "enabled": "true", "use-java-context": "true"}},
		{"ExampleDS is an H2 database in memory",
			"//datasource[@pool-name='ExampleDS']",
			map[string]string{"jndi-name": "java:jboss/datasources/ExampleDS",
				"pool-name": "ExampleDS", "enabled": "true", "use-java-context": "true"}},
		{"the h2 driver",
			"//drivers/driver[@name='h2']",
			map[string]string{"name": "h2", "module": "com.h2database.h2"}},
		{"channel ee on udp",
			"//channels/channel[@name='ee']",
			map[string]string{"name": "ee", "stack": "udp", "cluster": "ejb"}},
		{"udp transport",
			"//stack[@name='udp']/transport",
			map[string]string{"type": "UDP", "socket-binding": "jgroups-udp"}},
		{"tcp discovers by MPING",
			"//stack[@name='tcp']/socket-protocol[@type='MPING']",
			map[string]string{"type": "MPING", "socket-binding": "jgroups-mping"}},
		{"sessions distributed on one owner",
			"//cache-container[@name='keycloak']/distributed-cache[@name='sessions']",
			map[string]string{"name": "sessions", "owners": "1"}},
		{"action tokens on two owners",
			"//cache-container[@name='keycloak']/distributed-cache[@name='actionTokens']",
			map[string]string{"name": "actionTokens", "owners": "2"}},
		{"keys expire after an idle hour",
			"//local-cache[@name='keys']/expiration",
			map[string]string{"max-idle": "3600000"}},
		{"keycloak container transport",
			"//cache-container[@name='keycloak']/transport",
			map[string]string{"lock-timeout": "60000"}},
		{"https listener on the application SSL context",
			"//server[@name='default-server']/https-listener",
			map[string]string{"name": "https", "socket-binding": "https",
				"ssl-context": "applicationSSC", "enable-http2": "true"}},
		{"key manager makes a self-signed certificate",
			"//key-manager[@name='applicationKM']",
			map[string]string{"name": "applicationKM", "key-store": "applicationKS",
				"generate-self-signed-certificate-host": "localhost"}},
		{"private interface bound by expression",
			"/server/interfaces/interface[@name='private']/inet-address",
			map[string]string{"value": "${jboss.bind.address.private:127.0.0.1}"}},
		{"jgroups tcp port",
			"//socket-binding[@name='jgroups-tcp']",
			map[string]string{"name": "jgroups-tcp", "interface": "private", "port": "7600"}},
		{"jgroups udp multicast",
			"//socket-binding[@name='jgroups-udp']",
			map[string]string{"name": "jgroups-udp", "interface": "private", "port": "55200",
				"multicast-address": "${jboss.default.multicast.address:230.0.0.4}",
				"multicast-port":    "45688"}},
		{"connectionsJpa points at KeycloakDS",
			"//spi[@name='connectionsJpa']/provider/properties/property[@name='dataSource']",
			map[string]string{"name": "dataSource", "value": "java:jboss/datasources/KeycloakDS"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := doc.FindElement(tt.path)
			if e == nil {
				t.Fatalf("no element at %s", tt.path)
			}
			got := map[string]string{}
			for _, a := range e.Attr {
				got[a.Key] = a.Value
			}
			if diff := cmp.Diff(tt.attrs, got); diff != "" {
				t.Errorf("attributes of %s (-want +got):\n%s", tt.path, diff)
			}
		})
	}
}

func TestDefaultHasTheKeycloakCachesAndSPIs(t *testing.T) {
	doc := parseDefault(t)
	names := func(path string) []string {
		var out []string
		for _, e := range doc.FindElements(path) {
			out = append(out, e.SelectAttrValue("name", ""))
		}
		return out
	}
	tests := []struct {
		name string
		path string
		want []string
	}{
		{"local caches", "//cache-container[@name='keycloak']/local-cache",
			[]string{"realms", "users", "authorization", "keys"}},
		{"replicated caches", "//cache-container[@name='keycloak']/replicated-cache",
			[]string{"work"}},
		{"distributed caches", "//cache-container[@name='keycloak']/distributed-cache",
			[]string{"sessions", "authenticationSessions", "offlineSessions", "clientSessions",
				"offlineClientSessions", "loginFailures", "actionTokens"}},
		{"cache containers", "//cache-container",
			[]string{"keycloak", "server", "web", "ejb", "hibernate"}},
		{"stacks", "//stacks/stack", []string{"udp", "tcp"}},
		{"keycloak SPIs", "//spi",
			[]string{"eventsStore", "userCache", "connectionsHttpClient", "connectionsJpa",
				"realmCache", "connectionsInfinispan", "jta-lookup", "publicKeyStorage",
				"x509cert-lookup", "hostname"}},
		{"socket bindings", "/server/socket-binding-group/socket-binding",
			[]string{"ajp", "http", "https", "jgroups-mping", "jgroups-tcp", "jgroups-tcp-fd",
				"jgroups-udp", "jgroups-udp-fd", "management-http", "management-https",
				"modcluster", "txn-recovery-environment", "txn-status-manager"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, names(tt.path)); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tt.path, diff)
			}
		})
	}
}

func TestUdpAndTcpStacksHaveTheDefaultProtocols(t *testing.T) {
	doc := parseDefault(t)
	tests := []struct {
		stack string
		want  []string
	}{
		{"udp", []string{"UDP", "PING", "MERGE3", "FD_SOCK", "FD_ALL", "VERIFY_SUSPECT",
			"pbcast.NAKACK2", "UNICAST3", "pbcast.STABLE", "pbcast.GMS", "UFC", "MFC", "FRAG3"}},
		{"tcp", []string{"TCP", "MPING", "MERGE3", "FD_SOCK", "FD_ALL", "VERIFY_SUSPECT",
			"pbcast.NAKACK2", "UNICAST3", "pbcast.STABLE", "pbcast.GMS", "MFC", "FRAG3"}},
	}
	for _, tt := range tests {
		t.Run(tt.stack+" stack", func(t *testing.T) {
			var got []string
			for _, e := range doc.FindElements("//stack[@name='" + tt.stack + "']/*") {
				got = append(got, e.SelectAttrValue("type", ""))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("protocols (-want +got):\n%s", diff)
			}
		})
	}
}

func TestStandaloneHAReturnsACopy(t *testing.T) {
	first := StandaloneHA()
	first[0] = 'X'
	if second := StandaloneHA(); second[0] != '<' {
		t.Errorf("changing one result changed the next: first byte %q", second[0])
	}
}

func TestMaterializeNeverReplacesAFile(t *testing.T) {
	home := t.TempDir()
	path, err := Materialize(home)
	if err != nil {
		t.Fatalf("first Materialize: %v", err)
	}
	want := filepath.Join(home, "standalone", "configuration", "standalone-ha.xml")
	if path != want {
		t.Errorf("path = %s, want %s", path, want)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, StandaloneHA()) {
		t.Errorf("the written file differs from the embedded default")
	}

	if err := os.WriteFile(path, []byte("<server/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	path2, err := Materialize(home)
	if !errors.Is(err, fs.ErrExist) {
		t.Errorf("second Materialize error = %v, want one wrapping fs.ErrExist", err)
	}
	if path2 != want {
		t.Errorf("second path = %s, want %s", path2, want)
	}
	if got, _ := os.ReadFile(path); string(got) != "<server/>" {
		t.Errorf("an existing file was replaced: %q", got)
	}
}
