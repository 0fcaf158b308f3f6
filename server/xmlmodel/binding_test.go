package xmlmodel

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/internal/linediff"
	"wfcli/ops"
	"wfcli/ops/dmr"
)

const kc16 = "findynamics-sso__keycloak-16.1.0__standalone-ha.xml"

// load parses the corpus file name and reads its model with testRoot.
func load(t testing.TB, name string) ([]byte, *ops.Resource, *Binding) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpusDir(t), name))
	if err != nil {
		t.Fatal(err)
	}
	return loadBytes(t, data)
}

func loadBytes(t testing.TB, data []byte) ([]byte, *ops.Resource, *Binding) {
	t.Helper()
	doc, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	res, b, err := Load(doc, testRoot())
	if err != nil {
		t.Fatal(err)
	}
	return data, res, b
}

func TestEveryCorpusFileLoadsAndRoundTrips(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir(t), "*.xml"))
	if len(files) == 0 {
		t.Skip("the corpus holds no XML file")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, res, b := load(t, filepath.Base(f))
			if err := b.Apply(res, res.Clone()); err != nil {
				t.Fatal(err)
			}
			out, err := b.Serialize()
			if err != nil {
				t.Fatal(err)
			}
			if diff := lineDiff(string(data), string(out)); len(diff) > 0 || string(out) !=
				string(data) {
				t.Errorf("a no-op edit changed the file:\n%s", strings.Join(diff, "\n"))
			}
			if len(res.ChildNames("subsystem")) < 5 {
				t.Errorf("subsystems = %v, want the profile's", res.ChildNames("subsystem"))
			}
		})
	}
}

func TestLoadReadsTypedValues(t *testing.T) {
	_, res, _ := load(t, kc16)
	at := func(path ...string) *ops.Resource {
		var a ops.Address
		for i := 0; i+1 < len(path); i += 2 {
			a = a.Child(path[i], path[i+1])
		}
		r := res.Navigate(a)
		if r == nil {
			t.Fatalf("%s is missing", a.CLI())
		}
		return r
	}
	tests := []struct {
		name string
		got  dmr.Value
		want dmr.Value
	}{
		{"a port is an INT", at("socket-binding-group", "standard-sockets", "socket-binding",
			"jgroups-tcp").Attr("port"), dmr.NewInt(7600)},
		{"a port with an expression stays an EXPRESSION", at("socket-binding-group",
			"standard-sockets", "socket-binding", "http").Attr("port"),
			dmr.NewExpression("${jboss.http.port:8080}")},
		{"a connection URL is read from its element's text", at("subsystem", "datasources",
			"data-source", "KeycloakDS").Attr("connection-url"),
			dmr.NewExpression("jdbc:h2:${jboss.server.data.dir}/keycloak;AUTO_SERVER=TRUE")},
		{"a nested security element", at("subsystem", "datasources", "data-source",
			"KeycloakDS").Attr("user-name"), dmr.NewString("sa")},
		{"owners of a distributed cache", at("subsystem", "infinispan", "cache-container",
			"keycloak", "distributed-cache", "actionTokens").Attr("owners"), dmr.NewInt(2)},
		{"a boolean attribute", at("subsystem", "datasources", "data-source",
			"KeycloakDS").Attr("enabled"), dmr.NewBool(true)},
		{"a root-logger level", at("subsystem", "logging", "root-logger", "ROOT").Attr("level"),
			dmr.NewString("INFO")},
		{"an item list", at("subsystem", "logging", "root-logger", "ROOT").Attr("handlers"),
			dmr.NewList(dmr.NewString("CONSOLE"), dmr.NewString("FILE"))},
		{"a field object", at("subsystem", "logging", "periodic-rotating-file-handler",
			"FILE").Attr("file"), fileObject("jboss.server.log.dir", "server.log")},
		{"a lenient subsystem keeps its attributes as strings", at("subsystem",
			"metrics").Attr("exposed-subsystems"), dmr.NewString("*")},
		{"a lenient child resource", at("subsystem", "undertow", "server", "default-server",
			"http-listener", "default").Attr("socket-binding"), dmr.NewString("http")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !tc.got.Equal(tc.want) {
				t.Errorf("got %s, want %s", tc.got.CompactString(), tc.want.CompactString())
			}
		})
	}
	stack := at("subsystem", "jgroups", "stack", "tcp")
	want := []string{"MPING", "MERGE3", "FD_SOCK", "FD_ALL", "VERIFY_SUSPECT",
		"pbcast.NAKACK2", "UNICAST3", "pbcast.STABLE", "pbcast.GMS", "MFC", "FRAG3"}
	if diff := cmp.Diff(want, stack.ChildNames("protocol")); diff != "" {
		t.Errorf("tcp protocols (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"TCP"}, stack.ChildNames("transport")); diff != "" {
		t.Errorf("tcp transport (-want +got):\n%s", diff)
	}
}

func fileObject(rel, path string) dmr.Value {
	o := dmr.NewObject()
	o.Set("relative-to", dmr.NewString(rel))
	o.Set("path", dmr.NewString(path))
	return o
}

func TestSubsystemName(t *testing.T) {
	tests := []struct{ ns, want string }{
		{"urn:jboss:domain:jgroups:8.0", "jgroups"},
		{"urn:wildfly:elytron:15.0", "elytron"},
		{"urn:jboss:domain:keycloak-server:1.1", "keycloak-server"},
		{"urn:jboss:domain:resource-adapters:1.1", "resource-adapters"},
		{"urn:wildfly:domain:ee:6.0", "ee"},
		{"no-version", ""},
	}
	for _, tc := range tests {
		if got := SubsystemName(tc.ns); got != tc.want {
			t.Errorf("SubsystemName(%q) = %q, want %q", tc.ns, got, tc.want)
		}
	}
}

// lineDiff returns the lines removed from a and added in b (see linediff).
func lineDiff(a, b string) []string { return linediff.Lines(a, b) }
