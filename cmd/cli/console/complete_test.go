package console

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var cacheTypes = []string{"distributed-cache=", "invalidation-cache=", "local-cache=",
	"replicated-cache=", "scattered-cache=", "scheduled-thread-pool=", "thread-pool=",
	"transport="}

// lsOptions are the options ls takes, as Tab lists them.
var lsOptions = []string{"--access-type", "--default", "--description",
	"--expressions-allowed", "--nillable", "--required", "--resolve-expressions",
	"--restart-required", "--storage", "-l"}

// rootTypes are the child types of the root of the default configuration.
var rootTypes = []string{"core-service=", "extension=", "interface=", "path=",
	"socket-binding-group=", "subsystem=", "system-property="}

var readResourceParams = []string{"attributes-only", "include-aliases", "include-defaults",
	"include-runtime", "include-undefined-metric-values", "proxies", "recursive",
	"recursive-depth", "resolve-expressions"}

func TestCompleteAtEachPosition(t *testing.T) {
	sh := bootShell(t, nil, "set foo=1\nset bar=2\n"+
		"/system-property=\"a/b\":add(value=1)\n/system-property=plain:add(value=2)")
	tests := []struct {
		name, line string
		want       []string
		start      int
	}{
		{"a command name", "ec", []string{"echo", "echo-dmr"}, 0},
		{"a command name after leading spaces", "  unse", []string{"unset"}, 2},
		{"a subsystem name", "/subsystem=in", []string{"infinispan"}, 11},
		{"a child type from the root", "/sub", []string{"subsystem="}, 1},
		{"what may follow a whole name", "/subsystem=infinispan",
			[]string{"infinispan/", "infinispan:"}, 11},
		{"what may follow a whole name in a node path", "cd /subsystem=infinispan",
			[]string{"infinispan/"}, 14},
		{"the child types of a cache container",
			"/subsystem=infinispan/cache-container=keycloak/", cacheTypes, 47},
		{"the names of a child type", "/subsystem=infinispan/cache-container=k",
			[]string{"keycloak"}, 38},
		{"a path after '..'", "/subsystem=infinispan/../subsystem=undert",
			[]string{"undertow"}, 35},
		{"an operation name", "/subsystem=logging:read-o",
			[]string{"read-operation-description", "read-operation-names"}, 19},
		{"the parameters of an operation", ":read-resource(", readResourceParams, 15},
		{"the parameters not given yet", ":read-resource(recursive=true,",
			[]string{"attributes-only", "include-aliases", "include-defaults", "include-runtime",
				"include-undefined-metric-values", "proxies", "recursive-depth",
				"resolve-expressions"}, 30},
		{"a parameter after a space", ":read-resource(recursive=true, include-r",
			[]string{"include-runtime"}, 31},
		{"a boolean parameter value", ":read-resource(recursive=", []string{"false", "true"}, 25},
		{"the attribute names of write-attribute",
			"/subsystem=undertow:write-attribute(name=", []string{"default-security-domain",
				"default-server", "default-servlet-container", "default-virtual-host",
				"instance-id", "obfuscate-session-route", "statistics-enabled"}, 41},
		{"the allowed values of the attribute written",
			"/subsystem=logging/console-handler=CONSOLE:write-attribute(name=level,value=W",
			[]string{"WARN", "WARNING"}, 76},
		{"a child type for read-children-names",
			"/subsystem=jgroups:read-children-names(child-type=", []string{"channel", "stack"},
			50},
		{"a header name", ":read-resource(){roll",
			[]string{"rollback-on-runtime-failure", "rollout"}, 17},
		{"a second header", ":read-resource(){rollout=x; allow",
			[]string{"allow-resource-service-restart"}, 28},
		{"a boolean header value", ":read-resource(){rollback-on-runtime-failure=",
			[]string{"false", "true"}, 45},
		{"variables after $", "echo $", []string{"$bar", "$foo"}, 5},
		{"a variable in an operation", ":read-resource(recursive=$f", []string{"$foo"}, 25},
		{"a node path for cd", "cd subsystem=l", []string{"logging"}, 13},
		{"a child type for ls", "ls /subsystem=jgroups/", []string{"channel=", "stack="}, 22},
		{"the options of a command", "ls --re", []string{"--required", "--resolve-expressions",
			"--restart-required"}, 3},
		{"options not given yet", "ls -l --required --re",
			[]string{"--resolve-expressions", "--restart-required"}, 17},
		{"the values of an option", "embed-server --std-out=", []string{"discard", "echo"}, 23},
		{"a node path for --node", "read-attribute --node=/subsystem=jg",
			[]string{"jgroups"}, 33},
		{"an attribute for read-attribute", "read-attribute server-s",
			[]string{"server-state"}, 15},
		{"a data-source option from the model", "data-source add --name=x --driver-n",
			[]string{"--driver-name"}, 25},
		{"a data-source name", "data-source remove --name=E", []string{"ExampleDS"}, 26},
		{"a command for help", "help batc", []string{"batch"}, 5},
		{"the resources an added attribute references",
			"/subsystem=datasources/data-source=New:add(jndi-name=java:/New, driver-name=",
			[]string{"h2"}, 76},
		{"the resources a written attribute references",
			"/subsystem=jgroups/channel=ee:write-attribute(name=stack,value=",
			[]string{"tcp", "udp"}, 63},
		{"an item of a list of references",
			"/subsystem=logging/logger=x:add(level=INFO, handlers=[CONSOLE, F",
			[]string{"FILE"}, 63},
		{"a line in backquotes", "set v=`/subsystem=jgroups:read-attribute(name=default-c",
			[]string{"default-channel"}, 46},
		{"the driver of a data-source command", "data-source add --name=x --driver-name=",
			[]string{"h2"}, 39},
		{"names that need quotes are quoted", "/system-property=",
			[]string{`"a/b"`, "plain"}, 17},
		{"a path through a quoted name", `/system-property="a/b":read-a`,
			[]string{"read-attribute"}, 23},
		{"a file for --file", "run-batch --file=standalone/conf",
			[]string{"standalone/configuration/"}, 17},
		{"a file in a directory", "run-batch --file=standalone/configuration/standalone-h",
			[]string{"standalone/configuration/standalone-ha.xml"}, 17},
		{"a header of --headers", "run-batch --headers={rollb",
			[]string{"rollback-on-runtime-failure"}, 21},
		{"nothing for an unknown child type", "/nope=", nil, 6},
		{"the operation of an if", "if (outcome == success) of /subsystem=jg",
			[]string{"jgroups"}, 38},
		{"the operation of a for", "for n in :read-children-names(child-type=sub",
			[]string{"subsystem"}, 41},
		{"the operation of echo-dmr", "echo-dmr --compact :read-resource(rec",
			[]string{"recursive", "recursive-depth"}, 34},
		{"the options of echo-dmr", "echo-dmr --c", []string{"--compact"}, 9},
		{"no read-only attribute for write-attribute", ":write-attribute(name=r", nil, 22},
		{"read-only attributes for read-attribute", ":read-attribute(name=running-",
			[]string{"running-mode"}, 21},
		{"the options of ls after a whole path", "ls /subsystem=logging ", lsOptions, 22},
		{"the options of ls not given yet after a path", "ls /subsystem=logging -l --re",
			[]string{"--required", "--resolve-expressions", "--restart-required"}, 25},
		{"only the remaining options after a path and an option",
			"ls /subsystem=logging -l ", lsOptions[:len(lsOptions)-1], 25},
		{"the option of cd after a whole path", "cd /subsystem=logging ",
			[]string{"--no-validation"}, 22},
		{"an unfinished path of ls still completes", "ls /subsystem=jgroups/st",
			[]string{"stack="}, 22},
		{"child types and options before the path of cd", "cd ",
			append([]string{"--no-validation"}, rootTypes...), 3},
		{"the options read-attribute accepts", "read-attribute --",
			[]string{"--include-defaults", "--node", "--resolve-expressions"}, 15},
		{"no --file for batch", "batch -", []string{"-l"}, 6},
	}
	c := NewCompleter(sh)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, start := c.Complete(tc.line)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Complete(%q) candidates (-want +got):\n%s", tc.line, diff)
			}
			if start != tc.start {
				t.Errorf("Complete(%q) start = %d, want %d", tc.line, start, tc.start)
			}
		})
	}
}

func TestCompleteRelativeToTheCurrentNode(t *testing.T) {
	sh := bootShell(t, nil, "cd /subsystem=infinispan/cache-container=keycloak")
	tests := []struct {
		name, line string
		want       []string
		start      int
	}{
		{"a child type", "./", cacheTypes, 2},
		{"a child type without a slash", "dist", []string{"distributed-cache="}, 0},
		{"an operation of the current node", ":remove-a", []string{"remove-alias"}, 1},
		{"the parent's children", "../cache-container=w", []string{"web"}, 19},
		{"a path for ls", "ls local-cache=",
			[]string{"authorization", "keys", "realms", "users"}, 15},
	}
	c := NewCompleter(sh)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, start := c.Complete(tc.line)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Complete(%q) candidates (-want +got):\n%s", tc.line, diff)
			}
			if start != tc.start {
				t.Errorf("Complete(%q) start = %d, want %d", tc.line, start, tc.start)
			}
		})
	}
}

func TestCompleteWithoutAConnection(t *testing.T) {
	c := NewCompleter(disconnected{})
	got, start := c.Complete("/subsystem=")
	if len(got) != 0 || start != 11 {
		t.Errorf("Complete without a connection = %q at %d, want nothing at 11", got, start)
	}
	got, _ = c.Complete("stop-embedded")
	if diff := cmp.Diff([]string{"stop-embedded-server"}, got); diff != "" {
		t.Errorf("command names without a connection (-want +got):\n%s", diff)
	}
}

func TestReadlineAdapterReturnsTheRestOfEachCandidate(t *testing.T) {
	sh := bootShell(t, nil, "")
	r := readlineCompleter{c: NewCompleter(sh)}
	line := []rune("ls /subsystem=jgroups/st and more")
	got, length := r.Do(line, len("ls /subsystem=jgroups/st"))
	var rest []string
	for _, g := range got {
		rest = append(rest, string(g))
	}
	if diff := cmp.Diff([]string{"ack="}, rest); diff != "" || length != 2 {
		t.Errorf("Do = %q, %d; want [ack=], 2 (%s)", rest, length, diff)
	}
}

func TestCompleteOnACorpusConfiguration(t *testing.T) {
	name := "mu-wahba-kc-for-production__keycloak-11.0.0-customized__standalone-ha.xml"
	config, err := os.ReadFile(filepath.Join(corpusDir(t), name))
	if err != nil {
		t.Skipf("the corpus lacks %s", name)
	}
	sh := bootShell(t, config, "")
	tests := []struct {
		name, line string
		want       []string
		start      int
	}{
		{"the data sources", "/subsystem=datasources/data-source=",
			[]string{"ExampleDS", "KeycloakDS"}, 35},
		{"the distributed caches of keycloak",
			"/subsystem=infinispan/cache-container=keycloak/distributed-cache=",
			[]string{"actionTokens", "authenticationSessions", "clientSessions", "loginFailures",
				"offlineClientSessions", "offlineSessions", "sessions"}, 65},
		{"a data source for the command", "data-source --name=K", []string{"KeycloakDS"}, 19},
	}
	c := NewCompleter(sh)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, start := c.Complete(tc.line)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Complete(%q) candidates (-want +got):\n%s", tc.line, diff)
			}
			if start != tc.start {
				t.Errorf("Complete(%q) start = %d, want %d", tc.line, start, tc.start)
			}
		})
	}
}
