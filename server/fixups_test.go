package server

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fixupsConfig is a small configuration with a lenient subsystem (ee) and
// an elytron subsystem whose mappers are lenient.
const fixupsConfig = `<?xml version='1.0' encoding='UTF-8'?>

<server xmlns="urn:jboss:domain:20.0">
    <profile>
        <subsystem xmlns="urn:jboss:domain:ee:6.0">
            <spec-descriptor-property-replacement>false</spec-descriptor-property-replacement>
        </subsystem>
        <subsystem xmlns="urn:wildfly:elytron:15.0">
            <mappers>
                <constant-realm-mapper name="local" realm-name="local"/>
            </mappers>
        </subsystem>
    </profile>
</server>
`

// embedFixups embeds a server on fixupsConfig in a fresh installation
// layout and returns it.
func embedFixups(t *testing.T) *Server {
	t.Helper()
	config := filepath.Join(t.TempDir(), "standalone", "configuration")
	if err := os.MkdirAll(config, 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := Embed(Options{ConfigFile: writeFile(t, config, "standalone.xml", fixupsConfig),
		AdminOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Stop() })
	return s
}

func TestLenientComplexValuesFailCleanly(t *testing.T) {
	const ee = `("subsystem" => "ee")`
	const mapper = `("subsystem" => "elytron"), ("simple-permission-mapper" => "m")`
	tests := []struct {
		name    string
		op      string
		failure string   // "" for success
		diff    []string // the file's line diff afterwards
	}{
		{"a list on an unmodelled attribute fails and writes nothing",
			`{"operation" => "write-attribute", "address" => [` + ee + `],
			"name" => "global-modules", "value" => [{"name" => "org.x"}]}`,
			"WFLYCTL0007: Failed to persist configuration change: attribute " +
				"global-modules of /subsystem=ee cannot be written to the configuration " +
				"file: the attribute is not modelled and its value is a list", nil},
		{"an object on an unmodelled attribute fails and writes nothing",
			`{"operation" => "write-attribute", "address" => [` + ee + `],
			"name" => "bindings", "value" => {"a" => "b"}}`,
			"WFLYCTL0007: Failed to persist configuration change: attribute " +
				"bindings of /subsystem=ee cannot be written to the configuration " +
				"file: the attribute is not modelled and its value is an object", nil},
		{"an add with a list fails and adds no element",
			`{"operation" => "add", "address" => [` + mapper + `],
			"mapping-mode" => "first", "permission-mappings" => [{"match-all" => true}]}`,
			"WFLYCTL0007: Failed to persist configuration change: attribute " +
				"permission-mappings of /subsystem=elytron/simple-permission-mapper=m " +
				"cannot be written to the configuration file: the attribute is not " +
				"modelled and its value is a list", nil},
		{"a scalar on an unmodelled attribute is still written",
			`{"operation" => "write-attribute", "address" => [` + ee + `],
			"name" => "annotation-property-replacement", "value" => true}`, "",
			[]string{`-        <subsystem xmlns="urn:jboss:domain:ee:6.0">`,
				`+        <subsystem xmlns="urn:jboss:domain:ee:6.0" ` +
					`annotation-property-replacement="true">`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := embedFixups(t)
			r := s.Execute(request(t, tc.op))
			out, _ := r.Get("outcome")
			desc, _ := r.Get("failure-description")
			got := ""
			if out.AsString() != "success" {
				got = desc.AsString()
			}
			if got != tc.failure {
				t.Errorf("failure %q, want %q", got, tc.failure)
			}
			file := string(fileOf(t, s))
			if diff := cmp.Diff(tc.diff, lineDiff(fixupsConfig, file)); diff != "" {
				t.Errorf("line diff (-want +got):\n%s", diff)
			}
			if tc.failure == "" {
				return
			}
			model := mustSucceed(t, s, `{"operation" => "read-resource", "recursive" => true,
				"address" => [("subsystem" => "elytron")]}`)
			if m, _ := model.Get("simple-permission-mapper"); m.IsDefined() {
				t.Errorf("the failed add stayed in the model: %s", model.CompactString())
			}
			ee := mustSucceed(t, s, `{"operation" => "read-resource",
				"address" => [("subsystem" => "ee")]}`)
			if ee.Has("global-modules") || ee.Has("bindings") {
				t.Errorf("the failed write stayed in the model: %s", ee.CompactString())
			}
		})
	}
}

func TestProductIdentity(t *testing.T) {
	const base = "modules/system/layers/base/org/jboss/as/product/"
	const kc = "Manifest-Version: 1.0\r\nJBoss-Product-Release-Name: Keycloak\r\n" +
		"JBoss-Product-Release-Version: 16.1.0\r\n"
	tests := []struct {
		name  string
		files map[string]string // installation files, relative to the home
		want  [2]string         // product-name, product-version
	}{
		{"no product.conf keeps the defaults", nil, [2]string{"wfcli", "0.1"}},
		{"the manifest names the product and its version", map[string]string{
			"bin/product.conf":                         "slot=keycloak\n",
			base + "keycloak/dir/META-INF/MANIFEST.MF": kc,
		}, [2]string{"Keycloak", "16.1.0"}},
		{"a layer listed in layers.conf comes before the base layer", map[string]string{
			"bin/product.conf":    "# the product\nslot=rh-sso\n",
			"modules/layers.conf": "layers=rhsso\n",
			"modules/system/layers/rhsso/org/jboss/as/product/rh-sso/dir/META-INF/" +
				"MANIFEST.MF": "JBoss-Product-Release-Name: Red Hat Single Sign-On\n" +
				"JBoss-Product-Release-Version: 7.6.0.GA\n",
			base + "rh-sso/dir/META-INF/MANIFEST.MF": kc,
		}, [2]string{"Red Hat Single Sign-On", "7.6.0.GA"}},
		{"a continued manifest line is joined", map[string]string{
			"bin/product.conf": "slot=x\n",
			base + "x/dir/META-INF/MANIFEST.MF": "JBoss-Product-Release-Name: Long Pro\n" +
				" duct Name\n",
		}, [2]string{"Long Product Name", "0.1"}},
		{"the keycloak slot alone names Keycloak", map[string]string{
			"bin/product.conf": "slot=keycloak\n",
		}, [2]string{"Keycloak", "0.1"}},
		{"the rh-sso slot alone names RH-SSO", map[string]string{
			"bin/product.conf": "slot=rh-sso\n",
		}, [2]string{"Red Hat Single Sign-On", "0.1"}},
		{"an unknown slot without its module keeps the defaults", map[string]string{
			"bin/product.conf": "slot=other\n",
		}, [2]string{"wfcli", "0.1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			home := t.TempDir()
			for name, content := range tc.files {
				p := filepath.Join(home, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				writeFile(t, filepath.Dir(p), filepath.Base(p), content)
			}
			config := filepath.Join(home, "standalone", "configuration")
			if err := os.MkdirAll(config, 0o755); err != nil {
				t.Fatal(err)
			}
			s, err := Embed(Options{ConfigFile: writeFile(t, config, "standalone.xml",
				EmptyConfiguration), AdminOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Stop()
			var got [2]string
			for i, attr := range []string{"product-name", "product-version"} {
				got[i] = mustSucceed(t, s, `{"operation" => "read-attribute", "name" => "`+
					attr+`", "address" => []}`).AsString()
			}
			if got != tc.want {
				t.Errorf("product = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestKeycloak33ElytronMappersAreFound(t *testing.T) {
	s, _ := embedCopy(t, "keycloak330cr2__keycloak-3.3.0.CR2__standalone-ha.xml")
	tests := []struct{ name, op, want string }{
		{"the simple permission mapper of the file",
			`{"operation" => "read-children-names", "child-type" => "simple-permission-mapper",
			"address" => [("subsystem" => "elytron")]}`, `["anonymous-permission-mapper"]`},
		{"the constant permission mapper of the file",
			`{"operation" => "read-children-names", "child-type" =>
			"constant-permission-mapper", "address" => [("subsystem" => "elytron")]}`,
			`["constant-permission-mapper"]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := mustSucceed(t, s, tc.op).CompactString(); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

// caseConfig has the three values WildFly spells in lower case in the file
// and in capitals in the model.
const caseConfig = `<?xml version='1.0' encoding='UTF-8'?>

<server xmlns="urn:jboss:domain:20.0">
    <profile>
        <subsystem xmlns="urn:jboss:domain:logging:8.0">
            <async-handler name="ASYNC">
                <queue-length value="512"/>
                <overflow-action value="block"/>
            </async-handler>
        </subsystem>
        <subsystem xmlns="urn:jboss:domain:datasources:7.0">
            <datasources>
                <datasource jndi-name="java:jboss/datasources/KeycloakDS" pool-name="KeycloakDS">
                    <connection-url>jdbc:h2:mem:kc</connection-url>
                    <driver>h2</driver>
                    <statement>
                        <track-statements>nowarn</track-statements>
                    </statement>
                </datasource>
                <drivers>
                    <driver name="h2" module="com.h2database.h2"/>
                </drivers>
            </datasources>
        </subsystem>
        <subsystem xmlns="urn:jboss:domain:ejb3:9.0">
            <thread-pools>
                <thread-pool name="default">
                    <max-threads count="10"/>
                    <keepalive-time time="100" unit="milliseconds"/>
                </thread-pool>
            </thread-pools>
        </subsystem>
    </profile>
</server>
`

func TestLowerCaseXMLValuesReadInCapitals(t *testing.T) {
	const (
		async = `[("subsystem" => "logging"), ("async-handler" => "ASYNC")]`
		ds    = `[("subsystem" => "datasources"), ("data-source" => "KeycloakDS")]`
		pool  = `[("subsystem" => "ejb3"), ("thread-pool" => "default")]`
	)
	tests := []struct {
		name, addr, attr string
		read             string // compact DMR text read from the file
		write            string // DMR text of the value written
		diff             []string
	}{
		{"logging overflow-action", async, "overflow-action", `"BLOCK"`, `"DISCARD"`,
			[]string{`-                <overflow-action value="block"/>`,
				`+                <overflow-action value="discard"/>`}},
		{"datasource track-statements", ds, "track-statements", `"NOWARN"`, `"TRUE"`,
			[]string{`-                        <track-statements>nowarn</track-statements>`,
				`+                        <track-statements>true</track-statements>`}},
		{"ejb3 keepalive-time unit", pool, "keepalive-time",
			`{"time"=>100L,"unit"=>"MILLISECONDS"}`,
			`{"time" => 60L, "unit" => "SECONDS"}`,
			[]string{`-                    <keepalive-time time="100" unit="milliseconds"/>`,
				`+                    <keepalive-time time="60" unit="seconds"/>`}},
		{"an expression is written as typed", async, "overflow-action", `"BLOCK"`,
			`expression "${env.OVERFLOW:BLOCK}"`,
			[]string{`-                <overflow-action value="block"/>`,
				`+                <overflow-action value="${env.OVERFLOW:BLOCK}"/>`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			config := filepath.Join(t.TempDir(), "standalone", "configuration")
			if err := os.MkdirAll(config, 0o755); err != nil {
				t.Fatal(err)
			}
			s, err := Embed(Options{ConfigFile: writeFile(t, config, "standalone.xml",
				caseConfig), AdminOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Stop()
			read := `{"operation" => "read-attribute", "address" => ` + tc.addr +
				`, "name" => "` + tc.attr + `"}`
			if got := mustSucceed(t, s, read).CompactString(); got != tc.read {
				t.Errorf("read %s, want %s", got, tc.read)
			}
			mustSucceed(t, s, `{"operation" => "write-attribute", "address" => `+tc.addr+
				`, "name" => "`+tc.attr+`", "value" => `+tc.write+`}`)
			file := string(fileOf(t, s))
			if diff := cmp.Diff(tc.diff, lineDiff(caseConfig, file)); diff != "" {
				t.Errorf("line diff (-want +got):\n%s", diff)
			}
		})
	}
}

func TestKeycloakKeepaliveMigrateStep(t *testing.T) {
	s, data := embedCopy(t, "keycloak330cr2__keycloak-3.3.0.CR2__standalone-ha.xml")
	const pool = `[("subsystem" => "ejb3"), ("thread-pool" => "default")]`
	got := mustSucceed(t, s, `{"operation" => "read-attribute", "address" => `+pool+
		`, "name" => "keepalive-time"}`).CompactString()
	if want := `{"time"=>100L,"unit"=>"MILLISECONDS"}`; got != want {
		t.Fatalf("keepalive-time = %s, want %s (the migrate step would not run)", got, want)
	}
	mustSucceed(t, s, `{"operation" => "write-attribute", "address" => `+pool+
		`, "name" => "keepalive-time.time", "value" => 60}`)
	mustSucceed(t, s, `{"operation" => "write-attribute", "address" => `+pool+
		`, "name" => "keepalive-time.unit", "value" => "SECONDS"}`)
	want := []string{
		`-                    <keepalive-time time="100" unit="milliseconds"/>`,
		`+                    <keepalive-time time="60" unit="seconds"/>`,
	}
	if diff := cmp.Diff(want, lineDiff(string(data), string(fileOf(t, s)))); diff != "" {
		t.Errorf("line diff (-want +got):\n%s", diff)
	}
}
