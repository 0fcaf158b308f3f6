package e2e

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wfcli/server/defaultconfig"
)

// lineOf returns the 1-based number of the first line of a script holding
// text, failing the test when none does.
func lineOf(t *testing.T, script, text string) int {
	t.Helper()
	b, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(b), "\n") {
		if strings.Contains(l, text) {
			return i + 1
		}
	}
	t.Fatalf("%s has no line with %q", script, text)
	return 0
}

// Running the image's setup a second time: the scripts that add something
// find it there, the batch fails as a whole, and the file stays as the
// first run left it. Writing the same owners again is no failure.
func TestKeycloakImageScriptsRunTwice(t *testing.T) {
	sharedDir(t)
	config := corpusFile(t, "xml/findynamics-sso__keycloak-16.1.0__standalone-ha.xml")
	cliDir := filepath.Join(sharedDir(t), "corpus", "cli")
	tests := []struct {
		script   string
		failFile string // the script whose line fails, in the corpus
		failLine string // text of the failing line
		words    []string
	}{
		{"databases-postgres-standalone-ha-configuration",
			"kc-containers__databases-postgres-change-database.cli",
			"jdbc-driver=postgresql:add", []string{"step-9", "WFLYCTL0062", "WFLYCTL0212"}},
		{"jgroups-discovery-JDBC_PING", "kc-containers__jgroups-discovery-JDBC_PING.cli",
			"stack=udp/protocol=PING:remove", []string{"step-1", "WFLYCTL0062", "WFLYCTL0216"}},
		{"standalone-ha-configuration", "kc-containers__loglevel.cli",
			"logger=org.keycloak:add", []string{"step-1", "WFLYCTL0062", "WFLYCTL0212"}},
		{"infinispan-cache-owners", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.script, func(t *testing.T) {
			h := newHome(t, config)
			h.imageRC(t, "JDBC_PING", jdbcPingProperties)
			script := h.imageScript(t, tt.script)
			if res := h.run(t, "--file="+script); res.code != 0 {
				t.Fatalf("first run: exit code %d, want 0\n%s", res.code, res.output())
			}
			first := h.readConfig(t)

			res := h.run(t, "--file="+script)
			if tt.failFile == "" {
				if res.code != 0 {
					t.Errorf("second run: exit code %d, want 0\n%s", res.code, res.output())
				}
				if !bytes.Equal(first, h.readConfig(t)) {
					t.Errorf("writing the same values again changed the file")
				}
				return
			}
			line := lineOf(t, filepath.Join(cliDir, tt.failFile), tt.failLine)
			words := append([]string{fmt.Sprintf("%s:%d", tt.failFile, line)}, tt.words...)
			assertFailedUnchanged(t, res, first, h.readConfig(t), words)
		})
	}
}

// Our own scripts on our own default, twice: the second run of each script
// that adds something fails on its first step and changes nothing.
func TestOwnScriptsRunTwice(t *testing.T) {
	tests := []struct {
		script   string
		failLine string
		words    []string
	}{
		{"postgres.cli", "jdbc-driver=postgresql:add",
			[]string{"step-1", "WFLYCTL0062", "WFLYCTL0212"}},
		{"jdbc-ping.cli", "stack=udp/protocol=PING:remove",
			[]string{"step-1", "WFLYCTL0062", "WFLYCTL0216"}},
		{"log-levels.cli", "logger=org.keycloak:add",
			[]string{"step-1", "WFLYCTL0062", "WFLYCTL0212"}},
		{"cache-owners.cli", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.script, func(t *testing.T) {
			h := newHome(t, defaultconfig.StandaloneHA())
			script := filepath.Join(repoRoot, "scripts", tt.script)
			if res := h.run(t, "--file="+script); res.code != 0 {
				t.Fatalf("first run: exit code %d, want 0\n%s", res.code, res.output())
			}
			first := h.readConfig(t)

			res := h.run(t, "--file="+script)
			if tt.failLine == "" {
				if res.code != 0 {
					t.Errorf("second run: exit code %d, want 0\n%s", res.code, res.output())
				}
				if !bytes.Equal(first, h.readConfig(t)) {
					t.Errorf("writing the same values again changed the file")
				}
				return
			}
			line := lineOf(t, script, tt.failLine)
			words := append([]string{fmt.Sprintf("%s:%d", tt.script, line)}, tt.words...)
			assertFailedUnchanged(t, res, first, h.readConfig(t), words)
		})
	}
}

// A good change followed by a bad line: in a batch the good change is
// rolled back with it; as the first operation nothing is written at all.
func TestBadInputsLeaveTheFileAlone(t *testing.T) {
	const (
		sessions = "/subsystem=infinispan/cache-container=keycloak/distributed-cache=sessions"
		embed    = "embed-server --server-config=standalone-ha.xml --std-out=discard"
	)
	bad := []struct {
		name  string
		line  string
		words []string
	}{
		{"unclosed quote", sessions + `:write-attribute(name=owners, value="3)`, nil},
		{"malformed address", "/subsystem=infinispan/cache-container=keycloak/distributed-cache" +
			":write-attribute(name=owners, value=3)", nil},
		{"unknown attribute", sessions + ":write-attribute(name=ownerz, value=3)",
			[]string{"WFLYCTL0201", "ownerz"}},
		{"wrong type", sessions + ":write-attribute(name=owners, value=many)",
			[]string{"WFLYCTL0097"}},
		{"missing resource",
			"/subsystem=infinispan/cache-container=keycloak/distributed-cache=nosuch" +
				":write-attribute(name=owners, value=3)",
			[]string{"WFLYCTL0216", "nosuch"}},
		{"duplicate resource",
			"/subsystem=datasources/data-source=KeycloakDS:add(jndi-name=java:/x, " +
				"driver-name=h2, connection-url=jdbc:h2:mem:x)",
			[]string{"WFLYCTL0212"}},
		{"value not allowed", "/subsystem=datasources/data-source=KeycloakDS:" +
			"write-attribute(name=flush-strategy, value=Sometimes)",
			[]string{"WFLYCTL0248", "Sometimes"}},
		{"value below the minimum", sessions + ":write-attribute(name=owners, value=0)",
			[]string{"WFLYCTL0117"}},
		{"reference to a missing data source",
			"/subsystem=jgroups/stack=udp/protocol=JDBC_PING:add(add-index=0, data-source=NoDS)",
			[]string{"WFLYCTL0369", "NoDS"}},
		{"reference to a missing stack",
			"/subsystem=jgroups/channel=ee:write-attribute(name=stack, value=nosuch)",
			[]string{"WFLYCTL0369", "nosuch"}},
		{"unknown variable", "/subsystem=logging/logger=$nosuch:add", []string{"nosuch"}},
		{"unknown command", "frobnicate --now", []string{"frobnicate"}},
	}
	layouts := []struct {
		name    string
		lines   func(bad string) []string
		badLine int
	}{
		{"inside a batch after a good change", func(bad string) []string {
			return []string{embed, "batch", sessions + ":write-attribute(name=owners, value=3)",
				bad, "run-batch", "stop-embedded-server"}
		}, 4},
		{"as the first operation", func(bad string) []string {
			return []string{embed, bad, sessions + ":write-attribute(name=owners, value=3)",
				"stop-embedded-server"}
		}, 2},
	}
	for _, b := range bad {
		for _, l := range layouts {
			t.Run(b.name+" "+l.name, func(t *testing.T) {
				config := defaultconfig.StandaloneHA()
				h := newHome(t, config)
				script := h.write(t, "bad.cli", strings.Join(l.lines(b.line), "\n")+"\n")
				res := h.run(t, "--file="+script)
				words := append([]string{fmt.Sprintf("bad.cli:%d", l.badLine)}, b.words...)
				assertFailedUnchanged(t, res, config, h.readConfig(t), words)
			})
		}
	}
}

// Failures around the file itself: the embedded server cannot start, or a
// batch file is missing.
func TestBadSetupLeavesTheFileAlone(t *testing.T) {
	tests := []struct {
		name  string
		rc    string // .jbossclirc in the working directory, when not empty
		lines []string
		words []string
	}{
		{"configuration file missing", "", []string{
			"embed-server --server-config=nosuch.xml --std-out=discard",
			"/subsystem=logging/logger=org.keycloak:add",
			"stop-embedded-server"}, []string{"setup.cli:1"}},
		{"configuration name without .xml", "", []string{
			"embed-server --server-config=standalone-ha --std-out=discard",
			"stop-embedded-server"}, []string{"setup.cli:1"}},
		{"batch file missing", "", []string{
			"embed-server --server-config=standalone-ha.xml --std-out=discard",
			"run-batch --file=nosuch.cli",
			"stop-embedded-server"}, []string{"setup.cli:2"}},
		{"operation before embed-server", "", []string{
			"/subsystem=logging/logger=org.keycloak:add"}, []string{"setup.cli:1"}},
		{"a bad line in .jbossclirc", "set a=1\nfrobnicate\n", []string{
			"embed-server --server-config=standalone-ha.xml --std-out=discard",
			"/subsystem=logging/logger=org.keycloak:add",
			"stop-embedded-server"}, []string{".jbossclirc:2", "Failed to process"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			config := defaultconfig.StandaloneHA()
			h := newHome(t, config)
			if tt.rc != "" {
				h.write(t, ".jbossclirc", tt.rc)
			}
			script := h.write(t, "setup.cli", strings.Join(tt.lines, "\n")+"\n")
			res := h.run(t, "--file="+script)
			assertFailedUnchanged(t, res, config, h.readConfig(t), tt.words)
		})
	}
}
