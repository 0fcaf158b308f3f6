package e2e

import (
	"regexp"
	"strings"
	"testing"

	"github.com/beevik/etree"
	"github.com/google/go-cmp/cmp"
)

// ivangfr/keycloak-clustered runs its JDBC_PING script after the image's
// PostgreSQL switch: cache owners and JDBC_PING in one batch, then guarded
// steps that pick the SQL for the database in use, then an optional
// external address. JDBC_PING is added without data-source, so WildFly
// keeps it as a generic protocol driven by its properties.
func TestKeycloakClusteredJDBCPingAfterPostgres(t *testing.T) {
	sharedDir(t)
	const script = "ivangfr-kc-clustered__16.1.0-JDBC_PING.cli"
	config := corpusFile(t, "xml/findynamics-sso__keycloak-16.1.0__standalone-ha.xml")
	tests := []struct {
		name       string
		externalIP string
	}{
		{"without an external address", ""},
		{"with an external address", "10.0.0.5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHome(t, config)
			h.imageRC(t, "JDBC_PING", "{datasource_jndi_name=>java:jboss/datasources/KeycloakDS}")
			res := h.run(t, "--file="+h.imageScript(t, "databases-postgres-standalone-ha-configuration"))
			if res.code != 0 {
				t.Fatalf("postgres: exit code %d, want 0\n%s", res.code, res.output())
			}
			before := h.readConfig(t)

			if tt.externalIP != "" {
				h.env = []string{"JGROUPS_DISCOVERY_EXTERNAL_IP=" + tt.externalIP}
			}
			path := h.write(t, script, string(corpusFile(t, "cli/"+script)))
			res = h.run(t, "--file="+path)
			if res.code != 0 {
				t.Fatalf("exit code %d, want 0\n%s", res.code, res.output())
			}
			b, a := parseXML(t, before), parseXML(t, h.readConfig(t))

			ownersCheck("${env.CACHE_OWNERS:2}", "${env.CACHE_OWNERS:2}")(t, b, a, "")
			assertFragment(t, a, "//stack[@name='tcp']/protocol[@type='JDBC_PING']",
				postgresPing(t, string(corpusFile(t, "cli/"+script))))
			want := []string{"TCP", "JDBC_PING", "MERGE3", "FD_SOCK", "FD_ALL", "VERIFY_SUSPECT",
				"pbcast.NAKACK2", "UNICAST3", "pbcast.STABLE", "pbcast.GMS", "MFC", "FRAG3"}
			got := childTypes(findOne(t, a, "//stacks/stack[@name='tcp']"))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("protocols of stack tcp (-want +got):\n%s", diff)
			}
			assertAbsent(t, a, "//stack[@name='udp']/protocol[@type='PING']")

			transport := `<transport type="TCP" socket-binding="jgroups-tcp"/>`
			if tt.externalIP != "" {
				transport = `<transport type="TCP" socket-binding="jgroups-tcp">
    <property name="external_addr">${env.JGROUPS_DISCOVERY_EXTERNAL_IP}</property>
</transport>`
			} else if !strings.Contains(res.output(), "JGROUPS_DISCOVERY_EXTERNAL_IP maybe not set.") {
				t.Errorf("output lacks the catch block's echo:\n%s", res.output())
			}
			assertFragment(t, a, "//stack[@name='tcp']/transport", transport)
		})
	}
}

// sqlProperty matches one property=<name>:add(value="<sql>") line.
var sqlProperty = regexp.MustCompile(`property=(\w+):add\(value="(.*)"\)\s*$`)

// postgresPing builds the JDBC_PING element the script's PostgreSQL branch
// leaves: the data source's JNDI name from the properties, then the four
// SQL statements exactly as the script writes them.
func postgresPing(t *testing.T, script string) string {
	t.Helper()
	_, branch, ok := strings.Cut(script, "result == postgresql)")
	if !ok {
		t.Fatal("the script has no PostgreSQL branch")
	}
	branch, _, _ = strings.Cut(branch, "end-if")

	doc := etree.NewDocument()
	p := doc.CreateElement("protocol")
	p.CreateAttr("type", "JDBC_PING")
	add := func(name, value string) {
		e := p.CreateElement("property")
		e.CreateAttr("name", name)
		e.SetText(value)
	}
	add("datasource_jndi_name", "java:jboss/datasources/KeycloakDS")
	n := 0
	for _, line := range strings.Split(branch, "\n") {
		if m := sqlProperty.FindStringSubmatch(line); m != nil {
			add(m[1], m[2])
			n++
		}
	}
	if n != 4 {
		t.Fatalf("found %d SQL properties in the PostgreSQL branch, want 4", n)
	}
	out, err := doc.WriteToString()
	if err != nil {
		t.Fatal(err)
	}
	return out
}
